/**
 * The province's register 监测汇总: one row per recognised cluster from all its monitoring forms — recognition
 * year, years reported and on time, the key figure and its trend, plan completion, open findings, the latest
 * monitoring verdict and the renewal due — and a detail sheet 监测明细 with every open finding. An unreadable
 * file or an application given by mistake keeps its own row, saying so: nothing is dropped.
 */
import { pagePrint } from '../report/print.js';
import { registerChartsModel } from './charts.js';
import { SheetBuilder, type SheetModel, type StyleKey } from '../report/sheet-model.js';
import { t, tAny } from '../text/index.js';
import type { Lang } from '../types.js';
import type { MonitoringForm } from './form.js';
import { openFindings, type MonitoringReport, type MonitoringVerdict } from './review.js';
import { validity } from './checks.js';

/** A recognised cluster as the province's roster lists it (./roster.ts reads it). */
export interface RosterEntry {
  name: string;
  province: string | null;
  county: string | null;
  recognitionYear: number;
  lastRenewal?: number;
  renewalFailed?: boolean;
  /** Where the row is, e.g. "认定名单!B3" (or the application's file). */
  source: string;
}

export interface RegisterEntry {
  file: string;
  report?: MonitoringReport;
  /** Why the file is not in the register: an error in words, or the file is an application. */
  error?: string;
  application?: boolean;
  /** A cluster of the province's roster no form came from (`file` names its roster row). */
  notReceived?: RosterEntry;
}

export interface MonitoringHistory {
  /** Monitoring years due from the recognition year to the latest reported (or `until`). */
  expected: number[];
  reported: number[];
  missing: number[];
  onTime: number;
  targetsMet: number;
  targetsTotal: number;
  verdicts: Array<{ year: number; verdict: MonitoringVerdict; text: Record<Lang, string> }>;
}

export interface ClusterRecord {
  key: string;
  name: string;
  province: string;
  county: string;
  recognitionYear: number | null;
  /** The year validity expires (renewal due), from the latest form that gives one: a later blank form never drops it. */
  renewalYear: number | null;
  /** One report per monitoring year (of several for one year, the one `laterForm` puts last), oldest first. */
  reports: MonitoringReport[];
  files: string[];
  /** Years given more than one form: the files and the one counted. */
  duplicates: Array<{ year: number; files: string[]; chosen: string }>;
  latest: MonitoringReport;
  history: MonitoringHistory;
}

/** The monitoring history of one cluster; `until` is the last monitoring year due (default the latest reported). */
export function monitoringHistory(reports: readonly MonitoringReport[], recognitionYear: number | null, until?: number): MonitoringHistory {
  const years = [...new Set(reports.flatMap((r) => (r.monitoringYear === null ? [] : [r.monitoringYear])))].sort((a, b) => a - b);
  const last = until ?? (years.length ? years[years.length - 1]! : null);
  const expected: number[] = [];
  if (recognitionYear !== null && last !== null) for (let y = recognitionYear; y <= last; y++) expected.push(y);
  const byYear = new Map(reports.filter((r) => r.monitoringYear !== null).map((r) => [r.monitoringYear!, r]));
  let met = 0;
  let total = 0;
  for (const r of byYear.values())
    for (const tg of r.targets) {
      if (tg.met === null) continue;
      total++;
      if (tg.met) met++;
    }
  return {
    expected,
    reported: years,
    missing: expected.filter((y) => !byYear.has(y)),
    onTime: [...byYear.values()].filter((r) => r.onTime === true).length,
    targetsMet: met,
    targetsTotal: total,
    verdicts: [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, r]) => ({ year, verdict: r.verdict, text: r.verdictText })),
  };
}

/** A file's name without its folders (the register names files as given; its notes need only the name). */
const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

const RANK: Record<MonitoringVerdict, number> = { revoke: 0, verify: 1, attention: 2, normal: 3 };

