/** The summary plan's expert decisions (src/core/workflow/experts.ts), table by table, both sides of each rule. */
import { describe, expect, it } from 'vitest';
import { committeeJson, emptyPreserved, notesText, parseNotesText, planExperts, withTallyInputs, type PreservedInputs } from '../../src/core/index.js';
import { rb } from '../support/files.js';

function inputs(): PreservedInputs {
  const p = emptyPreserved();
  for (const name of ['甲', '乙', '丙']) {
    p.experts.push(name);
    p.scores.set(name, new Map(rb.data.criteria.map((c) => [c.id, null])));
    p.conflicts.set(name, null);
    p.signatures.set(name, null);
    p.headers!.set(name, name);
  }
  p.scores.get('甲')!.set('1', 18);
  p.notes.set('score\u0000甲\u00001', '材料翔实');
  p.conflicts.set('乙', '是');
  p.reasons!.set('乙', '曾任顾问');
  p.signatures.set('丙', '丙');
  return p;
}

describe('planExperts', () => {
  it('renames: every input of the column moves, the notes on its cells too; the change is recorded; the input read is not changed', () => {
    const p = inputs();
    const r = planExperts(p, { rename: [['甲', '张三']] }, 't1');
    expect(r.refusal).toBeNull();
    expect(r.preserved!.experts).toEqual(['张三', '乙', '丙']);
    expect(r.preserved!.scores.get('张三')!.get('1')).toBe(18);
    expect(r.preserved!.notes.get('score\u0000张三\u00001')).toBe('材料翔实');
    expect(r.preserved!.changes).toEqual([{ time: 't1', kind: 'rename', expert: '甲', to: '张三' }]);
    expect(p.experts).toEqual(['甲', '乙', '丙']);
  });

  it.each([
    [{ rename: [['李四', '王五']] as Array<[string, string]> }, 'unknown-expert'],
    [{ rename: [['甲', '乙']] as Array<[string, string]> }, 'name-taken'],
    [{ remove: ['李四'] }, 'unknown-expert'],
    [{ remove: ['甲'] }, 'has-input'], // a score
    [{ remove: ['乙'] }, 'has-input'], // a 回避 mark
    [{ remove: ['丙'] }, 'has-input'], // a signature
  ])('refuses %j (%s)', (ops, code) => {
    expect(planExperts(inputs(), ops, 't').refusal?.code).toBe(code);
  });

  it('removes an expert with nothing entered without force, and one with entries only when forced; both recorded', () => {
    const p = inputs();
    p.experts.push('丁');
    p.scores.set('丁', new Map());
    const plain = planExperts(p, { remove: ['丁'] }, 't');
    expect(plain.refusal).toBeNull();
    expect(plain.preserved!.changes).toEqual([{ time: 't', kind: 'remove', expert: '丁', had: 0 }]);
    const forced = planExperts(p, { remove: ['甲'], forceRemove: true }, 't');
    expect(forced.preserved!.experts).toEqual(['乙', '丙', '丁']);
    expect(forced.preserved!.notes.size).toBe(0);
    expect(forced.preserved!.changes).toEqual([{ time: 't', kind: 'remove', expert: '甲', had: 1, forced: true }]);
  });

  it('takes a header a person edited as the name (said), restores a cleared one or one naming another expert (said)', () => {
    const p = inputs();
    p.headers!.set('甲', '张三');
    p.headers!.set('乙', '  ');
    p.headers!.set('丙', '张三'); // taken by 甲's edit just before
    const r = planExperts(p, {}, 't');
    expect(r.preserved!.experts).toEqual(['张三', '乙', '丙']);
    expect(r.preserved!.changes).toEqual([{ time: 't', kind: 'header-edited', expert: '甲', to: '张三' }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['expert-header-edited', 'expert-header-kept']);
    expect(r.warnings[1]!.params.edits).toEqual(['“” → “乙”', '“张三” → “丙”']);
    // Unchanged headers: nothing to say.
    expect(planExperts(inputs(), {}, 't').warnings).toEqual([]);
  });

  it('refuses an operation when there is no summary yet, and does nothing when none is asked', () => {
    expect(planExperts(null, { remove: ['甲'] }, 't').refusal?.code).toBe('no-summary');
    expect(planExperts(null, {}, 't')).toEqual({ preserved: null, warnings: [], refusal: null });
  });
});

describe('the committee of a summary', () => {
  it('notes round-trip through the 专家意见 cell by criterion; other text is kept under ""', () => {
    const text = notesText({ '2': '人才不足', '1': '规模偏小' }, rb);
    expect(text).toBe('1：规模偏小\n2：人才不足');
    expect(parseNotesText(`${text}\n另见附件`, rb)).toEqual({ '1': '规模偏小', '2': '人才不足', '': '另见附件' });
  });

  it('the tally’s annotations go into the inputs; what the summary had is kept where the tally says nothing', () => {
    const p = inputs();
    const out = withTallyInputs(
      p,
      [
        { name: '甲', conflicted: false, reason: null, returned: true, scores: { '1': 19, '2': null }, notes: { '1': '好' }, opinion: '推荐', total: null, signature: '', date: '' },
        { name: '丙', conflicted: true, reason: '亲属', returned: true, scores: {}, notes: {}, opinion: '', total: null, signature: '丙2', date: '' },
      ],
      rb,
    );
    expect(out.scores.get('甲')!.get('1')).toBe(19);
    expect(out.expertNotes!.get('甲')).toBe('1：好');
    expect(out.opinions!.get('甲')).toBe('推荐');
    expect(out.conflicts.get('丙')).toBe('是');
    expect(out.reasons!.get('丙')).toBe('亲属');
    expect(out.signatures.get('丙')).toBe('丙'); // a signature given is never replaced
    expect(out.reasons!.get('乙')).toBe('曾任顾问');
    expect(p.opinions!.size).toBe(0);
  });

  it('check --json’s committee section: the rule’s figures over experts with every criterion scored, 回避 left out', () => {
    const p = inputs();
    const full = (k: number) => new Map(rb.data.criteria.map((c) => [c.id, c.weight - k] as [string, number]));
    p.scores.set('甲', full(1));
    p.scores.set('丙', full(3));
    const report = { cluster: { name: 'X', province: '', county: '', applicationYear: 2025 }, verdict: 'passed' } as never;
    const j = committeeJson(p, report, rb, 'zh-CN', 'a.xlsx');
    const n = rb.data.criteria.length;
    expect(j.experts.map((x) => x.total)).toEqual([100 - n, null, 100 - 3 * n]);
    expect(j.experts[1]).toMatchObject({ conflicted: true, reason: '曾任顾问' });
    expect(j.n).toBe(2);
    expect(j.score).toBe(100 - 2 * n);
    expect(j.spread).toBe(2 * n);
    // Two experts counted, under the three the national rulebook's defaults ask for: pending, not recommended.
    expect(j.recommendation).toBe('pending');
  });
});
