/**
 * The WPS adapter: reads the open workbook into the core's snapshot and applies the core's plans
 * (src/core/workflow), exactly as the Office.js adapter does in Excel — every decision (which sheet, which flags,
 * what to restore, what to record, what to warn about) is the core's, so findings, flags, summary and records are
 * the same in WPS 表格 as in Excel and from the command line. The object model is synchronous: these functions
 * return when WPS has done the work. Whole-range reads and writes keep the calls bounded by rows, not cells
 * (`npm run bench`).
 */
import {
  finishCheck,
  finishClear,
  parseQualified,
  listsFrom,
  pickIndicatorSheet,
  planCheck,
  planClear,
  planSummary,
  planTemplate,
  previousSummarySheet,
  readRequest,
  toA1,
  type CellState,
  type CellWrite,
  type CommitteeResult,
  type Covered,
  type FlagDraft,
  type Lang,
  type LoadedRulebook,
  type MonitoringReview,
  type Reading,
  type Report,
  type Review,
  type SparseSnapshot,
  type WorkflowWarning,
} from '../core/index.js';
// The pane shows one error type whichever host it runs in (codes, params, the review kept read-only).
import { OfficeError } from '../common/results.js';
import { examinedForCheck, requireExamined } from '../common/examine.js';
import { fromBgr, toBgr } from './colour.js';
import { writeRecord } from './record.js';
import { addNamedSheet, NameTaken } from './add-sheet.js';
import { recordFrom, sheetsByName } from './read.js';
import { addressChunks, rect, renderModel } from './render.js';
import { inPlaceSteps } from '../common/model-write.js';
import { gridCellAt, mergedAreas, sheetSnapshot } from './snapshot.js';
import { XL_DOWN, XL_NONE, type WApplication, type WRange, type WWorkbook, type WWorksheet } from './surface.js';

export { OfficeError as WorkbookError };

export interface WpsSession {
  app: WApplication;
  rb: LoadedRulebook;
  lang: Lang;
}

/** The open workbook; none open is said as a workbook without an indicator sheet (and no sheets). */
function workbookOf(app: WApplication): WWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new OfficeError('no-indicator-sheet', { sheets: [] });
  return wb;
}

export interface WpsReading extends Reading {
  sheets: Map<string, WWorksheet>;
}

/**
 * What the core asks for: the sheet names, the candidate sheets' used ranges stage by stage (and the merged areas
 * of the one picked), the record and the previous summary — each used range read whole.
 */
export function readWorkbook(app: WApplication, rb: LoadedRulebook): WpsReading {
  const sheets = sheetsByName(workbookOf(app));
  const names = [...sheets.keys()];
  const request = readRequest(names, rb);

  const record = recordFrom(request.meta ? (sheetSnapshot(sheets.get(request.meta)!, request.meta)?.grid ?? null) : null);
  const meta = record.meta;

  let found: Reading['found'] = null;
  // The name-list sheets (an empty one is there with an empty list, not absent).
  const lists = listsFrom(
    request.lists.map((n) => sheetSnapshot(sheets.get(n)!, n)?.snapshot ?? { sheet: n, cells: [] }),
    rb,
  );
  for (const stage of request.stages) {
    found = pickIndicatorSheet(
      (function* (): Generator<SparseSnapshot> {
        for (const name of stage) {
          const read = sheetSnapshot(sheets.get(name)!, name);
          if (!read) continue;
          yield read.snapshot;
        }
      })(),
      rb,
      lists,
    );
    if (found) break;
  }

  const old = previousSummarySheet(meta, names, false);
  const summary = old ? sheetSnapshot(sheets.get(old)!, old) : null;
  const formats = new Map((summary?.snapshot.entries ?? []).flatMap((e) => (e.cell.numberFormat ? [[`${e.row},${e.col}`, e.cell.numberFormat] as const] : [])));
  const sheet = found ? sheets.get(found.snapshot.sheet) : undefined;
  // Merged areas over the input cells only (indicator rows × year and value columns), as the core looks at them.
  const inputs = found?.review.inputs;
  const inputRows = inputs ? [...inputs.indicators.values()].flatMap((i) => (i.row === undefined ? [] : [i.row])) : [];
  const inputCols = inputs?.layout ? [...inputs.layout.yearCols.values(), inputs.layout.valueCol] : [];
  return {
    sheets,
    names,
    meta,
    found,
    merges: sheet ? mergedAreas(sheet, inputRows, inputCols) : null,
    summaryAt: summary ? (r, c) => gridCellAt(summary.grid, r, c) : null,
    summaryFormatAt: summary ? (r, c) => formats.get(`${r},${c}`) ?? null : null,
    summaryById: false,
    metaDamaged: record.damaged,
    record: { block: record.block ?? null, end: record.end ?? 0, stale: record.stale ?? [] },
  };
}

