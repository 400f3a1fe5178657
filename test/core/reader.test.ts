/** The indicator-sheet reader: rows by code, year columns from the header, addresses, missing cells. */
import { describe, expect, it } from 'vitest';
import { gridEntries, LIMITS, LimitError, readIndicatorSheet, reviewToReport, type RawCell } from '../../src/core/index.js';
import { rb, review } from '../support/review.js';
import { buildSnapshot, passingValues } from '../support/sheet.js';

/** Every input cell a reviewer must fill on a blank sheet built for `year` (the layout of test/support/sheet.ts). */
function requiredInputCells(year: number): string[] {
  const snap = buildSnapshot(rb, {}, { year });
  const cells: string[] = [];
  snap.cells.forEach((row, r) => {
    const code = row[0]?.value;
    const ind = typeof code === 'string' ? rb.indicators.get(code) : undefined;
    if (!ind || ind.derived || (!ind.required && !ind.requiredIf)) return;
    const cols = ind.series ? ['D', 'E', 'F'] : ['F'];
    for (const c of cols) cells.push(`指标表!${c}${r + 1}`);
  });
  return cells.sort();
}

describe('a blank sheet', () => {
  const r = reviewToReport(buildSnapshot(rb, {}, { year: 2025 }), rb);
  it('is incomplete, with exactly one missing finding per input cell to fill', () => {
    expect(r.verdict).toBe('incomplete');
    const missing = r.findings.filter((f) => f.status === 'missing' && f.source === 'input');
    expect(missing.every((f) => f.cells.length === 1 && f.code === 'missing-input')).toBe(true);
    expect(missing.map((f) => f.cells[0]!).sort()).toEqual(requiredInputCells(2025));
    // A check its blank inputs kept from judging is missing too (never 不适用), and names what stopped it.
    const notEvaluated = r.findings.filter((f) => f.code === 'not-evaluated');
    expect(notEvaluated.length).toBeGreaterThan(0);
    expect(new Set(notEvaluated.map((f) => f.status))).toEqual(new Set(['missing']));
    // 不适用 only where a check's condition does not hold: 2.6 is checked only when the optional total is given.
    expect(r.findings.filter((f) => f.status === 'na').map((f) => [f.check, f.code, f.params.reason])).toEqual([['2.6', 'not-applicable', 'blank-optional']]);
  });
  it('never passes anything', () => {
    expect(r.counts.pass).toBe(0);
    expect(r.findings.filter((f) => ['pass', 'fail', 'veto', 'review'].includes(f.status))).toEqual([]);
  });
  it('takes the data years from the header when 申报年度 is blank', () => {
    expect(r.cluster.dataYears).toEqual([2022, 2023, 2024]);
    const out = r.findings.filter((f) => f.indicator === '1.6').map((f) => f.year);
    expect(out).toEqual([2022, 2023, 2024]);
  });
});

describe('finding rows by code', () => {
  it('survives reordered rows and inserted unknown rows', () => {
    const base = review();
    const shuffled = review({}, {
      reorder: (rows) => [...rows].reverse(),
      extraRows: [
        { after: 3, cells: ['X1', '本省自设指标', '个', 1, 2, 3] },
        { after: 20, cells: ['', '（以下为补充说明）'] },
        { after: 40, cells: ['1.6备注', 'note', '', 'abc'] },
      ],
    });
    expect(shuffled.verdict).toBe(base.verdict);
    const strip = (r: typeof base) => r.findings.map((f) => [f.key, f.status]);
    expect(strip(shuffled)).toEqual(strip(base));
  });
  it('accepts codes Excel turned into numbers, lower case and full width', () => {
    const snap = buildSnapshot(rb, passingValues());
    const rows = snap.cells as RawCell[][];
    for (const row of rows) {
      const c = row[0]?.value;
      if (c === '1.6') row[0] = { value: 1.6 };
      if (c === 'D3') row[0] = { value: 'd3' };
      if (c === 'B6') row[0] = { value: 'Ｂ６' };
    }
    const r = reviewToReport(snap, rb);
    expect(r.verdict).toBe('passed');
  });
  it('reports a duplicated code and checks the first row', () => {
    const r = review({}, { extraRows: [{ after: 999, cells: ['D1', '重复', '', null, null, '是'] }] });
    const dup = r.findings.find((f) => f.code === 'duplicate-indicator-row')!;
    expect(dup.status).toBe('warn');
    expect(r.verdict).toBe('passed');
  });
  it('a required row that is not on the sheet is missing; an optional one is not', () => {
    const r = review({}, { omit: ['1.2', 'B7'] });
    const f = r.findings.filter((x) => x.code === 'indicator-row-missing');
    expect(f.map((x) => [x.indicator, x.status, x.check])).toEqual([['1.2', 'missing', '1.2']]);
    expect(r.verdict).toBe('incomplete');
  });
  it('a sheet without indicator codes says so and checks nothing', () => {
    const r = reviewToReport({ sheet: 'Sheet1', cells: [[{ value: '名称' }, { value: '数值' }], [{ value: 'a' }, { value: 1 }]] }, rb);
    expect(r.findings.map((f) => [f.code, f.status])).toEqual([['no-indicator-rows', 'invalid']]);
    expect(r.verdict).toBe('incomplete');
  });
});

