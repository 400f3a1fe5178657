/** Every input rule of the catalogue, good and bad input, at the level of one cell. */
import { describe, expect, it } from 'vitest';
import { parseCell, type Indicator, type RawCell } from '../../src/core/index.js';
import { rb } from '../support/review.js';

const ind = (code: string): Indicator => rb.indicators.get(code)!;
const parse = (code: string, cell: RawCell | null) => parseCell(cell, ind(code));
const v = (value: RawCell['value'], numberFormat?: string): RawCell => ({ value, ...(numberFormat ? { numberFormat } : {}) });

describe('yes/no', () => {
  it.each(['是', '有', 'Y', 'y', 'Yes', 'YES', 'TRUE', 'true', '√', ' 是 ', 'Ｙ'])('%j → yes', (t) => {
    expect(parse('1.1', v(t))).toMatchObject({ kind: 'ok', value: true });
  });
  it.each(['否', '无', 'N', 'no', 'No', 'FALSE', '×'])('%j → no', (t) => {
    expect(parse('1.1', v(t))).toMatchObject({ kind: 'ok', value: false });
  });
  it('Excel booleans', () => {
    expect(parse('D1', v(true))).toMatchObject({ kind: 'ok', value: true });
    expect(parse('D1', v(false))).toMatchObject({ kind: 'ok', value: false });
  });
  it.each(['不是', '1', '0', 'ok', '是的吧', '?', '是/否'])('%j → invalid-yesno', (t) => {
    expect(parse('1.1', v(t))).toMatchObject({ kind: 'invalid', code: 'invalid-yesno' });
  });
  it('numbers are not yes/no', () => {
    expect(parse('D1', v(1))).toMatchObject({ kind: 'invalid', code: 'invalid-yesno' });
  });
});

describe('blanks', () => {
  it.each([null, v(null), v(''), v('   '), v('\u3000')])('%j is blank, never a value', (c) => {
    expect(parse('1.6', c).kind).toBe('blank');
    expect(parse('D1', c).kind).toBe('blank');
    expect(parse('B1', c).kind).toBe('blank');
  });
  it('a formula without a cached result is invalid, not blank', () => {
    expect(parse('1.9', { value: null, formula: '=(F17/D17)^(1/2)-1' })).toMatchObject({ kind: 'invalid', code: 'formula-not-calculated' });
  });
});

describe('numbers', () => {
  it.each([
    [45, 45],
    ['45', 45],
    ['1,234.5', 1234.5],
    ['１２３４．５', 1234.5],
    ['１,２３４', 1234],
    ['45亿元', 45],
    ['45 亿元', 45],
    ['45亿', 45],
    ['.5', 0.5],
    [0, 0],
  ])('%j in an 亿元 row → %s', (raw, expected) => {
    expect(parse('1.6', v(raw))).toMatchObject({ kind: 'ok', value: expected, notes: [] });
  });
  it('another unit of the same family converts with a warning naming the conversion', () => {
    const r = parse('1.6', v('4500万元'));
    expect(r).toMatchObject({ kind: 'ok', value: 0.45 });
    expect(r.kind === 'ok' && r.notes.map((n) => n.code)).toEqual(['unit-converted']);
    expect(r.kind === 'ok' && r.notes[0]!.params).toMatchObject({ from: '万元', to: '亿元' });
    expect(parse('4.1', v('2.5亿元'))).toMatchObject({ kind: 'ok', value: 25000 });
    expect(parse('1.5', v('1500亩'))).toMatchObject({ kind: 'ok', value: 1 });
  });
  it('a unit of another family is a unit mismatch', () => {
    expect(parse('1.6', v('45吨'))).toMatchObject({ kind: 'invalid', code: 'unit-mismatch' });
    expect(parse('1.6', v('45%'))).toMatchObject({ kind: 'invalid', code: 'unit-mismatch' });
    expect(parse('2.3', v('5个'))).toMatchObject({ kind: 'invalid', code: 'unit-mismatch' });
  });
  it.each(['abc', '约45', '四十五', '45-50', '1e3', 'N/A'])('%j is not a number', (t) => {
    expect(parse('1.6', v(t))).toMatchObject({ kind: 'invalid', code: 'not-a-number' });
  });
  it.each([-1, '-3', '－3', -0.01])('%j is negative → invalid', (raw) => {
    expect(parse('1.6', v(raw))).toMatchObject({ kind: 'invalid', code: 'negative-value' });
  });
  it.each(['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'])('Excel error %s → invalid, naming it', (e) => {
    expect(parse('1.6', v(e))).toMatchObject({ kind: 'invalid', code: 'excel-error', params: { error: e } });
    expect(parse('1.6', { value: { error: e } })).toMatchObject({ kind: 'invalid', code: 'excel-error', params: { error: e } });
    expect(parse('D1', v(e))).toMatchObject({ kind: 'invalid', code: 'excel-error' });
    expect(parse('B1', v(e))).toMatchObject({ kind: 'invalid', code: 'excel-error' });
  });
});

