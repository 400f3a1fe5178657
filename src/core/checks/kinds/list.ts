/**
 * `list`: a name list's entries (each malformed or duplicated 统一社会信用代码, blank field, unknown level, title past
 * its validity, level the count leaves out), and the count the indicator sheet states against the list's distinct
 * entries (`invalid` naming both the count cell and the list's range).
 */
import type { RuleOf } from '../../rulebook/schema.js';
import { entryKey } from '../../sheet/lists.js';
import type { Blocker, Ctx, RuleResult } from '../context.js';
import { sheetOf } from './shared.js';

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
