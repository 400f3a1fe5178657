/**
 * Protection (issue #11, item 5): a password-protected indicator sheet gives the whole review read-only until the
 * reviewer types the password (used once, never stored; the original options come back); workbook-structure
 * protection is detected before any sheet is added and said in words.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_SHEET, META_SHEET } from '../../src/core/index.js';
import { t } from '../../src/core/text/index.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { checkWorkbook, insertTemplate, OfficeError, writeSummary, type Session } from '../../src/office/workbook.js';
import { errorNotice, readOnlyText } from '../../src/taskpane/useReview.js';
import { FakeWorkbook, type FakeWorkbook as Fake } from '../support/fake-excel.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
async function fakeOf(name: string): Promise<Fake> {
  return fakeFromExcelJS(await load(await writeExample(dir, name, {}, `${name}-${Math.random().toString(36).slice(2)}.xlsx`)));
}
const session = (fake: Fake): Session => ({ ctx: fake.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES });
/** The workbook as Excel keeps it, without the sheet ids the fake hands out on first read. */
const snapshotOf = (fake: Fake) => JSON.stringify({ ...fake.state, sheets: fake.state.sheets.map(({ id: _id, ...s }) => s) });

describe('a sheet protected with a password', () => {
  it('the review is whole and read-only, nothing written; with the password the flags go in and the options come back', async () => {
    const fake = await fakeOf('02-failing');
    const options = { allowFormatCells: false, allowInsertRows: true, allowSort: true };
    fake.sheet(INDICATOR_SHEET).protection = { password: '集群2025', options };
    const before = snapshotOf(fake);
    const shown = await checkWorkbook(session(fake));
    expect(shown.readOnly).toEqual({ reason: 'sheet-protected', sheet: INDICATOR_SHEET, passwordTried: false });
    expect(shown.report.verdict).toBe('failed');
    expect(shown.report.findings.some((f) => f.status === 'fail')).toBe(true);
    expect(snapshotOf(fake)).toBe(before);
    expect(readOnlyText(shown.readOnly!, 'zh-CN')).toContain('受密码保护，无法标记单元格');

    const wrong = await checkWorkbook(session(fake), { password: '错误' });
    expect(wrong.readOnly).toMatchObject({ passwordTried: true });
    expect(readOnlyText(wrong.readOnly!, 'zh-CN')).toContain(t('pane.read-only.wrong-password', 'zh-CN'));
    expect(snapshotOf(fake)).toBe(before);

    const done = await checkWorkbook(session(fake), { password: '集群2025' });
    expect(done.readOnly).toBeUndefined();
    expect(done.flagged).toBeGreaterThan(0);
    expect(fake.sheet(INDICATOR_SHEET).protection).toEqual({ password: '集群2025', options });
    // The password is nowhere in the workbook but in the protection Excel keeps.
    const { sheets, ...rest } = fake.state;
    expect(JSON.stringify(rest)).not.toContain('集群2025');
    expect(JSON.stringify(sheets.map((s) => ({ ...s, protection: null })))).not.toContain('集群2025');
  });
});

describe('workbook-structure protection (ExcelApi 1.7)', () => {
  it('a summary that would add a sheet is refused before anything is written, in words', async () => {
    const fake = await fakeOf('02-failing');
    fake.state.structureProtected = true;
    const names = fake.state.sheets.map((s) => s.name);
    const err = await writeSummary(session(fake)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeError);
    expect((err as OfficeError).code).toBe('workbook-protected');
    expect(fake.state.sheets.map((s) => s.name)).toEqual(names);
    const notice = errorNotice(err, 'zh-CN');
    expect(notice.text).toContain('本工作簿的结构受保护');
    expect(notice.text).toContain('评审汇总');
    expect(errorNotice(err, 'en-US').text).toContain('structure is protected');
  });

  it('the template is refused before any sheet is added', async () => {
    const fake = new FakeWorkbook({ sheets: [{ name: '封面', visibility: 'Visible', cells: { '0,0': { value: '申报书' } }, protection: null, merges: [] }], structureProtected: true });
    await expect(insertTemplate(session(fake), 2025)).rejects.toMatchObject({ code: 'workbook-protected' });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['封面']);
    // Counted syncs: reads only, no write was sent.
    expect(fake.syncs.every((s) => s.commands > 0)).toBe(true);
  });

  it('a check that would have to add its record sheet shows the review read-only; with the record sheet there it flags', async () => {
    const fake = await fakeOf('02-failing');
    // A workbook that never had the tool's record (the template's stamp removed).
    fake.state.sheets = fake.state.sheets.filter((s) => s.name !== META_SHEET);
    fake.state.structureProtected = true;
    const before = snapshotOf(fake);
    const shown = await checkWorkbook(session(fake));
    expect(shown.readOnly).toEqual({ reason: 'workbook-protected' });
    expect(shown.report.verdict).toBe('failed');
    expect(snapshotOf(fake)).toBe(before);
    expect(readOnlyText(shown.readOnly!, 'zh-CN')).toContain('结构受保护');

    fake.state.structureProtected = false;
    await checkWorkbook(session(fake));
    expect(fake.state.sheets.some((s) => s.name === META_SHEET)).toBe(true);
    fake.state.structureProtected = true;
    const again = await checkWorkbook(session(fake));
    expect(again.readOnly).toBeUndefined();
  });

  it('a summary updated in place needs no new sheet: it is written under structure protection', async () => {
    const fake = await fakeOf('02-failing');
    await writeSummary(session(fake), { experts: ['张委员'] });
    fake.state.structureProtected = true;
    await expect(writeSummary(session(fake), { experts: ['张委员'] })).resolves.toMatchObject({ sheet: '评审汇总' });
  });
});
