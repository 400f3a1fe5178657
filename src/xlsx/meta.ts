/** The hidden metadata sheet, through the core's model. */
import type ExcelJS from 'exceljs';
import { META_SHEET, metaModel, readMetaRecord, type MetaRecord, type WorkbookMeta } from '../core/index.js';
import { renderSheet } from './render.js';
import { plainValue } from './snapshot.js';

/** Rows of the record read at most: far beyond any record the tool writes (a forged sheet may claim a million). */
const MAX_META_ROWS = 4096;

/** The record, validated by the core's schema; a damaged one is absent and said (`damaged`). */
export function readRecord(wb: ExcelJS.Workbook): MetaRecord {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return { meta: null, damaged: false };
  const rows: Array<[unknown, unknown]> = [];
  // The rows that exist, never 1..rowCount: one cell in row 1,048,576 must not cost a million rows.
  ws.eachRow((row) => {
    if (rows.length < MAX_META_ROWS) rows.push([plainValue(row.getCell(1)), plainValue(row.getCell(2))]);
  });
  return readMetaRecord(rows);
}

export function readMeta(wb: ExcelJS.Workbook): WorkbookMeta | null {
  return readRecord(wb).meta;
}

export async function writeMeta(wb: ExcelJS.Workbook, meta: WorkbookMeta): Promise<void> {
  const old = wb.getWorksheet(META_SHEET);
  if (old) wb.removeWorksheet(old.id);
  await renderSheet(wb.addWorksheet(META_SHEET), metaModel(meta));
}
