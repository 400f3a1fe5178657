/**
 * The built WPS 加载项 folder (dist/wps/) in a real browser (Debian's Chromium) against the strict fake WPS
 * injected as window.Application instead of office.js: check → findings; click a finding → its cell selected in
 * WPS; write the summary → the sheet exists; score in the scoring panel → the score in the summary and 评分记录;
 * a sheet protected with a password → the review read-only, the password asked for → the cells flagged and the
 * protection back. The page never asks for office.js, nor for anything off this machine; axe passes.
 *
 * Offline, WPS loads the folder from its jsaddons folder over file://, where Chromium refuses module scripts and
 * fetch(): the folder is classic scripts of a JavaScript old enough for the Chromium inside older WPS builds
 * (Chromium 67: ES2019), with the rulebooks embedded; loaded so (test/browser/wps-pages.ts) the ribbon opens the
 * pane and check → summary → score work, also with the standard library of that older Chromium, and a browser
 * older still gets a message instead of a pane that never starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLAG_FILL } from '../../src/core/index.js';
import { toBgr } from '../../src/wps/colour.js';
import type { WpsState } from '../support/fake-wps.js';
import { load, tempDir, writeExample } from '../support/files.js';
import { wpsStateFromExcelJS } from '../wps/from-xlsx.js';
import { axeViolations, CHROMIUM, expectPasswordForgotten, paneSuite } from './harness.js';
import { recordedRulebook } from './ribbon.js';
import { fileUrl, installOffline, OLDER_CHROMIUM, pressRibbon, wpsHostLog, wpsPage, wpsState } from './wps-pages.js';

/** The oldest Chromium the WPS build is for (README "WPS"), and the JavaScript it parses. */
const TARGET_CHROMIUM = 67;
const TARGET_ECMA = 2019;
const NATIONAL = '中小企业特色产业集群认定标准（2022年版）';

/** The scripts a built page loads, as their paths inside the folder. */
const scriptsOf = (html: string): string[] => [...html.matchAll(/<script\b[^>]*?\ssrc="([^"]+)"/g)].map((m) => m[1]!);

/**
 * Scores as 张三 in the scoring panel of a pane whose summary exists: the score goes into the summary and 评分记录, the
 * expert stays on the summary, and WPS's limits are said in its words. Returns axe's findings on the way.
 */
async function scoreAsZhangSan(page: Page): Promise<string[]> {
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
  const after = await wpsState(page);
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
  return violations;
}

/**
 * Checks (the verdict and a flagged cell) and writes the summary for 张三 and 李四, in a pane already open; a pane
 * that does not start fails with what went wrong on the page (`problems`).
 */
async function checkAndSummary(page: Page, problems: readonly string[] = []): Promise<void> {
  await page
    .getByTestId('rulebook')
    .waitFor({ timeout: 15_000 })
    .catch((e: unknown) => {
      throw new Error(`the pane did not start: ${problems.join(' | ') || 'no error on the page'}`, { cause: e });
    });
  expect(await page.getByTestId('rulebook').textContent()).toContain(NATIONAL);
  await page.getByTestId('check').click();
  await page.getByTestId('verdict').waitFor();
  expect(await page.getByTestId('verdict').textContent()).toContain('未达标');
  const flagged = Object.values((await wpsState(page)).sheets.find((x) => x.name === '指标表')!.cells).filter((c) => c.comment?.startsWith('【集群评审助手】'));
  expect(flagged.length).toBeGreaterThan(0);
  await page.getByTestId('experts').fill('张三,李四');
  await page.getByTestId('summary').click();
  await page.getByText('已写入“评审汇总”工作表').waitFor();
}

