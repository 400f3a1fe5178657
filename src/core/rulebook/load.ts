/**
 * Loading a rulebook: zod validates the shape, then cross-references are checked (every code a rule names
 * exists and has the right kind). Every problem comes back with its JSON path, in plain words; nothing throws
 * from here but RulebookError, which carries the whole list.
 */
import type { z } from 'zod';
import { unitById } from '../units.js';
import { canonicalJson, sha256Hex } from './sha256.js';
import { RulebookSchema, type Check, type Indicator, type Rule, type Rulebook } from './schema.js';

export interface RulebookProblem {
  /** JSON path, e.g. "$.checks[3].rule.bound". */
  path: string;
  message: string;
}

export class RulebookError extends Error {
  readonly problems: RulebookProblem[];
  constructor(problems: RulebookProblem[], source?: string) {
    super(
      `${source ? `${source}: ` : ''}the rulebook is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
    );
    this.name = 'RulebookError';
    this.problems = problems;
  }
}

/** A validated rulebook with the look-ups the reader and checks need. */
export interface LoadedRulebook {
  readonly data: Rulebook;
  readonly fingerprint: string;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly checks: readonly Check[];
  /** Indicator code → id of the check that owns its input findings (the check of the same id, else the first check reading it). */
  readonly ownerCheck: ReadonlyMap<string, string>;
  /** Check id → its criterion or group id. */
  readonly criterionOf: ReadonlyMap<string, string>;
  readonly groupIds: ReadonlySet<string>;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return s;
}

function zodProblems(error: z.ZodError): RulebookProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: plainZodMessage(issue) }));
}

function plainZodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `${issue.message}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return 'is not any of the accepted forms (check "kind" and the fields that kind takes)';
    default:
      return issue.message;
  }
}

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
      return undefined;
    default:
      return rule.indicator;
  }
}

function crossCheck(rb: Rulebook): RulebookProblem[] {
  const problems: RulebookProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const indicators = new Map<string, Indicator>();
  rb.indicators.forEach((ind, i) => {
    if (indicators.has(ind.code)) add(`$.indicators[${i}].code`, `indicator code "${ind.code}" appears twice`);
    else indicators.set(ind.code, ind);
    if (ind.unit !== undefined && !unitById(ind.unit)) add(`$.indicators[${i}].unit`, `unknown unit "${ind.unit}"`);
    if ((ind.kind === 'text' || ind.kind === 'yesno') && ind.series)
      add(`$.indicators[${i}].series`, `a ${ind.kind} indicator cannot be a series`);
    if (ind.kind === 'percent' && ind.unit !== undefined && ind.unit !== '%')
      add(`$.indicators[${i}].unit`, 'a percent indicator has unit "%" or none');
    if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max)
      add(`$.indicators[${i}].min`, `min ${ind.min} is above max ${ind.max}`);
    if (ind.derived && ind.required) add(`$.indicators[${i}].required`, 'a derived indicator is computed, so it cannot be required');
  });
  rb.indicators.forEach((ind, i) => {
    if (!ind.requiredIf) return;
    const c = indicators.get(ind.requiredIf.indicator);
    if (!c) add(`$.indicators[${i}].requiredIf.indicator`, `no indicator "${ind.requiredIf.indicator}"`);
    else if (c.kind !== 'yesno') add(`$.indicators[${i}].requiredIf.indicator`, `"${c.code}" is not a yes/no indicator`);
  });

  const groupIds = new Set([...rb.criteria.map((c) => c.id), ...rb.groups.map((g) => g.id)]);
  const seenCriteria = new Set<string>();
  rb.criteria.forEach((c, i) => {
    if (seenCriteria.has(c.id)) add(`$.criteria[${i}].id`, `criterion "${c.id}" appears twice`);
    seenCriteria.add(c.id);
  });
  rb.indicators.forEach((ind, i) => {
    if (!groupIds.has(ind.group)) add(`$.indicators[${i}].group`, `no criterion or group "${ind.group}"`);
  });

  const identity = rb.settings.identity;
  for (const [key, code] of Object.entries(identity)) {
    const ind = indicators.get(code);
    if (!ind) add(`$.settings.identity.${key}`, `no indicator "${code}"`);
    else if (key === 'applicationYear' && (ind.kind !== 'integer' || ind.series))
      add(`$.settings.identity.${key}`, `"${code}" must be a single integer indicator (the application year)`);
  }

  const checkIds = new Set<string>();
  rb.checks.forEach((check, i) => {
    const base = `$.checks[${i}]`;
    if (checkIds.has(check.id)) add(`${base}.id`, `check "${check.id}" appears twice`);
    checkIds.add(check.id);
    if (!groupIds.has(check.criterion)) add(`${base}.criterion`, `no criterion or group "${check.criterion}"`);
    for (const input of ruleInputs(check.rule)) {
      const ind = indicators.get(input.code);
      const path = `${base}.rule.${input.field}`;
      if (!ind) {
        add(path, `no indicator "${input.code}"`);
        continue;
      }
      const numeric = ind.kind === 'number' || ind.kind === 'integer' || ind.kind === 'percent';
      if (input.need === 'yesno' && ind.kind !== 'yesno') add(path, `"${ind.code}" must be a yes/no indicator for this rule`);
      if ((input.need === 'numeric' || input.need === 'series-numeric') && !numeric)
        add(path, `"${ind.code}" must be a numeric indicator for this rule (it is ${ind.kind})`);
      if (input.need === 'series-numeric' && !ind.series) add(path, `"${ind.code}" must be a series (one value per year) for this rule`);
    }
    checkBounds(check, indicators, base, add);
  });
  return problems;
}

