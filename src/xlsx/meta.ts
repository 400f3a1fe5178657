/**
 * The hidden metadata sheet, in the same form as in Excel (src/core/report/meta.ts): versioned blocks appended
 * below what the sheet holds, superseded ones cleared, records of earlier versions still read.
 */
import type ExcelJS from 'exceljs';
import { META_HEADER_ROWS, META_SHEET, metaBlock, metaHeader, metaModel, readMetaRecord, type MetaRecord, type WorkbookMeta } from '../core/index.js';
import { renderSheet } from './render.js';
import { plainValue } from './snapshot.js';

/** Rows of the record read at most: far beyond any record the tool writes (a forged sheet may claim a million). */
const MAX_META_ROWS = 65536;

/**
 * The first two columns of one of the tool's record sheets, or null when the workbook has none: the rows that exist,
 * at their positions (blocks are found by row), never 1..rowCount — one cell in row 1,048,576 must not cost a million
 * rows (it cost 1 GB) — and none past MAX_META_ROWS.
 */
export function recordSheetRows(wb: ExcelJS.Workbook, sheet: string): Array<[unknown, unknown]> | null {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return null;
  const rows: Array<[unknown, unknown]> = [];
  ws.eachRow((row, r) => {
    if (r <= MAX_META_ROWS) rows[r - 1] = [plainValue(row.getCell(1)), plainValue(row.getCell(2))];
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [null, null];
  return rows;
}

/** The record, validated by the core's schema; a damaged one is absent and said (`damaged`). */
export function readRecord(wb: ExcelJS.Workbook): MetaRecord {
  const rows = recordSheetRows(wb, META_SHEET);
  return rows ? readMetaRecord(rows) : { meta: null, damaged: false };
}

export function readMeta(wb: ExcelJS.Workbook): WorkbookMeta | null {
  return readRecord(wb).meta;
}

/** Appends the record's next version (a file has one writer at a time: no merge needed). */
export async function writeMeta(wb: ExcelJS.Workbook, meta: WorkbookMeta): Promise<void> {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) {
    await renderSheet(wb.addWorksheet(META_SHEET), metaModel(meta));
    return;
  }
  const now = readRecord(wb);
  const start = Math.max(now.end ?? 0, META_HEADER_ROWS);
  const put = (row: number, [k, v]: [string, string]) => {
    ws.getCell(row + 1, 1).value = k;
    ws.getCell(row + 1, 2).value = v;
  };
  for (const [r] of now.stale ?? []) if (r >= META_HEADER_ROWS && r < start) for (const c of [1, 2]) ws.getCell(r + 1, c).value = null;
  metaHeader().forEach((x, i) => put(i, x));
  metaBlock(meta, (now.block?.version ?? 0) + 1).rows.forEach((x, i) => put(start + i, x));
  ws.state = 'veryHidden';
}
