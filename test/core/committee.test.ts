/** The committee's tally, table-driven: every rule on both sides of its boundary (docs/REPORT.md "The round"). */
import { describe, expect, it } from 'vitest';
import { combine, loadRulebook, normaliseScore, tally, type Round, type ScoreEntry } from '../../src/core/index.js';
import { scoreEntries, testRound, type RoundApplication } from '../support/round.js';
import { meanOfTwo } from '../support/rulebooks.js';

const rb = loadRulebook(meanOfTwo());
const CRITS = rb.data.criteria.map((c) => c.id);
const WEIGHTS = rb.data.criteria.map((c) => c.weight);

const round = (apps: RoundApplication[], experts = ['甲', '乙', '丙'], conflicts: Round['conflicts'] = []): Round => testRound(apps, experts, conflicts);
const sheet = scoreEntries;

/** Scores adding up to `total` (every criterion scored, within its weight). */
function totalOf(total: number): number[] {
  let left = total;
  return WEIGHTS.map((w, i) => {
    const v = i === WEIGHTS.length - 1 ? left : Math.min(w, left);
    left -= v;
    return v;
  });
}

const run = (r: Round, entries: ScoreEntry[], opts: Partial<Parameters<typeof tally>[4]> = {}, book = rb) => tally(r, entries, [], book, { time: 't1', ...opts });
const app = (res: ReturnType<typeof tally>, id: string) => res.applications.find((a) => a.application.id === id)!;
const codes = (res: ReturnType<typeof tally>) => res.problems.map((p) => p.code).sort();

describe('one reading of a score', () => {
  it.each([
    [18, 18],
    ['18', 18],
    ['１８', 18],
    [' 18.5 ', 18.5],
    ['\u3000１８．５\u3000', 18.5],
    ['018', 18],
    ['', null],
    ['  ', null],
    [null, null],
  ])('%j reads as %j', (v, n) => {
    const r = normaliseScore(v);
    expect(r.kind === 'number' ? r.value : r.kind === 'blank' ? null : 'nan').toBe(n);
  });
  it.each(['18点', '9分5', '1e1', '+18', '-1', '①', '18.', '.5', '1.2.3', '1 8', '0x10', 'true', '\t18'])('%j is not a number', (v) => {
    expect(normaliseScore(v).kind).toBe('nan');
  });
  it('a boolean is not a number', () => expect(normaliseScore(true).kind).toBe('nan'));
});

describe('combining scores', () => {
  it.each([
    ['mean', [60, 70, 80, 90, 100], 80],
    ['median', [60, 70, 95], 70],
    ['median', [60, 70, 90, 95], 80],
    // trimmed mean: at the minimum (5) drop one highest and one lowest; below it, the plain mean.
    ['trimmed-mean', [50, 70, 80, 90, 100], 80],
    ['trimmed-mean', [50, 70, 90, 100], 77.5],
  ] as const)('%s of %j is %d', (rule, xs, want) => expect(combine(xs, rule, 5)).toBeCloseTo(want, 9));
  it('nothing to combine is null', () => expect(combine([], 'mean', 5)).toBeNull());
});

