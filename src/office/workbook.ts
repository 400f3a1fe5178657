/**
 * The Office.js adapter: the only code that touches Excel. It reads what the core's workflow asks for, and
 * applies the plans the core returns (src/core/workflow): every decision — which sheet, which flags, what to
 * restore, what to record, what to warn about — is the core's. Reads go in two round trips (sheet names, then
 * every used range asked for), the cells' current state in one more, writes through the Writer: a small, fixed
 * number of syncs whatever the sheet's size.
 */
import {
  examine,
  examineMonitoring,
  examineMonitoringCheck,
  finishCheck,
  isSummarySheet,
  finishClear,
  layoutInputs,
  META_SHEET,
  parseQualified,
  listsFrom,
  pickIndicatorSheet,
  planCheck,
  reviewSnapshot,
  planClear,
  planSummary,
  planTemplate,
  previousSummarySheet,
  readRequest,
  sheetsForError,
  quoteSheet,
  toA1,
  withCommentIds,
  type CellState,
  type CellWrite,
  type CommitteeResult,
  type Covered,
  type Examined,
  type FlagDraft,
  type Lang,
  type LoadedRulebook,
  type MonitoringReview,
  type Reading,
  type Report,
  type Review,
  type WorkbookMeta,
  type WorkflowWarning,
  type FormLists,
} from '../core/index.js';
import type { Capabilities } from './capabilities.js';
import { recordOfRange, strayRecordSheets, withStrays, writeRecord } from './record.js';
import { isProtectionError, onceMoreOnRace } from './errors.js';
import { addAuditSheet, hasAuditSheet } from './scoring.js';
import { renderModel } from './render.js';
import { costOf, isPayloadError, outside, readBands, READ_BUDGET, type BandRequest, type CellProp, type Rect } from './bands.js';
import { areaRanges, cellAt, rangeSnapshot, SnapshotBuilder } from './snapshot.js';
import type { XComment, XContext, XMergedAreas, XNote, XRange, XWorksheet } from './surface.js';
import { Writer } from './writer.js';
import { inPlaceSteps } from '../common/model-write.js';
import { OfficeError, type CheckResult, type ReadOnly } from '../common/results.js';
// Host-neutral: the WPS adapter returns and throws the same (src/common/results.ts).
export { OfficeError, type CheckResult, type ReadOnly } from '../common/results.js';

export interface Session {
  ctx: XContext;
  rb: LoadedRulebook;
  lang: Lang;
  caps: Capabilities;
}

const SNAPSHOT_PROPS = 'values,numberFormat,formulas,rowIndex,columnIndex';
const ALL_PROPS: CellProp[] = ['values', 'numberFormat', 'formulas'];

/**
 * The window read with each candidate sheet in the sync that learns how far its values reach: its first
 * WINDOW_COLS columns and as many rows as two thirds of the read budget allow (the rest is for the record and the
 * summary read in the same sync), shared among the stage's sheets. A sheet within its window (the standard sheet,
 * and ones ten times longer) is then read whole in that one sync.
 */
const WINDOW_COLS = 16;
const windowRows = (sheets: number) => Math.floor(((READ_BUDGET / 3) * 2) / Math.max(1, sheets) / costOf({ rows: 1, cols: WINDOW_COLS }, ALL_PROPS));

/** What the adapter read: the core's Reading, and whether the workbook's structure is protected (no sheet can be added). */
export interface OfficeReading extends Reading {
  structureProtected: boolean;
  /** Record sheets a co-authoring merge renamed, read into `meta` (retired by the next write: see record.ts). */
  strays: string[];
}

/**
 * One stage of candidate sheets, address first: one sync learns each sheet's extent (getUsedRange(true): values
 * only) with its window; sheets reaching past their window have the rest of their values read in bands; the sheet
 * the core picks, if it reached past its window, has its data region (the code rows, right of the code column)
 * read again with number formats and formulas. `common` queues the loads that ride on the first sync.
 */
