/**
 * A sheet's used range → the core's sparse Snapshot, in whole-range reads: Value2 and Formula of the used range
 * as two 2-D arrays, then the number format of each row's numbers as one read (NumberFormat of a range is its
 * common format; only a row whose numbers differ is read cell by cell). Merged areas likewise: the used range,
 * then the rows that have any. The calls grow with the rows, never with rows × columns.
 */
import { toA1, type CellValue, type RawCell, type SheetCell, type SparseSnapshot } from '../core/index.js';
import type { WRange, WWorksheet } from './surface.js';

/** A used range read whole: its values and formulas as grids, its origin (zero-based). */
export interface Grid {
  row: number;
  col: number;
  values: unknown[][];
  formulas: unknown[][];
}

/** A range's Value2 or Formula as a grid: WPS gives a scalar for one cell. */
export function asGrid(v: unknown): unknown[][] {
  return Array.isArray(v) ? (v as unknown[][]) : [[v]];
}

/** Error values as WPS may hand them (CVErr codes, as in VBA) → the text Excel shows. */
const CV_ERRORS: Record<number, string> = { 2000: '#NULL!', 2007: '#DIV/0!', 2015: '#VALUE!', 2023: '#REF!', 2029: '#NAME?', 2036: '#NUM!', 2042: '#N/A' };
const HRESULT_BASE = -2146826288; // 0x800A07D0 = CVErr(2000)

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

/** Reads the used range's values and formulas in two calls each (Row/Column give its origin). */
export function readGrid(ws: WWorksheet): Grid | null {
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
export function gridEntries(g: Grid): SheetCell[] {
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
 * read as 12%): one read per row over the span of its numbers, cell by cell only where a row's formats differ.
 */
export function withFormats(ws: WWorksheet, entries: SheetCell[]): SheetCell[] {
  const rows = new Map<number, SheetCell[]>();
  for (const e of entries) if (typeof e.cell.value === 'number') rows.set(e.row, [...(rows.get(e.row) ?? []), e]);
  for (const [row, cells] of rows) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of cells) {
      lo = Math.min(lo, e.col);
      hi = Math.max(hi, e.col);
    }
    const span = ws.Range(lo === hi ? toA1(row, lo) : `${toA1(row, lo)}:${toA1(row, hi)}`).NumberFormat;
    for (const e of cells) {
      const f = typeof span === 'string' ? span : ws.Range(toA1(e.row, e.col)).NumberFormat;
      if (typeof f === 'string' && f !== 'General' && f !== 'G/通用格式') e.cell.numberFormat = f;
    }
  }
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
 * The merged areas ("D12:E12") of a used range: none when it reports none merged (one call); otherwise one call
 * per row of the range, and the areas of the rows that have any.
 */
export function mergedAreas(ws: WWorksheet, g: Grid): string[] {
  const used: WRange = ws.UsedRange;
  if (used.MergeCells === false) return [];
  const width = g.values[0]?.length ?? 0;
  const seen = new Set<string>();
  const out: string[] = [];
  for (let r = 0; r < g.values.length; r++) {
    const row = g.row + r;
    const line = ws.Range(`${toA1(row, g.col)}:${toA1(row, g.col + width - 1)}`);
    if (line.MergeCells === false) continue;
    for (let c = 0; c < width; c++) {
      const at = toA1(row, g.col + c);
      if ([...seen].some((a) => inArea(a, row, g.col + c))) continue;
      const cell = ws.Range(at);
      if (!cell.MergeCells) continue;
      const area = cell.MergeArea.Address(false, false);
      seen.add(area);
      out.push(area);
    }
  }
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
