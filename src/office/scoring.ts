/**
 * Scoring in the pane, the Office.js side: reads the summary (评审汇总, found by its recorded sheet id), the
 * workbook's 评分记录 and the comment threads on the criteria rows; writes one expert's entry; watches the sheets
 * for others' changes. Every decision is the core's (src/core/committee/pane.ts): what the cells mean, whether an
 * entry is a conflict, what to write and what to record.
 *
 * Round trips: reading for the pane is 2 syncs (sheet names and the record; then the summary, 评分记录 and the
 * threads), one more for the threads' places when there are threads. One entry is 1 sync to read what the cell
 * and 评分记录 hold now (and the note, and the sheet's protection, for texts) and 1 sync to write the cell and
 * append to 评分记录 — a conditional write cannot go in the same batch as the read it depends on.
 */
import { auditHeader, auditRowCells } from '../core/committee/audit-sheet.js';
import { summaryApplication } from '../core/committee/pane-summary.js';
import { discussionText, itemCell, itemKey, noteCell, paneState, planScore, valueText, type PaneEntry } from '../core/committee/pane.js';
import { t } from '../core/text/index.js';
import { META_SHEET, quoteSheet, summaryShowsMark, toA1, type CellValue, type Lang, type LoadedRulebook, type Verdict } from '../core/index.js';
import { loadedLibrary, openGates, type IsSetSupported, type LibraryDefines } from './capabilities.js';
import { recordOfRange, strayRecordSheets, withStrays } from './record.js';
import { onceMoreOnRace } from './errors.js';
import { literal } from './render.js';
import type { XComment, XContext, XRange, XWorksheet } from './surface.js';
import type { EntryResult, PaneThread, ScoringProblem, ScoringView } from '../common/results.js';
export type { EntryResult, PaneThread, ScoringProblem, ScoringView } from '../common/results.js';

/** ExcelApi 1.7 worksheet events, as far as the pane uses them (the fake provides the same). */
export interface XChangedEvent {
  address: string;
  worksheetId: string;
  /** "Local" or "Remote" (ExcelApi 1.7 `source`); the reason is only on 1.14 (`triggerSource`). */
  source?: string;
}
interface XEventSheet extends XWorksheet {
  onChanged?: { add(handler: (e: XChangedEvent) => Promise<void>): { remove(): void } };
}

/** What this Excel lets the pane do beyond scoring itself. */
export interface ScoringCaps {
  /** 1.7 worksheet change events: refresh when others score. */
  events: boolean;
  /** 1.10 threaded comments: "讨论". */
  threads: boolean;
  /** 1.11: a thread's resolved state (listing open and resolved threads). */
  resolved: boolean;
  /** 1.18 notes: texts also shown as notes on the expert's cells. */
  notes: boolean;
}

/** Each capability where the host reports its set and the loaded office.js defines it (./capabilities.ts). */
function scoringCaps(isSetSupported: IsSetSupported, defines: LibraryDefines): ScoringCaps {
  const g = openGates(isSetSupported, defines);
  const events = (() => {
    try {
      return isSetSupported('ExcelApi', '1.7');
    } catch {
      return false;
    }
  })();
  return { events, threads: g.threads.open, resolved: g.threads.open && g.resolved.open, notes: g.notes.open };
}

/** The capabilities of the Excel this pane runs in (none outside Office). */
export function detectScoringCaps(): ScoringCaps {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return { events: false, threads: false, resolved: false, notes: false };
  return scoringCaps((n, v) => Office.context.requirements.isSetSupported(n, v), loadedLibrary());
}

const auditName = (lang: Lang) => t('committee.audit.sheet', lang);
const AUDIT_NAMES = [t('committee.audit.sheet', 'zh-CN'), t('committee.audit.sheet', 'en-US')];
const cellOf = (r: XRange, row: number, col: number): CellValue => {
  const v = r.values[row - r.rowIndex]?.[col - r.columnIndex];
  return v === undefined || v === '' ? null : (v as CellValue);
};
/** Rows of a loaded used range below its header (row 0). */
const bodyRows = (r: XRange | null): CellValue[][] => (r && !r.isNullObject ? (r.values as CellValue[][]).slice(r.rowIndex === 0 ? 1 : 0) : []);

/**
 * The scoring view: the summary through its recorded layout, 评分记录, the threads. Null with the reason when the
 * workbook has no summary the tool provably wrote (the pane then asks to write the summary first).
 */
