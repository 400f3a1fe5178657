/**
 * Domain fidelity (issue 19): rules an audit against the Measures and the annex found giving a wrong result.
 * Each test is written from the rule.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { passingValues, type Values } from '../support/sheet.js';
import { listSheet, passingLists, pool, reviewWithLists, withList } from '../support/lists.js';

const find = (report: Report, check: string) => report.findings.filter((f) => f.check === check);

describe('2.A counts distinct enterprises', () => {
  // The same 4 enterprises in all three lists; no champion, no little giant.
  const same4 = () => {
    let lists = passingLists();
    lists = withList(lists, listSheet('champions', []));
    lists = withList(lists, listSheet('little-giants', []));
    lists = withList(lists, listSheet('specialised', pool(1, 4, '省级')));
    lists = withList(lists, listSheet('innovative', pool(1, 4, '省级')));
    lists = withList(lists, listSheet('high-tech', pool(1, 4, '国家级')));
    return lists;
  };
  const values = (v: Record<string, number | undefined>) => {
    const out: Values = { ...passingValues(), '2.1': 0, '2.2': 0, '2.3': 4, '2.4': 4, '2.5': 4, ...v };
    for (const [k, x] of Object.entries(v)) if (x === undefined) delete out[k];
    return out;
  };

  it('2.6 blank: 2.A uses the lists de-duplicated (4家), not the sum 12, and fails', () => {
    const { review, report } = reviewWithLists(same4(), values({ '2.6': undefined }));
    const a = find(report, '2.A');
    expect(a.map((f) => [f.code, f.status])).toEqual([['neither-met', 'fail']]);
    const branches = report.findings.find((f) => f.check === '2.A')!.params.branches as Array<{ params: Record<string, unknown> }>;
    expect(branches[1]!.params).toMatchObject({ value: 4, source: 'lists' });
    expect(a.some((f) => f.code === 'possible-double-count')).toBe(false);
    expect(review.verdict).toBe('failed');
    const msg = report.findings.find((f) => f.check === '2.A')!.messages['zh-CN'];
    expect(msg).toContain('按统一社会信用代码去重后名单合计为4家');
    expect(msg).not.toContain('12家');
  });

  it('2.6 stated and consistent with the lists: 2.A judges 2.6', () => {
    const { report } = reviewWithLists(same4(), values({ '2.6': 4 }));
    const branches = report.findings.find((f) => f.check === '2.A')!.params.branches as Array<{ params: Record<string, unknown> }>;
    expect(branches[1]!.params).toMatchObject({ value: 4, source: 'total' });
  });

  it('a stated 2.6 above the distinct count is a finding, and 2.A uses the lists', () => {
    const { review, report } = reviewWithLists(same4(), values({ '2.6': 12 }));
    expect(find(report, 'L9').map((f) => [f.code, f.status])).toEqual([['list-dedup-differs', 'invalid']]);
    const branches = report.findings.find((f) => f.check === '2.A')!.params.branches as Array<{ params: Record<string, unknown> }>;
    expect(branches[1]!.params).toMatchObject({ value: 4, source: 'lists' });
    expect(review.verdict).not.toBe('passed');
  });

  it('the passing application still passes 2.A', () => {
    const { review } = reviewWithLists(passingLists());
    expect(review.verdict).toBe('passed');
  });
});
