/**
 * Rows planned from 宋体's widths (issue 21, item 1): a wrapped text gets the lines it needs, in its column or its
 * merged area; a plain text a filled neighbour would cut is wrapped; a height a builder set is never lowered.
 */
import { describe, expect, it } from 'vitest';
import { fitRows, LINE_PT, linesHeight, pageStarts, pagePrint, type SheetModel } from '../../src/core/index.js';

const model = (cells: SheetModel['cells'], extra: Partial<SheetModel> = {}): SheetModel => ({ name: 's', cells, widths: [10, 20, 10], ...extra });

describe('fitRows', () => {
  it('gives a wrapped text the lines it needs: 20 CJK characters in a 20-character column take three lines (19 units a line)', () => {
    // 20 CJK characters are 42 units; a line holds 19 units (9 characters) after the cell's padding.
    const m = fitRows(model([{ row: 0, col: 1, value: '一'.repeat(20), style: 'wrap' }]));
    expect(m.heights?.[0]).toBe(linesHeight(3));
    expect(linesHeight(3)).toBe(3 * LINE_PT(11) + 4);
  });

  it('counts Latin letters and digits as half an em', () => {
    const m = fitRows(model([{ row: 0, col: 1, value: 'a'.repeat(36), style: 'wrap' }]));
    expect(m.heights?.[0]).toBe(linesHeight(2));
  });

  it('measures a merged area over its columns, and leaves a one-line text to the default height', () => {
    const m = fitRows(model([{ row: 0, col: 0, value: '一'.repeat(18), style: 'wrap' }], { merges: [[0, 0, 0, 2]] }));
    expect(m.heights?.[0]).toBeUndefined();
  });

  it('grows the last row of a merged area over several rows only by what the rows lack', () => {
    const m = fitRows(model([{ row: 0, col: 1, value: '一'.repeat(60), style: 'wrap' }], { merges: [[0, 1, 1, 1]], heights: { 0: 40 } }));
    expect(40 + (m.heights?.[1] ?? 15)).toBe(linesHeight(7));
  });

  it('never lowers a height the builder set', () => {
    expect(fitRows(model([{ row: 0, col: 1, value: '一'.repeat(20), style: 'wrap' }], { heights: { 0: 200 } })).heights?.[0]).toBe(200);
  });

  it('wraps a plain text a filled cell to its right would cut, and leaves one with room to spill', () => {
    const cut = fitRows(model([{ row: 0, col: 0, value: '示例县精密轴承产业集群', style: 'text' }, { row: 0, col: 1, value: 'x', style: 'text' }]));
    expect(cut.cells[0]!.style).toBe('wrap');
    expect(cut.heights?.[0]).toBe(linesHeight(3));
    const spill = fitRows(model([{ row: 0, col: 0, value: '示例县精密轴承产业集群', style: 'text' }]));
    expect(spill.cells[0]!.style).toBe('text');
  });

  it('is applied by pagePrint, so every printed sheet is planned', () => {
    const m = model([{ row: 0, col: 1, value: '一'.repeat(20), style: 'wrap' }]);
    pagePrint(m, { subject: 's', lang: 'zh-CN' });
    expect(m.heights?.[0]).toBe(linesHeight(3));
  });
});

describe('pageStarts', () => {
  it('breaks before the row that would pass a page end, short of the page, the repeated rows taking their room', () => {
    // Portrait A4 with the tool's margins: 734 pt a page, laid out to 95 %: 697 pt; rows of 100 pt after a 50 pt header.
    const heights: Record<number, number> = { 0: 50 };
    for (let r = 1; r <= 20; r++) heights[r] = 100;
    const starts = pageStarts({ widths: [10, 10], heights }, 21, { landscape: false, repeatRows: [0, 0] });
    // Page 1: the header and six rows (650 pt); each later page the header again and six rows.
    expect(starts).toEqual([7, 13, 19]);
  });

  it('scales the page by the fit to the width: a sheet 1.41 times as wide as the paper holds 1.41 times the height', () => {
    const heights: Record<number, number> = {};
    for (let r = 0; r < 30; r++) heights[r] = 100;
    const narrow = pageStarts({ widths: [10], heights }, 30, { landscape: false });
    const wide = pageStarts({ widths: [144], heights }, 30, { landscape: false });
    expect(narrow[0]).toBe(6);
    // 144 characters are 760 pt on 537 pt of paper: 734 pt / 0.707 × 95 % = 986 pt, nine rows.
    expect(wide[0]).toBe(9);
  });
});
