/**
 * The WPS adapter against the strict fake WPS: the object model's rules (1-based, BGR, 2-D reads, text stays text,
 * protection with a password), flags and their restoration, expert inputs kept, and calls bounded by rows.
 */
import { describe, expect, it } from 'vitest';
import { FLAG_FILL, fromA1, INDICATOR_SHEET, META_SHEET, standardLayout, toA1 } from '../../src/core/index.js';
import { fromBgr, toBgr } from '../../src/wps/colour.js';
import { checkWorkbook, clearFlags, insertTemplate, readWorkbook, selectCell, WorkbookError, writeSummary, type WpsSession } from '../../src/wps/workbook.js';
import { FakeWps, FakeWpsError } from '../support/fake-wps.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';
import { expectExpertInputKept, tenTimesRows, typeExpertInput } from '../support/host-input.js';
import { fakeWpsFromExcelJS, wpsMeta } from './from-xlsx.js';

const dir = tempDir();
const layout = standardLayout(rb, 2025);
const cellOf = (code: string, col = 5) => `${INDICATOR_SHEET}!${toA1(layout.rows.find((r) => r.indicator.code === code)!.row, col)}`;
const session = (fake: FakeWps): WpsSession => ({ app: fake.application, rb, lang: 'zh-CN' });

async function fakeOf(name: string, overrides: Parameters<typeof writeExample>[2] = {}): Promise<FakeWps> {
  return fakeWpsFromExcelJS(await load(await writeExample(dir, name, overrides, `${name}-${Math.random().toString(36).slice(2)}.xlsx`)));
}

const tenTimes = (fake: FakeWps): void => tenTimesRows(fake.sheet(INDICATOR_SHEET).cells);

describe('the strict fake WPS', () => {
  const one = () => new FakeWps({ sheets: [{ name: 'A', visible: -1, cells: { '0,0': { value: 1 } }, protection: null, merges: [] }], active: 'A', selection: null });

  it('is 1-based, reads ranges whole, and counts every call', () => {
    const fake = one();
    const sheets = fake.application.ActiveWorkbook!.Worksheets;
    expect(() => sheets.Item(0)).toThrow(FakeWpsError);
    expect(() => sheets.Item(2)).toThrow(/out of range/);
    expect(() => sheets.Item('B')).toThrow(/out of range/);
    const ws = sheets.Item(1);
    expect(ws.Range('A1').Value2).toBe(1);
    expect(ws.Range('A1:B2').Value2).toEqual([
      [1, undefined],
      [undefined, undefined],
    ]);
    expect(ws.UsedRange.Row).toBe(1);
    expect(() => ws.Range('A1,B2').Value2).toThrow(/multi-area/);
    expect(fake.calls).toBeGreaterThan(8);
    expect(() => ((ws.Range('A1') as unknown as Record<string, unknown>).Colour = 1)).toThrow(TypeError);
  });

  it('colours are BGR integers, no fill reads white; text is entered as typed unless formatted "@"', () => {
    const fake = one();
    const ws = fake.application.ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.Range('B1').Interior.Color).toBe(0xffffff);
    ws.Range('B1').Interior.Color = toBgr('#EE8866');
    expect(fake.sheet('A').cells['0,1']!.color).toBe(0x6688ee);
    expect(fromBgr(ws.Range('B1').Interior.Color)).toBe('#EE8866');
    expect(() => (ws.Range('B1').Interior.Color = -1)).toThrow(/BGR/);
    ws.Range('A2:D2').Formula = [['=1+1', "'=1+1", '001', 'TRUE']];
    expect(fake.sheet('A').cells['1,0']).toMatchObject({ formula: '1+1' });
    expect(fake.sheet('A').cells['1,1']!.value).toBe('=1+1');
    expect(fake.sheet('A').cells['1,2']!.value).toBe(1);
    expect(fake.sheet('A').cells['1,3']!.value).toBe(true);
    ws.Range('A3:B3').NumberFormat = '@';
    ws.Range('A3:B3').Value2 = [['001', '=x']];
    expect([fake.sheet('A').cells['2,0']!.value, fake.sheet('A').cells['2,1']!.value]).toEqual(['001', '=x']);
    expect(ws.Range('A2:A3').NumberFormat).toBeNull();
    expect(() => (ws.Range('A1:B1').Value2 = [[1]])).toThrow(/array written/);
  });

  it('a protected sheet refuses writes to locked cells and a wrong password; Select needs the sheet in front', () => {
    const fake = one();
    fake.sheet('A').protection = { password: 'secret' };
    const ws = fake.application.ActiveWorkbook!.Worksheets.Item(1);
    expect(() => (ws.Range('A1').Value2 = 2)).toThrow(/locked/);
    // Comments are drawing objects: refused on a protected sheet even on an unlocked cell.
    fake.sheet('A').cells['0,1'] = { value: null, locked: false };
    ws.Range('B1').Value2 = 3;
    expect(() => ws.Range('B1').AddComment('x')).toThrow(/protected sheet/);
    expect(() => ws.Range('A1').AddComment('x')).toThrow(/protected sheet/);
    expect(() => ws.Unprotect('')).toThrow(/password/);
    ws.Unprotect('secret');
    ws.Range('A1').AddComment('x');
    expect(() => ws.Range('A1').AddComment('y')).toThrow(/has a comment/);
    const added = fake.application.ActiveWorkbook!.Worksheets.Add(undefined, ws);
    expect(fake.state.active).toBe(added.Name);
    expect(() => ws.Range('A1').Select()).toThrow(/not the sheet in front/);
  });
});

