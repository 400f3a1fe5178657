/**
 * `list-dedup`: the 2.6 de-duplicated total computed from several name lists by credit code (else name), against
 * the figure stated. The count is also what a `compare` of the same total defers to (`dedupFromLists`).
 */
import type { RuleOf } from '../../rulebook/schema.js';
import { entryKey, type ListInput } from '../../sheet/lists.js';
import type { Ctx, Outcome, RuleResult } from '../context.js';
import { sheetOf } from './shared.js';

/** The distinct entries of several lists: by valid credit code, else by name. */
function dedupCount(present: ListInput[]): { computed: number; sum: number; ranges: string[]; byName: number } {
  const keys = new Set<string>();
  let byName = 0;
  for (const l of present)
    for (const e of l.entries) {
      const k = entryKey(e);
      if (k === null) continue;
      if (!keys.has(k) && k.startsWith('name:')) byName++;
      keys.add(k);
    }
  return { computed: keys.size, sum: present.reduce((a, l) => a + l.distinct, 0), ranges: present.map((l) => l.range), byName };
}

/**
 * The de-duplicated total of `indicator` as the lists give it, where a list-dedup check of the rulebook counts
 * that indicator from lists the workbook has; null otherwise (no lists read, a list sheet missing).
 */
export function dedupFromLists(ctx: Ctx, indicator: string): { computed: number; ranges: string[] } | null {
  if (!ctx.lists) return null;
  for (const c of ctx.rb.checks) {
    if (c.rule.kind !== 'list-dedup' || c.rule.indicator !== indicator) continue;
    const present = c.rule.lists.map((id) => ctx.lists!.lists.get(id) ?? null);
    if (present.some((l) => l === null)) return null;
    const { computed, ranges } = dedupCount(present as ListInput[]);
    return { computed, ranges };
  }
  return null;
}

export function listDedupRule(rule: RuleOf<'list-dedup'>, ctx: Ctx): RuleResult {
  const lists = rule.lists.map((id) => ({ id, sheet: sheetOf(ctx, id), list: ctx.lists?.lists.get(id) ?? null }));
  const absent = lists.filter((l) => !l.list).map((l) => l.sheet);
  const out: Outcome[] = [];
  if (absent.length) {
    out.push({ status: 'missing', code: 'list-dedup-unverifiable', indicator: rule.indicator, cells: [], params: { sheets: absent } });
    return { outcomes: out, blocked: [] };
  }
  const { computed, sum, ranges, byName } = dedupCount(lists.map((l) => l.list as ListInput));
  const v = ctx.get(rule.indicator);
  if (!v.ok) {
    if (v.blocker.reason === 'blank' || v.blocker.reason === 'no-row') {
      // 2.6 is optional: the lists give the figure the applicant left out.
      out.push({ status: 'warn', code: 'list-dedup-not-stated', indicator: rule.indicator, cells: v.blocker.cell ? [v.blocker.cell] : [], params: { computed, sum, ranges, byName } });
      return { outcomes: out, blocked: [] };
    }
    return { outcomes: [], blocked: [v.blocker] };
  }
  const value = v.value as number;
  const ok = value === computed;
  out.push({
    status: ok ? 'pass' : 'invalid',
    code: ok ? 'list-dedup-matches' : 'list-dedup-differs',
    indicator: rule.indicator,
    cells: [v.cell],
    params: { stated: value, computed, sum, ranges, byName },
  });
  return { outcomes: out, blocked: [] };
}
