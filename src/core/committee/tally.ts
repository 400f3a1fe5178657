/**
 * The committee's tally: one pure function from the round, every score entry however it came in, and the previous
 * tally's audit trail, to the committee's figures, the ranked recommendation list, the problems and the audit
 * rows of what changed. The rules (docs/REPORT.md "The round") in the order they apply:
 *
 * 1. Each value is normalised once (normaliseScore: the same reading as the sheets' formulas).
 * 2. Entries of experts outside the committee and of applications outside the round are listed and dropped.
 * 3. Entries of a recused expert (declared in the conflicts, or marked 回避 by the expert) are dropped; a score
 *    among them is listed (`recused-scored`). Entries scored against other data (fingerprint) are `stale`.
 * 4. Per (expert, application, criterion): equal values from several sources are one; different values are a
 *    `conflict` and the application stays pending — unless `preferNewer`, when the newer file wins and says so.
 * 5. A value that is not a number, or outside 0…weight, is listed and not used.
 * 6. Per application: each expert's total when every criterion is scored; the committee score is the rulebook's
 *    rule (mean, trimmed mean, median) over those totals; per criterion the same rule, median, spread, 待讨论.
 * 7. Recommendation: not-eligible (duplicate, or verdict neither passed nor incomplete) → pending (data incomplete:
 *    待补充材料; conflicts; stale; too few experts; the one `reason` is the first of these in that order, `pending`
 *    lists them all) → below-cut (the decimal score under the cut line, as the sheets' formulas decide) → ranked by
 *    score (ties share a rank) → recommended within the quota, beyond-quota after; a tie across the quota line is
 *    pending (`tie`) and flagged, never broken.
 * 8. Audit: a row for each value that changed since the previous tally (old → new), none for the rest: a value
 *    now also found in another file (a reviewed copy the tally updated) is no change, and a value is removed only
 *    when no source holds it any more.
 *
 * This file owns the order of the steps; each is a file of its own: reading the entries (rules 1–5,
 * ./tally-entries.ts), each application's scores and recommendation (6–7, ./tally-scores.ts), ranking and the quota
 * (7, ./tally-rank.ts), the audit (8, ./tally-audit.ts).
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import { combine } from '../scoring.js';
import type { AuditRow, Round, ScoreEntry } from './records.js';
import { auditChanges, inRoundOrder } from './tally-audit.js';
import { readEntries } from './tally-entries.js';
import { rank } from './tally-rank.js';
import type { RoundProblem, TallyOptions, TallyResult } from './tally-result.js';
import { findDuplicates, scoreApplication } from './tally-scores.js';

// The tally's result types (./tally-result.ts) are part of this module's surface.
export * from './tally-result.js';

export { EXPERT_ITEM } from './tally-audit.js';

/** Combined score by the rulebook's rule: the one function the summary's figures use too (src/core/scoring.ts). */
export { combine };

export function tally(round: Round, entries: readonly ScoreEntry[], previousAudit: readonly AuditRow[], rb: LoadedRulebook, opts: TallyOptions): TallyResult {
  const problems: RoundProblem[] = [];
  const read = readEntries(round, entries, rb, opts, problems);
  const notReturned = round.experts.filter((x) => !read.seenExperts.has(x));
  for (const x of notReturned) problems.push({ code: 'missing-expert', expert: x });
  const duplicateOf = findDuplicates(round, problems);
  const results = round.applications.map((app) => scoreApplication(app, round, rb, read, duplicateOf, opts));
  const { ordered, quota, lineAfter } = rank(results, rb, opts, problems);
  const { current } = read;
  inRoundOrder(current, round, rb);
  const changes = auditChanges(current, previousAudit, round, opts);
  return { round, applications: ordered, problems, audit: [...previousAudit, ...changes], changes, notReturned, quota, lineAfter, current };
}
