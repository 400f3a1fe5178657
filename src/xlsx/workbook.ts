/** Reviewing workbook files: find the indicator sheet, review it, write reviewed copies, templates and roll-ups. */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import {
  evidenceRule,
  examine,
  LimitError,
  finishCheck,
  formKind,
  listsFrom,
  pickIndicatorSheet,
  planCheck,
  planRule,
  planSummary,
  previousSummarySheet,
  readRequest,
  rollupModel,
  rollupChartsModel,
  sheetsForError,
  templateModels,
  type CityRecommendation,
  type CommitteeResult,
  type Examined,
  type ExpertOps,
  type ExpertRefusal,
  type Lang,
  type LoadedRulebook,
  type PreservedInputs,
  type Reading,
  type Report,
  type Review,
  type SheetModel,
  type RollupEntry,
  type WorkbookMeta,
  ROUND_SHEET,
  TALLY_FORMAT,
} from '../core/index.js';
import { finishPackage, type FinishOptions } from './charts/index.js';
import { FileError, type FileWarning } from './errors.js';
import { fitSheetRows } from './fit-rows.js';
import { applyWrites, noteText, readCells } from './flags.js';
import { readRecord, writeMeta } from './meta.js';
import { openWorkbook, tooLarge, type OpenedWorkbook } from './open.js';
import { chooseDefaultOutput, writeOutput, type DefaultOutputOptions } from './output.js';
import { renderSheet } from './render.js';
import { plainValue, worksheetSnapshot } from './snapshot.js';
import { deflatedCopy } from './zip.js';

export interface FileReview {
  opened: OpenedWorkbook;
  meta: WorkbookMeta | null;
  /** What the adapter read, as the core's workflow takes it. */
  reading: Reading;
  examined: Examined;
  review: Review;
  report: Report;
  /** The file's own warnings (macros, content not carried over) and the workflow's, each naming the file. */
  warnings: FileWarning[];
}

/** Merged areas of a sheet ("D12:E12"), from ExcelJS's own table of them (no serialisation of the sheet). */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const own = (ws as unknown as { _merges?: Record<string, { range?: string; tl?: string; br?: string }> })._merges;
  if (own) return Object.values(own).map((m) => m.range ?? `${m.tl}:${m.br}`);
  return (ws.model as unknown as { merges?: string[] }).merges ?? [];
}

/** Reads what the core's workflow asks for: the candidate sheets (lazily, in its order), metadata, merges, old summary. */
function readFile(wb: ExcelJS.Workbook, rb: LoadedRulebook): Reading {
  const names = wb.worksheets.map((w) => w.name);
  const request = readRequest(names, rb);
  const record = request.meta ? readRecord(wb) : { meta: null, damaged: false };
  const meta = record.meta;
  const found = pickIndicatorSheet(
    (function* () {
      for (const stage of request.stages) for (const name of stage) yield worksheetSnapshot(wb.getWorksheet(name)!);
    })(),
    rb,
    listsFrom(
      request.lists.map((n) => worksheetSnapshot(wb.getWorksheet(n)!)),
      rb,
    ),
  );
  const old = previousSummarySheet(meta, names);
  const oldWs = old ? wb.getWorksheet(old) : undefined;
  return {
    names,
    meta,
    found,
    merges: found ? mergesOf(wb.getWorksheet(found.snapshot.sheet)!) : null,
    summaryAt: oldWs ? (r, c) => plainValue(oldWs.getCell(r + 1, c + 1)) : null,
    summaryNoteAt: oldWs ? (r, c) => noteText(oldWs.getCell(r + 1, c + 1)) : null,
    summaryFormatAt: oldWs ? (r, c) => oldWs.getCell(r + 1, c + 1).numFmt ?? null : null,
    metaDamaged: record.damaged,
  };
}

/** What a workbook with a round's record is: a roll-up or (any other record) a score sheet. */
function roundFileKind(wb: ExcelJS.Workbook): 'rollup-given' | 'scoresheet-given' {
  const ws = wb.getWorksheet(ROUND_SHEET);
  const format = ws ? String(ws.getCell(1, 2).value ?? '') : '';
  return format === TALLY_FORMAT ? 'rollup-given' : 'scoresheet-given';
}

/** `opened`: the file already opened by the caller (the round's reader), so it is not parsed twice. */
export async function reviewFile(path: string, rb: LoadedRulebook, opened?: OpenedWorkbook): Promise<FileReview> {
  opened ??= await openWorkbook(path);
  let reading: Reading;
  let examined: Examined | null;
  try {
    reading = readFile(opened.wb, rb);
    // A monitoring form carries the application's codes too: recognised first, and said in words, never reviewed as one.
    if (formKind(reading) === 'monitoring') throw new FileError('monitoring-form', path);
    // A score sheet or a roll-up of a round (its hidden record sheet) is said to be one, not "no indicator sheet".
    if (reading.names.includes(ROUND_SHEET)) throw new FileError(roundFileKind(opened.wb), path);
    examined = examine(reading, rb, { file: basename(path) });
  } catch (e) {
    // A limit the reader found (cells, rows, findings) refuses the file like any other file problem.
    if (e instanceof LimitError) throw tooLarge(path, e);
    throw e;
  }
  if (!examined) throw new FileError('no-indicator-sheet', path, { sheets: sheetsForError(reading.names) });
  const warnings: FileWarning[] = [...opened.warnings, ...examined.warnings.map((w) => ({ ...w, file: path }))];
  return { opened, meta: reading.meta, reading, examined, review: examined.review, report: examined.report, warnings };
}

