/**
 * Chart models planned in the core (issue 22): placed below a sheet's last row within its printed page and kept on
 * one page by the print plan, whatever the sheet's length; the committee list's series per recommendation and its
 * quota line in the list's own gap; the nearest thresholds by the margin to the bound, in the bound's direction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartRows, lastRowOf, nearestThresholds, pagePrint, placeBelow, printFrame, renameSheetModel, type RollupEntry, type SheetModel } from '../../src/core/index.js';

const sheet = (rows: number, widths: number[]): SheetModel => ({
  name: 'S',
  cells: Array.from({ length: rows }, (_x, r) => ({ row: r, col: 0, value: `r${r}` })),
  widths,
});

describe('placing a chart below a sheet', () => {
  it('below the last row with one blank row, within the printed width, its rows kept on one page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.integer({ min: 4, max: 60 }), { minLength: 1, maxLength: 20 }), fc.double({ min: 0.3, max: 0.7, noNaN: true }), (rows, widths, aspect) => {
        const m = sheet(rows, widths);
        const [p] = placeBelow(m, { shares: [1], aspect });
        m.charts = [{ name: 'x', title: '', xTitle: '', yTitle: '', categories: { sheet: 'S', r1: 0, c1: 0, r2: 0, c2: 0 }, series: [], alt: '', ...p! }];
        expect(p!.at.row).toBe(rows + 1);
        const frame = printFrame(m, {});
        // Printed, the chart is no wider than the page and at most about half as tall.
        expect(p!.width * frame.scale).toBeLessThanOrEqual(frame.page.width + 0.01);
        expect(p!.height * frame.scale).toBeLessThanOrEqual(frame.page.height * 0.56);
        const [first, last] = chartRows(m)[0]!;
        expect(lastRowOf(m)).toBe(last);
        // The rows it stands on are as tall as the chart (the page plan sees it exactly).
        let h = 0;
        for (let r = first; r <= last; r++) h += m.heights![r]!;
        expect(h).toBeGreaterThanOrEqual(p!.height);
        // No page break falls inside the chart's rows.
        const breaks = pagePrint(m, { subject: 'S', lang: 'zh-CN' }).rowBreaks ?? [];
        expect(breaks.filter((b) => b > first - 1 && b <= last)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('side by side charts share the width, the second starting where the first ends', () => {
    const m = sheet(10, [20, 20, 20, 20, 20]);
    const [a, b] = placeBelow(m, { shares: [0.6, 0.4], aspect: 0.4 });
    expect(a!.at.col).toBe(0);
    expect(b!.at.col).toBeGreaterThan(0);
    expect(a!.width / b!.width).toBeCloseTo(1.5, 5);
  });

  it('a renamed sheet takes its charts’ ranges along (a summary named 评审汇总(2))', () => {
    const m = sheet(3, [10]);
    m.charts = [{ name: 'x', title: '', xTitle: '', yTitle: '', categories: { sheet: 'S', r1: 0, c1: 0, r2: 2, c2: 0 }, series: [{ name: 'a', type: 'bar', colour: '#000000', values: { sheet: 'S', r1: 0, c1: 1, r2: 2, c2: 1 } }], alt: '', at: { row: 5, col: 0, dx: 0, dy: 0 }, width: 100, height: 100 }];
    renameSheetModel(m, '评审汇总(2)');
    expect(m.charts![0]!.categories.sheet).toBe('评审汇总(2)');
    expect(m.charts![0]!.series[0]!.values.sheet).toBe('评审汇总(2)');
  });
});

describe('the indicators nearest their thresholds', () => {
  const finding = (indicator: string, value: number, op: string, bound: number) => ({ key: indicator, code: 'meets-bound', status: 'pass', source: 'check', indicator, cells: [], params: { value, op, bound }, messages: { 'zh-CN': '', 'en-US': '' } });
  const entry = (name: string, findings: unknown[]): RollupEntry => ({ file: `${name}.xlsx`, report: { cluster: { name }, findings } as unknown as RollupEntry['report'] });

  it('by the margin to the bound in its direction (a maximum counts down), nearest first; one per application and indicator', () => {
    const near = nearestThresholds([
      entry('甲', [finding('1.6', 44, '>=', 40), finding('1.6', 41, '>=', 40), finding('1.5', 95, '<=', 100)]),
      entry('乙', [finding('1.7', 0.65, '>=', 0.7), finding('2.1', 0, '>=', 0)]),
    ]);
    expect(near.map((x) => [x.cluster, x.indicator, Math.round(x.margin * 1000) / 1000])).toEqual([
      ['甲', '1.6', 0.025],
      ['甲', '1.5', 0.05],
      ['乙', '1.7', -0.071],
    ]);
  });
});
