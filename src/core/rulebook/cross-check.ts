/**
 * A rulebook's cross-references, checked once zod has validated its shape: every code a rule names exists and
 * has the right kind, entries are unique, bounds are in their range (a percent bound written as 70 for 70%); and
 * which indicators a rule reads (`ruleInputs`) and is about (`primaryIndicator`), which loading indexes by.
 */
import { tAny } from '../text/index.js';
import type { Lang } from '../types.js';
import { unitById } from '../units.js';
import { problemAt, type ProblemParams, type RulebookProblem, type Segment } from './problems.js';
import { roundProblems } from './round.js';
import type { Check, Indicator, Rule, Rulebook } from './schema.js';

/** Indicator codes a rule reads, with the kind each must be. */
export function ruleInputs(rule: Rule): Array<{ code: string; field: string; need: 'yesno' | 'numeric' | 'any' | 'series-numeric' }> {
  switch (rule.kind) {
    case 'compare': {
      const q = rule.of;
      const need = rule.years === 'each' ? 'series-numeric' : 'numeric';
      if ('indicator' in q) return [{ code: q.indicator, field: 'of.indicator', need }];
      if ('sum' in q) return q.sum.map((code, i) => ({ code, field: `of.sum[${i}]`, need: 'numeric' as const }));
      return [
        { code: q.total, field: 'of.total', need: 'numeric' },
        ...q.elseSum.map((code, i) => ({ code, field: `of.elseSum[${i}]`, need: 'numeric' as const })),
      ];
    }
    case 'yes-required':
      return [
        { code: rule.indicator, field: 'indicator', need: 'yesno' },
        ...(rule.detail ? [{ code: rule.detail, field: 'detail', need: 'any' as const }] : []),
      ];
    case 'veto':
      return [{ code: rule.indicator, field: 'indicator', need: 'yesno' }];
    case 'review':
      return [{ code: rule.indicator, field: 'indicator', need: 'any' }];
    case 'growth':
      return [
        { code: rule.indicator, field: 'indicator', need: 'series-numeric' },
        ...(rule.derived ? [{ code: rule.derived, field: 'derived', need: 'numeric' as const }] : []),
      ];
    case 'share':
      return [
        { code: rule.part, field: 'part', need: 'series-numeric' },
        { code: rule.whole, field: 'whole', need: 'series-numeric' },
      ];
    case 'ratio':
      return [
        { code: rule.numerator, field: 'numerator', need: 'numeric' },
        { code: rule.denominator, field: 'denominator', need: 'numeric' },
        ...(rule.derived ? [{ code: rule.derived, field: 'derived', need: 'numeric' as const }] : []),
      ];
    case 'trend':
      return [{ code: rule.indicator, field: 'indicator', need: 'series-numeric' }];
    case 'compare-indicators':
      return [
        { code: rule.left, field: 'left', need: 'numeric' },
        { code: rule.right, field: 'right', need: 'numeric' },
      ];
    case 'consistency-bounds':
      return [
        { code: rule.total, field: 'total', need: 'numeric' },
        ...rule.parts.map((code, i) => ({ code, field: `parts[${i}]`, need: 'numeric' as const })),
      ];
    case 'list':
      return rule.indicator ? [{ code: rule.indicator, field: 'indicator', need: 'numeric' }] : [];
    case 'list-dedup':
      return [{ code: rule.indicator, field: 'indicator', need: 'numeric' }];
    case 'plan-targets':
      return (rule.indicators ?? []).map((code, i) => ({ code, field: `indicators[${i}]`, need: 'numeric' as const }));
    case 'evidence':
      return [];
    case 'conditional':
      return [{ code: rule.when.indicator, field: 'when.indicator', need: 'yesno' }, ...ruleInputs(rule.then).map((x) => ({ ...x, field: `then.${x.field}` }))];
    case 'either-of':
      return rule.anyOf.flatMap((r, i) => ruleInputs(r).map((x) => ({ ...x, field: `anyOf[${i}].${x.field}` })));
  }
}