/**
 * `<stem>.reviewed.xlsx` beside the input (or in `opts.dir`); a reviewed input gets the first free
 * `.reviewed-N.xlsx`, never itself, another input or an earlier round's copy (rules in ./output.ts).
 */
export async function defaultOutput(input: string, opts: DefaultOutputOptions = {}): Promise<string> {
  return chooseDefaultOutput(input, opts);
}

/**
 * Writes through a temporary file in the output's folder and commits atomically: a crash never leaves half a
 * workbook, without --force an existing output is never replaced (even by a concurrent run), and no input of
 * the run is ever written, whatever the path or --force (./output.ts).
 */
/**
 * NaN and ±Infinity have no place in a workbook (`<v>NaN</v>` makes Excel refuse the file): a hostile file's
 * `<v>1e999</v>` reads as Infinity, and is written back as the error value #NUM!, what Excel shows for a number it
 * cannot hold; a formula's cached result that is not finite is dropped (the formula recomputes it).
 */
export function finiteCells(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (typeof v === 'number' && !Number.isFinite(v)) cell.value = { error: '#NUM!' } as ExcelJS.CellErrorValue;
        else if (v && typeof v === 'object' && 'formula' in v) {
          const f = v as ExcelJS.CellFormulaValue;
          if (typeof f.result === 'number' && !Number.isFinite(f.result)) cell.value = { ...f, result: undefined };
        }
      }),
    );
}

export async function saveWorkbook(wb: ExcelJS.Workbook, output: string, opts: { force?: boolean; inputs?: string[]; beforeCommit?: () => Promise<void> } & FinishOptions = {}): Promise<void> {
  const { models, original, ...write } = opts;
  finiteCells(wb);
  // Charts and the applicant's drawings go in after ExcelJS, which writes neither (./charts). Written stored and
  // deflated by Node's zlib: ExcelJS's own deflater (pako, JavaScript) was the largest single cost of a `check`
  // beyond reading (npm run bench cli), as it was of the roll-up (./zip.ts).
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  const bytes = deflatedCopy(finishPackage(stored, { models, original }).bytes);
  await writeOutput(output, async (file) => void (await file.writeFile(bytes)), write);
}

export interface ReviewedCopyOptions {
  rb: LoadedRulebook;
  lang: Lang;
  output: string;
  experts?: string[];
  force?: boolean;
  checkedAt?: string;
  /** Expert inputs to write instead of those read back (the committee's tally, `tally --update-copies`). */
  preserved?: PreservedInputs;
  /** Replace the input itself (new file, then rename): only the tally's update of a reviewed copy does. */
  inPlace?: boolean;
  /** Immediately before the commit (./output.ts): an in-place update checks the copy is still what was read. */
  beforeCommit?: () => Promise<void>;
  /**
   * Sheets written into the copy besides the summary (renewal's 复核监测记录), each replacing a sheet of its name:
   * part of the one commit, so no output ever looks finished without them.
   */
  extraSheets?: SheetModel[];
  /** Experts renamed or removed (check --rename-expert / --remove-expert): the core's summary plan decides. */
  committee?: ExpertOps;
  /** A renewal review (`renewal`): the summary is the 复核评审汇总表. */
  renewal?: boolean;
}

/** The original application's name: recorded by the copy, or the copy's own name without `.reviewed(-N)`. */
const originalName = (fr: FileReview): string =>
  fr.meta?.review?.source ?? (fr.meta?.review ? basename(fr.opened.path).replace(/\.reviewed(-\d+)?(\.xlsx)$/i, '$2') : basename(fr.opened.path));

