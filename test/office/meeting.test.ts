/**
 * Scoring in a meeting (issue #18, item 6), the Office side against the strict fake: after the pane's own write an
 * entry costs its read and its write (2 syncs) — the view comes back with the entry in, and the change events of
 * the pane's own write do not send it reading again; change-event handlers are removed with a sync.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/core/text/index.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { enterScore, readScoring, watchScoring, type ScoringCaps, type ScoringView, type XChangedEvent } from '../../src/office/scoring.js';
import { writeSummary } from '../../src/office/workbook.js';
import type { FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
const ALL: ScoringCaps = { events: true, threads: true, resolved: true, notes: true };
const TIME = '2025-06-01 10:00';

async function summarised(): Promise<FakeWorkbook> {
  const fake = fakeFromExcelJS(await load(await writeExample(dir, '01-passing', {}, `t-${Math.random().toString(36).slice(2)}.xlsx`)));
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
