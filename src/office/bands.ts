/**
 * Reading sheets in bands, bounded by what one response may carry. Excel on the web refuses a response over
 * about 5 MB, and the used range of a 3,000 × 30 attachment read with values, number formats and formulas is about
 * 10 MB. So a sheet is read address first (how far its values reach), then in rectangles of rows cut to a budget
 * estimated per cell and property, several rectangles per sync while they fit. Should an estimate be wrong (long
 * texts), the sync Excel refuses is read again in halves: the budget holds whatever the cells hold.
 */
import type { XContext, XRange } from './surface.js';

/** Bytes of response one sync may carry (estimated): well below Excel on the web's 5 MB. */
export const READ_BUDGET = 3_000_000;

/**
 * Estimated bytes per cell of each loadable property: a value or formula of about 15 Chinese characters (3 bytes
 * each in UTF-8) with its quotes and comma; a number format such as "General" or "0.0%".
 */
const CELL_COST = { values: 48, numberFormat: 12, formulas: 48 } as const;

export type CellProp = keyof typeof CELL_COST;

/** A rectangle of a sheet, zero-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The estimated response for a rectangle loaded with `props`. */
export const costOf = (rect: Pick<Rect, 'rows' | 'cols'>, props: readonly CellProp[]): number => rect.rows * rect.cols * props.reduce((a, p) => a + CELL_COST[p], 0);

/**
 * Cuts rectangles into bands of whole rows (of columns too, for a row wider than the budget) whose estimated cost
 * is within `budget`, and packs them into syncs: the list of syncs, each a list of bands.
 */
export function planBands(rects: readonly Rect[], props: readonly CellProp[], budget = READ_BUDGET): Rect[][] {
  const perCell = Math.max(1, props.reduce((a, p) => a + CELL_COST[p], 0));
  const maxCells = Math.max(1, Math.floor(budget / perCell));
  const bands: Rect[] = [];
  for (const r of rects) {
    if (r.rows <= 0 || r.cols <= 0) continue;
    const cols = Math.min(r.cols, maxCells);
    const rows = Math.max(1, Math.floor(maxCells / cols));
    for (let c = r.col; c < r.col + r.cols; c += cols)
      for (let y = r.row; y < r.row + r.rows; y += rows) bands.push({ row: y, col: c, rows: Math.min(rows, r.row + r.rows - y), cols: Math.min(cols, r.col + r.cols - c) });
  }
  const syncs: Rect[][] = [];
  let current: Rect[] = [];
  let used = 0;
  for (const b of bands) {
    const cost = b.rows * b.cols * perCell;
    if (current.length && used + cost > budget) {
      syncs.push(current);
      current = [];
      used = 0;
    }
    current.push(b);
    used += cost;
  }
  if (current.length) syncs.push(current);
  return syncs;
}

/** The rectangle of `outer` not inside `inner` (both zero-based), as at most two rectangles: below, then right of. */
export function outside(outer: Rect, inner: { rows: number; cols: number }): Rect[] {
  const out: Rect[] = [];
  const endRow = outer.row + outer.rows;
  const endCol = outer.col + outer.cols;
  // `inner` is the window [0, rows) × [0, cols) of the sheet.
  if (endRow > inner.rows) {
    const row = Math.max(outer.row, inner.rows);
    out.push({ row, col: outer.col, rows: endRow - row, cols: outer.cols });
  }
  const top = Math.min(endRow, inner.rows);
  if (endCol > inner.cols && top > outer.row) {
    const col = Math.max(outer.col, inner.cols);
    out.push({ row: outer.row, col, rows: top - outer.row, cols: endCol - col });
  }
  return out;
}

/** Whether Excel refused a sync for the size of its response (or request). */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  const text = `${typeof code === 'string' ? code : ''} ${e instanceof Error ? e.message : String(e)}`;
  return /PayloadSizeLimitExceeded|payload size limit/i.test(text);
}

/** A band as loaded: where it lies and its grids (only the properties asked for). */
export interface Band {
  sheet: string;
  rect: Rect;
  values?: unknown[][];
  numberFormat?: unknown[][];
  formulas?: unknown[][];
}

/** What to read: rectangles of one sheet with the properties needed there. */
export interface BandRequest {
  sheet: string;
  rects: readonly Rect[];
  props: readonly CellProp[];
}

/**
 * Reads the requests in as few syncs as the budget allows (bands of several sheets share a sync). A sync Excel
 * refuses for its size is read again with half the budget (down to single cells), so the count grows only when
 * the estimate was wrong.
 */
export async function readBands(ctx: XContext, requests: readonly BandRequest[], budget = READ_BUDGET): Promise<Band[]> {
  type Part = { req: BandRequest; rect: Rect; cost: number };
  const pack = (parts: readonly Part[], b: number): Part[][] => {
    const syncs: Part[][] = [];
    let current: Part[] = [];
    let used = 0;
    for (const p of parts) {
      if (current.length && used + p.cost > b) {
        syncs.push(current);
        current = [];
        used = 0;
      }
      current.push(p);
      used += p.cost;
    }
    if (current.length) syncs.push(current);
    return syncs;
  };
  const cut = (req: BandRequest, rects: readonly Rect[], b: number): Part[] =>
    planBands(rects, req.props, b)
      .flat()
      .map((rect) => ({ req, rect, cost: costOf(rect, req.props) }));
  const out: Band[] = [];
  const queue = pack(
    requests.flatMap((req) => cut(req, req.rects, budget)),
    budget,
  ).map((parts) => ({ parts, budget }));
  while (queue.length) {
    const { parts, budget: b } = queue.shift()!;
    const loaded = parts.map((p) => {
      const r: XRange = ctx.workbook.worksheets.getItem(p.req.sheet).getRangeByIndexes(p.rect.row, p.rect.col, p.rect.rows, p.rect.cols);
      r.load(p.req.props.join(','));
      return { p, r };
    });
    try {
      await ctx.sync();
    } catch (e) {
      const single = parts.length === 1 && parts[0]!.rect.rows * parts[0]!.rect.cols === 1;
      if (!isPayloadError(e) || single) throw e;
      const half = Math.max(1, Math.floor(b / 2));
      queue.unshift(...pack(parts.flatMap((p) => cut(p.req, [p.rect], half)), half).map((x) => ({ parts: x, budget: half })));
      continue;
    }
    for (const { p, r } of loaded) {
      const props = p.req.props;
      out.push({
        sheet: p.req.sheet,
        rect: p.rect,
        ...(props.includes('values') ? { values: r.values } : {}),
        ...(props.includes('numberFormat') ? { numberFormat: r.numberFormat } : {}),
        ...(props.includes('formulas') ? { formulas: r.formulas } : {}),
      });
    }
  }
  return out;
}
