/**
 * The strict fake's real behaviours (issue #11, item 6): typed text converted unless the cell is text, Excel's
 * length limits, one annotation per cell, threads with authors and replies, responses counted and capped, two
 * contexts interleaving, large used ranges.
 */
import { describe, expect, it } from 'vitest';
import { FAKE_API_SETS, FAKE_HOSTS, FakeWorkbook, type FakeSheet } from '../support/fake-excel.js';
import { excelHostFiles, readExcelLibrary, surfaceMembers, ungated } from '../support/office-library.js';

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

/**
 * One Excel with one office.js (issue #18): what the host reports and what the loaded library defines are two
 * facts, as in Excel; the fake's claims are checked against the bundled package's own host file.
 */
describe('the fake host: requirement sets and the loaded office.js', () => {
  const officeJs = 'node_modules/@microsoft/office-js/dist';

  it('with the bundled office.js on a 1.18 host, workbook.notes is undefined, as a property the library never defined', () => {
    const fake = new FakeWorkbook({ sheets: [sheet('A')] });
    fake.host = FAKE_HOSTS.bundled;
    const ctx = fake.context();
    expect(fake.isSetSupported('ExcelApi', '1.18')).toBe(true);
    expect(ctx.workbook.notes).toBeUndefined();
    expect(() => ctx.workbook.notes.getItemOrNullObject('A!A1')).toThrow(/Cannot read properties of undefined \(reading 'getItemOrNullObject'\)/);
    expect(ctx.workbook.comments).toBeDefined();
    // The library's classes, as the pane inspects them.
    const excel = fake.excelNamespace();
    expect(excel.NoteCollection).toBeUndefined();
    expect('notes' in excel.Workbook!.prototype).toBe(false);
    expect('comments' in excel.Workbook!.prototype).toBe(true);
    expect('notes' in new FakeWorkbook().excelNamespace().Workbook!.prototype).toBe(true);
  });

  it('below a member’s requirement set, office.js refuses it on access (ApiNotFound): LTSC has no notes, Excel 2019 no threads', () => {
    const ltsc = new FakeWorkbook({ sheets: [sheet('A')] });
    ltsc.host = FAKE_HOSTS.ltsc2021;
    expect(() => ltsc.context().workbook.notes).toThrow(/ApiNotFound/);
    expect(ltsc.context().workbook.comments).toBeDefined();
    const office2019 = new FakeWorkbook({ sheets: [sheet('A')] });
    office2019.host = FAKE_HOSTS.office2019;
    expect(() => office2019.context().workbook.comments).toThrow(/ApiNotFound/);
    const ws = office2019.context().workbook.worksheets.getItem('A');
    expect(ws.getRange('A1').dataValidation).toBeDefined();
    expect(() => ws.pageLayout).toThrow(/ApiNotFound/);
    expect(() => ws.getRange('A1').getMergedAreasOrNullObject).toThrow(/ApiNotFound/);
  });

  it('a thread on a cell holding a legacy note fails (not a protection code); one on a protected sheet is AccessDenied; a wrong password BadPassword', async () => {
    const fake = new FakeWorkbook({ sheets: [sheet('A'), { ...sheet('P'), protection: { password: 'pw' } }], notes: { 'A!B2': '申报单位的备注' } });
    fake.host = FAKE_HOSTS.ltsc2024;
    const ctx = fake.context();
    ctx.workbook.comments.add('A!B2', '说明');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(fake.state.notes['A!B2']).toBe('申报单位的备注');
    ctx.workbook.comments.add('P!A1', '说明');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    ctx.workbook.worksheets.getItem('P').protection.unprotect('wrong');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'BadPassword' });
  });

  it('the fake’s requirement sets are those the bundled office.js checks, and its host files are what office.js loads', () => {
    const lib = readExcelLibrary(`${officeJs}/excel-web-16.00.js`);
    for (const [member, set] of Object.entries(FAKE_API_SETS)) if (lib.sets.has(member)) expect(lib.sets.get(member), member).toBe(set);
    // Notes are not in that copy: their set comes from Microsoft's reference (ExcelApi 1.18).
    expect(lib.sets.has('Workbook.notes')).toBe(false);
    expect(lib.classes.has('NoteCollection')).toBe(false);
    expect(excelHostFiles(officeJs)).toContain('excel-win32-16.01.js');
  });

  it('the build test’s check can fail: a member a library lacks with no gate, or a gate below the set the library checks', () => {
    const lib = readExcelLibrary(`${officeJs}/excel-web-16.00.js`);
    const members = surfaceMembers();
    expect(ungated(lib, members)).toEqual([]);
    const without = { ...lib, classes: new Map([...lib.classes].map(([k, v]) => [k, new Set([...v].filter((m) => !(k === 'Range' && m === 'values')))])) };
    expect(ungated(without, members)).toEqual([expect.stringContaining('Range.values (XRange) is not in')]);
    const stricter = { ...lib, sets: new Map([...lib.sets, ['Range.getMergedAreasOrNullObject', '1.14']]) };
    expect(ungated(stricter, members)).toEqual([expect.stringContaining('Range.getMergedAreasOrNullObject (XRange) needs ExcelApi 1.14')]);
  });
});
