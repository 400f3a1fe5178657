/**
 * The workflow step both adapters apply to a monitoring form: from what the adapter read (the same Reading as
 * for an application), the form's sheet reviewed with R1–R6 and its report. Null when the workbook is not a
 * monitoring form (formKind) or has no sheet with its codes.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Snapshot } from '../types.js';
import type { WorkbookMeta } from '../report/meta.js';
import { MONITORING_SHEET, monitoringForm } from './form.js';
import { formKind } from './recognise.js';
import { monitoringReport, reviewMonitoring, type FactsOf, type MonitoringReport, type MonitoringReview } from './review.js';

export interface MonitoringExamined {
  sheet: string;
  review: MonitoringReview;
  report: MonitoringReport;
}

export function examineMonitoring(
  reading: { names: readonly string[]; meta: WorkbookMeta | null; found: { snapshot: Snapshot } | null },
  rb: LoadedRulebook,
  source: { file?: string } = {},
  sheets: Iterable<Snapshot> = [],
  facts: FactsOf = {},
  /** The adapter's date (YYYY-MM-DD): a monitoring year or receipt date after it is invalid. */
  today?: string,
): MonitoringExamined | null {
  if (formKind(reading) !== 'monitoring') return null;
  const form = monitoringForm(rb);
  // The form's own sheet first, else the sheet the application reader picked.
  const candidates = [...sheets, ...(reading.found ? [reading.found.snapshot] : [])].sort((a, b) => Number(b.sheet === MONITORING_SHEET) - Number(a.sheet === MONITORING_SHEET));
  for (const snapshot of candidates) {
    const review = reviewMonitoring(snapshot, form, facts, today);
    if (review.inputs.found) return { sheet: snapshot.sheet, review, report: monitoringReport(review, form, source) };
  }
  return null;
}