describe('the tally', () => {
  it('recommends a passed application at or above the cut line, not below', () => {
    const r = round([{ id: 'at' }, { id: 'below' }]);
    const res = run(r, [...sheet('甲', 'at', totalOf(60)), ...sheet('乙', 'at', totalOf(60)), ...sheet('甲', 'below', totalOf(59.5)), ...sheet('乙', 'below', totalOf(59.5))]);
    expect(app(res, 'at').recommendation).toBe('recommended');
    expect(app(res, 'at').score).toBe(60);
    expect(app(res, 'below').recommendation).toBe('below-cut');
    expect(res.notReturned).toEqual(['丙']);
    expect(codes(res)).toEqual(['missing-expert']);
  });

  it.each([
    ['vetoed', 'not-eligible'],
    ['failed', 'not-eligible'],
    ['incomplete', 'pending'],
    ['ineligible', 'not-eligible'],
    ['passed', 'recommended'],
  ] as const)('verdict %s → %s (with the verdict as reason)', (verdict, rec) => {
    const res = run(round([{ id: 'a', verdict }]), [...sheet('甲', 'a', totalOf(90)), ...sheet('乙', 'a', totalOf(90))]);
    expect(app(res, 'a').recommendation).toBe(rec);
    if (rec !== 'recommended') expect(app(res, 'a').reason).toBe(verdict);
  });

  it('is pending below the minimum of experts, and not at it', () => {
    const one = run(round([{ id: 'a' }]), sheet('甲', 'a', totalOf(90)));
    expect(app(one, 'a').recommendation).toBe('pending');
    expect(app(one, 'a').pending).toEqual(['experts']);
    const two = run(round([{ id: 'a' }]), [...sheet('甲', 'a', totalOf(90)), ...sheet('乙', 'a', totalOf(90))]);
    expect(app(two, 'a').recommendation).toBe('recommended');
  });

  it('an expert who left a criterion blank has no total', () => {
    const scores: Array<number | null> = totalOf(90);
    scores[3] = null;
    const res = run(round([{ id: 'a' }]), [...sheet('甲', 'a', scores), ...sheet('乙', 'a', totalOf(90))]);
    expect(app(res, 'a').experts[0]!.total).toBeNull();
    expect(app(res, 'a').n).toBe(1);
    expect(app(res, 'a').recommendation).toBe('pending');
  });

  it('equal values from two sources are one; different values are a conflict, pending, with both files and cells', () => {
    const r = round([{ id: 'a' }]);
    const same = run(r, [...sheet('甲', 'a', totalOf(80)), ...sheet('甲', 'a', totalOf(80).map(String), { file: 'copy.xlsx', kind: 'summary' }), ...sheet('乙', 'a', totalOf(80))]);
    expect(codes(same)).toEqual(['missing-expert']);
    expect(app(same, 'a').recommendation).toBe('recommended');
    const other = totalOf(80);
    other[0] = other[0]! - 1;
    const differ = run(r, [...sheet('甲', 'a', totalOf(80), { time: '2025-06-01' }), ...sheet('甲', 'a', other, { file: 'later.xlsx', time: '2025-06-02' }), ...sheet('乙', 'a', totalOf(80))]);
    const c = differ.problems.find((p) => p.code === 'conflict')!;
    expect(c.sources!.map((s) => s.file)).toEqual(['甲.xlsx', 'later.xlsx']);
    expect(c.sources!.every((s) => s.cell)).toBe(true);
    expect(app(differ, 'a').recommendation).toBe('pending');
    expect(app(differ, 'a').pending).toContain('conflict');
    // Asked explicitly: the newer file wins, and the problem and the trail say so.
    const newer = run(r, [...sheet('甲', 'a', totalOf(80), { time: '2025-06-01' }), ...sheet('甲', 'a', other, { file: 'later.xlsx', time: '2025-06-02' }), ...sheet('乙', 'a', totalOf(80))], { preferNewer: true });
    expect(newer.problems.find((p) => p.code === 'conflict')!.resolved).toBe('newer-file');
    expect(app(newer, 'a').experts[0]!.total).toBe(79);
    expect(newer.current.some((x) => x.outcome === 'newer-file' && x.source === 'later.xlsx')).toBe(true);
  });

  it('drops a recused expert (declared or marked), lists scores given anyway', () => {
    const declared = round([{ id: 'a' }], ['甲', '乙', '丙'], [{ expert: '丙', application: 'a', reason: '同单位' }]);
    const res = run(declared, [...sheet('甲', 'a', totalOf(80)), ...sheet('乙', 'a', totalOf(70)), ...sheet('丙', 'a', totalOf(10))]);
    expect(app(res, 'a').score).toBe(75);
    expect(app(res, 'a').experts[2]).toMatchObject({ conflicted: true, reason: '同单位', total: null });
    expect(codes(res)).toEqual(['recused-scored']);
    const marked = run(round([{ id: 'a' }]), [
      ...sheet('甲', 'a', totalOf(80)),
      ...sheet('乙', 'a', totalOf(70)),
      { expert: '丙', application: 'a', kind: 'recusal', value: true, reason: '亲属', source: { kind: 'scoresheet', file: '丙.xlsx' } },
    ]);
    expect(app(marked, 'a').experts[2]).toMatchObject({ conflicted: true, reason: '亲属' });
    expect(codes(marked)).toEqual([]);
  });

  it('a score against other data is stale: listed, not used, pending', () => {
    const res = run(round([{ id: 'a' }]), [...sheet('甲', 'a', totalOf(80), { fp: 'old' }), ...sheet('乙', 'a', totalOf(80)), ...sheet('丙', 'a', totalOf(80))]);
    expect(codes(res)).toEqual(['stale']);
    expect(app(res, 'a').n).toBe(2);
    expect(app(res, 'a').pending).toEqual(['stale']);
  });

  it('out of range and not a number: listed and not used; the weight itself and full-width digits are fine', () => {
    const w0 = WEIGHTS[0]!;
    const atMax = totalOf(80);
    atMax[0] = w0;
    const over = [...atMax];
    over[0] = w0 + 0.5;
    const text: Array<number | string> = [...atMax];
    text[0] = '18点';
    const wide = [...atMax].map((v, i) => (i === 0 ? String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : v));
    const res = run(round([{ id: 'a' }, { id: 'b' }, { id: 'c' }]), [
      ...sheet('甲', 'a', over),
      ...sheet('乙', 'a', atMax),
      ...sheet('甲', 'b', text),
      ...sheet('乙', 'b', wide),
      ...sheet('甲', 'c', [-1, ...atMax.slice(1)]),
      ...sheet('丙', 'c', atMax),
    ]);
    expect(codes(res)).toEqual(['not-a-number', 'out-of-range', 'out-of-range']);
    expect(app(res, 'a').experts[1]!.total).toBe(atMax.reduce((a, b) => a + b, 0));
    expect(app(res, 'b').experts[1]!.scores[CRITS[0]!]).toBe(w0);
    expect(app(res, 'a').experts[0]!.total).toBeNull();
  });

  it('lists an expert outside the committee and an application outside the round', () => {
    const res = run(round([{ id: 'a' }]), [...sheet('甲', 'a', totalOf(80)), ...sheet('乙', 'a', totalOf(80)), ...sheet('丙', 'a', totalOf(80)), ...sheet('丁', 'a', totalOf(80)), ...sheet('甲', 'zz', totalOf(80))]);
    expect(codes(res)).toEqual(['unknown-application', 'unknown-expert']);
    expect(app(res, 'a').n).toBe(3);
  });

  it('a duplicate (same indicator data) is flagged and not counted twice', () => {
    const res = run(round([{ id: 'a', fp: 'same' }, { id: 'a2', fp: 'same' }]), [...sheet('甲', 'a', totalOf(80), { fp: 'same' }), ...sheet('乙', 'a', totalOf(80), { fp: 'same' })]);
    expect(app(res, 'a2')).toMatchObject({ recommendation: 'not-eligible', reason: 'duplicate', duplicateOf: 'a' });
    expect(app(res, 'a').recommendation).toBe('recommended');
    expect(codes(res)).toContain('duplicate');
  });

  it('caps recommendations at the quota (option over rulebook), ties share a rank, a tie across the line is pending', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const totals = [90, 85, 85, 70];
    const entries = ids.flatMap((id, i) => [...sheet('甲', id, totalOf(totals[i]!)), ...sheet('乙', id, totalOf(totals[i]!))]);
    const r = round(ids.map((id) => ({ id })));
    const q1 = run(r, entries, { quota: 1 });
    expect(ids.map((id) => app(q1, id).recommendation)).toEqual(['recommended', 'beyond-quota', 'beyond-quota', 'beyond-quota']);
    expect(ids.map((id) => app(q1, id).rank)).toEqual([1, 2, 2, 4]);
    expect(q1.lineAfter).toBe(0);
    const q2 = run(r, entries, { quota: 2 });
    expect(ids.map((id) => app(q2, id).recommendation)).toEqual(['recommended', 'pending', 'pending', 'beyond-quota']);
    expect(app(q2, 'b')).toMatchObject({ tie: true, pending: ['tie'] });
    expect(q2.problems.filter((p) => p.code === 'tie').map((p) => p.application)).toEqual(['b', 'c']);
    const q3 = run(r, entries, { quota: 3 });
    expect(ids.map((id) => app(q3, id).recommendation)).toEqual(['recommended', 'recommended', 'recommended', 'beyond-quota']);
    expect(app(q3, 'b').tie).toBe(true);
    const book = meanOfTwo() as unknown as { scoring: Record<string, unknown> };
    book.scoring.recommendations = 1;
    const fromRulebook = run(r, entries, {}, loadRulebook(book));
    expect(fromRulebook.quota).toBe(1);
    expect(run(r, entries, { quota: 3 }, loadRulebook(book)).quota).toBe(3);
    expect(run(r, entries).quota).toBeNull();
  });

  it('uses the rulebook rule for the committee score (trimmed mean from the minimum on)', () => {
    const book = meanOfTwo() as unknown as { scoring: Record<string, unknown> };
    book.scoring.combine = 'trimmed-mean';
    book.scoring.trimmedMinimum = 5;
    const five = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const totals = [50, 70, 80, 90, 100];
    const res = run(round([{ id: 'a' }], five), five.flatMap((x, i) => sheet(x, 'a', totalOf(totals[i]!))), {}, loadRulebook(book));
    expect(app(res, 'a').score).toBeCloseTo(80, 9);
    expect(app(res, 'a').mean).toBeCloseTo(78, 9);
    const four = run(round([{ id: 'a' }], five.slice(0, 4)), five.slice(0, 4).flatMap((x, i) => sheet(x, 'a', totalOf(totals[i]!))), {}, loadRulebook(book));
    expect(app(four, 'a').score).toBeCloseTo(72.5, 9);
  });

  it('flags a criterion to discuss when its spread is over the share of its weight, not at it', () => {
    const w0 = WEIGHTS[0]!;
    const limit = rb.data.scoring.spreadShare * w0;
    const lo = totalOf(60);
    const at = [...lo];
    at[0] = lo[0]! - limit;
    const over = [...lo];
    over[0] = lo[0]! - limit - 1;
    const res = run(round([{ id: 'a' }, { id: 'b' }]), [...sheet('甲', 'a', lo), ...sheet('乙', 'a', at), ...sheet('甲', 'b', lo), ...sheet('乙', 'b', over)]);
    expect(app(res, 'a').toDiscuss).toEqual([]);
    expect(app(res, 'b').toDiscuss).toEqual([CRITS[0]]);
  });

  it('audits only what changed since the previous tally (old → new), and removals', () => {
    const r = round([{ id: 'a' }]);
    const first = run(r, [...sheet('甲', 'a', totalOf(80)), ...sheet('乙', 'a', totalOf(80))]);
    expect(first.changes.length).toBe(16);
    expect(first.changes.every((c) => c.old === null)).toBe(true);
    const again = tally(r, [...sheet('甲', 'a', totalOf(80)), ...sheet('乙', 'a', totalOf(80))], first.audit, rb, { time: 't2' });
    expect(again.changes).toEqual([]);
    const edited = totalOf(80);
    edited[0] = edited[0]! - 2;
    const third = tally(r, [...sheet('甲', 'a', edited)], again.audit, rb, { time: 't3' });
    const changed = third.changes.filter((c) => c.outcome !== 'removed');
    expect(changed).toEqual([expect.objectContaining({ expert: '甲', item: CRITS[0], old: String(totalOf(80)[0]), new: String(edited[0]), time: 't3' })]);
    expect(third.changes.filter((c) => c.outcome === 'removed').map((c) => c.expert)).toEqual(Array(8).fill('乙'));
    expect(third.audit.length).toBe(first.audit.length + third.changes.length);
  });

  it('keeps the committee decision given', () => {
    const res = run(round([{ id: 'a' }]), [], { decisions: { a: { decision: '推荐', date: '2025-06-30', meeting: '第3次会议' } } });
    expect(app(res, 'a').decision).toEqual({ decision: '推荐', date: '2025-06-30', meeting: '第3次会议' });
  });
});