describe('year columns', () => {
  it.each([[['2022', '2023', '2024']], [[2022, 2023, 2024]], [['2022年度', '2023年度', '2024年度']], [['２０２２年', '2023 年', '2024年']]])(
    'header %j is understood',
    (headerYears) => {
      expect(review({}, { headerYears }).verdict).toBe('passed');
    },
  );
  it('a header that does not match 申报年度 is invalid and blocks series checks', () => {
    const r = review({ B6: 2026 });
    const f = r.findings.find((x) => x.code === 'year-columns-mismatch')!;
    expect(f.status).toBe('invalid');
    expect(f.params).toMatchObject({ expected: [2023, 2024, 2025], applicationYear: 2026 });
    expect(f.cells).toEqual(['指标表!D2', '指标表!E2', '指标表!F2']);
    expect(r.verdict).toBe('incomplete');
    expect(r.findings.find((x) => x.check === '1.9')!.code).toBe('not-evaluated');
  });
  it('no year header and no application year: the sheet says which years it needs', () => {
    const r = review({ B6: undefined }, { headerYears: ['近三年', '', ''] });
    expect(r.findings.some((f) => f.code === 'year-columns-not-found' && f.status === 'invalid')).toBe(true);
    expect(r.verdict).toBe('incomplete');
  });
});

describe('addresses', () => {
  it('are sheet-qualified A1 with Excel’s row numbers, honouring the used range origin', () => {
    const snap = buildSnapshot(rb, { ...passingValues(), '1.6': [120, 39, 152] }, { origin: { row: 2, col: 1 } });
    const r = reviewToReport(snap, rb);
    const f = r.findings.find((x) => x.check === '1.6' && x.status === 'fail')!;
    // Row 20 of the grid, shifted down 2 and right 1: F19.
    expect(f.cells).toEqual(['指标表!F37']);
  });
  it('quote sheet names that need it', () => {
    const r = review({ '1.1': '否' }, { sheet: "Cluster's sheet" });
    expect(r.findings.find((x) => x.check === '1.1')!.cells[0]).toBe("'Cluster''s sheet'!F30");
  });
});

describe('single values', () => {
  /** The passing sheet with one row's cells moved: `cols` maps a year column (3, 4, 5) to its new content. */
  const moved = (code: string, cols: Record<number, RawCell | null>) => {
    const snap = buildSnapshot(rb, passingValues());
    const row = (snap.cells as Array<Array<RawCell | null>>).find((r) => r[0]?.value === code)!;
    for (const [c, v] of Object.entries(cols)) row[Number(c)] = v;
    return snap;
  };
  it('a latest-year figure typed in another year column is not used: missing where it belongs, invalid where it is', () => {
    const snap = moved('3.2', { 3: { value: 4 }, 5: null });
    expect(readIndicatorSheet(snap, rb).indicators.get('3.2')!.single).toMatchObject({ state: 'blank', cell: '指标表!F48' });
    const r = reviewToReport(snap, rb);
    const f = r.findings.filter((x) => x.indicator === '3.2');
    expect(f.map((x) => [x.code, x.status, x.cells])).toEqual([
      ['missing-input', 'missing', ['指标表!F48']],
      ['value-in-other-year', 'invalid', ['指标表!D48']],
    ]);
    expect(f[1]!.params).toEqual({ found: '4', latestCell: '指标表!F48', latestYear: 2024 });
    expect(r.verdict).toBe('incomplete');
  });
  it('a second figure beside the latest one is a warning, and the latest one is used', () => {
    const r = reviewToReport(moved('5.1', { 4: { value: 0.05, numberFormat: '0%' } }), rb);
    expect(r.findings.filter((x) => x.indicator === '5.1').map((x) => [x.code, x.status])).toEqual([
      ['value-in-other-year', 'warn'],
      ['meets-bound', 'pass'],
    ]);
    expect(r.verdict).toBe('passed');
  });
  it('text and 是/否 answers may sit in any year column (a merged cell keeps its value in its first column)', () => {
    const inputs = readIndicatorSheet(moved('1.1', { 3: { value: '是' }, 5: null }), rb);
    expect(inputs.indicators.get('1.1')!.single).toMatchObject({ state: 'ok', value: true, cell: '指标表!D30' });
    expect(inputs.findings).toEqual([]);
  });
});

