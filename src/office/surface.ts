/**
 * The small part of the Excel JavaScript API the adapter uses, by the API's own names. The real
 * `Excel.RequestContext` provides all of it; the strict fake in test/office provides exactly this, so what the
 * adapter may touch is written down once and type-checked for both.
 */

export interface XLoadable {
  load(props?: string): unknown;
}

export interface XContext {
  workbook: XWorkbook;
  sync(): Promise<void>;
}

export interface XWorkbook {
  worksheets: XWorksheetCollection;
  /** ExcelApi 1.18. */
  notes: XNoteCollection;
  /** ExcelApi 1.10. */
  comments: XCommentCollection;
  protection: XWorkbookProtection;
}

export interface XWorksheetCollection extends XLoadable {
  items: XWorksheet[];
  /** By name or by id. */
  getItem(key: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet & { isNullObject: boolean };
  add(name: string): XWorksheet;
}

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
  /** ExcelApi 1.9. */
  getRanges(addresses: string): XRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  protection: XLoadable & { protected: boolean; options: Record<string, boolean>; protect(options?: Record<string, boolean>, password?: string): void; unprotect(password?: string): void };
  freezePanes: { freezeRows(count: number): void; freezeAt(range: XRange | string): void };
  /** ExcelApi 1.9. */
  pageLayout: XPageLayout;
  /** ExcelApi 1.9. */
  horizontalPageBreaks: { add(range: string): void; removePageBreaks(): void };
}

/** ExcelApi 1.9: paper, orientation, scale, margins (points), print titles and area, headers and footers. */
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
  headersFooters: { defaultForAllPages: { leftHeader: string; centerHeader: string; rightHeader: string; leftFooter: string; centerFooter: string; rightFooter: string } };
  setPrintTitleRows(rows: string): void;
  setPrintTitleColumns(cols: string): void;
  setPrintArea(area: string): void;
}

export interface XRangeFormat {
  fill: { color: string; clear(): void } & XLoadable;
  font: { bold: boolean; italic: boolean; underline: string; color: string; size: number; name: string };
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  columnWidth: number;
  rowHeight: number;
  borders: { getItem(edge: string): { style: string; color: string } };
  protection: { locked: boolean };
}

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
  /** ExcelApi 1.8. */
  dataValidation: { rule: unknown; errorAlert: unknown; prompt: unknown };
  merge(across?: boolean): void;
  unmerge(): void;
  /** Shifts cells down (or right) to make room: what was there moves, references to it follow. */
  insert(shift: string): unknown;
  /** What cells show (a date as its format shows it). */
  text: unknown[][];
  /** ExcelApi 1.13: the merged areas inside this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): XMergedAreas;
  /** ExcelApi 1.4: the used part of this range (with `valuesOnly`, of the cells holding values), or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  select(): void;
  clear(applyTo?: string): void;
}

/** A RangeAreas loaded for its address ("Sheet1!A1:B2, Sheet1!D4:E4"). */
export interface XMergedAreas extends XLoadable {
  isNullObject: boolean;
  address: string;
}

export interface XRangeAreas {
  format: Omit<XRangeFormat, 'columnWidth' | 'rowHeight'>;
}

export interface XNote extends XLoadable {
  isNullObject: boolean;
  content: string;
  delete(): void;
}

export interface XNoteCollection {
  add(cellAddress: string, content: string): XNote;
  getItemOrNullObject(cellAddress: string): XNote;
}

export interface XComment extends XLoadable {
  id: string;
  content: string;
  authorName: string;
  /** ExcelApi 1.11. */
  resolved: boolean;
  replies: XLoadable & { items: Array<{ id: string; content: string; authorName: string }>; add(content: string): unknown };
  /** Deletes the thread with every reply. */
  delete(): void;
  getLocation(): XRange;
}

/** ExcelApi 1.7: workbook structure protection. */
export interface XWorkbookProtection extends XLoadable {
  protected: boolean;
}

export interface XCommentCollection extends XLoadable {
  items: XComment[];
  add(cellAddress: string, content: string): XComment;
  getItem(id: string): XComment;
}
