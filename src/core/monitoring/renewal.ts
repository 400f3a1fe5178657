/**
 * The renewal review (复核, Art. 15): in its renewal year a cluster's current indicators are checked against the
 * criteria exactly as an application (the reviewed copy with its 评审汇总, scored by the committee unchanged),
 * and the panel also sees its monitoring record: every year due reported? on time? plan targets met? This
 * builds that record as a sheet (复核监测记录) from the cluster's monitoring reports.
 */
import { pagePrint } from '../report/print.js';
import { withoutEntries, type LoadedRulebook } from '../rulebook/load.js';
import { roundOf } from '../rulebook/round.js';
import { SheetBuilder, type SheetModel, type StyleKey } from '../report/sheet-model.js';
import { t, tAny } from '../text/index.js';
import type { Lang } from '../types.js';
import type { FormLists } from '../sheet/lists.js';
import { nearlyEqual } from '../numbers.js';
import type { Better } from '../template/plan.js';
import { trendBlock } from './charts.js';
import type { MonitoringForm } from './form.js';
import { laterForm, monitoringHistory, type MonitoringHistory } from './register.js';
import { openFindings, type MonitoringReport } from './review.js';

/**
 * The rulebook a renewal review checks the cluster's current indicators with: the national recommendation's
 * eligibility of a first application (E2 — already a provincial cluster — and the rows B9, B18, B19 it reads) is
 * out of force for a cluster already recognised; everything else, thresholds included, is the rulebook's own.
 */
export function renewalRulebook(rb: LoadedRulebook): LoadedRulebook {
  if (roundOf(rb.data) !== 'national-recommendation') return rb;
  return withoutEntries(rb, { check: (c) => c.onlyInRound === 'national-recommendation', indicator: (i) => i.onlyInRound === 'national-recommendation' });
}

export interface RenewalRecord {
  history: MonitoringHistory;
  /** Every year due reported, all on time, no year recommending revocation. */
  complete: boolean;
  reports: MonitoringReport[];
  /** Reports of another cluster than the one under review (by name), left out. */
  foreign: MonitoringReport[];
  /** This cluster's reports for a year not due at this renewal (before recognition, or the renewal year or later): left out. */
  outside: MonitoringReport[];
  /**
   * The plan's completion (Art. 15): each target of a year due against the figure reported for it; a three-year
   * count (7.1) once, its last plan year's target against the years' total. `recognised`: the targets are the
   * recognised application's plan.
   */
  plan: Array<{ indicator: string; year: number; target: number; actual: number | null; met: boolean | null }>;
  planFromRecognised: boolean;
  /**
   * Years given more than one form: a problem to list, with the form the record took. The choice never depends on
   * the order of the files: the one submitted last (by its date), then the last by file name.
   */
  twice: Array<{ year: number; files: string[]; chosen: string }>;
}

/** The plan's targets by indicator code and year, as the application's plan sheet gives them. */
export type PlanTargets = ReadonlyMap<string, ReadonlyMap<number, number>>;

/** The readable targets of an application's plan sheet (none when it has no plan sheet). */
export function planTargetsOf(lists: FormLists | null | undefined): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const [code, row] of lists?.plan?.rows ?? [])
    for (const [y, c] of row.targets)
      if (c.state === 'ok' && c.value !== undefined) {
        if (!out.has(code)) out.set(code, new Map());
        out.get(code)!.set(y, c.value);
      }
  return out;
}

/**
 * A report whose form carries no targets takes the application's for its monitoring year (the same indicators:
 * ../template/plan.ts), compared with the figures it reported as R6 would: equal meets the target. A form's own
 * targets are kept as they are; a plan without the year (a new plan for the next period) adds nothing.
 */
export function withPlanTargets(r: MonitoringReport, targets: PlanTargets, better: ReadonlyMap<string, Better>, override = false, threeYear: ReadonlySet<string> = new Set()): MonitoringReport {
  // The recognised application's plan (`override`) is the commitment Art. 15 checks: it replaces a form's own targets.
  if ((r.targets.length && !override) || r.monitoringYear === null) return r;
  const added: MonitoringReport['targets'] = [];
  for (const [indicator, byYear] of targets) {
    const target = byYear.get(r.monitoringYear);
    if (target === undefined) continue;
    const actual = r.figures[indicator] ?? null;
    // No better side (1.5), or a three-year count (7.1, checked over the plan's years in the record): shown, not judged.
    if (better.get(indicator) === 'none' || threeYear.has(indicator)) {
      added.push({ indicator, target, actual, met: null, fromPlan: true });
      continue;
    }
    const lower = better.get(indicator) === 'lower';
    const met = actual === null ? null : nearlyEqual(actual, target) || (lower ? actual < target : actual > target);
    added.push({ indicator, target, actual, met, fromPlan: true });
  }
  return added.length || override ? { ...r, targets: added } : r;
}