describe('check in WPS', () => {
  it('flags failing cells in place (BGR fills, comments as notes), values untouched; the record very hidden', async () => {
    const fake = await fakeOf('02-failing');
    const before = JSON.stringify(Object.entries(fake.sheet(INDICATOR_SHEET).cells).map(([k, c]) => [k, c.value]));
    const front = fake.state.active;
    const { report, flagged } = checkWorkbook(session(fake));
    expect(report.verdict).toBe('failed');
    expect(flagged).toBeGreaterThan(0);
    expect(fake.at(cellOf('5.1'))?.color).toBe(toBgr(FLAG_FILL.fail));
    expect(fake.at(cellOf('5.1'))?.comment).toMatch(/^【集群评审助手】\n不达标：工业互联网平台应用普及率为12%/);
    // Every value as it was, but for the legend of flag colours the tool wrote below the form (its own cells, recorded).
    const legend = new Set((wpsMeta(fake)?.review?.legend ?? []).map((c) => `${fromA1(c.cell.split('!')[1]!).row},${fromA1(c.cell.split('!')[1]!).col}`));
    expect(legend.size).toBeGreaterThan(0);
    expect(JSON.stringify(Object.entries(fake.sheet(INDICATOR_SHEET).cells).filter(([k]) => !legend.has(k)).map(([k, c]) => [k, c.value]))).toBe(before);
    // The template's protection (no password) is lifted for the flags and put back.
    expect(fake.sheet(INDICATOR_SHEET).protection).toEqual(expect.objectContaining({ password: '' }));
    expect(fake.sheet(META_SHEET).visible).toBe(2);
    // The reviewer stays on the sheet they were on.
    expect(fake.state.active).toBe(front);
    // The record is text: its "@…" labels and JSON are not entered as anything else.
    const labels = Object.values(fake.sheet(META_SHEET).cells).filter((c) => c.numberFormat === '@' && /^@\d+\./.test(String(c.value)));
    expect(labels.length).toBeGreaterThan(0);
  });

  it('a re-run restores a corrected cell and keeps an applicant comment; clear flags gives every cell back', async () => {
    const fake = await fakeOf('02-failing');
    const own = fake.at(cellOf('5.1'))!;
    own.comment = '数据来源：县统计局';
    const yellow = fake.at(cellOf('8.3'))!.color;
    checkWorkbook(session(fake));
    expect(fake.at(cellOf('5.1'))?.comment).toMatch(/原批注[\s\S]*数据来源：县统计局$/);
    fake.at(cellOf('5.1'))!.value = 0.2;
    const again = checkWorkbook(session(fake));
    expect(again.restored).toBe(1);
    expect(fake.at(cellOf('5.1'))?.color).toBe(toBgr('#FFF7D6'));
    expect(fake.at(cellOf('5.1'))?.comment).toBe('数据来源：县统计局');
    expect(clearFlags(session(fake))).toBeGreaterThan(0);
    expect(fake.at(cellOf('8.3'))?.color).toBe(yellow);
    const comments = Object.entries(fake.sheet(INDICATOR_SHEET).cells).filter(([, c]) => c.comment !== undefined);
    expect(comments.map(([, c]) => c.comment)).toEqual(['数据来源：县统计局']);
    expect(wpsMeta(fake)?.review?.flags).toEqual([]);
  });

  it('a sheet protected with a password: a plain error asking for it, nothing written; with it, flags and the password kept', async () => {
    const fake = await fakeOf('02-failing');
    fake.sheet(INDICATOR_SHEET).protection = { password: 'secret' };
    const record = JSON.stringify(fake.sheet(META_SHEET).cells);
    let error: unknown;
    try {
      checkWorkbook(session(fake));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: 'sheet-protected', params: { sheet: INDICATOR_SHEET }, needsPassword: true });
    expect((error as WorkbookError).extra.review?.report.verdict).toBe('failed');
    expect(fake.at(cellOf('5.1'))?.color).toBe(toBgr('#FFF7D6'));
    expect(JSON.stringify(fake.sheet(META_SHEET).cells)).toBe(record);
    checkWorkbook(session(fake), { password: 'secret' });
    expect(fake.at(cellOf('5.1'))?.color).toBe(toBgr(FLAG_FILL.fail));
    expect(fake.sheet(INDICATOR_SHEET).protection?.password).toBe('secret');
  });

  it('no workbook, or one without an indicator sheet, is a plain error; inserting the template fixes it', async () => {
    const none = new FakeWps({ sheets: [], active: null, selection: null, noWorkbook: true });
    expect(() => checkWorkbook(session(none))).toThrow(WorkbookError);
    const fake = new FakeWps({ sheets: [{ name: '封面', visible: -1, cells: { '0,0': { value: '申报书' } }, protection: null, merges: [] }], active: '封面', selection: null });
    expect(() => checkWorkbook(session(fake))).toThrow(expect.objectContaining({ code: 'no-indicator-sheet', params: { sheets: ['封面'] } }));
    expect(insertTemplate(session(fake), 2025)).toBe(INDICATOR_SHEET);
    expect(fake.state.active).toBe(INDICATOR_SHEET);
    expect(fake.sheet(INDICATOR_SHEET).protection).not.toBeNull();
    expect(checkWorkbook(session(fake)).report.verdict).toBe('incomplete');
  });

  it('merged input cells are warned about as in the other adapters (read by rows, not cells)', async () => {
    const fake = await fakeOf('02-failing');
    const row = layout.rows.find((r) => r.indicator.code === '1.6')!.row + 1;
    fake.sheet(INDICATOR_SHEET).merges.push(`D${row}:E${row}`);
    delete fake.sheet(INDICATOR_SHEET).cells[`${row - 1},4`];
    const reading = readWorkbook(fake.application, rb);
    expect(reading.merges).toContain(`D${row}:E${row}`);
    expect(checkWorkbook(session(fake)).warnings.map((w) => w.code)).toContain('merged-inputs');
  });

  it('clicking a finding brings its sheet to the front and selects its cell', async () => {
    const fake = await fakeOf('02-failing');
    fake.application.ActiveWorkbook!.Worksheets.Add();
    selectCell(fake.application, cellOf('5.1'));
    expect(fake.state.active).toBe(INDICATOR_SHEET);
    expect(fake.state.selection).toBe(cellOf('5.1'));
  });
});