async function readStage(
  ctx: XContext,
  stage: readonly string[],
  rb: LoadedRulebook,
  common: () => void,
  lists: () => FormLists,
): Promise<Reading['found']> {
  const sheets = ctx.workbook.worksheets;
  let rows = windowRows(stage.length);
  let loaded: Array<{ name: string; used: XRange; window: XRange | null }>;
  for (;;) {
    common();
    loaded = stage.map((name) => {
      const ws = sheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const window = rows > 0 ? ws.getRangeByIndexes(0, 0, rows, WINDOW_COLS).getUsedRangeOrNullObject(true) : null;
      window?.load(SNAPSHOT_PROPS);
      return { name, used, window };
    });
    try {
      await ctx.sync();
      break;
    } catch (e) {
      // Longer texts than estimated: the extents alone, then bands.
      if (!isPayloadError(e) || rows === 0) throw e;
      rows = 0;
    }
  }
  const parts = new Map<string, { builder: SnapshotBuilder; extent: Rect; whole: boolean }>();
  const requests: BandRequest[] = [];
  for (const { name, used, window } of loaded) {
    if (used.isNullObject) continue;
    const extent = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    const builder = new SnapshotBuilder();
    if (window && !window.isNullObject) builder.add(window);
    const rest = outside(extent, { rows, cols: rows > 0 ? WINDOW_COLS : 0 });
    // Values only where formats are not needed: enough to find the code column and the indicator rows.
    if (rest.length) requests.push({ sheet: name, rects: rest, props: ['values'] });
    parts.set(name, { builder, extent, whole: rest.length === 0 });
  }
  for (const band of await readBands(ctx, requests)) parts.get(band.sheet)!.builder.add({ rowIndex: band.rect.row, columnIndex: band.rect.col, values: band.values! });
  const found = pickIndicatorSheet(
    (function* () {
      for (const [name, p] of parts) yield p.builder.snapshot(name);
    })(),
    rb,
    lists(),
  );
  if (!found) return null;
  const part = parts.get(found.snapshot.sheet)!;
  const layout = found.review.inputs.layout;
  if (part.whole || !layout) return found;
  // Formats (percent cells) and formulas (results not calculated) matter for the inputs only: the code rows, right of the code column.
  const codeRows = [...found.review.inputs.indicators.values()].flatMap((i) => (i.row === undefined ? [] : [i.row]));
  const top = Math.min(...codeRows);
  const right = part.extent.col + part.extent.cols;
  const region = { row: top, col: layout.codeCol + 1, rows: Math.max(...codeRows) - top + 1, cols: right - layout.codeCol - 1 };
  if (region.cols > 0) {
    for (const band of await readBands(ctx, [{ sheet: found.snapshot.sheet, rects: [region], props: ALL_PROPS }]))
      part.builder.add({ rowIndex: band.rect.row, columnIndex: band.rect.col, values: band.values!, numberFormat: band.numberFormat!, formulas: band.formulas! });
  }
  const snapshot = part.builder.snapshot(found.snapshot.sheet);
  return { snapshot, review: reviewSnapshot(snapshot, rb, lists()) };
}

/**
 * Two syncs in the usual case: sheet names (and the workbook's structure protection); then what the core asked
 * for — each candidate sheet's extent with its window (readStage), merged areas where ExcelApi 1.13 exists, the
 * metadata and the summary sheets. A sheet past its window adds a sync or two of bands, each response within the
 * read budget; a sheet named 指标表 without indicator codes costs one more stage, to read the other candidates.
 */
