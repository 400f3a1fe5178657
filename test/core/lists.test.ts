/**
 * The application form's name lists (issue 12): GB 32100-2015 credit codes, list parsing by header, counts against
 * their lists (naming both cells), the 2.6 total de-duplicated by credit code, and old templates without lists.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  CREDIT_CODE_WEIGHTS,
  readLists,
  readListSheet,
  reviewSnapshot,
  reviewToReport,
  buildReport,
  withCheckChar,
  creditCodeFor,
  organisationCheckChar,
  type GridSnapshot,
  type RawCell,
} from '../../src/core/index.js';
import { rb } from '../support/review.js';
import { evidenceSheet, planSheet } from '../support/plan.js';
import { buildSnapshot, passingValues } from '../support/sheet.js';

const code = (n: number) => creditCodeFor('91330781', `MA2${String(n).padStart(5, '0')}`);
const listDef = (id: string) => rb.data.lists!.find((l) => l.id === id)!;

/** A list sheet in the template's layout: title, header, then rows [name, code, level, year]. */
function listSheet(id: string, rows: Array<Array<string | number | null>>, header = ['序号', '企业名称', '统一社会信用代码', '级别', '认定年份', '备注']): GridSnapshot {
  const cell = (v: string | number | null): RawCell | null => (v === null ? null : { value: v });
  return {
    sheet: listDef(id).sheet,
    cells: [[{ value: '名单' }], header.map((h) => ({ value: h })), ...rows.map((r, i) => [{ value: i + 1 }, ...r.map(cell)])],
  };
}
const pool = (from: number, to: number, level: string) => Array.from({ length: to - from + 1 }, (_x, i) => [`企业${from + i}`, code(from + i), level, 2022]);

/** The passing application's lists, consistent with its counts (2.3–2.5 overlap so that 2.6 = 52). */
function passingLists(): GridSnapshot[] {
  return [
    listSheet('leading', pool(1, 5, '省级')),
    listSheet('champions', pool(53, 53, '国家级')),
    listSheet('little-giants', pool(54, 56, '国家级')),
    listSheet('specialised', pool(1, 18, '省级')),
    listSheet('innovative', pool(1, 35, '省级')),
    listSheet('high-tech', pool(31, 52, '国家级')),
    listSheet('innovation-platforms', pool(1, 6, '省级')),
    listSheet('service-platforms', pool(1, 3, '省级')),
    // The form's other sheets read with the lists (test/core/plan.test.ts), so the passing application passes.
    planSheet(rb),
    evidenceSheet(),
  ];
}