describe('integers', () => {
  it.each([[3, 3], ['3', 3], ['3家', 3], ['1,200人', 1200], ['1.2万人', 12000], [3.0, 3]])('%j → %s', (raw, expected) => {
    const code = typeof raw === 'string' && raw.includes('人') ? '4.5' : '2.3';
    expect(parse(code, v(raw))).toMatchObject({ kind: 'ok', value: expected });
  });
  it.each([2.5, '2.5', 0.1])('%j with a fraction → not-integer', (raw) => {
    expect(parse('2.3', v(raw))).toMatchObject({ kind: 'invalid', code: 'not-integer' });
  });
  it('the application year must lie in 2022–2100', () => {
    expect(parse('B6', v(2025))).toMatchObject({ kind: 'ok', value: 2025 });
    expect(parse('B6', v('2025年'))).toMatchObject({ kind: 'ok', value: 2025 });
    expect(parse('B6', v(2021))).toMatchObject({ kind: 'invalid', code: 'out-of-range' });
    expect(parse('B6', v(2101))).toMatchObject({ kind: 'invalid', code: 'out-of-range' });
    expect(parse('B6', v(2025.5))).toMatchObject({ kind: 'invalid', code: 'not-integer' });
  });
});

describe('percent in its three forms', () => {
  it('a percent-formatted cell holds a fraction', () => {
    expect(parse('5.1', v(0.75, '0%'))).toMatchObject({ kind: 'ok', value: 0.75, notes: [] });
    expect(parse('5.1', v(0.155, '0.0%'))).toMatchObject({ kind: 'ok', value: 0.155, notes: [] });
  });
  it('text with % is percentage points', () => {
    expect(parse('5.1', v('75%'))).toMatchObject({ kind: 'ok', value: 0.75, notes: [] });
    expect(parse('5.1', v('７５％'))).toMatchObject({ kind: 'ok', value: 0.75, notes: [] });
    expect(parse('5.1', v('15.5 %'))).toMatchObject({ kind: 'ok', value: 0.155 });
  });
  it('a bare number > 1 is read as points, ≤ 1 as a fraction, each with a warning', () => {
    const a = parse('5.1', v(75));
    expect(a).toMatchObject({ kind: 'ok', value: 0.75 });
    expect(a.kind === 'ok' && a.notes.map((n) => n.code)).toEqual(['ambiguous-percent']);
    const b = parse('5.1', v(0.75));
    expect(b).toMatchObject({ kind: 'ok', value: 0.75 });
    expect(b.kind === 'ok' && b.notes.map((n) => n.code)).toEqual(['ambiguous-percent']);
    const c = parse('5.1', v('75'));
    expect(c.kind === 'ok' && c.notes.map((n) => n.code)).toEqual(['ambiguous-percent']);
    const d = parse('5.1', v(1, 'General'));
    expect(d).toMatchObject({ kind: 'ok', value: 1 });
  });
  it('a quoted % in a number format is literal text, not percent scaling', () => {
    const r = parse('5.1', v(0.5, '0.00"%"'));
    expect(r.kind === 'ok' && r.notes.map((n) => n.code)).toEqual(['ambiguous-percent']);
  });
  it('above 100% is invalid; 100% is fine', () => {
    expect(parse('8.3', v(1.2, '0%'))).toMatchObject({ kind: 'invalid', code: 'percent-above-100' });
    expect(parse('8.3', v('120%'))).toMatchObject({ kind: 'invalid', code: 'percent-above-100' });
    expect(parse('8.3', v(120))).toMatchObject({ kind: 'invalid', code: 'percent-above-100' });
    expect(parse('8.3', v('100%'))).toMatchObject({ kind: 'ok', value: 1 });
  });
  it('negative percentages and other units are invalid', () => {
    expect(parse('5.1', v('-5%'))).toMatchObject({ kind: 'invalid', code: 'negative-value' });
    expect(parse('5.1', v(-0.05, '0%'))).toMatchObject({ kind: 'invalid', code: 'negative-value' });
    expect(parse('5.1', v('5亿元'))).toMatchObject({ kind: 'invalid', code: 'unit-mismatch' });
  });
});

describe('text', () => {
  it('any non-empty text; numbers are kept as text', () => {
    expect(parse('B1', v('=HYPERLINK("x")'))).toMatchObject({ kind: 'ok', value: '=HYPERLINK("x")' });
    expect(parse('B5', v(12))).toMatchObject({ kind: 'ok', value: '12' });
  });
});

describe('a number no spreadsheet can hold', () => {
  // A hostile `<v>1e999</v>` reads as Infinity: said out of range, never “Infinity … not understood”.
  it.each([Infinity, -Infinity])('%s in a number or percent cell is out of range', (x) => {
    expect(parse('1.6', v(x))).toMatchObject({ kind: 'invalid', code: 'number-out-of-range' });
    expect(parse('5.1', v(x))).toMatchObject({ kind: 'invalid', code: 'number-out-of-range' });
  });
  it('NaN is not a number', () => {
    expect(parse('1.6', v(NaN))).toMatchObject({ kind: 'invalid', code: 'not-a-number' });
  });
});
