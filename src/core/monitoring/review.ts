/**
 * One monitoring form from snapshot to findings, verdict and report. The monitoring verdict follows the
 * application's precedence discipline, from findings alone:
 *   建议撤销认定 `revoke`  — a veto (R2 false declaration or violations, R5 an event of D1–D9 in the year);
 *   需关注 `attention`     — a fail (R1 renewal not applied for or validity expired, R3 late or not
 *                            cooperating, R4 a change not filed), or data that blocks a check (数据不全);
 *   正常 `normal`          — otherwise. Warnings (R6 targets missed) never change it; they go to the renewal panel.
 * The verdict names the Art. 17 grounds (`grounds`) its findings establish. A fail is 需关注, not 建议撤销认定: the
 * province confirms the facts (a justified delay, a filing it holds) before it proposes a revocation.
 */
import { renderMessage } from '../messages/index.js';
import { blocksVerdict } from '../verdict.js';
import { t } from '../text/index.js';
import { severity, type Finding, type Lang, type Status } from '../types.js';
import { runMonitoringChecks, validity } from './checks.js';
import { deadlineFor, type MonitoringForm } from './form.js';
import { readMonitoringSheet, type MonitoringInputs } from './read.js';

export type MonitoringVerdict = 'revoke' | 'attention' | 'normal';
const MONITORING_REPORT_FORMAT = 'cluster-review/monitoring-report@1';

export interface MonitoringReview {
  inputs: MonitoringInputs;
  findings: Finding[];
  verdict: MonitoringVerdict;
  /** Art. 17 grounds (1–5) the verdict rests on, ascending. */
  grounds: number[];
  /** Attention only because data are missing or invalid. */
  incomplete: boolean;
}

const CHECK_ORDER = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'];

function monitoringVerdict(findings: readonly Finding[], required: ReadonlySet<string>): Pick<MonitoringReview, 'verdict' | 'grounds' | 'incomplete'> {
  const grounds = (status: Status) => [...new Set(findings.filter((f) => f.status === status && typeof f.params.ground === 'number').map((f) => f.params.ground as number))].sort();
  if (findings.some((f) => f.status === 'veto')) return { verdict: 'revoke', grounds: grounds('veto'), incomplete: false };
  if (findings.some((f) => f.status === 'fail')) return { verdict: 'attention', grounds: grounds('fail'), incomplete: false };
  if (findings.some((f) => blocksVerdict(f, required))) return { verdict: 'attention', grounds: [], incomplete: true };
  return { verdict: 'normal', grounds: [], incomplete: false };
}

export function reviewMonitoring(snapshot: Parameters<typeof readMonitoringSheet>[0], form: MonitoringForm): MonitoringReview {
  const inputs = readMonitoringSheet(snapshot, form);
  const checks = inputs.found ? runMonitoringChecks(form, inputs) : [];
  const codeOrder = new Map(form.rb.data.indicators.map((i, n) => [i.code, n]));
  const key = (f: Finding) => (f.source === 'sheet' ? -1 : CHECK_ORDER.indexOf(f.check ?? '') * 1000 + (codeOrder.get(f.indicator ?? '') ?? 999));
  const all = [...inputs.findings, ...checks].map((f, i) => ({ f, i }));
  all.sort((a, b) => key(a.f) - key(b.f) || a.i - b.i);
  const findings = all.map((x) => x.f);
  return { inputs, findings, ...monitoringVerdict(findings, inputs.required) };
}

const NUMERALS_ZH = ['一', '二', '三', '四', '五'];

/** 建议撤销认定（第十七条第五项） / "Revocation recommended (Art. 17 (5))". */
function verdictText(r: Pick<MonitoringReview, 'verdict' | 'grounds' | 'incomplete'>, lang: Lang): string {
  const verdict = t(`monitoring.verdict.${r.verdict}`, lang);
  if (r.incomplete) return t('monitoring.verdictIncomplete', lang, { verdict });
  if (!r.grounds.length) return verdict;
  const grounds = r.grounds.map((n) => t('monitoring.ground', lang, { n: lang === 'zh-CN' ? NUMERALS_ZH[n - 1]! : n }));
  return t('monitoring.verdictWithGrounds', lang, { verdict, grounds });
}

export interface MonitoringReportFinding extends Finding {
  messages: Record<Lang, string>;
}

