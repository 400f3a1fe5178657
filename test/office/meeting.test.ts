/**
 * Scoring in a meeting (issue #18, item 6), the Office side against the strict fake: after the pane's own write an
 * entry costs its read and its write (2 syncs) — the view comes back with the entry in, and the change events of
 * the pane's own write do not send it reading again; change-event handlers are removed with a sync.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/core/text/index.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { discuss, enterScore, readScoring, watchScoring, type ScoringCaps, type ScoringView, type XChangedEvent } from '../../src/office/scoring.js';
import { checkWorkbook, clearFlags, writeSummary } from '../../src/office/workbook.js';
import { hostCaps } from '../support/hosts.js';
import type { FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
const ALL: ScoringCaps = { events: true, threads: true, resolved: true, notes: true };
const TIME = '2025-06-01 10:00';

async function summarised(example = '01-passing'): Promise<FakeWorkbook> {
  const fake = fakeFromExcelJS(await load(await writeExample(dir, example, {}, `t-${Math.random().toString(36).slice(2)}.xlsx`)));
  await writeSummary({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES }, { experts: ['张三', '李四', '王五'] });
  return fake;
}
async function view(fake: FakeWorkbook, author: string): Promise<ScoringView> {
  const v = await readScoring(fake.context({ author }), rb, ALL);
  if (typeof v === 'string') throw new Error(v);
  return v;
}

describe('one score in a meeting', () => {
  it('costs 2 syncs after the pane’s own write: the view comes back with it, its own change events ask for no re-read', async () => {
    const fake = await summarised();
    const v = await view(fake, '张三');
    const own = new Set<string>();
    const mine: XChangedEvent[] = [];
    const stop = await watchScoring(fake.context({ author: '张三' }), v, ALL, (e) => mine.push(e), own);
    // Another pane watching the same sheets: when it has heard of the write, so would this one have.
    const theirs: XChangedEvent[] = [];
    const stopTheirs = await watchScoring(fake.context({ author: '李四' }), v, ALL, (e) => theirs.push(e));
    const before = fake.syncs.length;
    const r = await enterScore(fake.context({ author: '张三' }), v, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '1' }, value: 18, lastSeen: null, time: TIME }, own);
    await expect.poll(() => theirs.length).toBeGreaterThan(1);
    expect(r.kind).toBe('written');
    expect(fake.syncs.length - before).toBe(2);
    expect(mine).toEqual([]);
    const shown = r.kind === 'written' ? r.view : undefined;
    expect(shown).toBeDefined();
    const fresh = await view(fake, '张三');
    expect(shown!.state).toEqual(fresh.state);
    // A text entry too: in 评分记录 only, and in the view.
    const r2 = await enterScore(fake.context({ author: '张三' }), shown!, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'opinion' }, value: '建议认定', lastSeen: null, time: TIME }, own);
    expect(r2.kind === 'written' ? r2.view?.state : undefined).toEqual((await view(fake, '张三')).state);
    await stop!();
    await stopTheirs!();
  });
});

describe('change-event handlers', () => {
  it('are removed with a sync: after stop, a change reaches no handler', async () => {
    const fake = await summarised();
    const v = await view(fake, '李四');
    const events: XChangedEvent[] = [];
    const stop = await watchScoring(fake.context({ author: '李四' }), v, ALL, (e) => events.push(e));
    const control: XChangedEvent[] = [];
    await watchScoring(fake.context({ author: '王五' }), v, ALL, (e) => control.push(e));
    const before = fake.syncs.length;
    await stop!();
    expect(fake.syncs.length - before).toBe(1);
    await enterScore(fake.context({ author: '张三' }), v, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '1' }, value: 17, lastSeen: null, time: TIME });
    await expect.poll(() => control.length).toBeGreaterThan(0);
    expect(events).toEqual([]);
  });
});

describe('讨论 says only what it did', () => {
  it('the others are named in the thread, not notified: the pane does not say it mentioned them', () => {
    const zh = t('pane.discuss.posted', 'zh-CN', { id: '4' });
    expect(zh).not.toContain('提到');
    expect(zh).toBe('已在“4”所在行发起讨论（批注会话），其中写明了其他专家的姓名；系统不会另行通知，其他专家打开工作簿即可看到。');
    expect(t('pane.discuss.posted', 'en-US', { id: '4' })).toContain('not notified');
  });
});

describe('`resolved` only where ExcelApi 1.11 is', () => {
  it('in an Excel with threads (1.10) but no resolved state: the pane says so (null), discusses, and clearing leaves replied threads as they are', async () => {
    const fake = await summarised('02-failing');
    fake.host = { name: 'Excel with ExcelApi 1.10', excelApi: '1.10', lacks: [] };
    const { caps, scoring } = await hostCaps(fake);
    expect(scoring).toMatchObject({ threads: true, resolved: false });
    expect(caps.resolved).toBe(false);
    let v = await readScoring(fake.context({ author: '张三' }), rb, scoring);
    if (typeof v === 'string') throw new Error(v);
    await discuss(fake.context({ author: '张三' }), v, '4', '张三', '请核对研发投入');
    v = (await readScoring(fake.context({ author: '李四' }), rb, scoring)) as ScoringView;
    expect(v.threads!.get('4')![0]!.resolved).toBeNull();
    // The check's own threads (comments mode), one replied to: a clear keeps it, never touching `resolved`.
    const s = { ctx: fake.context({ author: '张三' }), rb, lang: 'zh-CN' as const, caps: { ...caps, explanations: 'comments' as const } };
    await checkWorkbook(s);
    const ours = fake.state.comments.find((c) => !c.content.includes('请核对'))!;
    ours.replies = [{ id: 'r1', content: '已补充', author: '李四' }];
    await clearFlags(s);
    expect(fake.state.comments.find((c) => c.id === ours.id)).toMatchObject({ replies: [{ author: '李四' }] });
    expect(fake.state.comments.find((c) => c.id === ours.id)?.resolved).toBeUndefined();
  });
});
