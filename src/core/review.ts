/** One application from snapshot to findings, verdict and criterion results: reader → checks → verdict. */
import { runChecks } from './checks/evaluate.js';
import type { LoadedRulebook } from './rulebook/load.js';
import type { FormLists } from './sheet/lists.js';
import { readIndicatorSheet, type SheetInputs } from './sheet/reader.js';
import { INDICATOR_SHEET } from './template/layout.js';
import type { Finding, Snapshot, Verdict } from './types.js';
import { summariseGroups, verdictOf, type GroupSummary } from './verdict.js';

export interface Review {
  inputs: SheetInputs;
  /** The name lists as read (./sheet/lists.ts); null when none were read (a lone indicator sheet: list checks not run). */
  lists: FormLists | null;
  /** Sheet, input and check findings, ordered by the rulebook (not by sheet position) so row order never changes it. */
  findings: Finding[];
  verdict: Verdict;
  groups: GroupSummary[];
}

const orderMaps = new WeakMap<LoadedRulebook, { check: Map<string, number>; indicator: Map<string, number> }>();

function order(findings: Finding[], rb: LoadedRulebook): Finding[] {
  let maps = orderMaps.get(rb);
  if (!maps) {
    maps = { check: new Map(rb.checks.map((c, i) => [c.id, i])), indicator: new Map(rb.data.indicators.map((ind, i) => [ind.code, i])) };
    orderMaps.set(rb, maps);
  }
  const { check, indicator } = maps;
  const keys = new Float64Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const tier = f.source === 'sheet' ? 0 : f.check !== undefined ? 1 : 2;
    const owner = f.check !== undefined ? (check.get(f.check) ?? 4095) : (indicator.get(f.indicator ?? '') ?? 4095);
    const ind = f.indicator !== undefined ? (indicator.get(f.indicator) ?? 4095) : 0;
    // One number orders by tier, owning check (or indicator), input-before-check, indicator, year, then generation order.
    keys[i] = ((((tier * 4096 + owner) * 2 + (f.source === 'input' ? 0 : 1)) * 4096 + ind) * 256 + ((f.year ?? 0) % 256)) * 4096 + i;
  }
  const idx = Array.from(findings, (_f, i) => i).sort((a, b) => keys[a]! - keys[b]!);
  return idx.map((i) => findings[i]!);
}

export function reviewSnapshot(snapshot: Snapshot, rb: LoadedRulebook, lists: FormLists | null = null): Review {
  const inputs = readIndicatorSheet(snapshot, rb);
  const findings = order([...inputs.findings, ...runChecks(rb, inputs, lists)], rb);
  return {
    inputs,
    lists,
    findings,
    verdict: verdictOf(findings, rb, inputs.required),
    groups: summariseGroups(findings, rb, inputs.required),
  };
}

/**
 * The indicator sheet among a workbook's sheets: the one named 指标表, else the one where the reader finds the
 * most indicator rows; null when no sheet has any. Snapshots may be produced lazily (the named sheet first).
 */
export function pickIndicatorSheet(
  snapshots: Iterable<Snapshot>,
  rb: LoadedRulebook,
  lists: FormLists | null = null,
): { snapshot: Snapshot; review: Review } | null {
  let best: { snapshot: Snapshot; review: Review; rows: number } | null = null;
  for (const snapshot of snapshots) {
    const review = reviewSnapshot(snapshot, rb, lists);
    if (!review.inputs.layout) continue;
    if (snapshot.sheet === INDICATOR_SHEET) return { snapshot, review };
    let rows = 0;
    for (const i of review.inputs.indicators.values()) if (i.row !== undefined) rows++;
    if (!best || rows > best.rows) best = { snapshot, review, rows };
  }
  return best && { snapshot: best.snapshot, review: best.review };
}
