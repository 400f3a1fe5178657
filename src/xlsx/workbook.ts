/** Reviewing workbook files: find the indicator sheet, review it, write reviewed copies, templates and roll-ups. */
import { rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import {
  examine,
  LimitError,
  finishCheck,
  pickIndicatorSheet,
  planCheck,
  planSummary,
  previousSummarySheet,
  readRequest,
  rollupModel,
  sheetsForError,
  templateModels,
  type CommitteeResult,
  type Examined,
  type Lang,
  type LoadedRulebook,
  type Reading,
  type Report,
  type Review,
  type RollupEntry,
  type WorkbookMeta,
} from '../core/index.js';
import { FileError, type FileWarning } from './errors.js';
import { applyWrites, readCells } from './flags.js';
import { readMeta, writeMeta } from './meta.js';
import { openWorkbook, tooLarge, type OpenedWorkbook } from './open.js';
import { renderSheet } from './render.js';
import { plainValue, worksheetSnapshot } from './snapshot.js';

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
  const request = readRequest(names);
  const meta = request.meta ? readMeta(wb) : null;
  const found = pickIndicatorSheet(
    (function* () {
      for (const stage of request.stages) for (const name of stage) yield worksheetSnapshot(wb.getWorksheet(name)!);
    })(),
    rb,
  );
  const old = previousSummarySheet(meta, names);
  const oldWs = old ? wb.getWorksheet(old) : undefined;
  return {
    names,
    meta,
    found,
    merges: found ? mergesOf(wb.getWorksheet(found.snapshot.sheet)!) : null,
    summaryAt: oldWs ? (r, c) => plainValue(oldWs.getCell(r + 1, c + 1)) : null,
  };
}

export async function reviewFile(path: string, rb: LoadedRulebook): Promise<FileReview> {
  const opened = await openWorkbook(path);
  let reading: Reading;
  let examined: Examined | null;
  try {
    reading = readFile(opened.wb, rb);
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

/** `<stem>.reviewed.xlsx` beside the input; a reviewed input gets the next free `.reviewed-N.xlsx` instead of itself. */
export async function defaultOutput(input: string): Promise<string> {
  const dir = dirname(input);
  const stem = basename(input, extname(input)).replace(/\.reviewed(-\d+)?$/, '');
  const candidate = join(dir, `${stem}.reviewed.xlsx`);
  if (resolve(candidate) !== resolve(input)) return candidate;
  for (let n = 2; ; n++) {
    const c = join(dir, `${stem}.reviewed-${n}.xlsx`);
    if (resolve(c) === resolve(input)) continue;
    try {
      await stat(c);
    } catch {
      return c;
    }
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Writes next to the target and renames: a crash never leaves half a workbook, and inputs are never written. */
export async function saveWorkbook(wb: ExcelJS.Workbook, output: string, opts: { force?: boolean; inputs?: string[] } = {}): Promise<void> {
  if ((opts.inputs ?? []).some((i) => resolve(i) === resolve(output))) throw new FileError('output-is-input', output);
  if (!opts.force && (await exists(output))) throw new FileError('output-exists', output);
  const tmp = `${output}.tmp-${process.pid}`;
  try {
    await wb.xlsx.writeFile(tmp);
    await rename(tmp, output);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    if (e instanceof FileError) throw e;
    throw new FileError('write-failed', output, { detail: e instanceof Error ? e.message : String(e) });
  }
}

export interface ReviewedCopyOptions {
  rb: LoadedRulebook;
  lang: Lang;
  output: string;
  experts?: string[];
  force?: boolean;
  checkedAt?: string;
}

/** The reviewed copy: the core's check plan applied (flags restored and placed), then its summary plan. */
export async function writeReviewedCopy(fr: FileReview, opts: ReviewedCopyOptions): Promise<{ committee: CommitteeResult; flagged: number; restored: number }> {
  const { wb } = fr.opened;
  const draft = planCheck(fr.reading, fr.examined, opts.lang, 'notes');
  const check = finishCheck(fr.reading, draft, { cells: readCells(wb, draft.read.fills, draft.read.notes) }, opts.rb, opts.lang, { checkedAt: opts.checkedAt });
  // Expert input is read through the previous layout before anything is removed.
  const summary = planSummary(fr.reading, fr.examined, opts.rb, opts.lang, { experts: opts.experts, checkedAt: opts.checkedAt, sourceFile: basename(fr.opened.path), meta: check.meta });
  applyWrites(wb, check.writes);
  if (summary.remove) wb.removeWorksheet(wb.getWorksheet(summary.remove)!.id);
  const ws = wb.addWorksheet(summary.sheet);
  await renderSheet(ws, summary.model);
  await writeMeta(wb, summary.meta);
  // Open on the summary; indexes count in the order sheets are written, so look it up after the metadata sheet moved.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.indexOf(ws), visibility: 'visible' }];
  await saveWorkbook(wb, opts.output, { force: opts.force, inputs: [fr.opened.path] });
  return { committee: summary.committee, flagged: check.flagged, restored: check.restored };
}

export async function writeTemplate(rb: LoadedRulebook, year: number, lang: Lang, output: string, opts: { force?: boolean; password?: string } = {}): Promise<void> {
  const { sheets, meta } = templateModels(rb, year, lang, opts.password);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  wb.title = sheets[1]!.cells[0]?.value as string;
  for (const model of sheets) await renderSheet(wb.addWorksheet(model.name), model);
  await writeMeta(wb, meta);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  await saveWorkbook(wb, output, { force: opts.force });
}

export async function writeRollup(entries: RollupEntry[], lang: Lang, output: string, opts: { quota?: number; force?: boolean; inputs?: string[] } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  const model = rollupModel(entries, lang, opts.quota);
  await renderSheet(wb.addWorksheet(model.name), model);
  await saveWorkbook(wb, output, { force: opts.force, inputs: opts.inputs });
}
