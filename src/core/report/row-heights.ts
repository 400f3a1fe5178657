/**
 * Row heights planned from the font's widths, so that printed text keeps every word: LibreOffice and Excel do not
 * grow a row for wrapped text a program wrote (LibreOffice keeps the default height of a row written without one,
 * and neither grows a row whose height is set), so a wrapped cell taller than its row overprints the rows below.
 * Each wrapped text's lines are counted in 宋体's widths (`textLines`: CJK one em, Latin half) over the width of its
 * column, or of its merged area, and its row is made tall enough. A text that is not wrapped and would be cut by a
 * filled cell to its right is wrapped (the same look, with a border, for the plain text style).
 */
import { LINE_PT, STYLES, textLines, textUnits, type CellModel, type SheetModel, type StyleKey } from './sheet-model.js';

/** Excel's tallest row, in points. */
const MAX_ROW_PT = 409;
/** Room above and below a cell's lines. */
const PAD_PT = 4;
/** The width of a column the model does not size (Excel's default, in characters). */
const DEFAULT_WIDTH = 8.43;

/** The plain style a cell is given when its text must wrap to print whole. */
const WRAPPED: Partial<Record<StyleKey, StyleKey>> = { text: 'wrap', applicantInput: 'applicantInputWrap', locked: 'lockedWrap' };

function cellText(c: CellModel): string | null {
  const v = c.formula !== undefined ? c.result : c.value;
  return typeof v === 'string' && v.trim() ? v : null;
}

const filled = (c: CellModel | undefined): boolean => !!c && (c.formula !== undefined || (c.value !== null && c.value !== undefined && c.value !== ''));

/** The height a text of `size` pt takes in `lines` lines, in points. */
export const linesHeight = (lines: number, size = 11): number => lines * LINE_PT(size) + PAD_PT;

/**
 * The model with its rows tall enough for their wrapped text (heights only ever grow: a height a builder set stays
 * when it is taller) and each plain text that a filled neighbour would cut made to wrap. Pure: returns a new model.
 */
export function fitRows(model: SheetModel): SheetModel {
  const widths = model.widths ?? [];
  const hidden = new Set(model.hiddenCols ?? []);
  const width = (c1: number, c2: number) => {
    let w = 0;
    for (let c = c1; c <= c2; c++) if (!hidden.has(c)) w += widths[c] ?? DEFAULT_WIDTH;
    return w;
  };
  const mergeAt = new Map<string, [number, number, number, number]>();
  const covered = new Set<string>();
  for (const m of model.merges ?? []) {
    mergeAt.set(`${m[0]},${m[1]}`, m);
    for (let r = m[0]; r <= m[2]; r++) for (let c = m[1]; c <= m[3]; c++) if (r !== m[0] || c !== m[1]) covered.add(`${r},${c}`);
  }
  const at = new Map(model.cells.map((c) => [`${c.row},${c.col}`, c]));
  const heights: Record<number, number> = { ...(model.heights ?? {}) };
  const tall: Array<[number, number, number]> = [];
  const cells = model.cells.map((cell) => {
    const text = cellText(cell);
    if (text === null || hidden.has(cell.col) || covered.has(`${cell.row},${cell.col}`)) return cell;
    const m = mergeAt.get(`${cell.row},${cell.col}`);
    const [r1, c1, r2, c2] = m ?? [cell.row, cell.col, cell.row, cell.col];
    const w = width(c1, c2);
    const style = cell.style ? STYLES[cell.style] : undefined;
    const size = style?.size ?? 11;
    let out = cell;
    let wrap = !!style?.wrap;
    if (!wrap && cell.style && WRAPPED[cell.style] && !text.includes('\n') && textUnits(text, size) > w - 1 && filled(at.get(`${cell.row},${c2 + 1}`))) {
      out = { ...cell, style: WRAPPED[cell.style] };
      wrap = true;
    }
    if (!wrap) return out;
    const lines = textLines(text, w, size);
    // One line fits the height a spreadsheet gives a row it is not told.
    if (lines <= 1) return out;
    const need = Math.min(MAX_ROW_PT, linesHeight(lines, size));
    tall.push([r1, r2, need]);
    return out;
  });
  // Single rows first, then merged areas over several rows: a merged area takes the room its rows already have and
  // grows its last row by what is missing.
  tall.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
  for (const [r1, r2, need] of tall) {
    if (r1 === r2) {
      if (need > (heights[r1] ?? 0)) heights[r1] = need;
      continue;
    }
    let have = 0;
    for (let r = r1; r <= r2; r++) have += heights[r] ?? 15;
    if (need > have) heights[r2] = Math.min(MAX_ROW_PT, (heights[r2] ?? 15) + need - have);
  }
  return { ...model, cells, heights };
}
