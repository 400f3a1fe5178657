/**
 * `consistency-bounds`: a stated de-duplicated total lies between its largest part and the sum of its parts (a
 * total outside them is invalid); a blank total is optional, so not applicable.
 */
import { compare, type Val } from '../context.js';
import { num, type Impl } from './shared.js';

export const consistencyBounds: Impl<'consistency-bounds'> = (rule, ctx) => {
  const t = ctx.get(rule.total);
  if (!t.ok) {
    if (t.blocker.reason === 'blank' || t.blocker.reason === 'no-row')
      return {
        outcomes: [{ status: 'na', code: 'not-applicable', indicator: rule.total, cells: t.blocker.cell ? [t.blocker.cell] : [], params: { reason: 'blank-optional', indicator: rule.total } }],
        blocked: [],
      };
    return { outcomes: [], blocked: [t.blocker] };
  }
  const parts = rule.parts.map((c) => ctx.get(c));
  const blocked = parts.flatMap((p) => (p.ok ? [] : [p.blocker]));
  if (blocked.length) return { outcomes: [], blocked };
  const values = parts.map((p) => num(p as Val & { ok: true }));
  const min = Math.max(...values);
  const max = values.reduce((a, b) => a + b, 0);
  const value = num(t);
  const ok = compare(value, '>=', min) && compare(value, '<=', max);
  return {
    outcomes: [
      {
        status: ok ? 'pass' : 'invalid',
        code: ok ? 'consistent' : 'dedup-out-of-bounds',
        indicator: rule.total,
        cells: [t.cell, ...parts.map((p) => (p as Val & { ok: true }).cell)],
        params: { value, min, max, parts: rule.parts, unit: ctx.unit(rule.total) },
      },
    ],
    blocked: [],
  };
};
