/** Renders a core SheetModel into an ExcelJS worksheet. The only place the summary, template and roll-up meet ExcelJS. */
import type ExcelJS from 'exceljs';
import sharedFormula from 'exceljs/lib/utils/shared-formula.js';
import { columnLetters, toA1, quoteSheet, parseQualified, printCode, safeModel, safeSheetName, SHEET_FONT, STYLES, TRUNCATED_MARK, type CellModel, type PrintSetup, type SheetModel, type StyleDef } from '../core/index.js';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };

export function solidFill(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

function styleOf(def: StyleDef, numberFormat?: string): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  if (def.fill) s.fill = solidFill(def.fill);
  const font: Partial<ExcelJS.Font> = { name: SHEET_FONT, size: def.size ?? 11 };
  if (def.bold) font.bold = true;
  if (def.italic) font.italic = true;
  if (def.underline) font.underline = true;
  if (def.fontColor) font.color = { argb: argb(def.fontColor) };
  s.font = font;
  const al: Partial<ExcelJS.Alignment> = { vertical: def.valign ?? 'middle' };
  if (def.wrap) al.wrapText = true;
  if (def.align) al.horizontal = def.align;
  s.alignment = al;
  if (def.border) s.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (numberFormat) s.numFmt = numberFormat;
  return s;
}

/** Internal hyperlink target as Excel stores it: "#'Sheet name'!F20". */
function internalLink(target: string): string {
  const { sheet, row, col } = parseQualified(target);
  return `#${quoteSheet(sheet).startsWith("'") ? quoteSheet(sheet) : `'${sheet}'`}!${toA1(row, col)}`;
}

/**
 * One style object per distinct (style, number format, input) of a sheet, shared by its cells. ExcelJS
 * recognises a style object it has seen and skips rebuilding its XML, which otherwise costs more than the rest
 * of writing a roll-up. Shared objects are never changed in place: the renderer puts the protection into the
 * object, and the flags assign each cell a new style (src/xlsx/flags.ts), as they must for loaded cells anyway.
 */
type StyleCache = Map<string, Partial<ExcelJS.Style>>;

function cellStyle(m: CellModel, cache: StyleCache): Partial<ExcelJS.Style> {
  const key = `${m.style ?? ''}|${m.numberFormat ?? ''}|${m.input ? 1 : 0}`;
  let style = cache.get(key);
  if (!style) {
    style = m.style ? styleOf(STYLES[m.style], m.numberFormat) : m.numberFormat ? { numFmt: m.numberFormat } : {};
    if (m.input) style.protection = { locked: false };
    cache.set(key, style);
  }
  return style;
}

/** Per column, the formula cell a run of the same formula (moved down a row each time) began with. */
type SharedRuns = Map<number, { row: number; address: string; formula: string; strings: string }>;

const literals = (formula: string): string => (formula.match(/"(?:[^"]|"")*"/g) ?? []).join('\u0000');

/**
 * The first cell of the run this formula continues, or null when it begins one. A cell continues a run when it
 * is the next row down and its formula is exactly the run's first formula moved there (ExcelJS's own reading of
 * a shared formula, with the text in quotes unchanged), so a program reading the sheet computes the same thing.
 */
function sharedMaster(runs: SharedRuns, m: CellModel & { formula: string }): string | null {
  const address = toA1(m.row, m.col);
  const run = runs.get(m.col);
  if (run && run.row === m.row - 1 && literals(m.formula) === run.strings && sharedFormula.slideFormula(run.formula, run.address, address) === m.formula) {
    run.row = m.row;
    return run.address;
  }
  runs.set(m.col, { row: m.row, address, formula: m.formula, strings: literals(m.formula) });
  return null;
}

