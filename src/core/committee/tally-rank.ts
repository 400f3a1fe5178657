/**
 * The tally's ranking (rule 7 of ./tally.ts, after the scores): the recommended ranked by score, ties sharing a rank
 * (1, 1, 3) and flagged; recommended within the quota, beyond-quota after, a tie across the quota line pending
 * (`tie`, listed), never broken; then the list in its order and where the quota line is drawn.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { ApplicationResult, RecommendationCode, RoundProblem, TallyOptions } from './tally-result.js';

/** Equal for ranking: scores are sums of typed decimals, so compare after rounding away float noise. */
const rankKey = (x: number) => Math.round(x * 1e6);

export interface Ranked {
  /** Ranked first (by rank), then pending, beyond the quota, below the cut line, not eligible. */
  ordered: ApplicationResult[];
  quota: number | null;
  /** Index in `ordered` of the last recommended one, or null. */
  lineAfter: number | null;
}

/** Ranks `results` (their rank, tie and recommendation set here) and orders them; a tie at the quota line is listed in `problems`. */
export function rank(results: ApplicationResult[], rb: LoadedRulebook, opts: TallyOptions, problems: RoundProblem[]): Ranked {
  const { scoring } = rb.data;
  const byName = (a: ApplicationResult, b: ApplicationResult) => a.application.cluster.localeCompare(b.application.cluster) || a.application.id.localeCompare(b.application.id);
  const ranked = results.filter((r) => r.recommendation === 'recommended').sort((a, b) => rankKey(b.score!) - rankKey(a.score!) || byName(a, b));
  const quota = opts.quota ?? scoring.recommendations ?? null;
  for (let i = 0; i < ranked.length; ) {
    let j = i;
    while (j + 1 < ranked.length && rankKey(ranked[j + 1]!.score!) === rankKey(ranked[i]!.score!)) j++;
    const rank = i + 1;
    for (let k = i; k <= j; k++) {
      const r = ranked[k]!;
      r.rank = rank;
      r.tie = j > i;
      if (quota === null || j + 1 <= quota) r.recommendation = 'recommended';
      else if (i + 1 > quota) r.recommendation = 'beyond-quota';
      else {
        // The tie straddles the quota line: the committee decides, the tool does not.
        r.recommendation = 'pending';
        r.pending = ['tie'];
        r.reason = 'tie';
        problems.push({ code: 'tie', application: r.application.id, cluster: r.application.cluster || r.application.id });
      }
    }
    i = j + 1;
  }
  const order: RecommendationCode[] = ['recommended', 'pending', 'beyond-quota', 'below-cut', 'not-eligible'];
  const ordered = [
    ...ranked,
    ...results
      .filter((r) => r.rank === null)
      .sort((a, b) => order.indexOf(a.recommendation) - order.indexOf(b.recommendation) || (b.score ?? -1) - (a.score ?? -1) || byName(a, b)),
  ];
  // Ranked rows keep their rank order; a tie at the line stays among them (pending, flagged).
  let lineAfter: number | null = null;
  ordered.forEach((r, i) => {
    if (r.recommendation === 'recommended') lineAfter = i;
  });
  return { ordered, quota, lineAfter };
}
