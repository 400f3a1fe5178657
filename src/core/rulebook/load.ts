/**
 * Loading a rulebook: zod validates the shape, then cross-references are checked (every code a rule names
 * exists and has the right kind). Every problem is structured data (JSON path, code, the check, indicator or
 * criterion it is in, params) with its words rendered in the language of loading from the rulebook text table;
 * zod's generic words come from zod's own locales, chosen per parse so no global setting leaks between calls.
 * Nothing throws from here but RulebookError, which carries the whole list.
 */
import type { z } from 'zod';
import { en as zodEn, zhCN as zodZhCN } from 'zod/locales';
import { t, tAny } from '../text/index.js';
import type { Lang } from '../types.js';
import { unitById } from '../units.js';
import { canonicalJson, sha256Hex } from './sha256.js';
import { effectiveRulebook, roundProblems } from './round.js';
import { RulebookSchema, type Check, type Indicator, type Rule, type Rulebook } from './schema.js';
import { LIMITS } from '../limits.js';

export type ProblemParams = Record<string, string | number>;

export interface RulebookProblem {
  /** JSON path, e.g. "$.checks[3].rule.bound". */
  path: string;
  /** What is wrong: one of ours (`unknown-indicator`, `percent-bound`, …) or zod's issue code as `zod:<code>`. */
  code: string;
  /** The entry the path lies in, by its id, when it has one. */
  check?: string;
  indicator?: string;
  criterion?: string;
  group?: string;
  params: ProblemParams;
  /** In the language of loading: the entry by id and title, the field, and what is wrong. */
  message: string;
}

/** What is wrong alone (each problem's message without its place), kept aside so problems stay plain data. */
const DETAILS = new WeakMap<RulebookProblem, string>();
/** A problem's detail, for a reader that names the place its own way (the workbook import names the cell). */
export const detailOf = (p: RulebookProblem): string => DETAILS.get(p) ?? p.message;

