/**
 * The built task pane in a real browser (Debian's Chromium through playwright-core) against the strict fake
 * Excel host: check → findings grouped; click → the cell is selected; write summary → the sheet exists; switch
 * language; 320 px; degraded hosts; outside Office; office.js unreachable or hanging. axe-core checks every
 * state (no serious or critical violation); screenshots at 320 px go to test-artifacts/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load, tempDir, writeExample } from '../support/files.js';
import { BUNDLED_OFFICE_JS_LACKS, type FakeState } from '../support/fake-excel.js';
import { INDICATOR_SHEET, standardLayout } from '../../src/core/index.js';
import { nationalRulebook } from '../../src/core/rulebook/builtin.js';
import { ARTIFACTS, axeViolations, CHROMIUM, expectOfficeUnreachable, exampleState, fakeState, NARROW, paneSuite, snap } from './harness.js';

const layout = standardLayout(nationalRulebook(), 2025);

// .ci/run installs Debian's chromium; a developer machine without it skips this suite with this reason.
describe.skipIf(!CHROMIUM)('task pane in Chromium (needs Debian chromium)', () => {
  const env = paneSuite();
  const failing = exampleState('02-failing');

  it('checks the workbook, groups findings by criterion, selects a clicked cell, writes the summary, switches language', async () => {
    const { page, external } = await env.open({ state: failing(), displayLanguage: 'zh-CN', excelApi: '1.18' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByTestId('rulebook').waitFor();
    expect(await page.getByTestId('rulebook').textContent()).toContain('中小企业特色产业集群认定标准（2022年版）');
    const violations = await axeViolations(page, 'initial');
    await snap(page, 'initial');

    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toContain('未达标');
    for (const g of ['E', '1', '2', '3', '4', '5', '6', '7', '8', 'D']) expect(await page.getByTestId(`group-${g}`).count(), g).toBe(1);
    // Group 5 fails (platform use 12%): its findings are open and listed with their status.
    const fail = page.locator('[data-testid="group-5"] [data-testid="finding"][data-status="fail"]').first();
    await fail.waitFor();
    expect(await fail.textContent()).toContain('工业互联网平台应用普及率为12%');
    const state1 = await fakeState(page);
    expect(Object.keys(state1.notes).length).toBeGreaterThan(0);
    violations.push(...(await axeViolations(page, 'checked')));
    await snap(page, 'checked');
    // Section headers are headings: the rulebook and findings (h2), each criterion (h3).
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['适用规则', '核验结果', '专家评分']);
    const groupCount = await page.locator('[data-testid^="group-"]').count();
    expect(groupCount).toBeGreaterThanOrEqual(10);
    expect(await page.locator('[data-testid="groups"] h3').count()).toBe(groupCount);
    // The 不适用 badge is visible: its text is darker than its background by axe's standard (checked above),
    // and it is not the near-white 'subtle' colour.

    const cell = (await fail.getAttribute('data-cell'))!;
    await fail.click();
    await expect.poll(async () => (await fakeState(page)).selection).toBe(cell);

    // Filter: hide failures, then show them again.
    const failFilter = page.getByTestId('filter-fail');
    expect(await failFilter.getAttribute('aria-pressed')).toBe('true');
    expect(await failFilter.textContent()).toMatch(/^✓/);
    await failFilter.click();
    expect(await page.locator('[data-testid="finding"][data-status="fail"]').count()).toBe(0);
    // Pressed is not colour alone: the unpressed filter loses its check mark.
    expect(await failFilter.getAttribute('aria-pressed')).toBe('false');
    expect(await failFilter.textContent()).not.toContain('✓');
    violations.push(...(await axeViolations(page, 'filtered')));
    await snap(page, 'filtered');
    await page.getByTestId('filter-fail').click();
    expect(await page.locator('[data-testid="finding"][data-status="fail"]').count()).toBeGreaterThan(0);

    await page.getByTestId('experts').fill('张三,李四');
    await page.getByTestId('summary').click();
    await page.getByText('已写入“评审汇总”工作表').waitFor();
    const state2 = await fakeState(page);
    expect(state2.sheets.map((s) => s.name)).toContain('评审汇总');
    const summary = state2.sheets.find((s) => s.name === '评审汇总')!;
    expect(Object.values(summary.cells).some((c) => c.value === '张三')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-zh.png'), fullPage: true });
    violations.push(...(await axeViolations(page, 'summary written')));
    await snap(page, 'summary');

    await page.getByTestId('lang').click();
    await page.getByText('Check this workbook').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toContain('Criteria not met');
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-en.png'), fullPage: true });
    expect(external).toEqual([]);
    violations.push(...(await axeViolations(page, 'english')));
    expect(violations).toEqual([]);
    await page.close();
  });

  it('is usable at 320 px: nothing runs off the side, and the check is reachable by keyboard', async () => {
    const { page } = await env.open({ state: failing(), displayLanguage: 'en-US', excelApi: '1.18' }, { width: 320, height: 800 });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByText('Check this workbook').waitFor();
    // Tab to the primary action and press Enter.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'check') break;
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('verdict').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.getByRole('status').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-320.png'), fullPage: true });
    await page.close();
  });

  it('says plainly when this Excel has neither notes nor comments, and when the workbook has no indicator sheet', async () => {
    const state: FakeState = { sheets: [{ name: '封面', visibility: 'Visible', cells: { '0,0': { value: '申报书' } }, protection: null, merges: [] }], notes: {}, comments: [], selection: null, active: null };
    const { page } = await env.open({ state, displayLanguage: 'zh-CN', excelApi: '1.9' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByText('此版本 Excel 不支持备注和批注').waitFor();
    await page.getByTestId('check').click();
    await page.getByText('本工作簿中没有标准指标表').waitFor();
    expect(await page.getByTestId('notices').textContent()).toContain('封面');
    await page.getByTestId('template').click();
    await page.getByText('已插入“指标表”工作表').waitFor();
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toContain('数据不全');
    await page.close();
  });

  it('Microsoft 365 (ExcelApi 1.18) with the bundled office.js: the pane says the copy has no notes, and checks with threads', async () => {
    const { page, external } = await env.open({ state: failing(), displayLanguage: 'zh-CN', excelApi: '1.18', lacks: BUNDLED_OFFICE_JS_LACKS });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByText('本加载项随附的 office.js 是旧版本，不含“备注”').waitFor();
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toContain('未达标');
    const state = await fakeState(page);
    expect(state.notes).toEqual({});
    expect(state.comments.length).toBeGreaterThan(0);
    expect(await page.getByTestId('notices').textContent()).not.toContain('getItemOrNullObject');
    await page.getByTestId('summary').click();
    await page.getByText('已写入“评审汇总”工作表').waitFor();
    expect(await axeViolations(page, 'bundled office.js')).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('Excel 2021 LTSC: an applicant’s legacy note on a flagged cell — the cell flagged, said in words, no password asked, the template protected again', async () => {
    const state = failing();
    const sheet = state.sheets.find((x) => x.name === INDICATOR_SHEET)!;
    sheet.protection = { options: { allowInsertRows: true } };
    const noted = `${INDICATOR_SHEET}!F${layout.rows.find((r) => r.indicator.code === '5.1')!.row + 1}`;
    state.notes[noted] = '申报单位：数据来源为县统计局年报';
    const { page } = await env.open({ state, displayLanguage: 'zh-CN', excelApi: '1.14' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByText('此版本 Excel 不支持“备注”').waitFor();
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    const notices = page.getByTestId('notices');
    await notices.getByText('Excel 未能在单元格').waitFor();
    expect(await notices.textContent()).toContain(noted);
    expect(await notices.textContent()).not.toContain('受密码保护');
    expect(await page.getByTestId('password').count()).toBe(0);
    const after = await fakeState(page);
    const cell = after.sheets.find((x) => x.name === INDICATOR_SHEET)!;
    expect(cell.protection).toEqual({ options: { allowInsertRows: true } });
    expect(after.notes[noted]).toBe('申报单位：数据来源为县统计局年报');
    expect(after.comments.some((c) => c.cell === noted)).toBe(false);
    expect(after.comments.length).toBeGreaterThan(0);
    // The finding of that cell is listed like every other.
    expect(await page.locator(`[data-testid="finding"][data-cell="${noted}"]`).count()).toBeGreaterThan(0);
    expect(await axeViolations(page, 'thread refused')).toEqual([]);
    await page.close();
  });

  it('an Excel failure is a plain message bar (a sheet protected with a password)', async () => {
    const state = failing();
    state.sheets.find((x) => x.name === '指标表')!.protection = { password: 'secret' };
    const { page } = await env.open({ state, displayLanguage: 'zh-CN', excelApi: '1.18' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByTestId('check').click();
    await page.getByText('受密码保护，无法标记单元格').waitFor();
    expect(await page.getByTestId('notices').textContent()).not.toMatch(/at .+\.js:\d+/);
    expect(await axeViolations(page, 'error')).toEqual([]);
    await snap(page, 'error');
    // The pane stays usable: the summary can still be written.
    await page.getByTestId('summary').click();
    await page.getByText('已写入“评审汇总”工作表').waitFor();
    await page.close();
  });

  it('shows the workflow warnings as message bars (merged input cells)', async () => {
    const dir = tempDir();
    const wb = await load(await writeExample(dir, '02-failing'));
    const row = layout.rows.find((r) => r.indicator.code === '1.6')!.row + 1;
    wb.getWorksheet(INDICATOR_SHEET)!.mergeCells(`D${row}:E${row}`);
    const { page } = await env.open({ state: fakeFromExcelJS(wb).state, displayLanguage: 'zh-CN', excelApi: '1.18' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    const notices = page.getByTestId('notices');
    await notices.getByText('在填报单元格上有合并单元格').waitFor();
    expect(await notices.textContent()).toContain(`D${row}:E${row}`);
    await page.close();
  });

  it('outside Office the page says it runs inside Excel instead of hanging (the self-hosted office.js, as built)', async () => {
    const { page, officeJsRequests, external } = await env.open({ state: failing(), displayLanguage: 'zh-CN', excelApi: '1.18', host: 'outside' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByTestId('outside').waitFor({ timeout: 5000 });
    // Outside Office the language comes from the browser.
    expect(await page.getByTestId('outside').textContent()).toMatch(/请在 Excel 中使用|Runs inside Excel/);
    // office.js is requested from the add-in's own host, never from Microsoft's CDN.
    expect(officeJsRequests).toEqual([`${env.url}/office-js/office.js`]);
    expect(external).toEqual([]);
    expect(await axeViolations(page, 'outside Office')).toEqual([]);
    await snap(page, 'outside');
    await page.close();
    // The real office.js from dist/office-js in a plain browser: it loads what it needs from beside itself
    // and reports no host, so the pane says to use it in Excel (not that the network failed).
    const real = await env.open(null, undefined, { officeJs: 'real' });
    await real.page.goto(`${env.url}/taskpane/taskpane.html`);
    await real.page.getByTestId('outside').waitFor({ timeout: 15_000 });
    expect(await real.page.getByTestId('office-unreachable').count()).toBe(0);
    expect(real.external.filter((u) => !u.startsWith(env.url))).toEqual([]);
    await real.page.close();
  });

  it('office.js unreachable (request refused): the shell paints, then "Office 脚本库无法加载（网络）", not "请在 Excel 中使用"', async () => {
    const { page, officeJsRequests } = await env.open(null, NARROW, { officeJs: 'abort' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await expectOfficeUnreachable(page, ['Office 脚本库无法加载（网络）', 'The Office script library could not load (network)'], 5000);
    expect(officeJsRequests.length).toBeGreaterThan(0);
    expect(await axeViolations(page, 'office.js unreachable')).toEqual([]);
    await snap(page, 'office-unreachable');
    await page.close();
  });

  it('office.js that hangs: the pane is painted meanwhile, and after the timeout says the library could not load', async () => {
    const { page } = await env.open(null, NARROW, { officeJs: 'hang', officeJsTimeoutMs: 1500 });
    const t0 = Date.now();
    await page.goto(`${env.url}/taskpane/taskpane.html`, { waitUntil: 'domcontentloaded' });
    // The shell (name and "connecting") is there while office.js is still pending.
    await page.getByTestId('shell').waitFor({ timeout: 3000 });
    expect(await page.getByTestId('shell').textContent()).toContain('正在连接 Excel…');
    expect(await page.getByTestId('shell').textContent()).toContain('Connecting to Excel…');
    expect(await page.getByTestId('office-unreachable').count()).toBe(0);
    await snap(page, 'connecting');
    await page.getByTestId('office-unreachable').waitFor({ timeout: 5000 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
    expect(await page.getByTestId('office-unreachable').textContent()).toContain('Office 脚本库无法加载（网络）');
    await page.close();
  });
});
