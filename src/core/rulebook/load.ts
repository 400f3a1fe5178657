/**
 * Loading a rulebook: zod validates the shape, then cross-references are checked (every code a rule names
 * exists and has the right kind). Every problem is structured data (JSON path, code, the check, indicator or
 * criterion it is in, params) with its words rendered in the language of loading from the rulebook text table;
 * zod's generic words come from zod's own locales, chosen per parse so no global setting leaks between calls.
 * Nothing throws from here but RulebookError, which carries the whole list. The problems' data and words are
 * ./problems.ts, the cross-references ./cross-check.ts; here: the checks before zod, loading, indexing and the
 * fingerprint.
 */
import { t } from '../text/index.js';
import type { Lang } from '../types.js';
import { LIMITS } from '../limits.js';
import { crossCheck, ruleInputs } from './cross-check.js';
import { problemAt, RulebookError, ZOD_LOCALE, zodProblems, type RulebookProblem, type Segment } from './problems.js';
import { canonicalJson, sha256Hex } from './sha256.js';
import { effectiveRulebook } from './round.js';
import { RulebookSchema, type Check, type Indicator, type Rulebook } from './schema.js';

// A rulebook's problems (./problems.ts) and what its rules read (./cross-check.ts) are part of this module's surface.
export { detailOf, RulebookError, type ProblemParams, type RulebookProblem } from './problems.js';
export { primaryIndicator } from './cross-check.js';

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
