/** Verdict precedence: vetoed → ineligible → failed → incomplete → passed; warnings and review never change it. */
import { describe, expect, it } from 'vitest';
import { review } from '../support/review.js';

describe('verdict precedence', () => {
  it.each([
    [{ D1: '是', B8: '否', '1.1': '否', '1.2': undefined }, 'vetoed'],
    [{ B8: '否', '1.1': '否', '1.2': undefined }, 'ineligible'],
    [{ B9: '否', '1.1': '否' }, 'ineligible'],
    [{ '1.1': '否', '1.2': undefined, '5.1': '#N/A' }, 'failed'],
    [{ '1.2': undefined }, 'incomplete'],
    [{ '5.1': '#N/A' }, 'incomplete'],
    [{ D9: undefined, B8: '是' }, 'incomplete'],
    [{ '1.5': 150, '4.2': 0, '7.3': [10, 12, 9], B7: undefined, '5.1': 0.3 }, 'passed'],
    [{}, 'passed'],
  ])('%j → %s', (overrides, verdict) => {
    expect(review(overrides).verdict).toBe(verdict);
  });
  it('an invalid optional figure does not make the application incomplete, an invalid required one does', () => {
    expect(review({ '1.9': 'abc' }).verdict).toBe('passed');
    expect(review({ '2.6': 'abc' }).verdict).toBe('passed');
    expect(review({ '2.5': 'abc' }).verdict).toBe('incomplete');
  });
  it('each criterion gets an automated result', () => {
    const r = review({ '1.1': '否', '5.1': undefined, D2: '是' });
    const result = Object.fromEntries(r.criteria.map((c) => [c.id, c.result]));
    expect(result).toEqual({ E: 'pass', '1': 'fail', '2': 'pass', '3': 'pass', '4': 'pass', '5': 'incomplete', '6': 'pass', '7': 'pass', '8': 'pass', B: 'pass', D: 'veto', C: 'pass' });
    const c1 = r.criteria.find((c) => c.id === '1')!;
    expect(c1.weight).toBe(20);
    expect(c1.reasons[0]).toBe('1.1:answered-no:1.1:-');
    expect(c1.counts.review).toBe(2);
  });
});