function reviewWith(lists: GridSnapshot[], values = passingValues()) {
  const r = reviewSnapshot(buildSnapshot(rb, values), rb, readLists(lists, rb));
  return { review: r, report: buildReport(r, rb) };
}

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('weights are 3^i mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
  it('accepts valid codes, the standard’s example among them, typed in full width or lower case', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３').ok).toBe(true);
    expect(checkCreditCode('91350100m000100y43').ok).toBe(true);
    for (let n = 0; n < 200; n++) expect(checkCreditCode(code(n)).ok).toBe(true);
  });
  it('a check sum of 0 gives the check character 0 (31 → 0)', () => {
    // Find a 17-character body whose weighted sum is a multiple of 31: its check character must be "0".
    let hit: string | undefined;
    for (let n = 0; n < 5000 && !hit; n++) {
      const c = code(n);
      if (c.endsWith('0')) hit = c;
    }
    expect(hit).toBeDefined();
    expect(checkCreditCode(hit!).ok).toBe(true);
  });
  it('refuses a wrong length, a character outside the charset and a wrong check character, saying which', () => {
    expect(checkCreditCode('91350100M000100Y4')).toMatchObject({ ok: false, problem: 'length' });
    expect(checkCreditCode('91350100M000100Y4I')).toMatchObject({ ok: false, problem: 'charset' });
    expect(checkCreditCode('91350100O000100Y43')).toMatchObject({ ok: false, problem: 'charset' });
    expect(checkCreditCode('91350100M000100Y44')).toMatchObject({ ok: false, problem: 'check-digit', expected: '3' });
  });
  it('checks the whole code: registration type (1–2), division (3–8), the GB 11714 organisation check (17), zeros refused', () => {
    // Real codes pass every part.
    for (const real of ['9144030071526726XG', '914403001922038216', '91110000100017643K', '91310000132200821H']) expect(checkCreditCode(real), real).toEqual({ ok: true, code: real });
    // The old examples' codes had a right 18th character but a wrong organisation check character.
    expect(checkCreditCode(withCheckChar('91330781MA2000010'))).toMatchObject({ ok: false, problem: 'organisation-code', expected: organisationCheckChar('MA200001') });
    expect(organisationCheckChar('71526726')).toBe('X');
    expect(organisationCheckChar('19220382')).toBe('1');
    expect(checkCreditCode('000000000000000000')).toMatchObject({ ok: false, problem: 'all-zero' });
    // 94 is no body type of 工商; B is no registration authority.
    expect(checkCreditCode(withCheckChar('94330781MA2000019'))).toMatchObject({ ok: false, problem: 'registration-type' });
    expect(checkCreditCode(withCheckChar('B1330781MA2000019'))).toMatchObject({ ok: false, problem: 'registration-type' });
    // 99 is no province; letters are no division code.
    expect(checkCreditCode(creditCodeFor('91990781', 'MA200001'))).toMatchObject({ ok: false, problem: 'division' });
    expect(checkCreditCode(creditCodeFor('9133A781', 'MA200001'))).toMatchObject({ ok: false, problem: 'division' });
    for (const t of ['11', '12', '31', '35', '51', '52', '91', '92', '93', 'N1', 'Y1']) expect(checkCreditCode(creditCodeFor(`${t}330781`, 'MA200001')).ok, t).toBe(true);
  });
  it('names what is wrong with a code in words', () => {
    const lists = passingLists();
    lists[1] = listSheet('champions', [['示例公司', withCheckChar('91330781MA2000010'), '国家级', 2022]]);
    const f = reviewWith(lists).report.findings.find((x) => x.code === 'credit-code-invalid')!;
    expect(f.messages['zh-CN']).toContain(`组织机构代码校验码错误（按GB 11714，第17位应为“${organisationCheckChar('MA200001')}”）`);
    expect(f.messages['en-US']).toContain(`has a wrong organisation-code check character (GB 11714: the 17th should be “${organisationCheckChar('MA200001')}”)`);
  });
});

describe('list parsing', () => {
  it('finds the columns by their header words, skips blank and numbered-only rows, and names the range', () => {
    const s = listSheet('specialised', [['甲公司', code(1), '省级', 2021], [null, null, null, null], ['乙公司', code(2), '省级', '2022年']]);
    const l = readListSheet(s, listDef('specialised'));
    expect(l.entries.map((e) => [e.name, e.code, e.level, e.year])).toEqual([
      ['甲公司', code(1), '省级', 2021],
      ['乙公司', code(2), '省级', 2022],
    ]);
    expect(l.range).toBe('专精特新中小企业!B3:E5');
    expect(l.problems).toEqual([]);
  });
  it('reads reordered columns and English headers', () => {
    const s = listSheet('high-tech', [[code(7), 2020, '国家级', 'A Co.']], ['No.', 'Unified social credit code', 'Year recognised', 'Level', 'Enterprise name']);
    const l = readListSheet(s, listDef('high-tech'));
    expect(l.entries[0]).toMatchObject({ name: 'A Co.', code: code(7), level: '国家级', year: 2020, codeValid: true });
  });
  it('reports blank fields, a malformed code, a duplicated code and an unknown level', () => {
    const s = listSheet('specialised', [
      ['甲公司', code(1), '省级', 2021],
      ['乙公司', '91330781MA2000010X', '省级', 2021],
      ['丙公司', code(1), '国家级', 2021],
      ['丁公司', null, null, 'abc'],
      [null, code(9), '省级', 2020],
    ]);
    const l = readListSheet(s, listDef('specialised'));
    expect(l.problems.map((p) => [p.code, p.status, p.cell])).toEqual([
      ['credit-code-invalid', 'invalid', '专精特新中小企业!C4'],
      ['list-duplicate-code', 'invalid', '专精特新中小企业!C5'],
      ['list-level-unknown', 'warn', '专精特新中小企业!D5'],
      ['credit-code-missing', 'missing', '专精特新中小企业!C6'],
      ['list-level-missing', 'missing', '专精特新中小企业!D6'],
      ['list-year-invalid', 'invalid', '专精特新中小企业!E6'],
      ['list-name-missing', 'missing', '专精特新中小企业!B7'],
    ]);
    expect(l.problems[1]!.params).toMatchObject({ firstCell: '专精特新中小企业!C3' });
    // Distinct entries: 甲/丙 share a code; 乙 and 丁 count by name; the unnamed row by its code.
    expect(l.distinct).toBe(4);
  });
});