export async function readWorkbook(ctx: XContext, rb: LoadedRulebook, caps?: Pick<Capabilities, 'mergedAreas'>): Promise<OfficeReading> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/id');
  const structure = ctx.workbook.protection;
  structure.load('protected');
  await ctx.sync();
  const names = sheets.items.map((s) => s.name);
  const ids = new Map(sheets.items.map((s) => [s.id, s.name] as const));
  const request = readRequest(names, rb);

  const used = (name: string, props: string) => {
    const r = sheets.getItem(name).getUsedRangeOrNullObject();
    r.load(props);
    return r;
  };
  let metaRange: XRange | null = null;
  const strays = strayRecordSheets(names);
  let strayRanges: XRange[] = [];
  const summaries = new Map<string, XRange>();
  const merged = new Map<string, XMergedAreas>();
  let first = true;
  // The name-list sheets ride in the first stage's round trip: no sync of their own.
  let listRanges: Array<readonly [string, XRange]> = [];
  let lists: FormLists | null = null;
  const listsRead = (): FormLists =>
    // An empty list sheet has no used range: it is there (its list is empty), not absent.
    (lists ??= listsFrom(
      listRanges.map(([name, r]) => (r.isNullObject ? { sheet: name, cells: [] } : rangeSnapshot(name, r))),
      rb,
    ));
  const common = (stage: readonly string[]) => () => {
    // Queued again if the first sync had to be repeated (a response over the budget).
    if (first) {
      metaRange = request.meta ? used(request.meta, 'values,rowIndex') : null;
      strayRanges = strays.map((n) => used(n, 'values,rowIndex'));
      for (const n of request.summaries) summaries.set(n, used(n, 'values,numberFormat,rowIndex,columnIndex'));
      listRanges = request.lists.map((n) => [n, used(n, SNAPSHOT_PROPS)] as const);
    }
    if (caps?.mergedAreas)
      for (const n of stage) {
        const m = sheets.getItem(n).getRange().getMergedAreasOrNullObject();
        m.load('address');
        merged.set(n, m);
      }
  };
  let found: Reading['found'] = null;
  if (!request.stages.length) {
    common([])();
    await ctx.sync();
  }
  for (const stage of request.stages) {
    found = await readStage(ctx, stage, rb, common(stage), listsRead);
    first = false;
    if (found) break;
  }
  const meta0 = metaRange as XRange | null;

  // A forged sheet may hold any number of rows: the core reads the last few thousand only.
  const record = withStrays(recordOfRange(meta0), strayRanges.map(recordOfRange));
  const meta = summaryById(record.meta, ids);
  const byId = meta?.review?.summary?.sheetId !== undefined && ids.has(meta.review.summary.sheetId);
  const old = previousSummarySheet(meta, names, byId);
  // A summary renamed to a name that is not a summary's was not among the sheets read: one more sync for it.
  if (old && !summaries.has(old)) {
    summaries.set(old, used(old, 'values,numberFormat,rowIndex,columnIndex'));
    await ctx.sync();
  }
  const oldRange = old ? summaries.get(old) : undefined;
  const summary = oldRange && !oldRange.isNullObject ? oldRange : null;
  const areas = found ? merged.get(found.snapshot.sheet) : undefined;
  return {
    names,
    meta,
    found,
    merges: areas ? (areas.isNullObject ? [] : areaRanges(areas.address)) : null,
    summaryAt: summary ? (r, c) => cellAt(summary, r, c) : null,
    summaryFormatAt: summary ? (r, c) => formatAt(summary, r, c) : null,
    summaryById: byId,
    metaDamaged: record.damaged,
    record: { block: record.block ?? null, end: record.end ?? 0, stale: record.stale ?? [] },
    structureProtected: structure.protected,
    // A protected structure cannot delete them: then they are read again next time, which is harmless.
    strays: structure.protected || !request.meta ? [] : strays,
  };
}

/**
 * The summary is found by its sheet id (Worksheet.id survives a rename): the layout gets the sheet's name now. A
 * layout recorded without an id (the command line's, earlier versions') gets the id of the sheet of its name, so
 * the next record carries it.
 */
function summaryById(meta: WorkbookMeta | null, ids: ReadonlyMap<string, string>): WorkbookMeta | null {
  const layout = meta?.review?.summary;
  if (!meta?.review || !layout) return meta;
  let next = layout;
  if (layout.sheetId && ids.has(layout.sheetId)) next = { ...layout, sheet: ids.get(layout.sheetId)! };
  else if (!layout.sheetId) {
    const id = [...ids].find(([, name]) => name === layout.sheet)?.[0];
    if (id) next = { ...layout, sheetId: id };
  }
  return next === layout ? meta : { ...meta, review: { ...meta.review, summary: next } };
}

/** A cell's number format in a loaded range (null outside it). */
function formatAt(range: XRange, row: number, col: number): string | null {
  const f = range.numberFormat[row - range.rowIndex]?.[col - range.columnIndex];
  return typeof f === 'string' ? f : null;
}

/**
 * The notes on the previous summary's expert cells (people's: the tool writes none there), so a rebuilt summary
 * keeps them. One sync, and only when there is a previous summary the tool can prove it wrote.
 */
async function readSummaryNotes<R extends Reading>(ctx: XContext, reading: R, sheet: string | null): Promise<R> {
  const layout = reading.meta?.review?.summary;
  if (!sheet || !layout) return reading;
  const got = new Map<string, XNote>();
  for (const { row, col } of layoutInputs(layout)) {
    const a = `${quoteSheet(sheet)}!${toA1(row, col)}`;
    const n = ctx.workbook.notes.getItemOrNullObject(a);
    n.load('content');
    got.set(`${row},${col}`, n);
  }
  await ctx.sync();
  return {
    ...reading,
    summaryNoteAt: (r, c) => {
      const n = got.get(`${r},${c}`);
      return n && !n.isNullObject ? n.content : null;
    },
  };
}