function writeCell(ws: ExcelJS.Worksheet, m: CellModel, styles: StyleCache, runs?: SharedRuns): void {
  const cell = ws.getCell(m.row + 1, m.col + 1);
  cell.style = cellStyle(m, styles);
  if (m.formula !== undefined) {
    // A cached result that is not a finite number is never written (`<v>NaN</v>` is an invalid workbook).
    const result = m.result === null || m.result === undefined || (typeof m.result === 'number' && !Number.isFinite(m.result)) ? undefined : m.result;
    const master = runs ? sharedMaster(runs, m as CellModel & { formula: string }) : null;
    cell.value = master ? ({ sharedFormula: master, result } as ExcelJS.CellSharedFormulaValue) : ({ formula: m.formula, result } as ExcelJS.CellFormulaValue);
  } else if (m.link) {
    cell.value = { text: String(m.value ?? m.link), hyperlink: internalLink(m.link), tooltip: m.link };
  } else {
    // Strings are written as strings: ExcelJS never turns "=…" text into a formula.
    // NaN and ±Infinity as #NUM!, as Excel shows a number it cannot hold (see finiteCells).
    cell.value = m.value === undefined ? null : typeof m.value === 'number' && !Number.isFinite(m.value) ? ({ error: '#NUM!' } as ExcelJS.CellErrorValue) : m.value;
  }
  if (m.note) cell.note = m.note;
  if (m.validation) {
    const v = m.validation;
    const common = { allowBlank: true, showErrorMessage: true, errorStyle: v.severity === 'warning' ? 'warning' : 'stop', ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}) };
    cell.dataValidation =
      v.kind === 'list'
        ? ({ type: 'list', formulae: [`"${(v.values ?? []).join(',')}"`], ...common } as ExcelJS.DataValidation)
        : ({ type: v.kind, operator: 'between', formulae: [v.min ?? 0, v.max ?? 0], ...common } as ExcelJS.DataValidation);
  }
}

