/**
 * Row heights planned from the font's widths, so that printed text keeps every word: LibreOffice and Excel do not
 * grow a row for wrapped text a program wrote (LibreOffice keeps the default height of a row written without one,
 * and neither grows a row whose height is set), so a wrapped cell taller than its row overprints the rows below.
 * Each wrapped text's lines are counted in 宋体's widths (`textLines`: CJK one em, Latin half) over the width of its
 * column, or of its merged area, and its row is made tall enough. A text that is not wrapped and would be cut by a
 * filled cell to its right is wrapped.
 *
 * `planRowHeights` works on plain cells, so it plans the tool's own sheets (`fitRows`, applied by `pagePrint`) and the
 * sheets of a workbook it annotates (a county's indicator sheet, whose texts the template could not know) alike.
 */
import { LINE_PT, STYLES, textLines, textUnits, type CellModel, type SheetModel, type StyleKey } from './sheet-model.js';

/** Excel's tallest row, in points. */
const MAX_ROW_PT = 409;
/** Room above and below a cell's lines. */
const PAD_PT = 4;
/** The width of a column the sheet does not size (Excel's default, in characters). */
const DEFAULT_WIDTH = 8.43;
/** The height a spreadsheet gives a row it is not told, in points. */
const DEFAULT_ROW_PT = 15;

/** The plain style a cell is given when its text must wrap to print whole. */
const WRAPPED: Partial<Record<StyleKey, StyleKey>> = { text: 'wrap', applicantInput: 'applicantInputWrap', locked: 'lockedWrap' };

/** The height a text of `size` pt takes in `lines` lines, in points. */
export const linesHeight = (lines: number, size = 11): number => lines * LINE_PT(size) + PAD_PT;

/** A cell with text, as the planner sees it. */
export interface RowCell {
  row: number;
  col: number;
  text: string;
  /** The cell wraps its text. */
  wrap: boolean;
  /** Font size in points (11 when not given). */
  size?: number;
  /** Whether the cell may be made to wrap when a filled neighbour would cut its text. */
  canWrap?: boolean;
}

/** The sheet's grid: column widths in characters, hidden columns, merged areas [r1, c1, r2, c2], rows' heights. */
export interface RowGrid {
  widths: ReadonlyArray<number | undefined>;
  hiddenCols?: Iterable<number>;
  merges?: ReadonlyArray<readonly [number, number, number, number]>;
  heights?: Readonly<Record<number, number>>;
}

/**
 * Rows to make taller (only the rows that grow, with their new heights: a height already set stays when it is taller)
 * and the cells to make wrap. `filled` says whether a cell holds something that would cut a text spilling into it.
 */
export function planRowHeights(cells: Iterable<RowCell>, grid: RowGrid, filled: (row: number, col: number) => boolean): { heights: Record<number, number>; wrap: Array<{ row: number; col: number }> } {
  const hidden = new Set(grid.hiddenCols ?? []);
  const width = (c1: number, c2: number) => {
    let w = 0;
    for (let c = c1; c <= c2; c++) if (!hidden.has(c)) w += grid.widths[c] ?? DEFAULT_WIDTH;
    return w;
  };
  const mergeAt = new Map<string, readonly [number, number, number, number]>();
  const covered = new Set<string>();
  for (const m of grid.merges ?? []) {
    mergeAt.set(`${m[0]},${m[1]}`, m);
    for (let r = m[0]; r <= m[2]; r++) for (let c = m[1]; c <= m[3]; c++) if (r !== m[0] || c !== m[1]) covered.add(`${r},${c}`);
  }
  const wrap: Array<{ row: number; col: number }> = [];
  const tall: Array<[number, number, number]> = [];
  for (const cell of cells) {
    if (!cell.text.trim() || hidden.has(cell.col) || covered.has(`${cell.row},${cell.col}`)) continue;
    const [r1, c1, r2, c2] = mergeAt.get(`${cell.row},${cell.col}`) ?? [cell.row, cell.col, cell.row, cell.col];
    const w = width(c1, c2);
    const size = cell.size ?? 11;
    let wraps = cell.wrap;
    if (!wraps && cell.canWrap && !cell.text.includes('\n') && textUnits(cell.text, size) > w - 1 && filled(cell.row, c2 + 1)) {
      wrap.push({ row: cell.row, col: cell.col });
      wraps = true;
    }
    if (!wraps) continue;
    const lines = textLines(cell.text, w, size);
    // One line fits the height a spreadsheet gives a row it is not told.
    if (lines <= 1) continue;
    tall.push([r1, r2, Math.min(MAX_ROW_PT, linesHeight(lines, size))]);
  }
  // Single rows first, then merged areas over several rows: a merged area takes the room its rows already have and
  // grows its last row by what is missing.
  tall.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
  const heights: Record<number, number> = {};
  const now = (r: number) => heights[r] ?? grid.heights?.[r];
  for (const [r1, r2, need] of tall) {
    if (r1 === r2) {
      if (need > (now(r1) ?? 0)) heights[r1] = need;
      continue;
    }
    let have = 0;
    for (let r = r1; r <= r2; r++) have += now(r) ?? DEFAULT_ROW_PT;
    if (need > have) heights[r2] = Math.min(MAX_ROW_PT, (now(r2) ?? DEFAULT_ROW_PT) + need - have);
  }
  return { heights, wrap };
}

function cellText(c: CellModel): string | null {
  const v = c.formula !== undefined ? c.result : c.value;
  return typeof v === 'string' && v.trim() ? v : null;
}

/**
 * The model with its rows tall enough for their wrapped text (heights only ever grow: a height a builder set stays
 * when it is taller) and each plain text that a filled neighbour would cut made to wrap. Pure: returns a new model.
 */
export function fitRows(model: SheetModel): SheetModel {
  const at = new Map(model.cells.map((c) => [`${c.row},${c.col}`, c]));
  const texts: RowCell[] = [];
  for (const c of model.cells) {
    const text = cellText(c);
    if (text === null) continue;
    const style = c.style ? STYLES[c.style] : undefined;
    texts.push({ row: c.row, col: c.col, text, wrap: !!style?.wrap, size: style?.size ?? 11, canWrap: !!(c.style && WRAPPED[c.style]) });
  }
  const plan = planRowHeights(texts, { widths: model.widths ?? [], hiddenCols: model.hiddenCols, merges: model.merges, heights: model.heights }, (r, col) => {
    const n = at.get(`${r},${col}`);
    return !!n && (n.formula !== undefined || (n.value !== null && n.value !== undefined && n.value !== ''));
  });
  const wrapped = new Set(plan.wrap.map((x) => `${x.row},${x.col}`));
  const cells = model.cells.map((c) => (wrapped.has(`${c.row},${c.col}`) && c.style ? { ...c, style: WRAPPED[c.style]! } : c));
  return { ...model, cells, heights: { ...(model.heights ?? {}), ...plan.heights } };
}
