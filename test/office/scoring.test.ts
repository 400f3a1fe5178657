/**
 * Scoring in the pane (issue #11, items 3 and 4), the Office side against the strict fake: two experts in two
 * contexts on one workbook write only their own cells, one score = one read + one write sync, a cell changed
 * since the pane showed it is a conflict (nothing written), every change is appended to 评分记录 (rows added,
 * never rewritten), change events reach the other context, "讨论" opens a thread on the criterion's row.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_COL } from '../../src/core/committee/audit-sheet.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { discuss, enterScore, readScoring, watchScoring, type ScoringCaps, type ScoringView } from '../../src/office/scoring.js';
import { writeSummary } from '../../src/office/workbook.js';
import type { FakeChangedEvent, FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
const ALL: ScoringCaps = { events: true, threads: true, resolved: true, notes: true };
const TIME = '2025-06-01 10:00';

async function summarised(): Promise<FakeWorkbook> {
  const fake = fakeFromExcelJS(await load(await writeExample(dir, '01-passing', {}, `s-${Math.random().toString(36).slice(2)}.xlsx`)));
  await writeSummary({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES }, { experts: ['张三', '李四', '王五'] });
  return fake;
}

async function view(fake: FakeWorkbook, author: string, caps = ALL): Promise<ScoringView> {
  const v = await readScoring(fake.context({ author }), rb, caps);
  if (typeof v === 'string') throw new Error(v);
  return v;
}

const auditRows = (fake: FakeWorkbook) => {
  const s = fake.sheet('评分记录');
  const rows = new Map<number, unknown[]>();
  for (const [k, c] of Object.entries(s.cells)) {
    const [r, col] = k.split(',').map(Number) as [number, number];
    const row = rows.get(r) ?? [];
    row[col] = c.value;
    rows.set(r, row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
};

describe('scoring in the pane', () => {
  it('reads the committee from the summary and writes one expert’s score in one read and one write sync', async () => {
    const fake = await summarised();
    const v = await view(fake, '张三');
    expect(v.state.experts.map((x) => x.name)).toEqual(['张三', '李四', '王五']);
    expect(v.state.criteria).toHaveLength(8);
    expect(v.state.criteria[0]!.auto).not.toBe('');
    const before = fake.syncs.length;
    const ctx = fake.context({ author: '张三' });
    // Full-width digits read as the core's normaliseScore reads them.
    const r = await enterScore(ctx, v, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '1' }, value: '１８', lastSeen: null, time: TIME });
    expect(r.kind).toBe('written');
    expect(fake.syncs.length - before).toBe(2);
    const col = v.layout.experts.find((x) => x.name === '张三')!.col;
    expect(fake.cell(v.sheet, v.layout.criteriaRows['1']!, col)?.value).toBe(18);
    // The other experts' cells are untouched.
    for (const x of v.layout.experts.filter((e) => e.name !== '张三')) expect(fake.cell(v.sheet, v.layout.criteriaRows['1']!, x.col)?.value ?? null).toBeNull();
    const rows = auditRows(fake);
    expect(rows[0]![0]).toBe('专家');
    expect(rows[1]![AUDIT_COL.expert]).toBe('张三');
    expect(rows[1]![AUDIT_COL.item]).toBe('1');
    expect(rows[1]![AUDIT_COL.value]).toBe('18');
    expect(rows[1]![AUDIT_COL.change]).toBe('新增');
    expect(rows[1]![AUDIT_COL.fileTime]).toBe(TIME);
  });

  it('refuses a score out of range or not a number, and writes nothing', async () => {
    const fake = await summarised();
    const v = await view(fake, '张三');
    const max = rb.data.criteria.find((c) => c.id === '1')!.weight;
    const r = await enterScore(fake.context(), v, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '1' }, value: max + 1, lastSeen: null, time: TIME });
    expect(r).toEqual({ kind: 'invalid', code: 'out-of-range', max });
    const r2 = await enterScore(fake.context(), v, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '1' }, value: '18点', lastSeen: null, time: TIME });
    expect(r2).toMatchObject({ kind: 'invalid', code: 'not-a-number' });
    // 评分记录 (added with the summary) holds its header only.
    expect(auditRows(fake)).toHaveLength(1);
  });

  it('two experts: each sees the other’s score after a change event; a stale edit is a conflict, not an overwrite', async () => {
    const fake = await summarised();
    const a = await view(fake, '张三');
    const b = await view(fake, '李四');
    const events: FakeChangedEvent[] = [];
    const stop = await watchScoring(fake.context({ author: '李四' }), b, ALL, (e) => events.push(e as FakeChangedEvent));
    expect(stop).not.toBeNull();
    await enterScore(fake.context({ author: '张三' }), a, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '1' }, value: 17, lastSeen: null, time: TIME });
    await expect.poll(() => events.length).toBeGreaterThan(0);
    expect(events[0]!.source).toBe('Remote');
    expect(events[0]!.worksheetId).toBe(b.sheetId);
    const b2 = await view(fake, '李四');
    expect(b2.state.experts.find((x) => x.name === '张三')!.values.get('1')).toBe('17');

    // 张三 writes C2 = 10 from a second pane of his; his first pane still shows it blank and types 12.
    await enterScore(fake.context({ author: '张三' }), a, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '2' }, value: 10, lastSeen: null, time: TIME });
    const stale = await enterScore(fake.context({ author: '张三' }), a, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '2' }, value: 12, lastSeen: null, time: TIME });
    expect(stale).toEqual({ kind: 'conflict', item: { kind: 'score', criterion: '2' }, mine: '12', theirs: '10', seen: '' });
    const col = a.layout.experts.find((x) => x.name === '张三')!.col;
    expect(fake.cell(a.sheet, a.layout.criteriaRows['2']!, col)?.value).toBe(10);
    // Keep mine: planned again against what the workbook holds now.
    const kept = await enterScore(fake.context({ author: '张三' }), a, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '2' }, value: 12, lastSeen: 10, time: TIME });
    expect(kept.kind).toBe('written');
    expect(fake.cell(a.sheet, a.layout.criteriaRows['2']!, col)?.value).toBe(12);
    const rows = auditRows(fake);
    expect(rows.slice(1).map((r) => [r[AUDIT_COL.item], r[AUDIT_COL.change]])).toEqual([
      ['1', '新增'],
      ['2', '新增'],
      ['2', '10 → 12'],
    ]);
    await stop!();
  });

  it('appends to 评分记录 by inserting a row: two panes appending at once both keep their rows', async () => {
    const fake = await summarised();
    const a = await view(fake, '张三');
    await enterScore(fake.context(), a, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '1' }, value: 15, lastSeen: null, time: TIME });
    const a2 = await view(fake, '张三');
    const b2 = await view(fake, '李四');
    // Both read the same next row, then both write.
    await Promise.all([
      enterScore(fake.context(), a2, rb, 'zh-CN', ALL, { expert: '张三', item: { kind: 'score', criterion: '3' }, value: 5, lastSeen: null, time: TIME }),
      enterScore(fake.context(), b2, rb, 'zh-CN', ALL, { expert: '李四', item: { kind: 'score', criterion: '3' }, value: 6, lastSeen: null, time: TIME }),
    ]);
    const rows = auditRows(fake).slice(1);
    expect(rows.map((r) => `${r[AUDIT_COL.expert]}:${r[AUDIT_COL.item]}:${r[AUDIT_COL.value]}`).sort()).toEqual(['张三:1:15', '张三:3:5', '李四:3:6']);
  });

  it('texts (note, 回避 reason, opinion) go to 评分记录 and, where notes exist, the note on the expert’s cell', async () => {
    const fake = await summarised();
    let v = await view(fake, '王五');
    await enterScore(fake.context(), v, rb, 'zh-CN', ALL, { expert: '王五', item: { kind: 'note', criterion: '1' }, value: '产值数据需核实', lastSeen: '', time: TIME });
    await enterScore(fake.context(), v, rb, 'zh-CN', ALL, { expert: '王五', item: { kind: 'recusal' }, value: '是', lastSeen: '', time: TIME });
    await enterScore(fake.context(), v, rb, 'zh-CN', ALL, { expert: '王五', item: { kind: 'recusal-reason' }, value: '曾任该集群顾问', lastSeen: '', time: TIME });
    v = await view(fake, '王五');
    const me = v.state.experts.find((x) => x.name === '王五')!;
    expect(me.recused).toBe(true);
    expect(me.values.get('note:1')).toBe('产值数据需核实');
    expect(me.values.get('recusal-reason')).toBe('曾任该集群顾问');
    const col = v.layout.experts.find((x) => x.name === '王五')!.col;
    expect(fake.state.notes[`${v.sheet}!${String.fromCharCode(65 + col)}${v.layout.criteriaRows['1']! + 1}`]).toBe('产值数据需核实');
    // The summary is protected again after the note, with its own options.
    expect(fake.sheet(v.sheet).protection).not.toBeNull();
    const rows = auditRows(fake).slice(1);
    expect(rows.map((r) => r[AUDIT_COL.item])).toEqual(['1 备注', '回避', '回避理由']);
  });

  it('"讨论" opens a thread on the criterion’s row naming the other experts, a second one replies, the pane lists it', async () => {
    const fake = await summarised();
    let v = await view(fake, '张三');
    expect(await discuss(fake.context({ author: '张三' }), v, '4', '张三', '请核对研发投入')).toBe('thread');
    v = await view(fake, '李四');
    const threads = v.threads!.get('4')!;
    expect(threads).toHaveLength(1);
    expect(threads[0]!.content).toBe('@李四 @王五 请核对研发投入');
    expect(threads[0]!.resolved).toBe(false);
    expect(await discuss(fake.context({ author: '李四' }), v, '4', '李四', '已核对')).toBe('reply');
    v = await view(fake, '李四');
    expect(v.threads!.get('4')![0]!.replies).toBe(1);
    fake.state.comments[0]!.resolved = true;
    v = await view(fake, '李四');
    expect(v.threads!.get('4')![0]!.resolved).toBe(true);
    // Without 1.10 there are no threads to list.
    expect((await view(fake, '李四', { ...ALL, threads: false, resolved: false })).threads).toBeNull();
  });

  it('says when the workbook has no summary', async () => {
    const fake = fakeFromExcelJS(await load(await writeExample(dir, '01-passing', {}, `n-${Math.random().toString(36).slice(2)}.xlsx`)));
    expect(await readScoring(fake.context(), rb, ALL)).toBe('no-summary');
  });
});
