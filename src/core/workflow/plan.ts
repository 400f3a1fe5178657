/**
 * The review workflow's plans, one set for every adapter: a check plan (flags to place and restore, metadata to
 * write, warnings), a summary plan (the sheet, expert input kept through the recorded layout, metadata), a clear
 * plan and a template plan. Adapters read what `readRequest` names, call these, and apply what comes out.
 */
import { flagPlan } from '../report/flags.js';
import type { Report } from '../report/json.js';
import { freeSheetName, nextMeta, type FlagRecord, type RulebookStamp, type SummaryLayout, type WorkbookMeta } from '../report/meta.js';
import type { SheetModel } from '../report/sheet-model.js';
import { readPreserved, summaryModel, type PreservedInputs } from '../report/summary.js';
import { templateModels } from '../report/template.js';
import type { Review } from '../review.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { CommitteeResult } from '../scoring.js';
import { INDICATOR_SHEET } from '../template/layout.js';
import type { Lang } from '../types.js';
import { draftFlags, finishFlags, type CellWrite, type Covered, type Explanations, type FlagDraft } from './flags.js';
import { previousSummarySheet, type Examined, type Reading } from './read.js';
import type { WorkflowWarning } from './warnings.js';

export const rulebookStamp = (rb: LoadedRulebook): RulebookStamp => ({ id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint });

/** Phase one of a check: the review, its warnings, and which cells' current state the adapter must read. */
export interface CheckDraft extends FlagDraft {
  sheet: string;
  review: Review;
  report: Report;
  warnings: WorkflowWarning[];
}

export function planCheck(reading: Reading, examined: Examined, lang: Lang, mode: Explanations): CheckDraft {
  const flags = flagPlan(examined.report, lang);
  return { ...examined, ...draftFlags(reading.names, reading.meta?.review?.flags ?? [], flags, mode) };
}

/** Phase two: what to write to the cells, and the metadata to write after them. */
export interface CheckPlan {
  sheet: string;
  review: Review;
  report: Report;
  warnings: WorkflowWarning[];
  /** Restorations first, then flags. */
  writes: CellWrite[];
  /** Sheets written to. */
  sheets: string[];
  flagged: number;
  restored: number;
  /** Records the flags placed; comment ids of comments added are filled in by `withCommentIds`. */
  meta: WorkbookMeta;
}

export function finishCheck(reading: Reading, draft: CheckDraft, covered: Covered, rb: LoadedRulebook, lang: Lang, opts: { checkedAt?: string } = {}): CheckPlan {
  const { writes, records } = finishFlags(draft, covered, lang);
  const meta = nextMeta(reading.meta, { rulebook: rulebookStamp(rb), verdict: draft.report.verdict, ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}), flags: records });
  return {
    sheet: draft.sheet,
    review: draft.review,
    report: draft.report,
    warnings: draft.warnings,
    writes,
    sheets: draft.sheets,
    flagged: records.length,
    restored: draft.restore.length,
    meta,
  };
}

/** "Clear flags", phase one: every recorded flag on a sheet the workbook still has; null when there is none. */
export function planClear(reading: Reading, mode: Explanations): FlagDraft | null {
  const flags = reading.meta?.review?.flags ?? [];
  if (!flags.length || !reading.meta?.review) return null;
  return draftFlags(reading.names, flags, [], mode);
}

export function finishClear(reading: Reading, draft: FlagDraft, covered: Covered, lang: Lang): { writes: CellWrite[]; sheets: string[]; restored: number; meta: WorkbookMeta } {
  const r = reading.meta!.review!;
  const { writes } = finishFlags(draft, covered, lang);
  return { writes, sheets: draft.sheets, restored: draft.restore.length, meta: nextMeta(reading.meta, { rulebook: r.rulebook, verdict: r.verdict, flags: [] as FlagRecord[] }) };
}

export interface SummaryPlan {
  report: Report;
  warnings: WorkflowWarning[];
  committee: CommitteeResult;
  /** The previous summary sheet, deleted before the new one is added. */
  remove: string | null;
  /** The new summary sheet's name (never one of the applicant's sheets). */
  sheet: string;
  model: SheetModel;
  layout: SummaryLayout;
  meta: WorkbookMeta;
}

/**
 * The summary sheet, rebuilt from a fresh review: experts already in the workbook keep their columns, scores,
 * conflict marks and signatures, read back through the recorded layout. `meta` overrides the metadata read (the
 * command line writes flags and summary into one copy, so the summary follows the check's metadata).
 */
export function planSummary(
  reading: Reading,
  examined: Examined,
  rb: LoadedRulebook,
  lang: Lang,
  opts: { experts?: string[]; checkedAt?: string; sourceFile?: string; meta?: WorkbookMeta | null; preserved?: PreservedInputs } = {},
): SummaryPlan {
  const meta = opts.meta === undefined ? reading.meta : opts.meta;
  const layout = meta?.review?.summary;
  const remove = previousSummarySheet(meta, reading.names);
  // The committee's tally may hand in the expert inputs to write (scores gathered from the round's sheets).
  const preserved = opts.preserved ?? (layout && remove && reading.summaryAt ? readPreserved(layout, reading.summaryAt) : null);
  const summary = summaryModel({
    report: examined.report,
    rb,
    lang,
    experts: opts.experts ?? [],
    preserved,
    checkedAt: opts.checkedAt,
    sourceFile: opts.sourceFile,
    templateRulebook: meta?.template?.rulebook ?? null,
  });
  const taken = new Set(reading.names.filter((n) => n !== remove));
  const sheet = freeSheetName(summary.model.name, (n) => taken.has(n));
  summary.model.name = sheet;
  summary.layout.sheet = sheet;
  return {
    report: examined.report,
    warnings: examined.warnings,
    committee: summary.committee,
    remove,
    sheet,
    model: summary.model,
    layout: summary.layout,
    meta: nextMeta(meta, { rulebook: rulebookStamp(rb), verdict: examined.report.verdict, ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}), summary: summary.layout, ...(opts.sourceFile ? { source: opts.sourceFile } : {}) }),
  };
}

/** "Insert the template" into a workbook: its sheets under free names, and the template stamped in the metadata. */
export function planTemplate(names: readonly string[], prev: WorkbookMeta | null, rb: LoadedRulebook, year: number, lang: Lang): { sheets: SheetModel[]; indicator: string; meta: WorkbookMeta } {
  const { sheets, meta } = templateModels(rb, year, lang);
  const taken = new Set(names);
  let indicator = INDICATOR_SHEET;
  const out = sheets.map((model) => {
    const name = freeSheetName(model.name, (n) => taken.has(n));
    taken.add(name);
    if (model.name === INDICATOR_SHEET) indicator = name;
    return { ...model, name };
  });
  return { sheets: out, indicator, meta: { ...(prev ?? meta), template: meta.template } };
}
