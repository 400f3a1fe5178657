/**
 * A rulebook's thresholds one by one ("slots"): one per threshold of each check, a check of two branches (2.A, E2)
 * has two; with what each compares, its bound, whether it is a percentage and its unit. The rulebook workbook has
 * one row per slot, and the rulebook diff compares slot by slot.
 */
import type { Check, Indicator, Op, Rule, Rulebook } from './schema.js';

// ---------------------------------------------------------------------------------------------------------------
// Rows: one per threshold ("slot") of each check; a check of two branches (2.A, E2) has two rows.

export type Seg = string | number;

export interface Slot {
  check: Check;
  checkIndex: number;
  /** 1-based branch of an either-of rule; null for a check with one rule. */
  part: number | null;
  /** Path of the rule inside the check, e.g. ["rule"], ["rule", "anyOf", 1], ["rule", "then"]. */
  path: Seg[];
  rule: Rule;
}

const unwrap = (rule: Rule, path: Seg[]): { rule: Rule; path: Seg[] } => (rule.kind === 'conditional' ? unwrap(rule.then, [...path, 'then']) : { rule, path });

export function slotsOf(rb: Rulebook): Slot[] {
  const slots: Slot[] = [];
  rb.checks.forEach((check, checkIndex) => {
    const top = unwrap(check.rule, ['rule']);
    if (top.rule.kind === 'either-of')
      top.rule.anyOf.forEach((r, i) => slots.push({ check, checkIndex, part: i + 1, ...unwrap(r, [...top.path, 'anyOf', i]) }));
    else slots.push({ check, checkIndex, part: null, ...top });
  });
  return slots;
}

export const hasOp = (r: Rule): r is Extract<Rule, { op: Op }> => 'op' in r;
export const numericBound = (r: Rule): number | undefined => ('bound' in r && typeof r.bound === 'number' ? r.bound : undefined);

/** Whether the slot's threshold is a fraction shown as a percentage. */
export function isPercent(rule: Rule, indicators: ReadonlyMap<string, Indicator>): boolean {
  if (rule.kind === 'share' || rule.kind === 'growth') return true;
  if (rule.kind === 'compare' && 'indicator' in rule.of) return indicators.get(rule.of.indicator)?.kind === 'percent';
  return false;
}

export function unitOf(rule: Rule, indicators: ReadonlyMap<string, Indicator>): string {
  const of = (code: string | undefined) => {
    const ind = code ? indicators.get(code) : undefined;
    return ind?.kind === 'percent' ? '%' : (ind?.unit ?? '');
  };
  switch (rule.kind) {
    case 'share':
    case 'growth':
      return '%';
    case 'compare':
      return of('indicator' in rule.of ? rule.of.indicator : 'sum' in rule.of ? rule.of.sum[0] : rule.of.total);
    case 'ratio':
      return of(rule.derived ?? rule.numerator);
    case 'compare-indicators':
      return of(rule.left);
    default:
      return '';
  }
}