export async function readScoring(ctx: XContext, rb: LoadedRulebook, caps: ScoringCaps): Promise<ScoringView | ScoringProblem> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/id');
  await ctx.sync();
  if (!sheets.items.some((s) => s.name === META_SHEET)) return 'no-summary';
  const metaRange = ctx.workbook.worksheets.getItem(META_SHEET).getUsedRangeOrNullObject();
  metaRange.load('values,rowIndex');
  const strays = strayRecordSheets(sheets.items.map((s) => s.name)).map((n) => {
    const r = ctx.workbook.worksheets.getItem(n).getUsedRangeOrNullObject();
    r.load('values,rowIndex');
    return r;
  });
  const ids = new Map(sheets.items.map((s) => [s.id, s.name] as const));
  const auditSheet = sheets.items.find((s) => AUDIT_NAMES.includes(s.name)) ?? null;
  const audit = auditSheet ? ctx.workbook.worksheets.getItem(auditSheet.id).getUsedRangeOrNullObject(true) : null;
  audit?.load('values,rowIndex');
  if (caps.threads) ctx.workbook.comments.load(caps.resolved ? 'items/id,items/content,items/authorName,items/resolved' : 'items/id,items/content,items/authorName');
  await ctx.sync();
  const record = withStrays(recordOfRange(metaRange), strays.map(recordOfRange)).meta;
  const layout = record?.review?.summary;
  if (!record?.review || !layout) return 'no-summary';
  const sheetId = layout.sheetId && ids.has(layout.sheetId) ? layout.sheetId : [...ids].find(([, n]) => n === layout.sheet)?.[0];
  if (!sheetId) return 'no-summary';
  const summary = ctx.workbook.worksheets.getItem(sheetId).getUsedRangeOrNullObject();
  summary.load('values,rowIndex,columnIndex');
  const comments: XComment[] = caps.threads ? ctx.workbook.comments.items : [];
  const located = comments.map((c) => {
    const at = c.getLocation();
    at.load('address');
    c.replies.load('items');
    return { c, at };
  });
  await ctx.sync();
  if (summary.isNullObject) return 'no-summary';
  const cells = new Map<string, CellValue>();
  summary.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const c = cellOf(summary, summary.rowIndex + i, summary.columnIndex + j);
      if (c !== null) cells.set(`${summary.rowIndex + i},${summary.columnIndex + j}`, c);
    }),
  );
  const at = (r: number, c: number) => cells.get(`${r},${c}`) ?? null;
  if (!summaryShowsMark(layout, at)) return 'not-trusted';
  const sheet = ids.get(sheetId)!;
  const state = paneState(layout, at, bodyRows(audit), rb, record.review.verdict as Verdict);
  let threads: ScoringView['threads'] = null;
  if (caps.threads) {
    threads = new Map(rb.data.criteria.map((c) => [c.id, [] as PaneThread[]]));
    const rowToCrit = new Map(Object.entries(layout.criteriaRows).map(([id, row]) => [row, id]));
    for (const { c, at: loc } of located) {
      const addr = loc.address.replace(/\$/g, '');
      const bang = addr.lastIndexOf('!');
      const name = addr.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
      if (name !== sheet) continue;
      const m = /^([A-Z]+)(\d+)/.exec(addr.slice(bang + 1));
      const crit = m ? rowToCrit.get(Number(m[2]) - 1) : undefined;
      if (!crit) continue;
      threads.get(crit)!.push({ id: c.id, criterion: crit, cell: addr, author: c.authorName, content: c.content, resolved: caps.resolved ? c.resolved : null, replies: c.replies.items.length });
    }
  }
  return {
    layout: { ...layout, sheet, sheetId },
    sheetId,
    sheet,
    auditId: auditSheet?.id ?? null,
    verdict: record.review.verdict as Verdict,
    application: summaryApplication(layout, at),
    state,
    threads,
    source: { cells, audit: bodyRows(audit) },
  };
}

/**
 * Cells a pane's own entries wrote ("sheetId|A1" of the first cell), so their change events are not taken for
 * someone else's (the view is already up to date). One per pane, given to enterScore and watchScoring; forgotten
 * when the next entry starts.
 */
export type OwnWrites = Set<string>;
const firstCell = (address: string) => address.replace(/\$/g, '').replace(/^.*!/, '').split(':')[0]!;

/** The view with the pane's own entry in: the written cell and the appended 评分记录 row, the state made again. */
function viewAfter(view: ScoringView, rb: LoadedRulebook, cell: { row: number; col: number } | null, value: CellValue, row: CellValue[], auditId: string | null): ScoringView | undefined {
  if (!view.source) return undefined;
  const cells = new Map(view.source.cells);
  if (cell) {
    if (value === null || value === '') cells.delete(`${cell.row},${cell.col}`);
    else cells.set(`${cell.row},${cell.col}`, value);
  }
  const audit = [...view.source.audit, row];
  const at = (r: number, c: number) => cells.get(`${r},${c}`) ?? null;
  return { ...view, auditId, state: paneState(view.layout, at, audit, rb, view.verdict), source: { cells, audit } };
}