export interface MonitoringReport {
  format: typeof MONITORING_REPORT_FORMAT;
  file?: string;
  sheet: string;
  rulebook: { id: string; edition: string; fingerprint: string };
  cluster: { name: string | null; province: string | null; county: string | null; leadingIndustry: string | null; nicheSector: string | null };
  recognitionYear: number | null;
  monitoringYear: number | null;
  /** ISO dates. */
  deadline: string | null;
  submitted: string | null;
  onTime: boolean | null;
  /** The year validity expires (the renewal year); `dueForRenewal` when the form is submitted in it. */
  renewalYear: number | null;
  dueForRenewal: boolean;
  verdict: MonitoringVerdict;
  grounds: number[];
  incomplete: boolean;
  verdictText: Record<Lang, string>;
  counts: Record<Status, number>;
  /** The monitoring-year figures by code (numbers only). */
  figures: Record<string, number>;
  /** `fromPlan`: taken from the application's plan sheet in renewal review, the form carrying none (./renewal.ts). */
  targets: Array<{ indicator: string; target: number; actual: number | null; met: boolean | null; fromPlan?: boolean }>;
  findings: MonitoringReportFinding[];
}

export function monitoringReport(review: MonitoringReview, form: MonitoringForm, source: { file?: string } = {}): MonitoringReport {
  const { inputs } = review;
  const val = (code: string) => {
    const v = inputs.values.get(code);
    return v?.state === 'ok' ? v.value : undefined;
  };
  const text = (code: string) => {
    const x = val(code);
    return typeof x === 'string' ? x : null;
  };
  const id = form.base.data.settings.identity;
  const year = inputs.year;
  const recognised = typeof val('R1') === 'number' ? (val('R1') as number) : null;
  const renewal = recognised !== null ? validity(form, recognised, typeof val('R1.1') === 'number' ? (val('R1.1') as number) : null).expires : null;
  const submitted = text('R3');
  const deadline = year !== null ? deadlineFor(form, year) : null;
  const counts: Record<Status, number> = { pass: 0, fail: 0, veto: 0, warn: 0, missing: 0, invalid: 0, review: 0, na: 0 };
  for (const f of review.findings) counts[f.status]++;
  const figures: Record<string, number> = {};
  for (const code of form.figures) if (typeof val(code) === 'number') figures[code] = val(code) as number;
  const targets = [...inputs.targets].flatMap(([indicator, tv]) => {
    if (tv.state !== 'ok') return [];
    const f = review.findings.find((x) => x.check === 'R6' && x.indicator === indicator);
    return [{ indicator, target: tv.value as number, actual: typeof val(indicator) === 'number' ? (val(indicator) as number) : null, met: f ? f.status === 'pass' : null }];
  });
  return {
    format: MONITORING_REPORT_FORMAT,
    ...(source.file !== undefined ? { file: source.file } : {}),
    sheet: inputs.sheet,
    rulebook: { id: form.base.data.id, edition: form.base.data.edition, fingerprint: form.base.fingerprint },
    cluster: { name: text(id.name), province: text(id.province), county: text(id.county), leadingIndustry: text(id.leadingIndustry), nicheSector: text(id.nicheSector) },
    recognitionYear: recognised,
    monitoringYear: year,
    deadline,
    submitted,
    onTime: submitted !== null && deadline !== null ? submitted <= deadline : null,
    renewalYear: renewal,
    dueForRenewal: renewal !== null && year !== null && year + 1 === renewal,
    verdict: review.verdict,
    grounds: review.grounds,
    incomplete: review.incomplete,
    verdictText: { 'zh-CN': verdictText(review, 'zh-CN'), 'en-US': verdictText(review, 'en-US') },
    counts,
    figures,
    targets,
    findings: review.findings.map((f) => ({ ...f, messages: { 'zh-CN': renderMessage(f, form.rb, 'zh-CN'), 'en-US': renderMessage(f, form.rb, 'en-US') } })),
  };
}

/** The findings a reviewer must act on, most severe first. */
export const openFindings = (r: MonitoringReport): MonitoringReportFinding[] =>
  r.findings.filter((f) => f.status === 'veto' || f.status === 'fail' || f.status === 'invalid' || f.status === 'missing' || f.status === 'warn').sort((a, b) => severity(a.status) - severity(b.status));