// .ci/run installs Debian's chromium; a developer machine without it skips this suite with this reason.
describe.skipIf(!CHROMIUM)('the task pane in WPS (fake WPS host, needs Debian chromium)', () => {
  const env = paneSuite({ hostEntry: 'test/browser/fake-wps-host.ts' });
  let failing: WpsState;

  beforeAll(async () => {
    failing = wpsStateFromExcelJS(await load(await writeExample(tempDir(), '02-failing')));
  }, 120_000);

  it('the build wrote a self-contained WPS add-in folder of classic scripts: ribbon.xml, entry page, pane, rulebooks, publish.xml; no office.js, no module', () => {
    const wps = join(env.dist, 'wps');
    for (const f of ['ribbon.xml', 'index.html', 'main.js', 'boot.js', 'rulebooks/rulebooks.js', 'taskpane/taskpane.html', 'commands/result.html', 'help/index.html', 'publish.xml', 'publish.offline.xml', 'icon-32.png', 'icon-80.png'])
      expect(existsSync(join(wps, f)), f).toBe(true);
    expect(existsSync(join(wps, 'office-js'))).toBe(false);
    for (const page of ['index.html', 'taskpane/taskpane.html', 'commands/result.html']) {
      const html = readFileSync(join(wps, page), 'utf8');
      expect(html, page).not.toContain('office-js');
      // Over file:// Chromium refuses module scripts (and WPS's older Chromium may not know them): classic only.
      expect(html, page).not.toMatch(/type="module"|rel="modulepreload"/);
      const scripts = scriptsOf(html);
      expect(scripts.length, page).toBeGreaterThan(0);
      // Every script and style the page names is inside the folder (it may be copied alone into jsaddons).
      for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]+)"/g)) expect(existsSync(join(wps, page, '..', m[1]!)), `${page} → ${m[1]}`).toBe(true);
      // Each parses as a classic script (no import, export, dynamic import() or top-level await) of the target's
      // JavaScript; boot.js, which says when the browser is too old, as ES5, so that any browser can run it.
      for (const src of scripts) {
        const file = join(wps, page, '..', src);
        const ecmaVersion = src.endsWith('boot.js') ? 5 : TARGET_ECMA;
        expect(() => parse(readFileSync(file, 'utf8'), { ecmaVersion, sourceType: 'script' }), `${page} → ${src} as an ES${ecmaVersion} script`).not.toThrow();
      }
      // The rulebooks come first, then the check of the browser, then the add-in.
      expect(scripts.findIndex((x) => x.endsWith('rulebooks/rulebooks.js')), page).toBe(page === 'commands/result.html' ? -1 : 0);
      expect(scripts.findIndex((x) => x.endsWith('boot.js')), page).toBe(page === 'commands/result.html' ? 0 : 1);
    }
    // The entry page names main.js, which sets window.ribbon as it runs (WPS calls ribbon.OnAddinLoad soon after).
    expect(scriptsOf(readFileSync(join(wps, 'index.html'), 'utf8')).at(-1)).toBe('./main.js');
    // Inside WPS the pane's first words say WPS, not Excel.
    const pane = readFileSync(join(wps, 'taskpane/taskpane.html'), 'utf8');
    expect(pane).toContain('正在连接 WPS 表格…');
    expect(pane).not.toContain('Excel');
    const ribbon = readFileSync(join(wps, 'ribbon.xml'), 'utf8');
    expect(ribbon).toContain('label="集群评审"');
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
    // The plain build's rulebook, the pane's too: the built-in national edition, named in the result.
    expect(new URL(dialog.url).searchParams.get('text')).toContain(`依据规则：${NATIONAL}（cn-miit-2022）`);
    expect(recordedRulebook((await wpsState(page)).sheets)).toBe('cn-miit-2022');
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
    const { page, external } = await wpsPane(failing);
    await page.getByTestId('experts').fill('张三,李四');
    await page.getByTestId('summary').click();
    await page.getByText('已写入“评审汇总”工作表').waitFor();

    const violations = await scoreAsZhangSan(page);
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
  describe('offline: installed into jsaddons, loaded over file:// with Chromium’s default security', () => {
    it('the ribbon is set, 评审助手 opens the pane, and check → summary → score work in it; nothing fails to load', async () => {
      const folder = installOffline(join(env.dist, 'wps'));
      const { page, problems } = await wpsPage(env.browser, env.host, failing);
      await page.goto(fileUrl(folder, 'index.html'));
      await pressRibbon(page, 'crOpenPane');
      const panes = (await wpsHostLog(page)).panes;
      expect(panes).toEqual([expect.objectContaining({ url: fileUrl(folder, 'taskpane/taskpane.html'), Visible: true })]);
      // WPS shows that page in its task pane: here the same page, with the same workbook.
      await page.goto(panes[0]!.url);
      await checkAndSummary(page, problems);
      expect(await scoreAsZhangSan(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('直接检查 over file://: the cells are flagged under the national rulebook and the result dialog, a file:// page too, shows it', async () => {
      const folder = installOffline(join(env.dist, 'wps'));
      const { page, problems } = await wpsPage(env.browser, env.host, failing);
      await page.goto(fileUrl(folder, 'index.html'));
      await pressRibbon(page, 'crRunCheck');
      await expect.poll(async () => (await wpsHostLog(page)).dialogs.length).toBe(1);
      const dialog = (await wpsHostLog(page)).dialogs[0]!;
      expect(dialog.url.startsWith(`${fileUrl(folder, 'commands/result.html')}?`)).toBe(true);
      expect(new URL(dialog.url).searchParams.get('text')).toContain(`依据规则：${NATIONAL}（cn-miit-2022）`);
      expect(recordedRulebook((await wpsState(page)).sheets)).toBe('cn-miit-2022');
      await page.goto(dialog.url);
      await page.getByRole('status').waitFor();
      expect(await page.getByRole('status').textContent()).toContain('未达标');
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`with only the standard library of Chromium ${TARGET_CHROMIUM} (everything newer taken away first), the pane still checks, writes the summary and scores`, async () => {
      const folder = installOffline(join(env.dist, 'wps'));
      const { page, problems } = await wpsPage(env.browser, env.host, failing, { beforePage: [OLDER_CHROMIUM] });
      await page.goto(fileUrl(folder, 'taskpane/taskpane.html'));
      await checkAndSummary(page, problems);
      await scoreAsZhangSan(page);
      // The stand-ins are the add-in's: taken away before the page, there again once its scripts ran.
      expect(await page.evaluate(() => typeof (window as unknown as { WeakRef?: unknown }).WeakRef === 'function' && typeof Object.fromEntries === 'function')).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`a WPS whose browser is older than Chromium ${TARGET_CHROMIUM}: the pane and the ribbon say so, in both languages, instead of never starting`, async () => {
      const folder = installOffline(join(env.dist, 'wps'));
      const userAgent = 'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/63.0.3239.132 Safari/537.36 WpsOfficeApp/11.1.0.9999';
      const { page } = await wpsPage(env.browser, env.host, failing, { context: { userAgent } });
      await page.goto(fileUrl(folder, 'taskpane/taskpane.html'));
      await page.getByRole('alert').waitFor({ timeout: 10_000 });
      const text = (await page.locator('#root').textContent()) ?? '';
      expect(text).toContain('WPS 内置浏览器版本过旧');
      expect(text).toContain(`Chromium ${TARGET_CHROMIUM}`);
      expect(text).toContain('Chromium 63');
      expect(text).toContain('npx cluster-review check');
      expect(text).toContain('too old');
      expect(await page.getByTestId('check').count()).toBe(0);
      // The ribbon's buttons answer with the same words.
      const said: string[] = [];
      page.on('dialog', (d) => {
        said.push(d.message());
        void d.dismiss();
      });
      await page.goto(fileUrl(folder, 'index.html'));
      await pressRibbon(page, 'crOpenPane');
      await expect.poll(() => said.length).toBe(1);
      expect(said[0]).toContain('WPS 内置浏览器版本过旧');
      expect((await wpsHostLog(page)).panes).toEqual([]);
      await page.close();

      // A browser that calls itself new enough but lacks what cannot be stood in for (BigInt) is told the same.
      const lacking = await wpsPage(env.browser, env.host, failing, { beforePage: ['delete window.BigInt;'] });
      await lacking.page.goto(fileUrl(folder, 'taskpane/taskpane.html'));
      await lacking.page.getByRole('alert').waitFor({ timeout: 10_000 });
      expect(await lacking.page.locator('#root').textContent()).toContain('BigInt');
      await lacking.page.close();
    });
  });
});