export class RulebookError extends Error {
  readonly problems: RulebookProblem[];
  constructor(problems: RulebookProblem[], source?: string, lang: Lang = 'zh-CN') {
    const head = problems.length === 1 ? t('rulebook.invalid.one', lang) : t('rulebook.invalid', lang, { n: problems.length });
    super(`${source ? `${source}: ` : ''}${head}:\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
    this.name = 'RulebookError';
    this.problems = problems;
  }
}

/** A validated rulebook with the look-ups the reader and checks need. */
export interface LoadedRulebook {
  /** The rulebook in force: checks switched off and entries of another kind of round left out (./round.ts). */
  readonly data: Rulebook;
  /** The whole file as validated, every check included; the fingerprint is of this. */
  readonly source: Rulebook;
  readonly fingerprint: string;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly checks: readonly Check[];
  /** Indicator code → id of the check that owns its input findings (the check of the same id, else the first check reading it). */
  readonly ownerCheck: ReadonlyMap<string, string>;
  /** Check id → its criterion or group id. */
  readonly criterionOf: ReadonlyMap<string, string>;
  readonly groupIds: ReadonlySet<string>;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return s;
}

type Segment = string | number;

const ENTRY_KINDS = { checks: 'check', indicators: 'indicator', criteria: 'criterion', groups: 'group' } as const;
type EntryKind = (typeof ENTRY_KINDS)[keyof typeof ENTRY_KINDS];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Renders a problem found at `path` of the (raw) rulebook `input`: the entry it lies in is named by its id and
 * title as the input writes them (so a problem is readable even when the shape around it is broken).
 */
function problemAt(input: unknown, path: readonly Segment[], code: string, detail: string, params: ProblemParams, lang: Lang): RulebookProblem {
  const problem: RulebookProblem = { path: formatPath(path), code, params, message: '' };
  const [list, index, ...rest] = path;
  let where: string;
  let bareId = false;
  let fieldPath: readonly Segment[] = path;
  const kind: EntryKind | undefined = typeof list === 'string' && typeof index === 'number' ? ENTRY_KINDS[list as keyof typeof ENTRY_KINDS] : undefined;
  if (kind !== undefined && typeof index === 'number') {
    const entry = isRecord(input) && Array.isArray(input[list as string]) ? (input[list as string] as unknown[])[index] : undefined;
    const idKey = kind === 'indicator' ? 'code' : 'id';
    const id = isRecord(entry) && typeof entry[idKey] === 'string' && entry[idKey] ? entry[idKey] : undefined;
    const titleObj = isRecord(entry) ? entry[kind === 'indicator' ? 'label' : 'title'] : undefined;
    const written = isRecord(titleObj) ? titleObj[lang === 'zh-CN' ? 'zh' : 'en'] : undefined;
    const title = typeof written === 'string' ? written : '';
    if (id !== undefined) {
      problem[kind] = id;
      bareId = !title;
      where = bareId ? tAny(`rulebook.where.${kind}-id`, lang, { id }) : tAny(`rulebook.where.${kind}`, lang, { id, title });
    } else where = tAny(`rulebook.where.${kind}-unnamed`, lang, { n: index + 1 });
    fieldPath = rest;
  } else where = t('rulebook.where.root', lang);
  if (fieldPath.length) {
    const written = formatPath(fieldPath).replace(/^\$\.?/, '');
    const last = [...fieldPath].reverse().find((s): s is string => typeof s === 'string');
    const word = last === undefined ? undefined : tAny(`rulebook.field.${last}`, lang);
    const field = word === undefined || word === `rulebook.field.${last}` || word === written ? written : t('rulebook.field.named', lang, { word, path: written });
    where = kind === undefined ? field : t(bareId ? 'rulebook.where.field-after-id' : 'rulebook.where.field', lang, { where, field });
  }
  problem.message = t('rulebook.problem', lang, { where, detail });
  DETAILS.set(problem, detail);
  return problem;
}

const ZOD_LOCALE = { 'zh-CN': zodZhCN, 'en-US': zodEn } as const;

function zodProblems(input: unknown, error: z.ZodError, lang: Lang): RulebookProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((s): s is Segment => typeof s === 'string' || typeof s === 'number');
    const { code, params, detail } = zodDetail(issue, path, lang);
    return problemAt(input, path, code, detail, params, lang);
  });
}

function zodDetail(issue: z.core.$ZodIssue, path: readonly Segment[], lang: Lang): { code: string; params: ProblemParams; detail: string } {
  const code = `zod:${issue.code}`;
  switch (issue.code) {
    case 'invalid_type':
      // zod would say "received undefined"; a missing field is said plainly.
      if (issue.input === undefined) {
        const expected = tAny(`rulebook.type.${issue.expected}`, lang);
        return { code: 'zod:required', params: { expected: issue.expected }, detail: t('rulebook.zod.required', lang, { expected: expected.startsWith('rulebook.') ? issue.expected : expected }) };
      }
      break;
    case 'invalid_union':
      return { code, params: {}, detail: t('rulebook.zod.union', lang) };
    case 'invalid_format': {
      // The schema's own formats carry an English hint; say them in the language of loading.
      const found = typeof issue.input === 'string' ? issue.input : '';
      const last = path[path.length - 1];
      const key =
        issue.format !== 'regex'
          ? undefined
          : last === 'monitoringDeadline'
            ? 'rulebook.zod.deadline-format'
            : last === 'id' && path.length === 1
              ? 'rulebook.zod.id-format'
              : 'rulebook.zod.code-format';
      return { code, params: { found }, detail: tAny(key ?? 'rulebook.zod.format', lang, { found }) };
    }
    default:
      break;
  }
  return { code, params: {}, detail: issue.message };
}

/** Indicator codes a rule reads, with the kind each must be. */
function ruleInputs(rule: Rule): Array<{ code: string; field: string; need: 'yesno' | 'numeric' | 'any' | 'series-numeric' }> {
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

function crossCheck(rb: Rulebook, lang: Lang): RulebookProblem[] {
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

export function fingerprintOf(rb: Rulebook): string {
  return sha256Hex(canonicalJson(rb));
}

/**
 * Deeper than any rulebook (the national edition nests 8 levels; rules inside `conditional`/`either-of` add a
 * few). zod, the checks and the fingerprint recurse, so deeper input would end in a stack overflow.
 */
export const MAX_RULEBOOK_DEPTH = 64;

/** The problem for a rulebook nested beyond MAX_RULEBOOK_DEPTH, where no path can be given. */
export function rulebookTooDeep(lang: Lang, path: readonly Segment[] = []): RulebookProblem {
  const params = { max: MAX_RULEBOOK_DEPTH };
  return problemAt(undefined, path, 'too-deep', t('rulebook.code.too-deep', lang, params), params, lang);
}

/**
 * What must be refused before zod sees the input, walked without recursion: nesting deeper than
 * MAX_RULEBOOK_DEPTH (one problem, at the entry it is in) and numbers that are not finite (JSON's 1e400 reads as
 * Infinity, which zod would call "expected number, received number").
 */
function preScan(input: unknown, lang: Lang): RulebookProblem[] {
  const problems: RulebookProblem[] = [];
  const stack: Array<{ value: unknown; path: Segment[] }> = [{ value: input, path: [] }];
  let values = 0;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    // Bounded work: the values are counted and each text measured before anything is validated.
    if (++values > LIMITS.rulebookValues) {
      const params = { max: LIMITS.rulebookValues };
      return [problemAt(input, path.slice(0, 2), 'too-large', t('rulebook.code.too-large', lang, params), params, lang)];
    }
    if (typeof value === 'string' && value.length > LIMITS.rulebookText) {
      const params = { max: LIMITS.rulebookText, found: value.length };
      problems.push(problemAt(input, path, 'text-too-long', t('rulebook.code.text-too-long', lang, params), params, lang));
      if (problems.length >= 20) return problems;
      continue;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      const params = { found: String(value) };
      problems.push(problemAt(input, path, 'number-out-of-range', t('rulebook.code.number-out-of-range', lang, params), params, lang));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_RULEBOOK_DEPTH) {
      // The entry and field it starts in; the full path would be as long as the nesting.
      const params = { max: MAX_RULEBOOK_DEPTH };
      return [problemAt(input, path.slice(0, 4), 'too-deep', t('rulebook.code.too-deep', lang, params), params, lang)];
    }
    const children: Array<[Segment, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i]![1], path: [...path, children[i]![0]] });
  }
  return problems;
}

/**
 * Validates and indexes a rulebook. Throws RulebookError listing every problem, in `lang`. zod's words come
 * from its locale through this parse's own error map, never a global `z.config`, so two loads in two languages
 * cannot affect each other.
 */
export function loadRulebook(input: unknown, source?: string, lang: Lang = 'zh-CN'): LoadedRulebook {
  const unsafe = preScan(input, lang);
  if (unsafe.length) throw new RulebookError(unsafe, source, lang);
  const parsed = RulebookSchema.safeParse(input, { error: ZOD_LOCALE[lang]().localeError, reportInput: true });
  if (!parsed.success) throw new RulebookError(zodProblems(input, parsed.error, lang), source, lang);
  const problems = crossCheck(parsed.data, lang);
  if (problems.length) throw new RulebookError(problems, source, lang);
  const data = requiredWhereRead(parsed.data, effectiveRulebook(parsed.data));
  return indexed(data, parsed.data, fingerprintOf(parsed.data));
}

function indexed(data: Rulebook, source: Rulebook, fingerprint: string): LoadedRulebook {
  const indicators = new Map(data.indicators.map((i) => [i.code, i]));
  const ownerCheck = new Map<string, string>();
  for (const check of data.checks) if (indicators.has(check.id)) ownerCheck.set(check.id, check.id);
  for (const check of data.checks)
    for (const { code } of ruleInputs(check.rule)) if (!ownerCheck.has(code)) ownerCheck.set(code, check.id);
  return {
    data,
    source,
    fingerprint,
    indicators,
    checks: data.checks,
    ownerCheck,
    criterionOf: new Map(data.checks.map((c) => [c.id, c.criterion])),
    groupIds: new Set([...data.criteria.map((c) => c.id), ...data.groups.map((g) => g.id)]),
  };
}

/**
 * The same rulebook (its file and fingerprint unchanged) with some checks and indicators out of force: what a
 * renewal review uses, where the eligibility of a first application (E2: already a provincial cluster) no longer
 * applies to a cluster already recognised. A check left in force that reads a dropped indicator is dropped too.
 */
export function withoutEntries(rb: LoadedRulebook, drop: { check?: (c: Check) => boolean; indicator?: (i: Indicator) => boolean }): LoadedRulebook {
  const indicators = rb.data.indicators.filter((i) => !drop.indicator?.(i));
  const kept = new Set(indicators.map((i) => i.code));
  const checks = rb.data.checks.filter((c) => !drop.check?.(c) && ruleInputs(c.rule).every((x) => kept.has(x.code)));
  return indexed({ ...rb.data, indicators, checks }, rb.source, rb.fingerprint);
}

/**
 * An indicator is required only where a check in force reads it: one that only checks switched off (or out of
 * the round) read — Yunnan's 4.4 with 4.4 and 4.6 off — is optional. Indicators no check reads (the B-rows, the
 * descriptive texts) keep their own `required`.
 */
function requiredWhereRead(all: Rulebook, effective: Rulebook): Rulebook {
  const readBy = (checks: Rulebook['checks']) => new Set(checks.flatMap((c) => ruleInputs(c.rule).map((x) => x.code)));
  const anyCheck = readBy(all.checks);
  const inForce = readBy(effective.checks);
  const unread = (code: string) => anyCheck.has(code) && !inForce.has(code);
  if (!effective.indicators.some((i) => i.required && unread(i.code))) return effective;
  return { ...effective, indicators: effective.indicators.map((i) => (i.required && unread(i.code) ? { ...i, required: false } : i)) };
}

/** Like loadRulebook, but returns the problems instead of throwing. */
export function validateRulebook(input: unknown, lang: Lang = 'zh-CN'): { ok: true; rulebook: LoadedRulebook } | { ok: false; problems: RulebookProblem[] } {
  try {
    return { ok: true, rulebook: loadRulebook(input, undefined, lang) };
  } catch (e) {
    if (e instanceof RulebookError) return { ok: false, problems: e.problems };
    throw e;
  }
}
