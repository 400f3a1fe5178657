/**
 * The Office.js adapter: the only code that touches Excel. Reads in two round trips (workbook information, then
 * every used range it needs), reviews with the core, and writes flags, the summary and the template from the
 * core's models through the Writer — a small, fixed number of syncs whatever the sheet's size.
 */
import {
  buildReport,
  flagNote,
  flagPlan,
  freeSheetName,
  INDICATOR_SHEET,
  isOwnNote,
  META_SHEET,
  metaModel,
  nextMeta,
  parseMeta,
  parseQualified,
  pickIndicatorSheet,
  quoteSheet,
  readPreserved,
  reflag,
  summaryModel,
  isSummarySheet,
  templateModels,
  toA1,
  type CommitteeResult,
  type FlagRecord,
  type Lang,
  type LoadedRulebook,
  type Report,
  type Review,
  type SheetModel,
  type WorkbookMeta,
} from '../core/index.js';
import type { Capabilities } from './capabilities.js';
import { renderModel } from './render.js';
import { cellAt, rangeSnapshot } from './snapshot.js';
import type { XComment, XContext, XNote, XRange, XWorksheet } from './surface.js';
import { Writer } from './writer.js';

export interface Session {
  ctx: XContext;
  rb: LoadedRulebook;
  lang: Lang;
  caps: Capabilities;
}

/** A problem with the workbook as a whole, shown in the pane as a plain message (never a stack trace). */
export class OfficeError extends Error {
  constructor(
    readonly code: 'no-indicator-sheet' | 'sheet-protected',
    readonly params: Record<string, string | string[]> = {},
  ) {
    super(code);
    this.name = 'OfficeError';
  }
}

export interface WorkbookRead {
  names: string[];
  meta: WorkbookMeta | null;
  found: { sheet: string; review: Review } | null;
  /** The previous summary's used range, when there is one. */
  summary: XRange | null;
}

/** Two syncs: sheet names; then the indicator sheet's (or every candidate's) used range, the metadata and the summary. */
export async function readWorkbook(ctx: XContext, rb: LoadedRulebook): Promise<WorkbookRead> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const names = sheets.items.map((s) => s.name);

  const used = (name: string, props: string) => {
    const r = sheets.getItem(name).getUsedRangeOrNullObject();
    r.load(props);
    return r;
  };
  const metaRange = names.includes(META_SHEET) ? used(META_SHEET, 'values') : null;
  const summaryNames = names.filter(isSummarySheet);
  const candidates = names.includes(INDICATOR_SHEET) ? [INDICATOR_SHEET] : names.filter((n) => n !== META_SHEET && !summaryNames.includes(n));
  const ranges = candidates.map((n) => [n, used(n, 'values,numberFormat,formulas,rowIndex,columnIndex')] as const);
  const summaries = new Map(summaryNames.map((n) => [n, used(n, 'values,rowIndex,columnIndex')]));
  await ctx.sync();

  const meta = metaRange && !metaRange.isNullObject ? parseMeta(metaRange.values.map((r) => [r[0], r[1]] as [unknown, unknown])) : null;
  const pick = (list: ReadonlyArray<readonly [string, XRange]>) =>
    pickIndicatorSheet(
      (function* () {
        for (const [name, r] of list) if (!r.isNullObject) yield rangeSnapshot(name, r);
      })(),
      rb,
    );
  let found = pick(ranges);
  if (!found && names.includes(INDICATOR_SHEET)) {
    // A sheet named 指标表 without indicator codes: look at the others too (one more sync, only in this case).
    const others = names.filter((n) => n !== INDICATOR_SHEET && n !== META_SHEET && !summaryNames.includes(n));
    if (others.length) {
      const more = others.map((n) => [n, used(n, 'values,numberFormat,formulas,rowIndex,columnIndex')] as const);
      await ctx.sync();
      found = pick(more);
    }
  }
  const layout = meta?.review?.summary;
  const summary = layout ? (summaries.get(layout.sheet) ?? null) : null;
  return {
    names,
    meta,
    found: found && { sheet: found.snapshot.sheet, review: found.review },
    summary: summary && !summary.isNullObject ? summary : null,
  };
}

function requireSheet(read: WorkbookRead): { sheet: string; review: Review } {
  if (!read.found) throw new OfficeError('no-indicator-sheet', { sheets: read.names.filter((n) => n !== META_SHEET) });
  return read.found;
}

