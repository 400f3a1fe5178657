/**
 * The summary rewritten in place in WPS, as the Office adapter writes it (issue 18): only the tool's own cells are
 * written (the plan's inPlace.keep / inPlace.clear), so what another expert types meanwhile — WPS co-editing
 * delivers their edit between two calls of the object model, here between the tool's read and its first write
 * (`FakeWps.beforeNextWrite`) — survives: a score, a note (WPS comment) and a 评审意见.
 */
import { describe, expect, it } from 'vitest';
import { META_SHEET } from '../../src/core/index.js';
import { checkWorkbook, writeSummary, type WpsSession } from '../../src/wps/workbook.js';
import { recordOf } from '../../src/wps/read.js';
import { enterScore, readScoring } from '../../src/wps/scoring.js';
import { FakeWps, type WpsSheet, type WpsState } from '../support/fake-wps.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';
import { fakeWpsFromExcelJS, wpsMeta } from './from-xlsx.js';

const dir = tempDir();
const EXPERTS = ['张三', '李四', '王五'];
const session = (fake: FakeWps): WpsSession => ({ app: fake.application, rb, lang: 'zh-CN' });

async function summarised(): Promise<FakeWps> {
  const fake = fakeWpsFromExcelJS(await load(await writeExample(dir, '02-failing', {}, `c-${Math.random().toString(36).slice(2)}.xlsx`)));
  writeSummary(session(fake), { experts: EXPERTS });
  return fake;
}

describe('写入评审汇总 in WPS while another expert types in the summary', () => {
  it('a score, a note and a 评审意见 李四 enters between the read and the write all survive; the tool’s cells are rewritten', async () => {
    const fake = await summarised();
    const layout = wpsMeta(fake)!.review!.summary!;
    const li = layout.experts.find((e) => e.name === '李四')!;
    const scoreAt = `${layout.criteriaRows['1']!},${li.col}`;
    const opinionRow = layout.opinions!.rows.find((r) => r.name === '李四')!.row;
    const opinionAt = `${opinionRow},${layout.opinions!.opinion}`;
    const noteAt = `${layout.criteriaRows['2']!},${li.col}`;
    const before = structuredClone(fake.sheet(layout.sheet).cells);
    fake.beforeNextWrite(layout.sheet, (s: WpsSheet) => {
      s.cells[scoreAt] = { ...s.cells[scoreAt], value: 18 };
      s.cells[opinionAt] = { ...s.cells[opinionAt], value: '李四：建议认定' };
      s.cells[noteAt] = { ...(s.cells[noteAt] ?? { value: null }), comment: '李四：产值需核实' };
    });
    const done = writeSummary(session(fake));
    expect(done.sheet).toBe(layout.sheet);
    const cells = fake.sheet(layout.sheet).cells;
    expect(cells[scoreAt]?.value).toBe(18);
    expect(cells[opinionAt]?.value).toBe('李四：建议认定');
    expect(cells[noteAt]?.comment).toBe('李四：产值需核实');
    // Everything the tool wrote is there again (labels, formulas), and still protected.
    for (const [k, c] of Object.entries(before)) {
      if (k === scoreAt || k === opinionAt) continue;
      expect(cells[k]?.formula, k).toBe(c.formula);
      if (c.formula === undefined) expect(cells[k]?.value ?? null, k).toBe(c.value);
    }
    expect(fake.sheet(layout.sheet).protection).not.toBeNull();
    expect(fake.state.sheets.filter((s) => s.name.startsWith('评审汇总'))).toHaveLength(1);
  });

  it('a score an expert entered as a formula (=9+9, calculated 18) stays a formula when the summary is rewritten', async () => {
    const fake = await summarised();
    const layout = wpsMeta(fake)!.review!.summary!;
    const at = `${layout.criteriaRows['1']!},${layout.experts[0]!.col}`;
    const cells = fake.sheet(layout.sheet).cells;
    cells[at] = { ...cells[at], value: 18, formula: '9+9' };
    writeSummary(session(fake));
    expect(fake.sheet(layout.sheet).cells[at]).toMatchObject({ value: 18, formula: '9+9' });
  });

  it('an expert added before any score: the columns that moved right leave no formula of the tool in the new expert’s cells', async () => {
    const fake = await summarised();
    writeSummary(session(fake), { experts: ['赵六'] });
    const l = wpsMeta(fake)!.review!.summary!;
    const cells = fake.sheet(l.sheet).cells;
    const zhao = l.experts.find((e) => e.name === '赵六')!;
    // The committee mean there said "" (no score yet), so it read as empty: it is the tool's, and goes.
    for (const row of [...Object.values(l.criteriaRows), l.conflictRow, l.signatureRow]) expect(cells[`${row},${zhao.col}`]?.formula, `${row},${zhao.col}`).toBeUndefined();
  });
});

/**
 * Two WPS users adding the first 评审汇总 at once (issue 18). WPS co-editing delivers the other's sheets between two
 * calls of the object model (`FakeWps.beforeNextAdd`): the tool's Sheets.Add then adds a sheet beside the other's
 * 评审汇总, and naming it 评审汇总 raises (a name another sheet has). As in Excel, the write then reads again and
 * updates the other's summary in place with its own experts — never a second sheet, nor an empty one left behind.
 */
