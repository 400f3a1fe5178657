/** What a rule implementation sees: typed values by indicator and year, and the rulebook. */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Bound, Op } from '../rulebook/schema.js';
import type { FormLists } from '../sheet/lists.js';
import type { SheetInputs } from '../sheet/reader.js';
import { nearlyEqual } from '../numbers.js';
import type { Params, Status } from '../types.js';

export type BlockReason = 'blank' | 'invalid' | 'no-row' | 'no-column' | 'no-years' | 'not-positive';

export interface Blocker {
  indicator: string;
  year?: number;
  cell?: string;
  reason: BlockReason;
}

export type Val = { ok: true; value: number | boolean | string; cell: string } | { ok: false; blocker: Blocker };

export interface Outcome {
  status: Status;
  code: string;
  indicator?: string | undefined;
  year?: number | undefined;
  cells: string[];
  params: Params;
}

/** A rule's result: its findings, and what kept it from judging (reported as `not-evaluated` unless already reported). */
export interface RuleResult {
  outcomes: Outcome[];
  blocked: Blocker[];
}

export interface Ctx {
  rb: LoadedRulebook;
  inputs: SheetInputs;
  /** The name lists as read; null when the caller read none (a lone indicator sheet): list checks are then not run. */
  lists: FormLists | null;
  /** Value of an indicator; for a series, `year` picks the data year (default: the latest). */
  get(code: string, year?: number): Val;
  dataYears(): number[] | null;
  unit(code: string): string | null;
}

export function makeCtx(rb: LoadedRulebook, inputs: SheetInputs, lists: FormLists | null = null): Ctx {
  const dataYears = () => inputs.dataYears;
  return {
    rb,
    inputs,
    lists,
    dataYears,
    unit: (code) => {
      const ind = rb.indicators.get(code);
      return ind?.kind === 'percent' ? '%' : (ind?.unit ?? null);
    },
    get(code, year) {
      const entry = inputs.indicators.get(code);
      const ind = rb.indicators.get(code);
      if (!entry || !ind || entry.row === undefined) return { ok: false, blocker: { indicator: code, reason: 'no-row' } };
      if (ind.series) {
        const years = dataYears();
        if (!years) return { ok: false, blocker: { indicator: code, reason: 'no-years' } };
        const y = year ?? years[years.length - 1]!;
        const c = entry.years.get(y);
        if (!c) return { ok: false, blocker: { indicator: code, year: y, reason: 'no-column' } };
        if (c.state !== 'ok') return { ok: false, blocker: { indicator: code, year: y, cell: c.cell, reason: c.state } };
        return { ok: true, value: c.value!, cell: c.cell };
      }
      const c = entry.single;
      if (!c) return { ok: false, blocker: { indicator: code, reason: 'no-row' } };
      if (c.state !== 'ok') return { ok: false, blocker: { indicator: code, cell: c.cell, reason: c.state } };
      return { ok: true, value: c.value!, cell: c.cell };
    },
  };
}

export function boundValue(bound: Bound, rb: LoadedRulebook): number {
  // The loader refuses a rulebook whose checks in force name a setting it does not set; NaN never passes a comparison.
  return typeof bound === 'number' ? bound : (rb.data.settings[bound.setting] ?? Number.NaN);
}

/** Legal comparison: 以上/不低于 ≥ and 高于 > differ exactly at equality, which floating point must not blur. */
export function compare(a: number, op: Op, b: number): boolean {
  const eq = nearlyEqual(a, b);
  switch (op) {
    case '>=':
      return eq || a > b;
    case '>':
      return !eq && a > b;
    case '<=':
      return eq || a < b;
    case '<':
      return !eq && a < b;
  }
}

/** Code for a value on the wrong side of its bound. */
export function missCode(op: Op, prefix = ''): string {
  return `${prefix}${op === '>=' || op === '>' ? 'below-minimum' : 'above-maximum'}`;
}

export const empty = (): RuleResult => ({ outcomes: [], blocked: [] });