const cellOf = (reading: WpsReading, address: string): WRange => {
  const p = parseQualified(address);
  const ws = reading.sheets.get(p.sheet);
  if (!ws) throw new Error(`no sheet ${p.sheet}`);
  return ws.Range(toA1(p.row, p.col));
};

type Locked = Array<{ ws: WWorksheet; name: string; options: boolean[] }>;

/**
 * The covered cells' fills (BGR → "#RRGGBB"; no fill reports white, which the core records as none) and comments,
 * and the protection of the sheets written to: a few calls per flagged cell, none per row. WPS has no threaded
 * comments: its comments are Excel's notes.
 */
function readCovered(reading: WpsReading, draft: FlagDraft): { covered: Covered; locked: Locked } {
  const cells = new Map<string, CellState>();
  for (const cell of draft.read.fills) cells.set(cell, { fill: fromBgr(cellOf(reading, cell).Interior.Color) });
  for (const cell of draft.read.notes) {
    const c = cellOf(reading, cell).Comment;
    cells.set(cell, { ...cells.get(cell), note: c ? c.Text() : null });
  }
  const locked: Locked = [];
  for (const name of draft.sheets) {
    const ws = reading.sheets.get(name)!;
    if (!ws.ProtectContents) continue;
    const p = ws.Protection;
    locked.push({ ws, name, options: [p.AllowFormattingCells, p.AllowFormattingColumns, p.AllowFormattingRows, p.AllowInsertingRows, p.AllowDeletingRows] });
  }
  return { covered: { cells, ...(draft.read.comments ? { comments: { ids: new Set<string>(), at: [] } } : {}) }, locked };
}

function applyWrites(reading: WpsReading, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const r = cellOf(reading, w.cell);
    if (w.fill !== undefined) {
      if (w.fill) r.Interior.Color = toBgr(w.fill);
      else r.Interior.ColorIndex = XL_NONE;
    }
    // The legend of flag colours: its words written (null clears them).
    if (w.value !== undefined) {
      if (w.value === null) r.ClearContents();
      else r.Value2 = w.value;
    }
    const note = w.note;
    if (note?.kind === 'add') r.AddComment(note.text);
    else if (note?.kind === 'replace') r.Comment!.Text(note.text);
    else if (note?.kind === 'delete') r.Comment!.Delete();
  }
}

/**
 * Protected sheets are unprotected around the writes, with the reviewer's password if given (for this action only;
 * an empty one otherwise, so WPS raises instead of asking), and protected again with their options and password.
 */
function withUnprotected(locked: Locked, write: () => void, password?: string): void {
  const done: Locked = [];
  try {
    for (const l of locked) {
      l.ws.Unprotect(password ?? '');
      done.push(l);
    }
  } catch {
    for (const l of done) protect(l, password);
    throw new OfficeError('sheet-protected', { sheet: locked.map((l) => l.name).join('、') }, { needsPassword: true });
  }
  try {
    write();
  } finally {
    for (const l of locked) protect(l, password);
  }
}

function protect(l: Locked[number], password?: string): void {
  const [cells, cols, rows, insRows, delRows] = l.options;
  l.ws.Protect(password ?? '', true, true, true, false, cells, cols, rows, false, insRows, false, false, delRows);
}

/** "检查本工作簿": review the indicator sheet and flag every failing cell in place, as the core's check plan says. */
export function checkWorkbook(
  s: WpsSession,
  opts: { checkedAt?: string; password?: string } = {},
): { report: Report; review: Review | MonitoringReview; sheet: string; flagged: number; restored: number; warnings: WorkflowWarning[] } {
  const { app, rb, lang } = s;
  const reading = readWorkbook(app, rb);
  // A monitoring form is checked as one (R1–R6, its verdict), flagged by the same plan as an application.
  const examined = examinedForCheck(reading, rb);
  const draft = planCheck(reading, examined, lang, 'notes');
  const { covered, locked } = readCovered(reading, draft);
  const plan = finishCheck(reading, draft, covered, rb, lang, opts);
  try {
    withUnprotected(locked, () => applyWrites(reading, plan.writes), opts.password);
  } catch (e) {
    // The review is whole even when the flags cannot be written: the pane shows it read-only.
    if (e instanceof OfficeError) throw new OfficeError(e.code, e.params, { ...e.extra, review: { report: plan.report, review: plan.review, sheet: plan.sheet, warnings: plan.warnings } });
    throw e;
  }
  writeRecord(app, workbookOf(app), reading, plan.meta);
  return { report: plan.report, review: plan.review, sheet: plan.sheet, flagged: plan.flagged, restored: plan.restored, warnings: plan.warnings };
}