/**
 * One entry by one expert: reads what the cell (and 评分记录, for texts) holds now, lets the core decide, and
 * writes the cell and appends the record in one batch. `lastSeen` is what the pane showed: a value changed since
 * is a conflict, returned, never overwritten.
 */
export async function enterScore(
  ctx: XContext,
  view: ScoringView,
  rb: LoadedRulebook,
  lang: Lang,
  caps: ScoringCaps,
  entry: PaneEntry,
  own: OwnWrites = new Set(),
): Promise<EntryResult> {
  // A co-author added 评分记录 (or removed a sheet) between this entry's read and its write: read again, once.
  return onceMoreOnRace((again) => enterOnce(ctx, again ? { ...view, auditId: null } : view, rb, lang, caps, entry, own));
}

async function enterOnce(
  ctx: XContext,
  view: ScoringView,
  rb: LoadedRulebook,
  lang: Lang,
  caps: ScoringCaps,
  entry: PaneEntry,
  ownWrites: OwnWrites,
): Promise<EntryResult> {
  ownWrites.clear();
  const { layout, sheetId } = view;
  const ws = ctx.workbook.worksheets.getItem(sheetId);
  const cell = itemCell(layout, entry.expert, entry.item);
  const nCell = caps.notes ? noteCell(layout, entry.expert, entry.item) : null;
  const target = cell ? ws.getRangeByIndexes(cell.row, cell.col, 1, 1) : null;
  target?.load('values');
  // 评分记录: its rows (a text's current value is its last row) and where the next row goes, in the same read.
  let auditId = view.auditId;
  let audit = auditId ? ctx.workbook.worksheets.getItem(auditId).getUsedRangeOrNullObject(true) : null;
  audit?.load('values,rowIndex,rowCount');
  // Someone may have started 评分记录 since the pane read the workbook: looked for by name in the same read.
  const probes = auditId ? [] : AUDIT_NAMES.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n));
  for (const p of probes) p.load('id');
  const note = nCell ? ctx.workbook.notes.getItemOrNullObject(`${quoteSheet(view.sheet)}!${toA1(nCell.row, nCell.col)}`) : null;
  note?.load('content');
  const protection = nCell ? ws.protection : null;
  protection?.load('protected,options');
  await ctx.sync();
  const found = probes.find((p) => !p.isNullObject);
  if (found) {
    // Rare: one more read, for the rows of a 评分记录 another pane has just started.
    auditId = found.id;
    audit = ctx.workbook.worksheets.getItem(auditId).getUsedRangeOrNullObject(true);
    audit.load('values,rowIndex,rowCount');
    await ctx.sync();
  }

  let current: CellValue;
  if (target) current = (target.values[0]?.[0] ?? null) as CellValue;
  else {
    const key = itemKey(entry.item);
    const texts = paneState(layout, () => null, bodyRows(audit), rb, view.verdict).experts.find((x) => x.name === entry.expert)?.values;
    current = texts?.get(key) ?? '';
  }
  if (current === '') current = null;
  const address = cell ? `${quoteSheet(view.sheet)}!${toA1(cell.row, cell.col)}` : '';
  const plan = planScore(layout, entry.expert, entry.item, entry.value, entry.lastSeen, current, { rb, time: entry.time, application: view.application, source: t('pane.score.source', lang), address });
  if (plan.kind !== 'write') return plan;

  // 评分记录 first where it is added: a co-author who added it meanwhile fails this batch before anything is written.
  const aws = auditId ? ctx.workbook.worksheets.getItem(auditId) : ctx.workbook.worksheets.add(auditName(lang));
  if (target && cell) {
    // A score is written as its number; text (a signature, 是/否) as text, never converted by Excel: text
    // that would start a formula goes behind an apostrophe, as the WPS side and every other write do.
    // Values only: the summary stays protected (its expert cells are unlocked), so no format is set here.
    const v = plan.value;
    target.values = [[v === null ? '' : literal(v)]];
  }
  const row = auditRowCells(plan.audit, lang, { cell: address ? address : '' });
  let next = 1;
  if (audit && !audit.isNullObject) next = audit.rowIndex + audit.rowCount;
  else auditHead(aws, lang);
  // Inserted, never written over — the first row too: a row another pane appended at the same place at once
  // moves down and stays (Excel's merge keeps inserted rows of both; cells written by both go to one of them).
  aws.getRangeByIndexes(next, 0, 1, 16384).insert('Down');
  const r = aws.getRangeByIndexes(next, 0, 1, row.length);
  r.numberFormat = [row.map(() => '@')];
  r.values = [row.map((v) => (v === null ? '' : literal(v)))];
  // A 评分记录 added by this batch: its id comes back with the write.
  if (!auditId) aws.load('id');
  if (plan.note && note && protection) {
    // Notes cannot be added on a protected sheet: the summary (protected by the tool, no password) is opened
    // for this batch and protected again with its own options.
    const text = plan.note.text;
    const addr = `${quoteSheet(view.sheet)}!${toA1(plan.note.row, plan.note.col)}`;
    const wasProtected = protection.protected;
    if (wasProtected) ws.protection.unprotect();
    if (text === null) {
      if (!note.isNullObject) note.delete();
    } else if (!note.isNullObject) note.content = text;
    else ctx.workbook.notes.add(addr, text);
    if (wasProtected) ws.protection.protect(protection.options);
  }
  await ctx.sync();
  const newAudit = auditId ?? aws.id;
  if (cell) ownWrites.add(`${view.sheetId}|${toA1(cell.row, cell.col)}`);
  ownWrites.add(`${newAudit}|${toA1(next, 0)}`);
  return { kind: 'written', plan, view: viewAfter(view, rb, target ? cell : null, target ? plan.value : null, row, newAudit) };
}

