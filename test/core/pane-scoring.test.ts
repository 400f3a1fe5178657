/**
 * The pane's scoring decisions (src/core/committee/pane.ts), table-driven: a score is written as the number the
 * tally reads (full-width digits too), refused outside 0…weight or when not a number; a cell changed since the
 * pane showed it is a conflict whatever is typed; the audit row says who, when, what, old → new.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_COLUMNS, auditItemOf, auditRowCells } from '../../src/core/committee/audit-sheet.js';
import { planScore, SUMMARY_AUTO_COL, type PaneItem } from '../../src/core/committee/pane.js';
import { summaryModel, type SummaryLayout } from '../../src/core/index.js';
import { t } from '../../src/core/text/index.js';
import { rb, review } from '../support/review.js';

const layout: SummaryLayout = {
  sheet: '评审汇总',
  experts: [
    { name: '张三', col: 5 },
    { name: '李四', col: 6 },
  ],
  criteriaRows: Object.fromEntries(rb.data.criteria.map((c, i) => [c.id, 20 + i])),
  conflictRow: 29,
  signatureRow: 40,
  decision: [35, 2],
  rationale: [36, 2],
  date: [37, 2],
};
const ctx = { rb, time: '2025-06-01 10:00', application: '某集群', source: '任务窗格' };
const score: PaneItem = { kind: 'score', criterion: '1' };

describe('planScore', () => {
  it.each([
    ['18', null, null, { kind: 'write', value: 18 }],
    ['１８', null, null, { kind: 'write', value: 18 }],
    [' 20 ', null, null, { kind: 'write', value: 20 }],
    [0, null, null, { kind: 'write', value: 0 }],
    ['20.5', null, null, { kind: 'invalid', code: 'out-of-range', max: 20 }],
    [-1, null, null, { kind: 'invalid', code: 'out-of-range', max: 20 }],
    ['18点', null, null, { kind: 'invalid', code: 'not-a-number', max: 20 }],
    ['18分', null, null, { kind: 'write', value: 18 }],
    ['', 12, 12, { kind: 'write', value: null }],
    [12, 12, 12, { kind: 'unchanged' }],
    ['１２', 12, '12', { kind: 'unchanged' }],
    [15, null, 12, { kind: 'conflict', mine: '15', theirs: '12', seen: '' }],
    [15, 10, 12, { kind: 'conflict', mine: '15', theirs: '12', seen: '10' }],
    // The same value typed by both is still a change someone else made: asked, not assumed.
    [12, 10, 12, { kind: 'conflict', mine: '12', theirs: '12', seen: '10' }],
  ] as const)('%j over seen %j, now %j', (value, seen, now, want) => {
    expect(planScore(layout, '张三', score, value, seen, now, ctx)).toMatchObject(want);
  });

  it('writes only the expert’s own cell, and the audit row says who, when, what, old → new', () => {
    const p = planScore(layout, '李四', score, 17, 12, 12, ctx);
    expect(p).toMatchObject({ kind: 'write', cell: { row: 20, col: 6 }, note: null });
    if (p.kind !== 'write') return;
    expect(p.audit).toEqual({ time: ctx.time, expert: '李四', application: '某集群', item: '1', old: '12', new: '17', source: '任务窗格', sha256: '', fileTime: ctx.time, outcome: 'used' });
    const cells = auditRowCells(p.audit, 'zh-CN', { cell: '评审汇总!G21' });
    expect(cells).toHaveLength(AUDIT_COLUMNS.length);
    expect(cells).toEqual(['李四', '某集群', '1', '17', '计入', '12 → 17', '任务窗格', '评审汇总!G21', '', ctx.time]);
  });

  it('refuses unknown experts and criteria; 回避 is 是/否; texts go to a note on the expert’s cell', () => {
    expect(planScore(layout, '王五', score, 1, null, null, ctx)).toEqual({ kind: 'invalid', code: 'unknown-expert' });
    expect(planScore(layout, '张三', { kind: 'score', criterion: 'X' }, 1, null, null, ctx)).toEqual({ kind: 'invalid', code: 'unknown-criterion' });
    expect(planScore(layout, '张三', { kind: 'recusal' }, '是', null, null, ctx)).toMatchObject({ kind: 'write', cell: { row: 29, col: 5 }, value: '是' });
    expect(planScore(layout, '张三', { kind: 'opinion' }, '建议推荐', '', '', ctx)).toMatchObject({ kind: 'write', cell: null, note: { row: 40, col: 5, text: '建议推荐' }, audit: { item: 'opinion' } });
    expect(planScore(layout, '张三', { kind: 'note', criterion: '1' }, '待核', '', '', ctx)).toMatchObject({ kind: 'write', cell: null, note: { row: 20, col: 5 }, audit: { item: 'note:1' } });
  });

  it('reads audit items back in either language', () => {
    const ids = rb.data.criteria.map((c) => c.id);
    expect(auditItemOf('1 备注', ids)).toBe('note:1');
    expect(auditItemOf('1 note', ids)).toBe('note:1');
    expect(auditItemOf('专家意见', ids)).toBe('opinion');
    expect(auditItemOf('Reason for recusal', ids)).toBe('recusal-reason');
    expect(auditItemOf('3', ids)).toBe('3');
    expect(auditItemOf('别的', ids)).toBeNull();
  });

  it('SUMMARY_AUTO_COL is the summary’s column of automated results', () => {
    const report = review();
    const { model, layout: l } = summaryModel({ report, rb, lang: 'zh-CN', experts: ['张三'] });
    const header = model.cells.find((c) => c.row === Math.min(...Object.values(l.criteriaRows)) - 1 && c.col === SUMMARY_AUTO_COL);
    expect(header?.value).toBe(t('summary.colAuto', 'zh-CN'));
  });
});
