/**
 * `compare-indicators`: one indicator against another (the cluster's figure against a benchmark figure).
 */
import { compare } from '../context.js';
import { num, type Impl } from './shared.js';

export const compareIndicators: Impl<'compare-indicators'> = (rule, ctx) => {
  const l = ctx.get(rule.left);
  const r = ctx.get(rule.right);
  if (!l.ok || !r.ok) return { outcomes: [], blocked: [l, r].flatMap((v) => (v.ok ? [] : [v.blocker])) };
  const ok = compare(num(l), rule.op, num(r));
  return {
    outcomes: [
      {
        status: ok ? 'pass' : rule.onFail,
        code: ok ? 'benchmark-met' : 'benchmark-not-met',
        indicator: rule.right,
        cells: [l.cell, r.cell],
        params: { left: num(l), right: num(r), op: rule.op, leftIndicator: rule.left, rightIndicator: rule.right },
      },
    ],
    blocked: [],
  };
};
