/**
 * What both hosts' renderers (src/office/render.ts, src/wps/render.ts) write of a SheetModel's values and number
 * formats, and how a summary is rewritten in place (src/office/summary.ts, src/wps/workbook.ts): the same cells in
 * Excel and in WPS. Values go in bands of rows; a cell the model does not hold, or an expert cell the plan keeps
 * (SummaryPlan.inPlace.keep), is left as it is — never written back with what was read, which would revert what a
 * co-author typed since (the co-authoring merge gives a cell its last writer's value).
 */
import type { CellModel, SheetModel, SummaryPlan } from '../core/index.js';
import { convertible, literal } from './cells.js';

export type Entry = string | number | boolean;

/** A band of rows from column 0: `null` leaves the cell alone. */
export interface Band {
  row: number;
  rows: number;
  cols: number;
  values: Array<Array<Entry | null>>;
  /** Number formats (null: none set); null when the band sets none. */
  formats: Array<Array<string | null>> | null;
}

/** Bands of up to this many rows keep each write well inside Office's payload budget. */
const BAND_ROWS = 200;

/** What a cell's Formula entry is: "=…" for a formula, the literal value otherwise ('' for nothing). */
export function formulaEntry(m: CellModel): Entry {
  if (m.formula !== undefined) return `=${m.formula}`;
  const v = literal(m.value ?? null);
  return v === null ? '' : v;
}

/** The number format a cell is written with: its own, or text ("@") for text the host would convert on entry. */
export const numberFormatOf = (c: CellModel): string | undefined => c.numberFormat ?? (c.formula === undefined && convertible(c.value) ? '@' : undefined);

/**
 * The model's values and number formats, band by band. `keep` ("r,c"): cells whose value is left as it is; their
 * number format is still written (a rewrite clears the block's formats first, and a typed date must stay a date).
 */
export function modelBands(model: Pick<SheetModel, 'cells'>, keep?: ReadonlySet<string>): Band[] {
  const cells = model.cells;
  // Loops, not Math.max(...): a large model has more cells than a call has arguments.
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    if (c.row >= rows) rows = c.row + 1;
    if (c.col >= cols) cols = c.col + 1;
  }
  const byRow = new Map<number, CellModel[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const out: Band[] = [];
  for (let start = 0; start < rows; start += BAND_ROWS) {
    const end = Math.min(rows, start + BAND_ROWS);
    const values: Array<Array<Entry | null>> = [];
    const formats: Array<Array<string | null>> = [];
    let anyFormat = false;
    for (let r = start; r < end; r++) {
      const vr: Array<Entry | null> = new Array<Entry | null>(cols).fill(null);
      const fr: Array<string | null> = new Array<string | null>(cols).fill(null);
      for (const c of byRow.get(r) ?? []) {
        const f = numberFormatOf(c);
        if (f !== undefined) {
          fr[c.col] = f;
          anyFormat = true;
        }
        if (!keep?.has(`${c.row},${c.col}`)) vr[c.col] = formulaEntry(c);
      }
      values.push(vr);
      formats.push(fr);
    }
    out.push({ row: start, rows: end - start, cols, values, formats: anyFormat ? formats : null });
  }
  return out;
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Rectangles covering exactly the non-null entries of a grid (for a host whose 2-D write cannot leave a cell alone:
 * WPS writes every cell of the range): each row's runs, a run merged with the same run of the rows above.
 */
export function solidRects<T>(grid: ReadonlyArray<ReadonlyArray<T | null>>): Rect[] {
  const out: Rect[] = [];
  let open = new Map<string, Rect>();
  grid.forEach((line, r) => {
    const next = new Map<string, Rect>();
    for (let c = 0; c < line.length; ) {
      if (line[c] === null || line[c] === undefined) {
        c++;
        continue;
      }
      let e = c;
      while (e + 1 < line.length && line[e + 1] !== null && line[e + 1] !== undefined) e++;
      const k = `${c},${e}`;
      const above = open.get(k);
      if (above) {
        above.rows++;
        next.set(k, above);
      } else {
        const rect = { row: r, col: c, rows: 1, cols: e - c + 1 };
        out.push(rect);
        next.set(k, rect);
      }
      c = e + 1;
    }
    open = next;
  });
  return out;
}

/** A rectangle's part of a grid. */
export const slice = <T>(grid: ReadonlyArray<ReadonlyArray<T>>, r: Rect): T[][] => grid.slice(r.row, r.row + r.rows).map((line) => line.slice(r.col, r.col + r.cols));

/** What an in-place rewrite of the summary does, in this order, in either host. */
export interface InPlaceSteps {
  sheet: string;
  /** Rows inserted at the old block's foot when the block grows (what the committee added below moves down). */
  grow: { at: number; rows: number } | null;
  /** The block whose merges and formats are cleared (never its values: see `clear` and `keep`). */
  rows: number;
  width: number;
  /** Cells of the old block the model no longer writes: their contents cleared one by one. */
  clear: ReadonlyArray<readonly [number, number]>;
  /** Expert cells whose value is left as it is (SummaryPlan.inPlace.keep). */
  keep: ReadonlySet<string>;
}

export function inPlaceSteps(plan: Pick<SummaryPlan, 'inPlace' | 'layout'>): InPlaceSteps | null {
  const place = plan.inPlace;
  if (!place) return null;
  const height = plan.layout.height ?? place.height;
  const width = Math.max(plan.layout.width ?? place.width, place.width);
  return {
    sheet: place.sheet,
    grow: height > place.height ? { at: place.height, rows: height - place.height } : null,
    rows: Math.max(height, place.height),
    width,
    clear: place.clear,
    keep: place.keep,
  };
}