describe('checks against the lists', () => {
  it('the passing application with consistent lists passes every list check', () => {
    const { review, report } = reviewWith(passingLists());
    expect(review.verdict).toBe('passed');
    for (const id of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9']) expect(report.findings.filter((f) => f.check === id).map((f) => f.status), id).toEqual(['pass']);
    expect(report.findings.find((f) => f.check === 'L9')!.code).toBe('list-dedup-matches');
  });
  it('a count that differs from its list is invalid, naming the count cell and the list range', () => {
    const lists = passingLists();
    lists[2] = listSheet('little-giants', pool(54, 55, '国家级'));
    const { review, report } = reviewWith(lists);
    const f = report.findings.find((x) => x.check === 'L3')!;
    expect([f.code, f.status, f.indicator]).toEqual(['list-count-differs', 'invalid', '2.2']);
    expect(f.cells).toEqual(['指标表!F41']);
    expect(f.params).toMatchObject({ stated: 3, distinct: 2, range: '专精特新小巨人企业!B3:E4' });
    expect(f.messages['zh-CN']).toBe('主导产业专精特新“小巨人”企业数填报为3家（指标表!F41），但“专精特新小巨人企业”名单（专精特新小巨人企业!B3:E4）列出2家，数量不一致');
    expect(review.verdict).toBe('incomplete');
  });
  it('2.6 is compared with the lists de-duplicated by credit code', () => {
    const { report } = reviewWith(passingLists(), { ...passingValues(), '2.6': 60 });
    const f = report.findings.find((x) => x.check === 'L9')!;
    expect([f.code, f.status]).toEqual(['list-dedup-differs', 'invalid']);
    expect(f.params).toMatchObject({ stated: 60, computed: 52, sum: 75 });
    // 2.6 left blank: the lists give the figure, as a warning for the experts.
    const blank = { ...passingValues() };
    delete blank['2.6'];
    const g = reviewWith(passingLists(), blank).report.findings.find((x) => x.check === 'L9')!;
    expect([g.code, g.status, g.params.computed]).toEqual(['list-dedup-not-stated', 'warn', 52]);
  });
  it('a malformed credit code is invalid, with the expected check character in words', () => {
    const lists = passingLists();
    lists[1] = listSheet('champions', [['示例公司', '91350100M000100Y44', '国家级', 2022]]);
    const { report } = reviewWith(lists);
    const f = report.findings.find((x) => x.code === 'credit-code-invalid')!;
    expect([f.check, f.status, f.cells]).toEqual(['L2', 'invalid', ['制造业单项冠军企业!C3']]);
    expect(f.messages['zh-CN']).toContain('第18位应为“3”');
  });
  it('a duplicated credit code in a list is a finding, and the count compares with distinct entries', () => {
    const lists = passingLists();
    lists[3] = listSheet('specialised', [...pool(1, 18, '省级'), ['重复公司', code(5), '省级', 2022]]);
    const { report } = reviewWith(lists);
    expect(report.findings.filter((x) => x.check === 'L4').map((x) => [x.code, x.status])).toEqual([
      ['list-duplicate-code', 'invalid'],
      ['list-count-matches', 'pass'],
    ]);
  });
  it('an old template (no list sheets) is still read: the list checks are missing, nothing fails', () => {
    const { review, report } = reviewWith([]);
    const list = report.findings.filter((x) => x.check?.startsWith('L'));
    expect(new Set(list.map((x) => x.status))).toEqual(new Set(['missing']));
    expect(list.map((x) => x.code).sort()).toEqual([...Array(8).fill('list-sheet-missing'), 'list-dedup-unverifiable'].sort());
    expect(review.verdict).toBe('incomplete');
    expect(report.findings.some((x) => x.status === 'fail')).toBe(false);
  });
  it('a lone indicator sheet (no lists read) runs no list check', () => {
    const report = reviewToReport(buildSnapshot(rb, passingValues()), rb);
    expect(report.findings.some((x) => x.check?.startsWith('L'))).toBe(false);
    expect(report.verdict).toBe('passed');
  });
});