describe('sparse reading: only the cells that hold content count (issue #9)', () => {
  const grid = () => buildSnapshot(rb, { ...passingValues(), '1.1': '否' });
  const sparse = (extra: Array<{ row: number; col: number; cell: RawCell }> = []) => ({ sheet: grid().sheet, entries: [...gridEntries(grid().cells), ...extra] });

  it('the sparse form and the grid give the same report, findings and cells', () => {
    expect(reviewToReport(sparse(), rb)).toEqual(reviewToReport(grid(), rb));
  });

  it('entries in any order are read as in row order', () => {
    const shuffled = { ...sparse(), entries: [...sparse().entries].reverse() };
    expect(reviewToReport(shuffled, rb)).toEqual(reviewToReport(grid(), rb));
  });

  it('a cell in XFD1048576 changes nothing and costs one entry (a grid of it would be 17 billion cells)', () => {
    // A reader that walked the extent would not finish within the test's time limit; speed itself is the bench's.
    const far = sparse([{ row: 1048575, col: 16383, cell: { value: 'x' } }]);
    expect(reviewToReport(far, rb)).toEqual(reviewToReport(grid(), rb));
  });

  it('a code in a far column is still found; the leftmost column wins a tie', () => {
    const moved = gridEntries(grid().cells.map((row) => [null, null, null, ...row]), { row: 0, col: 16000 });
    // The same codes again in a column further right: as many codes, so the leftmost column is the code column.
    const copy = moved.filter((e) => e.col === 16003).map((e) => ({ ...e, col: 16010 }));
    const a = readIndicatorSheet({ sheet: '指标表', entries: [...moved, ...copy] }, rb);
    expect(a.layout?.codeCol).toBe(16003);
    expect(a.indicators.get('1.6')!.years.get(2024)!.col).toBe(16008);
  });

  it('more cells, rows or findings than LIMITS: a LimitError naming the limit and the count', () => {
    const many = (n: number, perRow: number) =>
      Array.from({ length: n }, (_x, i) => ({ row: 200 + Math.floor(i / perRow), col: 10 + (i % perRow), cell: { value: 'junk' } as RawCell }));
    const limitOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof LimitError ? [e.what, e.limit, e.actual] : e;
      }
      return null;
    };
    const base = sparse().entries.length;
    expect(limitOf(() => readIndicatorSheet(sparse(many(LIMITS.cells - base + 1, 10)), rb))).toEqual(['cells', LIMITS.cells, LIMITS.cells + 1]);
    const rowsBefore = new Set(sparse().entries.map((e) => e.row)).size;
    expect(limitOf(() => readIndicatorSheet(sparse(many(LIMITS.rows - rowsBefore + 1, 1)), rb))).toEqual(['rows', LIMITS.rows, LIMITS.rows + 1]);
    const dups = Array.from({ length: LIMITS.findings + 5 }, (_x, i) => ({ row: 200 + i, col: 0, cell: { value: '1.1' } as RawCell }));
    expect(limitOf(() => readIndicatorSheet(sparse(dups), rb))).toEqual(['findings', LIMITS.findings, LIMITS.findings + 5]);
    // Up to the limit, every repeated row is reported.
    const some = readIndicatorSheet(sparse(dups.slice(0, 900)), rb);
    expect(some.findings.filter((f) => f.code === 'duplicate-indicator-row')).toHaveLength(900);
  });
});
