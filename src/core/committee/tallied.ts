/**
 * What `tally --update-copies` wrote into a reviewed copy's 评审汇总, recorded in the copy (a very hidden sheet of its
 * own): the next tally of the same round reads those cells as the tool's, not as new entries. Read back as entries,
 * a value the tally wrote from a score sheet came back from the copy, a file newer than every sheet, and changed
 * which file counted: a rerun on an unchanged round reported a change every time. Only values still exactly as the
 * tool wrote them are the tool's; a cell a person changed since is that person's entry. The record is evidence
 * like any other: in the exact shape the tool writes, bounded, and only for this round (a copy tallied in another
 * round and submitted again arrived with review content).
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import type { SheetModel } from '../report/sheet-model.js';
import type { ScoreEntry } from './records.js';
import { recordModel } from './record-sheet.js';

export const TALLIED_SHEET = '_cluster_review_tallied';
export const TALLIED_FORMAT = 'cluster-review/tallied@1';

/** One value the tool wrote: the entry it reads back as (kind, expert, criterion) and its value as text. */
export interface TalliedValue {
  expert: string;
  kind: 'score' | 'recusal';
  criterion?: string;
  value: string;
}

export interface TalliedRecord {
  round: string;
  application: string;
  values: TalliedValue[];
}

const text = z.string().max(32_767);
const schema = z.object({
  round: text,
  application: text,
  values: z.array(z.object({ expert: text, kind: z.enum(['score', 'recusal']), criterion: text.optional(), value: text })).max(LIMITS.roundExperts * 200),
});

/** The record if it has the shape the tool writes, else null (never used then). */
export function checkTalliedRecord(x: unknown): TalliedRecord | null {
  return schema.safeParse(x).success ? (x as TalliedRecord) : null;
}

export function talliedModel(record: TalliedRecord): SheetModel {
  return recordModel(TALLIED_FORMAT, record, TALLIED_SHEET);
}

const keyOf = (x: { expert: string; kind: string; criterion?: string }) => `${x.expert}\u0000${x.kind}\u0000${x.criterion ?? ''}`;
const valueOf = (e: ScoreEntry): string => (e.kind === 'recusal' ? `${e.value === true ? '是' : String(e.value)}\u0000${e.reason ?? ''}` : String(e.value));
const tallied = (e: ScoreEntry): e is ScoreEntry & { kind: 'score' | 'recusal' } => e.kind === 'score' || e.kind === 'recusal';

/**
 * The values the tool's write leaves as its own: those the write changed (`before` → `after`, the copy's entries
 * read before and as written), and those a previous tally of this round wrote that no one has changed since.
 */
export function talliedValues(before: readonly ScoreEntry[], after: readonly ScoreEntry[], previous: TalliedRecord | null, round: string): TalliedValue[] {
  const had = new Map(before.filter(tallied).map((e) => [keyOf(e), valueOf(e)]));
  const earlier = new Map((previous?.round === round ? previous.values : []).map((v) => [keyOf(v), v.value]));
  const out: TalliedValue[] = [];
  for (const e of after) {
    if (!tallied(e)) continue;
    const k = keyOf(e);
    const v = valueOf(e);
    if (had.get(k) !== v || earlier.get(k) === v) out.push({ expert: e.expert, kind: e.kind, ...(e.criterion !== undefined ? { criterion: e.criterion } : {}), value: v });
  }
  return out;
}

/** A copy's entries less the values the tool wrote there for this round and still shows as written. */
export function withoutTallied(entries: readonly ScoreEntry[], record: TalliedRecord | null, round: string): ScoreEntry[] {
  if (!record || record.round !== round) return [...entries];
  const mine = new Map(record.values.map((v) => [keyOf(v), v.value]));
  return entries.filter((e) => !tallied(e) || mine.get(keyOf(e)) !== valueOf(e));
}