/**
 * "写入评审汇总": rebuild the summary sheet from a fresh review, keeping every expert input. Two users adding the first
 * summary at once: WPS delivers the other's 评审汇总 between two calls, so naming the sheet this write added raises
 * (the name is taken). That sheet, still empty, is deleted and the workbook read again, once: the other's summary,
 * when its record has come too, is then updated in place with this expert's work — as the Office adapter does —
 * never a second "评审汇总 (2)"; when it has not (the other's write is still under way), nothing is written and the
 * expert is asked to try again (summary-busy).
 */
export function writeSummary(
  s: WpsSession,
  opts: { experts?: string[]; checkedAt?: string; sourceFile?: string } = {},
): { report: Report; committee: CommitteeResult; sheet: string; warnings: WorkflowWarning[] } {
  try {
    return writeSummaryOnce(s, opts, null);
  } catch (e) {
    if (!(e instanceof NameTaken)) throw e;
    return writeSummaryOnce(s, opts, e.sheet);
  }
}

function writeSummaryOnce(
  s: WpsSession,
  opts: { experts?: string[]; checkedAt?: string; sourceFile?: string },
  /** After a race: the name the other's sheet took. */
  raced: string | null,
): { report: Report; committee: CommitteeResult; sheet: string; warnings: WorkflowWarning[] } {
  const { app, rb, lang } = s;
  const wb = workbookOf(app);
  const reading = readWorkbook(app, rb);
  const plan = planSummary(reading, requireExamined(reading, rb), rb, lang, opts);
  const place = inPlaceSteps(plan);
  // After a race, only the other's summary updated in place will do: one the tool cannot prove it wrote yet is theirs
  // on its way (its record comes next), and is left alone.
  if (raced !== null && !place) throw new OfficeError('summary-busy', { sheet: raced });
  let ws: WWorksheet;
  if (place) {
    // In place, as in Excel (src/common/model-write.ts): rows inserted at the block's foot when it grows, so what
    // the committee added below moves down; the block's merges and formats cleared, never its values — only the
    // cells the model no longer writes are cleared, and the expert cells kept are not written, so what another
    // expert typed meanwhile (WPS co-editing) stands. Comments (people's notes) stay on their cells.
    ws = reading.sheets.get(place.sheet)!;
    ws.Unprotect('');
    if (place.grow) ws.Range(rect(place.grow.at, 0, place.grow.rows, 1)).EntireRow.Insert(XL_DOWN);
    const block = ws.Range(rect(0, 0, place.rows, place.width));
    block.UnMerge();
    block.ClearFormats();
    ws.Range(rect(0, 0, 1, place.width)).EntireColumn.Hidden = false;
    for (const a of addressChunks(place.clear.map(([r, c]) => toA1(r, c)))) ws.Range(a).ClearContents();
    renderModel(app, ws, plan.model, { keep: place.keep });
  } else {
    ws = addNamedSheet(wb, plan.sheet);
    renderModel(app, ws, plan.model, { notes: true });
  }
  ws.Activate();
  writeRecord(app, wb, reading, plan.meta);
  return { report: plan.report, committee: plan.committee, sheet: plan.sheet, warnings: plan.warnings };
}

/** "清除标记": every flag goes, and each cell gets back the fill and comment it had. */
export function clearFlags(s: WpsSession, opts: { password?: string } = {}): number {
  const { app, rb, lang } = s;
  const reading = readWorkbook(app, rb);
  const draft = planClear(reading, 'notes');
  if (!draft) return 0;
  const { covered, locked } = readCovered(reading, draft);
  const plan = finishClear(reading, draft, covered, lang);
  withUnprotected(locked, () => applyWrites(reading, plan.writes), opts.password);
  writeRecord(app, workbookOf(app), reading, plan.meta);
  return plan.restored;
}

/** "插入标准模板": the instructions and indicator sheets from the rulebook, added after the workbook's own. */
export function insertTemplate(s: WpsSession, year: number): string {
  const { app, rb, lang } = s;
  const wb = workbookOf(app);
  const reading = readWorkbook(app, rb);
  const plan = planTemplate(reading.names, reading.meta, rb, year, lang);
  let first: WWorksheet | undefined;
  for (const model of plan.sheets) {
    const ws = wb.Worksheets.Add(undefined, wb.Worksheets.Item(wb.Worksheets.Count));
    ws.Name = model.name;
    renderModel(app, ws, model);
    if (model.name === plan.indicator) first = ws;
  }
  first?.Activate();
  writeRecord(app, wb, { ...reading, names: [...reading.names, ...plan.sheets.map((m) => m.name)] }, plan.meta);
  return plan.indicator;
}

/** Shows a finding's cell: its sheet in front, the cell selected (WPS selects only on the sheet in front). */
export function selectCell(app: WApplication, address: string): void {
  const p = parseQualified(address);
  const ws = workbookOf(app).Worksheets.Item(p.sheet);
  ws.Activate();
  ws.Range(toA1(p.row, p.col)).Select();
}
