/**
 * The application verdict and each criterion's automated result, from findings alone.
 * Precedence (catalogue): vetoed → ineligible (E1/E2 fail) → failed → incomplete → passed.
 */
import type { LoadedRulebook } from './rulebook/load.js';
import { severity, type Finding, type Status, type Verdict } from './types.js';

const ELIGIBILITY_GROUP = 'E';

/**
 * A missing or invalid finding makes the application incomplete unless it is about an optional input
 * (e.g. a derived figure the applicant may leave out). `required` holds the codes required on this sheet.
 */
export function blocksVerdict(f: Finding, required: ReadonlySet<string>): boolean {
  if (f.status !== 'missing' && f.status !== 'invalid') return false;
  if (f.source !== 'input') return true;
  return f.indicator === undefined || required.has(f.indicator);
}

export function verdictOf(findings: readonly Finding[], rb: LoadedRulebook, required: ReadonlySet<string>): Verdict {
  const criterionOf = rb.criterionOf;
  if (findings.some((f) => f.status === 'veto')) return 'vetoed';
  if (findings.some((f) => f.status === 'fail' && f.check && criterionOf.get(f.check) === ELIGIBILITY_GROUP)) return 'ineligible';
  if (findings.some((f) => f.status === 'fail')) return 'failed';
  if (findings.some((f) => blocksVerdict(f, required))) return 'incomplete';
  return 'passed';
}

export type GroupResult = 'veto' | 'fail' | 'incomplete' | 'pass';

export interface GroupSummary {
  id: string;
  kind: 'criterion' | 'group';
  weight: number | null;
  result: GroupResult;
  counts: Record<Status, number>;
  /** Indices into the report's findings that belong here. */
  findings: number[];
  /** Indices of the findings that explain a non-pass result, most severe first. */
  reasons: number[];
}


export function emptyCounts(): Record<Status, number> {
  return { pass: 0, fail: 0, veto: 0, warn: 0, missing: 0, invalid: 0, review: 0, na: 0 };
}

/** Which criterion or group a finding belongs to: its check's criterion, else its indicator's group. */
function groupOf(f: Finding, rb: LoadedRulebook): string | undefined {
  if (f.check) return rb.criterionOf.get(f.check);
  if (f.indicator) return rb.indicators.get(f.indicator)?.group;
  return undefined;
}

export function summariseGroups(findings: readonly Finding[], rb: LoadedRulebook, required: ReadonlySet<string>): GroupSummary[] {
  const order: Array<{ id: string; kind: 'criterion' | 'group'; weight: number | null }> = [
    ...rb.data.groups.filter((g) => g.id === ELIGIBILITY_GROUP).map((g) => ({ id: g.id, kind: 'group' as const, weight: null })),
    ...rb.data.criteria.map((c) => ({ id: c.id, kind: 'criterion' as const, weight: c.weight })),
    ...rb.data.groups.filter((g) => g.id !== ELIGIBILITY_GROUP).map((g) => ({ id: g.id, kind: 'group' as const, weight: null })),
  ];
  const byGroup = new Map<string, number[]>(order.map((g) => [g.id, []]));
  findings.forEach((f, i) => {
    const g = groupOf(f, rb);
    if (g !== undefined) byGroup.get(g)?.push(i);
  });
  return order.map((g) => {
    const idx = byGroup.get(g.id) ?? [];
    const counts = emptyCounts();
    for (const i of idx) counts[findings[i]!.status]++;
    const result: GroupResult = counts.veto
      ? 'veto'
      : counts.fail
        ? 'fail'
        : idx.some((i) => blocksVerdict(findings[i]!, required))
          ? 'incomplete'
          : 'pass';
    const reasons = idx
      .filter((i) => {
        const s = findings[i]!.status;
        return s === 'veto' || s === 'fail' || s === 'warn' || blocksVerdict(findings[i]!, required);
      })
      .sort((a, b) => severity(findings[a]!.status) - severity(findings[b]!.status) || a - b);
    return { id: g.id, kind: g.kind, weight: g.weight, result, counts, findings: idx, reasons };
  });
}
