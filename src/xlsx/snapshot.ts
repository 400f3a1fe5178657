/** ExcelJS worksheet → the core's Snapshot: values as the workbook gives them, number formats, formula flags. */
import type ExcelJS from 'exceljs';
import { LIMITS, LimitError, type RawCell, type RawValue, type SheetCell, type SparseSnapshot } from '../core/index.js';

function rawValue(v: ExcelJS.CellValue): { value: RawValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('error' in v) return { value: { error: String(v.error) } };
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
      const r = f.result;
      const inner = r === undefined || r === null ? null : (rawValue(r as ExcelJS.CellValue).value ?? null);
      return { value: inner, formula: f.formula ?? f.sharedFormula ?? '' };
    }
    if ('richText' in v) return { value: (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('') };
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      return { value: typeof t === 'string' ? t : String(t ?? '') };
    }
  }
  return { value: String(v) };
}

export function cellToRaw(cell: ExcelJS.Cell): RawCell | null {
  if (cell.type === 0 /* Null */) return null;
  const { value, formula } = rawValue(cell.value);
  const raw: RawCell = { value };
  const fmt = cell.numFmt;
  if (fmt) raw.numberFormat = fmt;
  if (formula !== undefined) raw.formula = formula || true;
  return raw;
}

/**
 * The cells that exist, row by row (ExcelJS keeps rows and cells in sparse arrays): the sheet's extent never
 * counts, so one cell in XFD1048576 costs one entry, not a grid of 17 billion.
 */
export function worksheetSnapshot(ws: ExcelJS.Worksheet): SparseSnapshot {
  const entries: SheetCell[] = [];
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const raw = cellToRaw(cell);
      if (!raw) return;
      if (entries.length >= LIMITS.cells) throw new LimitError('cells', LIMITS.cells, entries.length + 1);
      entries.push({ row: r - 1, col: c - 1, cell: raw });
    }),
  );
  return { sheet: ws.name, entries };
}

/** A plain value of a cell, for reading expert inputs back. */
export function plainValue(cell: ExcelJS.Cell): string | number | boolean | null {
  const v = rawValue(cell.value).value;
  if (v === null || typeof v === 'object') return null;
  return v;
}
