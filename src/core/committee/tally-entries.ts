/**
 * The tally's first part (rules 1–5 of ./tally.ts): every score entry read once into what each expert gave each
 * application — entries of experts outside the committee or of applications outside the round listed and dropped,
 * recusals (declared, or marked 回避) applied, stale entries set apart, equal values from several sources made one,
 * different ones a conflict (or the newer file's, with `preferNewer`), values not a number or out of range listed —
 * with the problems it lists and the row of every value for the audit (CurrentValue).
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import { normaliseScore } from '../sheet/score.js';
import type { AuditOutcome, Round, ScoreEntry } from './records.js';
import type { CurrentValue, RoundProblem, TallyOptions } from './tally-result.js';

/** Joins the parts of a map key (expert, application, …): a character no name contains. */
export const KEY = '\u0000';

const valueText = (v: ScoreEntry['value']): string => (v === null ? '' : String(v));

/** What one expert gave one application, keyed `${expert}${KEY}${application}` in EntriesRead.cells. */
export interface Cell {
  score: Map<string, number>;
  notes: Record<string, string>;
  opinion: string;
  signature: string;
  date: string;
  returned: boolean;
  conflict: boolean;
  stale: boolean;
}

/** The entries as read: per (expert, application) what was given, the recusals, who returned anything, every value's row. */
export interface EntriesRead {
  cells: Map<string, Cell>;
  /** Recusal reasons by `${expert}${KEY}${application}`. */
  recused: Map<string, string>;
  seenExperts: Set<string>;
  /** Every value found, with its source and outcome, in the order read. */
  current: CurrentValue[];
}

