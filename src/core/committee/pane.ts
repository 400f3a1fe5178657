/**
 * Scoring in the task pane: every decision of an expert's entry, pure. The pane reads the summary (评审汇总)
 * through its recorded layout and the workbook's 评分记录; `paneState` makes the experts, their cells and the
 * committee figures of it; `planScore` decides one entry — the cell to write and the audit row to append, or a
 * conflict when the cell changed since the pane last showed it (never a silent overwrite), or why it is refused.
 *
 * Where an entry lives: a score, 回避 (是/否) and a signature in the expert's own cells of the summary; texts
 * without a cell of their own in the layout — a note on a score, the reason for 回避, the expert's opinion — in
 * 评分记录 (always: it is what the pane reads them back from) and, where Excel has notes, as the note on the score,
 * 回避 and signature cell (people read them in the sheet; a re-written summary keeps notes on expert cells).
 */
import type { SummaryLayout } from '../report/meta.js';
import type { CellValue } from '../report/sheet-model.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import { committeeFigures } from '../scoring.js';
import type { Verdict } from '../types.js';
import { AUDIT_COL, auditItemOf } from './audit-sheet.js';
import { normaliseScore } from '../sheet/score.js';
import type { AuditRow } from './records.js';
import { combine } from './tally.js';

/** The summary's column of automated results (summary.ts CRITERIA.auto); a test pins it to the summary's header. */
export const SUMMARY_AUTO_COL = 3;

export type PaneItem =
  | { kind: 'score'; criterion: string }
  | { kind: 'note'; criterion: string }
  | { kind: 'recusal' }
  | { kind: 'recusal-reason' }
  | { kind: 'opinion' }
  | { kind: 'signature' };

/** The audit item of an entry (records.ts AuditRow.item): "C1", "note:C1", "recusal", "recusal-reason", "opinion", "signature". */
export function itemKey(item: PaneItem): string {
  return item.kind === 'score' ? item.criterion : item.kind === 'note' ? `note:${item.criterion}` : item.kind;
}

export function itemOfKey(key: string, criteria: readonly string[]): PaneItem | null {
  if (key.startsWith('note:') && criteria.includes(key.slice(5))) return { kind: 'note', criterion: key.slice(5) };
  if (key === 'recusal' || key === 'recusal-reason' || key === 'opinion' || key === 'signature') return { kind: key };
  return criteria.includes(key) ? { kind: 'score', criterion: key } : null;
}

/** The expert's cell an entry writes (zero-based on the summary), or null for texts kept in 评分记录. */
export function itemCell(layout: SummaryLayout, expert: string, item: PaneItem): { row: number; col: number } | null {
  const col = layout.experts.find((x) => x.name === expert)?.col;
  if (col === undefined) return null;
  if (item.kind === 'score') {
    const row = Object.prototype.hasOwnProperty.call(layout.criteriaRows, item.criterion) ? layout.criteriaRows[item.criterion] : undefined;
    return row === undefined ? null : { row, col };
  }
  if (item.kind === 'recusal') return { row: layout.conflictRow, col };
  if (item.kind === 'signature') return { row: layout.signatureRow, col };
  return null;
}

/** The cell whose note shows a text entry where Excel has notes: the score's, the 回避 cell, the signature cell. */
export function noteCell(layout: SummaryLayout, expert: string, item: PaneItem): { row: number; col: number } | null {
  if (item.kind === 'note') return itemCell(layout, expert, { kind: 'score', criterion: item.criterion });
  if (item.kind === 'recusal-reason') return itemCell(layout, expert, { kind: 'recusal' });
  if (item.kind === 'opinion') return itemCell(layout, expert, { kind: 'signature' });
  return null;
}

/** A value as the pane compares and records it: a score as its number, text trimmed, blank as "". */
export function valueText(item: PaneItem, v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (item.kind === 'score') {
    const n = normaliseScore(v);
    return n.kind === 'number' ? String(n.value) : n.kind === 'blank' ? '' : String(v).trim();
  }
  if (item.kind === 'recusal') return String(v).trim() === '是' || v === true ? '是' : String(v).trim() === '' ? '' : '否';
  return String(v).trim();
}

