/**
 * A sheet's used range → the core's sparse Snapshot, in whole-range reads: Value2 and Formula of the used range
 * as two 2-D arrays, then the number format of each row's numbers as one read (NumberFormat of a range is its
 * common format; only a row whose numbers differ is read cell by cell). Merged areas likewise: the used range,
 * then the rows that have any. The calls grow with the rows, never with rows × columns.
 */
import { toA1, type CellValue, type RawCell, type SheetCell, type SparseSnapshot } from '../core/index.js';
import type { WWorksheet } from './surface.js';

/** A used range read whole: its values and formulas as grids, its origin (zero-based). */
export interface Grid {
  row: number;
  col: number;
  values: unknown[][];
  formulas: unknown[][];
}

/** A range's Value2 or Formula as a grid: WPS gives a scalar for one cell. */
function asGrid(v: unknown): unknown[][] {
  return Array.isArray(v) ? (v as unknown[][]) : [[v]];
}

/** Error values as WPS may hand them (CVErr codes, as in VBA) → the text Excel shows. */
const CV_ERRORS: Record<number, string> = { 2000: '#NULL!', 2007: '#DIV/0!', 2015: '#VALUE!', 2023: '#REF!', 2029: '#NAME?', 2036: '#NUM!', 2042: '#N/A' };
const HRESULT_BASE = -2146826288; // 0x800A07D0 = CVErr(2000)

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

/** Reads the used range's values and formulas in two calls each (Row/Column give its origin). */
function readGrid(ws: WWorksheet): Grid | null {
  const used = ws.UsedRange;
  const row = used.Row - 1;
  const col = used.Column - 1;
  const values = asGrid(used.Value2);
  const formulas = asGrid(used.Formula);
  // An empty sheet's used range is A1 holding nothing.
  if (values.length === 1 && values[0]!.length === 1 && isEmpty(values[0]![0]) && isEmpty(formulas[0]?.[0])) return null;
  return { row, col, values, formulas };
}

function rawValue(v: unknown, isFormula: boolean): RawCell['value'] {
  if (isEmpty(v)) return null;
  // A formula's error as a COM error code (0x800A07D0 + n, as VBA's CVErr): the text Excel and ExcelJS give.
  if (typeof v === 'number' && isFormula && v >= HRESULT_BASE && v <= HRESULT_BASE + 42) {
    const code = CV_ERRORS[v - HRESULT_BASE + 2000];
    if (code) return code;
  }
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

/** The grid's cells that hold something, with formulas; number formats are added by `withFormats`. */
function gridEntries(g: Grid): SheetCell[] {
  const entries: SheetCell[] = [];
  g.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const f = g.formulas[r]?.[c];
      const isFormula = typeof f === 'string' && f.startsWith('=') && f !== v;
      if (isEmpty(v) && !isFormula) return;
      const raw: RawCell = { value: rawValue(v, isFormula) };
      if (isFormula) raw.formula = (f as string).slice(1);
      entries.push({ row: g.row + r, col: g.col + c, cell: raw });
    }),
  );
  return entries;
}

/**
 * Number formats of the cells holding numbers (the only ones the reader interprets: a percent format makes 0.12
 * read as 12%). NumberFormat of a range is its cells' common format (null when they differ), so a block of rows is
 * read at once and halved only where formats differ: the calls follow the runs of formats, never the cells.
 */
function withFormats(ws: WWorksheet, entries: SheetCell[]): SheetCell[] {
  const byRow = new Map<number, SheetCell[]>();
  for (const e of entries) if (typeof e.cell.value === 'number') byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const give = (cells: SheetCell[], f: unknown) => {
    for (const e of cells) if (typeof f === 'string' && f !== 'General' && f !== 'G/通用格式') e.cell.numberFormat = f;
  };
  const visit = (i: number, j: number): void => {
    const cells = rows.slice(i, j).flatMap((r) => byRow.get(r)!);
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of cells) {
      lo = Math.min(lo, e.col);
      hi = Math.max(hi, e.col);
    }
    const r0 = rows[i]!;
    const r1 = rows[j - 1]!;
    const f = ws.Range(r0 === r1 && lo === hi ? toA1(r0, lo) : `${toA1(r0, lo)}:${toA1(r1, hi)}`).NumberFormat;
    if (typeof f === 'string') return give(cells, f);
    if (j - i > 1) {
      const mid = (i + j) >> 1;
      visit(i, mid);
      visit(mid, j);
      return;
    }
    // One row whose numbers differ: cell by cell.
    for (const e of cells) give([e], ws.Range(toA1(e.row, e.col)).NumberFormat);
  };
  if (rows.length) visit(0, rows.length);
  return entries;
}

/** A sheet read whole into the core's sparse Snapshot (null when it is empty). */
export function sheetSnapshot(ws: WWorksheet, name: string): { snapshot: SparseSnapshot; grid: Grid } | null {
  const grid = readGrid(ws);
  if (!grid) return null;
  return { snapshot: { sheet: name, entries: withFormats(ws, gridEntries(grid)) }, grid };
}

/** A cell of a grid by its sheet position (zero-based); null outside it or empty. */
export function gridCellAt(g: Grid | null, row: number, col: number): CellValue {
  if (!g) return null;
  const v = g.values[row - g.row]?.[col - g.col];
  if (isEmpty(v)) return null;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

/**
 * The merged areas ("D12:E12") over the given rows and columns (the input cells: merges elsewhere change nothing
 * the reader reads). MergeCells of a range is false when none of it is merged: the block is read at once and
 * halved only where it has merged cells, so a sheet without merges costs one call.
 */
export function mergedAreas(ws: WWorksheet, rows: readonly number[], cols: readonly number[]): string[] {
  if (!rows.length || !cols.length) return [];
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const c0 = Math.min(...cols);
  const c1 = Math.max(...cols);
  const out: string[] = [];
  const seen: string[] = [];
  const visit = (i: number, j: number): void => {
    const r0 = sorted[i]!;
    const r1 = sorted[j - 1]!;
    if (ws.Range(`${toA1(r0, c0)}:${toA1(r1, c1)}`).MergeCells === false) return;
    if (j - i > 1) {
      const mid = (i + j) >> 1;
      visit(i, mid);
      visit(mid, j);
      return;
    }
    for (const c of [...new Set(cols)].sort((a, b) => a - b)) {
      if (seen.some((a) => inArea(a, r0, c))) continue;
      const cell = ws.Range(toA1(r0, c));
      if (!cell.MergeCells) continue;
      const area = cell.MergeArea.Address(false, false);
      seen.push(area);
      if (!out.includes(area)) out.push(area);
    }
  };
  visit(0, sorted.length);
  return out;
}
function inArea(area: string, row: number, col: number): boolean {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(area);
  if (!m) return false;
  const c = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = c(m[1]!);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? c(m[3]) : c0;
  return row >= r0 && row <= r1 && col >= c0 && col <= c1;
}
