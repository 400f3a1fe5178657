/** What a message template may use: labels, titles, requirements and formatting, all in one language. */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Indicator, Rule } from '../rulebook/schema.js';
import { boundValue } from '../checks/context.js';
import type { Finding, Lang, ParamValue, Params } from '../types.js';
import { t, tAny, UI_TEXT } from '../text/index.js';
import { fmtValue } from '../text/value.js';

export interface MsgCtx {
  lang: Lang;
  rb: LoadedRulebook;
  label(code: string | undefined): string;
  title(checkId: string | undefined): string;
  /** The check's requirement in official words with its bound filled in; else its title. */
  requirement(checkId: string | undefined): string;
  unit(code: string | undefined): string | null;
  /** A value in a unit; `bound` keeps near-bound values from rounding onto it. */
  v(value: ParamValue | undefined, unit?: ParamValue | undefined, bound?: ParamValue | undefined): string;
  indicator(code: string | undefined): Indicator | undefined;
}

export type Template = (f: Finding, p: Params, c: MsgCtx) => string;
export type MessageTable = Record<string, Template>;

function ruleUnit(rule: Rule, rb: LoadedRulebook): string | null {
  const unitOf = (code: string) => {
    const ind = rb.indicators.get(code);
    return ind?.kind === 'percent' ? '%' : (ind?.unit ?? null);
  };
  switch (rule.kind) {
    case 'compare': {
      const q = rule.of;
      return unitOf('indicator' in q ? q.indicator : 'sum' in q ? q.sum[0]! : q.total);
    }
    case 'growth':
    case 'share':
      return '%';
    case 'ratio':
      return unitOf(rule.derived ?? rule.numerator);
    default:
      return null;
  }
}

function ruleBound(rule: Rule, rb: LoadedRulebook): number | undefined {
  if ('bound' in rule) return typeof rule.bound === 'number' ? rule.bound : boundValue(rule.bound, rb);
  return undefined;
}

export function makeMsgCtx(rb: LoadedRulebook, lang: Lang): MsgCtx {
  // The rulebook's own two-language texts (labels, titles, requirements): data, picked by language.
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const checks = new Map(rb.checks.map((c) => [c.id, c]));
  const requirements = new Map<string, string>();
  const ctx: MsgCtx = {
    lang,
    rb,
    indicator: (code) => (code ? rb.indicators.get(code) : undefined),
    label: (code) => {
      const ind = code ? rb.indicators.get(code) : undefined;
      return ind ? pick(ind.label) : (code ?? '');
    },
    title: (id) => {
      const c = id ? checks.get(id) : undefined;
      return c ? pick(c.title) : (id ?? '');
    },
    unit: (code) => {
      const ind = code ? rb.indicators.get(code) : undefined;
      return ind?.kind === 'percent' ? '%' : (ind?.unit ?? null);
    },
    requirement: (id) => {
      const c = id ? checks.get(id) : undefined;
      if (!c) return id ?? '';
      const known = requirements.get(c.id);
      if (known !== undefined) return known;
      if (!c.requirement) return pick(c.title);
      const fill = (rule: Rule) => {
        const b = ruleBound(rule, rb);
        return b === undefined ? '' : fmtValue(b, ruleUnit(rule, rb), lang);
      };
      const text = pick(c.requirement).replace(/\{bound(?:\.(\d+))?\}/g, (_m, i: string | undefined) => {
        if (i === undefined) return fill(c.rule);
        const branch = c.rule.kind === 'either-of' ? c.rule.anyOf[Number(i)] : undefined;
        return branch ? fill(branch) : '';
      });
      requirements.set(c.id, text);
      return text;
    },
    v: (value, unit, bound) => {
      if (typeof value === 'number')
        return fmtValue(value, typeof unit === 'string' ? unit : null, lang, typeof bound === 'number' ? bound : undefined);
      if (typeof value === 'boolean') return t(value ? 'rulebook.answer.yes' : 'rulebook.answer.no', lang);
      if (value === null || value === undefined) return '';
      return String(value);
    },
  };
  return ctx;
}

/** Why a figure could not be used (the checks' reasons: blank, invalid, no-row, …) in words; an unknown one as itself. */
export function blockWords(reason: string, lang: Lang): string {
  const key = `block.${reason}`;
  return key in UI_TEXT ? tAny(key, lang) : reason;
}
