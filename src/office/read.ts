/**
 * Reading a workbook in Excel for the core's workflow (src/core/workflow): what `readRequest` asks for — sheet
 * names, each candidate sheet's extent with a window of it, bands beyond it, merged areas, the record (and record
 * sheets a merge renamed), the summary sheets and the notes on the summary's expert cells — in few syncs and
 * responses within the payload budget. Nothing here writes.
 */
import {
  layoutInputs,
  listsFrom,
  pickIndicatorSheet,
  reviewSnapshot,
  previousSummarySheet,
  readRequest,
  quoteSheet,
  toA1,
  type DuplicateReading,
  type LoadedRulebook,
  type Reading,
  type WorkbookMeta,
  type FormLists,
} from '../core/index.js';
import type { Capabilities } from './capabilities.js';
import { recordOfRange, strayRecordSheets, withStrays } from './record.js';
import { costOf, isPayloadError, outside, readBands, READ_BUDGET, type BandRequest, type CellProp, type Rect } from './bands.js';
import { areaRanges, cellAt, rangeSnapshot, SnapshotBuilder } from './snapshot.js';
import type { XContext, XMergedAreas, XNote, XRange } from './surface.js';

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
  const duplicates = duplicatesRead(meta, ids, summaries);
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
    ...(duplicates.length ? { duplicates } : {}),
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

/**
 * The duplicate summaries the record lists, found by their sheet ids, with the cells read with the summary sheets
 * (a duplicate renamed to a name that is not a summary's was not read: it is left alone). `beyond`: a value outside
 * the tool's block (a row or column someone added).
 */
function duplicatesRead(meta: WorkbookMeta | null, ids: ReadonlyMap<string, string>, ranges: ReadonlyMap<string, XRange>): DuplicateReading[] {
  const out: DuplicateReading[] = [];
  for (const layout of meta?.review?.duplicates ?? []) {
    const name = layout.sheetId ? ids.get(layout.sheetId) : undefined;
    const range = name ? ranges.get(name) : undefined;
    if (!name || !range || range.isNullObject) continue;
    const height = layout.height ?? Infinity;
    const width = layout.width ?? Infinity;
    let beyond = false;
    range.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== '' && (range.rowIndex + i >= height || range.columnIndex + j >= width)) beyond = true;
      }),
    );
    out.push({ layout: { ...layout, sheet: name }, at: (r, c) => cellAt(range, r, c), beyond });
  }
  return out;
}

/** A cell's number format in a loaded range (null outside it). */
function formatAt(range: XRange, row: number, col: number): string | null {
  const f = range.numberFormat[row - range.rowIndex]?.[col - range.columnIndex];
  return typeof f === 'string' ? f : null;
}

/**
 * What people left on duplicate summaries besides values, read before one is folded back: the notes on its expert
 * cells (where this Excel has notes) and whether a comment thread is on it (where it has threads) — a sheet with
 * either is someone's, and is kept. One sync, and only when there are duplicates; bounded by the workbook's threads.
 */
export async function readDuplicateExtras(ctx: XContext, duplicates: readonly DuplicateReading[], caps: Pick<Capabilities, 'explanations'>): Promise<DuplicateReading[]> {
  if (!duplicates.length || caps.explanations === 'none') return [...duplicates];
  const notes = duplicates.map((d) => {
    const got = new Map<string, XNote>();
    if (caps.explanations === 'notes')
      for (const { row, col } of layoutInputs(d.layout)) {
        const n = ctx.workbook.notes.getItemOrNullObject(`${quoteSheet(d.layout.sheet)}!${toA1(row, col)}`);
        n.load('content');
        got.set(`${row},${col}`, n);
      }
    return got;
  });
  const comments = ctx.workbook.comments;
  comments.load('items/id');
  await ctx.sync();
  const places = comments.items.slice(0, 2000).map((c) => {
    const at = c.getLocation();
    at.load('address');
    return at;
  });
  if (places.length) await ctx.sync();
  const sheetsWithThreads = new Set(places.map((p) => p.address.slice(0, p.address.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'")));
  return duplicates.map((d, i) => ({
    ...d,
    beyond: d.beyond || sheetsWithThreads.has(d.layout.sheet),
    noteAt: (r, c) => {
      const n = notes[i]!.get(`${r},${c}`);
      return n && !n.isNullObject ? n.content : null;
    },
  }));
}

/**
 * The notes on the previous summary's expert cells (people's: the tool writes none there), so a rebuilt summary
 * keeps them. One sync, and only when there is a previous summary the tool can prove it wrote.
 */
export async function readSummaryNotes<R extends Reading>(ctx: XContext, reading: R, sheet: string | null): Promise<R> {
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
