/**
 * Small whole-range reads the pane's scoring and stamp share: the sheets by name, a used range's values as one
 * 2-D read (Value2 only: what these parts need of the record, the summary and 评分记录), and the record.
 */
import { readMetaRecord, type CellValue, type MetaRecord } from '../core/index.js';
import { gridCellAt, type Grid } from './snapshot.js';
import type { WWorkbook, WWorksheet } from './surface.js';

/** The sheets by name, in order (Item(i) is 1-based). */
export function sheetsByName(wb: WWorkbook): Map<string, WWorksheet> {
  const out = new Map<string, WWorksheet>();
  const sheets = wb.Worksheets;
  const n = sheets.Count;
  for (let i = 1; i <= n; i++) {
    const ws = sheets.Item(i);
    out.set(ws.Name, ws);
  }
  return out;
}

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

/** The used range's values (null for an empty sheet): its origin, zero-based, and Value2 as rows of columns. */
export function usedValues(ws: WWorksheet): Grid | null {
  const used = ws.UsedRange;
  const v = used.Value2;
  const values = Array.isArray(v) ? (v as unknown[][]) : [[v]];
  if (values.length === 1 && values[0]!.length === 1 && isEmpty(values[0]![0])) return null;
  return { row: used.Row - 1, col: used.Column - 1, values, formulas: [] };
}

/** A cell of a used range by its sheet position (zero-based): null outside it or empty. */
export const valueAt = (g: Grid | null, row: number, col: number): CellValue => gridCellAt(g, row, col);

/** The rows of a used range from column A (zero-based columns), from `from` down: what 评分记录's reader takes. */
export function rowsFrom(g: Grid | null, from: number): CellValue[][] {
  if (!g) return [];
  const width = g.col + (g.values[0]?.length ?? 0);
  const out: CellValue[][] = [];
  for (let r = Math.max(from, g.row); r < g.row + g.values.length; r++) out.push(Array.from({ length: width }, (_, c) => gridCellAt(g, r, c)));
  return out;
}

/**
 * The tool's record from its sheet's used range: the first two columns (a forged sheet may hold any number of
 * rows; the core reads the last few thousand).
 */
export function recordFrom(g: Grid | null): MetaRecord {
  if (!g) return { meta: null, damaged: false };
  return readMetaRecord(
    g.values.map((_, i) => [gridCellAt(g, g.row + i, 0), gridCellAt(g, g.row + i, 1)] as [unknown, unknown]),
    g.row,
  );
}

/** The tool's record, read from its sheet's first two columns. */
export const recordOf = (ws: WWorksheet): MetaRecord => recordFrom(usedValues(ws));
