/**
 * What several rule kinds share: the signature of a kind's implementation (with the evaluator it is handed, so
 * the kinds that nest rules — conditional, either-of — need not import the registry that imports them), a checked
 * value's number, a result settled by one outcome, the data years of a series, a stated derived figure against its recomputation, and a list's sheet.
 */
import type { Rule, RuleOf } from '../../rulebook/schema.js';
import type { Blocker, Ctx, Outcome, RuleResult, Val } from '../context.js';

/** Evaluates any rule: the registry's `evaluateRule`, handed to each kind rather than imported by it. */
export type Evaluate = (rule: Rule, ctx: Ctx) => RuleResult;

export type Impl<K extends Rule['kind']> = (rule: RuleOf<K>, ctx: Ctx, evaluate: Evaluate) => RuleResult;

/** A rule's whole result when one outcome settles it (a sheet missing, its header not found, nothing typed). */
export const settled = (outcome: Outcome): RuleResult => ({ outcomes: [outcome], blocked: [] });

export const num = (v: Val & { ok: true }): number => v.value as number;

export function seriesYears(ctx: Ctx, code: string): number[] | Blocker {
  const years = ctx.dataYears();
  return years ?? { indicator: code, reason: 'no-years' };
}

/** The applicant's own figure for a derived indicator, compared with the recomputation. */
export function derivedMismatch(ctx: Ctx, code: string | undefined, computed: number, tolerance: number, from: string[]): Outcome[] {
  if (!code) return [];
  const d = ctx.get(code);
  if (!d.ok || Math.abs(num(d) - computed) <= tolerance + 1e-12) return [];
  return [
    {
      status: 'warn',
      code: 'derived-mismatch',
      indicator: code,
      cells: [d.cell],
      params: { sheetValue: num(d), computed, unit: ctx.unit(code), from },
    },
  ];
}

/** The sheet a name list lives on, as the rulebook names it (its id where the rulebook has no such list). */
export const sheetOf = (ctx: Ctx, id: string): string => ctx.rb.data.lists?.find((l) => l.id === id)?.sheet ?? id;
