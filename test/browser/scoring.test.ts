/**
 * Scoring in the built pane (issue #11, items 3, 4, 7, 8), two experts on two pages sharing one fake workbook
 * through the test (relay.ts): check → each expert says who they are and scores → each sees the other's scores
 * (change events) → a cell changed behind a pane's back is a conflict shown with both values, not lost →
 * "讨论" opens a thread the other sees → the summary is rewritten in place, keeping a row the committee added,
 * the thread and every score; 评分记录 holds every change. axe on the scoring states; screenshots at 320 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AUDIT_COL } from '../../src/core/committee/audit-sheet.js';
import { axeViolations, CHROMIUM, exampleState, paneSuite, snap, summaryLayoutOf } from './harness.js';
import { Relay } from './relay.js';

describe.skipIf(!CHROMIUM)('scoring in the pane, two experts on one workbook (needs Debian chromium)', () => {
  const env = paneSuite();
  const state = exampleState('01-passing');

  async function expertPage(relay: Relay): Promise<Page> {
    const { page, external } = await env.open({ state: state(), displayLanguage: 'zh-CN', excelApi: '1.18', relay: true }, { width: 360, height: 900 });
    await relay.attach(page);
    await page.goto(`${env.url}/taskpane/taskpane.html`);
    await page.getByTestId('rulebook').waitFor();
    expect(external).toEqual([]);
    return page;
  }

  async function scoreAs(page: Page, name: string): Promise<void> {
    await page.getByTestId('score-open').click();
    await page.getByTestId('score-who').selectOption(name);
    await page.getByTestId('score-who-confirm').click();
    await page.getByTestId('score-as').waitFor();
    expect(await page.getByTestId('score-as').textContent()).toContain(name);
  }

  async function enter(page: Page, testid: string, value: string): Promise<void> {
    await page.getByTestId(testid).fill(value);
    await page.getByTestId(`${testid}-save`).click();
  }

  it('check → two experts score → each sees the other’s → a conflict is shown, not lost → summary rewritten in place', async () => {
    const relay = new Relay(state());
    const a = await expertPage(relay);
    const b = await expertPage(relay);
    const violations: string[] = [];

    // 张三 checks and writes the summary with the committee.
    await a.getByTestId('check').click();
    await a.getByTestId('verdict').waitFor();
    await a.getByTestId('experts').fill('张三,李四,王五');
    await a.getByTestId('summary').click();
    await a.getByText('已写入“评审汇总”工作表').waitFor();
    const layout = summaryLayoutOf(relay.wb.state);
    const col = (name: string) => layout.experts.find((x) => x.name === name)!.col;
    const summary = layout.sheet;

    // A summary written where 评分记录 does not come with it (the WPS 加载项 writes none; earlier versions of the
    // add-in neither): the first entry adds it.
    const sheets = relay.wb.state.sheets;
    const record = sheets.findIndex((s) => s.name === '评分记录');
    expect(record).toBeGreaterThanOrEqual(0);
    sheets.splice(record, 1);

    // Each says who they are (remembered on that machine) and scores: full-width digits read as the core reads them.
    await scoreAs(a, '张三');
    violations.push(...(await axeViolations(a, 'scoring')));
    await snap(a, 'scoring');
    // 张三's first entry creates 评分记录, so his pane renews its watch to hear that sheet too. 李四's entry lands
    // while it does (held here, as a busy machine may delay it): the pane must still show it once the watch is on.
    const renewal = relay.holdWatch(a);
    await enter(a, 'score-1', '１８');
    await a.getByText('已保存 1：（空） → 18').waitFor();
    expect(relay.wb.cell(summary, layout.criteriaRows['1']!, col('张三'))?.value).toBe(18);
    await renewal.reached;

    await scoreAs(b, '李四');
    expect(await b.getByTestId('others-1').textContent()).toContain('张三 18');
    await enter(b, 'score-1', '15');
    await b.getByText('已保存 1：（空） → 15').waitFor();
    renewal.release();
    // 张三's pane hears the change (worksheet event) and shows 李四's score and the committee's figures.
    await expect.poll(async () => a.getByTestId('others-1').textContent(), { timeout: 10_000 }).toContain('李四 15');
    expect(await a.getByTestId('committee-1').textContent()).toContain('16.5');
    // Only each expert's own cells were written.
    expect(relay.wb.cell(summary, layout.criteriaRows['1']!, col('王五'))?.value ?? null).toBeNull();

    // Out of range: refused in words, nothing written.
    await enter(b, 'score-2', '99');
    await b.getByText('99 超出分值范围').waitFor();
    expect(relay.wb.cell(summary, layout.criteriaRows['2']!, col('李四'))?.value ?? null).toBeNull();

    // 张三 types 10 for criterion 2 straight into the sheet (no event reaches this pane); his pane still shows it blank.
    relay.wb.sheet(summary).cells[`${layout.criteriaRows['2']!},${col('张三')}`]!.value = 10;
    await enter(a, 'score-2', '12');
    const dialog = a.getByTestId('conflict');
    await dialog.waitFor();
    const text = (await dialog.textContent())!;
    expect(text).toContain('现在工作簿中是“10”');
    expect(text).toContain('您要填写“12”');
    violations.push(...(await axeViolations(a, 'conflict')));
    await snap(a, 'conflict');
    // Nothing was overwritten while asking.
    expect(relay.wb.cell(summary, layout.criteriaRows['2']!, col('张三'))?.value).toBe(10);
    await a.getByTestId('conflict-mine').click();
    await a.getByText('已保存 2：10 → 12').waitFor();
    await expect.poll(() => relay.wb.cell(summary, layout.criteriaRows['2']!, col('张三'))?.value, { timeout: 10_000 }).toBe(12);

    // An opinion and a sign-off by 李四, on his own cells.
    await b.getByTestId('opinion').fill('集群特色鲜明，建议推荐。');
    await b.getByTestId('opinion-save').click();
    await b.getByText('已保存 专家意见').waitFor();
    await enter(b, 'signature', '李四');
    await b.getByText('已保存 专家签名').waitFor();
    expect(relay.wb.cell(summary, layout.signatureRow, col('李四'))?.value).toBe('李四');

    // "讨论" on criterion 3: a thread on its row naming the others; 李四 sees it listed.
    await a.getByTestId('discuss-3').click();
    await a.getByTestId('discuss-text-3').fill('研发投入口径请再核对');
    await a.getByTestId('discuss-post-3').click();
    await a.getByText('已在“3”所在行发起讨论').waitFor();
    expect(relay.wb.state.comments).toHaveLength(1);
    expect(relay.wb.state.comments[0]!.content).toBe('@李四 @王五 研发投入口径请再核对');
    await b.getByTestId('score-refresh').click();
    await expect.poll(async () => b.locator('[data-testid="criterion-3"] [data-testid="thread"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await b.locator('[data-testid="criterion-3"] [data-testid="threads"]').textContent()).toContain('进行中 1');
    violations.push(...(await axeViolations(b, 'scoring with threads')));
    await snap(b, 'scoring-threads');

    // The committee adds a row below the summary; then the summary is written again: in place, all kept.
    const height = layout.height!;
    relay.wb.sheet(summary).cells[`${height + 2},0`] = { value: '委员会补充：现场考察意见良好' };
    const sheetsBefore = relay.wb.state.sheets.length;
    await a.getByTestId('summary').click();
    await a.getByText('已写入“评审汇总”工作表').waitFor();
    expect(relay.wb.state.sheets).toHaveLength(sheetsBefore);
    const after = summaryLayoutOf(relay.wb.state);
    expect(after.sheet).toBe(summary);
    expect(Object.values(relay.wb.sheet(summary).cells).some((c) => c.value === '委员会补充：现场考察意见良好')).toBe(true);
    expect(relay.wb.state.comments).toHaveLength(1);
    expect(relay.wb.cell(summary, after.criteriaRows['1']!, after.experts.find((x) => x.name === '张三')!.col)?.value).toBe(18);
    expect(relay.wb.cell(summary, after.criteriaRows['1']!, after.experts.find((x) => x.name === '李四')!.col)?.value).toBe(15);
    expect(relay.wb.cell(summary, after.criteriaRows['2']!, after.experts.find((x) => x.name === '张三')!.col)?.value).toBe(12);
    violations.push(...(await axeViolations(a, 'summary rewritten')));

    // 评分记录: every change through the panes, appended, old → new.
    const audit = relay.wb.sheet('评分记录');
    const rows = new Map<number, unknown[]>();
    for (const [k, c] of Object.entries(audit.cells)) {
      const [r, cc] = k.split(',').map(Number) as [number, number];
      (rows.get(r) ?? rows.set(r, []).get(r)!)[cc] = c.value;
    }
    const body = [...rows.entries()].sort((x, y) => x[0] - y[0]).slice(1).map(([, v]) => `${v[AUDIT_COL.expert]}|${v[AUDIT_COL.item]}|${v[AUDIT_COL.change]}`);
    expect(body).toEqual(['张三|1|新增', '李四|1|新增', '张三|2|10 → 12', '李四|专家意见|新增', '李四|专家签名|新增']);

    // Who is scoring is confirmed per workbook (issue #18, item 6): a reload offers 张三, remembered on that
    // machine, and asks — a shared meeting-room computer never scores as the last person.
    await a.reload();
    await a.getByTestId('score-open').click();
    await a.getByTestId('score-who').waitFor();
    expect(await a.getByTestId('score-sheet').count()).toBe(0);
    expect(await a.getByTestId('score-who').inputValue()).toBe('张三');
    await a.getByTestId('score-who-confirm').click();
    await a.getByTestId('score-as').waitFor();
    expect(await a.getByTestId('score-as').textContent()).toContain('张三');

    // A score typed and left with Tab is saved; it costs its read and its write, and no re-read follows (the other
    // pane hearing of it shows the change events have come and gone).
    const syncs = () => a.evaluate(() => (window as unknown as { __fake: { syncs: unknown[] } }).__fake.syncs.length);
    const before = await syncs();
    await a.getByTestId('score-3').fill('7');
    await a.getByTestId('score-3').press('Tab');
    await a.getByText('已保存 3：（空） → 7').waitFor();
    expect(relay.wb.cell(summary, layout.criteriaRows['3']!, col('张三'))?.value).toBe(7);
    await expect.poll(async () => b.getByTestId('others-3').textContent(), { timeout: 10_000 }).toContain('张三 7');
    expect((await syncs()) - before).toBe(2);

    // A text typed and not saved says 未保存; changing the expert then asks first.
    await a.getByTestId('opinion').fill('建议认定');
    await a.getByTestId('opinion-unsaved').waitFor();
    expect(await a.getByTestId('opinion-unsaved').textContent()).toBe('未保存');
    await a.getByTestId('score-change-who').click();
    await a.getByTestId('score-leaving').waitFor();
    violations.push(...(await axeViolations(a, 'scoring-leaving')));
    await a.getByTestId('score-leave-stay').click();
    expect(await a.getByTestId('score-as').textContent()).toContain('张三');
    expect(await a.getByTestId('opinion').inputValue()).toBe('建议认定');
    // Closing the pane (or the workbook) with it unsaved: the pane cancels the page's unload, so the browser asks
    // first. (Headless Chromium shows no beforeunload prompt here: the handler's answer is what is checked.)
    const asks = () => a.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
    expect(await asks()).toBe(true);
    await a.getByTestId('opinion-save').click();
    await a.getByTestId('opinion-unsaved').waitFor({ state: 'detached' });
    await expect.poll(asks).toBe(false);
    expect(violations).toEqual([]);
    await a.close();
    await b.close();
  }, 180_000);
});
