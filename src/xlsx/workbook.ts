/** Reviewing workbook files: find the indicator sheet, review it, write reviewed copies, templates and roll-ups. */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import {
  buildReport,
  flagPlan,
  freeSheetName,
  INDICATOR_SHEET,
  META_SHEET,
  nextMeta,
  pickIndicatorSheet,
  readPreserved,
  rollupModel,
  summaryModel,
  isSummarySheet,
  templateModels,
  type CommitteeResult,
  type Lang,
  type LoadedRulebook,
  type Report,
  type Review,
  type RollupEntry,
  type WorkbookMeta,
} from '../core/index.js';
import { FileError, type FileWarning } from './errors.js';
import { applyFlags, restoreFlags } from './flags.js';
import { readMeta, writeMeta } from './meta.js';
import { openWorkbook, type OpenedWorkbook } from './open.js';
import { chooseDefaultOutput, writeOutput, type DefaultOutputOptions } from './output.js';
import { renderSheet } from './render.js';
import { plainValue, worksheetSnapshot } from './snapshot.js';

export interface FileReview {
  opened: OpenedWorkbook;
  meta: WorkbookMeta | null;
  review: Review;
  report: Report;
  warnings: FileWarning[];
}

/** The indicator sheet, by the core's rule; the named sheet is read first so the usual case reads one sheet. */
function findIndicatorSheet(wb: ExcelJS.Workbook, rb: LoadedRulebook, path: string): { ws: ExcelJS.Worksheet; review: Review } {
  const named = wb.getWorksheet(INDICATOR_SHEET);
  const candidates = (named ? [named, ...wb.worksheets.filter((w) => w !== named)] : wb.worksheets).filter((w) => w.name !== META_SHEET && !isSummarySheet(w.name));
  const found = pickIndicatorSheet((function* () {
    for (const ws of candidates) yield worksheetSnapshot(ws);
  })(), rb);
  if (!found) throw new FileError('no-indicator-sheet', path, { sheets: wb.worksheets.filter((w) => w.name !== META_SHEET).map((w) => w.name) });
  return { ws: wb.getWorksheet(found.snapshot.sheet)!, review: found.review };
}

/** Merged cells over the data columns of indicator rows would hide or misplace inputs. */
function checkMerges(ws: ExcelJS.Worksheet, review: Review, path: string): void {
  const layout = review.inputs.layout;
  if (!layout) return;
  const dataCols = new Set([...layout.yearCols.values(), layout.valueCol]);
  const rows = new Set([...review.inputs.indicators.values()].flatMap((i) => (i.row === undefined ? [] : [i.row])));
  // Cheap test first: `ws.model` serialises the whole sheet, so it is only built when some input cell is merged.
  const anyMerged = [...rows].some((r) => [...dataCols].some((c) => ws.findCell(r + 1, c + 1)?.isMerged));
  if (!anyMerged) return;
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).filter((range) => {
    const [a, b] = range.split(':');
    const from = ws.getCell(a!);
    const to = ws.getCell(b ?? a!);
    for (let r = Number(from.row) - 1; r <= Number(to.row) - 1; r++) {
      if (!rows.has(r)) continue;
      for (let c = Number(from.col) - 1; c <= Number(to.col) - 1; c++) if (dataCols.has(c)) return true;
    }
    return false;
  });
  if (merges.length) throw new FileError('merged-inputs', path, { sheet: ws.name, ranges: merges });
}

export async function reviewFile(path: string, rb: LoadedRulebook): Promise<FileReview> {
  const opened = await openWorkbook(path);
  const meta = readMeta(opened.wb);
  const { ws, review } = findIndicatorSheet(opened.wb, rb, path);
  checkMerges(ws, review, path);
  const report = buildReport(review, rb, { file: basename(path) });
  const warnings = [...opened.warnings];
  const stamp = meta?.template?.rulebook;
  if (stamp && stamp.fingerprint !== rb.fingerprint)
    warnings.push({ code: 'template-rulebook-differs', file: path, params: { id: stamp.id, edition: stamp.edition, fingerprint: stamp.fingerprint.slice(0, 12) } });
  return { opened, meta, review, report, warnings };
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
export async function saveWorkbook(wb: ExcelJS.Workbook, output: string, opts: { force?: boolean; inputs?: string[] } = {}): Promise<void> {
  await writeOutput(output, async (file) => void (await file.writeFile(new Uint8Array(await wb.xlsx.writeBuffer()))), opts);
}

export interface ReviewedCopyOptions {
  rb: LoadedRulebook;
  lang: Lang;
  output: string;
  experts?: string[];
  force?: boolean;
  checkedAt?: string;
}

export async function writeReviewedCopy(fr: FileReview, opts: ReviewedCopyOptions): Promise<{ committee: CommitteeResult; flagged: number; restored: number }> {
  const { wb } = fr.opened;
  const previous = fr.meta?.review;
  const oldSummary = previous?.summary ? wb.getWorksheet(previous.summary.sheet) : undefined;
  const preserved = oldSummary && previous?.summary ? readPreserved(previous.summary, (r, c) => plainValue(oldSummary.getCell(r + 1, c + 1))) : null;
  const restored = previous ? restoreFlags(wb, previous.flags) : 0;
  const records = applyFlags(wb, flagPlan(fr.report, opts.lang), opts.lang);

  if (oldSummary) wb.removeWorksheet(oldSummary.id);
  const summary = summaryModel({
    report: fr.report,
    rb: opts.rb,
    lang: opts.lang,
    experts: opts.experts ?? [],
    preserved,
    checkedAt: opts.checkedAt,
    sourceFile: basename(fr.opened.path),
    templateRulebook: fr.meta?.template?.rulebook ?? null,
  });
  // Never replace a sheet of the applicant's that happens to carry our sheet's name.
  const name = freeSheetName(summary.model.name, (n) => !!wb.getWorksheet(n));
  summary.model.name = name;
  summary.layout.sheet = name;
  const ws = wb.addWorksheet(name);
  await renderSheet(ws, summary.model);
  await writeMeta(
    wb,
    nextMeta(fr.meta, {
      rulebook: { id: opts.rb.data.id, edition: opts.rb.data.edition, fingerprint: opts.rb.fingerprint },
      verdict: fr.report.verdict,
      ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}),
      flags: records,
      summary: summary.layout,
    }),
  );
  // Open on the summary; indexes count in the order sheets are written, so look it up after the metadata sheet moved.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.indexOf(ws), visibility: 'visible' }];
  await saveWorkbook(wb, opts.output, { force: opts.force, inputs: [fr.opened.path] });
  return { committee: summary.committee, flagged: records.length, restored };
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
