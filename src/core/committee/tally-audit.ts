/**
 * The tally's audit (rule 8 of ./tally.ts): the values as they stand in the round's order, and the rows of what
 * changed since the previous trail — by value (expert, application, item): a value now also in another file (a
 * reviewed copy the tally updated) is no change, a value is removed only when no file holds it any more — and one
 * row for each change to the committee (an expert renamed or removed in a reviewed copy) the first time it is seen.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { AuditOutcome, AuditRow, Round } from './records.js';
import { KEY } from './tally-entries.js';
import type { CurrentValue, TallyOptions } from './tally-result.js';

/** The audit item of a change to the committee itself (an expert renamed or removed in a reviewed copy). */
export const EXPERT_ITEM = 'expert';

/** Sorts `current` in place: application, then expert as listed, then criterion (its note after it), then source. */
export function inRoundOrder(current: CurrentValue[], round: Round, rb: LoadedRulebook): void {
  // The record reads in the round's order: application, then expert as listed, then criterion.
  const { criteria } = rb.data;
  const appIdx = new Map(round.applications.map((a, i) => [a.id, i]));
  const expIdx = new Map(round.experts.map((x, i) => [x, i]));
  const itemIdx = (item: string) => {
    const i = criteria.findIndex((c) => c.id === item.replace(/^note:/, ''));
    return (i < 0 ? criteria.length : i) * 2 + (item.startsWith('note:') ? 1 : 0);
  };
  current.sort((a, b) => appIdx.get(a.application)! - appIdx.get(b.application)! || expIdx.get(a.expert)! - expIdx.get(b.expert)! || itemIdx(a.item) - itemIdx(b.item) || a.source.localeCompare(b.source));
}

/** This tally's audit rows: each value changed since `previousAudit` (old → new), each value removed, each new committee change. */
export function auditChanges(current: readonly CurrentValue[], previousAudit: readonly AuditRow[], round: Round, opts: TallyOptions): AuditRow[] {
  const apps = new Map(round.applications.map((a) => [a.id, a]));
  // Audit: compare every current value with the last the previous trail recorded, by value (expert, application,
  // item): a file that now repeats a value the item already had (a reviewed copy the tally wrote it into) is no
  // change, and a value is removed only when no file holds it any more.
  const itemKey = (r: Pick<AuditRow, 'expert' | 'application' | 'item'>) => [r.expert, r.application, r.item].join(KEY);
  const sourceKey = (r: Pick<AuditRow, 'expert' | 'application' | 'item' | 'source'>) => `${itemKey(r)}${KEY}${r.source}`;
  const state = (value: string, outcome: AuditOutcome) => `${value}${KEY}${outcome}`;
  const last = new Map<string, AuditRow>();
  // Committee changes (item "expert") are events, not values: never "removed" because a later tally does not see them.
  for (const row of previousAudit) if (row.item !== EXPERT_ITEM) last.set(sourceKey(row), row);
  const had = new Map<string, Set<string>>();
  for (const row of last.values()) if (row.new !== null) had.set(itemKey(row), (had.get(itemKey(row)) ?? new Set()).add(state(row.new, row.outcome)));
  const changes: AuditRow[] = [];
  const now = new Set<string>();
  const held = new Set<string>();
  for (const c of current) {
    now.add(sourceKey(c));
    held.add(itemKey(c));
    const before = last.get(sourceKey(c));
    if (before && before.new === c.value && before.outcome === c.outcome) continue;
    if (!before && had.get(itemKey(c))?.has(state(c.value, c.outcome))) continue;
    c.change = { old: before ? before.new : null };
    changes.push({ time: opts.time, expert: c.expert, application: c.application, item: c.item, old: before ? before.new : null, new: c.value, source: c.source, sha256: c.sha256, fileTime: c.fileTime, outcome: c.outcome });
  }
  for (const [k, row] of last) {
    if (now.has(k) || row.new === null || held.has(itemKey(row))) continue;
    changes.push({ ...row, time: opts.time, old: row.new, new: null, outcome: 'removed' });
  }

  const eventKey = (r: Pick<AuditRow, 'expert' | 'application' | 'source' | 'fileTime' | 'outcome' | 'new'>) => [r.expert, r.application, r.source, r.fileTime, r.outcome, r.new ?? ''].join(KEY);
  const seenEvents = new Set(previousAudit.filter((r) => r.item === EXPERT_ITEM).map(eventKey));
  for (const c of opts.expertChanges ?? []) {
    if (!apps.has(c.application)) continue;
    const row: AuditRow = {
      time: opts.time,
      expert: c.expert,
      application: c.application,
      item: EXPERT_ITEM,
      old: c.expert,
      new: c.kind === 'remove' ? null : (c.to ?? null),
      source: c.file,
      sha256: '',
      fileTime: c.time,
      outcome: c.kind === 'remove' ? 'removed' : 'renamed',
    };
    if (seenEvents.has(eventKey(row))) continue;
    seenEvents.add(eventKey(row));
    changes.push(row);
  }

  return changes;
}
