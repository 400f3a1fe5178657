/**
 * The cells of a Snapshot that exist, whatever its form: the reader and the workflow work on these, so their cost
 * follows the sheet's content, never its extent.
 */
import type { RawCell, SheetCell, Snapshot, SparseSnapshot } from '../types.js';

/** A grid's cells that exist (null and undefined skipped), at their sheet positions. */
export function gridEntries(grid: ReadonlyArray<ReadonlyArray<RawCell | null | undefined>>, origin = { row: 0, col: 0 }): SheetCell[] {
  const out: SheetCell[] = [];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell) out.push({ row: origin.row + r, col: origin.col + c, cell });
    }),
  );
  return out;
}

/** A grid as a sparse Snapshot (what the Office adapter does with a used range). */
export function sparseFromGrid(sheet: string, grid: ReadonlyArray<ReadonlyArray<RawCell | null | undefined>>, origin?: { row: number; col: number }): SparseSnapshot {
  return { sheet, entries: gridEntries(grid, origin) };
}

const byPosition = (a: SheetCell, b: SheetCell) => a.row - b.row || a.col - b.col;

/** The cells of a Snapshot that exist, in row order and by column within a row. */
export function sheetEntries(s: Snapshot): readonly SheetCell[] {
  if (!s.entries) return gridEntries(s.cells, s.origin);
  const e = s.entries;
  for (let i = 1; i < e.length; i++) if (byPosition(e[i - 1]!, e[i]!) > 0) return [...e].sort(byPosition);
  return e;
}

/** The same sheet without the cells `drop` names. */
export function withoutCells(s: Snapshot, drop: (row: number, col: number) => boolean): SparseSnapshot {
  return { sheet: s.sheet, entries: sheetEntries(s).filter((e) => !drop(e.row, e.col)) };
}