/** Percent bounds are fractions; a bound written as 70 for 70% is caught here rather than failing every application. */
function checkBounds(
  check: Check,
  indicators: Map<string, Indicator>,
  base: string,
  add: (path: string, message: string) => void,
): void {
  const visit = (rule: Rule, path: string): void => {
    if (rule.kind === 'compare' && 'indicator' in rule.of && typeof rule.bound === 'number') {
      const ind = indicators.get(rule.of.indicator);
      if (ind?.kind === 'percent' && (rule.bound < 0 || rule.bound > 1))
        add(`${path}.bound`, `percent bounds are fractions: write 0.15 for 15% (found ${rule.bound})`);
    }
    if (rule.kind === 'share' && (rule.bound < 0 || rule.bound > 1))
      add(`${path}.bound`, `share bounds are fractions from 0 to 1: write 0.7 for 70% (found ${rule.bound})`);
    if (rule.kind === 'growth' && (rule.bound <= -1 || rule.bound > 1))
      add(`${path}.bound`, `growth bounds are fractions: write 0.1 for 10% (found ${rule.bound})`);
    if (rule.kind === 'growth' || rule.kind === 'ratio') {
      const d = rule.derived ? indicators.get(rule.derived) : undefined;
      if (d && (!d.derived || d.series)) add(`${path}.derived`, `"${d.code}" must be a single indicator marked "derived": true`);
    }
    if (rule.kind === 'conditional') visit(rule.then, `${path}.then`);
    if (rule.kind === 'either-of') rule.anyOf.forEach((r, i) => visit(r, `${path}.anyOf[${i}]`));
  };
  visit(check.rule, `${base}.rule`);
}

export function fingerprintOf(rb: Rulebook): string {
  return sha256Hex(canonicalJson(rb));
}

/** Validates and indexes a rulebook. Throws RulebookError listing every problem. */
export function loadRulebook(input: unknown, source?: string): LoadedRulebook {
  const parsed = RulebookSchema.safeParse(input);
  if (!parsed.success) throw new RulebookError(zodProblems(parsed.error), source);
  const data = parsed.data;
  const problems = crossCheck(data);
  if (problems.length) throw new RulebookError(problems, source);

  const indicators = new Map(data.indicators.map((i) => [i.code, i]));
  const ownerCheck = new Map<string, string>();
  for (const check of data.checks) if (indicators.has(check.id)) ownerCheck.set(check.id, check.id);
  for (const check of data.checks)
    for (const { code } of ruleInputs(check.rule)) if (!ownerCheck.has(code)) ownerCheck.set(code, check.id);
  return {
    data,
    fingerprint: fingerprintOf(data),
    indicators,
    checks: data.checks,
    ownerCheck,
    criterionOf: new Map(data.checks.map((c) => [c.id, c.criterion])),
    groupIds: new Set([...data.criteria.map((c) => c.id), ...data.groups.map((g) => g.id)]),
  };
}

/** Like loadRulebook, but returns the problems instead of throwing. */
export function validateRulebook(input: unknown): { ok: true; rulebook: LoadedRulebook } | { ok: false; problems: RulebookProblem[] } {
  try {
    return { ok: true, rulebook: loadRulebook(input) };
  } catch (e) {
    if (e instanceof RulebookError) return { ok: false, problems: e.problems };
    throw e;
  }
}
