/**
 * The small part of the Excel JavaScript API the adapter uses, by the API's own names. The real
 * `Excel.RequestContext` provides all of it; the strict fake in test/support provides exactly this, so what the
 * adapter may touch is written down once and type-checked for both.
 *
 * Each interface names the office.js class it stands for (`@excel Class`): the build test
 * (test/browser/built.test.ts) looks every member up in the shipped dist/office-js/excel-*.js, and a member missing
 * there must be behind a gate of ./capabilities.ts (used only where the host reports its set and the library
 * defines it). A member's requirement set is given where it is above the ExcelApi 1.7 baseline.
 */

export interface XLoadable {
  load(props?: string): unknown;
}

/** @excel RequestContext */
export interface XContext {
  workbook: XWorkbook;
  sync(): Promise<void>;
}

/** @excel Workbook */
export interface XWorkbook {
  worksheets: XWorksheetCollection;
  /** ExcelApi 1.18 (GATES.notes). */
  notes: XNoteCollection;
  /** ExcelApi 1.10 (GATES.threads). */
  comments: XCommentCollection;
  protection: XWorkbookProtection;
}

/** @excel WorksheetCollection */
export interface XWorksheetCollection extends XLoadable {
  items: XWorksheet[];
  /** By name or by id. */
  getItem(key: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet & { isNullObject: boolean };
  add(name: string): XWorksheet;
}

/** @excel Worksheet */
export interface XWorksheet extends XLoadable {
  name: string;
  /** Stable across renames. */
  id: string;
  visibility: string;
  tabColor: string;
  delete(): void;
  activate(): void;
  getRange(address?: string): XRange;
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): XRange;
  /** ExcelApi 1.9 (GATES.rangeAreas). */
  getRanges(addresses: string): XRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  protection: XWorksheetProtection;
  freezePanes: XWorksheetFreezePanes;
  /** ExcelApi 1.9 (GATES.pageLayout). */
  pageLayout: XPageLayout;
  /** ExcelApi 1.9 (GATES.pageLayout). */
  horizontalPageBreaks: XPageBreakCollection;
}

/** @excel WorksheetProtection */
export interface XWorksheetProtection extends XLoadable {
  protected: boolean;
  options: Record<string, boolean>;
  protect(options?: Record<string, boolean>, password?: string): void;
  unprotect(password?: string): void;
}

/** @excel WorksheetFreezePanes */
export interface XWorksheetFreezePanes {
  freezeRows(count: number): void;
  freezeAt(range: XRange | string): void;
}

/** @excel PageBreakCollection — ExcelApi 1.9. */
export interface XPageBreakCollection {
  add(range: string): void;
  removePageBreaks(): void;
}

/** @excel PageLayout — ExcelApi 1.9: paper, orientation, scale, margins (points), print titles and area, headers and footers. */
export interface XPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  headersFooters: XHeaderFooterGroup;
  setPrintTitleRows(rows: string): void;
  setPrintTitleColumns(cols: string): void;
  setPrintArea(area: string): void;
}

/** @excel HeaderFooterGroup — ExcelApi 1.9. */
export interface XHeaderFooterGroup {
  defaultForAllPages: XHeaderFooter;
}

/** @excel HeaderFooter — ExcelApi 1.9. */
export interface XHeaderFooter {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

/** @excel RangeFill */
export interface XRangeFill extends XLoadable {
  color: string;
  clear(): void;
}

/** @excel RangeFont */
export interface XRangeFont {
  bold: boolean;
  italic: boolean;
  underline: string;
  color: string;
  size: number;
  name: string;
}

/** @excel RangeBorderCollection */
export interface XRangeBorderCollection {
  getItem(edge: string): XRangeBorder;
}

/** @excel RangeBorder */
export interface XRangeBorder {
  style: string;
  color: string;
}

/** @excel FormatProtection */
export interface XFormatProtection {
  locked: boolean;
}

/** @excel RangeFormat */
export interface XRangeFormat {
  fill: XRangeFill;
  font: XRangeFont;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  columnWidth: number;
  rowHeight: number;
  borders: XRangeBorderCollection;
  protection: XFormatProtection;
}

/** @excel DataValidation — ExcelApi 1.8. */
export interface XDataValidation {
  rule: unknown;
  errorAlert: unknown;
  prompt: unknown;
}

/** @excel Range */
export interface XRange extends XLoadable {
  isNullObject: boolean;
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  format: XRangeFormat;
  /** ExcelApi 1.2: hides the whole columns of the range. */
  columnHidden: boolean;
  /** ExcelApi 1.7. */
  hyperlink: { documentReference?: string; textToDisplay?: string; screenTip?: string } | null;
  /** ExcelApi 1.8 (GATES.validation). */
  dataValidation: XDataValidation;
  merge(across?: boolean): void;
  unmerge(): void;
  /** Shifts cells down (or right) to make room: what was there moves, references to it follow. */
  insert(shift: string): unknown;
  /** What cells show (a date as its format shows it). */
  text: unknown[][];
  /** ExcelApi 1.13 (GATES.mergedAreas): the merged areas inside this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): XMergedAreas;
  /** ExcelApi 1.4: the used part of this range (with `valuesOnly`, of the cells holding values), or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  select(): void;
  clear(applyTo?: string): void;
}

/** @excel RangeAreas — ExcelApi 1.9: loaded for its address ("Sheet1!A1:B2, Sheet1!D4:E4"). */
export interface XMergedAreas extends XLoadable {
  isNullObject: boolean;
  address: string;
}

/** @excel RangeAreas — ExcelApi 1.9: formatting every area alike. */
export interface XRangeAreas {
  format: Omit<XRangeFormat, 'columnWidth' | 'rowHeight'>;
}

/** @excel Note — ExcelApi 1.18. */
export interface XNote extends XLoadable {
  isNullObject: boolean;
  content: string;
  delete(): void;
}

/** @excel NoteCollection — ExcelApi 1.18. */
export interface XNoteCollection {
  add(cellAddress: string, content: string): XNote;
  getItemOrNullObject(cellAddress: string): XNote;
}

/** @excel CommentReplyCollection — ExcelApi 1.10. */
export interface XCommentReplyCollection extends XLoadable {
  items: Array<{ id: string; content: string; authorName: string }>;
  add(content: string): unknown;
}

/** @excel Comment — ExcelApi 1.10. */
export interface XComment extends XLoadable {
  id: string;
  content: string;
  authorName: string;
  /** ExcelApi 1.11 (GATES.resolved). */
  resolved: boolean;
  replies: XCommentReplyCollection;
  /** Deletes the thread with every reply. */
  delete(): void;
  getLocation(): XRange;
}

/** @excel WorkbookProtection — ExcelApi 1.7: workbook structure protection. */
export interface XWorkbookProtection extends XLoadable {
  protected: boolean;
}

/** @excel CommentCollection — ExcelApi 1.10. */
export interface XCommentCollection extends XLoadable {
  items: XComment[];
  add(cellAddress: string, content: string): XComment;
  getItem(id: string): XComment;
}
