/**
 * A round that says what it does (issue 21, item 4), in the core: what an expert types is read as a score
 * ("9分", "9 分", "9.0"), scores are decimal-exact and the cut line at exactly 60 is decided as the sheets' formulas
 * decide it, a pending application has one reason code (all of them listed beside it), `returned` agrees with
 * `notReturned`, the audit records values that changed (not files that repeat them), and the tally's messages name
 * the criterion by its title.
 */
import { describe, expect, it } from 'vitest';
import { loadRulebook, normaliseScore, problemText, roundJson, scoreNumber, tally, type Round, type ScoreEntry } from '../../src/core/index.js';
import { scoreEntries, testRound, type RoundApplication } from '../support/round.js';
import { meanOfTwo } from '../support/rulebooks.js';

const rb = loadRulebook(meanOfTwo());
const CRITS = rb.data.criteria.map((c) => c.id);

const round = (apps: RoundApplication[], experts = ['甲', '乙']): Round => testRound(apps.map((a) => ({ ...a, cluster: `${a.id}集群` })), experts);
const sheet = scoreEntries;

const run = (r: Round, entries: ScoreEntry[], opts: Partial<Parameters<typeof tally>[4]> = {}) => tally(r, entries, [], rb, { time: 't1', ...opts });
const app = (res: ReturnType<typeof tally>, id: string) => res.applications.find((a) => a.application.id === id)!;

describe('what an expert types is a score', () => {
  it.each([
    ['9分', 9],
    ['9 分', 9],
    ['9.0', 9],
    ['9.0分', 9],
    ['９分', 9],
    [' 9.5 分 ', 9.5],
    ['9\u3000分', 9],
  ])('%j reads as %d', (typed, n) => {
    expect(normaliseScore(typed)).toEqual({ kind: 'number', value: n });
  });
  it.each(['分', '分9', '9分5', '9分分', '九分', '9 点', '-9分'])('%j is not a number', (typed) => expect(normaliseScore(typed).kind).toBe('nan'));

  it('an 80-point application scored with "9分" is recommended, as one scored with 9 is', () => {
    const scores: Array<number | string> = [16, 12, 8, 12, 8, 8, 8, 8];
    const typed = [...scores] as Array<number | string>;
    typed[5] = '8分';
    const res = run(round([{ id: 'a' }]), [...sheet('甲', 'a', typed), ...sheet('乙', 'a', scores)]);
    expect(app(res, 'a').score).toBe(80);
    expect(app(res, 'a').recommendation).toBe('recommended');
    expect(res.problems.map((p) => p.code)).toEqual([]);
  });
});

describe('scores are decimal-exact', () => {
  // Summed as binary floats these are 59.99999999999999 (and 87.99999999999999 with 28 more).
  const at60 = [12.8, 11, 9.7, 6.4, 8, 5.3, 6, 0.8];
  it('a total of typed decimals is stored as the decimal it is, and exactly 60 is at the cut line', () => {
    expect(at60.reduce((a, b) => a + b, 0)).not.toBe(60);
    const res = run(round([{ id: 'a' }]), [...sheet('甲', 'a', at60), ...sheet('乙', 'a', at60)]);
    const a = app(res, 'a');
    expect(a.experts.map((x) => x.total)).toEqual([60, 60]);
    expect(a.score).toBe(60);
    expect(a.mean).toBe(60);
    expect(a.recommendation).toBe('recommended');
    expect(JSON.stringify(roundJson(res, rb, 'zh-CN'))).not.toMatch(/\d\.\d{12,}/);
  });
  it('just under 60 is under the cut line, decided on the decimal value (no tolerance the formula does not have)', () => {
    const under = [...at60];
    under[7] = 0.7;
    const res = run(round([{ id: 'a' }]), [...sheet('甲', 'a', under), ...sheet('乙', 'a', under)]);
    expect(app(res, 'a').score).toBe(59.9);
    expect(app(res, 'a').recommendation).toBe('below-cut');
  });
  it('criterion figures are decimal-exact too', () => {
    const res = run(round([{ id: 'a' }]), [...sheet('甲', 'a', at60), ...sheet('乙', 'a', [12.9, 11, 9.7, 6.4, 8, 5.3, 6, 0.8])]);
    const first = app(res, 'a').criteria[0]!;
    expect(first.spread).toBe(0.1);
    expect(first.mean).toBe(12.85);
  });
});

