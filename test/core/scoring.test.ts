/** Committee figures: mean, median, spread, 待讨论, conflicts, out-of-range scores, the recommendation rule. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committeeFigures, median, type ExpertScores } from '../../src/core/index.js';
import { loadRulebook } from '../../src/core/rulebook/load.js';
import { meanOfTwo } from '../support/rulebooks.js';

// The figures' mechanics under a province's plain-mean rule with two experts counted (the defaults: committee-defaults).
const rb = loadRulebook(meanOfTwo(), 'mean-of-two');

const full = (name: string, s: number[], conflicted = false): ExpertScores => ({
  name,
  conflicted,
  scores: Object.fromEntries(s.map((v, i) => [String(i + 1), v])),
});

describe('committee figures', () => {
  it('mean, median and spread per criterion and in total', () => {
    const r = committeeFigures(rb, [full('张三', [16, 12, 8, 12, 8, 8, 8, 8]), full('李四', [18, 13, 9, 12, 7, 8, 8, 9]), full('王五', [14, 11, 8, 10, 8, 7, 6, 8])], 'passed');
    const c1 = r.criteria[0]!;
    expect(c1).toMatchObject({ id: '1', weight: 20, n: 3, mean: 16, median: 16, min: 14, max: 18, spread: 4, toDiscuss: false });
    expect(r.totals.map((t) => t.total)).toEqual([80, 84, 72]);
    expect(r.total).toMatchObject({ weight: 100, n: 3, mean: 78.666667, median: 80, spread: 12, toDiscuss: false });
    expect(r.recommendation).toBe('recommended');
  });
  it('to discuss: spread above 30% of the weight; exactly 30% is not above', () => {
    // criterion 1 weight 20: limit 6.
    const at = committeeFigures(rb, [full('a', [10, 0, 0, 0, 0, 0, 0, 0]), full('b', [16, 0, 0, 0, 0, 0, 0, 0])], 'passed');
    expect(at.criteria[0]).toMatchObject({ spread: 6, toDiscuss: false });
    const above = committeeFigures(rb, [full('a', [10, 0, 0, 0, 0, 0, 0, 0]), full('b', [16.5, 0, 0, 0, 0, 0, 0, 0])], 'passed');
    expect(above.criteria[0]).toMatchObject({ spread: 6.5, toDiscuss: true });
    // criterion 3 weight 10: limit 3.
    const c3 = committeeFigures(rb, [full('a', [0, 0, 2, 0, 0, 0, 0, 0]), full('b', [0, 0, 5.5, 0, 0, 0, 0, 0])], 'passed');
    expect(c3.criteria[2]!.toDiscuss).toBe(true);
  });
  it('conflicted experts are excluded from every figure', () => {
    const r = committeeFigures(rb, [full('a', [20, 15, 10, 15, 10, 10, 10, 10]), full('b', [0, 0, 0, 0, 0, 0, 0, 0], true)], 'passed');
    expect(r.criteria[0]).toMatchObject({ n: 1, mean: 20, spread: 0 });
    expect(r.totals).toEqual([
      { expert: 'a', conflicted: false, total: 100 },
      { expert: 'b', conflicted: true, total: null },
    ]);
    expect(r.total).toMatchObject({ n: 1, mean: 100 });
  });
  it('blank scores are skipped; an expert with a blank has no total', () => {
    const e: ExpertScores = { name: 'a', scores: { '1': 15, '2': null, '3': '' } };
    const r = committeeFigures(rb, [e, full('b', [17, 12, 8, 12, 8, 8, 8, 8])], 'passed');
    expect(r.criteria[0]).toMatchObject({ n: 2, mean: 16 });
    expect(r.criteria[1]).toMatchObject({ n: 1, mean: 12 });
    expect(r.totals[0]!.total).toBeNull();
    expect(r.total.n).toBe(1);
  });
  it('scores outside 0..weight are reported and not counted (neither clamped nor used), as the formulas and the tally do', () => {
    const r = committeeFigures(rb, [full('a', [25, -1, 8, 12, 8, 8, 8, 8]), { name: 'b', scores: { '1': '十五' } }], 'passed');
    expect(r.problems).toEqual([
      { code: 'score-out-of-range', expert: 'a', criterion: '1', value: 25, min: 0, max: 20 },
      { code: 'score-out-of-range', expert: 'a', criterion: '2', value: -1, min: 0, max: 15 },
      { code: 'score-not-a-number', expert: 'b', criterion: '1', value: '十五', min: 0, max: 20 },
    ]);
    expect(r.criteria[0]!.n).toBe(0);
    expect(r.criteria[0]!.mean).toBeNull();
    expect(r.criteria[2]!.mean).toBe(8);
    // 0 and the weight itself count: the bounds are inclusive.
    const edge = committeeFigures(rb, [full('a', [20, 0, 8, 12, 8, 8, 8, 8])], 'passed');
    expect(edge.problems).toEqual([]);
    expect(edge.totals[0]!.total).toBe(72);
    // One out-of-range score leaves the expert without a total, as a blank does.
    expect(r.totals.find((t) => t.expert === 'a')!.total).toBeNull();
  });
  it('recommendation rule: verdict passed and mean total ≥ 60, with at least the rulebook\'s minimum of experts (2)', () => {
    const at60 = [full('a', [12, 9, 6, 9, 6, 6, 6, 6]), full('b', [12, 9, 6, 9, 6, 6, 6, 6])];
    expect(committeeFigures(rb, at60, 'passed').recommendation).toBe('recommended');
    expect(committeeFigures(rb, [at60[0]!, full('b', [12, 9, 6, 9, 6, 6, 6, 5.8])], 'passed').recommendation).toBe('not-recommended');
    expect(committeeFigures(rb, at60, 'failed').recommendation).toBe('not-recommended');
    expect(committeeFigures(rb, [], 'passed').recommendation).toBe('pending');
    // One complete total of the two the national rulebook asks for: pending, as the tally says.
    expect(committeeFigures(rb, [at60[0]!, full('b', [12, 9, 6, 9, 6, 6, 6])], 'passed')).toMatchObject({ recommendation: 'pending', score: 60 });
  });
  it.each([
    ['mean', {}, 65.5, 'recommended'],
    ['trimmed-mean (4 totals ≥ minimum 4: 45 and 100 dropped)', { combine: 'trimmed-mean', trimmedMinimum: 4 }, 58.5, 'not-recommended'],
    ['trimmed-mean (4 totals < minimum 5: the mean)', { combine: 'trimmed-mean', trimmedMinimum: 5 }, 65.5, 'recommended'],
    ['median', { combine: 'median' }, 58.5, 'not-recommended'],
    ['median, minimum 5 experts', { combine: 'median', minimumExperts: 5 }, 58.5, 'pending'],
  ] as const)('the committee score by the rulebook\'s rule: %s', (_name, scoring, score, rec) => {
    const book = loadRulebook({ ...rb.source, scoring: { ...rb.source.scoring, ...scoring } }, 'test');
    const totals = [100, 45, 58, 59];
    // Each total spread over the national weights (20, 15, 10, 15, 10, 10, 10, 10), filling them in order.
    const spread = (total: number) => [20, 15, 10, 15, 10, 10, 10, 10].map((w) => {
      const v = Math.min(w, total);
      total -= v;
      return v;
    });
    const experts = totals.map((x, i) => full(`e${i}`, spread(x)));
    const r = committeeFigures(book, experts, 'passed');
    expect(r.totals.map((x) => x.total)).toEqual(totals);
    expect(r.score).toBeCloseTo(score, 9);
    expect(r.recommendation).toBe(rec);
  });
  it('median of even and odd counts; figures are order-independent', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 9 }), (xs) => {
        const experts = xs.map((x, i) => ({ name: `e${i}`, scores: { '1': x } }));
        const a = committeeFigures(rb, experts, 'passed').criteria[0]!;
        const b = committeeFigures(rb, [...experts].reverse(), 'passed').criteria[0]!;
        expect(b).toEqual(a);
        expect(a.min! <= a.median! && a.median! <= a.max!).toBe(true);
        expect(a.spread).toBe(a.max! - a.min!);
      }),
    );
  });
});
