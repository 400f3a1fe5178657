/**
 * Monitoring charts: a recognised cluster's key indicators year by year against its plan targets. For each year a
 * row of the table holds, per key indicator, the actual figure, the plan target and the share of the target
 * reached (a live formula); the chart draws the shares as columns, with the plan target as the 100 % line, so being
 * on plan reads at a glance whatever each indicator's unit. One block per cluster: the register's 监测图表 sheet
 * holds one for every cluster, the renewal record 复核监测记录 the one of its cluster.
 */
import { toA1 } from '../address.js';
import { CHART_NAME_PREFIX, chartRows, placeBelow, range, seriesStyle, type ChartModel } from '../report/charts.js';
import { pagePrint } from '../report/print.js';
import { SheetBuilder, type SheetModel } from '../report/sheet-model.js';
import { t } from '../text/index.js';
import type { Lang } from '../types.js';
import type { MonitoringForm } from './form.js';
import type { MonitoringReport } from './review.js';

/** At most this many indicators in one chart: more lines than that are not read at a glance. */
const MAX_KEYS = 3;

/**
 * The key indicators of a cluster's reports: the figures with a plan target in some year, series indicators first
 * (output, R&D: what a cluster reports every year), the first of each criterion group before a second of any.
 */
export function keyIndicators(form: MonitoringForm, reports: readonly MonitoringReport[]): string[] {
  const targeted = new Set(reports.flatMap((r) => r.targets.map((x) => x.indicator)));
  const codes = form.figures.filter((c) => targeted.has(c));
  const series = (c: string) => (form.base.indicators.get(c)?.series ? 0 : 1);
  const ordered = [...codes].sort((a, b) => series(a) - series(b) || codes.indexOf(a) - codes.indexOf(b));
  const group = (c: string) => c.split('.')[0];
  const firsts = ordered.filter((c, i) => ordered.findIndex((x) => group(x) === group(c)) === i);
  return [...new Set([...firsts, ...ordered])].slice(0, MAX_KEYS);
}

/** Table and chart widths: the year, then actual, target and share for each key indicator. */
export const TREND_WIDTHS = [8, 11, 11, 9, 11, 11, 9, 11, 11, 9];

/**
 * Writes one cluster's block from `b.row`: a heading (when given), the table, and the chart below it (added to
 * `model.charts`; `model` is the sheet being built, sharing `b`'s cells). Returns the block's rows, or null when no
 * year has a plan target (a line then says so).
 */
export function trendBlock(b: SheetBuilder, model: SheetModel, form: MonitoringForm, reports: readonly MonitoringReport[], name: string, lang: Lang, print: { portrait?: boolean } = {}): [number, number] | null {
  const first = b.row;
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  b.set(b.next(), 0, { value: t('chart.monitor.heading', lang, { name }), style: 'section' });
  b.merge(first, 0, first, TREND_WIDTHS.length - 1);
  const keys = keyIndicators(form, reports);
  const years = reports.filter((r) => r.monitoringYear !== null);
  if (!keys.length || !years.length) {
    b.set(b.next(), 0, { value: t('chart.monitor.none', lang), style: 'muted' });
    b.next();
    return null;
  }
  const head = b.next();
  b.set(head, 0, { value: t('chart.monitor.colYear', lang), style: 'header' });
  keys.forEach((code, k) => {
    const ind = form.base.indicators.get(code)!;
    const p = { label: pick(ind.label), unit: ind.unit ?? '' };
    b.set(head, 1 + 3 * k, { value: t('chart.monitor.colActual', lang, p), style: 'header' });
    b.set(head, 2 + 3 * k, { value: t('chart.monitor.colTarget', lang, p), style: 'header' });
    b.set(head, 3 + 3 * k, { value: t('chart.monitor.colShare', lang, p), style: 'header' });
  });
  b.heights[head] = 58;
  const targetCol = 1 + 3 * keys.length;
  b.set(head, targetCol, { value: t('chart.monitor.target', lang), style: 'header' });
  const r1 = b.row;
  for (const rep of years) {
    const r = b.next();
    b.set(r, 0, { value: rep.monitoringYear, style: 'text' });
    keys.forEach((code, k) => {
      const target = rep.targets.find((x) => x.indicator === code);
      const actual = rep.figures[code] ?? target?.actual ?? null;
      b.set(r, 1 + 3 * k, { value: actual, style: 'text', numberFormat: '#,##0.##' });
      b.set(r, 2 + 3 * k, { value: target?.target ?? null, style: 'text', numberFormat: '#,##0.##' });
      // The share is live where both figures are there (an empty cell is a gap in the line, not a fall to zero).
      if (typeof actual === 'number' && target && target.target) {
        const [a, tg] = [toA1(r, 1 + 3 * k), toA1(r, 2 + 3 * k)];
        b.set(r, 3 + 3 * k, { formula: `IF(AND(ISNUMBER(${a}),ISNUMBER(${tg}),${tg}<>0),${a}/${tg},"")`, result: actual / target.target, numberFormat: '0%', style: 'computed' });
      } else b.set(r, 3 + 3 * k, { value: null, style: 'computed' });
    });
    b.set(r, targetCol, { value: 1, numberFormat: '0%', style: 'computed' });
  }
  const r2 = b.row - 1;
  const sheet = model.name;
  // Placed below the table: the rows the chart stands on get their heights in the builder's table.
  const [place] = placeBelow({ ...model, cells: b.cells, heights: b.heights, merges: b.merges }, { shares: [1], aspect: 0.42, print });
  const chart: ChartModel = {
    name: `${CHART_NAME_PREFIX}monitoring-${first}`,
    title: t('chart.monitor.heading', lang, { name }),
    xTitle: t('chart.monitor.x', lang),
    yTitle: t('chart.monitor.y', lang),
    categories: range(sheet, r1, 0, r2, 0),
    series: [
      // Columns: a single year reads as well as several.
      ...keys.map((code, k) => ({ name: pick(form.base.indicators.get(code)!.label), type: 'bar' as const, values: range(sheet, r1, 3 + 3 * k, r2, 3 + 3 * k), colour: seriesStyle(k).colour })),
      { name: t('chart.monitor.target', lang), type: 'line', values: range(sheet, r1, targetCol, r2, targetCol), colour: '#CC3311', dash: true },
    ],
    axis: { min: 0, format: '0%' },
    alt: t('chart.monitor.alt', lang, { name }),
    ...place!,
  };
  model.charts = [...(model.charts ?? []), chart];
  const [, last] = chartRows({ charts: [chart] })[0]!;
  b.row = last + 2;
  return [first, last];
}

/** The register's charts sheet: one block per cluster, each kept on one page. */
// What it reads of each cluster record (register.ts's ClusterRecord): named here, so the register imports this file and not back.
export function registerChartsModel(form: MonitoringForm, records: ReadonlyArray<{ name: string; reports: MonitoringReport[] }>, lang: Lang, subject: string): SheetModel {
  const b = new SheetBuilder();
  const model: SheetModel = { name: t('chart.monitor.sheet', lang), cells: b.cells, widths: [...TREND_WIDTHS], heights: b.heights, merges: b.merges };
  const keep: Array<[number, number]> = [];
  for (const rec of records) {
    const block = trendBlock(b, model, form, rec.reports, rec.name, lang, { portrait: true });
    if (block) keep.push(block);
  }
  model.heights = b.heights;
  model.print = pagePrint(model, { subject, lang, portrait: true, keep });
  return model;
}