const stamp = (rb: LoadedRulebook) => ({ id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint });

/** "#RRGGBB" from what a record holds: our own colour string, or an ExcelJS fill object (a copy flagged by the CLI). */
function recordedColor(fill: unknown): string | null {
  if (typeof fill === 'string') return /^#[0-9a-f]{6}$/i.test(fill) ? fill.toUpperCase() : null;
  const argb = (fill as { fgColor?: { argb?: string } } | null)?.fgColor?.argb;
  return typeof argb === 'string' && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** Puts a flagged cell back: its recorded fill, its own note (or none), and no comment of ours. */
async function restoreCell(ctx: XContext, rec: FlagRecord, note: XNote | undefined, commentIds: Set<string>, w: Writer): Promise<void> {
  const p = parseQualified(rec.cell);
  const color = recordedColor(rec.fill);
  await w.add(160, () => {
    const f = ctx.workbook.worksheets.getItem(p.sheet).getRange(toA1(p.row, p.col)).format.fill;
    if (color) f.color = color;
    else f.clear();
  });
  if (note && !note.isNullObject) await w.add(Writer.size(rec.note), () => (rec.note ? (note.content = rec.note) : note.delete()));
  if (rec.comment && commentIds.has(rec.comment)) await w.add(96, () => ctx.workbook.comments.getItem(rec.comment!).delete());
}

/** The metadata sheet written from its model, replacing what was there. */
async function writeMeta(ctx: XContext, names: string[], meta: WorkbookMeta, caps: Capabilities, w: Writer): Promise<void> {
  const model = metaModel(meta);
  let ws: XWorksheet;
  if (names.includes(META_SHEET)) {
    ws = ctx.workbook.worksheets.getItem(META_SHEET);
    await w.add(96, () => ws.getRange().clear());
    model.state = undefined;
  } else {
    await w.add(96, () => (ws = ctx.workbook.worksheets.add(META_SHEET)));
    names.push(META_SHEET);
  }
  await renderModel(ws!, model, caps, w);
}

/** Sheets whose protection must be lifted for the tool to format them, then put back (password-free only). */
async function withUnprotected(ctx: XContext, sheets: string[], w: Writer, write: () => Promise<void>): Promise<string[]> {
  const list = sheets.map((name) => {
    const p = ctx.workbook.worksheets.getItem(name).protection;
    p.load('protected');
    return { name, p };
  });
  await ctx.sync();
  const locked = list.filter((x) => x.p.protected).map((x) => x.name);
  for (const name of locked) await w.add(96, () => ctx.workbook.worksheets.getItem(name).protection.unprotect());
  await write();
  for (const name of locked)
    await w.add(200, () =>
      ctx.workbook.worksheets.getItem(name).protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowFormatCells: false, allowInsertRows: false, allowDeleteRows: false }),
    );
  return locked;
}

/** The last write; a failure on a sheet that had to be unprotected is a password the tool does not have. */
async function flushWrites(w: Writer, locked: string[]): Promise<void> {
  try {
    await w.flush();
  } catch (e) {
    if (locked.length) throw new OfficeError('sheet-protected', { sheet: locked.join('、') });
    throw e;
  }
}

/**
 * "检查本工作簿": review the indicator sheet and flag every failing cell in place. Syncs: 2 to read, 1 to read
 * the fills and notes the flags will cover (and sheet protection), 1 to write (more only past the payload budget);
 * threaded comments add 2 (their ids and places, then the new ids).
 */
