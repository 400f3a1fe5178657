/**
 * Types an expert's scores into a score sheet as a person would (for the demo, the benchmark and tests): by the
 * hidden application id of each row, numbers or text as given ("１８" stays text). Not part of the adapter: no
 * command of the tool fills score sheets.
 */
import ExcelJS from 'exceljs';
import { parseRecord, ROUND_SHEET, SCORESHEET_FORMAT, type ScoresheetRecord } from '../src/core/index.js';

export interface ExpertRow {
  /** Scores in the rulebook's criterion order; null leaves a cell blank. */
  scores?: Array<number | string | null>;
  notes?: Record<string, string>;
  opinion?: string;
  recuse?: string;
}

export async function fillScoresheet(path: string, rows: Record<string, ExpertRow>, opts: { output?: string; signature?: string; date?: string } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const meta = wb.getWorksheet(ROUND_SHEET)!;
  const kv: Array<[unknown, unknown]> = [];
  meta.eachRow((r) => kv.push([r.getCell(1).value, r.getCell(2).value]));
  const record = parseRecord<ScoresheetRecord>(kv, SCORESHEET_FORMAT)!;
  const L = record.layout;
  const ws = wb.getWorksheet(L.sheet)!;
  for (let r = L.firstRow; r < L.firstRow + L.count; r++) {
    const id = ws.getCell(r + 1, L.id + 1).value as string;
    const row = rows[id];
    if (!row) continue;
    row.scores?.forEach((v, i) => (ws.getCell(r + 1, L.criteria[i]!.col + 1).value = v));
    for (const [crit, note] of Object.entries(row.notes ?? {})) ws.getCell(r + 1, L.criteria.find((c) => c.id === crit)!.note + 1).value = note;
    if (row.opinion) ws.getCell(r + 1, L.opinion + 1).value = row.opinion;
    if (row.recuse !== undefined) {
      ws.getCell(r + 1, L.recusal + 1).value = '是';
      ws.getCell(r + 1, L.reason + 1).value = row.recuse;
    }
  }
  if (opts.signature) ws.getCell(L.signature[0] + 1, L.signature[1] + 1).value = opts.signature;
  if (opts.date) ws.getCell(L.date[0] + 1, L.date[1] + 1).value = opts.date;
  await wb.xlsx.writeFile(opts.output ?? path);
}