describe('a pending application says why, once', () => {
  it('one documented reason code, with every reason listed beside it', () => {
    const r = round([{ id: 'a' }], ['甲', '乙', '丙']);
    const other = [16, 12, 8, 12, 8, 8, 8, 7];
    const res = run(r, [...sheet('甲', 'a', [16, 12, 8, 12, 8, 8, 8, 8], { time: '1' }), ...sheet('甲', 'a', other, { file: '甲-2.xlsx', time: '2' })]);
    const a = app(res, 'a');
    expect(a.recommendation).toBe('pending');
    expect(a.pending).toEqual(['conflict', 'experts']);
    expect(a.reason).toBe('conflict');
    const json = roundJson(res, rb, 'zh-CN').applications[0]!;
    expect(json.reason).toBe('conflict');
    expect(json.pending).toEqual(['conflict', 'experts']);
  });
  it('an application with incomplete data is pending for more material (待补充材料), not not-eligible', () => {
    const res = run(round([{ id: 'a', verdict: 'incomplete' }]), []);
    expect(app(res, 'a').recommendation).toBe('pending');
    expect(app(res, 'a').reason).toBe('incomplete');
  });
});

describe('returned agrees with notReturned', () => {
  it('an expert who sent back a blank sheet has returned nothing, for any application', () => {
    const res = run(round([{ id: 'a' }, { id: 'b' }]), [...sheet('甲', 'a', [16, 12, 8, 12, 8, 8, 8, 8]), ...sheet('乙', 'a', Array(8).fill(null)), ...sheet('乙', 'b', Array(8).fill(''))]);
    expect(res.notReturned).toEqual(['乙']);
    for (const a of res.applications) expect(a.experts.find((x) => x.name === '乙')!.returned).toBe(false);
    expect(app(res, 'a').experts.find((x) => x.name === '甲')!.returned).toBe(true);
    expect(app(res, 'b').experts.find((x) => x.name === '甲')!.returned).toBe(false);
  });
});

describe('the audit records values, not the files that repeat them', () => {
  const scores = [16, 12, 8, 12, 8, 8, 8, 8];
  it('a value now also in a reviewed copy (written there by --update-copies) is no change', () => {
    const r = round([{ id: 'a' }]);
    const first = run(r, [...sheet('甲', 'a', scores), ...sheet('乙', 'a', scores)]);
    const copy = sheet('甲', 'a', scores, { file: 'a.reviewed.xlsx', kind: 'summary' });
    const again = tally(r, [...sheet('甲', 'a', scores), ...sheet('乙', 'a', scores), ...copy], first.audit, rb, { time: 't2' });
    expect(again.changes).toEqual([]);
    // And the copy given no more, its values still in the unchanged score sheet: nothing was removed.
    const third = tally(r, [...sheet('甲', 'a', scores), ...sheet('乙', 'a', scores)], again.audit, rb, { time: 't3' });
    expect(third.changes).toEqual([]);
  });
  it('a value gone from every source is removed; one changed is a change', () => {
    const r = round([{ id: 'a' }]);
    const first = run(r, [...sheet('甲', 'a', scores), ...sheet('乙', 'a', scores)]);
    const edited = [...scores];
    edited[0] = 15;
    const next = tally(r, [...sheet('甲', 'a', edited)], first.audit, rb, { time: 't2' });
    expect(next.changes.filter((c) => c.outcome !== 'removed')).toEqual([expect.objectContaining({ expert: '甲', item: CRITS[0], old: '16', new: '15' })]);
    expect(next.changes.filter((c) => c.outcome === 'removed').map((c) => c.expert)).toEqual(Array(8).fill('乙'));
  });
});

describe('the tally names the criterion', () => {
  it('第6项（具有较高绿色化发展水平）, not only its number', () => {
    const typed: Array<number | string> = [16, 12, 8, 12, 8, 'x', 8, 8];
    const res = run(round([{ id: 'a' }]), [...sheet('甲', 'a', typed), ...sheet('乙', 'a', [16, 12, 8, 12, 8, 18, 8, 8])]);
    const texts = res.problems.map((p) => problemText(p, 'zh-CN'));
    expect(texts.find((s) => s.includes('“x”'))).toContain('第6项（具有较高绿色化发展水平）');
    expect(texts.find((s) => s.includes('18'))).toContain('第6项（具有较高绿色化发展水平）');
    expect(res.problems.map((p) => problemText(p, 'en-US')).join('\n')).toContain('criterion 6 (High level of green development)');
  });
});

describe('one reading for the tool', () => {
  it('scoreNumber and normaliseScore agree', () => {
    for (const v of ['9分', '9 分', '9.0', '１８', 'x', '', null]) {
      const n = normaliseScore(v);
      expect(scoreNumber(v)).toBe(n.kind === 'number' ? n.value : null);
    }
  });
});