function requireExamined(reading: Reading, rb: LoadedRulebook): Examined {
  // A monitoring form carries the application's codes too: recognised first and said, with its own verdict.
  const monitoring = examineMonitoring(reading, rb);
  if (monitoring)
    throw new OfficeError('monitoring-form', { year: String(monitoring.report.monitoringYear ?? '—'), 'zh-CN': monitoring.report.verdictText['zh-CN'], 'en-US': monitoring.report.verdictText['en-US'] });
  const examined = examine(reading, rb);
  if (!examined) throw new OfficeError('no-indicator-sheet', { sheets: sheetsForError(reading.names) });
  return examined;
}

/** What "检查本工作簿" checks: a monitoring form as one (R1–R6 and its verdict, the core's monitoring step), else the application. */
function examinedForCheck(reading: Reading, rb: LoadedRulebook): Examined<Review | MonitoringReview> {
  return examineMonitoringCheck(reading, rb) ?? requireExamined(reading, rb);
}

const rangeOf = (ctx: XContext, cell: string): XRange => {
  const p = parseQualified(cell);
  return ctx.workbook.worksheets.getItem(p.sheet).getRange(toA1(p.row, p.col));
};


/** A protection error on sheets the action had to unprotect: the password the tool was not given (or a wrong one). */
function passwordRefusal(e: unknown, locked: Locked): unknown {
  if (locked.length && !(e instanceof OfficeError) && isProtectionError(e)) return new OfficeError('sheet-protected', { sheet: locked.map((l) => l.name).join('、') }, { needsPassword: true });
  return e;
}

/** The record appended (src/office/record.ts), flushed with the action's writes; a protection failure said plainly. */
async function writeMeta(ctx: XContext, reading: Reading & { strays?: readonly string[] }, meta: WorkbookMeta, w: Writer, locked: Locked = []): Promise<void> {
  try {
    await writeRecord(ctx, reading, meta, w);
  } catch (e) {
    throw passwordRefusal(e, locked);
  }
}

/**
 * What the plan's first phase asked for — the fills and notes of the covered cells, the comments' ids, and the
 * protection of the sheets written to — in one sync; comments' places (which cells carry a thread) need their ids
 * first, so threaded-comment mode adds one.
 */
type Locked = Array<{ name: string; options: Record<string, boolean> }>;

async function readCovered(ctx: XContext, draft: FlagDraft): Promise<{ covered: Covered; notes: Map<string, XNote>; locked: Locked }> {
  const fills = new Map(
    draft.read.fills.map((cell) => {
      const f = rangeOf(ctx, cell).format.fill;
      f.load('color');
      return [cell, f] as const;
    }),
  );
  const notes = new Map(
    draft.read.notes.map((cell) => {
      const n = ctx.workbook.notes.getItemOrNullObject(cell);
      n.load('content');
      return [cell, n] as const;
    }),
  );
  if (draft.read.comments) ctx.workbook.comments.load('items/id');
  const protections = draft.sheets.map((name) => {
    const p = ctx.workbook.worksheets.getItem(name).protection;
    p.load('protected,options');
    return { name, p };
  });
  await ctx.sync();

  let comments: Covered['comments'];
  if (draft.read.comments) {
    const items: XComment[] = ctx.workbook.comments.items;
    // The places (no comment or note goes on someone else's thread) and, for the tool's own threads to lift,
    // whether anyone replied (a thread with replies is resolved, never deleted): one sync, only when threads exist.
    const located = (draft.flags.length || draft.restore.length ? items : []).map((c) => {
      const at = c.getLocation();
      at.load('address');
      return at;
    });
    const ours = new Set(draft.restore.flatMap((r) => (r.comment ? [r.comment] : [])));
    const replies = items
      .filter((c) => ours.has(c.id))
      .map((c) => {
        c.replies.load('items');
        return c;
      });
    if (located.length || replies.length) await ctx.sync();
    comments = {
      ids: new Set(items.map((c) => c.id)),
      at: located.map((at) => at.address.replace(/\$/g, '')),
      replied: new Set(replies.filter((c) => c.replies.items.length > 0).map((c) => c.id)),
    };
  }
  const cells = new Map<string, CellState>();
  for (const [cell, f] of fills) cells.set(cell, { fill: f.color });
  for (const [cell, n] of notes) cells.set(cell, { ...cells.get(cell), note: n.isNullObject ? null : n.content });
  return { covered: { cells, ...(comments ? { comments } : {}) }, notes, locked: protections.filter((x) => x.p.protected).map((x) => ({ name: x.name, options: x.p.options })) };
}

