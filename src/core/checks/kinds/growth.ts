/**
 * `growth`: the growth rate of a series over the data years — compound, or the mean of the year-on-year rates
 * (the rule's method, else the rulebook's setting) — against a bound. Every base of a rate must be positive (else
 * invalid); the applicant's own stated rate is compared with the recomputation.
 */
import { compare, missCode, type Val } from '../context.js';
import { derivedMismatch, num, seriesYears, type Impl } from './shared.js';

export const growth: Impl<'growth'> = (rule, ctx) => {
  const years = seriesYears(ctx, rule.indicator);
  if (!Array.isArray(years)) return { outcomes: [], blocked: [years] };
  const method = rule.method ?? ctx.rb.data.settings.growthMethod;
  const needed = method === 'compound' ? [years[0]!, years[years.length - 1]!] : years;
  const vals = needed.map((y) => ({ y, v: ctx.get(rule.indicator, y) }));
  const blocked = vals.flatMap(({ v }) => (v.ok ? [] : [v.blocker]));
  if (blocked.length) return { outcomes: [], blocked };
  const series = vals.map(({ y, v }) => ({ year: y, value: num(v as Val & { ok: true }), cell: (v as Val & { ok: true }).cell }));
  const cells = series.map((s) => s.cell);
  const indicator = rule.derived ?? rule.indicator;
  // Every base of a rate must be positive: (V[Y-1]/V[Y-3]) needs V[Y-3] > 0, each year-on-year rate its own base.
  const bases = method === 'compound' ? series.slice(0, 1) : series.slice(0, -1);
  const bad = bases.find((s) => s.value <= 0);
  if (bad)
    return {
      outcomes: [
        {
          status: 'invalid',
          code: 'growth-base-not-positive',
          indicator,
          year: bad.year,
          cells: [bad.cell],
          params: { value: bad.value, source: rule.indicator, method },
        },
      ],
      blocked: [],
    };
  const first = series[0]!;
  const last = series[series.length - 1]!;
  let g: number;
  if (method === 'compound') g = Math.pow(last.value / first.value, 1 / (years.length - 1)) - 1;
  else {
    const rates = series.slice(1).map((s, i) => s.value / series[i]!.value - 1);
    g = rates.reduce((a, b) => a + b, 0) / rates.length;
  }
  const ok = compare(g, rule.op, rule.bound);
  return {
    outcomes: [
      {
        status: ok ? 'pass' : 'fail',
        code: ok ? 'growth-meets-bound' : missCode(rule.op, 'growth-'),
        indicator,
        cells,
        params: {
          value: g,
          op: rule.op,
          bound: rule.bound,
          unit: '%',
          method,
          source: rule.indicator,
          sourceUnit: ctx.unit(rule.indicator),
          series: series.map((s) => ({ year: s.year, value: s.value })),
        },
      },
      ...derivedMismatch(ctx, rule.derived, g, rule.tolerance, [rule.indicator]),
    ],
    blocked: [],
  };
};