export async function checkWorkbook(s: Session, opts: { checkedAt?: string } = {}): Promise<{ report: Report; review: Review; sheet: string; flagged: number; restored: number }> {
  const { ctx, rb, lang, caps } = s;
  const read = await readWorkbook(ctx, rb);
  const { sheet, review } = requireSheet(read);
  const report = buildReport(review, rb);
  const plan = flagPlan(report, lang);
  const { restore, apply } = reflag(read.meta?.review?.flags ?? [], plan);

  // What the new flags cover: fills of cells not flagged before; notes (or comments) of every cell involved.
  const rangeOf = (cell: string) => {
    const p = parseQualified(cell);
    return ctx.workbook.worksheets.getItem(p.sheet).getRange(toA1(p.row, p.col));
  };
  const fills = new Map<string, { color: string }>();
  for (const { flag, previous } of apply)
    if (!previous) {
      const f = rangeOf(flag.cell).format.fill;
      f.load('color');
      fills.set(flag.cell, f);
    }
  const notes = new Map<string, XNote>();
  let comments: XComment[] = [];
  if (caps.explanations === 'notes')
    for (const cell of [...restore.map((r) => r.cell), ...apply.map((a) => a.flag.cell)]) {
      const n = ctx.workbook.notes.getItemOrNullObject(cell);
      n.load('content');
      notes.set(cell, n);
    }
  if (caps.explanations === 'comments') ctx.workbook.comments.load('items/id');
  const sheetsTouched = [...new Set([...restore.map((r) => parseQualified(r.cell).sheet), ...apply.map((a) => parseQualified(a.flag.cell).sheet)])].filter((n) =>
    read.names.includes(n),
  );
  const w = new Writer(ctx);
  const records: FlagRecord[] = [];
  const commented = new Map<string, XComment>();
  // The comments' places (which cells already carry a thread) need their ids first.
  let located: Array<{ c: XComment; at: XRange }> = [];
  const locked = await withUnprotected(ctx, sheetsTouched, w, async () => {
    if (caps.explanations === 'comments') {
      comments = ctx.workbook.comments.items;
      located = comments.map((c) => {
        const at = c.getLocation();
        at.load('address');
        return { c, at };
      });
      await ctx.sync();
    }
    const ids = new Set(comments.map((c) => c.id));
    const threadAt = new Set(located.map(({ at }) => at.address.replace(/\$/g, '')));
    const plain = (cell: string) => {
      const p = parseQualified(cell);
      return `${quoteSheet(p.sheet)}!${toA1(p.row, p.col)}`;
    };

    for (const rec of restore) if (read.names.includes(parseQualified(rec.cell).sheet)) await restoreCell(ctx, rec, notes.get(rec.cell), ids, w);
    for (const { flag, previous } of apply) {
      const covered = fills.get(flag.cell)?.color;
      const n = notes.get(flag.cell);
      const existing = n && !n.isNullObject ? n.content : null;
      const original = previous ? previous.note : isOwnNote(existing) ? null : existing;
      // Excel reports "no fill" as white; restoring white-as-none looks the same and keeps no fill.
      const fill = previous ? previous.fill : covered && covered.toUpperCase() !== '#FFFFFF' ? covered.toUpperCase() : null;
      const rec: FlagRecord = { cell: flag.cell, fill, note: original };
      records.push(rec);
      const text = flagNote(flag, original, lang);
      await w.add(160, () => (rangeOf(flag.cell).format.fill.color = flag.fill));
      if (caps.explanations === 'notes') await w.add(Writer.size(text), () => (n && !n.isNullObject ? (n.content = text) : ctx.workbook.notes.add(flag.cell, text)));
      if (caps.explanations === 'comments') {
        if (previous?.comment && ids.has(previous.comment)) {
          rec.comment = previous.comment;
          await w.add(Writer.size(text), () => (ctx.workbook.comments.getItem(previous.comment!).content = text));
        } else if (!threadAt.has(plain(flag.cell))) {
          // A cell that already carries someone's thread keeps it; the explanation stays in the summary and pane.
          await w.add(Writer.size(text), () => {
            const c = ctx.workbook.comments.add(flag.cell, text);
            c.load('id');
            commented.set(flag.cell, c);
          });
        }
      }
    }
  });
  if (commented.size) {
    await flushWrites(w, locked);
    for (const rec of records) {
      const c = commented.get(rec.cell);
      if (c) rec.comment = c.id;
    }
  }
  await writeMeta(ctx, read.names, nextMeta(read.meta, { rulebook: stamp(rb), verdict: report.verdict, ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}), flags: records }), caps, w);
  await flushWrites(w, locked);
  return { report, review, sheet, flagged: plan.length, restored: restore.length };
}

