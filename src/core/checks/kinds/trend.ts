/**
 * `trend`: the shape of a series over the data years — rising (last above first), non-decreasing with a rise, or
 * strictly decreasing — naming the years that break it.
 */
import { compare, type Val } from '../context.js';
import { num, seriesYears, type Impl } from './shared.js';

export const trend: Impl<'trend'> = (rule, ctx) => {
  const years = seriesYears(ctx, rule.indicator);
  if (!Array.isArray(years)) return { outcomes: [], blocked: [years] };
  const needed = rule.shape === 'rising' ? [years[0]!, years[years.length - 1]!] : years;
  const vals = needed.map((y) => ({ y, v: ctx.get(rule.indicator, y) }));
  const blocked = vals.flatMap(({ v }) => (v.ok ? [] : [v.blocker]));
  if (blocked.length) return { outcomes: [], blocked };
  const series = vals.map(({ y, v }) => ({ year: y, value: num(v as Val & { ok: true }), cell: (v as Val & { ok: true }).cell }));
  const first = series[0]!;
  const last = series[series.length - 1]!;
  let offending: number[] = [];
  let ok: boolean;
  let code: string;
  if (rule.shape === 'strictly-decreasing') {
    offending = series.slice(1).filter((s, i) => !compare(s.value, '<', series[i]!.value)).map((s) => s.year);
    ok = offending.length === 0;
    code = 'not-strictly-decreasing';
  } else if (rule.shape === 'non-decreasing-with-rise') {
    offending = series.slice(1).filter((s, i) => compare(s.value, '<', series[i]!.value)).map((s) => s.year);
    ok = offending.length === 0 && compare(last.value, '>', first.value);
    code = 'not-steadily-rising';
  } else {
    ok = compare(last.value, '>', first.value);
    code = 'not-rising';
  }
  return {
    outcomes: [
      {
        status: ok ? 'pass' : rule.onFail,
        code: ok ? 'trend-met' : code,
        indicator: rule.indicator,
        cells: series.map((s) => s.cell),
        params: { shape: rule.shape, unit: ctx.unit(rule.indicator), series: series.map((s) => ({ year: s.year, value: s.value })), offendingYears: offending },
      },
    ],
    blocked: [],
  };
};