/** A thread to add: the cell and the explanation. */
type ThreadAdd = { cell: string; text: string };

/**
 * Applies the plan's cell writes, except the threads to add, which it returns: they are queued last (addThreads), so
 * a thread Excel refuses cannot keep any other write of the batch from being applied. `resolved` (ExcelApi 1.11) is
 * set only where this Excel has it; elsewhere a thread people replied to is left as it is (and said, thread-kept).
 */
async function applyWrites(ctx: XContext, writes: readonly CellWrite[], notes: Map<string, XNote>, w: Writer, caps: Pick<Capabilities, 'resolved'>): Promise<ThreadAdd[]> {
  const adds: ThreadAdd[] = [];
  for (const cw of writes) {
    const color = cw.fill;
    // Absent: a person changed the fill of the tool's flag; theirs stays.
    if (color !== undefined)
      await w.add(160, () => {
        const f = rangeOf(ctx, cw.cell).format.fill;
        if (color) f.color = color;
        else f.clear();
      });
    const value = cw.value;
    // The legend of flag colours: text written as text (the words are the tool's, never a formula); null clears.
    if (value !== undefined) await w.add(Writer.size(value ?? ''), () => (rangeOf(ctx, cw.cell).values = [[value ?? '']]));
    const note = cw.note;
    if (note) {
      const n = notes.get(cw.cell);
      if (note.kind === 'add') await w.add(Writer.size(note.text), () => ctx.workbook.notes.add(cw.cell, note.text));
      else if (note.kind === 'replace') await w.add(Writer.size(note.text), () => (n!.content = note.text));
      else await w.add(96, () => n!.delete());
    }
    const comment = cw.comment;
    if (comment) {
      if (comment.kind === 'add') adds.push({ cell: cw.cell, text: comment.text });
      else if (comment.kind === 'update') await w.add(Writer.size(comment.text), () => (ctx.workbook.comments.getItem(comment.id).content = comment.text));
      else if (comment.kind === 'resolve') {
        if (caps.resolved) await w.add(96, () => (ctx.workbook.comments.getItem(comment.id).resolved = true));
      } else await w.add(96, () => ctx.workbook.comments.getItem(comment.id).delete());
    }
  }
  return adds;
}

/** Queues the threads to add; their ids are known after the next sync. */
async function addThreads(ctx: XContext, adds: readonly ThreadAdd[], w: Writer): Promise<Map<string, XComment>> {
  const added = new Map<string, XComment>();
  for (const { cell, text } of adds)
    await w.add(Writer.size(text), () => {
      const c = ctx.workbook.comments.add(cell, text);
      c.load('id');
      added.set(cell, c);
    });
  return added;
}

/**
 * After a batch with threads to add failed with a code that is not protection: Excel applies a batch's commands in
 * order and stops at the one that fails, so every write before the threads went in, the threads before the refused
 * one too, and nothing after it (the protection put back last among them). This reads which of the threads are
 * there, takes the first missing one as refused — in Excel without notes, an applicant's legacy note on the cell,
 * which the API cannot see — and adds the rest, protecting the sheets again; a further refusal repeats it. Each
 * refused cell keeps its flag colour and its record (without a thread); its explanation is in the pane and the
 * summary. Returns every thread's id by cell, and the refused cells.
 */
async function settleThreads(
  ctx: XContext,
  failure: unknown,
  adds: readonly ThreadAdd[],
  known: ReadonlySet<string>,
  locked: Locked,
  password: string | undefined,
): Promise<{ ids: Map<string, string>; refused: string[] }> {
  const ids = new Map<string, string>();
  const refused: string[] = [];
  let pending = [...adds];
  let error = failure;
  for (;;) {
    const items = ctx.workbook.comments;
    items.load('items/id');
    const protections = locked.map((l) => {
      const p = ctx.workbook.worksheets.getItem(l.name).protection;
      p.load('protected');
      return { ...l, p };
    });
    await ctx.sync();
    const fresh = items.items.filter((c) => !known.has(c.id) && ![...ids.values()].includes(c.id));
    const places = fresh.map((c) => {
      const at = c.getLocation();
      at.load('address');
      return { c, at };
    });
    if (places.length) await ctx.sync();
    const wanted = new Map(pending.map((a) => [cellKey(a.cell), a] as const));
    for (const { c, at } of places) {
      const add = wanted.get(cellKey(at.address.replace(/\$/g, '')));
      if (add) ids.set(add.cell, c.id);
    }
    const missing = pending.filter((a) => !ids.has(a.cell));
    // Every thread is there: the failure was not one of them.
    if (!missing.length) throw error;
    refused.push(missing[0]!.cell);
    pending = missing.slice(1);
    const retry = new Map<string, XComment>();
    for (const a of pending) {
      const c = ctx.workbook.comments.add(a.cell, a.text);
      c.load('id');
      retry.set(a.cell, c);
    }
    for (const { name, options, p } of protections) if (p.protected === false) ctx.workbook.worksheets.getItem(name).protection.protect(options, password);
    try {
      await ctx.sync();
      for (const [cell, c] of retry) ids.set(cell, c.id);
      return { ids, refused };
    } catch (e) {
      if (isProtectionError(e)) throw passwordRefusal(e, locked);
      error = e;
    }
  }
}

