/** Rulebooks are data: the built-in one validates, invalid ones explain themselves, fingerprints are stable. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, loadRulebook, nationalRulebook, RulebookError, sha256Hex, validateRulebook, type Lang } from '../../src/core/index.js';
import { NATIONAL_2022, nationalCopy } from '../support/rulebooks.js';
import { byCheck, review } from '../support/review.js';

const CATALOGUE_CHECKS = [
  'E1', 'E2', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '2.6', '2.A', '3.1', '3.2', '3.3',
  '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '5.1', '5.2', '5.3', '5.4', '6.1', '6.4', '6.7', '6.8', '7.1', '7.3',
  '8.1', '8.2', '8.3', '8.4', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9',
  // The application form (issue 12): identity consistency and the name lists.
  'B17', 'B18', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'P1', 'P2',
];

describe('the built-in national 2022 rulebook', () => {
  const rb = nationalRulebook();
  it('has every check of the catalogue, and the default rubric', () => {
    expect(rb.checks.map((c) => c.id).sort()).toEqual([...CATALOGUE_CHECKS].sort());
    expect(rb.data.criteria.map((c) => c.weight)).toEqual([20, 15, 10, 15, 10, 10, 10, 10]);
    expect(rb.data.scoring).toEqual({ spreadShare: 0.3, recommendation: { verdict: 'passed', minMeanTotal: 60 }, combine: 'trimmed-mean', trimmedMinimum: 5, minimumExperts: 3 });
    expect(rb.data.settings).toMatchObject({ firstBatchYear: 2022, growthMethod: 'compound', monitoringDeadline: '04-30' });
  });
  it('fingerprint is sha256 of the canonical serialisation', () => {
    expect(rb.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(rb.fingerprint).toBe(createHash('sha256').update(canonicalJson(rb.data)).digest('hex'));
  });
  it('fingerprint ignores key order and changes with any threshold', () => {
    const reordered = Object.fromEntries(Object.entries(nationalCopy()).reverse());
    expect(loadRulebook(reordered).fingerprint).toBe(rb.fingerprint);
    const edited = nationalCopy();
    (edited.checks as Array<{ id: string; rule: { bound: number } }>).find((c) => c.id === '1.6')!.rule.bound = 39;
    expect(loadRulebook(edited).fingerprint).not.toBe(rb.fingerprint);
  });
});

describe('sha256', () => {
  it('matches node:crypto on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('invalid rulebooks give every problem with its JSON path, naming the check by id and title', () => {
  const at = (id: string) => NATIONAL_2022.checks.findIndex((c) => c.id === id);
  const title = (id: string, lang: 'zh' | 'en') => NATIONAL_2022.checks.find((c) => c.id === id)!.title[lang];
  const problems = (mutate: (rb: Record<string, any>) => void, lang: Lang = 'zh-CN') => {
    const copy = nationalCopy();
    mutate(copy);
    const r = validateRulebook(copy, lang);
    if (r.ok) throw new Error('expected problems');
    return r.problems;
  };
  it('a rule naming an unknown indicator', () => {
    const mutate = (rb: Record<string, any>) => {
      rb.checks.find((c: any) => c.id === '1.6').rule.of.indicator = '9.9';
    };
    const structured = { path: `$.checks[${at('1.6')}].rule.of.indicator`, code: 'unknown-indicator', check: '1.6', params: { code: '9.9' } };
    expect(problems(mutate)).toEqual([{ ...structured, message: `检查 1.6（${title('1.6', 'zh')}）的指标（rule.of.indicator）：没有指标“9.9”` }]);
    expect(problems(mutate, 'en-US')).toEqual([{ ...structured, message: `check 1.6 (${title('1.6', 'en')}), indicator (rule.of.indicator): no indicator "9.9"` }]);
  });
  it('a share bound written as points names check 1.8 and its threshold, in either language', () => {
    const mutate = (rb: Record<string, any>) => {
      rb.checks.find((c: any) => c.id === '1.8').rule.bound = 70;
    };
    const [zh] = problems(mutate);
    expect(zh).toMatchObject({ path: `$.checks[${at('1.8')}].rule.bound`, code: 'share-bound', check: '1.8', params: { found: 70 } });
    expect(zh!.message).toBe(`检查 1.8（${title('1.8', 'zh')}）的阈值（rule.bound）：占比阈值应为 0 到 1 之间的小数：70% 写作 0.7（现为 70）`);
    expect(zh!.message).not.toContain('$.checks');
    const [en] = problems(mutate, 'en-US');
    expect(en!.message).toBe(`check 1.8 (${title('1.8', 'en')}), threshold (rule.bound): share bounds are fractions from 0 to 1: write 0.7 for 70% (found 70)`);
  });
  it('a percent bound written as points', () => {
    const p = problems((rb) => {
      rb.checks.find((c: any) => c.id === '5.1').rule.bound = 15;
    });
    expect(p).toEqual([expect.objectContaining({ path: `$.checks[${at('5.1')}].rule.bound`, code: 'percent-bound', check: '5.1' })]);
  });
  it('a growth bound written as points, and a share bound over 1', () => {
    const p = problems((rb) => {
      rb.checks.find((c: any) => c.id === '1.9').rule.bound = 10;
      rb.checks.find((c: any) => c.id === '1.7').rule.bound = 70;
    });
    expect(p.map((x) => [x.check, x.code]).sort()).toEqual([['1.7', 'share-bound'], ['1.9', 'growth-bound']]);
    expect(p.map((x) => x.path).sort()).toEqual([`$.checks[${at('1.7')}].rule.bound`, `$.checks[${at('1.9')}].rule.bound`].sort());
  });
  it("zod's generic words come from its own locale, chosen per load (no leak between languages)", () => {
    const mutate = (rb: Record<string, any>) => {
      rb.criteria[1].weight = 'ten';
    };
    const name = { zh: NATIONAL_2022.criteria[1]!.title.zh, en: NATIONAL_2022.criteria[1]!.title.en };
    const zh = problems(mutate);
    expect(zh).toEqual([
      { path: '$.criteria[1].weight', code: 'zod:invalid_type', criterion: '2', params: {}, message: `标准 2（${name.zh}）的分值（weight）：无效输入：期望 数字，实际接收 string` },
    ]);
    expect(problems(mutate, 'en-US')[0]!.message).toBe(`criterion 2 (${name.en}), weight: Invalid input: expected number, received string`);
    // Loading in English did not change the next Chinese load.
    expect(problems(mutate)[0]!.message).toBe(zh[0]!.message);
  });
  it('several problems at once, each with its path and code', () => {
    const p = problems((rb) => {
      delete rb.name;
      rb.indicators[0].kind = 'date';
      rb.checks[0].rule.kind = 'bogus';
      rb.extra = 1;
    });
    expect(p.map((x) => [x.path, x.code])).toEqual(
      expect.arrayContaining([
        ['$.name', 'zod:required'],
        ['$.indicators[0].kind', 'zod:invalid_value'],
        ['$.checks[0].rule', 'zod:invalid_union'],
        ['$', 'zod:unrecognized_keys'],
      ]),
    );
    expect(p.find((x) => x.path === '$.name')!.message).toBe('名称（name）：缺少此项（应为对象）');
    expect(p.find((x) => x.path === '$.checks[0].rule')!.check).toBe('E1');
    expect(p.find((x) => x.path === '$.indicators[0].kind')!.indicator).toBe('B1');
    expect(p.find((x) => x.path === '$')!.message).toMatch(/^规则文件：.*"extra"/);
  });
  it('cross-references: duplicates, kinds, series, groups', () => {
    const p = problems((rb) => {
      rb.indicators[1].code = 'B1';
      rb.checks.find((c: any) => c.id === 'D1').rule.indicator = '1.6';
      rb.checks.find((c: any) => c.id === '5.2').rule.indicator = '5.1';
      rb.checks.find((c: any) => c.id === '3.1').criterion = '9';
    });
    const found = p.map((x) => [x.path.replace(/\[\d+\].*$/, ''), x.check ?? x.indicator, x.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['$.indicators', 'B1', 'indicator-twice'],
        ['$.checks', 'D1', 'need-yesno'],
        ['$.checks', '5.2', 'need-series'],
        ['$.checks', '3.1', 'unknown-group'],
      ]),
    );
  });
  it.each([null, 42, 'rulebook', [], {}, { format: 'other' }])('%j is refused with problems, not a crash', (input) => {
    const r = validateRulebook(input);
    expect(r.ok).toBe(false);
    expect(() => loadRulebook(input)).toThrow(RulebookError);
  });
  it('arbitrary JSON never throws anything but problems', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(validateRulebook(v).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('provincial variants change outcomes through data alone', () => {
  it('Yunnan 2023 thresholds (as reported) pass what the national edition fails', () => {
    const yn = nationalCopy() as Record<string, any>;
    yn.id = 'yn-2023';
    yn.edition = '2023暂行';
    const set = (id: string, bound: number) => (yn.checks.find((c: any) => c.id === id).rule.bound = bound);
    set('1.6', 10);
    set('1.7', 0.5);
    set('1.8', 0.6);
    set('1.9', 0.03);
    set('4.1', 0.05);
    set('5.1', 0.1);
    yn.checks.find((c: any) => c.id === '2.A').rule.anyOf[1].bound = 3;
    const province = loadRulebook(yn);
    const values = { '1.6': [20, 21, 22], '1.7': [11, 11.5, 12], '1.8': [13, 13.5, 14], '5.1': '12%' };
    const national = review(values);
    expect(national.verdict).toBe('failed');
    const local = review(values, {}, province);
    expect(local.verdict).toBe('passed');
    expect(local.rulebook.id).toBe('yn-2023');
    expect(local.rulebook.fingerprint).not.toBe(national.rulebook.fingerprint);
    expect(byCheck(local, '1.6').every((f) => f.status === 'pass')).toBe(true);
  });
  it('a province may add its own indicator with a simple rule kind', () => {
    const sh = nationalCopy() as Record<string, any>;
    sh.indicators.push({ code: 'SH1', label: { zh: '市级单项冠军企业数', en: 'Municipal champions' }, group: '2', kind: 'integer', unit: '家' });
    sh.checks.push({ id: 'SH1', criterion: '2', title: { zh: '市级单项冠军', en: 'Municipal champions' }, rule: { kind: 'compare', of: { indicator: 'SH1' }, op: '>=', bound: 1 } });
    const rb = loadRulebook(sh);
    expect(review({ SH1: 0 }, {}, rb).verdict).toBe('failed');
    expect(review({ SH1: 2 }, {}, rb).verdict).toBe('passed');
    expect(review({}, {}, rb).verdict).toBe('incomplete');
  });
  it('the national JSON file is the built-in rulebook', () => {
    expect(loadRulebook(NATIONAL_2022).fingerprint).toBe(nationalRulebook().fingerprint);
  });
});
