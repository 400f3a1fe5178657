/**
 * The batch roll-up's charts sheet 统计图: the verdicts by count (a small table of live COUNTIFs over the roll-up's
 * verdict column, and its column chart), and the indicators nearest their thresholds (the application-indicator
 * pairs whose computed figure lies closest to the rulebook's bound, with the margin as a live formula, and its bar
 * chart). The roll-up's verdict column and rows are found in its model by the column's header, not by position.
 */
import { columnLetters, quoteSheet, toA1 } from '../address.js';
import { t, tAny } from '../text/index.js';
import type { Lang, Verdict } from '../types.js';
import { CHART_NAME_PREFIX, lastRowOf, placeBelow, range, type ChartModel } from './charts.js';
import type { ReportFinding } from './json.js';
import { pagePrint } from './print.js';
import { COMPUTED_VALUE_CODES, type RollupEntry } from './rollup.js';
import { SheetBuilder, type SheetModel } from './sheet-model.js';

const VERDICTS: Array<Verdict | 'unreadable'> = ['passed', 'incomplete', 'failed', 'ineligible', 'vetoed', 'unreadable'];
const VERDICT_COLOUR: Record<Verdict | 'unreadable', string> = {
  passed: '#44BB99',
  incomplete: '#EEDD88',
  failed: '#EE8866',
  ineligible: '#EE8866',
  vetoed: '#FFAABB',
  unreadable: '#BBBBBB',
};
/** How many application-indicator pairs the second chart shows. */
const NEAREST = 10;

export interface Nearest {
  cluster: string;
  indicator: string;
  year: number | null;
  value: number;
  bound: number;
  /** Lower is better (the bound is a maximum). */
  upper: boolean;
  margin: number;
}

/**
 * The pairs nearest their thresholds: each computed figure a check compared with a bound (not zero), its margin
 * as a share of the bound (negative: not met), the nearest of each application's indicator, the nearest first.
 */
export function nearestThresholds(entries: readonly RollupEntry[], n = NEAREST): Nearest[] {
  const best = new Map<string, Nearest>();
  for (const [i, e] of entries.entries()) {
    for (const f of e.report?.findings ?? []) {
      const p = (f as ReportFinding).params;
      if (f.source !== 'check' || !COMPUTED_VALUE_CODES.has(f.code) || typeof p.value !== 'number' || typeof p.bound !== 'number' || p.bound === 0) continue;
      const upper = p.op === '<=' || p.op === '<';
      const margin = (upper ? p.bound - p.value : p.value - p.bound) / Math.abs(p.bound);
      const key = `${i}\u0000${f.indicator ?? f.check ?? ''}`;
      const was = best.get(key);
      if (!was || Math.abs(margin) < Math.abs(was.margin))
        best.set(key, { cluster: e.report!.cluster.name ?? e.file, indicator: f.indicator ?? f.check ?? '', year: f.year ?? null, value: p.value, bound: p.bound, upper, margin });
    }
  }
  return [...best.values()].sort((a, b) => Math.abs(a.margin) - Math.abs(b.margin) || a.cluster.localeCompare(b.cluster, 'zh-CN')).slice(0, n);
}

