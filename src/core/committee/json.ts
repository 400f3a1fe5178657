/** The round as JSON (`tally --json`, and the committee section of `check --json`): docs/REPORT.md "The round". */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Lang } from '../types.js';
import { problemText, reasonText, recommendationText } from './rollup.js';
import type { ApplicationResult, TallyResult } from './tally.js';

const ROUND_FORMAT = 'cluster-review/round-report@1';

function applicationJson(r: ApplicationResult, lang: Lang) {
  return {
    id: r.application.id,
    file: r.application.file,
    cluster: r.application.cluster,
    verdict: r.application.verdict,
    fingerprint: r.application.fingerprint,
    committee: {
      n: r.n,
      score: r.score,
      mean: r.mean,
      median: r.median,
      spread: r.spread,
      toDiscuss: r.toDiscuss,
      criteria: r.criteria,
      experts: r.experts.map((x) => ({
        name: x.name,
        conflicted: x.conflicted,
        reason: x.reason,
        returned: x.returned,
        scores: x.scores,
        notes: x.notes,
        opinion: x.opinion,
        total: x.total,
      })),
    },
    rank: r.rank,
    tie: r.tie,
    recommendation: r.recommendation,
    /** One code: not-eligible → the verdict or "duplicate"; pending → the first of `pending` (docs/REPORT.md). */
    reason: r.reason,
    pending: r.pending,
    recommendationText: recommendationText(r, lang),
    reasonText: reasonText(r, lang),
    duplicateOf: r.duplicateOf,
    decision: r.decision,
  };
}

export function roundJson(result: TallyResult, rb: LoadedRulebook, lang: Lang) {
  const s = rb.data.scoring;
  return {
    format: ROUND_FORMAT,
    round: result.round.id,
    year: result.round.year,
    rulebook: result.round.rulebook,
    rule: { combine: s.combine, trimmedMinimum: s.trimmedMinimum, minimumExperts: s.minimumExperts, cut: s.recommendation.minMeanTotal, quota: result.quota },
    experts: result.round.experts,
    notReturned: result.notReturned,
    applications: result.applications.map((r) => applicationJson(r, lang)),
    problems: result.problems.map((p) => ({ ...p, message: problemText(p, lang) })),
    changes: result.changes,
  };
}
