/**
 * The ribbon's "直接检查" in Chromium against the fake host: it reports its result, success and failure — in a
 * dialog where DialogApi 1.1 exists (the command completes when the dialog is closed), and without it by
 * completing at once and leaving the result for the pane, which shows it when opened. It checks with the rulebook
 * the pane would use and names it (test/browser/kit.test.ts: a province's kit).
 */
import { describe, expect, it } from 'vitest';
import type { FakeState } from '../support/fake-excel.js';
import { CHROMIUM, exampleState, fakeState, type Fixture, paneSuite } from './harness.js';
import { commandCompleted as completed, commandHostLog as hostLog, pressCheckNow as press, recordedRulebook } from './ribbon.js';

describe.skipIf(!CHROMIUM)('ribbon command 直接检查 in Chromium (needs Debian chromium)', () => {
  const env = paneSuite();
  const failing = exampleState('02-failing');

  const fixture = (state: FakeState, sets?: Record<string, string>): Fixture => ({ state, displayLanguage: 'zh-CN', excelApi: '1.18', sets });

  it('with DialogApi: flags the cells, opens a dialog with the result, completes when the dialog is closed', async () => {
    const { page } = await env.open(fixture(failing(), { DialogApi: '1.1' }));
    await page.goto(`${env.url}/commands/commands.html`);
    await press(page);
    await expect.poll(async () => (await hostLog(page)).dialogs.length, { timeout: 10_000 }).toBe(1);
    const notes = await page.evaluate(() => Object.keys((window as unknown as { __fake: { state: FakeState } }).__fake.state.notes).length);
    expect(notes).toBeGreaterThan(0);
    // The command is still running while the dialog is open (Office would end its runtime on completed()).
    expect(await completed(page)).toBe(0);
    const dialogUrl = (await hostLog(page)).dialogs[0]!.url;
    expect(dialogUrl.startsWith(`${env.url}/commands/result.html?`)).toBe(true);
    // The rulebook is the one the pane would use (the plain build's: the built-in national edition), and is named.
    expect(new URL(dialogUrl).searchParams.get('text')).toContain('依据规则：中小企业特色产业集群认定标准（2022年版）（cn-miit-2022）');
    expect(recordedRulebook((await fakeState(page)).sheets)).toBe('cn-miit-2022');

    // The dialog page shows the result in words and its Close button messages the parent.
    const dialog = await env.open(fixture(failing(), { DialogApi: '1.1' }), { width: 400, height: 300 });
    await dialog.page.goto(dialogUrl);
    const result = dialog.page.getByTestId('command-result');
    await result.getByRole('button').waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('检查完成：未达标。已在“指标表”工作表标记');
    await dialog.page.getByTestId('close').click();
    await expect.poll(async () => (await hostLog(dialog.page)).messages).toEqual(['close']);
    await dialog.page.close();

    // Office delivers that message to the command: the dialog closes and the command completes.
    await page.evaluate(() => {
      const d = (window as unknown as { __host: { dialogs: { handlers: Record<string, ((a: unknown) => void)[]> }[] } }).__host.dialogs[0]!;
      for (const h of d.handlers.dialogMessageReceived ?? []) h({ message: 'close' });
    });
    await expect.poll(() => completed(page)).toBe(1);
    expect((await hostLog(page)).dialogs[0]!.closed).toBe(true);
    await page.close();
  });

  it('a failure is reported too (a sheet protected with a password), and the dialog closed by its X completes the command', async () => {
    const state = failing();
    state.sheets.find((x) => x.name === '指标表')!.protection = { password: 'secret' };
    const { page } = await env.open(fixture(state, { DialogApi: '1.1' }));
    await page.goto(`${env.url}/commands/commands.html`);
    await press(page);
    await expect.poll(async () => (await hostLog(page)).dialogs.length, { timeout: 10_000 }).toBe(1);
    const q = new URL((await hostLog(page)).dialogs[0]!.url).searchParams;
    expect(q.get('ok')).toBe('0');
    expect(q.get('title')).toBe('直接检查未完成');
    expect(q.get('text')).toContain('受密码保护，无法标记单元格');
    await page.evaluate(() => {
      const d = (window as unknown as { __host: { dialogs: { handlers: Record<string, ((a: unknown) => void)[]> }[] } }).__host.dialogs[0]!;
      for (const h of d.handlers.dialogEventReceived ?? []) h({ error: 12006 });
    });
    await expect.poll(() => completed(page)).toBe(1);
    await page.close();
  });

  it('without DialogApi: completes at once, and the pane opened afterwards shows the last result', async () => {
    const { page } = await env.open(fixture(failing()));
    await page.goto(`${env.url}/commands/commands.html`);
    await press(page);
    await expect.poll(() => completed(page), { timeout: 10_000 }).toBe(1);
    expect((await hostLog(page)).dialogs).toEqual([]);
    // Same origin, same browser profile: the pane finds the result the command left.
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    const last = page.getByTestId('last-command');
    await last.waitFor();
    expect(await last.textContent()).toMatch(/^上次“直接检查”（\d{4}-\d\d-\d\d \d\d:\d\d）检查完成：未达标。/);
    // The pane's own check replaces it.
    await page.getByTestId('check').click();
    await page.getByTestId('verdict').waitFor();
    expect(await last.count()).toBe(0);
    await page.close();
  });
});
