/**
 * Issue 22 (2): the committee's scores for this application as a small chart in the pane (Fluent UI v9 charts,
 * loaded after the scoring sheet), with its text equivalent, axe clean; in Excel, where the host reports the
 * requirement set and its office.js defines the chart API, a button inserts a native chart bound to the summary's
 * cells (worksheet.charts.add on the strict fake, which refuses a chart on a protected sheet); where the library has
 * no chart API the pane's chart stands alone. (WPS: test/browser/wps.test.ts.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { columnLetters, type SummaryLayout } from '../../src/core/index.js';
import type { FakeState } from '../support/fake-excel.js';
import { scoresSumming } from '../support/files.js';
import { axeViolations, CHROMIUM, exampleState, fakeState, paneSuite, snap, summaryLayoutOf } from './harness.js';

describe.skipIf(!CHROMIUM)('the score chart in the pane (needs Debian chromium)', () => {
  const env = paneSuite();
  const state = exampleState('01-passing');

  /** A checked workbook with a summary for 张三 and 李四, both having scored every criterion, the pane on 张三's sheet. */
  async function scored(chartApi: boolean): Promise<{ page: Page; layout: SummaryLayout }> {
    const { page, external } = await env.open({ state: state(), displayLanguage: 'zh-CN', excelApi: '1.18', chartApi }, { width: 360, height: 900 });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByTestId('rulebook').waitFor();
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    await page.getByTestId('experts').fill('张三,李四');
    await page.getByTestId('summary').click();
    await page.getByText('已写入“评审汇总”工作表').waitFor();
    const layout = summaryLayoutOf(await fakeState(page));
    // The experts' scores, as if typed into the summary (totals 88 and 72).
    const cells: Array<[number, number, number]> = [];
    for (const [name, total] of [['张三', 88], ['李四', 72]] as const) {
      const col = layout.experts.find((x) => x.name === name)!.col;
      scoresSumming(total).forEach((v, i) => cells.push([layout.criteriaRows[String(i + 1)]!, col, v]));
    }
    await page.evaluate(
      ({ sheet, cells }) => {
        const s = (window as unknown as { __fake: { state: FakeState } }).__fake.state.sheets.find((x) => x.name === sheet)!;
        for (const [r, c, v] of cells) s.cells[`${r},${c}`] = { ...s.cells[`${r},${c}`], value: v };
      },
      { sheet: layout.sheet, cells },
    );
    await page.getByTestId('score-open').click();
    await page.getByTestId('score-who').selectOption('张三');
    await page.getByTestId('score-who-confirm').click();
    await page.getByTestId('score-chart').waitFor();
    expect(external).toEqual([]);
    return { page, layout };
  }

  it('Excel with the chart API: the chart, its table, axe clean; the button inserts a native chart of the summary’s cells', async () => {
    const { page, layout } = await scored(true);
    const chart = page.getByTestId('score-chart');
    // Drawn: an SVG with a column per expert, and the figures in words (the table is the text equivalent).
    await chart.locator('svg rect').first().waitFor();
    expect(await chart.getByRole('figure').getAttribute('aria-label')).toContain('2位专家的总分（满分100）');
    const table = await page.getByTestId('score-chart-table').textContent();
    expect(table).toContain('张三88');
    expect(table).toContain('李四72');
    const violations = await axeViolations(page, 'score chart');
    await snap(page, 'score-chart');

    await page.getByTestId('score-chart-insert').click();
    await page.getByText('已在“评审汇总”插入评分图表').waitFor();
    const after = await fakeState(page);
    const cols = layout.experts.map((x) => x.col);
    const span = (row: number) => `${layout.sheet}!${columnLetters(Math.min(...cols))}${row + 1}:${columnLetters(Math.max(...cols))}${row + 1}`;
    const rows = Object.values(layout.criteriaRows);
    expect(after.charts).toEqual([
      expect.objectContaining({
        sheet: layout.sheet,
        name: 'cluster-review:pane-scores',
        type: 'ColumnClustered',
        source: span(Math.max(...rows) + 1),
        xValues: span(Math.min(...rows) - 1),
        title: '各专家总分',
        valueTitle: '总分（满分100）',
        categoryTitle: '专家',
        maximum: 100,
      }),
    ]);
    // The summary is protected again as it was.
    expect(after.sheets.find((s) => s.name === layout.sheet)!.protection).not.toBeNull();
    // Inserting again replaces it.
    await page.getByTestId('score-chart-insert').click();
    await page.getByTestId('score-notices').getByText('插入评分图表').waitFor();
    expect((await fakeState(page)).charts).toHaveLength(1);
    violations.push(...(await axeViolations(page, 'chart inserted')));
    expect(violations).toEqual([]);
    await page.close();
  }, 180_000);

  it('an office.js without the chart API: the pane’s chart alone, no button', async () => {
    const { page } = await scored(false);
    await page.getByTestId('score-chart').locator('svg rect').first().waitFor();
    expect(await page.getByTestId('score-chart-insert').count()).toBe(0);
    expect(await axeViolations(page, 'chart without insert')).toEqual([]);
    await page.close();
  }, 180_000);
});
