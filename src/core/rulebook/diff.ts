/**
 * What one rulebook changes from another, in words, for the committee and for the ministry: thresholds,
 * comparisons, years, checks switched on or off, requirement wording, weights, cut line, spread share, how scores
 * combine, the minimum of experts, the number of recommendations, deadlines, round type, and checks or criteria added or removed. Compares the files (`source`), so a check
 * switched off is reported as switched off, not as removed.
 */
import { fmtValue } from '../text/value.js';
import { t, tAny } from '../text/index.js';
import type { Lang } from '../types.js';
import { canonicalJson } from './sha256.js';
import { roundOf } from './round.js';
import type { Indicator, Rule, Rulebook } from './schema.js';
import { hasOp, isPercent, numericBound, slotsOf, unitOf } from './slots.js';

export type ChangeCode =
  | 'threshold'
  | 'op'
  | 'years'
  | 'off'
  | 'on'
  | 'requirement'
  | 'title'
  | 'rule'
  | 'check-added'
  | 'check-removed'
  | 'weight'
  | 'criterion-added'
  | 'criterion-removed'
  | 'setting'
  | 'indicators';

export interface RulebookChange {
  code: ChangeCode;
  check?: string;
  /** 1-based branch of a two-branch check. */
  part?: number;
  criterion?: string;
  /**
   * For `setting`: round, firstBatchYear, growthMethod, monitoringDeadline, validityYears, spreadShare, minMeanTotal,
   * combine, trimmedMinimum, minimumExperts, recommendations, cityRecommendation (the city quotas in words), id, name,
   * edition, authority.
   */
  setting?: string;
  from?: string | number | boolean | null;
  to?: string | number | boolean | null;
  added?: string[];
  removed?: string[];
  /** In the language asked for. */
  message: string;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The 市级推荐 quotas in words: "昆明市3个，其他地级市（州、盟）2个"; undefined when the rulebook sets none. */
export function cityQuotasText(r: Pick<Rulebook, 'cityRecommendation'>, lang: Lang): string | undefined {
  const q = r.cityRecommendation?.quotas;
  if (!q) return undefined;
  const list = Object.entries(q.byCity ?? {})
    .map(([city, n]) => t('rulebook.cityQuota', lang, { city, n }))
    .join(lang === 'zh-CN' ? '、' : ', ');
  return [...(list ? [list] : []), t('rulebook.cityQuotaOther', lang, { n: q.default })].join(lang === 'zh-CN' ? '，' : ', ');
}

export function diffRulebooks(a: Rulebook, b: Rulebook, lang: Lang): RulebookChange[] {
  const out: RulebookChange[] = [];
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const indA = new Map<string, Indicator>(a.indicators.map((i) => [i.code, i]));
  const indB = new Map<string, Indicator>(b.indicators.map((i) => [i.code, i]));
  const fmtBound = (rule: Rule, inds: ReadonlyMap<string, Indicator>, v: number) => fmtValue(v, isPercent(rule, inds) ? '%' : unitOf(rule, inds) || null, lang);
  const opWord = (op: string) => tAny(`rulebook.sheet.op.${op}`, lang);
  const add = (c: Omit<RulebookChange, 'message'>, key: string, params: Record<string, string | number>) => out.push({ ...c, message: tAny(key, lang, params) });

  // Settings and identity first: what a reader of the change list looks for first.
  const unset = t('rulebook.diff.unset', lang);
  const setting = (name: string, word: string, from: string | number | undefined, to: string | number | undefined, show: (v: string | number) => string = String) => {
    if (from === to) return;
    add({ code: 'setting', setting: name, from: from ?? null, to: to ?? null }, 'rulebook.diff.setting', { what: word, from: from === undefined ? unset : show(from), to: to === undefined ? unset : show(to) });
  };
  const sw = (k: string) => tAny(`rulebook.sheet.set.${k}`, lang);
  setting('round', sw('round'), roundOf(a), roundOf(b), (v) => tAny(`rulebook.sheet.round.${v}`, lang));
  setting('id', sw('id'), a.id, b.id);
  setting('name', t('rulebook.diff.set.name', lang), pick(a.name), pick(b.name));
  setting('edition', sw('edition'), a.edition, b.edition);
  setting('authority', t('rulebook.diff.set.authority', lang), pick(a.authority), pick(b.authority));
  setting('firstBatchYear', sw('firstBatchYear'), a.settings.firstBatchYear, b.settings.firstBatchYear);
  setting('growthMethod', sw('growthMethod'), a.settings.growthMethod, b.settings.growthMethod, (v) => tAny(`rulebook.show.growth.${v}`, lang));
  setting('monitoringDeadline', sw('monitoringDeadline'), a.settings.monitoringDeadline, b.settings.monitoringDeadline);
  setting('validityYears', sw('validityYears'), a.settings.validityYears, b.settings.validityYears);
  setting('spreadShare', sw('spreadShare'), a.scoring.spreadShare, b.scoring.spreadShare, (v) => fmtValue(Number(v), '%', lang));
  setting('minMeanTotal', sw('minMeanTotal'), a.scoring.recommendation.minMeanTotal, b.scoring.recommendation.minMeanTotal);
  // How the committee decides: how scores combine (and when the trimmed mean drops), how many experts, how many places.
  setting('combine', sw('combination'), a.scoring.combine, b.scoring.combine, (v) => tAny(`rulebook.combine.${v}`, lang));
  setting('trimmedMinimum', sw('trimmedMinimum'), a.scoring.trimmedMinimum, b.scoring.trimmedMinimum);
  setting('minimumExperts', sw('minimumExperts'), a.scoring.minimumExperts, b.scoring.minimumExperts);
  // An unset number of recommendations is no cap (--quota may still set one at the tally): said as such.
  const noCap = t('rulebook.show.no-quota', lang);
  if (a.scoring.recommendations !== b.scoring.recommendations)
    add({ code: 'setting', setting: 'recommendations', from: a.scoring.recommendations ?? null, to: b.scoring.recommendations ?? null }, 'rulebook.diff.setting', { what: sw('recommendations'), from: a.scoring.recommendations ?? noCap, to: b.scoring.recommendations ?? noCap });

  // 市级推荐: the city quotas, said whole ("昆明市3个，其他地级市（州、盟）2个") when anything in them differs.
  const cities = (r: Rulebook) => cityQuotasText(r, lang);
  if (!same(a.cityRecommendation ?? null, b.cityRecommendation ?? null)) setting('cityRecommendation', t('rulebook.sheet.cities', lang), cities(a), cities(b));

  // Criteria weights.
  const critA = new Map(a.criteria.map((c) => [c.id, c]));
  const critB = new Map(b.criteria.map((c) => [c.id, c]));
  for (const c of a.criteria) {
    const other = critB.get(c.id);
    if (!other) add({ code: 'criterion-removed', criterion: c.id }, 'rulebook.diff.criterion-removed', { id: c.id, title: pick(c.title) });
    else if (other.weight !== c.weight) add({ code: 'weight', criterion: c.id, from: c.weight, to: other.weight }, 'rulebook.diff.weight', { id: c.id, title: pick(other.title), from: c.weight, to: other.weight });
  }
  for (const c of b.criteria) if (!critA.has(c.id)) add({ code: 'criterion-added', criterion: c.id, to: c.weight }, 'rulebook.diff.criterion-added', { id: c.id, title: pick(c.title), to: c.weight });

  // Checks, in B's order; then those B removed.
  const checksA = new Map(a.checks.map((c) => [c.id, c]));
  const slotsA = new Map(slotsOf(a).map((s) => [`${s.check.id}|${s.part ?? ''}`, s]));
  const idsB = new Set(b.checks.map((c) => c.id));
  const slotsB = slotsOf(b);
  for (const cb of b.checks) {
    const where = t('rulebook.diff.check', lang, { id: cb.id, title: pick(cb.title) });
    const ca = checksA.get(cb.id);
    if (!ca) {
      add({ code: 'check-added', check: cb.id }, 'rulebook.diff.check-added', { where });
      continue;
    }
    if ((ca.enabled !== false) !== (cb.enabled !== false))
      add({ code: cb.enabled === false ? 'off' : 'on', check: cb.id, from: ca.enabled !== false, to: cb.enabled !== false }, cb.enabled === false ? 'rulebook.diff.off' : 'rulebook.diff.on', { where });
    if (pick(ca.title) !== pick(cb.title)) add({ code: 'title', check: cb.id, from: pick(ca.title), to: pick(cb.title) }, 'rulebook.diff.title', { where, to: pick(cb.title) });
    const reqA = ca.requirement ? pick(ca.requirement) : '';
    const reqB = cb.requirement ? pick(cb.requirement) : '';
    if (reqA !== reqB) add({ code: 'requirement', check: cb.id, from: reqA, to: reqB }, 'rulebook.diff.requirement', { where, to: reqB });
    // Each threshold row; whatever else differs in the rule is said once, plainly.
    const ruleA: unknown = structuredClone(ca.rule);
    let shapeKnown = true;
    for (const sb of slotsB.filter((s) => s.check.id === cb.id)) {
      const sa = slotsA.get(`${cb.id}|${sb.part ?? ''}`);
      if (!sa) {
        shapeKnown = false;
        continue;
      }
      const w = sb.part === null ? where : t('rulebook.diff.check-part', lang, { id: cb.id, title: pick(cb.title), part: sb.part });
      const part = sb.part ?? undefined;
      if (hasOp(sa.rule) && hasOp(sb.rule) && sa.rule.op !== sb.rule.op)
        add({ code: 'op', check: cb.id, part, from: sa.rule.op, to: sb.rule.op }, 'rulebook.diff.op', { where: w, from: opWord(sa.rule.op), to: opWord(sb.rule.op) });
      const ba = numericBound(sa.rule);
      const bb = numericBound(sb.rule);
      if (ba !== undefined && bb !== undefined && ba !== bb)
        add({ code: 'threshold', check: cb.id, part, from: ba, to: bb }, 'rulebook.diff.threshold', { where: w, from: fmtBound(sa.rule, indA, ba), to: fmtBound(sb.rule, indB, bb) });
      if (sa.rule.kind === 'compare' && sb.rule.kind === 'compare' && sa.rule.years !== sb.rule.years)
        add({ code: 'years', check: cb.id, part, from: sa.rule.years, to: sb.rule.years }, 'rulebook.diff.years', {
          where: w,
          from: tAny(`rulebook.sheet.years.${sa.rule.years}`, lang),
          to: tAny(`rulebook.sheet.years.${sb.rule.years}`, lang),
        });
      // Carry B's shown fields into A's rule, so what remains different is the rule's shape.
      const target = sa.path.slice(1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, ruleA as Record<string, unknown>);
      for (const k of ['op', 'bound', 'years'] as const) if (k in sb.rule) target[k] = (sb.rule as Record<string, unknown>)[k];
    }
    if (!shapeKnown || !same(ruleA, cb.rule) || ca.criterion !== cb.criterion || ca.onlyInRound !== cb.onlyInRound || ca.inputCheck !== cb.inputCheck)
      add({ code: 'rule', check: cb.id }, 'rulebook.diff.rule', { where });
  }
  for (const ca of a.checks)
    if (!idsB.has(ca.id)) add({ code: 'check-removed', check: ca.id }, 'rulebook.diff.check-removed', { where: t('rulebook.diff.check', lang, { id: ca.id, title: pick(ca.title) }) });

  const added = b.indicators.filter((i) => !indA.has(i.code)).map((i) => i.code);
  const removed = a.indicators.filter((i) => !indB.has(i.code)).map((i) => i.code);
  if (added.length || removed.length) {
    const none = t('rulebook.diff.nothing', lang);
    add({ code: 'indicators', added, removed }, 'rulebook.diff.indicators', { added: added.join(' ') || none, removed: removed.join(' ') || none });
  }
  return out;
}

/**
 * What a rulebook sets that a committee should think twice about, in words: a minimum of counted experts below
 * three (a verdict resting on one or two experts' scores).
 */
/** The committee size provincial panels practise, where the rulebook does not say (scoring.recommendedExperts). */
export const RECOMMENDED_EXPERTS = 5;

export function rulebookWarnings(rb: Rulebook, lang: Lang): string[] {
  const out: string[] = [];
  const min = rb.scoring.minimumExperts;
  if (min < 3) out.push(t('rulebook.warn.minimum-experts', lang, { n: min }));
  return out;
}
