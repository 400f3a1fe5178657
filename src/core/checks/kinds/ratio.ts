/**
 * `ratio`: numerator ÷ denominator × scale against a bound, for a positive denominator; the applicant's own stated
 * figure is compared with the recomputation.
 */
import { compare, missCode } from '../context.js';
import { derivedMismatch, num, type Impl } from './shared.js';

export const ratio: Impl<'ratio'> = (rule, ctx) => {
  const n = ctx.get(rule.numerator);
  const d = ctx.get(rule.denominator);
  const blocked = [n, d].flatMap((v) => (v.ok ? [] : [v.blocker]));
  if (!n.ok || !d.ok) return { outcomes: [], blocked };
  if (num(d) <= 0) return { outcomes: [], blocked: [{ indicator: rule.denominator, cell: d.cell, reason: 'not-positive' }] };
  const value = (num(n) / num(d)) * rule.scale;
  const ok = compare(value, rule.op, rule.bound);
  const indicator = rule.derived ?? rule.numerator;
  const years = ctx.dataYears();
  return {
    outcomes: [
      {
        status: ok ? 'pass' : 'fail',
        code: ok ? 'ratio-meets-bound' : missCode(rule.op, 'ratio-'),
        indicator,
        cells: [n.cell, d.cell],
        params: {
          value,
          op: rule.op,
          bound: rule.bound,
          unit: ctx.unit(indicator),
          numerator: num(n),
          denominator: num(d),
          numeratorIndicator: rule.numerator,
          denominatorIndicator: rule.denominator,
          scale: rule.scale,
          year: years ? years[years.length - 1]! : null,
        },
      },
      ...derivedMismatch(ctx, rule.derived, value, rule.tolerance, [rule.numerator, rule.denominator]),
    ],
    blocked: [],
  };
};