export type ScorePlan =
  | {
      kind: 'write';
      /** The summary cell to write, or null (a text kept only in 评分记录 and a note). */
      cell: { row: number; col: number } | null;
      /** What goes into the cell: a score as its number (what the tally and the formulas use), or blank. */
      value: CellValue;
      /** The note to place (texts, where notes exist); null text removes it. */
      note: { row: number; col: number; text: string | null } | null;
      audit: AuditRow;
    }
  | { kind: 'conflict'; item: PaneItem; mine: string; theirs: string; seen: string }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; code: 'unknown-expert' | 'unknown-criterion' | 'not-a-number' | 'out-of-range'; max?: number };

export interface ScoreContext {
  rb: LoadedRulebook;
  /** When the pane writes (ISO or local "YYYY-MM-DD HH:MM"). */
  time: string;
  /** The application (its cluster name, or the workbook's). */
  application: string;
  /** The source named in 评分记录 (the pane's word, in the workbook's language). */
  source: string;
  /** Sheet-qualified address of the cell written, for the record. */
  address?: string;
}

/**
 * One entry: `newValue` as typed; `lastSeen` what the pane showed; `current` what the cell (or 评分记录) holds now.
 * A value someone else changed since the pane showed it is a conflict, whatever the new value: the expert decides
 * (keep mine: plan again with `lastSeen` = theirs; take theirs: nothing is written).
 */
/** What the pane shows for an item of an expert now (the entry's `lastSeen`), in either host. */
export const shownValue = (state: PaneState, expert: string, item: PaneItem): string => state.experts.find((x) => x.name === expert)?.values.get(itemKey(item)) ?? '';

/** One entry by one expert as the pane sends it to either host: `lastSeen` is what the pane showed for the item. */
export interface PaneEntry {
  expert: string;
  item: PaneItem;
  value: CellValue;
  lastSeen: CellValue;
  time: string;
}

export function planScore(layout: SummaryLayout, expert: string, item: PaneItem, newValue: CellValue, lastSeen: CellValue, current: CellValue, ctx: ScoreContext): ScorePlan {
  if (!layout.experts.some((x) => x.name === expert)) return { kind: 'invalid', code: 'unknown-expert' };
  const crit = item.kind === 'score' || item.kind === 'note' ? ctx.rb.data.criteria.find((c) => c.id === item.criterion) : undefined;
  if ((item.kind === 'score' || item.kind === 'note') && (!crit || !itemCell(layout, expert, { kind: 'score', criterion: item.criterion }))) return { kind: 'invalid', code: 'unknown-criterion' };
  const mine = valueText(item, newValue);
  const seen = valueText(item, lastSeen);
  const now = valueText(item, current);
  if (item.kind === 'score' && mine !== '') {
    const n = normaliseScore(newValue);
    if (n.kind !== 'number') return { kind: 'invalid', code: 'not-a-number', max: crit!.weight };
    if (n.value < 0 || n.value > crit!.weight) return { kind: 'invalid', code: 'out-of-range', max: crit!.weight };
  }
  if (now !== seen) return { kind: 'conflict', item, mine, theirs: now, seen };
  if (mine === now) return { kind: 'unchanged' };
  const cell = itemCell(layout, expert, item);
  const at = noteCell(layout, expert, item);
  const value: CellValue = mine === '' ? null : item.kind === 'score' ? Number(mine) : mine;
  return {
    kind: 'write',
    cell,
    value,
    note: at ? { ...at, text: mine === '' ? null : mine } : null,
    audit: paneAuditRow({ time: ctx.time, expert, application: ctx.application, item: itemKey(item), old: now === '' ? null : now, new: mine === '' ? null : mine, source: ctx.source }),
  };
}

/** An audit row of the pane's own write: used as typed (the pane refuses what the tally would not use). */
function paneAuditRow(x: { time: string; expert: string; application: string; item: string; old: string | null; new: string | null; source: string }): AuditRow {
  return { time: x.time, expert: x.expert, application: x.application, item: x.item, old: x.old, new: x.new, source: x.source, sha256: '', fileTime: x.time, outcome: 'used' };
}

