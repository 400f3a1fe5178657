/**
 * The application form's plan and evidence sheets beside the indicator sheet and the name lists:
 * - 三年发展规划量化目标: one row per indicator (code, indicator, unit, the latest data year's figure as the
 *   applicant stated it, one target column per plan year, remarks);
 * - 佐证材料目录: 序号, 材料名称, 对应指标 (an indicator, check or criterion code), 页码/文件名, 备注.
 * The indicators with a target are defined once here (`planIndicators`): the monitoring form reports the same
 * figures beside their targets (R6) and renewal review compares them, so the three read one definition.
 * The reader finds columns by header words, so a province may add columns of its own.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Check, Indicator, Rulebook, RuleOf } from '../rulebook/schema.js';

export const PLAN_COLUMNS = { code: 0, label: 1, unit: 2, current: 3, firstYear: 4 } as const;
export const PLAN_TITLE_ROW = 0;
export const PLAN_HEADER_ROW = 1;
export const PLAN_FIRST_ROW = 2;

export const EVIDENCE_COLUMNS = { seq: 0, name: 1, code: 2, page: 3, remark: 4 } as const;
export const EVIDENCE_TITLE_ROW = 0;
export const EVIDENCE_HEADER_ROW = 1;
export const EVIDENCE_FIRST_ROW = 2;

/** Header words the evidence reader looks for (any one, contained in the header cell). */
export const EVIDENCE_HEADER_WORDS = {
  name: ['材料名称', 'document'],
  code: ['对应指标', 'indicator'],
  page: ['页码', '文件名', 'page', 'file'],
} as const;

/** The first plan-targets / evidence check in force, if the rulebook has one (rulebooks made before them have none). */
export function planRule(rb: LoadedRulebook): RuleOf<'plan-targets'> | null {
  for (const c of rb.checks) if (c.rule.kind === 'plan-targets') return c.rule;
  return null;
}
export function evidenceRule(rb: LoadedRulebook): RuleOf<'evidence'> | null {
  for (const c of rb.checks) if (c.rule.kind === 'evidence') return c.rule;
  return null;
}

/**
 * The default figures with a plan target: every required, entered (not derived, not conditional) numeric
 * indicator of the criteria (not basic information B, eligibility E or the veto questions D).
 */
function defaultFigures(data: Rulebook): Indicator[] {
  const skip = new Set(['B', 'E', 'D']);
  return data.indicators.filter((i) => (i.kind === 'number' || i.kind === 'integer' || i.kind === 'percent') && !i.derived && i.required && !i.requiredIf && !skip.has(i.group));
}

/**
 * The indicators with a plan target, in rulebook order: those the plan-targets rule names, else the default
 * figures. One definition for the application's plan sheet, the monitoring form's rows and renewal review.
 */
export function planIndicators(rb: LoadedRulebook): Indicator[] {
  const named = planRule(rb)?.indicators;
  if (!named) return defaultFigures(rb.data);
  const set = new Set(named);
  return rb.data.indicators.filter((i) => set.has(i.code));
}

/** The plan years a template of this application year asks for: the application year and the years after it. */
export const planYears = (rule: RuleOf<'plan-targets'>, applicationYear: number): number[] => Array.from({ length: rule.years }, (_x, i) => applicationYear + i);

export type Better = 'higher' | 'lower' | 'none';

/**
 * Lower is better where the rulebook says so: a compare with an upper bound, the left side of a "<" comparison,
 * or a strictly decreasing trend (6.1 carbon per output). Everything else is a figure to grow. Read by the plan
 * check (a target on the wrong side of the current figure) and by monitoring's R6 (a target missed).
 */
export function planDirections(rb: LoadedRulebook): Map<string, Better> {
  const out = new Map<string, Better>();
  const visit = (rule: Check['rule']): void => {
    if (rule.kind === 'compare' && 'indicator' in rule.of && (rule.op === '<' || rule.op === '<=')) out.set(rule.of.indicator, 'lower');
    if (rule.kind === 'compare-indicators' && (rule.op === '<' || rule.op === '<=')) out.set(rule.left, 'lower');
    if (rule.kind === 'trend' && rule.shape === 'strictly-decreasing') out.set(rule.indicator, 'lower');
    if (rule.kind === 'conditional') visit(rule.then);
    if (rule.kind === 'either-of') rule.anyOf.forEach(visit);
  };
  for (const c of rb.checks) visit(c.rule);
  // The rulebook's own word wins: 1.5 占地面积 is bounded above for recognition, yet no side of it is better.
  for (const i of rb.data.indicators) if (i.plan?.better) out.set(i.code, i.plan.better);
  return out;
}

/** Figures whose plan target is a count over the plan's three years (7.1), never one year's: rulebook data. */
export function threeYearFigures(rb: LoadedRulebook): Set<string> {
  return new Set(rb.data.indicators.filter((i) => i.plan?.period === 'three-year').map((i) => i.code));
}
