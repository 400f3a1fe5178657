/**
 * The rulebook in force for a round: checks switched off (`enabled: false`) and entries meant only for another
 * kind of round (`onlyInRound`) are left out before the reader, the checks and the template see the rulebook.
 * The file itself keeps them (so an official can switch a check on again, and the fingerprint is of the file),
 * and what is left out must not be needed by what stays: those are problems the loader reports.
 */
import type { Bound, Check, Rule, Rulebook, RoundType } from './schema.js';

const DEFAULT_ROUND: RoundType = 'national-recommendation';

export const roundOf = (rb: Pick<Rulebook, 'round'>): RoundType => rb.round ?? DEFAULT_ROUND;

const inRound = (entry: { onlyInRound?: RoundType }, round: RoundType): boolean => entry.onlyInRound === undefined || entry.onlyInRound === round;

/** A check counts in this rulebook's round: switched on and meant for the round. */
const checkInForce = (check: Check, round: RoundType): boolean => check.enabled !== false && inRound(check, round);

/** The rulebook as the reader and the checks use it. The same object when nothing is left out. */
export function effectiveRulebook(rb: Rulebook): Rulebook {
  const round = roundOf(rb);
  const checks = rb.checks.filter((c) => checkInForce(c, round));
  const indicators = rb.indicators.filter((i) => inRound(i, round));
  if (checks.length === rb.checks.length && indicators.length === rb.indicators.length) return rb;
  return { ...rb, checks, indicators };
}

function boundsOf(rule: Rule): Bound[] {
  if (rule.kind === 'conditional') return boundsOf(rule.then);
  if (rule.kind === 'either-of') return rule.anyOf.flatMap(boundsOf);
  return rule.kind === 'compare' ? [rule.bound] : [];
}

export interface RoundProblem {
  path: Array<string | number>;
  /** A rule field below `path` ("of.sum[1]"), as ruleInputs names it. */
  field?: string;
  code: 'first-batch-needed' | 'round-dropped-indicator' | 'round-dropped-identity';
  params: Record<string, string | number>;
}

/**
 * What the round leaves out but the rest needs: a national round without a first-batch year, a check in force
 * naming the first-batch year when none is set, and indicators a check in force, another indicator or the
 * identity reads. `reads(rule)` lists the indicator codes a rule reads, with the field they are in.
 */
export function roundProblems(rb: Rulebook, reads: (rule: Rule) => Array<{ code: string; field: string }>): RoundProblem[] {
  const problems: RoundProblem[] = [];
  const round = roundOf(rb);
  const missingYear = rb.settings.firstBatchYear === undefined;
  if (round === 'national-recommendation' && missingYear) problems.push({ path: ['settings', 'firstBatchYear'], code: 'first-batch-needed', params: {} });
  const dropped = new Set(rb.indicators.filter((i) => !inRound(i, round)).map((i) => i.code));
  rb.checks.forEach((check, i) => {
    if (!checkInForce(check, round)) return;
    if (missingYear && round !== 'national-recommendation' && boundsOf(check.rule).some((b) => typeof b !== 'number'))
      problems.push({ path: ['checks', i, 'rule'], code: 'first-batch-needed', params: {} });
    for (const { code, field } of reads(check.rule))
      if (dropped.has(code)) problems.push({ path: ['checks', i, 'rule'], field, code: 'round-dropped-indicator', params: { code, round } });
  });
  rb.indicators.forEach((ind, i) => {
    if (inRound(ind, round) && ind.requiredIf && dropped.has(ind.requiredIf.indicator))
      problems.push({ path: ['indicators', i, 'requiredIf', 'indicator'], code: 'round-dropped-indicator', params: { code: ind.requiredIf.indicator, round } });
  });
  for (const [key, code] of Object.entries(rb.settings.identity))
    if (dropped.has(code)) problems.push({ path: ['settings', 'identity', key], code: 'round-dropped-identity', params: { code } });
  return problems;
}
