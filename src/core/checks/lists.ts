/**
 * Checks of the name lists: a list's entries (each malformed or duplicated 统一社会信用代码, blank field or
 * unknown level), the count the indicator sheet states against the list (`invalid` naming both the count cell
 * and the list's range), and the 2.6 deduplicated total computed from the lists by credit code.
 */
import type { RuleOf } from '../rulebook/schema.js';
import { entryKey, type ListInput } from '../sheet/lists.js';
import type { Blocker, Ctx, Outcome, RuleResult } from './context.js';

const sheetOf = (ctx: Ctx, id: string): string => ctx.rb.data.lists?.find((l) => l.id === id)?.sheet ?? id;

/** The stated count, or what keeps it from being read (reported like any other blocked input). */
function stated(ctx: Ctx, code: string): { value: number; cell: string } | { blocker: Blocker } {
  const v = ctx.get(code);
  return v.ok ? { value: v.value as number, cell: v.cell } : { blocker: v.blocker };
}

export function listRule(rule: RuleOf<'list'>, ctx: Ctx): RuleResult {
  const res: RuleResult = { outcomes: [], blocked: [] };
  const list = ctx.lists?.lists.get(rule.list) ?? null;
  const sheet = sheetOf(ctx, rule.list);
  if (!list) {
    // A template made before the lists: the count cannot be verified without its list.
    res.outcomes.push({ status: 'missing', code: 'list-sheet-missing', indicator: rule.indicator, cells: [], params: { sheet, indicator: rule.indicator ?? null } });
    return res;
  }
  for (const p of list.problems) res.outcomes.push({ status: p.status, code: p.code, cells: [p.cell], params: { ...p.params, sheet } });
  const def = ctx.rb.data.lists?.find((l) => l.id === rule.list);
  // A title older than its validity at the application year: the experts check it was renewed (rulebook data).
  const appYear = ctx.get(ctx.rb.data.settings.identity.applicationYear);
  if (def?.validityYears !== undefined && appYear.ok && typeof appYear.value === 'number')
    for (const e of list.entries)
      if (e.year !== null && e.year + def.validityYears < appYear.value)
        res.outcomes.push({
          status: 'warn',
          code: 'list-title-expired',
          cells: [e.cells.year],
          params: { sheet, name: e.name ?? '', year: e.year, validityYears: def.validityYears, applicationYear: appYear.value, title: def.title.zh, titleEn: def.title.en },
        });
  // Entries of a level the count does not take in are listed, said and left out of the count.
  const counted = def?.countedLevels;
  const notCounted = counted ? list.entries.filter((e) => e.level !== null && !counted.includes(e.level)) : [];
  if (rule.indicator)
    for (const e of notCounted)
      res.outcomes.push({
        status: 'warn',
        code: 'list-entry-not-counted',
        indicator: rule.indicator,
        cells: [e.cells.level],
        params: { sheet, name: e.name ?? '', level: e.level ?? '', counted: counted ?? [] },
      });
  const distinct = notCounted.length ? new Set(list.entries.filter((e) => !notCounted.includes(e)).map(entryKey).filter((k) => k !== null)).size : list.distinct;
  const base = { sheet, range: list.range, listed: list.entries.length, distinct, entity: def?.entity ?? 'enterprise' };
  if (!rule.indicator) {
    // A list no count states is information for the experts: an empty one is not applicable, never a pass.
    res.outcomes.push(list.entries.length ? { status: 'pass', code: 'list-read', cells: [], params: base } : { status: 'na', code: 'list-empty', cells: [], params: base });
    return res;
  }
  const s = stated(ctx, rule.indicator);
  if ('blocker' in s) {
    res.blocked.push(s.blocker);
    return res;
  }
  // Entries listed twice are reported above; the count is compared with the distinct enterprises (or platforms).
  const ok = s.value === distinct;
  res.outcomes.push({
    status: ok ? 'pass' : 'invalid',
    code: ok ? 'list-count-matches' : 'list-count-differs',
    indicator: rule.indicator,
    cells: [s.cell],
    params: { ...base, stated: s.value, countCell: s.cell },
  });
  return res;
}

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
