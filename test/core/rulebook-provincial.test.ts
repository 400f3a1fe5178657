/**
 * Provincial rounds and the Yunnan 2023 example rulebook: a provincial recognition round drops E2 and B9 and
 * needs no first-batch year; checks switched off stay in the file but are not evaluated; the Yunnan thresholds
 * bite on both sides of each boundary, where the national ones would decide otherwise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateModels, type LoadedRulebook } from '../../src/core/index.js';
import { validateRulebook } from '../../src/core/rulebook/load.js';
import { loadRulebook, nationalCopy } from '../support/rulebooks.js';
import { pct } from '../support/sheet.js';
import { byCheck, codes, rb as national, review, statuses } from '../support/review.js';

const yunnanJson = JSON.parse(readFileSync('rulebooks/yunnan-2023.json', 'utf8')) as Record<string, unknown>;
const yunnan: LoadedRulebook = loadRulebook(yunnanJson);
const yn = (overrides: Parameters<typeof review>[0] = {}) => review(overrides, {}, yunnan);

describe('round types', () => {
  it('the national edition is a national recommendation round: E2 and B9 in force, nothing left out', () => {
    expect(national.data.round).toBeUndefined();
    expect(national.data).toBe(national.source);
    expect(national.checks.map((c) => c.id)).toContain('E2');
    expect(national.indicators.has('B9')).toBe(true);
  });

  it('a provincial recognition round drops E2 and B9: not evaluated, not in the template, not required', () => {
    expect(yunnan.data.round).toBe('provincial-recognition');
    expect(yunnan.checks.map((c) => c.id)).not.toContain('E2');
    expect(yunnan.indicators.has('B9')).toBe(false);
    // The file keeps them (and its fingerprint is of the file).
    expect(yunnan.source.checks.map((c) => c.id)).toContain('E2');
    const r = yn({ B9: undefined });
    expect(byCheck(r, 'E2')).toEqual([]);
    expect(r.findings.filter((f) => f.indicator === 'B9')).toEqual([]);
    expect(r.verdict).toBe('passed');
    const sheet = templateModels(yunnan, 2025, 'zh-CN').sheets[1]!;
    const codesShown = sheet.cells.map((c) => c.value);
    expect(codesShown).not.toContain('B9');
    expect(codesShown).toContain('B8');
  });

  it('the same application without provincial recognition is ineligible in a national round', () => {
    expect(review({ B9: '否' }).verdict).toBe('ineligible');
    expect(yn({ B9: '否' }).verdict).toBe('passed');
  });

  it('a provincial round needs no first-batch year; a national round does', () => {
    expect(yunnan.data.settings.firstBatchYear).toBeUndefined();
    const noYear = nationalCopy() as { settings: Record<string, unknown> };
    delete noYear.settings.firstBatchYear;
    const v = validateRulebook(noYear);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => [p.code, p.path])).toEqual([['first-batch-needed', '$.settings.firstBatchYear']]);
  });

  it('a check in force may not read an indicator the round leaves out', () => {
    const copy = structuredClone(yunnanJson) as { checks: Array<Record<string, unknown>> };
    copy.checks.push({ id: 'Y1', criterion: 'E', title: { zh: '省级认定', en: 'Provincial' }, rule: { kind: 'yes-required', indicator: 'B9' } });
    const v = validateRulebook(copy);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => [p.code, p.check, p.path])).toEqual([['round-dropped-indicator', 'Y1', `$.checks[${copy.checks.length - 1}].rule.indicator`]]);
  });

  it('a check switched off is neither evaluated nor reported; switching it on again evaluates it', () => {
    expect(yunnan.source.checks.find((c) => c.id === '4.4')!.enabled).toBe(false);
    const poor = { '4.4': [100, 100, 100] };
    expect(statuses(review(poor), '4.4')).toEqual(['fail']);
    expect(byCheck(yn(poor), '4.4')).toEqual([]);
    expect(byCheck(yn({ '4.5': 1_000_000 }), '4.6')).toEqual([]);
    const on = structuredClone(yunnanJson) as { checks: Array<Record<string, unknown>> };
    delete on.checks.find((c) => c.id === '4.4')!.enabled;
    expect(statuses(review(poor, {}, loadRulebook(on)), '4.4')).toEqual(['fail']);
  });

  it('switching a check off changes the fingerprint', () => {
    const off = nationalCopy() as { checks: Array<Record<string, unknown>> };
    off.checks.find((c) => c.id === '4.4')!.enabled = false;
    expect(loadRulebook(off).fingerprint).not.toBe(national.fingerprint);
  });
});

describe('the Yunnan 2023 example rulebook', () => {
  it('says which figures are reported and is based on the national edition', () => {
    expect(yunnan.data.basedOn).toBe(national.data.id);
    const d = yunnan.data.description!.zh;
    for (const figure of ['10亿元', '50%', '60%', '3%', '不少于3家', '5%', '10%', '4.4', '4.6', '全国、全省前列']) expect(d).toContain(figure);
  });

  it('gives the examples their expected verdicts', () => {
    expect(yn().verdict).toBe('passed');
    expect(yn({ D3: '是' }).verdict).toBe('vetoed');
    expect(yn({ B8: '否' }).verdict).toBe('ineligible');
    expect(yn({ '1.4': undefined }).verdict).toBe('incomplete');
  });

  // Each Yunnan boundary on both sides; the side that passes in Yunnan fails the national threshold.
  it('1.6 output ≥ 10 亿元 each year', () => {
    const at = { '1.6': [10, 10, 10], '1.7': [8, 8, 8], '1.8': [8, 8, 8] };
    // One finding per data year.
    expect(statuses(yn(at), '1.6')).toEqual(['pass', 'pass', 'pass']);
    expect(statuses(yn({ ...at, '1.6': [9.99, 10, 10] }), '1.6')).toEqual(['fail', 'pass', 'pass']);
    expect(statuses(review(at), '1.6')).toEqual(['fail', 'fail', 'fail']);
  });

  it('1.7 SME share ≥ 50% (以上: equality passes)', () => {
    const at = { '1.6': [100, 110, 121.1], '1.7': [50, 55, 60.55], '1.8': [80, 80, 90] };
    expect(statuses(yn(at), '1.7')).toEqual(['pass']);
    expect(codes(yn({ ...at, '1.7': [50, 55, 60.4] }), '1.7')).toEqual(['share-below-minimum']);
    expect(statuses(review(at), '1.7')).toContain('fail');
  });

  it('1.8 leading-industry share > 60% (高于: equality fails)', () => {
    const at = { '1.6': [100, 110, 121.1], '1.7': [80, 80, 90], '1.8': [61, 67, 72.66] };
    expect(statuses(yn(at), '1.8')).toEqual(['fail']);
    expect(statuses(yn({ ...at, '1.8': [61, 67, 72.8] }), '1.8')).toEqual(['pass']);
    expect(statuses(review({ ...at, '1.8': [61, 67, 72.8] }), '1.8')).toContain('fail');
  });

  it('1.9 output growth > 3%', () => {
    const shares = { '1.7': [80, 80, 90], '1.8': [80, 80, 90] };
    expect(statuses(yn({ '1.6': [100, 103, 106.09], ...shares }), '1.9')).toEqual(['fail']);
    expect(statuses(yn({ '1.6': [100, 103, 106.2], ...shares }), '1.9')).toEqual(['pass']);
    expect(statuses(review({ '1.6': [100, 103, 106.2], ...shares }), '1.9')).toEqual(['fail']);
  });

  it('2.A quality SMEs ≥ 3 (the "or" branch)', () => {
    const none = { '2.1': 0, '2.2': 0 };
    expect(statuses(yn({ ...none, '2.3': 1, '2.4': 1, '2.5': 1, '2.6': 3 }), '2.A')).toEqual(['pass']);
    expect(statuses(yn({ ...none, '2.3': 1, '2.4': 1, '2.5': 0, '2.6': 2 }), '2.A')).toEqual(['fail']);
    expect(statuses(review({ ...none, '2.3': 1, '2.4': 1, '2.5': 1, '2.6': 3 }), '2.A')).toEqual(['fail']);
  });

  it('4.1 R&D growth > 5%', () => {
    expect(statuses(yn({ '4.1': [100, 105, 110.25] }), '4.1')).toEqual(['fail']);
    expect(statuses(yn({ '4.1': [100, 106, 112.36] }), '4.1')).toEqual(['pass']);
    expect(statuses(review({ '4.1': [100, 106, 112.36] }), '4.1')).toEqual(['fail']);
  });

  it('5.1 industrial-internet platform use ≥ 10%', () => {
    expect(statuses(yn({ '5.1': pct(0.1) }), '5.1')).toEqual(['pass']);
    expect(statuses(yn({ '5.1': pct(0.099) }), '5.1')).toEqual(['fail']);
    expect(statuses(review({ '5.1': pct(0.1) }), '5.1')).toEqual(['fail']);
  });

  it('1.3 is reworded: the requirement the summary and messages quote', () => {
    expect(yunnan.checks.find((c) => c.id === '1.3')!.requirement!.zh).toBe('细分领域在全国、全省位居前列');
  });
});
