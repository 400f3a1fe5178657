/**
 * The strict fake's real behaviours (issue #11, item 6): typed text converted unless the cell is text, Excel's
 * length limits, one annotation per cell, threads with authors and replies, responses counted and capped, two
 * contexts interleaving, large used ranges.
 */
import { describe, expect, it } from 'vitest';
import { FakeWorkbook, type FakeSheet } from '../support/fake-excel.js';

const sheet = (name: string, cells: FakeSheet['cells'] = {}): FakeSheet => ({ name, visibility: 'Visible', cells, protection: null, merges: [] });

describe('the strict fake models what matters', () => {
  it('converts text that looks like a number, percent, date or boolean, unless the cell is formatted as text', async () => {
    const fake = new FakeWorkbook({ sheets: [sheet('A')] });
    const ctx = fake.context();
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRange('B1:B2').numberFormat = [['@'], ['@']];
    ws.getRange('A1:A5').values = [['001'], ['2025-06-01'], ['12%'], ['TRUE'], ['二〇二五']];
    ws.getRange('B1:B2').values = [['001'], ['2025-06']];
    await ctx.sync();
    expect(fake.cell('A', 0, 0)?.value).toBe(1);
    expect(fake.cell('A', 1, 0)).toMatchObject({ value: 45809, numberFormat: 'yyyy-mm-dd' });
    expect(fake.cell('A', 2, 0)).toMatchObject({ value: 0.12, numberFormat: '0%' });
    expect(fake.cell('A', 3, 0)?.value).toBe(true);
    expect(fake.cell('A', 4, 0)?.value).toBe('二〇二五');
    expect(fake.cell('A', 0, 1)?.value).toBe('001');
    expect(fake.cell('A', 1, 1)?.value).toBe('2025-06');
    // What a date cell shows is its text.
    const r = ws.getRange('A2');
    r.load('values,text');
    await ctx.sync();
    expect(r.values).toEqual([[45809]]);
    expect(r.text).toEqual([['2025-06-01']]);
  });

  it('refuses text over 32,767 characters and validation messages over 255', async () => {
    const fake = new FakeWorkbook({ sheets: [sheet('A')] });
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem('A').getRange('A1').values = [['x'.repeat(32768)]];
    await expect(ctx.sync()).rejects.toThrow(/32767/);
    ctx.workbook.worksheets.getItem('A').getRange('A1').dataValidation.prompt = { showPrompt: true, title: '', message: 'y'.repeat(256) };
    await expect(ctx.sync()).rejects.toThrow(/255/);
  });

  it('one annotation per cell: no note on a thread, no thread on a note', async () => {
    const fake = new FakeWorkbook({ sheets: [sheet('A')], notes: { 'A!B2': 'note' }, comments: [{ id: 't', cell: 'A!A1', content: 'thread' }] });
    const ctx = fake.context();
    ctx.workbook.notes.add('A!A1', 'x');
    await expect(ctx.sync()).rejects.toThrow(/one annotation/);
    ctx.workbook.comments.add('A!B2', 'x');
    await expect(ctx.sync()).rejects.toThrow(/one annotation/);
  });

  it('threads have authors, replies and a resolved state; deleting a thread deletes its replies', async () => {
    const fake = new FakeWorkbook({ sheets: [sheet('A')] });
    const a = fake.context({ author: '张委员' });
    const b = fake.context({ author: '李委员' });
    const c = a.workbook.comments.add('A!A1', '请核实');
    c.load('id');
    await a.sync();
    b.workbook.comments.getItem(c.id).replies.add('已核实');
    await b.sync();
    expect(fake.state.comments[0]).toMatchObject({ author: '张委员', replies: [{ content: '已核实', author: '李委员' }] });
    const t = a.workbook.comments.getItem(c.id);
    t.load('resolved,authorName');
    t.replies.load('items');
    await a.sync();
    expect(t.resolved).toBe(false);
    expect(t.replies.items.map((r) => r.authorName)).toEqual(['李委员']);
    t.delete();
    await a.sync();
    expect(fake.state.comments).toEqual([]);
  });

  it('counts each response and refuses one over 5 MB; a large used range loads without a stack overflow', async () => {
    const cells: FakeSheet['cells'] = {};
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 30; c++) cells[`${r},${c}`] = { value: `附件第${r}行第${c}列的说明文字，足够长以占用空间` };
    const fake = new FakeWorkbook({ sheets: [sheet('Big', cells)] });
    const ctx = fake.context();
    const small = ctx.workbook.worksheets.getItem('Big').getRange('A1:B2');
    small.load('values');
    await ctx.sync();
    expect(fake.syncs[0]!.response).toBeGreaterThan(0);
    const used = ctx.workbook.worksheets.getItem('Big').getUsedRangeOrNullObject();
    used.load('values,numberFormat,formulas');
    await expect(ctx.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    const addr = ctx.workbook.worksheets.getItem('Big').getUsedRangeOrNullObject(true);
    addr.load('address');
    await ctx.sync();
    expect(addr.address).toBe('Big!A1:AD3000');
  });

  it('two contexts on one workbook queue separately: their syncs interleave', async () => {
    const fake = new FakeWorkbook({ sheets: [sheet('A')] });
    const a = fake.context();
    const b = fake.context();
    a.workbook.worksheets.getItem('A').getRange('A1').values = [['a']];
    b.workbook.worksheets.getItem('A').getRange('A1').values = [['b']];
    await b.sync();
    expect(fake.cell('A', 0, 0)?.value).toBe('b');
    await a.sync();
    expect(fake.cell('A', 0, 0)?.value).toBe('a');
  });
});
