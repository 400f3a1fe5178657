/**
 * `either-of`: alternatives (such as a threshold met by either of two figures) — any branch passing passes.
 */
import type { RuleResult } from '../context.js';
import type { Impl } from './shared.js';

/** Passes when any branch passes; fails only when every branch has been judged and none passes. */
export const eitherOf: Impl<'either-of'> = (rule, ctx, evaluate) => {
  const branches = rule.anyOf.map((r) => evaluate(r, ctx));
  const main = (b: RuleResult) => b.outcomes.find((o) => o.code !== 'possible-double-count');
  const passed = branches.filter((b) => b.blocked.length === 0 && main(b)?.status === 'pass');
  const summary = branches.map((b) => {
    const m = main(b);
    // Each branch names its indicator (a sum has none: its parts are in params), so messages can name it too.
    return m
      ? { code: m.code, status: m.status, indicator: m.indicator ?? null, params: m.params }
      : { code: 'not-evaluated', status: 'missing', indicator: null, params: { blockedBy: b.blocked.map((x) => x.indicator) } };
  });
  if (passed.length) {
    const clean = passed.find((b) => b.outcomes.length === 1) ?? passed[0]!;
    const index = branches.indexOf(clean);
    return {
      outcomes: [
        { status: 'pass', code: 'either-met', cells: main(clean)!.cells, params: { branch: index, branches: summary } },
        ...clean.outcomes.filter((o) => o.code === 'possible-double-count'),
      ],
      blocked: [],
    };
  }
  const blocked = branches.flatMap((b) => b.blocked);
  if (blocked.length) return { outcomes: [], blocked };
  return {
    outcomes: [{ status: 'fail', code: 'neither-met', cells: branches.flatMap((b) => b.outcomes.flatMap((o) => o.cells)), params: { branches: summary } }],
    blocked: [],
  };
};
