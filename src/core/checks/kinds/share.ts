/**
 * `share`: a part as a share of its whole in each data year. The latest year decides; an earlier year that misses
 * only warns, where the rule says so; a part above its whole is invalid.
 */
import { compare, empty, missCode, type Outcome } from '../context.js';
import { num, seriesYears, type Impl } from './shared.js';

export const share: Impl<'share'> = (rule, ctx) => {
  const years = seriesYears(ctx, rule.part);
  if (!Array.isArray(years)) return { outcomes: [], blocked: [years] };
  const res = empty();
  const latest = years[years.length - 1]!;
  for (const y of years) {
    const isLatest = y === latest;
    const p = ctx.get(rule.part, y);
    const w = ctx.get(rule.whole, y);
    if (!p.ok || !w.ok) {
      // Earlier years only add warnings; what blocks them is already reported by the reader.
      if (isLatest) res.blocked.push(...[p, w].flatMap((v) => (v.ok ? [] : [v.blocker])));
      continue;
    }
    const part = num(p);
    const whole = num(w);
    const cells = [p.cell, w.cell];
    const push = (status: Outcome['status'], code: string, params: Outcome['params']) =>
      res.outcomes.push({ status, code, indicator: rule.part, year: y, cells, params });
    if (part > whole && !compare(part, '<=', whole)) {
      push('invalid', 'part-exceeds-whole', { part, whole, partIndicator: rule.part, wholeIndicator: rule.whole, unit: ctx.unit(rule.part) });
      continue;
    }
    if (whole <= 0) {
      if (isLatest) res.blocked.push({ indicator: rule.whole, year: y, cell: w.cell, reason: 'not-positive' });
      continue;
    }
    const value = part / whole;
    const ok = compare(value, rule.op, rule.bound);
    const params = { value, part, whole, op: rule.op, bound: rule.bound, unit: '%', sourceUnit: ctx.unit(rule.part), partIndicator: rule.part, wholeIndicator: rule.whole, latest: isLatest };
    if (isLatest) push(ok ? 'pass' : 'fail', ok ? 'share-meets-bound' : missCode(rule.op, 'share-'), params);
    else if (!ok && rule.earlierYears === 'warn') push('warn', missCode(rule.op, 'share-'), params);
  }
  return res;
};
