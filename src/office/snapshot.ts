/** A loaded used range (values, number formats, formulas) → the core's Snapshot, and the reverse look-up for expert inputs. */
import type { CellValue, RawCell, SheetCell, SparseSnapshot } from '../core/index.js';
import type { XRange } from './surface.js';

/**
 * Excel's values for a range: "" is an empty cell; a formula cell's value is its result. Excel hands the used
 * range as a grid; only the cells holding something become entries of the core's sparse Snapshot.
 */
export function rangeSnapshot(sheet: string, range: XRange): SparseSnapshot {
  const values = range.values;
  const formats = range.numberFormat;
  const formulas = range.formulas;
  const entries: SheetCell[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = formulas[r]?.[c];
      const isFormula = typeof f === 'string' && f.startsWith('=') && f !== v;
      if ((v === '' || v === null || v === undefined) && !isFormula) return;
      const raw: RawCell = { value: v === '' || v === undefined ? null : (v as RawCell['value']) };
      const fmt = formats[r]?.[c];
      if (typeof fmt === 'string' && fmt !== 'General') raw.numberFormat = fmt;
      if (isFormula) raw.formula = (f as string).slice(1);
      entries.push({ row: range.rowIndex + r, col: range.columnIndex + c, cell: raw });
    }),
  );
  return { sheet, entries };
}

/** A cell of a loaded range by its sheet position (zero-based); null outside the range or empty. */
export function cellAt(range: XRange | null, row: number, col: number): CellValue {
  if (!range) return null;
  const v = range.values[row - range.rowIndex]?.[col - range.columnIndex];
  if (v === '' || v === undefined || v === null) return null;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

/** The A1 ranges of a RangeAreas address ("Sheet1!A1:B2, 'My sheet'!D4"), without sheet names or dollar signs. */
export function areaRanges(address: string): string[] {
  const out: string[] = [];
  for (const m of address.matchAll(/(?:'(?:[^']|'')*'|[^'!,\s][^'!,]*)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g)) out.push(m[1]!.replace(/\$/g, ''));
  return out;
}

/** Grids of one rectangle as loaded: values always; number formats and formulas where they were asked for. */
export interface Grids {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  numberFormat?: unknown[][];
  formulas?: unknown[][];
}

/**
 * A sheet's cells gathered from several reads (a window, bands of values, the data region with formats and
 * formulas): a later read of a cell replaces an earlier one. Only cells holding something are kept.
 */
export class SnapshotBuilder {
  private readonly cells = new Map<number, Map<number, RawCell>>();

  add(g: Grids): this {
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const at = { row: g.rowIndex + r, col: g.columnIndex + c };
        const f = g.formulas?.[r]?.[c];
        const isFormula = typeof f === 'string' && f.startsWith('=') && f !== v;
        let line = this.cells.get(at.row);
        if ((v === '' || v === null || v === undefined) && !isFormula) {
          line?.delete(at.col);
          return;
        }
        const raw: RawCell = { value: v === '' || v === undefined ? null : (v as RawCell['value']) };
        const fmt = g.numberFormat?.[r]?.[c];
        if (typeof fmt === 'string' && fmt !== 'General') raw.numberFormat = fmt;
        if (isFormula) raw.formula = (f as string).slice(1);
        if (!line) this.cells.set(at.row, (line = new Map()));
        line.set(at.col, raw);
      }),
    );
    return this;
  }

  /** The cells in row order, by column within a row (the order the core's reader expects). */
  snapshot(sheet: string): SparseSnapshot {
    const entries: SheetCell[] = [];
    for (const row of [...this.cells.keys()].sort((a, b) => a - b)) {
      const line = this.cells.get(row)!;
      for (const col of [...line.keys()].sort((a, b) => a - b)) entries.push({ row, col, cell: line.get(col)! });
    }
    return { sheet, entries };
  }
}
