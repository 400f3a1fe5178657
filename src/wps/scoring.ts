/**
 * Scoring in the pane, the WPS side: the same reads and writes as the Office.js side (src/office/scoring.ts) in
 * WPS's synchronous object model. It reads the summary (评审汇总, found by its name: WPS sheets have no id that
 * survives a rename), the workbook's 评分记录, and writes one expert's entry. Every decision is the core's
 * (src/core/committee/pane.ts): what the cells mean, whether an entry is a conflict, what to write and record —
 * so the cells and 评分记录 are the same as in Excel for the same entries.
 *
 * What WPS does not give the pane: threaded comments (its comments are Excel's notes, so "讨论" is not offered) and
 * change events the pane relies on (the pane refreshes when asked: WPS's event API, `ApiEvent.AddApiEventListener`,
 * is not used here, as it could not be verified without a real WPS). A sheet's id is its name in this adapter.
 *
 * Conflicts work as in Excel: the value read just before the write is compared with what the pane showed; WPS runs
 * the read and the write in one synchronous call, so nothing can come between them on this machine.
 */
import { auditHeader, auditRowCells } from '../core/committee/audit-sheet.js';
import { AUDIT_SHEET_NAMES, summaryApplication } from '../core/committee/pane-summary.js';
import { itemCell, itemKey, paneState, planScore, type PaneEntry } from '../core/committee/pane.js';
import { META_SHEET, previousSummarySheet, quoteSheet, summaryShowsMark, toA1, type CellValue, type Lang, type LoadedRulebook, type Verdict } from '../core/index.js';
import { t } from '../core/text/index.js';
import type { EntryResult, ScoringProblem, ScoringView } from '../common/results.js';
import { literal } from '../common/cells.js';
import { withSheetUnprotected } from './protection.js';
import { recordOf, rowsFrom, sheetsByName, usedValues, valueAt } from './read.js';
import { addNamedSheet, NameTaken } from './add-sheet.js';
import { rect } from './render.js';
import type { WApplication, WWorkbook, WWorksheet } from './surface.js';

/** 评分记录's rows below its header (row 1), from column A. */
const auditBody = (ws: WWorksheet | undefined): CellValue[][] => (ws ? rowsFrom(usedValues(ws), 1) : []);

const auditSheet = (sheets: Map<string, WWorksheet>): string | null => AUDIT_SHEET_NAMES.find((n) => sheets.has(n)) ?? null;

/**
 * The scoring view: the summary through its recorded layout, 评分记录; no threads. The reason instead when the
 * workbook has no summary the tool provably wrote.
 */
export function readScoring(app: WApplication, rb: LoadedRulebook): ScoringView | ScoringProblem {
  const wb = app.ActiveWorkbook;
  if (!wb) return 'no-summary';
  const sheets = sheetsByName(wb);
  const metaWs = sheets.get(META_SHEET);
  if (!metaWs) return 'no-summary';
  const record = recordOf(metaWs).meta;
  const layout = record?.review?.summary;
  const sheet = previousSummarySheet(record, [...sheets.keys()]);
  if (!record?.review || !layout || !sheet) return 'no-summary';
  const summary = usedValues(sheets.get(sheet)!);
  if (!summary) return 'no-summary';
  const at = (r: number, c: number) => valueAt(summary, r, c);
  if (!summaryShowsMark(layout, at)) return 'not-trusted';
  const audit = auditSheet(sheets);
  const verdict = record.review.verdict as Verdict;
  return {
    layout: { ...layout, sheet },
    sheetId: sheet,
    sheet,
    auditId: audit,
    verdict,
    application: summaryApplication(layout, at),
    state: paneState(layout, at, auditBody(audit ? sheets.get(audit) : undefined), rb, verdict),
    threads: null,
  };
}

/** A cell's value as written: a score as its number; text kept text (an apostrophe before "=", "+", "-", "@"). */
const cellText = (v: CellValue): string | number | boolean => (v === null ? '' : (literal(v) ?? ''));

/** Writes rows as text (NumberFormat "@" first, so "=…" or "001" stay what they are), in one 2-D write. */
function writeTextRows(ws: WWorksheet, row: number, rows: CellValue[][]): void {
  const r = ws.Range(rect(row, 0, rows.length, rows[0]!.length));
  r.NumberFormat = '@';
  r.Value2 = rows.map((line) => line.map((v) => (v === null ? '' : v)));
}