const same = (a: string | null, b: string | null) => (a ?? '').replace(/\s+/g, '') === (b ?? '').replace(/\s+/g, '');

/**
 * The record of the cluster named `name` recognised in `recognitionYear` (from its forms when not given), as due
 * in `year` (the renewal year: the years before it are due).
 */
export function renewalRecord(
  name: string | null,
  reports: readonly MonitoringReport[],
  year: number,
  recognitionYear?: number | null,
  plan?: { targets: PlanTargets; better: ReadonlyMap<string, Better>; recognised?: boolean; threeYear?: ReadonlySet<string> },
  where: { province?: string | null; county?: string | null } = {},
): RenewalRecord {
  // The same cluster: the same name, and — where both the application and the form state them — the same province
  // and county (two provinces may each have a cluster of one name).
  const differs = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && !same(a, b);
  const mine = reports.filter((r) => (name === null || same(r.cluster.name, name)) && !differs(where.province, r.cluster.province) && !differs(where.county, r.cluster.county));
  const foreign = reports.filter((r) => !mine.includes(r));
  const own = mine.map((r) => (plan ? withPlanTargets(r, plan.targets, plan.better, plan.recognised ?? false, plan.threeYear) : r));
  const recognised = recognitionYear ?? [...own].sort((a, b) => (a.monitoringYear ?? 0) - (b.monitoringYear ?? 0)).find((r) => r.recognitionYear !== null)?.recognitionYear ?? null;
  // Only the years due count: a form for the renewal year or later (or before recognition) is left out, and said,
  // so the record's figures never count a year its own table does not list.
  const due = (y: number | null) => y !== null && y < year && (recognised === null || y >= recognised);
  const outside = own.filter((r) => r.monitoringYear !== null && !due(r.monitoringYear));
  const byYear = new Map<number, MonitoringReport>();
  const all = new Map<number, MonitoringReport[]>();
  for (const r of own) {
    if (!due(r.monitoringYear)) continue;
    all.set(r.monitoringYear!, [...(all.get(r.monitoringYear!) ?? []), r]);
    const held = byYear.get(r.monitoringYear!);
    if (!held || laterForm(r, held) > 0) byYear.set(r.monitoringYear!, r);
  }
  const twice = [...all].filter(([, rs]) => rs.length > 1).map(([y, rs]) => ({ year: y, files: rs.map((r) => r.file ?? '').sort(), chosen: byYear.get(y)!.file ?? '' })).sort((a, b) => a.year - b.year);
  const list = [...byYear.values()].sort((a, b) => a.monitoringYear! - b.monitoringYear!);
  const history = monitoringHistory(list, recognised, year - 1);
  const complete = history.missing.length === 0 && history.onTime === history.reported.length && history.expected.length > 0 && list.every((r) => r.verdict !== 'revoke');
  const completion: RenewalRecord['plan'] = [];
  const threeYear = plan?.threeYear ?? new Set<string>();
  for (const r of list)
    for (const tg of r.targets) if (!threeYear.has(tg.indicator)) completion.push({ indicator: tg.indicator, year: r.monitoringYear!, target: tg.target, actual: tg.actual, met: tg.met });
  for (const code of threeYear) {
    const byYear = plan?.targets.get(code);
    const dueYears = [...(byYear?.keys() ?? [])].filter((y) => due(y)).sort((a, b) => a - b);
    if (!dueYears.length) continue;
    const last = dueYears[dueYears.length - 1]!;
    const target = byYear!.get(last)!;
    const figures = list.map((r) => r.figures[code]).filter((x): x is number => typeof x === 'number');
    const actual = figures.length ? figures.reduce((a, b) => a + b, 0) : null;
    completion.push({ indicator: code, year: last, target, actual, met: actual === null ? null : nearlyEqual(actual, target) || actual > target });
  }
  return { history, complete, reports: list, foreign, outside, plan: completion, planFromRecognised: plan?.recognised ?? false, twice };
}

/**
 * Whether the record is complete, in words: when it is not, why — no form of this cluster among those given (others'
 * left out), no year due (the recognition year unknown, or the renewal year not after it), the years not reported,
 * reported late, or recommending revocation.
 */
