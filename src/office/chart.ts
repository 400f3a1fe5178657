/**
 * The pane's "insert the chart into the sheet": a native Excel chart of each expert's total on the summary, bound to
 * its cells (it redraws as scores change), placed beside the scoring table — outside the tool's block, over no cell
 * anyone writes. Offered only where the host reports ExcelApi 1.7 (setXAxisValues) and the office.js loaded defines
 * the chart API; elsewhere (WPS, an Excel without it) the pane's own chart stands in.
 */
import { columnLetters, CHART_NAME_PREFIX, type Lang, type SummaryLayout } from '../core/index.js';
import { t } from '../core/text/index.js';
import type { XContext, XLoadable, XRange, XWorksheet } from './surface.js';

/** The chart API subset used (ExcelApi 1.1, and 1.4/1.7 where named). */
export interface XChart {
  name: string;
  title: { text: string };
  axes: { valueAxis: { title: { text: string }; minimum: number; maximum: number }; categoryAxis: { title: { text: string } } };
  series: { getItemAt(i: number): { name: string; /** 1.7 */ setXAxisValues(source: XRange): void } };
  setPosition(start: XRange | string, end?: XRange | string): void;
  delete(): void;
}
export interface XChartCollection {
  add(type: string, source: XRange, seriesBy?: string): XChart;
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): XChart & XLoadable & { isNullObject: boolean };
}

export const PANE_CHART_NAME = `${CHART_NAME_PREFIX}pane-scores`;

/** Whether this host can insert a native chart: the requirement set reported and the chart API in the loaded office.js. */
export function canInsertChart(): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return false;
  try {
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.7')) return false;
  } catch {
    return false;
  }
  const lib = typeof Excel === 'undefined' ? undefined : (Excel as unknown as { ChartType?: Record<string, string> });
  return !!lib?.ChartType?.columnClustered;
}

/** Inserts (or replaces) the score chart on the summary; returns the sheet's name. Two syncs. */
export async function insertScoreChart(ctx: XContext, layout: SummaryLayout, fullTotal: number, lang: Lang): Promise<string> {
  const ws = ctx.workbook.worksheets.getItem(layout.sheetId ?? layout.sheet) as XWorksheet & { charts: XChartCollection };
  ws.load('name');
  const protection = ws.protection;
  protection.load('protected,options');
  const old = ws.charts.getItemOrNullObject(PANE_CHART_NAME);
  old.load('name');
  await ctx.sync();
  // A summary protected without a password (the tool's) is unprotected around the insert and protected again as it
  // was; one with a password refuses at the sync, and the pane says so.
  const options = protection.protected ? { ...protection.options } : null;
  if (options) protection.unprotect();
  if (!old.isNullObject) old.delete();
  const rows = Object.values(layout.criteriaRows);
  const header = Math.min(...rows) - 1;
  const total = Math.max(...rows) + 1;
  const cols = layout.experts.map((x) => x.col);
  const [c1, c2] = [Math.min(...cols), Math.max(...cols)];
  const span = (row: number) => ws.getRange(`${columnLetters(c1)}${row + 1}:${columnLetters(c2)}${row + 1}`);
  const lib = Excel as unknown as { ChartType: Record<string, string>; ChartSeriesBy: Record<string, string> };
  const chart = ws.charts.add(lib.ChartType.columnClustered!, span(total), lib.ChartSeriesBy.rows);
  chart.name = PANE_CHART_NAME;
  chart.title.text = t('chart.summary.totals.title', lang);
  chart.axes.categoryAxis.title.text = t('chart.summary.totals.x', lang);
  chart.axes.valueAxis.title.text = t('chart.summary.totals.y', lang, { max: fullTotal });
  chart.axes.valueAxis.minimum = 0;
  chart.axes.valueAxis.maximum = fullTotal;
  const series = chart.series.getItemAt(0);
  series.name = t('chart.summary.totals.series', lang);
  series.setXAxisValues(span(header));
  // Beside the scoring table, right of the tool's block: nothing there is the tool's to write.
  const left = (layout.width ?? c2 + 1) + 1;
  chart.setPosition(`${columnLetters(left)}${header + 1}`, `${columnLetters(left + 6)}${header + 16}`);
  if (options) protection.protect(options);
  await ctx.sync();
  return ws.name;
}
