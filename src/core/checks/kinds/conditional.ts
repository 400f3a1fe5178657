/**
 * `conditional`: the nested rule applies only when a 是/否 question has the given answer; otherwise not applicable.
 */
import type { Impl } from './shared.js';

export const conditional: Impl<'conditional'> = (rule, ctx, evaluate) => {
  const w = ctx.get(rule.when.indicator);
  if (!w.ok) return { outcomes: [], blocked: [w.blocker] };
  if (w.value !== rule.when.equals)
    return {
      outcomes: [{ status: 'na', code: 'not-applicable', indicator: rule.when.indicator, cells: [w.cell], params: { reason: 'condition', indicator: rule.when.indicator, answer: w.value as boolean } }],
      blocked: [],
    };
  return evaluate(rule.then, ctx);
};
