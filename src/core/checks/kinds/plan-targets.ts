/**
 * `plan-targets`: the plan's quantified targets — the sheet present, its years consecutive from the application
 * year, every indicator's target for every plan year a number. A target below the current figure (above it for a
 * figure to lower) is a warning: renewal review compares actual figures with these targets, so a target already
 * met when it is set tells the panel nothing.
 */
import type { RuleOf } from '../../rulebook/schema.js';
import { planDirections, planIndicators, planYears } from '../../template/plan.js';
import type { Ctx, Outcome, RuleResult } from '../context.js';
import { settled } from './shared.js';

export function planTargetsRule(rule: RuleOf<'plan-targets'>, ctx: Ctx): RuleResult {
  const out: Outcome[] = [];
  const plan = ctx.lists?.plan ?? null;
  if (!plan) {
    // A template made before the plan sheet: the targets cannot be read, which is not a failure of the cluster.
    return settled({ status: 'missing', code: 'plan-sheet-missing', cells: [], params: { sheet: rule.sheet } });
  }
  const appYear = ctx.get(ctx.rb.data.settings.identity.applicationYear);
  const found = plan.years.map((y) => y.year);
  const consecutive = found.every((y, i) => i === 0 || y === found[i - 1]! + 1);
  const startOk = !appYear.ok || (found.length > 0 && found[0]! >= (appYear.value as number) && found[0]! <= (appYear.value as number) + 1);
  if (found.length < rule.years || !consecutive || !startOk) {
    const expected = appYear.ok ? planYears(rule, appYear.value as number) : [];
    return settled({ status: 'invalid', code: 'plan-years-invalid', cells: [plan.years[0]?.cell ?? plan.headerCell], params: { sheet: plan.sheet, found, expected, years: rule.years } });
  }
  // Nothing typed at all: one finding for the sheet, not one per indicator.
  const typed = [...plan.rows.values()].some((r) => [...r.targets.values()].some((c) => c.state !== 'blank'));
  if (!typed) {
    const first = [...plan.rows.values()][0]?.targets.values().next().value;
    return settled({ status: 'missing', code: 'plan-empty', cells: first ? [first.cell] : [], params: { sheet: plan.sheet } });
  }
  const better = planDirections(ctx.rb);
  let problems = 0;
  for (const ind of planIndicators(ctx.rb)) {
    const row = plan.rows.get(ind.code);
    if (!row) {
      out.push({ status: 'missing', code: 'plan-row-missing', indicator: ind.code, cells: [], params: { sheet: plan.sheet } });
      problems++;
      continue;
    }
    const blank: number[] = [];
    const blankCells: string[] = [];
    for (const [year, c] of row.targets) {
      if (c.state === 'blank') {
        blank.push(year);
        blankCells.push(c.cell);
      } else if (c.state === 'invalid') {
        out.push({ status: 'invalid', code: 'plan-target-invalid', indicator: ind.code, year, cells: [c.cell], params: { found: c.found ?? '', year, problem: c.problem ?? 'not-a-number' } });
        problems++;
      }
    }
    if (blank.length) {
      out.push({ status: 'missing', code: 'plan-target-missing', indicator: ind.code, cells: blankCells, params: { years: blank } });
      problems++;
    }
    // The current figure as the indicator sheet states it (the latest data year); unreadable, nothing to compare.
    const current = ctx.get(ind.code);
    if (!current.ok || typeof current.value !== 'number') continue;
    const lower = better.get(ind.code) === 'lower';
    // No better side (1.5), or a three-year count (7.1): a target is no year's figure to stay ahead of.
    if (better.get(ind.code) === 'none' || ind.plan?.period === 'three-year') continue;
    for (const [year, c] of row.targets) {
      if (c.state !== 'ok') continue;
      const behind = lower ? c.value! > current.value : c.value! < current.value;
      if (behind)
        out.push({
          status: 'warn',
          code: lower ? 'plan-target-above-current' : 'plan-target-below-current',
          indicator: ind.code,
          year,
          // The target is what to reconsider: its cell alone is flagged; the current figure's cell is named in the message.
          cells: [c.cell],
          params: { target: c.value!, current: current.value, year, currentCell: current.cell },
        });
    }
  }
  if (!problems) out.push({ status: 'pass', code: 'plan-targets-complete', cells: [], params: { sheet: plan.sheet, indicators: planIndicators(ctx.rb).length, years: found } });
  return { outcomes: out, blocked: [] };
}
