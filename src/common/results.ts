/**
 * What the pane gets back from either spreadsheet host, whichever adapter ran (src/office for Excel, src/wps for
 * WPS 表格): the check's result, the adapter's plain error, the scoring view and an entry's outcome. Host-neutral,
 * so the two adapters share one shape without either importing the other.
 */
import type { PaneState, ScorePlan } from '../core/committee/pane.js';
import type { CellValue, MonitoringReview, Report, Review, SummaryLayout, Verdict, WorkflowWarning } from '../core/index.js';

/** A problem with the workbook as a whole, shown in the pane as a plain message (never a stack trace). */
export class OfficeError extends Error {
  constructor(
    readonly code: 'no-indicator-sheet' | 'sheet-protected' | 'monitoring-form' | 'workbook-protected' | 'summary-busy',
    readonly params: Record<string, string | string[]> = {},
    /**
     * `sheet-protected`: the sheet has a password the tool was not given (or a wrong one): the pane asks for it and
     * checks again with `{ password }` (never stored). `review` is the whole review, for the pane to show read-only.
     */
    readonly extra: { needsPassword?: boolean; review?: { report: Report; review: Review | MonitoringReview; sheet: string; warnings: WorkflowWarning[] } } = {},
  ) {
    super(code);
    this.name = 'OfficeError';
  }
  get needsPassword(): boolean {
    return this.extra.needsPassword === true;
  }
}

/**
 * Whether an action failed with the adapter's OfficeError (WPS's adapter throws the same class). By name, not
 * instanceof: the pane may see an error from a lazily loaded chunk holding its own copy of the class.
 */
export const isOfficeError = (e: unknown): e is OfficeError => e instanceof Error && e.name === 'OfficeError' && 'code' in e && 'params' in e;

/**
 * Why a check could not write its flags; the review is whole all the same, and the pane shows it read-only.
 * `sheet-protected`: a sheet has a password the tool was not given (`passwordTried`: the one given was wrong); the
 * pane asks for it and checks again with `{ password }` (never stored). `workbook-protected`: the workbook's
 * structure is protected and the tool's record sheet does not exist yet, so the flags could not be recorded (and
 * never lifted again): none is written.
 */
export type ReadOnly = { reason: 'sheet-protected'; sheet: string; passwordTried: boolean } | { reason: 'workbook-protected' };

export interface CheckResult {
  /** A monitoring form's is a MonitoringCheckReport (isMonitoringReport): its verdict, findings by R code. */
  report: Report;
  review: Review | MonitoringReview;
  sheet: string;
  flagged: number;
  restored: number;
  warnings: WorkflowWarning[];
  /** Present when nothing was written: why (the review above is whole). */
  readOnly?: ReadOnly;
}

export interface PaneThread {
  id: string;
  criterion: string;
  cell: string;
  author: string;
  content: string;
  /** null where Excel cannot say (before ExcelApi 1.11). */
  resolved: boolean | null;
  replies: number;
}

export interface ScoringView {
  layout: SummaryLayout;
  /** The summary's sheet id and its name now. */
  sheetId: string;
  sheet: string;
  /** 评分记录's sheet id, when the workbook has one. */
  auditId: string | null;
  verdict: Verdict;
  application: string;
  state: PaneState;
  /** Threads on the criteria rows, by criterion id (null: this Excel has no threaded comments). */
  threads: Map<string, PaneThread[]> | null;
  /**
   * What the view was made from (Excel): the summary's cells and 评分记录's rows. After the pane's own entry the
   * view is made again from these with the entry in (no re-read: one entry costs its read and its write, 2 syncs).
   */
  source?: { cells: Map<string, CellValue>; audit: CellValue[][] };
}

export type ScoringProblem = 'no-summary' | 'not-trusted';

/** `view`: the view with the entry in, where the adapter could make it without reading again (Excel). */
export type EntryResult = { kind: 'written'; plan: Extract<ScorePlan, { kind: 'write' }>; view?: ScoringView } | Exclude<ScorePlan, { kind: 'write' }>;
