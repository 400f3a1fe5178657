/**
 * A very hidden sheet carrying one JSON record (a score sheet's round and layout, a tally's round, audit trail
 * and layout), chunked below Excel's 32,767-character cell limit, as the workbook metadata sheet does.
 */
import type { CellModel, SheetModel } from '../report/sheet-model.js';

export const ROUND_SHEET = '_cluster_review_round';
const CHUNK = 30000;

/** `name`: the round's record sheet, or another of the tool's (a reviewed copy's record of what a tally wrote). */
export function recordModel(format: string, record: unknown, name = ROUND_SHEET): SheetModel {
  const json = JSON.stringify(record);
  const cells: CellModel[] = [
    { row: 0, col: 0, value: 'format' },
    { row: 0, col: 1, value: format },
    { row: 1, col: 0, value: 'note' },
    { row: 1, col: 1, value: 'Written by cluster-review (集群评审助手): the round this workbook belongs to. Do not edit.' },
  ];
  for (let i = 0, part = 0; i < json.length || part === 0; i += CHUNK, part++) cells.push({ row: 2 + part, col: 0, value: `record#${part}` }, { row: 2 + part, col: 1, value: json.slice(i, i + CHUNK) });
  return { name, cells, state: 'veryHidden', widths: [14, 100] };
}

/** The record of a given format, or null when the rows hold none (or a damaged one). */
export function parseRecord<T>(rows: ReadonlyArray<readonly [unknown, unknown]>, format: string): T | null {
  let fmt: unknown;
  const parts: string[] = [];
  for (const [k, v] of rows) {
    if (k === 'format') fmt = v;
    const m = typeof k === 'string' ? /^record#(\d+)$/.exec(k) : null;
    if (m && typeof v === 'string') parts[Number(m[1])] = v;
  }
  if (fmt !== format || !parts.length) return null;
  try {
    return JSON.parse(parts.join('')) as T;
  } catch {
    return null;
  }
}

/** The format stored, whatever it is (to tell a score sheet from a roll-up). */
export function recordFormat(rows: ReadonlyArray<readonly [unknown, unknown]>): string | null {
  const f = rows.find(([k]) => k === 'format')?.[1];
  return typeof f === 'string' ? f : null;
}