/** Cells compared by position, whatever the quoting of their sheet name or the $ of an address. */
function cellKey(address: string): string {
  const p = parseQualified(address);
  return `${p.sheet}\u0000${p.row}\u0000${p.col}`;
}

/**
 * Protected sheets are unprotected around the writes (with the password the reviewer typed, if any: used for this
 * action only) and protected again with their own options and the same password.
 */
async function withUnprotected(ctx: XContext, locked: Locked, w: Writer, write: () => Promise<void>, password?: string): Promise<void> {
  for (const { name } of locked) await w.add(96, () => ctx.workbook.worksheets.getItem(name).protection.unprotect(password));
  await write();
  for (const { name, options } of locked) await w.add(200, () => ctx.workbook.worksheets.getItem(name).protection.protect(options, password));
}



/**
 * "检查本工作簿": review the indicator sheet and flag every failing cell in place, as the core's check plan says.
 * Syncs: 2 to read, 1 for the state of the cells the plan covers (and sheet protection), 1 to write (more only
 * past the payload budget); threaded comments add 2 (their places, then the new ids). When the flags cannot be
 * written (a password, a protected structure) the whole review comes back read-only, with the reason.
 */
export async function checkWorkbook(s: Session, opts: { checkedAt?: string; password?: string } = {}): Promise<CheckResult> {
  const { ctx, rb, lang, caps } = s;
  const reading = await readWorkbook(ctx, rb, caps);
  const draft = planCheck(reading, examinedForCheck(reading, rb), lang, caps.explanations);
  const { covered, notes, locked } = await readCovered(ctx, draft);
  const plan = finishCheck(reading, draft, covered, rb, lang, opts);
  const w = new Writer(ctx);
  let adds: ThreadAdd[] = [];
  let added = new Map<string, XComment>();
  let refused: string[] = [];
  const result = { report: plan.report, review: plan.review, sheet: plan.sheet, warnings: plan.warnings };
  const readOnly = (why: ReadOnly): CheckResult => ({ ...result, flagged: 0, restored: 0, readOnly: why });
  // Said before anything is written: flags without their record could never be lifted.
  if (reading.structureProtected && !reading.names.includes(META_SHEET)) return readOnly({ reason: 'workbook-protected' });
  try {
    await withUnprotected(
      ctx,
      locked,
      w,
      async () => {
        adds = await applyWrites(ctx, plan.writes, notes, w, caps);
        added = await addThreads(ctx, adds, w);
      },
      opts.password,
    );
    let meta = plan.meta;
    if (adds.length) {
      let ids: Map<string, string>;
      try {
        await w.flush();
        ids = new Map([...added].map(([cell, c]) => [cell, c.id]));
      } catch (e) {
        if (isProtectionError(e)) throw passwordRefusal(e, locked);
        ({ ids, refused } = await settleThreads(ctx, e, adds, covered.comments?.ids ?? new Set(), locked, opts.password));
      }
      meta = withCommentIds(meta, ids);
    }
    await writeMeta(ctx, reading, meta, w, locked);
  } catch (e) {
    // The review is whole even when the flags cannot be written: the pane shows it read-only.
    const refusal = passwordRefusal(e, locked);
    if (refusal instanceof OfficeError && refusal.code === 'sheet-protected') return readOnly({ reason: 'sheet-protected', sheet: String(refusal.params.sheet ?? ''), passwordTried: opts.password !== undefined });
    if (e instanceof OfficeError) throw new OfficeError(e.code, e.params, { ...e.extra, review: result });
    // Anything else failed halfway: the sheets the check unprotected are not left so.
    await protectAgain(ctx, locked, opts.password);
    throw e;
  }
  const warnings = refused.length ? [...plan.warnings, threadRefused(refused)] : plan.warnings;
  return { report: plan.report, review: plan.review, sheet: plan.sheet, flagged: plan.flagged, restored: plan.restored, warnings };
}

