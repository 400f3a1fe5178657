/**
 * What a round's records must be before anything is sized or looped by them: the hidden record of a score sheet
 * or a roll-up, and round.json. They are evidence written by the tool, but anyone can rewrite them, so a record
 * that is not exactly the shape the tool writes (fields missing, a list given as text, a row −5, a count of 10^12)
 * is refused as damaged, never used (a forged `layout.count` once looped for ever).
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import type { ScoresheetRecord } from './scoresheet.js';
import type { TallyRecord } from './rollup.js';
import type { Round } from './records.js';

/** Excel's grid: 1,048,576 rows, 16,384 columns (zero-based here). */
const row = z.number().int().min(0).max(1_048_575);
const col = z.number().int().min(0).max(16_383);
const text = z.string().max(32_767);
const cell = z.tuple([row, col]);

const application = z.object({ id: text, fingerprint: text }).passthrough();

const round = z
  .object({
    format: z.literal('cluster-review/round@1'),
    id: text,
    year: z.number().int().nullable(),
    rulebook: z.object({ id: text, edition: text, fingerprint: text }),
    experts: z.array(text).max(LIMITS.roundExperts),
    conflicts: z.array(z.object({ expert: text, application: text, reason: text })).max(LIMITS.roundApplications * LIMITS.roundExperts),
    applications: z.array(application).max(LIMITS.roundApplications),
  })
  .passthrough();

const scoresheet = z
  .object({
    round: text,
    year: z.number().int().nullable(),
    expert: text,
    rulebook: z.object({ id: text, edition: text, fingerprint: text }),
    applications: z.array(z.object({ id: text, fingerprint: text })).max(LIMITS.roundApplications),
    layout: z.object({
      sheet: text,
      firstRow: row,
      count: z.number().int().min(0).max(LIMITS.roundApplications),
      criteria: z.array(z.object({ id: text, col, note: col })).max(200),
      total: col,
      recusal: col,
      reason: col,
      opinion: col,
      id: col,
      fingerprint: col,
      signature: cell,
      date: cell,
    }),
  })
  .passthrough();

const tally = z
  .object({
    round,
    audit: z.array(z.object({ time: text, expert: text, application: text, item: text, old: text.nullable(), new: text.nullable(), source: text, sha256: text, fileTime: text, outcome: text })).max(LIMITS.auditRows),
    layout: z.object({ sheet: text, firstRow: row, id: col, decision: col, date: col, meeting: col }),
  })
  .passthrough();

/** The record if it has the shape the tool writes, else null. */
export function checkScoresheetRecord(x: unknown): ScoresheetRecord | null {
  return scoresheet.safeParse(x).success ? (x as ScoresheetRecord) : null;
}

export function checkTallyRecord(x: unknown): TallyRecord | null {
  return tally.safeParse(x).success ? (x as TallyRecord) : null;
}

export function checkRound(x: unknown): Round | null {
  return round.safeParse(x).success ? (x as Round) : null;
}
