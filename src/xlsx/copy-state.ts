/**
 * A reviewed copy's state as the round reads it: its bytes and identity when read (so `--update-copies` replaces only
 * that very file), the lock file of an office suite that has it open, the tool's record sheets, and what a tally
 * wrote into its summary (the core's `tallied` record) — so the tool's own values are never read back as entries.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { checkTalliedRecord, parseRecord, preservedEntries, readPreserved, recordFormat, ROUND_SHEET, TALLIED_FORMAT, TALLIED_SHEET, withoutTallied, type TalliedRecord } from '../core/index.js';
import { recordSheetRows } from './meta.js';
import type { FileReview } from './workbook.js';

/** The rows of one of the tool's record sheets (the round's by default), read sparsely; null when there is none. */
export function recordRows(wb: ExcelJS.Workbook, sheet = ROUND_SHEET): Array<[unknown, unknown]> | null {
  return recordSheetRows(wb, sheet);
}

/** A file as it was read: its content hash and identity (links followed). */
export interface CopyStamp {
  sha256: string;
  dev: bigint;
  ino: bigint;
}

export async function stampOf(path: string, bytes?: Uint8Array): Promise<CopyStamp> {
  const [data, st] = await Promise.all([bytes ?? readFile(path), stat(path, { bigint: true })]);
  return { sha256: createHash('sha256').update(data).digest('hex'), dev: st.dev, ino: st.ino };
}

export const sameStamp = (a: CopyStamp, b: CopyStamp) => a.sha256 === b.sha256 && a.dev === b.dev && a.ino === b.ino;

/**
 * The lock file an office suite keeps beside a workbook it has open: Excel and WPS `~$name` (Excel drops the first
 * two characters of a long name), LibreOffice `.~lock.name#`. Null when none is there.
 */
export async function lockOf(path: string): Promise<string | null> {
  const dir = dirname(path);
  const name = basename(path);
  for (const lock of [`~$${name}`, `~$${name.slice(2)}`, `.~lock.${name}#`, `.~${name}`]) {
    if (await lstat(join(dir, lock)).then(() => true, () => false)) return join(dir, lock);
  }
  return null;
}

/** The copy's record of what a tally wrote into its summary, if it has one in the exact shape the tool writes. */
export function talliedRecordOf(wb: ExcelJS.Workbook): TalliedRecord | null {
  const rows = recordRows(wb, TALLIED_SHEET);
  return rows && recordFormat(rows) === TALLIED_FORMAT ? checkTalliedRecord(parseRecord<unknown>(rows, TALLIED_FORMAT)) : null;
}

/**
 * Whether a reviewed copy's summary holds review content (a score or a 回避) that no tally wrote: what `batch` and
 * `scoresheets` say of a copy given without its original (tally's own reading is `summaryEntries`).
 */
export function copyHoldsReview(fr: FileReview): boolean {
  const layout = fr.meta?.review?.summary;
  const at = fr.reading.summaryAt;
  if (!layout || !at || !fr.examined.summary) return false;
  const record = talliedRecordOf(fr.opened.wb);
  const entries = preservedEntries(readPreserved(layout, at), '', undefined, { kind: 'summary', file: '' });
  return withoutTallied(entries, record, record?.round ?? '').length > 0;
}
