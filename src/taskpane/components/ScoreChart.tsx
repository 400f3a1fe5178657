/**
 * The committee's scores for this application as a small chart beside the figures: each expert's total as a column
 * (Fluent UI v9 charts), against the full total, with the committee score named; and its text equivalent, a table
 * of the same figures (the chart is a picture of it, not the only way to read it). Loaded lazily with its chart
 * library (d3 included), so none of it is in the pane's first download. In Excel, where the host can, a button puts
 * a native chart of the same cells into the summary.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import type { PaneState } from '../../core/committee/pane.js';
import type { Lang } from '../../core/index.js';
import { SERIES_COLOURS } from '../../core/report/charts.js';
import { t } from '../../core/text/index.js';

const useChartStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& th, & td': { textAlign: 'left', padding: `0 ${tokens.spacingHorizontalS}` } },
});

const fmt = (x: number | null) => (x === null ? '—' : String(Math.round(x * 100) / 100));

export default function ScoreChart({ state, lang, onInsert, busy }: { state: PaneState; lang: Lang; onInsert?: () => void; busy?: boolean }) {
  const s = useChartStyles();
  const max = state.total.weight;
  const data: VerticalBarChartDataPoint[] = state.experts
    .filter((x) => !x.recused && x.total !== null)
    .map((x, i) => ({ x: x.name, y: x.total!, color: SERIES_COLOURS[i % SERIES_COLOURS.length], legend: x.name, yAxisCalloutData: fmt(x.total) }));
  const alt = t('chart.pane.alt', lang, { n: data.length, max, score: fmt(state.total.score) });
  return (
    <div className={s.box} data-testid="score-chart">
      {data.length ? (
        // The picture is a figure with its words; its figures are read from the table below. Inert: the chart's own
        // focus stops (tabster's hidden focus guards) would put focusable, hidden elements in the keyboard's path.
        <figure role="figure" aria-label={alt} style={{ margin: 0 }}>
          <div inert>
          <VerticalBarChart
            data={data}
            chartTitle={t('chart.pane.title', lang)}
            xAxisTitle={t('chart.summary.totals.x', lang)}
            yAxisTitle={t('chart.summary.totals.y', lang, { max })}
            yMinValue={0}
            yMaxValue={max}
            height={200}
            width={280}
            hideLegend
            wrapXAxisLables
          />
          </div>
        </figure>
      ) : (
        <Caption1 data-testid="score-chart-empty">{t('chart.pane.empty', lang)}</Caption1>
      )}
      <table className={s.table} data-testid="score-chart-table">
        <caption>{t('chart.pane.tableCaption', lang)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.pane.colExpert', lang)}</th>
            <th scope="col">{t('chart.pane.colTotal', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {state.experts.map((x) => (
            <tr key={x.name}>
              <th scope="row">{x.name}</th>
              <td>{x.recused ? t('chart.pane.recused', lang) : x.total === null ? t('chart.pane.incomplete', lang) : fmt(x.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {onInsert && (
        <div>
          <Button size="small" disabled={busy} onClick={onInsert} data-testid="score-chart-insert">
            {t('chart.pane.insert', lang)}
          </Button>
        </div>
      )}
    </div>
  );
}
