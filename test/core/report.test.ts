/** The JSON report's shape (documented in docs/REPORT.md) and its determinism. */
import { describe, expect, it } from 'vitest';
import { REPORT_FORMAT } from '../../src/core/index.js';
import { rb, review } from '../support/review.js';

describe('JSON report', () => {
  const r = review({ '1.6': [38.2, 41, 45] });
  it('names the rulebook in force, the cluster and the verdict', () => {
    expect(Object.keys(r)).toEqual(['format', 'rulebook', 'source', 'cluster', 'verdict', 'verdictText', 'criteria', 'counts', 'findings']);
    expect(r.format).toBe(REPORT_FORMAT);
    expect(r.rulebook).toEqual({ id: 'cn-miit-2022', name: rb.data.name, edition: '2022', authority: rb.data.authority, fingerprint: rb.fingerprint });
    expect(r.cluster).toEqual({
      name: '示例县精密轴承产业集群',
      province: '浙江省',
      county: '示例县',
      city: '示例市',
      leadingIndustry: '轴承制造',
      nicheSector: '精密轴承',
      applicationYear: 2025,
      dataYears: [2022, 2023, 2024],
    });
    expect(r.verdict).toBe('failed');
    expect(r.verdictText).toEqual({ 'zh-CN': '未达标', 'en-US': 'Criteria not met' });
  });
  it('each finding carries code, status, check, indicator, year, cells, params and messages', () => {
    const f = r.findings.find((x) => x.check === '1.6' && x.year === 2022)!;
    expect(f).toEqual({
      key: '1.6:below-minimum:1.6:2022',
      code: 'below-minimum',
      status: 'fail',
      source: 'check',
      check: '1.6',
      indicator: '1.6',
      year: 2022,
      cells: ['指标表!D35'],
      params: { value: 38.2, op: '>=', bound: 40, unit: '亿元' },
      messages: {
        'zh-CN': '2022年集群总产值为38.2亿元，未达到“近三年产值均在40亿元以上”的要求',
        'en-US': expect.stringContaining('3.82 billion yuan'),
      },
    });
  });
  it('criteria list eligibility, the eight criteria and the veto group, with keys of their findings', () => {
    expect(r.criteria.map((c) => c.id)).toEqual(['E', '1', '2', '3', '4', '5', '6', '7', '8', 'B', 'D', 'C']);
    const keys = new Set(r.findings.map((f) => f.key));
    expect(keys.size).toBe(r.findings.length);
    for (const c of r.criteria) for (const k of [...c.findings, ...c.reasons]) expect(keys.has(k)).toBe(true);
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(r.findings.length);
  });
  it('is deterministic and survives a JSON round trip unchanged', () => {
    const again = review({ '1.6': [38.2, 41, 45] });
    expect(JSON.stringify(again)).toBe(JSON.stringify(r));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