describe('two WPS users adding the first 评审汇总 at once', () => {
  const unsummarised = async (checked: boolean): Promise<FakeWps> => {
    const fake = fakeWpsFromExcelJS(await load(await writeExample(dir, '02-failing', {}, `a-${Math.random().toString(36).slice(2)}.xlsx`)));
    fake.state.sheets = fake.state.sheets.filter((s) => s.name !== META_SHEET);
    if (checked) checkWorkbook(session(fake));
    return fake;
  };
  /** The other user's sheets arriving: added sheets, and the cells of sheets both have (the record) as theirs now. */
  const arrive = (theirs: WpsState, only?: (name: string) => boolean) => (state: WpsState) => {
    for (const s of theirs.sheets) {
      if (only && !only(s.name)) continue;
      const mine = state.sheets.find((x) => x.name === s.name);
      if (mine) mine.cells = structuredClone(s.cells);
      else state.sheets.push(structuredClone(s));
    }
  };
  const names = (fake: FakeWps) => fake.state.sheets.map((s) => s.name);

  it.each([
    ['after a check', true],
    ['as the very first action of both', false],
  ] as const)('%s: 王五’s summary arrives as 李四 adds his: 李四 updates it in place with his experts; one 评审汇总, no empty sheet left', async (_n, checked) => {
    const fake = await unsummarised(checked);
    const wang = new FakeWps(structuredClone(fake.state));
    writeSummary(session(wang), { experts: ['王五'] });
    fake.beforeNextAdd(arrive(wang.state));
    const done = writeSummary(session(fake), { experts: ['张三', '李四'] });
    expect(done.sheet).toBe('评审汇总');
    expect(names(fake).filter((n) => n.startsWith('评审汇总'))).toEqual(['评审汇总']);
    expect(names(fake).filter((n) => /^Sheet\d+$/.test(n))).toEqual([]);
    expect(names(fake).filter((n) => n.startsWith(META_SHEET))).toEqual([META_SHEET]);
    expect(wpsMeta(fake)!.review!.summary!.experts.map((e) => e.name).sort()).toEqual(['张三', '李四', '王五'].sort());
  });

  it('王五’s sheet arrives before his record: 李四 writes nothing, removes the sheet he added, and says another expert is writing it', async () => {
    const fake = await unsummarised(true);
    const wang = new FakeWps(structuredClone(fake.state));
    writeSummary(session(wang), { experts: ['王五'] });
    const before = structuredClone(wang.state.sheets.find((s) => s.name === '评审汇总')!);
    fake.beforeNextAdd(arrive(wang.state, (n) => n === '评审汇总'));
    let error: unknown = null;
    try {
      writeSummary(session(fake), { experts: ['李四'] });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'OfficeError', code: 'summary-busy', params: { sheet: '评审汇总' } });
    expect(names(fake).filter((n) => /^Sheet\d+$/.test(n))).toEqual([]);
    expect(fake.state.sheets.find((s) => s.name === '评审汇总')).toEqual(before);
  });

  it('two first checks at once: 王五’s record sheet arrives as 李四 adds his — one record, holding both, not damaged', async () => {
    const fake = await unsummarised(false);
    const wang = new FakeWps(structuredClone(fake.state));
    writeSummary(session(wang), { experts: ['王五'] });
    fake.beforeNextAdd(arrive(wang.state, (n) => n === META_SHEET));
    const checked = checkWorkbook(session(fake));
    expect(names(fake).filter((n) => n.startsWith(META_SHEET))).toEqual([META_SHEET]);
    expect(names(fake).filter((n) => /^Sheet\d+$/.test(n))).toEqual([]);
    const rec = recordOf(fake.application.ActiveWorkbook!.Worksheets.Item(META_SHEET));
    expect(rec.damaged).toBe(false);
    expect(rec.meta?.review?.flags).toHaveLength(checked.flagged);
    // 王五's summary layout (his sheet is on its way) is kept in the record with 李四's flags.
    expect(rec.meta?.review?.summary?.experts.map((e) => e.name)).toEqual(['王五']);
  });

  it('two first score entries at once: 王五’s 评分记录 arrives as 李四’s entry adds it — one 评分记录, both rows', async () => {
    const fake = await unsummarised(true);
    writeSummary(session(fake), { experts: ['李四', '王五'] });
    const wang = new FakeWps(structuredClone(fake.state));
    const view = (f: FakeWps) => {
      const v = readScoring(f.application, rb);
      if (typeof v === 'string') throw new Error(v);
      return v;
    };
    expect(enterScore(wang.application, view(wang), rb, 'zh-CN', { expert: '王五', item: { kind: 'score', criterion: '2' }, value: 12, lastSeen: null, time: '2025-06-01 10:00' }).kind).toBe('written');
    const audit = wang.state.sheets.find((s) => s.name === '评分记录')!.name;
    fake.beforeNextAdd(arrive(wang.state, (n) => n === audit));
    expect(enterScore(fake.application, view(fake), rb, 'zh-CN', { expert: '李四', item: { kind: 'score', criterion: '1' }, value: 15, lastSeen: null, time: '2025-06-01 10:01' }).kind).toBe('written');
    expect(names(fake).filter((n) => n.startsWith('评分记录'))).toEqual(['评分记录']);
    expect(names(fake).filter((n) => /^Sheet\d+$/.test(n))).toEqual([]);
    const rows = Object.keys(fake.sheet('评分记录').cells).filter((k) => k.endsWith(',0')).length;
    expect(rows).toBe(3);
  });
});

