/**
 * A monitoring form checked like an application. Its findings (R1–R6, and the reader's) are the application's
 * Finding; here they become the application's Report — keys, messages, counts, groups by R code — so the one
 * check plan (planCheck/finishCheck in src/core/workflow) flags the form's cells with the same flags, colours,
 * notes and record, and a re-check or "clear flags" lifts exactly what the tool wrote. The report carries the
 * monitoring verdict (正常 / 需关注 / 建议撤销认定 with its Art. 17 grounds) beside the application verdict it maps to.
 */
import { findingKey, REPORT_FORMAT, type ReportFinding, type ReportGroup } from '../report/json.js';
import { isSummarySheet } from '../report/summary.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import { canonicalJson, sha256Hex } from '../rulebook/sha256.js';
import { t, tAny } from '../text/index.js';
import type { Lang, Snapshot, Status, Verdict } from '../types.js';
import { blocksVerdict, emptyCounts, type GroupResult } from '../verdict.js';
import type { Examined, Reading } from '../workflow/read.js';
import type { WorkflowWarning } from '../workflow/warnings.js';
import { examineMonitoring } from './examine.js';
import { monitoringForm, type MonitoringForm } from './form.js';
import type { MonitoringInputs } from './read.js';
import type { MonitoringReport, MonitoringReview } from './review.js';

