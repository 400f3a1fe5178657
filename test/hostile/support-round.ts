/**
 * Helpers for the round's hostile cases: rewriting the hidden record of a score sheet or roll-up as an attacker
 * would (the record is plain JSON in a very hidden sheet; anyone with ExcelJS can write it).
 */
import ExcelJS from 'exceljs';
import { ROUND_SHEET } from '../../src/core/index.js';

/** Rewrites the record of `path` through `edit` (which may return any JSON value, forged as it likes). */
export async function forgeRecord(path: string, edit: (record: Record<string, unknown>) => unknown): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(ROUND_SHEET)!;
  const parts: string[] = [];
  const rows: number[] = [];
  ws.eachRow((row, r) => {
    const k = row.getCell(1).value;
    if (typeof k === 'string' && k.startsWith('record#')) {
      parts.push(String(row.getCell(2).value));
      rows.push(r);
    }
  });
  const json = JSON.stringify(edit(JSON.parse(parts.join('')) as Record<string, unknown>));
  for (const r of rows) ws.getRow(r).getCell(2).value = null;
  // One cell per 30,000 characters, as the tool writes it.
  for (let i = 0, k = 0; i < json.length || k === 0; i += 30000, k++) {
    const r = (rows[0] ?? 3) + k;
    ws.getRow(r).getCell(1).value = `record#${k}`;
    ws.getRow(r).getCell(2).value = json.slice(i, i + 30000);
  }
  await wb.xlsx.writeFile(path);
}
