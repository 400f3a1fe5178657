/**
 * `review`: an indicator the experts judge themselves — its text (cut to 60 characters) is shown for review,
 * never passed or failed by the tool.
 */
import type { Impl } from './shared.js';

export const review: Impl<'review'> = (rule, ctx) => {
  const v = ctx.get(rule.indicator);
  if (!v.ok) return { outcomes: [], blocked: [v.blocker] };
  const text = String(v.value);
  return {
    outcomes: [
      {
        status: 'review',
        code: 'needs-review',
        indicator: rule.indicator,
        cells: [v.cell],
        params: { text: text.length > 60 ? `${text.slice(0, 59)}…` : text },
      },
    ],
    blocked: [],
  };
};
