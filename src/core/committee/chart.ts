/**
 * The committee list's chart: the committee score of each application as a column, in the list's (ranked) order,
 * coloured by its recommendation; the cut line as a horizontal line and the quota line as a vertical one, standing
 * in the list's own slot "以上为推荐名单" between the last recommended application and the next.
 *
 * Bound to the list's own cells: the category labels are the cluster column and each coloured series is a hidden
 * helper column holding `N(score)` on the rows of its recommendation, so a score changed in 专家总分 moves its
 * column as soon as the spreadsheet recomputes. The rows are found in the model by the hidden id column.
 */
import { columnLetters } from '../address.js';
import { CHART_NAME_PREFIX, placeBelow, range, type ChartModel, type ChartSeriesModel } from '../report/charts.js';
import type { SheetModel } from '../report/sheet-model.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import { t, tAny } from '../text/index.js';
import type { Lang } from '../types.js';
import type { RecommendationCode, TallyResult } from './tally.js';

/** Colours by recommendation (Paul Tol's palettes), as the list colours its cells. */
const REC_COLOUR: Record<RecommendationCode, string> = {
  recommended: '#44BB99',
  'beyond-quota': '#77AADD',
  pending: '#EEDD88',
  'below-cut': '#EE8866',
  'not-eligible': '#BBBBBB',
};
const REC_ORDER: RecommendationCode[] = ['recommended', 'beyond-quota', 'pending', 'below-cut', 'not-eligible'];

export interface ListColumns {
  /** The first application row and the hidden id column (TallyLayout). */
  firstRow: number;
  id: number;
  cluster: number;
  score: number;
  /** The last column that prints. */
  lastPrinted: number;
}

/** Adds the chart (and its hidden helper columns) to the committee list model. Nothing when no application is listed. */
export function addCommitteeChart(list: SheetModel, result: TallyResult, rb: LoadedRulebook, lang: Lang, cols: ListColumns): void {
  const byId = new Map(result.applications.map((a) => [a.application.id, a]));
  const rows = list.cells
    .filter((c) => c.col === cols.id && c.row >= cols.firstRow && typeof c.value === 'string' && byId.has(c.value))
    .map((c) => ({ row: c.row, app: byId.get(c.value as string)! }))
    .sort((a, b) => a.row - b.row);
  if (!rows.length) return;
  const first = rows[0]!.row;
  const last = rows[rows.length - 1]!.row;
  const appRows = new Set(rows.map((r) => r.row));
  // The list's own line between recommended and the rest: the one row inside the block that is no application.
  let lineRow: number | null = null;
  for (let r = first; r <= last; r++) if (!appRows.has(r)) lineRow = r;

  const max = rb.data.criteria.reduce((a, c) => a + c.weight, 0);
  const cut = rb.data.scoring.recommendation.minMeanTotal;
  const widths = [...(list.widths ?? [])];
  let col = Math.max(widths.length, ...list.cells.map((c) => c.col + 1));
  const hidden = [...(list.hiddenCols ?? [])];
  const helper = (header: string): number => {
    const c = col++;
    widths[c] = 8;
    hidden.push(c);
    list.cells.push({ row: cols.firstRow - 1, col: c, value: header, style: 'muted' });
    return c;
  };
  const sheet = list.name;
  const series: ChartSeriesModel[] = [];
  const score = columnLetters(cols.score);
  for (const rec of REC_ORDER) {
    const mine = rows.filter((r) => r.app.recommendation === rec);
    if (!mine.length) continue;
    const name = rec === 'pending' ? t('chart.committee.pending', lang) : tAny(`committee.recommendation.${rec}`, lang);
    const c = helper(name);
    // N(): the score as a number, 0 when the list shows none yet (a stacked column of 0 is not drawn).
    for (const { row, app } of mine) list.cells.push({ row, col: c, formula: `N(${score}${row + 1})`, result: app.score ?? 0, style: 'muted' });
    series.push({ name, type: 'bar', values: range(sheet, first, c, last, c), colour: REC_COLOUR[rec] });
  }
  const cutCol = helper(t('chart.committee.cut', lang, { cut }));
  for (let r = first; r <= last; r++) list.cells.push({ row: r, col: cutCol, value: cut, style: 'muted' });
  series.push({ name: t('chart.committee.cut', lang, { cut }), type: 'line', values: range(sheet, first, cutCol, last, cutCol), colour: '#CC3311', dash: true });
  if (lineRow !== null) {
    const n = rows.filter((r) => r.app.recommendation === 'recommended').length;
    const name = t('chart.committee.quota', lang, { n, quota: result.quota ?? t('committee.rollup.noQuota', lang) });
    const quotaCol = helper(name);
    list.cells.push({ row: lineRow, col: quotaCol, value: 0, style: 'muted' });
    series.push({ name, type: 'points', values: range(sheet, first, quotaCol, last, quotaCol), colour: '#332288', marker: 'dash', rise: max });
  }
  list.widths = widths;
  list.hiddenCols = hidden;
  const [place] = placeBelow(list, { shares: [1], aspect: 0.45, print: { columns: [0, cols.lastPrinted] } });
  const chart: ChartModel = {
    name: `${CHART_NAME_PREFIX}committee`,
    title: t('chart.committee.title', lang),
    xTitle: t('chart.committee.x', lang),
    yTitle: t('chart.committee.y', lang),
    categories: range(sheet, first, cols.cluster, last, cols.cluster),
    series,
    stacked: true,
    axis: { min: 0, max, format: '0' },
    alt: t('chart.committee.alt', lang, { n: rows.length, cut }),
    ...place!,
  };
  list.charts = [...(list.charts ?? []), chart];
}