/** A4, orientation, fit or scale, margins, repeated rows and columns, print area, header, footer, row breaks. */
function applyPrint(ws: ExcelJS.Worksheet, p: PrintSetup): void {
  ws.pageSetup = pageSetupOf(ws.pageSetup, p);
  ws.headerFooter = headerFooterOf(p);
  // Breaks are the model's alone (a summary updated in place gets this run's, not the last run's as well).
  // ExcelJS puts a break after a row: a page beginning at zero-based row r breaks after the (one-based) row r.
  (ws as unknown as { rowBreaks: unknown[] }).rowBreaks = [];
  for (const r of p.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
}

const headerFooterOf = (p: PrintSetup): Partial<ExcelJS.HeaderFooter> => ({ differentFirst: false, differentOddEven: false, oddHeader: printCode(p.header), oddFooter: printCode(p.footer) });

/** The page setup a print setup gives, over what the sheet has (`base`). */
function pageSetupOf(base: Partial<ExcelJS.PageSetup>, p: PrintSetup): ExcelJS.PageSetup {
  // What a previous run set is replaced, not merged: an area or titles the model no longer has go.
  const kept: Partial<ExcelJS.PageSetup> = { ...base };
  delete kept.printArea;
  delete kept.printTitlesRow;
  delete kept.printTitlesColumn;
  return {
    ...kept,
    orientation: p.landscape ? 'landscape' : 'portrait',
    paperSize: 9,
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    scale: p.fitToWidth ? 100 : (p.scale ?? 100),
    ...(p.margins ? { margins: { ...p.margins } } : {}),
    ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows[0] + 1}:${p.repeatRows[1] + 1}` } : {}),
    ...(p.repeatCols ? { printTitlesColumn: `${columnLetters(p.repeatCols[0])}:${columnLetters(p.repeatCols[1])}` } : {}),
    // ExcelJS writes "$" before each corner of the area as given: rows given absolute make "$A$1:$P$15", which
    // every program reads (a relative "$A1:$P15" is ignored by LibreOffice).
    ...(p.area ? { printArea: `${columnLetters(p.area[1])}$${p.area[0] + 1}:${columnLetters(p.area[3])}$${p.area[2] + 1}` } : {}),
  } as ExcelJS.PageSetup;
}

export interface RenderOptions {
  /**
   * A formula repeated down a column (each row's the one above moved down a row) is stored once, as a shared
   * formula (OOXML `t="shared"`): a score sheet's 260 rows × 25 hidden formulas were most of its size and of the
   * time the tally took to read it back. Excel, WPS and LibreOffice compute each cell as before.
   */
  shareFormulas?: boolean;
}

/** What a protected sheet still allows: selecting cells and sizing columns and rows; not formatting cells, adding or removing rows. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  formatCells: false,
  insertRows: false,
  deleteRows: false,
};

/** The model's frozen rows and columns as a sheet view, or none. */
function frozenViews(model: SheetModel): Array<Partial<ExcelJS.WorksheetView>> | undefined {
  const f = model.freeze;
  return f && (f.rows || f.cols) ? [{ state: 'frozen', xSplit: f.cols, ySplit: f.rows, activeCell: toA1(f.rows, f.cols) }] : undefined;
}

/** Column widths and hidden columns, the same in both renderers. */
function applyColumns(ws: ExcelJS.Worksheet, model: SheetModel): void {
  model.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of model.hiddenCols ?? []) ws.getColumn(c + 1).hidden = true;
}

export async function renderSheet(ws: ExcelJS.Worksheet, sheetModel: SheetModel, opts: RenderOptions = {}): Promise<void> {
  // Excel's limits, enforced once in the core for both renderers (the plans already did it in the reviewer's language).
  const model = safeModel(sheetModel, TRUNCATED_MARK).model;
  applyColumns(ws, model);
  for (const [r, h] of Object.entries(model.heights ?? {})) ws.getRow(Number(r) + 1).height = h;
  const styles: StyleCache = new Map();
  const runs: SharedRuns | undefined = opts.shareFormulas ? new Map() : undefined;
  for (const m of model.cells) writeCell(ws, m, styles, runs);
  for (const [r1, c1, r2, c2] of model.merges ?? []) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
  const views = frozenViews(model);
  if (views) ws.views = views;
  if (model.print) applyPrint(ws, model.print);
  if (model.tabColor) ws.properties.tabColor = { argb: argb(model.tabColor) };
  if (model.state) ws.state = model.state;
  if (model.protect)
    await ws.protect(model.protect.password ?? '', { ...PROTECTION });
}

/**
 * Renders a SheetModel through ExcelJS's streaming writer: rows are written and let go in order, so a sheet of
 * tens of thousands of rows (the tally's 评分记录) never exists as cell objects all at once. The same cells,
 * styles, merges, validations, columns, print setup and protection as `renderSheet`; only for models without
 * links or notes (the roll-up has none), which this writer would store differently.
 */
export async function renderSheetStreamed(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheetModel: SheetModel): Promise<void> {
  if (sheetModel.cells.some((m) => m.link || m.note)) throw new Error(`renderSheetStreamed: links and notes are not streamed (${sheetModel.name})`);
  // Excel's limits as renderSheet applies them, row by row below (a copy of every cell at once is what streaming avoids).
  const model = { ...sheetModel, name: safeSheetName(sheetModel.name) };
  const safe = (cells: CellModel[]) => safeModel({ name: model.name, cells }, TRUNCATED_MARK).model.cells;
  const p = model.print;
  // What the writer puts at the top of the sheet is fixed when the sheet is added: views, tab colour, page fit.
  const views = frozenViews(model);
  const ws = wb.addWorksheet(model.name, {
    ...(model.state ? { state: model.state } : {}),
    ...(model.tabColor ? { properties: { tabColor: { argb: argb(model.tabColor) } } } : {}),
    ...(views ? { views } : {}),
    ...(p ? { pageSetup: pageSetupOf({}, p), headerFooter: headerFooterOf(p) } : {}),
  });
  applyColumns(ws, model);
  for (const r of p?.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  const byRow = new Map<number, CellModel[]>();
  for (const m of model.cells) {
    const list = byRow.get(m.row);
    if (list) list.push(m);
    else byRow.set(m.row, [m]);
  }
  const heights = new Map(Object.entries(model.heights ?? {}).map(([r, h]) => [Number(r), h]));
  const rows = [...new Set([...byRow.keys(), ...heights.keys()])].sort((a, b) => a - b);
  // A merge takes its first cell's style into the cells it covers, so it is applied once all its rows are written.
  const merges = [...(model.merges ?? [])].sort((a, b) => a[0] - b[0]);
  const styles: StyleCache = new Map();
  const written = new Set<number>();
  const write = (r: number) => {
    if (written.has(r)) return;
    written.add(r);
    const h = heights.get(r);
    if (h !== undefined) ws.getRow(r + 1).height = h;
    for (const m of safe(byRow.get(r) ?? [])) writeCell(ws, m, styles);
    byRow.delete(r);
  };
  let next = 0;
  for (const [i, r] of rows.entries()) {
    write(r);
    for (; next < merges.length && merges[next]![0] <= r; next++) {
      const [r1, c1, r2, c2] = merges[next]!;
      for (let j = i + 1; j < rows.length && rows[j]! <= r2; j++) write(rows[j]!);
      ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
    }
    // Every merge beginning here is applied: the row can go (and the rows before it with it).
    ws.getRow(r + 1).commit();
    // Let the zip take what is written (otherwise the whole sheet's XML waits in memory).
    if (i % 2000 === 1999) await new Promise((done) => setImmediate(done));
  }
  if (model.protect)
    await ws.protect(model.protect.password ?? '', { ...PROTECTION });
  ws.commit();
}
