/** Monitoring forms as files: the form template, one form's review, its flagged reviewed copy, and the register 监测汇总. */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import {
  examineMonitoring,
  examineMonitoringCheck,
  finishCheck,
  formKind,
  planCheck,
  monitoringForm,
  monitoringTemplateModels,
  pickIndicatorSheet,
  readRequest,
  readRoster,
  registerModels,
  type FactsOf,
  type Lang,
  type LoadedRulebook,
  type MonitoringCheckReport,
  type MonitoringPrefill,
  type MonitoringReport,
  type RegisterEntry,
  type RosterEntry,
  type WorkflowWarning,
} from '../core/index.js';
import { FileError } from './errors.js';
import { applyWrites, readCells } from './flags.js';
import { readRecord, writeMeta } from './meta.js';
import { openWorkbook } from './open.js';
import { fitSheetRows } from './fit-rows.js';
import { renderSheet } from './render.js';
import { worksheetSnapshot } from './snapshot.js';
import { saveWorkbook } from './workbook.js';

/** `prefill`: what the recognised application gives the form (monitoringPrefill; `monitor-template --application`). */
export async function writeMonitoringTemplate(rb: LoadedRulebook, year: number, lang: Lang, output: string, opts: { force?: boolean; inputs?: string[]; prefill?: MonitoringPrefill } = {}): Promise<void> {
  const { sheets, meta } = monitoringTemplateModels(monitoringForm(rb), year, lang, opts.prefill);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  for (const model of sheets) await renderSheet(wb.addWorksheet(model.name), model);
  await writeMeta(wb, meta);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  await saveWorkbook(wb, output, { force: opts.force, inputs: opts.inputs });
}

/** One file: its monitoring report, or `application` when it is an application form (said, not reviewed). */
export async function reviewMonitoringFile(path: string, rb: LoadedRulebook, facts: FactsOf = {}, today?: string): Promise<{ report: MonitoringReport } | { application: true }> {
  const { wb } = await openWorkbook(path);
  const names = wb.worksheets.map((w) => w.name);
  const request = readRequest(names);
  const meta = request.meta ? readRecord(wb).meta : null;
  const snapshots = request.stages.flat().map((n) => worksheetSnapshot(wb.getWorksheet(n)!));
  const found = pickIndicatorSheet(snapshots, rb);
  const reading = { names, meta, found };
  if (formKind(reading) !== 'monitoring') {
    if (found) return { application: true };
    throw new FileError('no-indicator-sheet', path, { sheets: names.filter((n) => !n.startsWith('_')) });
  }
  const examined = examineMonitoring(reading, rb, { file: basename(path) }, snapshots, facts, today);
  if (!examined) throw new FileError('no-indicator-sheet', path, { sheets: names.filter((n) => !n.startsWith('_')) });
  return { report: examined.report };
}

/**
 * The province's roster of recognised clusters (`monitor --roster`): a roster workbook (its first sheet with
 * 集群名称 and 认定年份 headers), or a recognised application (its identity; its application year is the batch).
 * Rows that could not be used are returned as cells.
 */
export async function readRosterFile(path: string, rb: LoadedRulebook): Promise<{ entries: RosterEntry[]; problems: string[] }> {
  const { wb } = await openWorkbook(path);
  const names = wb.worksheets.map((w) => w.name);
  const snapshots = readRequest(names).stages.flat().map((n) => worksheetSnapshot(wb.getWorksheet(n)!));
  const found = pickIndicatorSheet(snapshots, rb);
  if (found && formKind({ names, meta: null, found }) === 'application') {
    const { reviewFile } = await import('./workbook.js');
    const fr = await reviewFile(path, rb);
    const c = fr.report.cluster;
    const year = fr.review.inputs.applicationYear;
    if (!c.name || year === null) return { entries: [], problems: [basename(path)] };
    return { entries: [{ name: c.name, province: c.province ?? null, county: c.county ?? null, recognitionYear: year, source: basename(path) }], problems: [] };
  }
  const entries: RosterEntry[] = [];
  const problems: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const r = readRoster(worksheetSnapshot(ws));
    if (!r.entries.length) continue;
    entries.push(...r.entries);
    problems.push(...r.problems);
    break;
  }
  if (!entries.length) problems.push(basename(path));
  return { entries, problems };
}

export async function writeRegister(rb: LoadedRulebook, entries: RegisterEntry[], lang: Lang, year: number, output: string, opts: { force?: boolean; inputs?: string[] } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  const models = registerModels(monitoringForm(rb), entries, lang, year);
  for (const model of models) await renderSheet(wb.addWorksheet(model.name), model);
  await saveWorkbook(wb, output, { force: opts.force, inputs: opts.inputs, models });
}

/**
 * `check` on a monitoring form: a reviewed copy with the form's failing and warning cells flagged in place and the
 * flags recorded, by the application's check plan (the same flags, colours and notes as in Excel and WPS; a
 * re-check or "clear flags" lifts exactly these). No 评审汇总: a monitoring form is not scored by a committee, and
 * the register of all forms is `monitor`'s.
 */
export async function writeMonitoringCopy(
  path: string,
  rb: LoadedRulebook,
  opts: { lang: Lang; output: string; checkedAt?: string; force?: boolean; today?: string },
): Promise<{ report: MonitoringReport; checkReport: MonitoringCheckReport; flagged: number; restored: number; warnings: WorkflowWarning[] }> {
  const { wb, bytes } = await openWorkbook(path);
  const names = wb.worksheets.map((w) => w.name);
  const request = readRequest(names);
  const record = request.meta ? readRecord(wb) : { meta: null, damaged: false };
  const snapshots = request.stages.flat().map((n) => worksheetSnapshot(wb.getWorksheet(n)!));
  const found = pickIndicatorSheet(snapshots, rb);
  const reading = { names, meta: record.meta, found, merges: null, summaryAt: null, metaDamaged: record.damaged };
  const examined = examineMonitoringCheck(reading, rb, { file: basename(path) }, snapshots, opts.today);
  if (!examined) throw new FileError('no-indicator-sheet', path, { sheets: names.filter((n) => !n.startsWith('_')) });
  const draft = planCheck(reading, examined, opts.lang, 'notes');
  const plan = finishCheck(reading, draft, { cells: readCells(wb, draft.read.fills, draft.read.notes) }, rb, opts.lang, { checkedAt: opts.checkedAt });
  applyWrites(wb, plan.writes);
  // The form sized for the texts it holds, so the checked copy prints every word.
  const sheet = found ? wb.getWorksheet(found.snapshot.sheet) : undefined;
  if (sheet) fitSheetRows(sheet);
  await writeMeta(wb, plan.meta);
  await saveWorkbook(wb, opts.output, { force: opts.force, inputs: [path], original: bytes });
  return { report: examined.monitoring, checkReport: examined.report, flagged: plan.flagged, restored: plan.restored, warnings: plan.warnings };
}
