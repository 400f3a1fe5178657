/**
 * Domain fidelity (issue 19): rules an audit against the Measures and the annex found giving a wrong result.
 * Each test is written from the rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, loadRulebook, readListSheet, templateModels, type Report } from '../../src/core/index.js';
import { passingValues, type Values } from '../support/sheet.js';
import { listCode as listCodeOf, listSheet, passingLists, pool, reviewWithLists, withList } from '../support/lists.js';
import { rb } from '../support/review.js';

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

describe('the name lists: what each list records', () => {
  it('龙头企业 are not recognised titles: a blank 级别 or 认定年份 makes nothing incomplete', () => {
    const lists = withList(passingLists(), listSheet('leading', [['龙头甲', listCodeOf(1), null, null], ['龙头乙', listCodeOf(2), '省级', null]]));
    const { review, report } = reviewWithLists(lists);
    expect(report.findings.filter((f) => f.code === 'list-level-missing' || f.code === 'list-year-missing')).toEqual([]);
    expect(find(report, 'L1').map((f) => [f.code, f.status])).toEqual([['list-read', 'pass']]);
    expect(review.verdict).toBe('passed');
  });

  it('the national rulebook counts only 国家级 单项冠军 for 2.1: a 省级 entry is listed, not counted, and said', () => {
    const both = listSheet('champions', [...pool(53, 53, '国家级'), ['省冠军公司', listCodeOf(60), '省级', 2023]]);
    const lists = withList(passingLists(), both);
    const ok = reviewWithLists(lists, { ...passingValues(), '2.1': 1 }).report;
    expect(find(ok, 'L2').map((f) => [f.code, f.status])).toEqual([
      ['list-entry-not-counted', 'warn'],
      ['list-count-matches', 'pass'],
    ]);
    const said = find(ok, 'L2')[0]!;
    expect(said.cells).toEqual(['制造业单项冠军企业!D4']);
    expect(said.messages['zh-CN']).toBe('“制造业单项冠军企业”名单中“省冠军公司”的级别为“省级”（制造业单项冠军企业!D4），主导产业制造业单项冠军企业数只计国家级，该企业列出但不计入');
    const counted2 = reviewWithLists(lists, { ...passingValues(), '2.1': 2 }).report;
    expect(find(counted2, 'L2').map((f) => f.code)).toContain('list-count-differs');
    expect(find(counted2, 'L2').find((f) => f.code === 'list-count-differs')!.params).toMatchObject({ stated: 2, distinct: 1 });
  });

  it('a title recognised longer ago than its validity at the application year is a warning naming the entry', () => {
    // 专精特新中小企业 valid 3 years (rulebook data): recognised 2021, applying 2025 → lapsed; 2022 still valid.
    const rows = [...pool(1, 17, '省级'), ['老专精公司', listCodeOf(18), '省级', 2021]];
    const lists = withList(passingLists(), listSheet('specialised', rows));
    const { review, report } = reviewWithLists(lists);
    const lapsed = report.findings.filter((f) => f.code === 'list-title-expired');
    expect(lapsed.map((f) => [f.check, f.status, f.cells])).toEqual([['L4', 'warn', ['专精特新中小企业!E20']]]);
    expect(lapsed[0]!.messages['zh-CN']).toBe('“专精特新中小企业”名单中“老专精公司”的认定年份为2021年（专精特新中小企业!E20），专精特新中小企业有效期3年，至申报年度2025年已超过有效期，请核实是否已复核或重新认定');
    expect(review.verdict).toBe('passed');
    expect(rb.data.lists!.filter((l) => l.validityYears !== undefined).map((l) => [l.id, l.validityYears])).toEqual([
      ['champions', 3],
      ['little-giants', 3],
      ['specialised', 3],
      ['innovative', 3],
      ['high-tech', 3],
    ]);
  });
});

describe('an indicator is required only where a check in force uses it', () => {
  const yunnan = loadRulebook(JSON.parse(readFileSync('rulebooks/yunnan-2023.json', 'utf8')));
  it('under the Yunnan rulebook (4.4 and 4.6 off) a blank 4.4 does not make the application 数据不全', () => {
    const values = { ...passingValues() };
    for (const k of Object.keys(values)) if (k.startsWith('4.4')) delete values[k];
    const { review, report } = reviewWithLists(passingLists(yunnan), values, yunnan);
    expect(report.findings.filter((f) => f.indicator === '4.4' && f.status === 'missing')).toEqual([]);
    expect(review.verdict).toBe('passed');
    expect(yunnan.indicators.get('4.4')!.required).toBe(false);
    // 4.5 is still read by a check in force (its entry check), so it stays required.
    expect(yunnan.indicators.get('4.5')!.required).toBe(true);
  });
  it('under the national rulebook a blank 4.4 is still missing', () => {
    const values = { ...passingValues() };
    for (const k of Object.keys(values)) if (k.startsWith('4.4')) delete values[k];
    expect(reviewWithLists(passingLists(), values).review.verdict).toBe('incomplete');
  });
});

describe('the list sheets are sized to the cluster', () => {
  const inputRows = (m: { cells: Array<{ col: number; input?: string }> }) => m.cells.filter((c) => c.col === 2 && c.input === 'applicant').length;
  it('a list of enterprises takes as many rows as the cluster has enterprises, within the limits table', () => {
    const sheets = templateModels(rb, 2025, 'zh-CN', undefined, { enterprises: 300 }).sheets;
    const by = (name: string) => sheets.find((s) => s.name === name)!;
    expect(inputRows(by('专精特新中小企业'))).toBe(300);
    expect(inputRows(by('创新型中小企业'))).toBe(300);
    // Platforms are not enterprises of the cluster: their rows stay as the rulebook sets them.
    expect(inputRows(by('创新平台'))).toBe(20);
    const huge = templateModels(rb, 2025, 'zh-CN', undefined, { enterprises: 1_000_000 }).sheets;
    expect(inputRows(huge.find((s) => s.name === '专精特新中小企业')!)).toBe(LIMITS.listRows);
    // Unsized, the rulebook's rows.
    expect(inputRows(templateModels(rb, 2025, 'zh-CN').sheets.find((s) => s.name === '专精特新中小企业')!)).toBe(50);
  });
  it('the reader takes every entry of a list, past the template’s rows', () => {
    const rows = pool(1, 260, '省级');
    const l = readListSheet(listSheet('specialised', rows), rb.data.lists!.find((x) => x.id === 'specialised')!);
    expect(l.entries.length).toBe(260);
    expect(l.distinct).toBe(260);
  });
});
