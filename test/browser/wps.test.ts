/**
 * The built WPS 加载项 folder (dist/wps/) in a real browser (Debian's Chromium) against the strict fake WPS
 * injected as window.Application instead of office.js: check → findings; click a finding → its cell selected in
 * WPS; write the summary → the sheet exists; score in the scoring panel → the score in the summary and 评分记录;
 * a sheet protected with a password → the review read-only, the password asked for → the cells flagged and the
 * protection back. The page never asks for office.js, nor for anything off this machine; axe passes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLAG_FILL } from '../../src/core/index.js';
import { toBgr } from '../../src/wps/colour.js';
import type { WpsState } from '../support/fake-wps.js';
import { load, tempDir, writeExample } from '../support/files.js';
import { wpsStateFromExcelJS } from '../wps/from-xlsx.js';
import { axeViolations, CHROMIUM, expectPasswordForgotten, paneSuite } from './harness.js';

// .ci/run installs Debian's chromium; a developer machine without it skips this suite with this reason.
describe.skipIf(!CHROMIUM)('the task pane in WPS (fake WPS host, needs Debian chromium)', () => {
  const env = paneSuite({ hostEntry: 'test/browser/fake-wps-host.ts' });
  let failing: WpsState;

  beforeAll(async () => {
    failing = wpsStateFromExcelJS(await load(await writeExample(tempDir(), '02-failing')));
  }, 120_000);

  it('the build wrote a self-contained WPS add-in folder: ribbon.xml, entry page, pane, publish.xml; no office.js', () => {
    const wps = join(env.dist, 'wps');
    for (const f of ['ribbon.xml', 'index.html', 'main.js', 'taskpane/taskpane.html', 'commands/result.html', 'publish.xml', 'publish.offline.xml', 'icon-32.png', 'icon-80.png'])
      expect(existsSync(join(wps, f)), f).toBe(true);
    expect(existsSync(join(wps, 'office-js'))).toBe(false);
    for (const page of ['index.html', 'taskpane/taskpane.html', 'commands/result.html']) {
      const html = readFileSync(join(wps, page), 'utf8');
      expect(html, page).not.toContain('office-js');
      // Every script and style the page names is inside the folder (it may be copied alone into jsaddons).
      for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]+)"/g)) expect(existsSync(join(wps, page, '..', m[1]!)), `${page} → ${m[1]}`).toBe(true);
    }
    const ribbon = readFileSync(join(wps, 'ribbon.xml'), 'utf8');
    expect(ribbon).toContain('label="集群评审"');
    expect(readFileSync(join(wps, 'index.html'), 'utf8')).toContain('<script src="./main.js"></script>');
    const entry = /new URL\("([^"]+)"/.exec(readFileSync(join(wps, 'main.js'), 'utf8'))?.[1];
    expect(entry && existsSync(join(wps, entry)), entry).toBe(true);
    expect(ribbon).toContain('onAction="ribbon.OnAction"');
    expect(readFileSync(join(wps, 'publish.xml'), 'utf8')).toMatch(/<jspluginonline name="cluster-review" type="et" url="[^"]+\/"/);
  });

  it('the ribbon: 评审助手 opens the pane page (and hides it), 直接检查 flags the cells and shows the result dialog', async () => {
    const page = await env.browser.newPage({ locale: 'zh-CN' });
    await page.addInitScript((state) => ((window as unknown as { __CLUSTER_REVIEW_WPS__: unknown }).__CLUSTER_REVIEW_WPS__ = state), structuredClone(failing));
    await page.addInitScript({ content: env.host });
    await page.goto(`${env.url}/wps/index.html`);
    await page.waitForFunction(() => 'ribbon' in window);
    type Ribbon = { OnAction(c: { Id: string }): boolean };
    type Log = { panes: Array<{ url: string; Visible: boolean }>; dialogs: Array<{ url: string; title?: string }> };
    await page.evaluate(() => (window as unknown as { ribbon: Ribbon }).ribbon.OnAction({ Id: 'crOpenPane' }));
    const log = () => page.evaluate(() => (window as unknown as { __wpsHost: Log }).__wpsHost);
    expect((await log()).panes).toEqual([expect.objectContaining({ url: `${env.url}/wps/taskpane/taskpane.html`, Visible: true })]);
    await page.evaluate(() => (window as unknown as { ribbon: Ribbon }).ribbon.OnAction({ Id: 'crOpenPane' }));
    expect((await log()).panes).toEqual([expect.objectContaining({ Visible: false })]);
    await page.evaluate(() => (window as unknown as { ribbon: Ribbon }).ribbon.OnAction({ Id: 'crRunCheck' }));
    await expect.poll(async () => (await log()).dialogs.length).toBe(1);
    const dialog = (await log()).dialogs[0]!;
    expect(dialog.title).toBe('直接检查');
    expect(dialog.url.startsWith(`${env.url}/wps/commands/result.html?`)).toBe(true);
    expect(new URL(dialog.url).searchParams.get('ok')).toBe('1');
    const flagged = await page.evaluate(() => Object.values((window as unknown as { __fakeWps: { state: WpsState } }).__fakeWps.state.sheets[1]!.cells).filter((c) => c.comment?.startsWith('【集群评审助手】')).length);
    expect(flagged).toBeGreaterThan(0);
    // The result page shows the outcome without office.js.
    await page.goto(dialog.url);
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('未达标');
    await page.close();
  });

  it('checks, selects a finding’s cell and writes the summary in WPS', async () => {
    // WPS's Chromium follows WPS's interface language: Chinese here.
    const page = await env.browser.newPage({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
    const external: string[] = [];
    const officeJs: string[] = [];
    await page.addInitScript((state) => ((window as unknown as { __CLUSTER_REVIEW_WPS__: unknown }).__CLUSTER_REVIEW_WPS__ = state), structuredClone(failing));
    await page.addInitScript({ content: env.host });
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (/office(-js\/office)?\.js/.test(u)) officeJs.push(u);
      if (u.startsWith(env.url)) return route.continue();
      external.push(u);
      return route.abort();
    });
    const state = () => page.evaluate(() => (window as unknown as { __fakeWps: { state: WpsState; calls: number } }).__fakeWps.state);

    await page.goto(`${env.url}/wps/taskpane/taskpane.html`);
    await page.getByTestId('rulebook').waitFor();
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toContain('未达标');
    const fail = page.locator('[data-testid="group-5"] [data-testid="finding"][data-status="fail"]').first();
    await fail.waitFor();
    expect(await fail.textContent()).toContain('工业互联网平台应用普及率为12%');
    const cell = (await fail.getAttribute('data-cell'))!;
    const [sheet, a1] = [cell.slice(0, cell.lastIndexOf('!')), cell.slice(cell.lastIndexOf('!') + 1)];
    const flagged = await state();
    const col = a1.charCodeAt(0) - 65;
    const row = Number(a1.slice(1)) - 1;
    const flaggedCell = flagged.sheets.find((s) => s.name === sheet)!.cells[`${row},${col}`]!;
    expect(flaggedCell.color).toBe(toBgr(FLAG_FILL.fail));
    expect(flaggedCell.comment).toMatch(/^【集群评审助手】/);

    // The reviewer is on another sheet: the click brings the finding's sheet to the front, then selects the cell.
    await page.evaluate(() => (window as unknown as { __fakeWps: { state: WpsState } }).__fakeWps.state.active = '填表说明');
    await fail.click();
    await expect.poll(async () => (await state()).selection).toBe(cell);
    expect((await state()).active).toBe(sheet);

    await page.getByTestId('experts').fill('张三,李四');
    await page.getByTestId('summary').click();
    await page.getByText('已写入“评审汇总”工作表').waitFor();
    const after = await state();
    const summary = after.sheets.find((s) => s.name === '评审汇总')!;
    expect(Object.values(summary.cells).some((c) => c.value === '张三')).toBe(true);
    expect(after.active).toBe('评审汇总');
    expect(officeJs).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  /** The pane page in the fake WPS host with this workbook (a copy); what it fetches off this machine is recorded. */
  async function wpsPane(state: WpsState) {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
    const external: string[] = [];
    await page.addInitScript((st) => ((window as unknown as { __CLUSTER_REVIEW_WPS__: unknown }).__CLUSTER_REVIEW_WPS__ = st), structuredClone(state));
    await page.addInitScript({ content: env.host });
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(env.url) && !/office(-js\/office)?\.js/.test(u)) return route.continue();
      external.push(u);
      return route.abort();
    });
    const fake = () => page.evaluate(() => (window as unknown as { __fakeWps: { state: WpsState } }).__fakeWps.state);
    await page.goto(`${env.url}/wps/taskpane/taskpane.html`);
    await page.getByTestId('rulebook').waitFor();
    return { page, external, fake };
  }

  it('scores in the scoring panel: the score goes into the summary and 评分记录', async () => {
    const { page, external, fake } = await wpsPane(failing);
    await page.getByTestId('experts').fill('张三,李四');
    await page.getByTestId('summary').click();
    await page.getByText('已写入“评审汇总”工作表').waitFor();

    await page.getByTestId('score-open').click();
    await page.getByTestId('score-who').selectOption('张三');
    await page.getByTestId('score-who-confirm').click();
    await page.getByTestId('score-as').waitFor();
    // WPS: no change events and no threads, said in WPS's words; no "讨论" button.
    expect(await page.getByTestId('score-sheet').textContent()).toContain('在 WPS 表格中，其他专家的评分不会自动刷新');
    expect(await page.locator('[data-testid^="discuss-"]').count()).toBe(0);
    // The pane's score chart (issue 22): its table in words; no native chart to insert in WPS.
    await page.getByTestId('score-chart-table').waitFor();
    expect(await page.getByTestId('score-chart-insert').count()).toBe(0);
    const violations = await axeViolations(page, 'scoring sheet');

    await page.getByTestId('score-1').fill('18');
    await page.getByTestId('score-1-save').click();
    await page.getByTestId('score-notices').getByText('已保存').waitFor();
    expect(await page.getByTestId('score-notices').textContent()).toContain('→ 18（已记入“评分记录”）');
    const after = await fake();
    const summary = after.sheets.find((x) => x.name === '评审汇总')!;
    // 张三's column: the header cell holding his name, the score in the same column.
    const head = Object.entries(summary.cells).find(([, c]) => c.value === '张三')![0];
    const col = head.split(',')[1];
    expect(Object.entries(summary.cells).some(([k, c]) => k.endsWith(`,${col}`) && c.value === 18)).toBe(true);
    const audit = after.sheets.find((x) => x.name === '评分记录')!;
    expect(Object.values(audit.cells).map((c) => c.value)).toEqual(expect.arrayContaining(['张三', '18', '新增']));
    // 评分记录 was added behind the summary: the expert stays where they were.
    expect(after.active).toBe('评审汇总');
    expect(await page.getByTestId('my-total').textContent()).toContain('—');
    violations.push(...(await axeViolations(page, 'score saved')));
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('a sheet protected with a password: the review read-only, the password asked for; with it the cells are flagged and the protection comes back', async () => {
    const state = structuredClone(failing);
    const options = [true, false, false, false, false];
    state.sheets.find((x) => x.name === '指标表')!.protection = { password: '集群2025', options };
    const { page, external, fake } = await wpsPane(state);
    const flagged = async () => Object.values((await fake()).sheets.find((x) => x.name === '指标表')!.cells).filter((c) => c.comment?.startsWith('【集群评审助手】')).length;
    await page.getByTestId('check').click();
    await page.getByText('核验结果（只读，未标记单元格）').waitFor();
    expect(await page.getByTestId('notices').textContent()).toContain('“指标表”受密码保护，无法标记单元格');
    expect(await page.getByTestId('verdict').textContent()).toContain('未达标');
    expect(await flagged()).toBe(0);
    const field = page.getByTestId('password');
    expect(await field.getAttribute('type')).toBe('password');
    const violations = await axeViolations(page, 'read-only');

    await field.fill('错误');
    await page.getByTestId('password-submit').click();
    await page.getByText('密码不正确').waitFor();
    expect(await flagged()).toBe(0);

    await field.fill('集群2025');
    await page.getByTestId('password-submit').click();
    await page.getByText('已用密码解除“指标表”的保护').waitFor();
    expect(await flagged()).toBeGreaterThan(0);
    expect((await fake()).sheets.find((x) => x.name === '指标表')!.protection).toEqual({ password: '集群2025', options });
    await expectPasswordForgotten(page, '集群2025');
    violations.push(...(await axeViolations(page, 'flagged with the password')));
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