export function rollupChartsModel(entries: readonly RollupEntry[], rollup: SheetModel, lang: Lang): SheetModel {
  const b = new SheetBuilder();
  const model: SheetModel = { name: t('chart.rollup.sheet', lang), cells: b.cells, widths: [40, 12, 12, 12], heights: b.heights, merges: b.merges };
  b.set(b.next(), 0, { value: t('chart.rollup.title', lang), style: 'title' });
  b.heights[0] = 28;
  b.next();

  // Verdicts by count: COUNTIF over the roll-up's verdict column, found by its header.
  const verdictHeader = t('rollup.colVerdict', lang);
  const head = rollup.cells.find((c) => c.value === verdictHeader);
  const rows = rollup.cells.filter((c) => head && c.col === head.col && c.row > head.row).map((c) => c.row);
  const words = VERDICTS.map((v) => ({ v, word: v === 'unreadable' ? t('rollup.unreadable', lang) : tAny(`verdict.${v}`, lang) }));
  const counts = new Map(words.map((x) => [x.word, 0]));
  for (const c of rollup.cells) if (head && c.col === head.col && c.row > head.row && typeof c.value === 'string') counts.set(c.value, (counts.get(c.value) ?? 0) + 1);
  const tableHead = b.next();
  b.set(tableHead, 0, { value: t('chart.rollup.colVerdict', lang), style: 'header' });
  b.set(tableHead, 1, { value: t('chart.rollup.colCount', lang), style: 'header' });
  const v1 = b.row;
  const column = head && rows.length ? `${quoteSheet(rollup.name)}!$${columnLetters(head.col)}$${Math.min(...rows) + 1}:$${columnLetters(head.col)}$${Math.max(...rows) + 1}` : null;
  for (const { word } of words) {
    const r = b.next();
    b.set(r, 0, { value: word, style: 'text' });
    b.set(r, 1, column ? { formula: `COUNTIF(${column},${toA1(r, 0)})`, result: counts.get(word) ?? 0, style: 'computed' } : { value: 0, style: 'computed' });
  }
  const v2 = b.row - 1;
  const [vPlace] = placeBelow(model, { shares: [1], aspect: 0.45, print: { portrait: true } });
  const verdicts: ChartModel = {
    name: `${CHART_NAME_PREFIX}rollup-verdicts`,
    title: t('chart.rollup.verdicts.title', lang),
    xTitle: t('chart.rollup.verdicts.x', lang),
    yTitle: t('chart.rollup.verdicts.y', lang),
    categories: range(model.name, v1, 0, v2, 0),
    series: [{ name: t('chart.rollup.colCount', lang), type: 'bar', values: range(model.name, v1, 1, v2, 1), colour: '#4477AA', pointColours: words.map((x) => VERDICT_COLOUR[x.v]) }],
    axis: { min: 0, format: '0' },
    alt: '',
    ...vPlace!,
  };
  model.charts = [verdicts];

  // The indicators nearest their thresholds.
  const near = nearestThresholds(entries);
  b.row = lastRowOf(model) + 2;
  const nearHead = b.next();
  const keep: Array<[number, number]> = [[tableHead, lastRowOf(model)]];
  if (!near.length) b.set(nearHead, 0, { value: t('chart.rollup.noNear', lang), style: 'muted' });
  else {
    (['chart.rollup.colItem', 'chart.rollup.colValue', 'chart.rollup.colBound', 'chart.rollup.colMargin'] as const).forEach((k, c) => b.set(nearHead, c, { value: t(k, lang), style: 'header' }));
    const n1 = b.row;
    for (const x of near) {
      const r = b.next();
      const label = `${x.cluster} · ${x.indicator}${x.year !== null ? `（${x.year}）` : ''}`;
      b.set(r, 0, { value: label, style: 'wrap' });
      b.set(r, 1, { value: x.value, style: 'text', numberFormat: '#,##0.###' });
      b.set(r, 2, { value: x.bound, style: 'text', numberFormat: '#,##0.###' });
      const [v, bound] = [toA1(r, 1), toA1(r, 2)];
      b.set(r, 3, { formula: x.upper ? `(${bound}-${v})/ABS(${bound})` : `(${v}-${bound})/ABS(${bound})`, result: x.margin, numberFormat: '0.0%', style: 'computed' });
    }
    const n2 = b.row - 1;
    const [nPlace] = placeBelow(model, { shares: [1], aspect: 0.55, print: { portrait: true } });
    model.charts.push({
      name: `${CHART_NAME_PREFIX}rollup-nearest`,
      title: t('chart.rollup.near.title', lang),
      xTitle: t('chart.rollup.near.x', lang),
      yTitle: t('chart.rollup.near.y', lang),
      categories: range(model.name, n1, 0, n2, 0),
      series: [{ name: t('chart.rollup.near.series', lang), type: 'bar', values: range(model.name, n1, 3, n2, 3), colour: '#EE7733' }],
      horizontal: true,
      axis: { format: '0%' },
      alt: '',
      ...nPlace!,
    });
    keep.push([nearHead, lastRowOf(model)]);
  }
  const alt = t('chart.rollup.alt', lang, { n: entries.length, m: near.length });
  for (const c of model.charts) c.alt = alt;
  model.print = pagePrint(model, { subject: t('rollup.title', lang), lang, portrait: true, keep });
  return model;
}