/** The indicator a check is "about": its findings carry this code. */
export function primaryIndicator(rule: Rule): string | undefined {
  switch (rule.kind) {
    case 'compare':
      return 'indicator' in rule.of ? rule.of.indicator : undefined;
    case 'growth':
    case 'ratio':
      return rule.derived ?? (rule.kind === 'growth' ? rule.indicator : rule.numerator);
    case 'share':
      return rule.part;
    case 'compare-indicators':
      return rule.right;
    case 'consistency-bounds':
      return rule.total;
    case 'conditional':
      return primaryIndicator(rule.then);
    case 'either-of':
    case 'plan-targets':
    case 'evidence':
      return undefined;
    default:
      return rule.indicator;
  }
}

/** "of.sum[1]" → ["of", "sum", 1]. */
function segments(field: string): Segment[] {
  return field
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((s) => (/^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s));
}

type Add = (path: Segment[], code: string, params?: ProblemParams) => void;

export function crossCheck(rb: Rulebook, lang: Lang): RulebookProblem[] {
  const problems: RulebookProblem[] = [];
  const add: Add = (path, code, params = {}) => problems.push(problemAt(rb, path, code, tAny(`rulebook.code.${code}`, lang, params), params, lang));
  const indicators = new Map<string, Indicator>();
  rb.indicators.forEach((ind, i) => {
    const at = (...rest: Segment[]) => ['indicators', i, ...rest];
    if (indicators.has(ind.code)) add(at('code'), 'indicator-twice', { code: ind.code });
    else indicators.set(ind.code, ind);
    if (ind.unit !== undefined && !unitById(ind.unit)) add(at('unit'), 'unknown-unit', { unit: ind.unit });
    if ((ind.kind === 'text' || ind.kind === 'yesno') && ind.series) add(at('series'), 'series-not-allowed', { kind: ind.kind });
    if (ind.kind === 'percent' && ind.unit !== undefined && ind.unit !== '%') add(at('unit'), 'percent-unit');
    if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max) add(at('min'), 'min-above-max', { min: ind.min, max: ind.max });
    if (ind.derived && ind.required) add(at('required'), 'derived-required');
  });
  rb.indicators.forEach((ind, i) => {
    if (!ind.requiredIf) return;
    const c = indicators.get(ind.requiredIf.indicator);
    const path = ['indicators', i, 'requiredIf', 'indicator'];
    if (!c) add(path, 'unknown-indicator', { code: ind.requiredIf.indicator });
    else if (c.kind !== 'yesno') add(path, 'not-yesno', { code: c.code });
  });

  const groupIds = new Set([...rb.criteria.map((c) => c.id), ...rb.groups.map((g) => g.id)]);
  const seenCriteria = new Set<string>();
  rb.criteria.forEach((c, i) => {
    if (seenCriteria.has(c.id)) add(['criteria', i, 'id'], 'criterion-twice', { id: c.id });
    seenCriteria.add(c.id);
  });
  rb.indicators.forEach((ind, i) => {
    if (!groupIds.has(ind.group)) add(['indicators', i, 'group'], 'unknown-group', { id: ind.group });
  });

  const identity = rb.settings.identity;
  for (const [key, code] of Object.entries(identity)) {
    const ind = indicators.get(code);
    const path = ['settings', 'identity', key];
    if (!ind) add(path, 'unknown-indicator', { code });
    else if (key === 'applicationYear' && (ind.kind !== 'integer' || ind.series)) add(path, 'application-year', { code });
  }

  // The city stage counts applications by the city an indicator gives: a quota without it could count nothing.
  if (rb.cityRecommendation && identity.city === undefined) add(['cityRecommendation'], 'city-needs-indicator');

  const checkIds = new Set<string>();
  rb.checks.forEach((check, i) => {
    const base: Segment[] = ['checks', i];
    if (checkIds.has(check.id)) add([...base, 'id'], 'check-twice', { id: check.id });
    checkIds.add(check.id);
    if (!groupIds.has(check.criterion)) add([...base, 'criterion'], 'unknown-group', { id: check.criterion });
    for (const input of ruleInputs(check.rule)) {
      const ind = indicators.get(input.code);
      const path = [...base, 'rule', ...segments(input.field)];
      if (!ind) {
        add(path, 'unknown-indicator', { code: input.code });
        continue;
      }
      const numeric = ind.kind === 'number' || ind.kind === 'integer' || ind.kind === 'percent';
      if (input.need === 'yesno' && ind.kind !== 'yesno') add(path, 'need-yesno', { code: ind.code });
      if ((input.need === 'numeric' || input.need === 'series-numeric') && !numeric) add(path, 'need-numeric', { code: ind.code, kind: ind.kind });
      if (input.need === 'series-numeric' && !ind.series) add(path, 'need-series', { code: ind.code });
    }
    checkBounds(check, indicators, base, add);
    // A list rule names lists of the rulebook's `lists`.
    const listIds = new Set((rb.lists ?? []).map((l) => l.id));
    if (check.rule.kind === 'list' && !listIds.has(check.rule.list)) add([...base, 'rule', 'list'], 'unknown-list', { id: check.rule.list });
    if (check.rule.kind === 'evidence')
      check.rule.criteria.forEach((id, k) => {
        if (!groupIds.has(id)) add([...base, 'rule', 'criteria', k], 'unknown-group', { id });
      });
    if (check.rule.kind === 'list-dedup')
      check.rule.lists.forEach((id, k) => {
        if (!listIds.has(id)) add([...base, 'rule', 'lists', k], 'unknown-list', { id });
      });
  });
  const seenLists = new Set<string>();
  const seenSheets = new Set<string>();
  (rb.lists ?? []).forEach((l, i) => {
    if (seenLists.has(l.id)) add(['lists', i, 'id'], 'list-twice', { id: l.id });
    if (seenSheets.has(l.sheet)) add(['lists', i, 'sheet'], 'list-sheet-twice', { sheet: l.sheet });
    seenLists.add(l.id);
    seenSheets.add(l.sheet);
  });
  for (const p of roundProblems(rb, ruleInputs)) add([...p.path, ...(p.field ? segments(p.field) : [])], p.code, p.params);
  return problems;
}