/** Best effort after a failed write: each sheet the action unprotected and that is still unprotected is protected again. */
async function protectAgain(ctx: XContext, locked: Locked, password: string | undefined): Promise<void> {
  if (!locked.length) return;
  try {
    const ps = locked.map((l) => {
      const p = ctx.workbook.worksheets.getItem(l.name).protection;
      p.load('protected');
      return { ...l, p };
    });
    await ctx.sync();
    for (const { name, options, p } of ps) if (!p.protected) ctx.workbook.worksheets.getItem(name).protection.protect(options, password);
    await ctx.sync();
  } catch {
    // The original failure is what the reviewer is told; this one would only hide it.
  }
}

/** Cells whose thread Excel refused (a few named, then how many more). */
function threadRefused(cells: string[]): WorkflowWarning {
  const shown = cells.slice(0, 10);
  if (cells.length > shown.length) shown.push(`… (${cells.length})`);
  return { code: 'thread-refused', params: { cells: shown } };
}

type SummaryResult = { report: Report; committee: CommitteeResult; sheet: string; warnings: WorkflowWarning[] };

/**
 * "写入评审汇总": rebuild the summary sheet from a fresh review, keeping every expert input. 3 syncs. A co-author's
 * sheet added or deleted between the read and the write fails the batch at its first command (the sheet adds come
 * first): read again, once. When what met the batch is a co-author's own first summary, not finished yet (its sheet
 * there, its record not: no summary the tool can prove it wrote), it is waited for (summaryRaced) and then updated
 * in place with this expert's work — never a second "评审汇总 (2)".
 */
export async function writeSummary(s: Session, opts: { experts?: string[]; checkedAt?: string; sourceFile?: string } = {}): Promise<SummaryResult> {
  let before: readonly string[] = [];
  return onceMoreOnRace((again) =>
    writeSummaryOnce(s, opts, async (reading) => {
      if (!again) {
        before = reading.names;
        return reading;
      }
      return summaryRaced(s, reading, before);
    }),
  );
}

/** Pauses (ms) before each read again of a co-author's first summary that is not finished yet: about 6 s in all. */
const RACE_WAITS = [200, 400, 800, 1600, 3200];
const pause = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/**
 * After a race: a summary sheet that was not there at the first read and that the tool cannot yet prove it wrote is
 * a co-author's first summary on its way (its record comes in its next batch). It is read again until it shows its
 * record and mark; if it never does, nothing is written and the expert is asked to try again (summary-busy).
 */
async function summaryRaced(s: Session, first: OfficeReading, before: readonly string[]): Promise<OfficeReading> {
  const isNew = (r: OfficeReading) => r.names.some((n) => isSummarySheet(n) && !before.includes(n));
  let reading = first;
  for (const ms of RACE_WAITS) {
    if (!isNew(reading) || requireExamined(reading, s.rb).summary) return reading;
    await pause(ms);
    reading = await readWorkbook(s.ctx, s.rb, s.caps);
  }
  if (!isNew(reading) || requireExamined(reading, s.rb).summary) return reading;
  throw new OfficeError('summary-busy', { sheet: reading.names.find((n) => isSummarySheet(n) && !before.includes(n)) ?? '' });
}

