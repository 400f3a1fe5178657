/**
 * Whether a report is a monitoring form's, in a module of its own: the pane asks this before anything else of
 * monitoring is loaded, and a module that imports nothing keeps the review engine out of its first download.
 */
import type { Report } from '../report/json.js';
import type { MonitoringVerdict } from './review.js';

/** A monitoring form's findings as the application's Report (check-plan.ts builds it), with the monitoring verdict. */
export interface MonitoringCheckReport extends Report {
  form: 'monitoring';
  monitoring: {
    verdict: MonitoringVerdict;
    grounds: number[];
    incomplete: boolean;
    monitoringYear: number | null;
    recognitionYear: number | null;
    deadline: string | null;
    submitted: string | null;
    onTime: boolean | null;
    renewalYear: number | null;
    dueForRenewal: boolean;
  };
}

/** A report of a monitoring form (the pane shows its verdict and groups its findings by R code). */
export const isMonitoringReport = (r: Report | null | undefined): r is MonitoringCheckReport => (r as Partial<MonitoringCheckReport> | null | undefined)?.form === 'monitoring';