/** The reviewed copy: the core's check plan applied (flags restored and placed), then its summary plan. */
export async function writeReviewedCopy(
  fr: FileReview,
  opts: ReviewedCopyOptions,
): Promise<{ committee: CommitteeResult; flagged: number; restored: number; warnings: FileWarning[]; preserved: PreservedInputs | null; refusal: ExpertRefusal | null }> {
  const { wb } = fr.opened;
  const draft = planCheck(fr.reading, fr.examined, opts.lang, 'notes');
  const check = finishCheck(fr.reading, draft, { cells: readCells(wb, draft.read.fills, draft.read.notes) }, opts.rb, opts.lang, { checkedAt: opts.checkedAt });
  // Expert input is read through the previous layout before anything is removed.
  const summary = planSummary(fr.reading, fr.examined, opts.rb, opts.lang, { experts: opts.experts, checkedAt: opts.checkedAt, sourceFile: originalName(fr), meta: check.meta, ...(opts.preserved ? { preserved: opts.preserved } : {}), ...(opts.committee ? { committee: opts.committee } : {}), ...(opts.renewal ? { renewal: true } : {}) });
  // An expert operation the plan refused: nothing is written.
  if (summary.refusal) return { committee: summary.committee, flagged: 0, restored: 0, warnings: [], preserved: null, refusal: summary.refusal };
  applyWrites(wb, check.writes);
  // The application's own sheets sized for the texts the county wrote in them (the template could not know them), so
  // the copy prints every word.
  for (const name of new Set([fr.reading.found?.snapshot.sheet, planRule(opts.rb)?.sheet, evidenceRule(opts.rb)?.sheet])) {
    const sheet = name ? wb.getWorksheet(name) : undefined;
    if (sheet) fitSheetRows(sheet);
  }
  // Only a summary the tool provably wrote is ever updated (the plan names no other), and in place, as in Excel.
  const ws = summary.inPlace ? summaryInPlace(wb.getWorksheet(summary.inPlace.sheet)!, summary.inPlace, summary.layout) : wb.addWorksheet(summary.sheet);
  await renderSheet(ws, summary.model);
  for (const model of opts.extraSheets ?? []) {
    const old = wb.getWorksheet(model.name);
    if (old) wb.removeWorksheet(old.id);
    await renderSheet(wb.addWorksheet(model.name), model);
  }
  await writeMeta(wb, summary.meta);
  // Open on the summary; indexes count in the order sheets are written, so look it up after the metadata sheet moved.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.indexOf(ws), visibility: 'visible' }];
  await saveWorkbook(wb, opts.output, { force: opts.force, inputs: opts.inPlace ? [] : [fr.opened.path], models: [summary.model, ...(opts.extraSheets ?? [])], original: fr.opened.bytes, ...(opts.beforeCommit ? { beforeCommit: opts.beforeCommit } : {}) });
  // Warnings found while planning the writes (flags a person changed, text cut), beyond those of reading.
  const known = new Set(fr.examined.warnings);
  const more = [...check.warnings, ...summary.warnings].filter((w, i, all) => !known.has(w) && all.findIndex((x) => x.code === w.code) === i);
  return { committee: summary.committee, flagged: check.flagged, restored: check.restored, warnings: more.map((w) => ({ ...w, file: fr.opened.path })), preserved: summary.preserved, refusal: null };
}

/**
 * The previous summary made ready for the new model, as the Office.js adapter does: rows inserted at the foot of the
 * tool's block when it grows (rows the committee added below move down), the block's merges, values and styles
 * cleared; what lies outside the block, and notes, stay.
 */
function summaryInPlace(ws: ExcelJS.Worksheet, place: { height: number; width: number }, layout: { height?: number; width?: number }): ExcelJS.Worksheet {
  const height = layout.height ?? place.height;
  const width = Math.max(layout.width ?? place.width, place.width);
  const rows = Math.max(height, place.height);
  ws.unprotect();
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number; range: string }> })._merges ?? {};
  for (const m of Object.values(merges)) if (m.top <= rows && m.left <= width) ws.unMergeCells(m.range);
  if (height > place.height) ws.spliceRows(place.height + 1, 0, ...Array.from({ length: height - place.height }, () => []));
  for (let c = 1; c <= width; c++) ws.getColumn(c).hidden = false;
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.value = null;
      cell.style = {};
      if (cell.dataValidation) (cell as unknown as { dataValidation: unknown }).dataValidation = undefined;
    }
  return ws;
}

export async function writeTemplate(rb: LoadedRulebook, year: number, lang: Lang, output: string, opts: { force?: boolean; password?: string; enterprises?: number } = {}): Promise<void> {
  const { sheets, meta } = templateModels(rb, year, lang, opts.password, opts.enterprises === undefined ? {} : { enterprises: opts.enterprises });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  wb.title = sheets[1]!.cells[0]?.value as string;
  for (const model of sheets) await renderSheet(wb.addWorksheet(model.name), model);
  await writeMeta(wb, meta);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  await saveWorkbook(wb, output, { force: opts.force });
}

/** The roll-up's workbook: the list and its charts sheet rendered, with the models the charts are grafted from. */
export async function rollupWorkbook(entries: RollupEntry[], lang: Lang, quota?: number, cities?: CityRecommendation): Promise<{ wb: ExcelJS.Workbook; models: SheetModel[] }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  const model = rollupModel(entries, lang, quota, cities);
  const models = [model, rollupChartsModel(entries, model, lang)];
  for (const m of models) await renderSheet(wb.addWorksheet(m.name), m);
  return { wb, models };
}

export async function writeRollup(entries: RollupEntry[], lang: Lang, output: string, opts: { quota?: number; cities?: CityRecommendation; force?: boolean; inputs?: string[] } = {}): Promise<void> {
  const { wb, models } = await rollupWorkbook(entries, lang, opts.quota, opts.cities);
  await saveWorkbook(wb, output, { force: opts.force, inputs: opts.inputs, models });
}