async function writeSummaryOnce(
  s: Session,
  opts: { experts?: string[]; checkedAt?: string; sourceFile?: string },
  settle: (reading: OfficeReading) => Promise<OfficeReading>,
): Promise<SummaryResult> {
  const { ctx, rb, lang, caps } = s;
  let reading: OfficeReading = await settle(await readWorkbook(ctx, rb, caps));
  const examined = requireExamined(reading, rb);
  if (caps.explanations === 'notes') reading = await readSummaryNotes(ctx, reading, examined.summary);
  const plan = planSummary(reading, examined, rb, lang, opts);
  const w = new Writer(ctx);
  let ws: XWorksheet;
  let meta = plan.meta;
  const place = inPlaceSteps(plan);
  if (place) {
    // In place: only the tool's block is rewritten (the steps and the cells written are WPS's too:
    // src/common/model-write.ts). Rows are inserted at its foot when it grows, so rows the committee added below
    // move down; threads, notes, images and references to the sheet stay.
    ws = ctx.workbook.worksheets.getItem(place.sheet);
    await w.add(96, () => ws.protection.unprotect());
    const grow = place.grow;
    if (grow) await w.add(96, () => ws.getRangeByIndexes(grow.at, 0, grow.rows, 16384).insert('Down'));
    await w.add(200, () => {
      const block = ws.getRangeByIndexes(0, 0, place.rows, place.width);
      block.unmerge();
      // Formats only: the values are written cell by cell below — the tool's own, never an expert cell it did not
      // change (a co-author's score typed since the read would be reverted by writing back what was read).
      block.clear('Formats');
      // Helper columns move with the experts: the block's columns are shown, then the model hides its own.
      ws.getRangeByIndexes(0, 0, 1, place.width).columnHidden = false;
    });
    for (const [r, c] of place.clear) await w.add(96, () => ws.getRangeByIndexes(r, c, 1, 1).clear('Contents'));
    // People's notes are on their cells already (Excel keeps them): none is added again.
    await renderModel(ws, plan.model, caps, w, undefined, place.keep);
  } else {
    if (reading.structureProtected) throw new OfficeError('workbook-protected', { sheet: plan.sheet });
    // 评分记录 with its header first (see addAuditSheet).
    if (!hasAuditSheet(reading.names)) await w.add(400, () => addAuditSheet(ctx, lang));
    await w.add(96, () => {
      ws = ctx.workbook.worksheets.add(plan.sheet);
      ws.load('id');
    });
    // Notes only where this Excel and its office.js have them (elsewhere `workbook.notes` is absent, or throws).
    await renderModel(ws!, plan.model, caps, w, caps.explanations === 'notes' ? ctx.workbook.notes : undefined);
    // The new sheet's id is known after this sync: the record keeps it, so a renamed summary is found.
    await w.flush();
    const layout = meta.review?.summary;
    if (meta.review && layout) meta = { ...meta, review: { ...meta.review, summary: { ...layout, sheetId: ws!.id } } };
  }
  await w.add(96, () => ws.activate());
  await writeMeta(ctx, reading, meta, w);
  return { report: plan.report, committee: plan.committee, sheet: plan.sheet, warnings: plan.warnings };
}

/** "清除标记": every flag goes, and each cell gets back the fill and note it had. */
export async function clearFlags(s: Session): Promise<number> {
  const { ctx, rb, lang, caps } = s;
  const reading = await readWorkbook(ctx, rb, caps);
  const draft = planClear(reading, caps.explanations);
  if (!draft) return 0;
  const { covered, notes, locked } = await readCovered(ctx, draft);
  const plan = finishClear(reading, draft, covered, lang);
  const w = new Writer(ctx);
  // A clear adds no thread: it deletes the tool's own, or resolves one people replied to.
  await withUnprotected(ctx, locked, w, async () => void (await applyWrites(ctx, plan.writes, notes, w, caps)));
  await writeMeta(ctx, reading, plan.meta, w, locked);
  return plan.restored;
}

/** "插入标准模板": the instructions and indicator sheets from the rulebook, added beside what the workbook has. */
export async function insertTemplate(s: Session, year: number): Promise<string> {
  const { ctx, rb, lang, caps } = s;
  const reading = await readWorkbook(ctx, rb);
  const plan = planTemplate(reading.names, reading.meta, rb, year, lang);
  // Detected before any sheet is added: a half-inserted template is worse than none.
  if (reading.structureProtected) throw new OfficeError('workbook-protected', { sheet: plan.sheets.map((m) => m.name).join('、') });
  const w = new Writer(ctx);
  let first: XWorksheet | undefined;
  for (const model of plan.sheets) {
    let ws: XWorksheet;
    await w.add(96, () => (ws = ctx.workbook.worksheets.add(model.name)));
    await renderModel(ws!, model, caps, w);
    if (model.name === plan.indicator) first = ws!;
  }
  if (first) await w.add(96, () => first!.activate());
  await writeMeta(ctx, reading, plan.meta, w);
  return plan.indicator;
}

/** Selects and scrolls to a finding's cell. One sync. */
export async function selectCell(ctx: XContext, address: string): Promise<void> {
  const p = parseQualified(address);
  const ws = ctx.workbook.worksheets.getItem(p.sheet);
  ws.activate();
  ws.getRange(toA1(p.row, p.col)).select();
  await ctx.sync();
}
