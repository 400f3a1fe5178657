/**
 * Table-driven tests for every check of the catalogue, boundary values on both sides of every threshold.
 * They assert codes and statuses, never prose.
 */
import { describe, expect, it } from 'vitest';
import { loadRulebook, NATIONAL_2022 } from '../support/rulebooks.js';
import { pct } from '../support/sheet.js';
import { byCheck, codes, rb, review, statuses } from '../support/review.js';

describe('the passing example', () => {
  it('passes every automated check and yields a finding for every check', () => {
    const r = review();
    expect(r.verdict).toBe('passed');
    // The name-list, plan and evidence checks need their sheets, which a lone indicator sheet does not have:
    // test/core/lists.test.ts and test/core/plan.test.ts.
    for (const check of rb.checks) if (!['list', 'list-dedup', 'plan-targets', 'evidence'].includes(check.rule.kind)) expect(byCheck(r, check.id).length, check.id).toBeGreaterThan(0);
    expect(r.counts.fail + r.counts.missing + r.counts.invalid + r.counts.veto + r.counts.warn).toBe(0);
  });
});

describe('yes/no requirements (1.1 1.2 3.1 5.3 5.4 6.8 8.2 8.4)', () => {
  for (const code of ['1.1', '1.2', '3.1', '5.3', '5.4', '6.8', '8.2', '8.4']) {
    it(`${code}: 是 passes, 否 fails, blank is missing`, () => {
      expect(statuses(review({ [code]: '是' }), code)).toEqual(['pass']);
      expect(codes(review({ [code]: '否' }), code)).toEqual(['answered-no']);
      expect(statuses(review({ [code]: '否' }), code)).toEqual(['fail']);
      expect(statuses(review({ [code]: undefined }), code)).toEqual(['missing']);
    });
  }
});

describe('eligibility E1 and E2', () => {
  it('E1: outside one county-level division → ineligible', () => {
    const r = review({ B8: '否' });
    expect(statuses(r, 'E1')).toEqual(['fail']);
    expect(r.verdict).toBe('ineligible');
  });
  it('E2: provincial recognition required after the first batch', () => {
    expect(statuses(review({ B9: '是' }), 'E2')).toEqual(['pass']);
    const r = review({ B9: '否', B6: 2025 });
    expect(statuses(r, 'E2')).toEqual(['fail']);
    expect(codes(r, 'E2')).toEqual(['neither-met']);
    expect(r.verdict).toBe('ineligible');
  });
  it('E2: the first batch (B6 ≤ 2022) is exempt; 2023 is not', () => {
    expect(statuses(review({ B9: '否', B6: 2022 }, { year: 2022 }), 'E2')).toEqual(['pass']);
    expect(statuses(review({ B9: '否', B6: 2023 }, { year: 2023 }), 'E2')).toEqual(['fail']);
  });
});

describe('1.5 land area ≤ 100 km² (warn only)', () => {
  it.each([
    [100, ['pass']],
    [100.01, ['warn']],
    ['100平方公里', ['pass']],
  ])('%s → %j', (v, s) => {
    const r = review({ '1.5': v });
    expect(statuses(r, '1.5')).toEqual(s);
    expect(r.verdict).toBe('passed');
  });
});

describe('1.6 total output ≥ 40 亿元 in each year', () => {
  it('exactly 40 in every year passes (以上 includes the bound)', () => {
    const r = review({ '1.6': [40, 40, 40], '1.7': [28, 28, 28], '1.8': [29, 29, 29] });
    expect(statuses(r, '1.6')).toEqual(['pass', 'pass', 'pass']);
  });
  it('39.99 in the middle year fails on that year’s cell only', () => {
    const r = review({ '1.6': [120, 39.99, 152] });
    const fails = byCheck(r, '1.6').filter((f) => f.status === 'fail');
    expect(fails).toHaveLength(1);
    expect(fails[0]!.year).toBe(2023);
    expect(fails[0]!.code).toBe('below-minimum');
    expect(fails[0]!.cells).toEqual(['指标表!E35']);
    expect(r.verdict).toBe('failed');
  });
});

