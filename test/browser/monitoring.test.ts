/**
 * The built task pane on an annual monitoring form (Debian's Chromium, the strict fake Excel host): the pane
 * recognises the form, checks it like an application — the monitoring verdict in its exact words in the banner,
 * findings listed by R1–R6, a click selects the finding's cell, the cells flagged in the workbook — and offers no
 * review summary (disabled, with the reason). axe-core finds no serious or critical violation in any state.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load } from '../support/files.js';
import type { FakeState } from '../support/fake-excel.js';
import { ARTIFACTS, axeViolations, CHROMIUM, fakeState, paneSuite } from './harness.js';

// .ci/run installs Debian's chromium; a developer machine without it skips this suite with this reason.
describe.skipIf(!CHROMIUM)('task pane on a monitoring form (needs Debian chromium)', () => {
  const env = paneSuite();
  let late: FakeState;
  let veto: FakeState;

  beforeAll(async () => {
    late = fakeFromExcelJS(await load(join('examples', 'monitoring', '02-late-target-missed.xlsx'))).state;
    veto = fakeFromExcelJS(await load(join('examples', 'monitoring', '03-veto-event.xlsx'))).state;
  }, 120_000);

  it('checks a late form: 建议撤销认定 with its ground in the banner, findings by R code, a click selects the cell, flags written, no summary', async () => {
    const { page, external } = await env.open({ state: structuredClone(late), displayLanguage: 'zh-CN', excelApi: '1.18' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByTestId('rulebook').waitFor();
    const violations = await axeViolations(page, 'initial');

    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    // The banner: the monitoring verdict in the exact words, and which form this is.
    expect(await page.locator('[data-testid="verdict"] .fui-MessageBarTitle').textContent()).toBe('建议撤销认定（第十七条第三项）');
    expect(await page.getByTestId('form-kind').textContent()).toBe('年度培育情况信息表（2024年度），按动态管理事项 R1–R6 核验');
    expect(await page.getByTestId('verdict').textContent()).toContain('乙县精密轴承中小企业特色产业集群');
    // Findings grouped by R code, the failing group headed with its code and title.
    for (const g of ['M', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6']) expect(await page.getByTestId(`group-${g}`).count(), g).toBe(1);
    expect(await page.locator('[data-testid="group-R3"] h3').textContent()).toContain('R3 按时报送及配合监测监管');
    const lateFinding = page.locator('[data-testid="group-R3"] [data-testid="finding"][data-status="veto"]').first();
    await lateFinding.waitFor();
    expect(await lateFinding.textContent()).toContain('2025-05-12');
    // R6 only warns (a plan target missed): its group passes, so it is closed until opened.
    await page.locator('[data-testid="group-R6"] h3 button').click();
    const target = page.locator('[data-testid="group-R6"] [data-testid="finding"][data-status="warn"]').first();
    await target.waitFor();
    expect(await target.textContent()).toContain('实际值55.2亿元低于规划目标60亿元');
    // The cells are flagged in the workbook (fill and note), as for an application.
    const cell = (await lateFinding.getAttribute('data-cell'))!;
    expect(cell).toMatch(/^培育情况表!E\d+$/);
    const state1 = await fakeState(page);
    expect(state1.notes[cell]).toMatch(/^【集群评审助手】/);
    expect(await page.getByTestId('notices').textContent()).toMatch(/已在工作表中标记 \d+ 个单元格/);
    violations.push(...(await axeViolations(page, 'checked')));

    // A click on a finding selects its cell.
    await lateFinding.click();
    await expect.poll(async () => (await fakeState(page)).selection).toBe(cell);
    const targetCell = (await target.getAttribute('data-cell'))!;
    await target.click();
    await expect.poll(async () => (await fakeState(page)).selection).toBe(targetCell);

    // No review summary for a monitoring form: the button is off, and the reason is given (and tied to it).
    const summary = page.getByTestId('summary');
    expect(await summary.isDisabled()).toBe(true);
    expect(await summary.getAttribute('aria-describedby')).toBe('summary-unavailable');
    expect(await page.getByTestId('summary-unavailable').textContent()).toContain('年度培育情况信息表不写评审汇总');
    expect(await page.getByTestId('experts').count()).toBe(0);
    // Nor is it scored: the committee scores applications and renewal summaries.
    expect(await page.getByTestId('scoring').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-monitoring-zh.png'), fullPage: true });

    // English: the same verdict in English words.
    await page.getByTestId('lang').click();
    await page.getByText('Check this workbook').waitFor();
    expect(await page.locator('[data-testid="verdict"] .fui-MessageBarTitle').textContent()).toBe('Revocation recommended (Art. 17 (3))');
    expect(await page.getByTestId('form-kind').textContent()).toBe('Annual monitoring form (2024), checked against R1–R6');
    violations.push(...(await axeViolations(page, 'english')));
    expect(external).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  }, 120_000);

  it('a veto event: 建议撤销认定 naming Art. 17 (5); clearing lifts every flag', async () => {
    const { page } = await env.open({ state: structuredClone(veto), displayLanguage: 'zh-CN', excelApi: '1.18' }, { width: 320, height: 800 });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.locator('[data-testid="verdict"] .fui-MessageBarTitle').textContent()).toBe('建议撤销认定（第十七条第五项）');
    const event = page.locator('[data-testid="group-R5"] [data-testid="finding"][data-status="veto"]').first();
    await event.waitFor();
    const cell = (await event.getAttribute('data-cell'))!;
    await event.click();
    await expect.poll(async () => (await fakeState(page)).selection).toBe(cell);
    expect((await fakeState(page)).notes[cell]).toMatch(/一票否决/);
    const violations = await axeViolations(page, 'veto 320');
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-320-monitoring-veto.png'), fullPage: true });
    await page.getByTestId('clear').click();
    await page.getByText(/已清除 \d+ 个标记/).waitFor();
    expect((await fakeState(page)).notes[cell]).toBeUndefined();
    expect(violations).toEqual([]);
    await page.close();
  }, 120_000);
});