/** Percent bounds are fractions; a bound written as 70 for 70% is caught here rather than failing every application. */
function checkBounds(check: Check, indicators: Map<string, Indicator>, base: Segment[], add: Add): void {
  const visit = (rule: Rule, path: Segment[]): void => {
    if (rule.kind === 'compare' && 'indicator' in rule.of && typeof rule.bound === 'number') {
      const ind = indicators.get(rule.of.indicator);
      if (ind?.kind === 'percent' && (rule.bound < 0 || rule.bound > 1)) add([...path, 'bound'], 'percent-bound', { found: rule.bound });
    }
    if (rule.kind === 'share' && (rule.bound < 0 || rule.bound > 1)) add([...path, 'bound'], 'share-bound', { found: rule.bound });
    if (rule.kind === 'growth' && (rule.bound <= -1 || rule.bound > 1)) add([...path, 'bound'], 'growth-bound', { found: rule.bound });
    if (rule.kind === 'growth' || rule.kind === 'ratio') {
      const d = rule.derived ? indicators.get(rule.derived) : undefined;
      if (d && (!d.derived || d.series)) add([...path, 'derived'], 'derived-single', { code: d.code });
    }
    if (rule.kind === 'conditional') visit(rule.then, [...path, 'then']);
    if (rule.kind === 'either-of') rule.anyOf.forEach((r, i) => visit(r, [...path, 'anyOf', i]));
  };
  visit(check.rule, [...base, 'rule']);
}