describe('1.7 SME share ≥ 70% (以上) and 1.8 leading-industry share > 70% (高于)', () => {
  // Output grows 30% over two years, so 1.9 passes and only the shares decide.
  const base = { '1.6': [77, 90, 100] };
  it('exactly 70% passes 1.7 and fails 1.8', () => {
    const r = review({ ...base, '1.7': [60, 70, 70], '1.8': [60, 70, 70] });
    expect(statuses(r, '1.7', 2024)).toEqual(['pass']);
    expect(statuses(r, '1.8', 2024)).toEqual(['fail']);
    expect(byCheck(r, '1.8', 2024).map((f) => f.code)).toEqual(['share-below-minimum']);
    expect(r.verdict).toBe('failed');
  });
  it('exactly 70% from decimals that do not divide evenly in binary (2.1 / 3)', () => {
    const r = review({ '1.6': [2.4, 2.8, 3], '1.7': [2, 2.5, 2.1], '1.8': [2, 2.5, 2.1] });
    expect(statuses(r, '1.7')).toEqual(['pass']);
    expect(statuses(r, '1.8')).toEqual(['fail']);
  });
  it('just below and just above', () => {
    const below = review({ ...base, '1.7': [60, 70, 69.99], '1.8': [60, 70, 70] });
    expect(statuses(below, '1.7')).toEqual(['fail']);
    const above = review({ ...base, '1.7': [60, 70, 70.01], '1.8': [60, 70, 70.01] });
    expect(statuses(above, '1.7')).toEqual(['pass']);
    expect(statuses(above, '1.8')).toEqual(['pass']);
  });
  it('an earlier year below the bound is only a warning', () => {
    const r = review({ ...base, '1.7': [50, 80, 80], '1.8': [70, 63, 80] });
    expect(statuses(r, '1.7')).toEqual(['pass', 'warn']);
    expect(byCheck(r, '1.7').find((f) => f.status === 'warn')!.year).toBe(2022);
    expect(byCheck(r, '1.8').find((f) => f.status === 'warn')!.year).toBe(2023);
    expect(statuses(r, '1.8')).toEqual(['pass', 'warn']);
    expect(r.verdict).toBe('passed');
  });
  it('a part above the whole in any year is invalid', () => {
    const r = review({ ...base, '1.7': [78, 80, 80] });
    const inv = byCheck(r, '1.7').find((f) => f.status === 'invalid')!;
    expect(inv.code).toBe('part-exceeds-whole');
    expect(inv.year).toBe(2022);
    expect(r.verdict).toBe('incomplete');
    expect(statuses(review({ ...base, '1.8': [60, 70, 100.5] }), '1.8')).toEqual(['invalid']);
  });
});

describe('1.9 output growth > 10% (compound by default)', () => {
  it('exactly 10% fails 高于; just above passes', () => {
    expect(statuses(review({ '1.6': [100, 110, 121], '1.7': [80, 80, 90], '1.8': [80, 80, 90] }), '1.9')).toEqual(['fail']);
    expect(statuses(review({ '1.6': [100, 110, 121.1], '1.7': [80, 80, 90], '1.8': [80, 80, 90] }), '1.9')).toEqual(['pass']);
  });
  it('compound uses only the first and last year', () => {
    const f = byCheck(review({ '1.6': [100, 300, 125.44], '1.7': [80, 80, 90], '1.8': [80, 80, 90] }), '1.9')[0]!;
    expect(f.params.method).toBe('compound');
    expect(f.params.value).toBeCloseTo(0.12, 10);
  });
  it('a rulebook may choose the arithmetic mean of the year-on-year rates', () => {
    const arith = loadRulebook({ ...NATIONAL_2022, settings: { ...NATIONAL_2022.settings, growthMethod: 'arithmetic' } });
    // (200/100 − 1 + 220/200 − 1) / 2 = 0.55; compound would be sqrt(2.2) − 1 ≈ 0.483
    const f = byCheck(review({ '1.6': [100, 200, 220], '1.7': [80, 150, 160], '1.8': [80, 150, 160] }, {}, arith), '1.9')[0]!;
    expect(f.params.method).toBe('arithmetic');
    expect(f.params.value).toBeCloseTo(0.55, 10);
  });
  it('a base of 0 makes the growth check invalid', () => {
    const r = review({ '4.1': [0, 100, 200] });
    expect(codes(r, '4.1')).toEqual(['growth-base-not-positive']);
    expect(statuses(r, '4.1')).toEqual(['invalid']);
  });
  it('a sheet figure that disagrees with the recomputation is a warning', () => {
    const r = review({ '1.9': pct(0.2) });
    expect(codes(r, '1.9')).toEqual(['derived-mismatch', 'growth-meets-bound']);
    const ok = review({ '1.9': pct(Math.sqrt(152 / 120) - 1) });
    expect(codes(ok, '1.9')).toEqual(['growth-meets-bound']);
  });
});

