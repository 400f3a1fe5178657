/**
 * The tally's per-application part (rules 6–7 of ./tally.ts, before the quota): duplicates (the same indicator data
 * submitted twice), and for each application its experts' totals, the committee score by the rulebook's rule, each
 * criterion's score, median, spread and 待讨论, why it is pending, and its recommendation before ranking
 * (not-eligible, pending, below-cut or recommended). Ranking and the quota are ./tally-rank.ts.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import { combine, exactScore, median } from '../scoring.js';
import { nearlyEqual } from '../numbers.js';
import type { Round, RoundApplication } from './records.js';
import { KEY, type EntriesRead } from './tally-entries.js';
import { PENDING_ORDER, type ApplicationResult, type CriterionResult, type ExpertResult, type PendingReason, type RecommendationCode, type RoundProblem, type TallyOptions } from './tally-result.js';

/** Applications whose indicator data an earlier one of the round has (the first in the round's order is counted), listed in `problems`. */
export function findDuplicates(round: Round, problems: RoundProblem[]): Map<string, string> {
  const firstWith = new Map<string, string>();
  const duplicateOf = new Map<string, string>();
  for (const a of round.applications) {
    const f = firstWith.get(a.fingerprint);
    if (f === undefined) firstWith.set(a.fingerprint, a.id);
    else {
      duplicateOf.set(a.id, f);
      problems.push({ code: 'duplicate', application: a.id, duplicateOf: f, cluster: a.cluster || a.id });
    }
  }
  return duplicateOf;
}

/** One application's result: its experts, criteria and figures, and its recommendation before ranking (rank null). */
export function scoreApplication(app: RoundApplication, round: Round, rb: LoadedRulebook, read: EntriesRead, duplicateOf: ReadonlyMap<string, string>, opts: TallyOptions): ApplicationResult {
  const { scoring, criteria } = rb.data;
  const { cells, recused } = read;
  const rule = scoring.combine;
  const cut = scoring.recommendation.minMeanTotal;
  const experts: ExpertResult[] = round.experts.map((name) => {
    const c = cells.get(`${name}${KEY}${app.id}`);
    const reason = recused.get(`${name}${KEY}${app.id}`);
    const scores = Object.fromEntries(criteria.map((cr) => [cr.id, c?.score.get(cr.id) ?? null]));
    const complete = reason === undefined && criteria.every((cr) => scores[cr.id] !== null);
    return {
      name,
      conflicted: reason !== undefined,
      reason: reason ?? null,
      returned: !!c?.returned,
      scores,
      notes: c?.notes ?? {},
      opinion: c?.opinion ?? '',
      total: complete ? exactScore(criteria.reduce((a, cr) => a + scores[cr.id]!, 0)) : null,
      signature: c?.signature ?? '',
      date: c?.date ?? '',
    };
  });
  const counted = experts.filter((x) => !x.conflicted);
  const crits: CriterionResult[] = criteria.map((cr) => {
    const xs = counted.flatMap((x) => (x.scores[cr.id] === null ? [] : [x.scores[cr.id]!]));
    const spread = xs.length ? exactScore(Math.max(...xs) - Math.min(...xs)) : null;
    const limit = scoring.spreadShare * cr.weight;
    return {
      id: cr.id,
      weight: cr.weight,
      n: xs.length,
      score: combine(xs, rule, scoring.trimmedMinimum),
      mean: combine(xs, 'mean', 0),
      median: median(xs),
      spread,
      toDiscuss: spread !== null && spread > limit && !nearlyEqual(spread, limit),
    };
  });
  const totals = counted.flatMap((x) => (x.total === null ? [] : [x.total]));
  const why = new Set<PendingReason>();
  // Data incomplete (数据不全): the county sends the missing material, then the application is scored (待补充材料).
  if (app.verdict === 'incomplete' && scoring.recommendation.verdict === 'passed') why.add('incomplete');
  if (counted.some((x) => cells.get(`${x.name}${KEY}${app.id}`)?.conflict)) why.add('conflict');
  if (counted.some((x) => cells.get(`${x.name}${KEY}${app.id}`)?.stale)) why.add('stale');
  if (totals.length < scoring.minimumExperts) why.add('experts');
  const pending: PendingReason[] = PENDING_ORDER.filter((p) => why.has(p));
  const dup = duplicateOf.get(app.id) ?? null;
  const score = combine(totals, rule, scoring.trimmedMinimum);
  let recommendation: RecommendationCode;
  let reason: string | null = null;
  if (dup !== null) [recommendation, reason] = ['not-eligible', 'duplicate'];
  else if (app.verdict !== scoring.recommendation.verdict && !why.has('incomplete')) [recommendation, reason] = ['not-eligible', app.verdict];
  else if (pending.length || score === null) {
    if (!pending.length) pending.push('experts');
    [recommendation, reason] = ['pending', pending[0]!];
  }
  // The decimal score against the cut line, as the sheets' formulas compare it (ROUND(…)>=cut): no tolerance.
  else if (score < cut) recommendation = 'below-cut';
  else recommendation = 'recommended';
  return {
    application: app,
    duplicateOf: dup,
    experts,
    criteria: crits,
    n: totals.length,
    score,
    mean: combine(totals, 'mean', 0),
    median: median(totals),
    spread: totals.length ? exactScore(Math.max(...totals) - Math.min(...totals)) : null,
    toDiscuss: crits.filter((c) => c.toDiscuss).map((c) => c.id),
    rank: null,
    tie: false,
    recommendation,
    reason,
    pending,
    decision: opts.decisions?.[app.id] ?? null,
  };
}
