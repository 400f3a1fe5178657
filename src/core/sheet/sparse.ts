/**
 * The cells of a Snapshot that exist, whatever its form: the reader and the workflow work on these, so their cost
 * follows the sheet's content, never its extent.
 */
import { LIMITS, LimitError } from '../limits.js';
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

/**
 * The cells that exist, by row: every look-up and scan below costs what the sheet holds, never rows × columns
 * of its extent (one cell in XFD1048576 is one entry). Limits of LIMITS are enforced here, where the core
 * first sees a sheet, whichever adapter read it.
 */
export class SheetCells {
  private readonly byRow = new Map<number, Map<number, RawCell>>();
  /** Rows holding cells, ascending. */
  readonly rows: number[] = [];
  constructor(readonly entries: readonly SheetCell[]) {
    if (entries.length > LIMITS.cells) throw new LimitError('cells', LIMITS.cells, entries.length);
    for (const e of entries) {
      let row = this.byRow.get(e.row);
      if (!row) {
        row = new Map();
        this.byRow.set(e.row, row);
        this.rows.push(e.row);
      }
      row.set(e.col, e.cell);
    }
    if (this.rows.length > LIMITS.rows) throw new LimitError('rows', LIMITS.rows, this.rows.length);
  }
  /** Cell at an absolute sheet position. */
  at(row: number, col: number): RawCell | undefined {
    return this.byRow.get(row)?.get(col);
  }
  /** A row's cells, by column ascending (entries come in column order within a row). */
  row(row: number): ReadonlyMap<number, RawCell> | undefined {
    return this.byRow.get(row);
  }
}

