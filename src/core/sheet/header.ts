/**
 * A table's header found by its words, for the sheets the applicant fills below a header (the name lists, the
 * evidence index): columns by what they say, never by position, since an applicant may insert or reorder columns.
 */
import type { RawCell } from '../types.js';
import type { SheetCells } from './sparse.js';
import { normaliseText } from './values.js';

/** A cell's text, normalised; null for a blank, an error or a non-text value. */
export const cellText = (c: RawCell | undefined): string | null => {
  const v = c?.value;
  if (v === null || v === undefined || typeof v === 'object') return null;
  const s = normaliseText(String(v));
  return s === '' ? null : s;
};

/**
 * The header near the top: the first row (of the first twenty holding cells) with a column for each of `required`;
 * a column is the first cell of the row containing one of its words (case-insensitive).
 */
export function findHeaderRow<K extends string>(
  cells: SheetCells,
  words: Readonly<Record<K, readonly string[]>>,
  required: ReadonlyArray<NoInfer<K>>,
): { row: number; cols: Partial<Record<K, number>> } | null {
  for (const r of cells.rows.slice(0, 20)) {
    const found: Partial<Record<K, number>> = {};
    for (const [c, cell] of cells.row(r)!) {
      const h = cellText(cell)?.toLowerCase();
      if (!h) continue;
      for (const key of Object.keys(words) as K[])
        if (found[key] === undefined && words[key].some((w) => h.includes(w))) {
          found[key] = c;
          break;
        }
    }
    if (required.every((k) => found[k] !== undefined)) return { row: r, cols: found };
  }
  return null;
}
