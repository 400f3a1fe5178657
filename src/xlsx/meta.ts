/** The hidden metadata sheet, through the core's model. */
import type ExcelJS from 'exceljs';
import { META_SHEET, metaModel, parseMeta, type WorkbookMeta } from '../core/index.js';
import { renderSheet } from './render.js';
import { plainValue } from './snapshot.js';

export function readMeta(wb: ExcelJS.Workbook): WorkbookMeta | null {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return null;
  const rows: Array<[unknown, unknown]> = [];
  // The rows that exist, never 1..rowCount: one cell in row 1,048,576 must not cost a million rows.
  ws.eachRow((row) => void rows.push([plainValue(row.getCell(1)), plainValue(row.getCell(2))]));
  return parseMeta(rows);
}

export async function writeMeta(wb: ExcelJS.Workbook, meta: WorkbookMeta): Promise<void> {
  const old = wb.getWorksheet(META_SHEET);
  if (old) wb.removeWorksheet(old.id);
  await renderSheet(wb.addWorksheet(META_SHEET), metaModel(meta));
}