describe('summary in WPS', () => {
  it('keeps every expert input on a re-run, in place; workbook text stays text', async () => {
    const fake = await fakeOf('02-failing', { B1: '=HYPERLINK("http://example.invalid","x")' });
    writeSummary(session(fake), { experts: ['张三', '李四'] });
    const l1 = wpsMeta(fake)!.review!.summary!;
    const sum = fake.sheet(l1.sheet);
    const nameCell = Object.values(sum.cells).find((c) => c.value === '=HYPERLINK("http://example.invalid","x")');
    expect(nameCell).toBeDefined();
    expect(nameCell!.formula).toBeUndefined();
    typeExpertInput(sum.cells, l1);
    checkWorkbook(session(fake));
    writeSummary(session(fake), { experts: ['王五'] });
    const l2 = wpsMeta(fake)!.review!.summary!;
    expect(l2.experts.map((e) => e.name)).toEqual(['张三', '李四', '王五']);
    const sum2 = fake.sheet(l2.sheet);
    expectExpertInputKept(sum2.cells, l2);
    expect(fake.state.sheets.filter((s) => s.name.startsWith('评审汇总'))).toHaveLength(1);
    expect(sum2.hiddenCols).toHaveLength(3);
    expect(sum2.protection).not.toBeNull();
    // A comment a person put on an expert cell stays on it when the summary is rebuilt in place.
    (sum2.cells[`${l2.decision[0]},${l2.decision[1]}`] ??= { value: null }).comment = '待主任委员确认';
    writeSummary(session(fake));
    expect(fake.sheet(l2.sheet).cells[`${l2.decision[0]},${l2.decision[1]}`]).toMatchObject({ value: '建议推荐', comment: '待主任委员确认' });
  });
});

describe('calls per review', () => {
  it('grow with the rows, not with rows × columns: a sheet ten times larger costs well under ten times the calls', async () => {
    const count = async (grow: boolean) => {
      const fake = await fakeOf('02-failing');
      if (grow) tenTimes(fake);
      const start = fake.calls;
      checkWorkbook(session(fake));
      writeSummary(session(fake));
      return fake.calls - start;
    };
    const small = await count(false);
    const large = await count(true);
    // 810 rows more, 5 cells each, in one run of formats: read whole, they add a handful of calls, not thousands.
    expect(small).toBeGreaterThan(0);
    expect(large - small).toBeLessThan(100);
  });
});