export function recordStatusText(record: RenewalRecord, renewalYear: number, lang: Lang): string {
  if (record.complete) return t('monitoring.renewal.complete', lang);
  const h = record.history;
  const years = (ys: readonly number[]) => ys.join('、');
  const why: string[] = [];
  if (!record.reports.length) why.push(t('monitoring.renewal.why.no-forms', lang, { others: record.foreign.length }));
  else if (!h.expected.length) why.push(t('monitoring.renewal.why.no-years', lang, { recognised: record.reports.find((r) => r.recognitionYear !== null)?.recognitionYear ?? '—', year: renewalYear }));
  if (h.missing.length) why.push(t('monitoring.renewal.why.missing', lang, { years: years(h.missing) }));
  const late = record.reports.filter((r) => r.onTime === false).map((r) => r.monitoringYear!);
  if (late.length) why.push(t('monitoring.renewal.why.late', lang, { years: years(late) }));
  const revoke = record.reports.filter((r) => r.verdict === 'revoke').map((r) => r.monitoringYear!);
  if (revoke.length) why.push(t('monitoring.renewal.why.revoke', lang, { years: years(revoke) }));
  return t('monitoring.renewal.incomplete-why', lang, { why: why.join(lang === 'zh-CN' ? '；' : '; ') });
}

const VERDICT_STYLE: Record<string, StyleKey> = { revoke: 'status.veto', verify: 'status.fail', attention: 'status.warn', normal: 'status.pass' };

/** `form`: the monitoring form of the rulebook, for the chart of the key indicators against the plan (./charts.ts). */
export function renewalModel(record: RenewalRecord, cluster: { name: string; recognitionYear: number | null }, year: number, lang: Lang, form?: MonitoringForm): SheetModel {
  const h = record.history;
  const b = new SheetBuilder();
  const last = 6;
  b.set(0, 0, { value: t('monitoring.renewal.title', lang, { name: cluster.name, recognised: cluster.recognitionYear ?? '—', year }), style: 'title' });
  b.merge(0, 0, 0, last);
  b.set(1, 0, { value: recordStatusText(record, year, lang), style: record.complete ? 'status.pass' : 'status.fail' });
  b.merge(1, 0, 1, last);
  const summary = t('monitoring.renewal.history', lang, {
    expected: h.expected.length,
    reported: h.reported.length,
    onTime: h.onTime,
    met: h.targetsMet,
    total: h.targetsTotal,
    verdicts: h.verdicts.map((v) => `${v.year} ${v.text[lang]}`),
  });
  b.set(2, 0, { value: summary, style: 'wrap' });
  b.merge(2, 0, 2, last);
  b.fit(2, summary, 120);
  const cols = ['monitoring.register.colYear', 'monitoring.colActual', 'monitoring.register.colOnTime', 'monitoring.register.colVerdict', 'monitoring.register.colPlan', 'monitoring.register.colFindings', 'monitoring.register.colFiles'] as const;
  cols.forEach((k, c) => b.set(4, c, { value: k === 'monitoring.colActual' ? t('monitoring.row.R3', lang) : t(k, lang), style: 'header' }));
  let r = 5;
  const byYear = new Map(record.reports.map((x) => [x.monitoringYear!, x]));
  for (const y of h.expected.length ? h.expected : [...byYear.keys()]) {
    const rep = byYear.get(y);
    b.set(r, 0, { value: y, style: 'text' });
    if (!rep) {
      b.set(r, 1, { value: t('monitoring.renewal.notReported', lang), style: 'status.fail' });
      r++;
      continue;
    }
    const open = openFindings(rep);
    b.set(r, 1, { value: rep.submitted ?? '', style: 'text' });
    b.set(r, 2, { value: rep.onTime === null ? '' : rep.onTime ? '✓' : '✗', style: rep.onTime === false ? 'status.fail' : 'text' });
    b.set(r, 3, { value: rep.verdictText[lang], style: VERDICT_STYLE[rep.verdict]! });
    const judged = rep.targets.filter((x) => x.met !== null);
    b.set(r, 4, { value: judged.length ? `${judged.filter((x) => x.met).length}/${judged.length}` : t('monitoring.register.noTargets', lang), style: rep.targets.some((x) => x.met === false) ? 'status.warn' : 'text' });
    const text = open.map((f) => `${tAny(`status.${f.status}`, lang)}：${f.messages[lang]}`).join('\n') || t('monitoring.register.none', lang);
    b.set(r, 5, { value: text, style: 'wrap' });
    b.fit(r, text, 70);
    b.set(r, 6, { value: rep.file ?? '', style: 'text' });
    r++;
  }
  const model: SheetModel = { name: t('monitoring.renewal.sheet', lang), cells: b.cells, widths: [10, 14, 10, 30, 12, 70, 26], heights: b.heights, merges: b.merges, freeze: { rows: 5, cols: 1 } };
  if (form) {
    // The key indicators year by year against the plan, below the record (./charts.ts), and the record on A4.
    b.row = r + 1;
    const block = trendBlock(b, model, form, record.reports, cluster.name, lang);
    model.print = pagePrint(model, { subject: t('monitoring.renewal.title', lang, { name: cluster.name, recognised: cluster.recognitionYear ?? '—', year }), lang, repeatRows: [4, 4], ...(block ? { keep: [block] } : {}) });
  }
  return model;
}