describe('2.6 deduplicated total and 2.A tiered cultivation', () => {
  const parts = { '2.3': 5, '2.4': 6, '2.5': 7 };
  it.each([
    [7, 'pass'],
    [6, 'invalid'],
    [18, 'pass'],
    [19, 'invalid'],
  ])('2.6 = %s with parts 5, 6, 7 → %s', (total, s) => {
    expect(statuses(review({ ...parts, '2.6': total }), '2.6')).toEqual([s]);
  });
  it('2.6 blank is not applicable', () => {
    expect(statuses(review({ ...parts, '2.6': undefined }), '2.6')).toEqual(['na']);
  });
  it('2.A passes on one champion or little giant', () => {
    expect(codes(review({ '2.1': 0, '2.2': 1 }), '2.A')).toEqual(['either-met']);
    expect(statuses(review({ '2.1': 1, '2.2': 0 }), '2.A')).toEqual(['pass']);
  });
  it('2.A: none of those, then at least 10 quality SMEs (deduplicated) pass; 9 fail', () => {
    expect(statuses(review({ '2.1': 0, '2.2': 0, '2.3': 4, '2.4': 5, '2.5': 6, '2.6': 10 }), '2.A')).toEqual(['pass']);
    const r = review({ '2.1': 0, '2.2': 0, '2.3': 4, '2.4': 5, '2.5': 6, '2.6': 9 });
    expect(statuses(r, '2.A')).toEqual(['fail']);
    expect(r.verdict).toBe('failed');
  });
  it('2.A resting on an undeduplicated sum passes with a double-count warning', () => {
    const r = review({ '2.1': 0, '2.2': 0, '2.3': 3, '2.4': 3, '2.5': 4, '2.6': undefined });
    expect(codes(r, '2.A')).toEqual(['either-met', 'possible-double-count']);
    expect(statuses(r, '2.A')).toEqual(['pass', 'warn']);
    expect(statuses(review({ '2.1': 0, '2.2': 0, '2.3': 3, '2.4': 3, '2.5': 3, '2.6': undefined }), '2.A')).toEqual(['fail']);
  });
  it('2.A passing on a champion needs no double-count warning', () => {
    expect(statuses(review({ '2.1': 1, '2.6': undefined }), '2.A')).toEqual(['pass']);
  });
});

describe('3.2, 7.1 counts ≥ 1 and 4.2, 4.3 soft counts', () => {
  it.each([
    ['3.2', 0, 'fail'],
    ['3.2', 1, 'pass'],
    ['7.1', 0, 'fail'],
    ['7.1', 1, 'pass'],
    ['4.2', 0, 'warn'],
    ['4.2', 1, 'pass'],
    ['4.3', 0, 'warn'],
    ['4.3', 1, 'pass'],
  ])('%s = %s → %s', (code, v, s) => {
    expect(statuses(review({ [code]: v }), code)).toEqual([s]);
  });
});

describe('4.1 R&D growth > 10% and 4.4 patent growth ≥ 15%', () => {
  it('4.1 at exactly 10% fails, above passes', () => {
    expect(statuses(review({ '4.1': [10000, 11000, 12100] }), '4.1')).toEqual(['fail']);
    expect(statuses(review({ '4.1': [10000, 11000, 12101] }), '4.1')).toEqual(['pass']);
  });
  it('4.4 at exactly 15% passes (不低于), below fails', () => {
    expect(statuses(review({ '4.4': [400, 460, 529], '4.5': 10000 }), '4.4')).toEqual(['pass']);
    expect(statuses(review({ '4.4': [400, 460, 528], '4.5': 10000 }), '4.4')).toEqual(['fail']);
  });
});

describe('4.5 employees > 0 and 4.6 patents per 10,000 ≥ 15', () => {
  it('4.5 = 0 is invalid and 4.6 cannot be evaluated', () => {
    const r = review({ '4.5': 0 });
    expect(statuses(r, '4.5')).toEqual(['invalid']);
    expect(codes(r, '4.6')).toEqual(['not-evaluated']);
    // Not 不适用: what stopped 4.6 is an invalid entry, so the check is invalid too.
    expect(statuses(r, '4.6')).toEqual(['invalid']);
    expect(r.verdict).toBe('incomplete');
  });
  it('4.6 at exactly 15 passes, just below fails', () => {
    expect(statuses(review({ '4.4': [10, 12, 15], '4.5': 10000 }), '4.6')).toEqual(['pass']);
    expect(statuses(review({ '4.4': [10, 12, 15], '4.5': 10001 }), '4.6')).toEqual(['fail']);
  });
  it('4.6 typed by the applicant and wrong gives a warning', () => {
    expect(codes(review({ '4.4': [10, 12, 15], '4.5': 10000, '4.6': 20 }), '4.6')).toEqual(['derived-mismatch', 'ratio-meets-bound']);
    expect(codes(review({ '4.4': [10, 12, 15], '4.5': 10000, '4.6': 15.02 }), '4.6')).toEqual(['ratio-meets-bound']);
  });
});

