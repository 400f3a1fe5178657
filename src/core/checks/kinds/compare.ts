/**
 * `compare`: a figure against the rulebook's bound — one indicator (each data year of a series, or the latest), the
 * sum of several, or a stated de-duplicated total. The total is used where it agrees with the name lists (else the
 * lists' count) or, without lists, with its parts; otherwise the parts' sum is judged, and a pass on that sum warns
 * of a possible double count.
 */
import type { ParamValue } from '../../types.js';
import { boundValue, compare, empty, missCode } from '../context.js';
import { dedupFromLists } from './list-dedup.js';
import { num, seriesYears, type Impl } from './shared.js';

const nearlyEqualCount = (a: number, b: number) => Math.abs(a - b) < 1e-9;

export const compareRule: Impl<'compare'> = (rule, ctx) => {
  const res = empty();
  const bound = boundValue(rule.bound, ctx.rb);
  const judge = (value: number, where: { indicator?: string; year?: number; cells: string[] }, unit: string | null, extra?: Record<string, ParamValue>) => {
    const ok = compare(value, rule.op, bound);
    const params: Record<string, ParamValue> = { value, op: rule.op, bound, unit };
    if (extra) Object.assign(params, extra);
    res.outcomes.push({
      status: ok ? 'pass' : rule.onFail,
      code: ok ? 'meets-bound' : missCode(rule.op),
      indicator: where.indicator,
      year: where.year,
      cells: where.cells,
      params,
    });
    return ok;
  };
  const q = rule.of;
  if ('indicator' in q) {
    const ind = ctx.rb.indicators.get(q.indicator)!;
    const unit = ctx.unit(q.indicator);
    if (ind.series) {
      const years = seriesYears(ctx, q.indicator);
      if (!Array.isArray(years)) return { outcomes: [], blocked: [years] };
      for (const y of rule.years === 'each' ? years : years.slice(-1)) {
        const v = ctx.get(q.indicator, y);
        if (!v.ok) res.blocked.push(v.blocker);
        else judge(num(v), { indicator: q.indicator, year: y, cells: [v.cell] }, unit);
      }
    } else {
      const v = ctx.get(q.indicator);
      if (!v.ok) res.blocked.push(v.blocker);
      else judge(num(v), { indicator: q.indicator, cells: [v.cell] }, unit);
    }
    return res;
  }
  const codes = 'sum' in q ? q.sum : q.elseSum;
  const parts = codes.map((c) => ctx.get(c));
  const unit = ctx.unit(codes[0]!);
  const partsOk = parts.every((p) => p.ok);
  const partValues = parts.map((p) => (p.ok ? num(p) : 0));
  const sum = partValues.reduce((a, b) => a + b, 0);
  const partCells = parts.flatMap((p) => (p.ok ? [p.cell] : []));
  if ('total' in q) {
    const t = ctx.get(q.total);
    // Where the lists are read, they say how many distinct enterprises there are: a stated total is used only when
    // it agrees with them (a disagreement is the list-dedup check's finding), else the lists' own count.
    const fromLists = dedupFromLists(ctx, q.total);
    if (fromLists) {
      if (t.ok && nearlyEqualCount(num(t), fromLists.computed)) judge(num(t), { indicator: q.total, cells: [t.cell] }, unit, { source: 'total', parts: codes });
      else judge(fromLists.computed, { indicator: q.total, cells: t.ok ? [t.cell] : partCells }, unit, { source: 'lists', parts: codes, ranges: fromLists.ranges });
      return res;
    }
    // A deduplicated total is trusted only when it is consistent with its parts (or they cannot be checked).
    const consistent = t.ok && (!partsOk || (num(t) >= Math.max(...partValues) && num(t) <= sum));
    if (t.ok && consistent) {
      judge(num(t), { indicator: q.total, cells: [t.cell] }, unit, { source: 'total', parts: codes });
      return res;
    }
  }
  if (!partsOk) return { outcomes: [], blocked: parts.flatMap((p) => (p.ok ? [] : [p.blocker])) };
  const passed = judge(sum, { cells: partCells }, unit, { source: 'sum', parts: codes });
  if (passed && 'total' in q)
    res.outcomes.push({
      status: 'warn',
      code: 'possible-double-count',
      indicator: q.total,
      cells: partCells,
      params: { value: sum, parts: codes, total: q.total, unit },
    });
  return res;
};
