/**
 * The summary's charts (评审汇总), side by side below the sheet's last row: each expert's score on each criterion as
 * a point (one colour and marker per expert) against the criterion's weight (a grey column, the full marks), so a
 * far-off score is seen before the spread figure is read; and each expert's total as a column against the full
 * total. Bound to the expert cells themselves: a score typed in the sheet moves its point at once.
 */
import { CHART_NAME_PREFIX, placeBelow, range, seriesStyle, type ChartModel } from './charts.js';
import type { SheetModel } from './sheet-model.js';
import { t } from '../text/index.js';
import type { Lang } from '../types.js';

export interface SummaryChartCells {
  /** The scoring table's header row (expert names over their columns). */
  headerRow: number;
  criteriaRows: Record<string, number>;
  totalRow: number;
  labelCol: number;
  weightCol: number;
  experts: Array<{ name: string; col: number }>;
  /** The full total (the weights' sum). */
  total: number;
}

export function addSummaryCharts(model: SheetModel, cells: SummaryChartCells, lang: Lang, print: { minScale?: number }): void {
  const rows = Object.values(cells.criteriaRows).sort((a, b) => a - b);
  if (!rows.length || !cells.experts.length) return;
  const [r1, r2] = [rows[0]!, rows[rows.length - 1]!];
  const sheet = model.name;
  const [left, right] = placeBelow(model, { shares: [0.62, 0.38], aspect: 0.42, print });
  const styles = cells.experts.map((_x, i) => seriesStyle(i));
  const criteria: ChartModel = {
    name: `${CHART_NAME_PREFIX}summary-criteria`,
    title: t('chart.summary.criteria.title', lang),
    xTitle: t('chart.summary.criteria.x', lang),
    yTitle: t('chart.summary.criteria.y', lang),
    categories: range(sheet, r1, cells.labelCol, r2, cells.labelCol),
    series: [
      { name: t('chart.summary.weight', lang), type: 'bar', values: range(sheet, r1, cells.weightCol, r2, cells.weightCol), colour: '#DDDDDD' },
      ...cells.experts.map((x, i) => ({ name: x.name, type: 'points' as const, values: range(sheet, r1, x.col, r2, x.col), ...styles[i]! })),
    ],
    axis: { min: 0, format: '0' },
    alt: t('chart.summary.alt', lang, { n: rows.length }),
    ...left!,
  };
  const [c1, c2] = [cells.experts[0]!.col, cells.experts[cells.experts.length - 1]!.col];
  const totals: ChartModel = {
    name: `${CHART_NAME_PREFIX}summary-totals`,
    title: t('chart.summary.totals.title', lang),
    xTitle: t('chart.summary.totals.x', lang),
    yTitle: t('chart.summary.totals.y', lang, { max: cells.total }),
    categories: range(sheet, cells.headerRow, c1, cells.headerRow, c2),
    series: [{ name: t('chart.summary.totals.series', lang), type: 'bar', values: range(sheet, cells.totalRow, c1, cells.totalRow, c2), colour: '#4477AA', pointColours: styles.map((s) => s.colour) }],
    axis: { min: 0, max: cells.total, format: '0' },
    alt: t('chart.summary.alt', lang, { n: rows.length }),
    ...right!,
  };
  model.charts = [...(model.charts ?? []), criteria, totals];
}
