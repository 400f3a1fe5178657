/**
 * `yes-required`: a 是/否 question that must be answered 是; 否 takes the rule's onFail status. A 是 carries the rows
 * it makes required, as typed, and warns when the detail the rule names is left blank.
 */
import { empty } from '../context.js';
import type { Impl } from './shared.js';

export const yesRequired: Impl<'yes-required'> = (rule, ctx) => {
  const v = ctx.get(rule.indicator);
  if (!v.ok) return { outcomes: [], blocked: [v.blocker] };
  const res = empty();
  const yes = v.value === true;
  res.outcomes.push({
    status: yes ? 'pass' : rule.onFail,
    code: yes ? 'answered-yes' : 'answered-no',
    indicator: rule.indicator,
    cells: [v.cell],
    params: { answer: yes },
  });
  // What the answer brings with it (B9 是: its year B18 and document B19): the rows required when it is 是, as typed.
  if (yes) {
    const related = ctx.rb.data.indicators
      .filter((i) => i.requiredIf?.indicator === rule.indicator && i.requiredIf.equals === true)
      .flatMap((i) => {
        const x = ctx.get(i.code);
        return x.ok ? [{ indicator: i.code, value: x.value as string | number }] : [];
      });
    if (related.length) res.outcomes[0]!.params.related = related;
  }
  if (yes && rule.detail) {
    const d = ctx.get(rule.detail);
    if (!d.ok && (d.blocker.reason === 'blank' || d.blocker.reason === 'no-row'))
      res.outcomes.push({
        status: 'warn',
        code: 'yes-without-detail',
        indicator: rule.detail,
        cells: d.blocker.cell ? [d.blocker.cell] : [],
        params: { answered: rule.indicator, detail: rule.detail },
      });
  }
  return res;
};
