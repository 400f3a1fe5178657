/**
 * One monitoring form from snapshot to findings, verdict and report. The monitoring verdict follows Art. 17 —
 * any of its five grounds revokes — from findings alone:
 *   建议撤销认定 `revoke`         — an established ground (`veto`): R2 or R5 declared on the form, R3 late by the
 *                                  province's receipt date, R1 on the province's roster;
 *   存在撤销认定情形，待核实 `verify` — a ground resting only on the cluster's own answer or year (`fail`): R1 on
 *                                  the form's recognition year, R3.1 not cooperating, R4 a change not filed;
 *   需关注 `attention`            — warnings (a renewal not yet applied for in the renewal year, a missed target)
 *                                  or data that block a check (数据不全);
 *   正常 `normal`                 — otherwise.
 * The verdict names the Art. 17 grounds (`grounds`) its findings establish or suggest; 需关注 names none.
 */
import { renderMessage } from '../messages/index.js';
import { blocksVerdict } from '../verdict.js';
import { t } from '../text/index.js';
import { severity, type Finding, type Lang, type Status } from '../types.js';
import { runMonitoringChecks, validity, type MonitoringFacts } from './checks.js';
import { deadlineFor, type MonitoringForm } from './form.js';
import { readMonitoringSheet, type MonitoringInputs } from './read.js';

export type MonitoringVerdict = 'revoke' | 'verify' | 'attention' | 'normal';
const MONITORING_REPORT_FORMAT = 'cluster-review/monitoring-report@1';

export interface MonitoringReview {
  inputs: MonitoringInputs;
  findings: Finding[];
  verdict: MonitoringVerdict;
  /** Art. 17 grounds (1–5) the verdict rests on, ascending. */
  grounds: number[];
  /** Attention only because data are missing or invalid. */
  incomplete: boolean;
  /** What the province's records said of the cluster (its roster), used before the form's own answers. */
  facts: MonitoringFacts;
}

const CHECK_ORDER = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'];

function monitoringVerdict(findings: readonly Finding[], required: ReadonlySet<string>): Pick<MonitoringReview, 'verdict' | 'grounds' | 'incomplete'> {
  const grounds = (status: Status) => [...new Set(findings.filter((f) => f.status === status && typeof f.params.ground === 'number').map((f) => f.params.ground as number))].sort();
  if (findings.some((f) => f.status === 'veto')) return { verdict: 'revoke', grounds: grounds('veto'), incomplete: false };
  if (findings.some((f) => f.status === 'fail')) return { verdict: 'verify', grounds: grounds('fail'), incomplete: false };
  if (findings.some((f) => blocksVerdict(f, required))) return { verdict: 'attention', grounds: [], incomplete: true };
  if (findings.some((f) => f.status === 'warn')) return { verdict: 'attention', grounds: [], incomplete: false };
  return { verdict: 'normal', grounds: [], incomplete: false };
}

/** What the province's records say of the cluster: given, or looked up from the form's own identity (its roster). */
export type FactsOf = MonitoringFacts | ((cluster: { name: string | null; province: string | null; county: string | null }) => MonitoringFacts);

/** `today` (YYYY-MM-DD, isoDay): the adapter's date, against which a year or date in the future is invalid; the core has no clock. */
export function reviewMonitoring(snapshot: Parameters<typeof readMonitoringSheet>[0], form: MonitoringForm, given: FactsOf = {}, today?: string): MonitoringReview {
  const inputs = readMonitoringSheet(snapshot, form);
  const id = form.base.data.settings.identity;
  const textOf = (code: string) => {
    const v = inputs.values.get(code);
    return v?.state === 'ok' && typeof v.value === 'string' ? v.value : null;
  };
  const facts = typeof given === 'function' ? given({ name: textOf(id.name), province: textOf(id.province), county: textOf(id.county) }) : given;
  const checks = inputs.found ? runMonitoringChecks(form, inputs, facts, today) : [];
  const codeOrder = new Map(form.rb.data.indicators.map((i, n) => [i.code, n]));
  const key = (f: Finding) => (f.source === 'sheet' ? -1 : CHECK_ORDER.indexOf(f.check ?? '') * 1000 + (codeOrder.get(f.indicator ?? '') ?? 999));
  const all = [...inputs.findings, ...checks].map((f, i) => ({ f, i }));
  all.sort((a, b) => key(a.f) - key(b.f) || a.i - b.i);
  const findings = all.map((x) => x.f);
  return { inputs, findings, facts, ...monitoringVerdict(findings, inputs.required) };
}

const NUMERALS_ZH = ['一', '二', '三', '四', '五'];

/** 建议撤销认定（第十七条第五项） / "Revocation recommended (Art. 17 (5))". */
function verdictText(r: Pick<MonitoringReview, 'verdict' | 'grounds' | 'incomplete'>, lang: Lang): string {
  const verdict = t(`monitoring.verdict.${r.verdict}`, lang);
  if (r.incomplete) return t('monitoring.verdictIncomplete', lang, { verdict });
  if (!r.grounds.length || r.verdict === 'attention') return verdict;
  const grounds = r.grounds.map((n) => t('monitoring.ground', lang, { n: lang === 'zh-CN' ? NUMERALS_ZH[n - 1]! : n }));
  return t(r.verdict === 'verify' ? 'monitoring.verdictToVerify' : 'monitoring.verdictWithGrounds', lang, { verdict, grounds });
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
  const recognised = review.facts.recognitionYear ?? (typeof val('R1') === 'number' ? (val('R1') as number) : null);
  const lastRenewal = review.facts.lastRenewal ?? (typeof val('R1.1') === 'number' ? (val('R1.1') as number) : null);
  const renewal = recognised !== null ? validity(form, recognised, lastRenewal).expires : null;
  const submitted = text('R3');
  const deadline = year !== null ? deadlineFor(form, year, recognised) : null;
  const counts: Record<Status, number> = { pass: 0, fail: 0, veto: 0, warn: 0, missing: 0, invalid: 0, review: 0, na: 0 };
  for (const f of review.findings) counts[f.status]++;
  const figures: Record<string, number> = {};
  for (const code of form.figures) if (typeof val(code) === 'number') figures[code] = val(code) as number;
  const targets = [...inputs.targets].flatMap(([indicator, tv]) => {
    if (tv.state !== 'ok') return [];
    const f = review.findings.find((x) => x.check === 'R6' && x.indicator === indicator);
    return [{ indicator, target: tv.value as number, actual: typeof val(indicator) === 'number' ? (val(indicator) as number) : null, met: f && f.status !== 'na' ? f.status === 'pass' : null }];
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