/** The groups of a monitoring form's findings: the form and the cluster (findings of no check), then R1–R6. */
export const MONITORING_GROUPS = ['M', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const;

import { isMonitoringReport, type MonitoringCheckReport } from './is-report.js';
export { isMonitoringReport, type MonitoringCheckReport };

/**
 * The application verdict a monitoring verdict stands for, in the same precedence: 建议撤销认定 rests on a veto
 * (vetoed), 存在撤销认定情形（待核实） on a fail (failed), 需关注 on a warning (failed: it asks for action) or on
 * data that block a check (incomplete), 正常 passes. It is what the
 * workbook's record and the pane's colours follow; the words shown are always the monitoring verdict's.
 */
export function applicationVerdict(m: Pick<MonitoringReport, 'verdict' | 'incomplete'>): Verdict {
  if (m.verdict === 'revoke') return 'vetoed';
  if (m.verdict === 'normal') return 'passed';
  return m.incomplete ? 'incomplete' : 'failed';
}

const texts = (fn: (lang: Lang) => string): Record<Lang, string> => ({ 'zh-CN': fn('zh-CN'), 'en-US': fn('en-US') });

/** The monitoring report as the application's Report: one finding list, keys as `check --json` gives them. */
export function monitoringCheckReport(m: MonitoringReport, form: MonitoringForm, required: ReadonlySet<string>): MonitoringCheckReport {
  const seen = new Map<string, number>();
  const findings: ReportFinding[] = m.findings.map(({ messages, ...f }) => {
    let key = findingKey(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key = `${key}#${n}`;
    return { key, code: f.code, status: f.status, source: f.source, check: f.check, indicator: f.indicator, year: f.year, cells: f.cells, params: f.params, messages };
  });
  const counts = emptyCounts();
  for (const f of findings) counts[f.status]++;
  const titles = new Map(form.rb.data.checks.map((c) => [c.id, c.title]));
  const criteria: ReportGroup[] = MONITORING_GROUPS.map((id) => {
    const mine = findings.filter((f) => (id === 'M' ? !f.check || !titles.has(f.check) : f.check === id));
    const c: Record<Status, number> = emptyCounts();
    for (const f of mine) c[f.status]++;
    const blocks = (f: ReportFinding) => blocksVerdict(f, required);
    const result: GroupResult = c.veto ? 'veto' : c.fail ? 'fail' : mine.some(blocks) ? 'incomplete' : 'pass';
    const reasons = mine.filter((f) => f.status === 'veto' || f.status === 'fail' || f.status === 'warn' || blocks(f));
    return {
      id,
      kind: 'group',
      title: id === 'M' ? { zh: t('monitoring.check.form', 'zh-CN'), en: t('monitoring.check.form', 'en-US') } : titles.get(id)!,
      weight: null,
      result,
      resultText: texts((l) => tAny(`result.${result}`, l)),
      counts: c,
      findings: mine.map((f) => f.key),
      reasons: reasons.map((f) => f.key),
    };
  });
  const d = form.base.data;
  return {
    format: REPORT_FORMAT,
    rulebook: { id: d.id, name: d.name, edition: d.edition, authority: d.authority, fingerprint: form.base.fingerprint },
    source: { sheet: m.sheet, ...(m.file !== undefined ? { file: m.file } : {}) },
    cluster: { ...m.cluster, city: null, applicationYear: null, dataYears: m.monitoringYear !== null ? [m.monitoringYear] : null },
    verdict: applicationVerdict(m),
    verdictText: m.verdictText,
    criteria,
    counts,
    findings,
    form: 'monitoring',
    monitoring: {
      verdict: m.verdict,
      grounds: m.grounds,
      incomplete: m.incomplete,
      monitoringYear: m.monitoringYear,
      recognitionYear: m.recognitionYear,
      deadline: m.deadline,
      submitted: m.submitted,
      onTime: m.onTime,
      renewalYear: m.renewalYear,
      dueForRenewal: m.dueForRenewal,
    },
  };
}

/** The fingerprint of the form's data: every value and target the reader used (cell, state, value), in code order. */
function monitoringFingerprint(inputs: MonitoringInputs): string {
  const rows = (map: ReadonlyMap<string, { cell: string; state: string; value?: unknown }>) =>
    [...map].map(([code, v]) => [code, v.cell, v.state, v.value ?? null]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return sha256Hex(canonicalJson({ form: 'monitoring', values: rows(inputs.values), targets: rows(inputs.targets) }));
}

export interface MonitoringCheckExamined extends Examined<MonitoringReview> {
  report: MonitoringCheckReport;
  /** The monitoring report itself (what `monitor --json` and `check --json` print for the form). */
  monitoring: MonitoringReport;
}

/**
 * The monitoring form examined for a check, as `examine` does for an application: its review and report, the
 * warnings a check gives (another rulebook's template, a damaged record, review content the tool cannot vouch
 * for, data changed since the first check) and the data fingerprint the record keeps. Null when the workbook is
 * not a monitoring form. `sheets`: more snapshots to look in (the .xlsx adapter reads every candidate sheet).
 */
export function examineMonitoringCheck(reading: Reading, rb: LoadedRulebook, source: { file?: string } = {}, sheets: Iterable<Snapshot> = [], today?: string): MonitoringCheckExamined | null {
  const m = examineMonitoring(reading, rb, source, sheets, {}, today);
  if (!m) return null;
  const form = monitoringForm(rb);
  const warnings: WorkflowWarning[] = [];
  const stamp = reading.meta?.template?.rulebook;
  if (stamp && stamp.fingerprint !== rb.fingerprint)
    warnings.push({ code: 'template-rulebook-differs', params: { id: stamp.id, edition: stamp.edition, fingerprint: stamp.fingerprint.slice(0, 12) } });
  if (reading.metaDamaged) warnings.push({ code: 'record-damaged', params: {} });
  // A monitoring form has no summary of the tool's: a summary-named sheet in it is review content from elsewhere.
  for (const name of reading.names) if (isSummarySheet(name)) warnings.push({ code: 'prior-review-content', params: { sheet: name } });
  const data = monitoringFingerprint(m.review.inputs);
  const first = reading.meta?.review?.data;
  if (first && first.sha256 !== data) warnings.push({ code: 'data-changed', params: { checkedAt: first.checkedAt ?? '—' } });
  return { sheet: m.sheet, review: m.review, report: monitoringCheckReport(m.report, form, m.review.inputs.required), warnings, summary: null, data, codeCol: m.review.inputs.codeCol ?? 0, monitoring: m.report };
}