/** Reads the entries (rules 1–5); what it lists is appended to `problems`, each named by its cluster and criterion title. */
export function readEntries(round: Round, entries: readonly ScoreEntry[], rb: LoadedRulebook, opts: TallyOptions, problems: RoundProblem[]): EntriesRead {
  const { criteria } = rb.data;
  const committee = new Set(round.experts);
  const apps = new Map(round.applications.map((a) => [a.id, a]));
  const problemOnce = new Set<string>();
  const listOnce = (key: string, p: RoundProblem) => {
    if (problemOnce.has(key)) return;
    problemOnce.add(key);
    problems.push(p);
  };
  const current: CurrentValue[] = [];
  const weight = new Map(criteria.map((c) => [c.id, c.weight]));
  const titles = new Map(criteria.map((c) => [c.id, c.title]));

  // Recusals: declared, or marked by the expert in a sheet.
  const recused = new Map<string, string>();
  for (const c of round.conflicts) recused.set(`${c.expert}${KEY}${c.application}`, c.reason);
  const usable: ScoreEntry[] = [];
  const seenExperts = new Set<string>();
  for (const e of entries) {
    if (!committee.has(e.expert)) {
      listOnce(`ue${KEY}${e.expert}${KEY}${e.source.file}`, { code: 'unknown-expert', expert: e.expert, sources: [{ value: '', file: e.source.file }] });
      continue;
    }
    if (!apps.has(e.application)) {
      listOnce(`ua${KEY}${e.application}${KEY}${e.source.file}`, { code: 'unknown-application', application: e.application, expert: e.expert, sources: [{ value: '', file: e.source.file }] });
      continue;
    }
    // A returned sheet says something: a blank sheet sent back is not a return.
    if (e.kind === 'recusal' ? e.value === true || e.value === '是' : normaliseScore(e.value).kind !== 'blank') seenExperts.add(e.expert);
    if (e.kind === 'recusal') {
      const yes = e.value === true || (typeof e.value === 'string' && e.value.trim() === '是');
      const key = `${e.expert}${KEY}${e.application}`;
      if (yes && !recused.has(key)) recused.set(key, e.reason ?? '');
      continue;
    }
    usable.push(e);
  }

  // Group by (expert, application, kind, criterion).
  const groups = new Map<string, ScoreEntry[]>();
  for (const e of usable) {
    const k = [e.expert, e.application, e.kind, e.criterion ?? ''].join(KEY);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }

  const cells = new Map<string, Cell>();
  const cellOf = (expert: string, app: string): Cell => {
    const k = `${expert}${KEY}${app}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { score: new Map(), notes: {}, opinion: '', signature: '', date: '', returned: false, conflict: false, stale: false }));
    return c;
  };
  const record = (e: ScoreEntry, item: string, value: string, outcome: AuditOutcome) =>
    current.push({
      expert: e.expert,
      application: e.application,
      item,
      value,
      source: e.source.file,
      cell: e.source.cell ?? '',
      sha256: e.source.sha256 ?? '',
      fileTime: e.source.time ?? '',
      outcome,
      change: null,
    });

  for (const group of groups.values()) {
    const first = group[0]!;
    const { expert, application, kind } = first;
    const app = apps.get(application)!;
    const item = kind === 'score' ? first.criterion! : kind === 'note' ? `note:${first.criterion}` : kind;
    const filled = group.filter((e) => normaliseScore(e.value).kind !== 'blank');
    if (!filled.length) continue;
    // Returned means something was given (as `notReturned` counts it): a blank sheet sent back is not a return.
    const cell = cellOf(expert, application);
    cell.returned = true;
    const recusal = recused.get(`${expert}${KEY}${application}`);
    if (recusal !== undefined) {
      if (kind === 'score') listOnce(`rs${KEY}${expert}${KEY}${application}`, { code: 'recused-scored', expert, application, sources: filled.map((e) => ({ value: valueText(e.value), file: e.source.file, ...(e.source.cell ? { cell: e.source.cell } : {}) })) });
      for (const e of filled) record(e, item, valueText(e.value), 'recused');
      continue;
    }
    const fresh = filled.filter((e) => e.fingerprint === undefined || e.fingerprint === app.fingerprint || !!app.earlier?.includes(e.fingerprint));
    for (const e of filled.filter((x) => !fresh.includes(x))) {
      record(e, item, valueText(e.value), 'stale');
      if (kind === 'score') {
        cell.stale = true;
        listOnce(`st${KEY}${expert}${KEY}${application}${KEY}${e.source.file}`, { code: 'stale', expert, application, sources: [{ value: '', file: e.source.file }] });
      }
    }
    if (!fresh.length) continue;
    if (kind !== 'score') {
      // Texts: every distinct one is kept, in source order; two wordings are not a conflict of figures.
      const text = [...new Set(fresh.map((e) => valueText(e.value).trim()))].join(' / ');
      // Signatures and dates belong to the whole sheet: shown in 评审意见, not repeated per application in the trail.
      if (kind === 'note' || kind === 'opinion') for (const e of fresh) record(e, item, valueText(e.value), 'used');
      if (kind === 'note') cell.notes[first.criterion!] = text;
      else if (kind === 'opinion') cell.opinion = text;
      else if (kind === 'signature') cell.signature = text;
      else if (kind === 'date') cell.date = text;
      continue;
    }
    const crit = first.criterion!;
    const keyOf = (e: ScoreEntry) => {
      const n = normaliseScore(e.value);
      return n.kind === 'number' ? `n:${n.value}` : `t:${valueText(e.value)}`;
    };
    const distinct = [...new Set(fresh.map(keyOf))];
    let chosen = fresh[0]!;
    if (distinct.length > 1) {
      const sources = fresh.map((e) => ({ value: valueText(e.value), file: e.source.file, ...(e.source.cell ? { cell: e.source.cell } : {}) }));
      const times = fresh.map((e) => e.source.time ?? '');
      const newest = [...times].sort().at(-1)!;
      const newer = fresh.filter((e) => (e.source.time ?? '') === newest);
      if (opts.preferNewer && newest && new Set(newer.map(keyOf)).size === 1) {
        chosen = newer[0]!;
        problems.push({ code: 'conflict', expert, application, criterion: crit, sources, resolved: 'newer-file' });
        for (const e of fresh) record(e, crit, valueText(e.value), e === chosen ? 'newer-file' : 'conflict');
      } else {
        problems.push({ code: 'conflict', expert, application, criterion: crit, sources });
        cell.conflict = true;
        for (const e of fresh) record(e, crit, valueText(e.value), 'conflict');
        continue;
      }
    }
    const n = normaliseScore(chosen.value);
    const w = weight.get(crit);
    if (n.kind !== 'number') {
      problems.push({ code: 'not-a-number', expert, application, criterion: crit, value: valueText(chosen.value), ...(w !== undefined ? { max: w } : {}) });
      record(chosen, crit, valueText(chosen.value), 'not-a-number');
      continue;
    }
    if (w === undefined || n.value < 0 || n.value > w) {
      problems.push({ code: 'out-of-range', expert, application, criterion: crit, value: String(n.value), ...(w !== undefined ? { max: w } : {}) });
      record(chosen, crit, valueText(chosen.value), 'out-of-range');
      continue;
    }
    if (distinct.length === 1) for (const e of fresh) record(e, crit, String(n.value), 'used');
    cell.score.set(crit, n.value);
  }

  for (const p of problems) {
    if (p.application && apps.has(p.application)) p.cluster = apps.get(p.application)!.cluster || p.application;
    const title = p.criterion === undefined ? undefined : titles.get(p.criterion);
    if (title) p.criterionTitle = { zh: title.zh, en: title.en };
  }
  return { cells, recused, seenExperts, current };
}