/** "写入评审汇总": rebuild the summary sheet from a fresh review, keeping every expert input. 3 syncs. */
export async function writeSummary(s: Session, opts: { experts?: string[]; checkedAt?: string; sourceFile?: string } = {}): Promise<{ report: Report; committee: CommitteeResult; sheet: string }> {
  const { ctx, rb, lang, caps } = s;
  const read = await readWorkbook(ctx, rb);
  const { review } = requireSheet(read);
  const report = buildReport(review, rb);
  const layout = read.meta?.review?.summary;
  const preserved = layout && read.summary ? readPreserved(layout, (r, c) => cellAt(read.summary, r, c)) : null;
  const summary = summaryModel({
    report,
    rb,
    lang,
    experts: opts.experts ?? [],
    preserved,
    checkedAt: opts.checkedAt,
    sourceFile: opts.sourceFile,
    templateRulebook: read.meta?.template?.rulebook ?? null,
  });
  const w = new Writer(ctx);
  const names = [...read.names];
  const old = layout && names.includes(layout.sheet) ? layout.sheet : null;
  if (old) {
    await w.add(96, () => ctx.workbook.worksheets.getItem(old).delete());
    names.splice(names.indexOf(old), 1);
  }
  const name = freeSheetName(summary.model.name, (n) => names.includes(n));
  summary.model.name = name;
  summary.layout.sheet = name;
  let ws: XWorksheet;
  await w.add(96, () => (ws = ctx.workbook.worksheets.add(name)));
  names.push(name);
  await renderModel(ws!, summary.model, caps, w);
  await writeMeta(ctx, names, nextMeta(read.meta, { rulebook: stamp(rb), verdict: report.verdict, ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}), summary: summary.layout }), caps, w);
  await w.add(96, () => ws.activate());
  await w.flush();
  return { report, committee: summary.committee, sheet: name };
}

/** "清除标记": every flag goes, and each cell gets back the fill and note it had. */
export async function clearFlags(s: Session): Promise<number> {
  const { ctx, rb, caps } = s;
  const read = await readWorkbook(ctx, rb);
  const flags = read.meta?.review?.flags ?? [];
  if (!flags.length || !read.meta?.review) return 0;
  const live = flags.filter((r) => read.names.includes(parseQualified(r.cell).sheet));
  const notes = new Map<string, XNote>();
  if (caps.explanations === 'notes')
    for (const r of live) {
      const n = ctx.workbook.notes.getItemOrNullObject(r.cell);
      n.load('content');
      notes.set(r.cell, n);
    }
  if (caps.explanations === 'comments') ctx.workbook.comments.load('items/id');
  const w = new Writer(ctx);
  const locked = await withUnprotected(ctx, [...new Set(live.map((r) => parseQualified(r.cell).sheet))], w, async () => {
    const ids = caps.explanations === 'comments' ? new Set(ctx.workbook.comments.items.map((c) => c.id)) : new Set<string>();
    for (const rec of live) await restoreCell(ctx, rec, notes.get(rec.cell), ids, w);
  });
  const r = read.meta.review;
  await writeMeta(ctx, read.names, nextMeta(read.meta, { rulebook: r.rulebook, verdict: r.verdict, flags: [] }), caps, w);
  await flushWrites(w, locked);
  return live.length;
}

/** "插入标准模板": the instructions and indicator sheets from the rulebook, added beside what the workbook has. */
export async function insertTemplate(s: Session, year: number): Promise<string> {
  const { ctx, rb, lang, caps } = s;
  const read = await readWorkbook(ctx, rb);
  const { sheets, meta } = templateModels(rb, year, lang);
  const w = new Writer(ctx);
  const names = [...read.names];
  let indicator = INDICATOR_SHEET;
  let first: XWorksheet | undefined;
  for (const model of sheets as SheetModel[]) {
    const name = freeSheetName(model.name, (n) => names.includes(n));
    if (model.name === INDICATOR_SHEET) indicator = name;
    let ws: XWorksheet;
    await w.add(96, () => (ws = ctx.workbook.worksheets.add(name)));
    names.push(name);
    await renderModel(ws!, { ...model, name }, caps, w);
    if (model.name === INDICATOR_SHEET) first = ws!;
  }
  await writeMeta(ctx, names, { ...(read.meta ?? meta), template: meta.template }, caps, w);
  if (first) await w.add(96, () => first!.activate());
  await w.flush();
  return indicator;
}

/** Selects and scrolls to a finding's cell. One sync. */
export async function selectCell(ctx: XContext, address: string): Promise<void> {
  const p = parseQualified(address);
  const ws = ctx.workbook.worksheets.getItem(p.sheet);
  ws.activate();
  ws.getRange(toA1(p.row, p.col)).select();
  await ctx.sync();
}
