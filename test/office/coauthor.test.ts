/**
 * Co-authoring (issue #11, item 4): two people acting at once on one workbook — two contexts on one fake, their
 * syncs interleaved — lose nothing of the tool's record; records are appended versions, never cleared and
 * rewritten; records of earlier versions are still read.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_SHEET, META_FORMAT, META_SHEET, mergeMeta, metaBlock, metaHeader, readMetaRecord, type WorkbookMeta } from '../../src/core/index.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { checkWorkbook, clearFlags, readWorkbook, writeSummary, type Session } from '../../src/office/workbook.js';
import type { FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS, metaRows } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
async function fakeOf(name: string): Promise<FakeWorkbook> {
  return fakeFromExcelJS(await load(await writeExample(dir, name, {}, `${name}-${Math.random().toString(36).slice(2)}.xlsx`)));
}
const as = (fake: FakeWorkbook, author: string): Session => ({ ctx: fake.context({ author }), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES });

const recordOf = (fake: FakeWorkbook) => readMetaRecord(metaRows(fake.sheet(META_SHEET).cells));

const stamp = { id: 'cn-national-2022', edition: '2022', fingerprint: 'f'.repeat(64) };
const meta = (flags: Array<{ cell: string; fill: string | null }>, extra: Partial<NonNullable<WorkbookMeta['review']>> = {}): WorkbookMeta => ({
  format: META_FORMAT,
  review: { rulebook: stamp, verdict: 'failed', flags: flags.map((f) => ({ ...f, note: null })), ...extra },
});

describe('two people at once', () => {
  it('one checks while the other writes the summary, syncs interleaved: the flags and the summary layout are both recorded', async () => {
    const fake = await fakeOf('02-failing');
    const [checked, summary] = await Promise.all([checkWorkbook(as(fake, '张委员')), writeSummary(as(fake, '李委员'), { experts: ['张委员', '李委员'] })]);
    expect(checked.flagged).toBeGreaterThan(0);
    const rec = recordOf(fake);
    expect(rec.damaged).toBe(false);
    const solo = await fakeOf('02-failing');
    await checkWorkbook(as(solo, '张委员'));
    expect(rec.meta?.review?.flags.map((f) => f.cell).sort()).toEqual(recordOf(solo).meta?.review?.flags.map((f) => f.cell).sort());
    expect(rec.meta?.review?.summary?.sheet).toBe(summary.sheet);
    // The template's stamp, recorded before either, is still there.
    expect(rec.meta?.template?.applicationYear).toBe(2025);
    // And the next reading sees both: no "评审汇总 (2)", the summary is trusted.
    const again = await writeSummary(as(fake, '张委员'));
    expect(again.sheet).toBe(summary.sheet);
    expect(fake.state.sheets.filter((s) => s.name.startsWith('评审汇总'))).toHaveLength(1);
  });

  it('a write re-reads the record in its own batch: no extra sync when no one else wrote', async () => {
    const fake = await fakeOf('02-failing');
    await checkWorkbook(as(fake, '张委员'));
    expect(fake.syncs).toHaveLength(4);
  });
});

describe('the record as appended versions', () => {
  const rowsOf = (...blocks: Array<Array<[string, string]>>): Array<[unknown, unknown]> => [...metaHeader(), ...blocks.flat()];

  it('reads the highest complete version; a block overwritten in part by another writer is not read, and said', () => {
    const v1 = metaBlock(meta([{ cell: '指标表!F10', fill: null }]), 1);
    const a = metaBlock(meta([{ cell: '指标表!F11', fill: null }]), 2);
    const b = metaBlock(meta([{ cell: '指标表!F12', fill: '#CCE5FF' }]), 2);
    expect(readMetaRecord(rowsOf(v1.rows, a.rows)).meta?.review?.flags[0]?.cell).toBe('指标表!F11');
    // B's header over A's chunk: neither version-2 block is whole.
    const mixed = rowsOf(v1.rows, [b.rows[0]!, a.rows[1]!]);
    const r = readMetaRecord(mixed);
    expect(r.meta?.review?.flags[0]?.cell).toBe('指标表!F10');
    expect(r.damaged).toBe(true);
    expect(r.block?.version).toBe(1);
  });

  it('merges two blocks of one version written at once over the parent both read; keeps that lineage, clears older blocks', () => {
    const v0 = metaBlock(meta([]), 1);
    const v1 = metaBlock(meta([{ cell: '指标表!F10', fill: null }]), 2, [v0.label]);
    // Two writers read v1: one adds a flag, the other records a later check time.
    const a = metaBlock(meta([{ cell: '指标表!F10', fill: null }, { cell: '指标表!F11', fill: null }]), 3, [v1.label]);
    const b = metaBlock(meta([{ cell: '指标表!F10', fill: null }], { checkedAt: '2025-06-01' }), 3, [v1.label]);
    const r = readMetaRecord(rowsOf(v0.rows, v1.rows, a.rows, b.rows));
    expect(r.damaged).toBe(false);
    expect(r.meta?.review?.flags.map((f) => f.cell).sort()).toEqual(['指标表!F10', '指标表!F11']);
    expect(r.meta?.review?.checkedAt).toBe('2025-06-01');
    expect(r.block?.labels).toEqual([a.label, b.label]);
    // v0 is superseded; v1, the parent of both, is kept for the merge.
    const stale = new Set((r.stale ?? []).map((x) => x[0]));
    expect(stale.has(2)).toBe(true);
    expect(stale.has(4)).toBe(false);
  });

  it('still reads records of earlier versions (key/value rows), and marks them superseded once a version is appended', () => {
    const json = JSON.stringify(meta([{ cell: '指标表!F10', fill: '#FFF7D6' }]).review);
    const legacy: Array<[unknown, unknown]> = [['format', META_FORMAT], ['note', 'x'], ['review#0', json.slice(0, 50)], ['review#1', json.slice(50)]];
    const old = readMetaRecord(legacy);
    expect(old.meta?.review?.flags).toEqual([{ cell: '指标表!F10', fill: '#FFF7D6', note: null }]);
    expect(old.block).toBeNull();
    expect(old.end).toBe(4);
    const v = metaBlock(meta([]), 1);
    const next = readMetaRecord([...legacy, ...v.rows]);
    expect(next.block?.version).toBe(1);
    expect(next.stale?.map((s) => s[0])).toEqual(expect.arrayContaining([2, 3]));
  });

  it('merges two writers: what either changed is kept; flags merge per cell, mine winning where both changed one', () => {
    const base = meta([{ cell: 'S!A1', fill: null }, { cell: 'S!A2', fill: null }]);
    const mine = meta([{ cell: 'S!A1', fill: '#111111' }, { cell: 'S!A2', fill: null }, { cell: 'S!A3', fill: null }]);
    const theirs = meta([{ cell: 'S!A2', fill: null }, { cell: 'S!A4', fill: null }], { checkedAt: 'later' });
    const m = mergeMeta(base, mine, theirs);
    // A1: I changed it, they removed it → mine. A3 mine, A4 theirs; their checkedAt kept.
    expect(m.review?.flags.map((f) => f.cell).sort()).toEqual(['S!A1', 'S!A2', 'S!A3', 'S!A4']);
    expect(m.review?.flags.find((f) => f.cell === 'S!A1')?.fill).toBe('#111111');
    expect(m.review?.checkedAt).toBe('later');
  });
});

describe('reading', () => {
  it('a workbook whose record sheet was written by an earlier version is read (the template stamp)', async () => {
    const fake = await fakeOf('01-passing');
    const reading = await readWorkbook(fake.context(), rb);
    expect(reading.meta?.template?.applicationYear).toBe(2025);
  });
});

describe('the summary is updated in place (issue #11, item 2)', () => {
  it('renamed, with a committee row below, a thread and a typed date: the same sheet is rewritten, all of them kept', async () => {
    const fake = await fakeOf('02-failing');
    const s = as(fake, '张委员');
    await writeSummary(s, { experts: ['张委员', '李委员'] });
    const layout = recordOf(fake).meta!.review!.summary!;
    const sheet = fake.sheet(layout.sheet);
    const id = sheet.id;
    expect(id).toBeDefined();
    expect(layout.sheetId).toBe(id);
    // The committee renames the sheet, types a date, adds a row below the tool's block and a thread on a score.
    sheet.name = '专家评分';
    const ctx = fake.context({ author: '李委员' });
    const ws = ctx.workbook.worksheets.getItem('专家评分');
    // (The tool protects the summary without a password: the secretary lifts it to add rows.)
    ws.protection.unprotect();
    ws.getRangeByIndexes(layout.date[0], layout.date[1], 1, 1).values = [['2025-06-01']];
    ws.getRangeByIndexes(layout.height! + 2, 0, 1, 2).values = [['会议纪要', '第二次会议补充意见']];
    const score = `专家评分!${String.fromCharCode(65 + layout.experts[0]!.col)}${layout.criteriaRows['1']! + 1}`;
    ctx.workbook.comments.add(score, '此项请再议');
    await ctx.sync();
    expect(sheet.cells[`${layout.date[0]},${layout.date[1]}`]).toMatchObject({ value: 45809, numberFormat: 'yyyy-mm-dd' });

    await checkWorkbook(s);
    const again = await writeSummary(s, { experts: ['王委员'] });
    expect(again.sheet).toBe('专家评分');
    expect(fake.state.sheets.filter((x) => x.id === id)).toHaveLength(1);
    expect(fake.state.sheets.some((x) => x.name.startsWith('评审汇总'))).toBe(false);
    const l2 = recordOf(fake).meta!.review!.summary!;
    expect(l2.experts.map((e) => e.name)).toEqual(['张委员', '李委员', '王委员']);
    // The typed date is still a date.
    expect(sheet.cells[`${l2.date[0]},${l2.date[1]}`]).toMatchObject({ value: 45809, numberFormat: 'yyyy-mm-dd' });
    // The committee's row is below the tool's block, untouched (moved down if the block grew).
    const theirs = Object.entries(sheet.cells).filter(([, c]) => c.value === '第二次会议补充意见');
    expect(theirs).toHaveLength(1);
    expect(Number(theirs[0]![0].split(',')[0])).toBeGreaterThanOrEqual(l2.height!);
    // The thread is still there.
    expect(fake.state.comments.map((c) => c.content)).toContain('此项请再议');
  });
});

describe('an expert cell left alone by the rewrite keeps its format (issue 18)', () => {
  it('a date typed in the summary, rewritten in place with the same layout, is still a date', async () => {
    const fake = await fakeOf('02-failing');
    const s = as(fake, '张委员');
    await writeSummary(s, { experts: ['张委员', '李委员'] });
    const layout = recordOf(fake).meta!.review!.summary!;
    const ctx = fake.context({ author: '李委员' });
    ctx.workbook.worksheets.getItem(layout.sheet).getRangeByIndexes(layout.date[0], layout.date[1], 1, 1).values = [['2025-06-01']];
    await ctx.sync();
    await writeSummary(s);
    const l2 = recordOf(fake).meta!.review!.summary!;
    expect(l2.date).toEqual(layout.date);
    expect(fake.sheet(layout.sheet).cells[`${l2.date[0]},${l2.date[1]}`]).toMatchObject({ value: 45809, numberFormat: 'yyyy-mm-dd' });
  });
});

describe('an expert added before any score (issue 18)', () => {
  it('the tool’s formulas in the columns that moved right are not left in the new expert’s cells', async () => {
    const fake = await fakeOf('02-failing');
    const s = as(fake, '张委员');
    await writeSummary(s, { experts: ['张委员', '李委员', '王委员'] });
    await writeSummary(s, { experts: ['赵委员'] });
    const l = recordOf(fake).meta!.review!.summary!;
    const zhao = l.experts.find((e) => e.name === '赵委员')!;
    const cells = fake.sheet(l.sheet).cells;
    for (const row of [...Object.values(l.criteriaRows), l.conflictRow, l.signatureRow]) expect(cells[`${row},${zhao.col}`]?.formula, `${row},${zhao.col}`).toBeUndefined();
  });
});

describe('comments: the committee’s discussion is never deleted (issue #11, item 5)', () => {
  it('clearing flags resolves the tool’s thread someone replied to, deletes the others, and says what it left', async () => {
    const fake = await fakeOf('02-failing');
    const caps = { ...FULL_CAPABILITIES, explanations: 'comments' as const };
    const s: Session = { ctx: fake.context({ author: '张委员' }), rb, lang: 'zh-CN', caps };
    await checkWorkbook(s);
    const [first, ...rest] = fake.state.comments;
    expect(rest.length).toBeGreaterThan(0);
    const other = fake.context({ author: '李委员' });
    other.workbook.comments.getItem(first!.id).replies.add('我认为此项数据有误，请申报单位说明');
    await other.sync();
    await clearFlags(s);
    expect(fake.state.comments).toHaveLength(1);
    expect(fake.state.comments[0]).toMatchObject({ id: first!.id, resolved: true, replies: [{ author: '李委员' }] });
  });

  it('with notes, a flagged cell that carries someone’s thread gets no note (one annotation per cell), and it is said', async () => {
    const fake = await fakeOf('02-failing');
    const solo = await fakeOf('02-failing');
    await checkWorkbook(as(solo, '张委员'));
    const flagged = Object.keys(solo.state.notes).find((k) => k.startsWith(INDICATOR_SHEET))!;
    fake.state.comments.push({ id: 'theirs', cell: flagged, content: '申报单位：已补充说明', author: '申报单位' });
    const checked = await checkWorkbook(as(fake, '张委员'));
    expect(fake.state.notes[flagged]).toBeUndefined();
    expect(fake.at(flagged)?.fill).toBeDefined();
    expect(checked.warnings.find((w) => w.code === 'thread-kept')?.params.cells).toEqual([flagged]);
  });
});

describe('a sheet protected with a password (issue #11, item 5)', () => {
  it('asks for the password with the whole review attached; with it, flags go in and the original protection comes back', async () => {
    const fake = await fakeOf('02-failing');
    const options = { allowFormatColumns: false, allowSort: true };
    fake.sheet(INDICATOR_SHEET).protection = { password: '2025', options };
    const first = await checkWorkbook(as(fake, '张委员'));
    expect(first.readOnly).toEqual({ reason: 'sheet-protected', sheet: INDICATOR_SHEET, passwordTried: false });
    expect(first.report.verdict).toBe('failed');
    expect(first.report.findings.length).toBeGreaterThan(0);
    expect(fake.sheet(INDICATOR_SHEET).protection).toEqual({ password: '2025', options });
    // A wrong password: read-only again, said as such; the protection untouched.
    const wrong = await checkWorkbook(as(fake, '张委员'), { password: '2024' });
    expect(wrong.readOnly).toEqual({ reason: 'sheet-protected', sheet: INDICATOR_SHEET, passwordTried: true });
    expect(fake.sheet(INDICATOR_SHEET).protection).toEqual({ password: '2025', options });
    const ok = await checkWorkbook(as(fake, '张委员'), { password: '2025' });
    expect(ok.flagged).toBeGreaterThan(0);
    expect(ok.readOnly).toBeUndefined();
    expect(fake.sheet(INDICATOR_SHEET).protection).toEqual({ password: '2025', options });
  });
});