/** Each expert's texts (note:<id>, recusal-reason, opinion) as 评分记录 last says them: later rows win. */
function textsFromAudit(rows: ReadonlyArray<readonly CellValue[]>, criteria: readonly string[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const expert = r[AUDIT_COL.expert];
    const item = typeof r[AUDIT_COL.item] === 'string' ? auditItemOf(r[AUDIT_COL.item] as string, criteria) : null;
    if (typeof expert !== 'string' || !item || !(item.startsWith('note:') || item === 'opinion' || item === 'recusal-reason')) continue;
    const v = r[AUDIT_COL.value];
    let own = out.get(expert);
    if (!own) out.set(expert, (own = new Map()));
    own.set(item, v === null || v === undefined ? '' : String(v));
  }
  return out;
}

export interface PaneExpert {
  name: string;
  /** Item key → value as the pane shows it (valueText). */
  values: Map<string, string>;
  recused: boolean;
  total: number | null;
}

export interface PaneCriterion {
  id: string;
  weight: number;
  /** The automated result as the summary shows it. */
  auto: string;
  n: number;
  /** The committee score by the rulebook's rule (mean, trimmed mean, median). */
  score: number | null;
  median: number | null;
  spread: number | null;
  toDiscuss: boolean;
}

export interface PaneState {
  experts: PaneExpert[];
  criteria: PaneCriterion[];
  total: { weight: number; n: number; score: number | null; median: number | null; spread: number | null; toDiscuss: boolean };
  rule: 'mean' | 'trimmed-mean' | 'median';
}

/**
 * The committee as the summary and 评分记录 show it now: each expert's values, and the figures by the rulebook's
 * rule (recused experts left out, as the sheet's formulas do; a total only for an expert who scored everything).
 */
export function paneState(layout: SummaryLayout, at: (row: number, col: number) => CellValue, auditRows: ReadonlyArray<readonly CellValue[]>, rb: LoadedRulebook, verdict: Verdict): PaneState {
  const ids = rb.data.criteria.map((c) => c.id);
  const texts = textsFromAudit(auditRows, ids);
  const { scoring } = rb.data;
  const seen = new Set<string>();
  const experts: PaneExpert[] = [];
  for (const { name } of layout.experts) {
    if (seen.has(name)) continue;
    seen.add(name);
    const values = new Map<string, string>();
    const cellValue = (item: PaneItem) => {
      const c = itemCell(layout, name, item);
      return valueText(item, c ? at(c.row, c.col) : null);
    };
    for (const id of ids) values.set(id, cellValue({ kind: 'score', criterion: id }));
    values.set('recusal', cellValue({ kind: 'recusal' }));
    values.set('signature', cellValue({ kind: 'signature' }));
    for (const [k, v] of texts.get(name) ?? []) values.set(k, v);
    experts.push({ name, values, recused: values.get('recusal') === '是', total: null });
  }
  const fig = committeeFigures(
    rb,
    experts.map((x) => ({ name: x.name, conflicted: x.recused, scores: new Map(ids.map((id) => [id, x.values.get(id) || null])) })),
    verdict,
  );
  experts.forEach((x, i) => (x.total = fig.totals[i]?.total ?? null));
  const counted = experts.filter((x) => !x.recused);
  const criteria: PaneCriterion[] = rb.data.criteria.map((c, i) => {
    const xs = counted.flatMap((x) => {
      const n = normaliseScore(x.values.get(c.id) ?? '');
      return n.kind === 'number' ? [n.value] : [];
    });
    const f = fig.criteria[i]!;
    const row = layout.criteriaRows[c.id];
    const auto = row === undefined ? null : at(row, SUMMARY_AUTO_COL);
    return { id: c.id, weight: c.weight, auto: auto === null ? '' : String(auto), n: f.n, score: combine(xs, scoring.combine, scoring.trimmedMinimum), median: f.median, spread: f.spread, toDiscuss: f.toDiscuss };
  });
  const totals = fig.totals.flatMap((x) => (x.total === null ? [] : [x.total]));
  return {
    experts,
    criteria,
    total: { weight: fig.total.weight, n: fig.total.n, score: combine(totals, scoring.combine, scoring.trimmedMinimum), median: fig.total.median, spread: fig.total.spread, toDiscuss: fig.total.toDiscuss },
    rule: scoring.combine,
  };
}

/** The thread text "讨论" opens on a criterion's row: the other experts named (plain text mentions), then the text. */
export function discussionText(others: readonly string[], text: string): string {
  const names = others.map((n) => `@${n}`).join(' ');
  return names ? `${names} ${text}`.trim() : text.trim();
}
