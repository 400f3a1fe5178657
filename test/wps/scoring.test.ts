/**
 * Scoring, the template stamp and the password retry through the WPS adapter (issue 14): for the same entries on
 * the same workbook, the WPS side (strict fake WPS) leaves the same summary cells, the same 评分记录 rows and the
 * same texts (WPS comments = Excel notes) as the Office.js side (strict fake Excel) — the co-authoring conflict
 * included: a value changed since the pane showed it is returned with both values, never overwritten.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_COL } from '../../src/core/committee/audit-sheet.js';
import type { PaneItem, PaneState } from '../../src/core/committee/pane.js';
import { INDICATOR_SHEET, META_SHEET, toA1, type CellValue } from '../../src/core/index.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { enterScore as officeEnter, readScoring as officeRead, type ScoringCaps, type ScoringView } from '../../src/office/scoring.js';
import { readTemplateStamp as officeStamp } from '../../src/office/stamp.js';
import { insertTemplate as officeTemplate, writeSummary as officeSummary } from '../../src/office/workbook.js';
import { checkForPane } from '../../src/wps/pane-check.js';
import { enterScore, readScoring } from '../../src/wps/scoring.js';
import { readTemplateStamp } from '../../src/wps/stamp.js';
import { insertTemplate, writeSummary } from '../../src/wps/workbook.js';
import type { FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { FakeWps, FakeWpsError } from '../support/fake-wps.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';
import { fakeWpsFromExcelJS } from './from-xlsx.js';

const dir = tempDir();
const TIME = '2025-06-01 10:00';
const WHEN = '2025-06-01 09:30';
const EXPERTS = ['张三', '李四', '王五'];
const ALL: ScoringCaps = { events: true, threads: true, resolved: true, notes: true };

async function both(name = '01-passing'): Promise<{ office: FakeWorkbook; wps: FakeWps }> {
  const path = await writeExample(dir, name, {}, `${name}-${Math.random().toString(36).slice(2)}.xlsx`);
  return { office: fakeFromExcelJS(await load(path)), wps: fakeWpsFromExcelJS(await load(path)) };
}

async function summarised(): Promise<{ office: FakeWorkbook; wps: FakeWps }> {
  const f = await both();
  await officeSummary({ ctx: f.office.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES }, { experts: EXPERTS, checkedAt: WHEN });
  writeSummary({ app: f.wps.application, rb, lang: 'zh-CN' }, { experts: EXPERTS, checkedAt: WHEN });
  return f;
}

function wpsView(wps: FakeWps): ScoringView {
  const v = readScoring(wps.application, rb);
  if (typeof v === 'string') throw new Error(v);
  return v;
}

async function officeView(office: FakeWorkbook): Promise<ScoringView> {
  const v = await officeRead(office.context(), rb, ALL);
  if (typeof v === 'string') throw new Error(v);
  return v;
}

/** A sheet's rows as values (gaps null), from either fake's cells. */
function rowsOf(cells: Record<string, { value: unknown }>): unknown[][] {
  const rows = new Map<number, unknown[]>();
  for (const [k, c] of Object.entries(cells)) {
    const [r, col] = k.split(',').map(Number) as [number, number];
    const row = rows.get(r) ?? [];
    row[col] = c.value ?? null;
    rows.set(r, row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => Array.from(v, (x) => x ?? null));
}

/** The pane's state as plain data (its Maps as entries). */
const plain = (s: PaneState) => ({ ...s, experts: s.experts.map((x) => ({ ...x, values: [...x.values].sort() })) });

describe('scoring through the WPS adapter gives what the Office.js adapter gives', () => {
  it('the same view, cells, 评分记录 rows, texts and conflicts for the same entries', async () => {
    const { office, wps } = await summarised();
    let o = await officeView(office);
    let w = wpsView(wps);
    expect(w.sheet).toBe(o.sheet);
    expect(w.application).toBe(o.application);
    expect(w.threads).toBeNull();
    expect(plain(w.state)).toEqual(plain(o.state));
    const protectedBefore = wps.sheet(w.sheet).protection;
    expect(protectedBefore).not.toBeNull();

    type Entry = { expert: string; item: PaneItem; value: CellValue; lastSeen: CellValue };
    const steps: Entry[] = [
      // Full-width digits read as normaliseScore reads them.
      { expert: '张三', item: { kind: 'score', criterion: '1' }, value: '１８', lastSeen: null },
      { expert: '张三', item: { kind: 'score', criterion: '1' }, value: 999, lastSeen: 18 },
      { expert: '张三', item: { kind: 'score', criterion: '1' }, value: '18点', lastSeen: 18 },
      { expert: '张三', item: { kind: 'score', criterion: '2' }, value: 10, lastSeen: null },
      // The same expert's other pane still shows criterion 2 blank: a conflict, both values shown, nothing written.
      { expert: '张三', item: { kind: 'score', criterion: '2' }, value: 12, lastSeen: null },
      // Keep mine: planned again against what the workbook holds now.
      { expert: '张三', item: { kind: 'score', criterion: '2' }, value: 12, lastSeen: 10 },
      { expert: '张三', item: { kind: 'score', criterion: '2' }, value: 12, lastSeen: 12 },
      { expert: '王五', item: { kind: 'note', criterion: '1' }, value: '产值数据需核实', lastSeen: '' },
      { expert: '王五', item: { kind: 'recusal' }, value: '是', lastSeen: '' },
      { expert: '王五', item: { kind: 'recusal-reason' }, value: '曾任该集群顾问', lastSeen: '' },
      { expert: '王五', item: { kind: 'note', criterion: '1' }, value: '产值已核实', lastSeen: '产值数据需核实' },
      // A text cleared: its comment (note) goes.
      { expert: '王五', item: { kind: 'note', criterion: '1' }, value: '', lastSeen: '产值已核实' },
      { expert: '李四', item: { kind: 'opinion' }, value: '建议推荐', lastSeen: '' },
      { expert: '李四', item: { kind: 'signature' }, value: '李四', lastSeen: '' },
      // Text that would start a formula stays text on both sides (written behind an apostrophe), never a formula.
      { expert: '李四', item: { kind: 'signature' }, value: '=SUM(1,2)李四', lastSeen: '李四' },
      { expert: '李四', item: { kind: 'score', criterion: '3' }, value: 6, lastSeen: null },
      // A name the summary does not list: refused, nothing written.
      { expert: '无名氏', item: { kind: 'score', criterion: '3' }, value: 6, lastSeen: null },
    ];
    const kinds: string[] = [];
    for (const e of steps) {
      const or = await officeEnter(office.context(), o, rb, 'zh-CN', ALL, { ...e, time: TIME });
      const wr = enterScore(wps.application, w, rb, 'zh-CN', { ...e, time: TIME });
      // The Office side also gives its view with the entry in (no re-read): what a fresh read shows.
      const { view: after, ...plan } = or as typeof or & { view?: ScoringView };
      expect(wr, JSON.stringify(e)).toEqual(plan);
      if (after) {
        expect(plain(after.state), JSON.stringify(e)).toEqual(plain((await officeView(office)).state));
        o = after;
      }
      kinds.push(wr.kind === 'invalid' ? `invalid:${wr.code}` : wr.kind);
    }
    expect(kinds).toEqual(['written', 'invalid:out-of-range', 'invalid:not-a-number', 'written', 'conflict', 'written', 'unchanged', 'written', 'written', 'written', 'written', 'written', 'written', 'written', 'written', 'written', 'invalid:unknown-expert']);
    const conflict = enterScore(wps.application, w, rb, 'zh-CN', { expert: '张三', item: { kind: 'score', criterion: '2' }, value: 15, lastSeen: 10, time: TIME });
    expect(conflict).toEqual({ kind: 'conflict', item: { kind: 'score', criterion: '2' }, mine: '15', theirs: '12', seen: '10' });

    // The summary's expert cells, cell by cell.
    const rows = [...Object.values(w.layout.criteriaRows), w.layout.conflictRow, w.layout.signatureRow];
    let compared = 0;
    for (const x of w.layout.experts)
      for (const r of rows) {
        expect(wps.sheet(w.sheet).cells[`${r},${x.col}`]?.value ?? null, `${x.name} ${toA1(r, x.col)}`).toEqual(office.cell(o.sheet, r, x.col)?.value ?? null);
        compared++;
      }
    expect(compared).toBe(3 * 10);
    const col = (n: string) => w.layout.experts.find((x) => x.name === n)!.col;
    expect(wps.sheet(w.sheet).cells[`${w.layout.criteriaRows['1']},${col('张三')}`]!.value).toBe(18);
    expect(wps.sheet(w.sheet).cells[`${w.layout.criteriaRows['2']},${col('张三')}`]!.value).toBe(12);
    expect(wps.sheet(w.sheet).cells[`${w.layout.signatureRow},${col('李四')}`]!.value).toBe('=SUM(1,2)李四');
    expect(office.cell(o.sheet, w.layout.signatureRow, col('李四'))?.formula).toBeUndefined();

    // 评分记录: the same rows, appended in the same order.
    const wAudit = rowsOf(wps.sheet('评分记录').cells);
    const oAudit = rowsOf(office.sheet('评分记录').cells).map((r) => r.map((v) => (v === '' ? null : v)));
    expect(wAudit).toEqual(oAudit);
    expect(wAudit.slice(1).map((r) => r[AUDIT_COL.change])).toEqual(['新增', '新增', '10 → 12', '新增', '新增', '新增', '产值数据需核实 → 产值已核实', '产值已核实 → 已删除', '新增', '新增', '李四 → =SUM(1,2)李四', '新增']);
    expect(wps.sheet('评分记录').frozen).toEqual({ rows: 1, cols: 0 });

    // Texts: WPS comments where Excel has notes; the cleared one gone from both.
    const cells = w.layout.experts.flatMap((x) => rows.map((r) => `${w.sheet}!${toA1(r, x.col)}`));
    const wNotes = Object.fromEntries(cells.flatMap((a) => (wps.at(a)?.comment !== undefined ? [[a, wps.at(a)!.comment]] : [])));
    const oNotes = Object.fromEntries(cells.flatMap((a) => (office.state.notes[a] !== undefined ? [[a, office.state.notes[a]]] : [])));
    expect(wNotes).toEqual(oNotes);
    expect(Object.values(wNotes).sort()).toEqual(['建议推荐', '曾任该集群顾问']);
    // The summary is protected again as it was, and still in front (评分记录 was added behind it).
    expect(wps.sheet(w.sheet).protection).toEqual(protectedBefore);
    expect(wps.state.active).toBe(w.sheet);

    // Read again: the same committee in both.
    o = await officeView(office);
    w = wpsView(wps);
    expect(plain(w.state)).toEqual(plain(o.state));
    expect(w.state.experts.find((x) => x.name === '王五')!.recused).toBe(true);
    expect(w.auditId).toBe('评分记录');
  });

  it('a summary protected with a password it was not given: a text entry raises before anything is written', async () => {
    const { wps } = await summarised();
    const w = wpsView(wps);
    wps.sheet(w.sheet).protection = { password: 'other', options: [false, false, false, false, false] };
    const before = structuredClone(wps.sheet(w.sheet).cells);
    expect(() => enterScore(wps.application, w, rb, 'zh-CN', { expert: '张三', item: { kind: 'note', criterion: '1' }, value: '待核实', lastSeen: '', time: TIME })).toThrow(FakeWpsError);
    expect(wps.sheet(w.sheet).cells).toEqual(before);
    expect(wps.state.sheets.some((s) => s.name === '评分记录')).toBe(false);
    expect(wps.sheet(w.sheet).protection).toEqual({ password: 'other', options: [false, false, false, false, false] });
  });

  it('says when there is no summary, or one the tool cannot prove it wrote', async () => {
    const { wps } = await both();
    expect(readScoring(wps.application, rb)).toBe('no-summary');
    writeSummary({ app: wps.application, rb, lang: 'zh-CN' }, { experts: EXPERTS, checkedAt: WHEN });
    const w = wpsView(wps);
    // A label cell of the mark changed behind the tool's back.
    const mark = Object.entries(wps.sheet(w.sheet).cells).find(([, c]) => c.value === '评审汇总' || (typeof c.value === 'string' && c.value.includes('集群')))!;
    mark[1].value = '改过的标题';
    expect(readScoring(wps.application, rb)).toBe('not-trusted');
  });
});

describe('the template stamp through the WPS adapter', () => {
  it('reads the rulebook stamped by the template, as the Office.js side does; none without a record', async () => {
    const office = fakeFromExcelJS(await load(await writeExample(dir, '01-passing', {}, `stamp-${Math.random().toString(36).slice(2)}.xlsx`)));
    const wps = new FakeWps({ sheets: [{ name: 'Sheet1', visible: -1, cells: {}, protection: null, merges: [] }], active: 'Sheet1', selection: null });
    expect(readTemplateStamp(wps.application)).toBeNull();
    insertTemplate({ app: wps.application, rb, lang: 'zh-CN' }, 2025);
    const stamp = readTemplateStamp(wps.application);
    expect(stamp).toMatchObject({ fingerprint: rb.fingerprint, edition: rb.data.edition });
    office.state.sheets = office.state.sheets.filter((s) => s.name === '填表说明');
    await officeTemplate({ ctx: office.context(), rb, lang: 'zh-CN', caps: FULL_CAPABILITIES }, 2025);
    expect(stamp).toEqual(await officeStamp(office.context()));
    expect(wps.sheet(META_SHEET).visible).toBe(2);
  });
});

describe('the password retry through the WPS adapter', () => {
  it('a sheet with a password: the review read-only; a wrong password said; the right one flags and protects again with it', async () => {
    const { wps } = await both('02-failing');
    const options = [true, false, false, false, false];
    wps.sheet(INDICATOR_SHEET).protection = { password: '集群2025', options };
    const s = { app: wps.application, rb, lang: 'zh-CN' as const };
    const flagged = () => Object.values(wps.sheet(INDICATOR_SHEET).cells).filter((c) => c.comment?.startsWith('【集群评审助手】')).length;

    const record = () => JSON.stringify(wps.state.sheets.find((x) => x.name === META_SHEET)?.cells ?? null);
    const recordBefore = record();
    const first = checkForPane(s, { checkedAt: WHEN });
    expect(first.readOnly).toEqual({ reason: 'sheet-protected', sheet: INDICATOR_SHEET, passwordTried: false });
    expect(first.report.verdict).toBe('failed');
    expect(first.flagged).toBe(0);
    expect(flagged()).toBe(0);
    // Nothing recorded either: flags without their record could never be lifted.
    expect(record()).toBe(recordBefore);

    const wrong = checkForPane(s, { checkedAt: WHEN, password: '错误' });
    expect(wrong.readOnly).toEqual({ reason: 'sheet-protected', sheet: INDICATOR_SHEET, passwordTried: true });
    expect(flagged()).toBe(0);
    expect(wps.sheet(INDICATOR_SHEET).protection).toEqual({ password: '集群2025', options });

    const right = checkForPane(s, { checkedAt: WHEN, password: '集群2025' });
    expect(right.readOnly).toBeUndefined();
    expect(right.flagged).toBeGreaterThan(0);
    expect(flagged()).toBe(right.flagged);
    expect(wps.sheet(INDICATOR_SHEET).protection).toEqual({ password: '集群2025', options });
  });
});
