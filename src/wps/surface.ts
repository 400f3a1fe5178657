/**
 * The small part of the WPS 表格 (ET) JavaScript object model the adapter uses, by the object model's own names.
 * It is shaped like Excel's VBA object model and is synchronous: every property read, write and method call is a
 * call into WPS. Written from the declarations WPS publishes for its spreadsheet (npm `et-jsapi-declare` 2.5.0,
 * lib.et.d.ts: Range.Value2 / Formula / NumberFormat / Interior.Color / AddComment / Comment.Text,
 * Worksheet.Protect(Password, …) / Unprotect(Password) / ProtectContents / Visible: XlSheetVisibility
 * (xlSheetVeryHidden = 2) / UsedRange, Sheets.Add / Item / Count, Hyperlinks.Add) and the add-in toolkit's
 * spreadsheet templates (npm `wpsjs` 2.2.3, packages/@wps-jsapi/et*: `window.Application.ActiveWorkbook`,
 * `CreateTaskPane`, `PluginStorage`). (`wps-jsapi-declare` covers WPS 文字 only.) The strict fake in
 * test/support/fake-wps.ts provides exactly this, so what the adapter may touch is written down once.
 *
 * The object model's own rules, which the adapter follows and the fake enforces:
 * - indexes are 1-based (Sheets.Item(1), Range.Row, Cells.Item(row, col)); an index out of range raises;
 * - colours are BGR integers (Interior.Color = 0xBBGGRR); a cell without fill reports white (16777215);
 * - Value2 gives numbers for dates (no Date objects); Formula gives "=…" for formulas and the constant otherwise;
 * - reading Value2 or Formula of a multi-cell range gives one 2-D array (rows of columns, 0-based in JavaScript),
 *   of a single cell a scalar; NumberFormat of a multi-cell range gives the common format, or null when mixed;
 * - text written into a cell formatted "@" stays text; otherwise "=…" is a formula and "001" becomes 1;
 * - writing to a locked cell of a protected sheet raises; Unprotect with a wrong password raises.
 */

/** XlSheetVisibility. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** XlConstants used below. */
export const XL_NONE = -4142;
export const XL_LEFT = -4131;
export const XL_CENTER = -4108;
export const XL_RIGHT = -4152;
export const XL_TOP = -4160;
export const XL_DOWN = -4121;
export const XL_CONTINUOUS = 1;
export const XL_UNDERLINE_SINGLE = 2;
/** XlBordersIndex: edges of a range. */
export const XL_EDGES = { top: 8, bottom: 9, left: 7, right: 10 } as const;
/** XlPageOrientation. */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
/** XlDVType / XlDVAlertStyle / XlFormatConditionOperator for data validation. */
export const XL_VALIDATE = { whole: 1, decimal: 2, list: 3 } as const;
export const XL_VALID_ALERT = { stop: 1, warning: 2 } as const;
export const XL_BETWEEN = 1;

export interface WApplication {
  /** The workbook in front; null when none is open. */
  readonly ActiveWorkbook: WWorkbook | null;
  readonly ActiveWindow: WWindow | null;
  /** The sheet in front; adding a sheet brings the new one to the front. */
  readonly ActiveSheet: WWorksheet | null;
}

export interface WWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface WWorkbook {
  readonly Name: string;
  readonly Worksheets: WSheets;
}

export interface WSheets {
  readonly Count: number;
  /** 1-based index or name; raises when there is no such sheet. */
  Item(index: number | string): WWorksheet;
  /** Adds a sheet (and activates it): before or after the sheet given. */
  Add(Before?: WWorksheet, After?: WWorksheet): WWorksheet;
}

export interface WWorksheet {
  Name: string;
  /** 1-based position. */
  readonly Index: number;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  Visible: number;
  readonly UsedRange: WRange;
  /** "A1", "B2:C3", or several areas "A1,C3:D4" (an address of at most 255 characters). */
  Range(address: string): WRange;
  readonly ProtectContents: boolean;
  readonly Protection: WProtection;
  Protect(
    Password?: string,
    DrawingObjects?: boolean,
    Contents?: boolean,
    Scenarios?: boolean,
    UserInterfaceOnly?: boolean,
    AllowFormattingCells?: boolean,
    AllowFormattingColumns?: boolean,
    AllowFormattingRows?: boolean,
    AllowInsertingColumns?: boolean,
    AllowInsertingRows?: boolean,
    AllowInsertingHyperlinks?: boolean,
    AllowDeletingColumns?: boolean,
    AllowDeletingRows?: boolean,
  ): void;
  Unprotect(Password?: string): void;
  Activate(): void;
  /** Deletes the sheet (WPS asks the user first when it holds anything: the tool deletes only a sheet it just added, empty). */
  Delete(): void;
  readonly Tab: { Color: number };
  readonly Hyperlinks: { Add(Anchor: WRange, Address: string, SubAddress?: string, ScreenTip?: string, TextToDisplay?: string): unknown };
  readonly PageSetup: { Orientation: number; Zoom: number | boolean; FitToPagesWide: number | boolean; FitToPagesTall: number | boolean; PrintTitleRows: string };
}

export interface WProtection {
  readonly AllowFormattingCells: boolean;
  readonly AllowFormattingColumns: boolean;
  readonly AllowFormattingRows: boolean;
  readonly AllowInsertingRows: boolean;
  readonly AllowDeletingRows: boolean;
}

export interface WFont {
  Name: string;
  Size: number;
  Bold: boolean;
  Italic: boolean;
  Underline: number;
  /** BGR. */
  Color: number;
}

export interface WRange {
  /** 1-based row and column of the first cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** Raw values: a scalar for one cell, a 2-D array for several. */
  Value2: unknown;
  /** "=…" for formulas, the constant otherwise: a scalar for one cell, a 2-D array for several. */
  Formula: unknown;
  /** One cell's format; a multi-cell range's common format, or null when they differ. */
  NumberFormat: string | null;
  readonly Interior: { Color: number; ColorIndex: number };
  readonly Font: WFont;
  readonly Borders: { Item(index: number): { LineStyle: number; Color: number } };
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  Locked: boolean;
  /** true, false, or null when the range is partly merged. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: WRange;
  Merge(Across?: boolean): void;
  UnMerge(): void;
  ColumnWidth: number;
  RowHeight: number;
  readonly EntireColumn: { Hidden: boolean };
  readonly EntireRow: { Insert(Shift?: number): unknown };
  /** The cell's comment (WPS's and Excel's note), or null. */
  readonly Comment: WComment | null;
  /** Raises when the cell has a comment already. */
  AddComment(Text?: string): WComment;
  readonly Validation: {
    Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string | number, Formula2?: string | number): unknown;
    Delete(): void;
    InputMessage: string;
    ErrorMessage: string;
    ShowInput: boolean;
    ShowError: boolean;
  };
  /** "$A$1" (or "$A$1:$B$2"), without the sheet. */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Select(): unknown;
  ClearContents(): unknown;
  ClearFormats(): unknown;
}

export interface WComment {
  /** With an argument, replaces the text; always returns the text. */
  Text(Text?: string): string;
  Delete(): void;
}