/**
 * Of two forms for one year, the one that counts, never the order they were given in: the one the province recorded
 * as received last (R3: a resubmission replaces the first), then the file name last in code-point order. Positive
 * when `a` counts over `b`. The same rule for `monitor` and `renewal`.
 */
export function laterForm(a: { submitted: string | null; file?: string }, b: { submitted: string | null; file?: string }): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.submitted ?? '', b.submitted ?? '') || cmp(a.file ?? '', b.file ?? '');
}

export function clusterRecords(entries: readonly RegisterEntry[]): ClusterRecord[] {
  const groups = new Map<string, Array<{ file: string; report: MonitoringReport }>>();
  for (const e of entries) {
    if (!e.report) continue;
    const c = e.report.cluster;
    const key = [c.name ?? e.file, c.province ?? '', c.county ?? ''].join('\u0000');
    const list = groups.get(key) ?? [];
    list.push({ file: e.file, report: e.report });
    groups.set(key, list);
  }
  return [...groups.entries()].map(([key, list]) => {
    const byYear = new Map<number | null, { file: string; report: MonitoringReport }>();
    const given = new Map<number, string[]>();
    for (const x of list) {
      const y = x.report.monitoringYear;
      if (y !== null) given.set(y, [...(given.get(y) ?? []), x.file]);
      const held = byYear.get(y);
      if (!held || laterForm({ submitted: x.report.submitted, file: x.file }, { submitted: held.report.submitted, file: held.file }) > 0) byYear.set(y, x);
    }
    const duplicates = [...given].filter(([, files]) => files.length > 1).map(([year, files]) => ({ year, files: [...files].sort(), chosen: byYear.get(year)!.file })).sort((a, b) => a.year - b.year);
    const reports = [...byYear.values()].map((x) => x.report).sort((a, b) => (a.monitoringYear ?? 0) - (b.monitoringYear ?? 0));
    const latest = reports[reports.length - 1]!;
    // A later form left blank (or half filled) never blanks what an earlier one said.
    const newest = [...reports].reverse();
    const recognitionYear = newest.find((r) => r.recognitionYear !== null)?.recognitionYear ?? null;
    const renewalYear = newest.find((r) => r.renewalYear !== null)?.renewalYear ?? null;
    const c = latest.cluster;
    return {
      key,
      name: c.name ?? list[0]!.file,
      province: c.province ?? '',
      county: c.county ?? '',
      recognitionYear,
      renewalYear,
      reports,
      // In code-point order: the register never depends on the order the forms were given in.
      files: list.map((x) => x.file).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      duplicates,
      latest,
      history: monitoringHistory(reports, recognitionYear),
    };
  });
}

