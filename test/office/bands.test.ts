/**
 * Large sheets read in bands (issue #11, item 5): address first, a window read whole with the extents, the rest in
 * bands of values bounded by the response budget, formats and formulas only for the chosen sheet's data region. The
 * strict fake refuses a response over 5 MB, as Excel on the web does.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_SHEET } from '../../src/core/index.js';
import { costOf, outside, planBands, READ_BUDGET } from '../../src/office/bands.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { checkWorkbook, readWorkbook, writeSummary, type Session } from '../../src/office/workbook.js';
import { FAKE_LIMITS, type FakeSheet, type FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
async function fakeOf(name: string): Promise<FakeWorkbook> {
  return fakeFromExcelJS(await load(await writeExample(dir, name, {}, `${name}-${Math.random().toString(36).slice(2)}.xlsx`)));
}
const session = (fake: FakeWorkbook): Session => ({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES });

/** A 3,000 × 30 attachment of text (about 6.5 million characters, 15 MB in UTF-8, read whole with values, formats and formulas). */
function attachment(name = '附件', text = (r: number, c: number) => `附件${r}-${c}：企业名录、主要产品、年产值与说明文字`): FakeSheet {
  const cells: FakeSheet['cells'] = {};
  for (let r = 0; r < 3000; r++) for (let c = 0; c < 30; c++) cells[`${r},${c}`] = { value: text(r, c) };
  return { name, visibility: 'Visible', cells, protection: null, merges: [] };
}

/** What a check found, without addresses (a moved sheet has other ones). */
const gist = (r: Awaited<ReturnType<typeof checkWorkbook>>) => ({
  verdict: r.report.verdict,
  findings: r.report.findings.map((f) => `${f.code}|${f.status}|${f.indicator ?? ''}|${f.year ?? ''}`),
});

describe('bands', () => {
  it('cuts rectangles into row bands within the budget and packs them into syncs', () => {
    const syncs = planBands([{ row: 0, col: 0, rows: 3000, cols: 30 }], ['values'], 1_000_000);
    const bands = syncs.flat();
    expect(bands.reduce((a, b) => a + b.rows * b.cols, 0)).toBe(90_000);
    for (const s of syncs) expect(s.reduce((a, b) => a + costOf(b, ['values']), 0)).toBeLessThanOrEqual(1_000_000);
    expect(syncs.length).toBe(Math.ceil(costOf({ rows: 3000, cols: 30 }, ['values']) / 1_000_000));
    // A row wider than the budget is cut by columns too.
    expect(planBands([{ row: 5, col: 0, rows: 1, cols: 16384 }], ['values', 'numberFormat', 'formulas'], 100_000).flat().every((b) => costOf(b, ['values', 'numberFormat', 'formulas']) <= 100_000)).toBe(true);
  });

  it('the part of a used range outside the window: below it, and right of it', () => {
    expect(outside({ row: 2, col: 1, rows: 10, cols: 5 }, { rows: 100, cols: 16 })).toEqual([]);
    expect(outside({ row: 2, col: 1, rows: 200, cols: 30 }, { rows: 100, cols: 16 })).toEqual([
      { row: 100, col: 1, rows: 102, cols: 30 },
      { row: 2, col: 16, rows: 98, cols: 15 },
    ]);
    expect(outside({ row: 500, col: 0, rows: 3, cols: 3 }, { rows: 100, cols: 16 })).toEqual([{ row: 500, col: 0, rows: 3, cols: 3 }]);
  });
});

describe('a 3,000 × 30 attachment beside an indicator sheet not named 指标表', () => {
  it('is read in bands of values: a handful of syncs, every response under 5 MB, the same review', async () => {
    const plain = await fakeOf('02-failing');
    const expected = gist(await checkWorkbook(session(plain)));

    const fake = await fakeOf('02-failing');
    fake.sheet(INDICATOR_SHEET).name = '申报数据';
    // Named before the indicator sheet, as a workbook assembled by an applicant often is.
    fake.state.sheets.unshift(attachment());
    const checked = await checkWorkbook(session(fake));
    expect(checked.sheet).toBe('申报数据');
    expect(gist(checked)).toEqual(expected);
    // names, extents + windows, the attachment's remaining values (one band sync), covered cells, write.
    expect(fake.syncs.length).toBeLessThanOrEqual(6);
    for (const s of fake.syncs) expect(s.response ?? 0).toBeLessThan(FAKE_LIMITS.payload);
    for (const s of fake.syncs) expect(s.response ?? 0).toBeLessThanOrEqual(READ_BUDGET * 1.2);
    const before = fake.syncs.length;
    await writeSummary(session(fake));
    expect(fake.syncs.length - before).toBeLessThanOrEqual(6);
    for (const s of fake.syncs) expect(s.response ?? 0).toBeLessThan(FAKE_LIMITS.payload);
  });

  it('the attachment would be refused read whole: the fake counts what a whole used range returns', async () => {
    const fake = await fakeOf('02-failing');
    fake.state.sheets.unshift(attachment());
    const ctx = fake.context();
    const r = ctx.workbook.worksheets.getItem('附件').getUsedRangeOrNullObject();
    r.load('values,numberFormat,formulas');
    await expect(ctx.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
  });

  it('texts far longer than estimated: a refused band is read again in halves, and the review is whole', async () => {
    const fake = await fakeOf('02-failing');
    fake.sheet(INDICATOR_SHEET).name = '申报数据';
    fake.state.sheets.unshift(attachment('附件', (r, c) => `${r}-${c}`.padEnd(160, '说')));
    const reading = await readWorkbook(fake.context(), rb, FULL_CAPABILITIES);
    expect(reading.found?.snapshot.sheet).toBe('申报数据');
    const refused = fake.syncs.filter((s) => (s.response ?? 0) > FAKE_LIMITS.payload);
    expect(refused.length).toBeGreaterThan(0);
    expect(fake.syncs.length).toBeLessThanOrEqual(12);
  });
});

describe('an indicator sheet larger than its window', () => {
  it('is read in bands, its data region with formats and formulas: the same findings as read whole', async () => {
    const plain = await fakeOf('02-failing');
    const expected = gist(await checkWorkbook(session(plain)));

    const fake = await fakeOf('02-failing');
    const sheet = fake.sheet(INDICATOR_SHEET);
    // The table moved 20 columns right (past the window's columns) and 3,000 rows of notes below it.
    const moved: FakeSheet['cells'] = {};
    for (const [k, cell] of Object.entries(sheet.cells)) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      moved[`${r},${c + 20}`] = cell;
    }
    for (let r = 200; r < 3200; r++) for (let c = 0; c < 30; c++) moved[`${r},${c}`] = { value: `说明${r}-${c}` };
    sheet.cells = moved;
    sheet.merges = [];
    const reading = await readWorkbook(fake.context(), rb, FULL_CAPABILITIES);
    // Percent formats of the input cells were read (a percent read without its format would be "ambiguous").
    const entries = reading.found!.snapshot.entries!;
    expect(entries.some((e) => e.col > 20 && /%/.test(e.cell.numberFormat ?? ''))).toBe(true);
    // Formats were read only in the data region: none of the notes' cells carries one.
    expect(entries.filter((e) => e.row >= 200 && e.cell.numberFormat !== undefined)).toEqual([]);
    fake.syncs.length = 0;
    const checked = await checkWorkbook(session(fake));
    expect(gist(checked)).toEqual(expected);
    for (const s of fake.syncs) expect(s.response ?? 0).toBeLessThan(FAKE_LIMITS.payload);
    expect(fake.syncs.length).toBeLessThanOrEqual(7);
  });
});