describe('5.1 platform use ≥ 15% and 5.2 steady rise', () => {
  it.each([
    [pct(0.15), 'pass'],
    [pct(0.1499), 'fail'],
    ['15%', 'pass'],
    ['14.9%', 'fail'],
  ])('5.1 = %j → %s', (v, s) => {
    expect(statuses(review({ '5.1': v }), '5.1')).toEqual([s]);
  });
  it.each([
    [[0.4, 0.4, 0.5], 'pass'],
    [[0.4, 0.45, 0.5], 'pass'],
    [[0.4, 0.4, 0.4], 'fail'],
    [[0.4, 0.5, 0.45], 'fail'],
    [[0.5, 0.4, 0.6], 'fail'],
  ])('5.2 = %j → %s', (v, s) => {
    expect(statuses(review({ '5.2': v.map(pct) }), '5.2')).toEqual([s]);
  });
});

describe('6.1 CO₂ per unit strictly decreasing', () => {
  it.each([
    [[0.5, 0.49, 0.48], 'pass'],
    [[0.5, 0.5, 0.4], 'fail'],
    [[0.5, 0.4, 0.4], 'fail'],
    [[0.5, 0.6, 0.4], 'fail'],
  ])('%j → %s', (v, s) => {
    expect(statuses(review({ '6.1': v }), '6.1')).toEqual([s]);
  });
});

describe('6.4 and 6.7 conditional benchmarks', () => {
  it('not an energy-intensive industry → na', () => {
    expect(statuses(review({ '6.2': '否' }), '6.4')).toEqual(['na']);
    expect(codes(review({ '6.5': '否' }), '6.7')).toEqual(['not-applicable']);
  });
  it('energy-intensive: consumption below the benchmark passes; equal fails', () => {
    expect(statuses(review({ '6.2': '是', '6.3': 0.8, '6.4': 1 }), '6.4')).toEqual(['pass']);
    expect(statuses(review({ '6.2': '是', '6.3': 1, '6.4': 1 }), '6.4')).toEqual(['fail']);
    expect(statuses(review({ '6.5': '是', '6.6': 2.5, '6.7': 2 }), '6.7')).toEqual(['fail']);
    expect(statuses(review({ '6.5': '是', '6.6': 1.5, '6.7': 2 }), '6.7')).toEqual(['pass']);
  });
  it('energy-intensive with the figures blank → missing on both cells', () => {
    const r = review({ '6.2': '是' });
    expect(byCheck(r, '6.4').map((f) => [f.indicator, f.status])).toEqual([
      ['6.3', 'missing'],
      ['6.4', 'missing'],
    ]);
    expect(r.verdict).toBe('incomplete');
  });
  it('6.2 blank → the benchmark cells are listed as needed too', () => {
    const r = review({ '6.2': undefined });
    expect(byCheck(r, '6.4').map((f) => f.indicator).sort()).toEqual(['6.2', '6.3', '6.4']);
  });
});

describe('7.3 exports rising (warn only)', () => {
  it.each([
    [[10, 12, 10], 'warn'],
    [[10, 9, 10.1], 'pass'],
  ])('%j → %s', (v, s) => {
    const r = review({ '7.3': v });
    expect(statuses(r, '7.3')).toEqual([s]);
    expect(r.verdict).toBe('passed');
  });
});

describe('8.1 operating body and 8.3 policy coverage = 100%', () => {
  it('8.1 是 with B7 blank → pass plus a warning on B7', () => {
    const r = review({ B7: undefined });
    expect(codes(r, '8.1')).toEqual(['answered-yes', 'yes-without-detail']);
    expect(byCheck(r, '8.1').find((f) => f.status === 'warn')!.cells).toEqual(['指标表!F10']);
  });
  it.each([
    [pct(1), 'pass'],
    ['100%', 'pass'],
    [pct(0.99), 'fail'],
    ['99.9%', 'fail'],
  ])('8.3 = %j → %s', (v, s) => {
    expect(statuses(review({ '8.3': v }), '8.3')).toEqual([s]);
  });
});

describe('veto D1–D9', () => {
  for (let i = 1; i <= 9; i++) {
    const code = `D${i}`;
    it(`${code}: 是 vetoes, 否 passes, blank is missing (never a pass)`, () => {
      const yes = review({ [code]: '是' });
      expect(statuses(yes, code)).toEqual(['veto']);
      expect(codes(yes, code)).toEqual(['veto-answered-yes']);
      expect(yes.verdict).toBe('vetoed');
      expect(statuses(review({ [code]: '否' }), code)).toEqual(['pass']);
      const blank = review({ [code]: undefined });
      expect(statuses(blank, code)).toEqual(['missing']);
      expect(blank.verdict).toBe('incomplete');
    });
  }
});

describe('review items 1.3 1.4 3.3 4.7', () => {
  for (const code of ['1.3', '1.4', '3.3', '4.7'])
    it(`${code}: text → review, blank → missing`, () => {
      expect(statuses(review(), code)).toEqual(['review']);
      expect(statuses(review({ [code]: undefined }), code)).toEqual(['missing']);
    });
});
