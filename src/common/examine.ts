/**
 * Which review an action works on, the same in Excel and WPS: an annual monitoring form is recognised first and said
 * (with its own verdict) where an action needs an application; no indicator sheet is a plain error naming the sheets.
 */
import { examine, examineMonitoring, examineMonitoringCheck, isoDay, sheetsForError, type Examined, type LoadedRulebook, type MonitoringReview, type Reading, type Review } from '../core/index.js';
import { OfficeError } from './results.js';

/** The application's review; an annual monitoring form or a workbook without an indicator sheet is a plain error. */
export function requireExamined(reading: Reading, rb: LoadedRulebook): Examined {
  // A monitoring form carries the application's codes too: recognised first and said, with its own verdict.
  // The pane's own today (the core has no clock): a form dated after it is invalid.
  const monitoring = examineMonitoring(reading, rb, {}, [], {}, isoDay(new Date()));
  if (monitoring)
    throw new OfficeError('monitoring-form', { year: String(monitoring.report.monitoringYear ?? '—'), 'zh-CN': monitoring.report.verdictText['zh-CN'], 'en-US': monitoring.report.verdictText['en-US'] });
  const examined = examine(reading, rb);
  if (!examined) throw new OfficeError('no-indicator-sheet', { sheets: sheetsForError(reading.names) });
  return examined;
}

/** What "检查本工作簿" checks: a monitoring form as one (R1–R6 and its verdict, the core's monitoring step), else the application. */
export function examinedForCheck(reading: Reading, rb: LoadedRulebook): Examined<Review | MonitoringReview> {
  return examineMonitoringCheck(reading, rb, {}, [], isoDay(new Date())) ?? requireExamined(reading, rb);
}
