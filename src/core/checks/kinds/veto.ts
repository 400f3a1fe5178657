/**
 * `veto`: a 否决项 question — 是 vetoes the application, 否 passes.
 */
import type { Impl } from './shared.js';

export const veto: Impl<'veto'> = (rule, ctx) => {
  const v = ctx.get(rule.indicator);
  if (!v.ok) return { outcomes: [], blocked: [v.blocker] };
  const yes = v.value === true;
  return {
    outcomes: [
      {
        status: yes ? 'veto' : 'pass',
        code: yes ? 'veto-answered-yes' : 'veto-answered-no',
        indicator: rule.indicator,
        cells: [v.cell],
        params: { answer: yes },
      },
    ],
    blocked: [],
  };
};
