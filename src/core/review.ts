/** One application from snapshot to findings, verdict and criterion results: reader → checks → verdict. */
import { runChecks } from './checks/evaluate.js';
import type { LoadedRulebook } from './rulebook/load.js';
import { readIndicatorSheet, type SheetInputs } from './sheet/reader.js';
import type { Finding, Snapshot, Verdict } from './types.js';
import { summariseGroups, verdictOf, type GroupSummary } from './verdict.js';

export interface Review {
  inputs: SheetInputs;
  /** Sheet, input and check findings, ordered by the rulebook (not by sheet position) so row order never changes it. */
  findings: Finding[];
  verdict: Verdict;
  groups: GroupSummary[];
}

function order(findings: Finding[], rb: LoadedRulebook): Finding[] {
  const checkIndex = new Map(rb.checks.map((c, i) => [c.id, i]));
  const indIndex = new Map(rb.data.indicators.map((ind, i) => [ind.code, i]));
  const rank = (f: Finding): [number, number, number, number, number] => [
    f.source === 'sheet' ? 0 : f.check !== undefined ? 1 : 2,
    f.check !== undefined ? (checkIndex.get(f.check) ?? 1e6) : (indIndex.get(f.indicator ?? '') ?? 1e6),
    f.source === 'input' ? 0 : 1,
    f.indicator !== undefined ? (indIndex.get(f.indicator) ?? 1e6) : -1,
    f.year ?? 0,
  ];
  // Stable sort: findings of equal rank keep their generation order, which is itself rulebook-ordered.
  return findings
    .map((f, i) => ({ f, i, r: rank(f) }))
    .sort((a, b) => {
      for (let k = 0; k < 5; k++) if (a.r[k] !== b.r[k]) return a.r[k]! - b.r[k]!;
      return a.i - b.i;
    })
    .map((x) => x.f);
}

export function reviewSnapshot(snapshot: Snapshot, rb: LoadedRulebook): Review {
  const inputs = readIndicatorSheet(snapshot, rb);
  const findings = order([...inputs.findings, ...runChecks(rb, inputs)], rb);
  return {
    inputs,
    findings,
    verdict: verdictOf(findings, rb, inputs.required),
    groups: summariseGroups(findings, rb, inputs.required),
  };
}
