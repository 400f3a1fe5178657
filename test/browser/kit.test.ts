/**
 * A province's kit in the browser: `cluster-review kit` (building the pane with vite, as an administrator would)
 * writes a folder whose add-in, served as it stands, starts with the Yunnan rulebook in force; offers the
 * national edition beside it and remembers the choice on this machine; refuses a rulebook file whose content
 * does not match the index's fingerprint; shows, never uses, the rulebook stamped in the applicant's workbook. The
 * ribbon's 直接检查 checks under the same rulebook as the pane (the deployment's default or the choice made on this
 * machine) and says which; the kit's WPS 加载项, installed offline and loaded over file://, has Yunnan in force too.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { cli, load, tempDir, writeExample } from '../support/files.js';
import type { FakeState } from '../support/fake-excel.js';
import type { WpsState } from '../support/fake-wps.js';
import { wpsStateFromExcelJS } from '../wps/from-xlsx.js';
import { axeViolations, CHROMIUM, fakeHostScript, fakeState, paneSuite } from './harness.js';
import { commandHostLog, pressCheckNow, recordedRulebook } from './ribbon.js';
import { fileUrl, installOffline, pressRibbon, wpsHostLog, wpsPage, wpsState } from './wps-pages.js';

const YUNNAN = '云南省中小企业特色产业集群认定标准（2023年暂行版）';
const NATIONAL = '中小企业特色产业集群认定标准（2022年版）';

// .ci/run installs Debian's chromium; a developer machine without it skips this suite with this reason.
describe.skipIf(!CHROMIUM)('a kit’s add-in in Chromium (needs Debian chromium)', () => {
  let kit: string;
  let workbook: FakeState;
  let wpsWorkbook: WpsState;
  let wpsHost: string;
  // The add-in folder as the province's IT would put it on the server, written by the CLI first.
  const env = paneSuite({
    dir: async () => {
      kit = join(tempDir(), 'kit');
      const run = await cli(['kit', '--rulebook', 'rulebooks/yunnan-2023.json', '--year', '2025', '--base-url', 'https://review.yn.example.gov.cn/cluster-review', '-o', kit]);
      expect(run.code, run.err).toBe(0);
      return join(kit, 'addin');
    },
    timeoutMs: 180_000,
  });

  beforeAll(async () => {
    // An application filled in on the national template: its record carries the national rulebook's stamp.
    const application = await load(await writeExample(tempDir(), '02-failing'));
    workbook = fakeFromExcelJS(application).state;
    wpsWorkbook = wpsStateFromExcelJS(application);
    wpsHost = await fakeHostScript('test/browser/fake-wps-host.ts');
  }, 120_000);

  const open = async (): Promise<{ page: Page; external: string[] }> => {
    const { page, external } = await env.open({ state: structuredClone(workbook), displayLanguage: 'zh-CN', excelApi: '1.18' });
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    return { page, external };
  };
  const inForce = async (page: Page) => (await page.getByTestId('rulebook').textContent()) ?? '';

  /** Rewrites a served rulebook file (the index is left as the kit wrote it), returning a function that undoes it. */
  function tamper(file: string): () => void {
    const path = join(kit, 'addin', 'rulebooks', file);
    const original = readFileSync(path, 'utf8');
    const json = JSON.parse(original) as { checks: Array<{ title: { zh: string } }> };
    json.checks[0]!.title.zh += '（已改）';
    writeFileSync(path, JSON.stringify(json, null, 2));
    return () => writeFileSync(path, original);
  }

  it('starts with the Yunnan rulebook in force, shows the workbook’s national stamp, and checks under Yunnan', async () => {
    const { page, external } = await open();
    await page.getByTestId('rulebook').waitFor();
    expect(await inForce(page)).toContain(YUNNAN);
    const select = page.getByTestId('rulebook-select');
    expect(await select.inputValue()).toBe('cn-yn-2023');
    expect(await select.locator('option').allTextContents()).toEqual([`${YUNNAN} · 2023（默认）`, `${NATIONAL} · 2022`]);
    // The applicant's workbook was made from the national template: shown, not used.
    await page.getByTestId('workbook-rulebook').waitFor();
    expect(await page.getByTestId('workbook-rulebook').textContent()).toContain('cn-miit-2022');
    // The select is labelled, and the section is accessible (axe-core, as the pane's own test).
    expect(await page.getByLabel('本部署提供的规则').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('notices').textContent()).toContain('模板所依据规则为 cn-miit-2022');
    expect(await inForce(page)).toContain(YUNNAN);
    expect(external).toEqual([]);
    await page.close();
  });

  it('built with the bundled office.js by default: its copy served beside the pages, and the README says what that means', () => {
    expect(existsSync(join(kit, 'addin', 'office-js', 'office.js'))).toBe(true);
    expect(readFileSync(join(kit, 'addin', 'taskpane', 'taskpane.html'), 'utf8')).not.toContain('appsforoffice.microsoft.com');
    const readme = readFileSync(join(kit, 'README.md'), 'utf8');
    expect(readme).toContain('--office-js bundled');
    expect(readme).toContain('说明也写入批注会话');
    expect(readme).not.toContain('appsforoffice.microsoft.com');
  });

  it('offers the national edition; the choice is remembered on this machine', async () => {
    const { page } = await open();
    await page.getByTestId('rulebook-select').selectOption('cn-miit-2022');
    await expect.poll(() => inForce(page)).toContain(NATIONAL);
    // Same rulebook as the workbook's stamp: nothing to show.
    await expect.poll(() => page.getByTestId('workbook-rulebook').count()).toBe(0);
    await page.reload();
    await page.getByTestId('rulebook').waitFor();
    expect(await inForce(page)).toContain(NATIONAL);
    await page.close();
  });

  it('a rulebook whose content does not match its fingerprint is refused in words; the one in force stays', async () => {
    const undo = tamper('cn-miit-2022.json');
    try {
      const { page } = await open();
      await page.getByTestId('rulebook').waitFor();
      await page.getByTestId('rulebook-select').selectOption('cn-miit-2022');
      await page.getByTestId('rulebook-refused').waitFor();
      const text = (await page.getByTestId('rulebook-refused').textContent()) ?? '';
      expect(text).toContain('规则未采用');
      expect(text).toContain('cn-miit-2022.json');
      expect(text).toContain('校验码不符');
      expect(await inForce(page)).toContain(YUNNAN);
      expect(await page.getByTestId('rulebook-select').inputValue()).toBe('cn-yn-2023');
      await page.close();
    } finally {
      undo();
    }
  });

  it('a tampered default leaves the pane without a rulebook: it says so and offers no check', async () => {
    const undo = tamper('cn-yn-2023.json');
    try {
      const { page } = await open();
      await page.getByTestId('rulebook-none').waitFor();
      const text = (await page.getByTestId('rulebook-none').textContent()) ?? '';
      expect(text).toContain('本部署没有可用的规则');
      expect(text).toContain('cn-yn-2023.json');
      expect(text).toContain('校验码不符');
      expect(await page.getByTestId('check').count()).toBe(0);
      await page.close();
    } finally {
      undo();
    }
  });
  /** Excel's 直接检查 on the kit's server; the outcome's words and the rulebook the workbook's record names. */
  async function checkNowInExcel(chosen?: string): Promise<{ text: string; recorded: string | undefined }> {
    const { page } = await env.open({ state: structuredClone(workbook), displayLanguage: 'zh-CN', excelApi: '1.18', sets: { DialogApi: '1.1' } });
    if (chosen) await page.addInitScript((id) => localStorage.setItem('cluster-review.rulebook', id), chosen);
    await page.goto(`${env.url}/commands/commands.html`);
    await pressCheckNow(page);
    await expect.poll(async () => (await commandHostLog(page)).dialogs.length, { timeout: 10_000 }).toBe(1);
    const text = new URL((await commandHostLog(page)).dialogs[0]!.url).searchParams.get('text') ?? '';
    const recorded = recordedRulebook((await fakeState(page)).sheets);
    await page.close();
    return { text, recorded };
  }

  it('Excel’s 直接检查 checks under the rulebook the pane would use — the deployment’s default, or the one chosen on this machine — and names it', async () => {
    const byDefault = await checkNowInExcel();
    expect(byDefault.recorded).toBe('cn-yn-2023');
    expect(byDefault.text).toContain(`依据规则：${YUNNAN}（cn-yn-2023）`);
    const chosen = await checkNowInExcel('cn-miit-2022');
    expect(chosen.recorded).toBe('cn-miit-2022');
    expect(chosen.text).toContain(`依据规则：${NATIONAL}（cn-miit-2022）`);
  });

  it('a tampered default: Excel’s 直接检查 checks nothing and says why, as the pane does', async () => {
    const undo = tamper('cn-yn-2023.json');
    try {
      const r = await checkNowInExcel();
      expect(r.recorded).toBeUndefined();
      expect(r.text).toContain('本部署没有可用的规则');
      expect(r.text).toContain('校验码不符');
    } finally {
      undo();
    }
  });

  it('the kit’s README says where the WPS add-in goes offline, on Windows and on Linux, and how to restart WPS, in both languages', () => {
    const readme = readFileSync(join(kit, 'README.md'), 'utf8');
    const [zh, en] = readme.split('\n---\n');
    for (const part of [zh!, en!]) {
      expect(part).toContain('%APPDATA%\\kingsoft\\wps\\jsaddons\\');
      expect(part).toContain('~/.local/share/Kingsoft/wps/jsaddons/');
      expect(part).toContain('quickstartoffice restart');
      expect(part).toContain('rulebooks.js');
      expect(part).toContain('Chromium 67');
    }
  });

  it('the kit’s WPS 加载项 installed offline over file://: the pane has Yunnan in force and checks under it; 直接检查 uses it too and says so', async () => {
    const folder = installOffline(join(kit, 'addin', 'wps'));
    const { page, problems } = await wpsPage(env.browser, wpsHost, wpsWorkbook);
    await page.goto(fileUrl(folder, 'taskpane/taskpane.html'));
    await page.getByTestId('rulebook').waitFor();
    expect(await inForce(page)).toContain(YUNNAN);
    expect(await page.getByTestId('rulebook-select').locator('option').allTextContents()).toEqual([`${YUNNAN} · 2023（默认）`, `${NATIONAL} · 2022`]);
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    expect(recordedRulebook((await wpsState(page)).sheets)).toBe('cn-yn-2023');
    // The national edition, chosen, is read from the page too (nothing is fetched over file://).
    await page.getByTestId('rulebook-select').selectOption('cn-miit-2022');
    await expect.poll(() => inForce(page)).toContain(NATIONAL);
    await page.getByTestId('rulebook-select').selectOption('cn-yn-2023');
    await expect.poll(() => inForce(page)).toContain(YUNNAN);

    await page.goto(fileUrl(folder, 'index.html'));
    await pressRibbon(page, 'crRunCheck');
    await expect.poll(async () => (await wpsHostLog(page)).dialogs.length).toBe(1);
    expect(new URL((await wpsHostLog(page)).dialogs[0]!.url).searchParams.get('text')).toContain(`依据规则：${YUNNAN}（cn-yn-2023）`);
    expect(recordedRulebook((await wpsState(page)).sheets)).toBe('cn-yn-2023');
    expect(problems).toEqual([]);
    await page.close();
  });
});