/** 评分记录's header row (the same words whoever writes it: two panes writing it at once agree). */
function auditHead(ws: XWorksheet, lang: Lang): void {
  const head = auditHeader(lang);
  const r = ws.getRangeByIndexes(0, 0, 1, head.length);
  r.numberFormat = [head.map(() => '@')];
  r.values = [head];
  ws.freezePanes.freezeRows(1);
}

/**
 * 评分记录 with its header, added with a new summary (queued in the summary's batch): the experts' first entries
 * then each insert a row of their own, where two panes adding the sheet at once would make two sheets.
 */
export function addAuditSheet(ctx: XContext, lang: Lang): void {
  auditHead(ctx.workbook.worksheets.add(auditName(lang)), lang);
}

/** Whether a workbook's sheet names include 评分记录 (in either language). */
export const hasAuditSheet = (names: readonly string[]): boolean => names.some((n) => AUDIT_NAMES.includes(n));

/**
 * "讨论" on a criterion: a thread on the criterion's row (its title cell) naming the other experts, or a reply
 * when that cell has a thread already (one thread per cell). 2 syncs: the cell's thread and the sheet's
 * protection; then the write.
 */
export async function discuss(ctx: XContext, view: ScoringView, criterion: string, expert: string, text: string): Promise<'thread' | 'reply'> {
  const row = view.layout.criteriaRows[criterion];
  if (row === undefined) throw new Error(`unknown criterion ${criterion}`);
  const others = view.layout.experts.map((x) => x.name).filter((n) => n !== expert);
  const content = discussionText(others, text);
  const addr = `${quoteSheet(view.sheet)}!${toA1(row, 1)}`;
  const existing = (view.threads?.get(criterion) ?? []).find((th) => th.cell.replace(/'/g, '').endsWith(`!${toA1(row, 1)}`));
  const ws = ctx.workbook.worksheets.getItem(view.sheetId);
  if (existing) {
    ctx.workbook.comments.getItem(existing.id).replies.add(content);
    await ctx.sync();
    return 'reply';
  }
  const p = ws.protection;
  p.load('protected,options');
  await ctx.sync();
  if (p.protected) ws.protection.unprotect();
  ctx.workbook.comments.add(addr, content);
  if (p.protected) ws.protection.protect(p.options);
  await ctx.sync();
  return 'thread';
}

/**
 * Calls `onChange` when anyone changes the summary or 评分记录 (ExcelApi 1.7 worksheet events; in Microsoft 365
 * co-authoring that includes other people's edits). Returns what removes the handlers, or null where this Excel
 * has no events (the pane then refreshes when asked).
 */
export async function watchScoring(
  ctx: XContext,
  view: ScoringView,
  caps: ScoringCaps,
  onChange: (e: XChangedEvent) => void,
  ownWrites: OwnWrites = new Set(),
): Promise<(() => Promise<void>) | null> {
  if (!caps.events) return null;
  const ids = [view.sheetId, ...(view.auditId ? [view.auditId] : [])];
  const handlers: Array<{ remove(): void }> = [];
  for (const id of ids) {
    const ws = ctx.workbook.worksheets.getItem(id) as XEventSheet;
    if (!ws.onChanged) return null;
    handlers.push(
      ws.onChanged.add(async (e) => {
        // The pane's own entry: its view has it already (see enterScore).
        if (ownWrites.has(`${e.worksheetId}|${firstCell(e.address)}`)) return;
        onChange(e);
      }),
    );
  }
  await ctx.sync();
  // Removing a handler is a command like any other: it takes effect at the context's next sync.
  return async () => {
    for (const h of handlers) h.remove();
    await ctx.sync();
  };
}

export { valueText };
