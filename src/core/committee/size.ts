/**
 * The committee's size against the size panels practise: scoring.recommendedExperts, where a rulebook sets it, else
 * five (RECOMMENDED_EXPERTS). A smaller round is said, never refused: the Measures set no committee size, and a
 * province may convene fewer experts for a reason the committee's opinion gives.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import { RECOMMENDED_EXPERTS } from '../rulebook/diff.js';

export interface CommitteeSize {
  code: 'small-committee';
  n: number;
  recommended: number;
}

/** The finding for a committee of `experts` people, or null when it has at least the recommended number. */
export function committeeSize(experts: number, rb: LoadedRulebook): CommitteeSize | null {
  const recommended = rb.data.scoring.recommendedExperts ?? RECOMMENDED_EXPERTS;
  return experts < recommended ? { code: 'small-committee', n: experts, recommended } : null;
}
