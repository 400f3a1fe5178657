/**
 * Hostile (issue 20, item 5): a credit code typed as a number (Excel keeps 15 significant digits, so its last
 * digits are gone) is said as such, not as a wrong check digit.
 */
import { describe, expect, it } from 'vitest';
import { readListSheet, type GridSnapshot } from '../../src/core/index.js';
import { rb } from '../support/review.js';

describe('a credit code typed as a number', () => {
  it('is problem "number", not "check-digit"', () => {
    const list = rb.data.lists!.find((l) => l.id === 'leading')!;
    const snapshot: GridSnapshot = {
      sheet: list.sheet,
      cells: [[{ value: '名单' }], ['序号', '企业名称', '统一社会信用代码', '级别', '认定年份', '备注'].map((h) => ({ value: h })), [{ value: 1 }, { value: '企业1' }, { value: 913307811234567800 }, { value: '省级' }, { value: 2022 }]],
    };
    const read = readListSheet(snapshot, list);
    const p = read.problems.find((x) => x.code === 'credit-code-invalid');
    expect(p?.params.problem).toBe('number');
  });
});