function sortedRecords(records: ClusterRecord[]): ClusterRecord[] {
  return [...records].sort((a, b) => RANK[a.latest.verdict] - RANK[b.latest.verdict] || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The renewal state in the current year: due now, expired, or valid until. */
function renewalState(r: { renewalYear: number | null }, year: number): { key: 'due' | 'expired' | 'valid' | 'unknown'; year: number | null } {
  if (r.renewalYear === null) return { key: 'unknown', year: null };
  if (r.renewalYear === year) return { key: 'due', year: r.renewalYear };
  if (r.renewalYear < year) return { key: 'expired', year: r.renewalYear };
  return { key: 'valid', year: r.renewalYear };
}

function renewalText(renewal: ReturnType<typeof renewalState>, lang: Lang): string {
  return renewal.key === 'due'
    ? t('monitoring.register.dueRenewal', lang, { year: renewal.year })
    : renewal.key === 'expired'
      ? t('monitoring.register.expired', lang, { year: renewal.year })
      : renewal.key === 'valid'
        ? t('monitoring.register.validUntil', lang, { year: renewal.year })
        : '';
}

const VERDICT_STYLE: Record<MonitoringVerdict, StyleKey> = { revoke: 'status.veto', verify: 'status.fail', attention: 'status.warn', normal: 'status.pass' };

export function registerModels(form: MonitoringForm, entries: readonly RegisterEntry[], lang: Lang, year: number): SheetModel[] {
  const records = sortedRecords(clusterRecords(entries));
  const key = form.figures.find((c) => form.base.indicators.get(c)?.series) ?? form.figures[0]!;
  const keyInd = form.base.indicators.get(key)!;
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const b = new SheetBuilder();
  const cols = [
    t('monitoring.register.colNo', lang),
    t('monitoring.register.colName', lang),
    t('monitoring.register.colProvince', lang),
    t('monitoring.register.colCounty', lang),
    t('monitoring.register.colRecognised', lang),
    t('monitoring.register.colReported', lang),
    t('monitoring.register.colOnTime', lang),
    t('monitoring.register.colMissingYears', lang),
    t('monitoring.register.colOutput', lang, { label: pick(keyInd.label), unit: keyInd.unit ?? '' }),
    t('monitoring.register.colTrend', lang),
    t('monitoring.register.colPlan', lang),
    t('monitoring.register.colFindings', lang),
    t('monitoring.register.colVerdict', lang),
    t('monitoring.register.colRenewal', lang),
    t('monitoring.register.colFiles', lang),
  ];
  const forms = entries.filter((e) => e.report).length;
  b.set(0, 0, { value: t('monitoring.register.title', lang), style: 'title' });
  b.merge(0, 0, 0, cols.length - 1);
  b.set(1, 0, { value: t('monitoring.register.subtitle', lang, { clusters: records.length, forms, deadline: form.base.data.settings.monitoringDeadline, year }), style: 'subtitle' });
  b.merge(1, 0, 1, cols.length - 1);
  cols.forEach((h, c) => b.set(2, c, { value: h, style: 'header' }));
  let r = 3;
  for (const [i, rec] of records.entries()) {
    const h = rec.history;
    const latest = rec.latest;
    const values = rec.reports.filter((x) => typeof x.figures[key] === 'number');
    const lastV = values[values.length - 1]?.figures[key];
    const prevV = values[values.length - 2]?.figures[key];
    const trend =
      lastV === undefined ? '' : prevV === undefined ? t('monitoring.register.trendOne', lang) : lastV > prevV ? t('monitoring.register.trendUp', lang) : lastV < prevV ? t('monitoring.register.trendDown', lang) : t('monitoring.register.trendFlat', lang);
    const open = openFindings(latest);
    const renewal = renewalState(rec, year);
    const notes = rec.duplicates.map((d) => t('monitoring.register.sameYear', lang, { year: d.year, files: d.files.map(baseName), chosen: baseName(d.chosen) }));
    const row: Array<[string | number | null, StyleKey]> = [
      [i + 1, 'text'],
      [rec.name, 'text'],
      [rec.province, 'text'],
      [rec.county, 'text'],
      [rec.recognitionYear, 'text'],
      [h.reported.join(lang === 'zh-CN' ? '、' : ', '), 'text'],
      [t('monitoring.register.onTime', lang, { onTime: h.onTime, reported: h.reported.length }), h.onTime < h.reported.length ? 'status.fail' : 'text'],
      [h.missing.length ? h.missing.join(lang === 'zh-CN' ? '、' : ', ') : t('monitoring.register.none', lang), h.missing.length ? 'status.fail' : 'text'],
      [lastV ?? null, 'text'],
      [trend, 'text'],
      // Only targets a year's figure is judged against (not 1.5, with no better side, nor 7.1, a three-year count).
      [latest.targets.some((x) => x.met !== null) ? t('monitoring.register.plan', lang, { met: latest.targets.filter((x) => x.met).length, total: latest.targets.filter((x) => x.met !== null).length }) : t('monitoring.register.noTargets', lang), latest.targets.some((x) => x.met === false) ? 'status.warn' : 'text'],
      [open.length ? open.slice(0, 3).map((f) => `${tAny(`status.${f.status}`, lang)}：${f.messages[lang]}`).join('\n') + (open.length > 3 ? `\n…(${open.length})` : '') : t('monitoring.register.none', lang), 'wrap'],
      [latest.verdictText[lang], VERDICT_STYLE[latest.verdict]],
      [renewalText(renewal, lang), renewal.key === 'due' || renewal.key === 'expired' ? 'status.warn' : 'text'],
      [[...rec.files, ...notes].join('\n'), 'wrap'],
    ];
    row.forEach(([value, style], c) => b.set(r, c, { value, style }));
    r++;
  }
  for (const e of entries) {
    const nr = e.notReceived;
    if (e.report || !nr) continue;
    // A rostered cluster that sent nothing keeps its row, recognition year and renewal as the roster gives them.
    const renewal = renewalState({ renewalYear: validity(form, nr.recognitionYear, nr.lastRenewal ?? null).expires }, year);
    const row: Array<[string | number | null, StyleKey] | null> = [
      [r - 2, 'text'],
      [nr.name, 'text'],
      [nr.province, 'text'],
      [nr.county, 'text'],
      [nr.recognitionYear, 'text'],
      null,
      null,
      null,
      null,
      null,
      null,
      [t('monitoring.register.notReceivedNote', lang, { year: year - 1 }), 'wrap'],
      [t('monitoring.register.notReceived', lang), 'status.fail'],
      [renewalText(renewal, lang), renewal.key === 'due' || renewal.key === 'expired' ? 'status.warn' : 'text'],
      [nr.source, 'wrap'],
    ];
    row.forEach((x, c) => x && b.set(r, c, { value: x[0], style: x[1] }));
    r++;
  }
  for (const e of entries) {
    if (e.report || e.notReceived) continue;
    b.set(r, 0, { value: r - 2, style: 'text' });
    b.set(r, 1, { value: e.file, style: 'text' });
    b.set(r, 11, { value: e.application ? t('monitoring.register.notMonitoring', lang) : (e.error ?? ''), style: 'wrap' });
    b.set(r, 12, { value: t('monitoring.register.unreadable', lang), style: 'status.invalid' });
    b.set(r, 14, { value: e.file, style: 'wrap' });
    r++;
  }
  const register: SheetModel = {
    name: t('monitoring.register.sheet', lang),
    cells: b.cells,
    // One landscape page wide at 8 pt or more (about 190 characters in all): long texts wrap (./report/row-heights.ts).
    widths: [5, 16, 8, 10, 8, 11, 10, 11, 10, 7, 11, 32, 14, 14, 20],
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: 3, cols: 2 },
  };
  const subject = t('monitoring.register.title', lang);
  register.print = pagePrint(register, { subject, lang, repeatRows: [2, 2], repeatCols: [0, 1] });

  const d = new SheetBuilder();
  const dcols = [t('monitoring.register.colName', lang), t('monitoring.register.colYear', lang), t('monitoring.register.colCode', lang), t('monitoring.register.colStatus', lang), t('monitoring.register.colMessage', lang)];
  dcols.forEach((h, c) => d.set(0, c, { value: h, style: 'header' }));
  let dr = 1;
  for (const rec of records)
    for (const rep of rec.reports)
      for (const f of openFindings(rep)) {
        d.set(dr, 0, { value: rec.name, style: 'text' });
        d.set(dr, 1, { value: rep.monitoringYear, style: 'text' });
        d.set(dr, 2, { value: f.code, style: 'text' });
        d.set(dr, 3, { value: tAny(`status.${f.status}`, lang), style: `status.${f.status}` });
        d.set(dr, 4, { value: f.messages[lang], style: 'wrap' });
        dr++;
      }
  const detail: SheetModel = { name: t('monitoring.register.findingsSheet', lang), cells: d.cells, widths: [28, 10, 20, 10, 90], freeze: { rows: 1, cols: 1 } };
  detail.print = pagePrint(detail, { subject, lang, repeatRows: [0, 0] });
  return [register, detail, registerChartsModel(form, records, lang, subject)];
}