/** 评分记录's header frozen as in Excel: WPS freezes through the window, on the sheet in front. */
function freezeHeader(app: WApplication, ws: WWorksheet): void {
  ws.Activate();
  const win = app.ActiveWindow;
  if (!win) return;
  win.SplitColumn = 0;
  win.SplitRow = 1;
  win.FreezePanes = true;
}

/** Appends one row to 评分记录 (started, with its header, when the workbook has none); the sheet in front stays. */
function appendAudit(app: WApplication, wb: WWorkbook, sheets: Map<string, WWorksheet>, lang: Lang, row: CellValue[]): void {
  const name = auditSheet(sheets);
  const existing = name ? sheets.get(name)! : null;
  const used = existing ? usedValues(existing) : null;
  if (existing && used) {
    writeTextRows(existing, used.row + used.values.length, [row]);
    return;
  }
  // Adding a sheet (or freezing one) brings it to the front: the sheet the expert was on is brought back.
  const front = app.ActiveSheet;
  let ws = existing;
  if (!ws) {
    try {
      ws = addNamedSheet(wb, t('committee.audit.sheet', lang));
    } catch (e) {
      if (!(e instanceof NameTaken)) throw e;
      // Another expert's first entry added 评分记录 at once (WPS delivered it between two calls): the row goes below theirs.
      front?.Activate();
      const theirs = wb.Worksheets.Item(e.sheet);
      const now = usedValues(theirs);
      writeTextRows(theirs, now ? now.row + now.values.length : 0, now ? [row] : [auditHeader(lang), row]);
      return;
    }
  }
  writeTextRows(ws, 0, [auditHeader(lang), row]);
  freezeHeader(app, ws);
  front?.Activate();
}

/**
 * One entry by one expert: reads what the cell (and 评分记录, for texts) holds now, lets the core decide, and
 * writes the cell, appends to 评分记录 and sets the comment (texts) — or returns the conflict, never overwriting a
 * value changed since the pane showed it.
 */
export function enterScore(
  app: WApplication,
  view: ScoringView,
  rb: LoadedRulebook,
  lang: Lang,
  entry: PaneEntry,
): EntryResult {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('no workbook');
  const { layout } = view;
  const sheets = sheetsByName(wb);
  const ws = sheets.get(view.sheet);
  if (!ws) throw new Error(`no sheet ${view.sheet}`);
  const cell = itemCell(layout, entry.expert, entry.item);
  const target = cell ? ws.Range(toA1(cell.row, cell.col)) : null;

  let current: CellValue;
  if (target && cell) {
    const v = target.Value2;
    current = v === undefined || v === '' ? null : (v as CellValue);
  } else {
    const name = auditSheet(sheets);
    const texts = paneState(layout, () => null, auditBody(name ? sheets.get(name) : undefined), rb, view.verdict).experts.find((x) => x.name === entry.expert)?.values;
    current = texts?.get(itemKey(entry.item)) ?? null;
  }
  if (current === '') current = null;
  const address = cell ? `${quoteSheet(view.sheet)}!${toA1(cell.row, cell.col)}` : '';
  const plan = planScore(layout, entry.expert, entry.item, entry.value, entry.lastSeen, current, { rb, time: entry.time, application: view.application, source: t('pane.score.source', lang), address });
  if (plan.kind !== 'write') return plan;

  const note = plan.note;
  const write = () => {
    // Values only: the summary stays protected (its expert cells are unlocked), so no format is set here.
    if (target) target.Value2 = cellText(plan.value);
    appendAudit(app, wb, sheets, lang, auditRowCells(plan.audit, lang, { cell: address }));
    if (!note) return;
    const at = ws.Range(toA1(note.row, note.col));
    const c = at.Comment;
    if (note.text === null) c?.Delete();
    else if (c) c.Text(note.text);
    else at.AddComment(note.text);
  };
  // Comments are WPS's notes: the summary (protected by the tool, no password) is opened for this entry only —
  // first, so a sheet protected with a password raises before anything is written.
  if (note) withSheetUnprotected(ws, write);
  else write();
  return { kind: 'written', plan };
}

