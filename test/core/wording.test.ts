/**
 * The official wording of issue #8 (item 5): exact words of findings, summary and template, in the core. The
 * reviewed examples are checked for the same words in test/xlsx/wording.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { keyFigures, nationalRulebook, summaryModel, templateModels, type CellModel, type Report } from '../../src/core/index.js';
import { byCheck, rb, review } from '../support/review.js';
import { pct } from '../support/sheet.js';

const zh = (r: Report, check: string, code?: string) => byCheck(r, check).find((f) => code === undefined || f.code === code)!.messages['zh-CN'];
const en = (r: Report, check: string, code?: string) => byCheck(r, check).find((f) => code === undefined || f.code === code)!.messages['en-US'];

/** The summary's cells by row, as text. */
function summaryRows(r: Report, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Map<number, Map<number, string>> {
  const rows = new Map<number, Map<number, string>>();
  for (const c of summaryModel({ report: r, rb, lang }).model.cells as CellModel[]) {
    const v = c.value ?? c.result;
    if (v === null || v === undefined) continue;
    if (!rows.has(c.row)) rows.set(c.row, new Map());
    rows.get(c.row)!.set(c.col, String(v));
  }
  return rows;
}
const rowOf = (rows: Map<number, Map<number, string>>, first: string) => [...rows.values()].find((r) => r.get(0) === first)!;
const allText = (r: Report) => [...summaryRows(r).values()].flatMap((row) => [...row.values()]).join('\n');

describe('either-of findings name their indicators and values', () => {
  it('E2 met on the provincial recognition', () => {
    // Issue 19 item 7: the year and document of the provincial recognition, one sentence.
    expect(zh(review(), 'E2')).toBe('已认定为省级集群（2023年，浙经信企业〔2023〕12号），符合申报条件');
  });
  it('E2 not met names both branches', () => {
    expect(zh(review({ B9: '否', B6: 2025 }), 'E2')).toBe(
      '已认定为省级集群（首批申请除外）：是否已认定为省级中小企业特色产业集群：否；申报年度为2025（应不超过2022），不符合“已认定为省级中小企业特色产业集群（首批申请除外）”的要求',
    );
  });
  it('2.A not met names the deduplicated total and the sum of champions', () => {
    const m = zh(review({ '2.1': 0, '2.2': 0, '2.3': 4, '2.4': 5, '2.5': 6, '2.6': 6 }), '2.A');
    expect(m).toContain('主导产业制造业单项冠军企业数、主导产业专精特新“小巨人”企业数合计为0家（应不低于1家）');
    expect(m).toContain('；专精特新中小企业、创新型中小企业、国家级高新技术企业去重合计为6家（应不低于10家）');
    expect(m).not.toContain('；为');
  });
});

describe('failed comparisons', () => {
  it('a lower bound is 未达到, anything else 不符合, never 未高于/低于/超过 before the requirement', () => {
    const r = review({ '4.1': [10000, 10500, 10865], '1.5': 120 });
    expect(zh(r, '4.1')).toBe('中小企业研发经费年均增长为4.24%，未达到“中小企业研发经费年均增长高于10%”的要求（2022年10000万元→2024年10865万元，复合增长率）');
    expect(zh(r, '1.5')).toBe('占地面积为120平方公里，不符合“占地面积一般不超过100平方公里”的要求');
    const bad = /(未高于|低于|超过|未低于)“/;
    const reports = [r, review({ '1.6': [38, 39, 30] }), review({ '1.7': [60, 60, 60], '1.8': [60, 60, 60] }), review({ '4.4': [400, 410, 420], '5.1': pct(0.1) })];
    for (const x of reports) for (const f of x.findings) expect(f.messages['zh-CN'], f.key).not.toMatch(bad);
  });
  it('shares use the annex words', () => {
    const r = review({ '1.6': [77, 90, 100], '1.7': [60, 70, 69], '1.8': [60, 70, 70] });
    expect(zh(r, '1.7', 'share-below-minimum')).toBe('2024年中小企业产值占比为69%，未达到“中小企业产值占集群总产值70%以上”的要求（69亿元÷100亿元）');
    expect(zh(r, '1.8', 'share-below-minimum')).toBe('2024年主导产业产值占比为70%，未达到“主导产业占集群总产值比例高于70%”的要求（70亿元÷100亿元）');
  });
});

describe('veto answers', () => {
  it('是 is a veto under the criteria, not recommended; the summary says 一票否决, and 未发生 for 否', () => {
    const r = review({ D3: '是' });
    expect(zh(r, 'D3')).toBe('近三年是否发生较大及以上环境污染事故：是。属于认定标准规定的一票否决情形，不予推荐。');
    const rows = summaryRows(r);
    expect(rowOf(rows, 'D3').get(2)).toBe('一票否决');
    for (const id of ['D1', 'D2', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9']) expect(rowOf(rows, id).get(2), id).toBe('未发生');
  });
  it('English: grammatical veto requirements', () => {
    const req = (id: string) => rb.checks.find((c) => c.id === id)!.requirement!.en;
    expect(req('D1')).toBe('no serious safety accident or worse in the last three years');
    for (const c of rb.checks) if (c.requirement) expect(c.requirement.en, c.id).not.toMatch(/\bno an?\b/);
  });
});

describe('terms', () => {
  it('数据一致, 按集群总产值重新计算为, nested quotes ‘’ inside “”', () => {
    expect(zh(review(), '2.6')).toBe('专精特新中小企业、创新型中小企业、国家级高新技术企业去重合计为52家，在35家（最大单项）至75家（各项之和）之间，数据一致');
    expect(zh(review({ '1.9': pct(0.2) }), '1.9', 'derived-mismatch')).toBe('表内计算值与核验值不一致：产值年均增速表内为20%（指标表!F38），按集群总产值重新计算为12.55%');
    const m = zh(review({ '2.1': 0, '2.2': 0, '2.3': 4, '2.4': 5, '2.5': 6, '2.6': 6 }), '2.A');
    expect(m).toContain('“拥有主导产业制造业单项冠军企业或专精特新‘小巨人’企业（合计不少于1家），或专精特新中小企业、创新型中小企业和国家级高新技术企业不少于10家”的要求');
  });
  it('requirement texts in the annex words', () => {
    const r = nationalRulebook();
    const req = (id: string) => r.checks.find((c) => c.id === id)!.requirement?.zh;
    expect(req('1.7')).toBe('中小企业产值占集群总产值{bound}以上');
    expect(req('1.8')).toBe('主导产业占集群总产值比例高于{bound}');
    expect(req('4.4')).toBe('有效发明专利年均增长率不低于{bound}');
    expect(req('6.4')).toBe('能效水平高于行业基准值');
    expect(req('6.7')).toBe('水效水平高于行业基准值');
    expect(req('2.A')).not.toContain('等优质中小企业');
    expect(r.checks.find((c) => c.id === '2.A')!.title.zh).toBe('优质中小企业梯度培育');
    expect(r.checks.find((c) => c.id === '2.6')!.title.zh).toBe('去重合计数据核对');
  });
  it('the summary says 规则校验码, 模板所依据规则, 核验项目 and none of the old words', () => {
    const text = allText(review());
    for (const w of ['规则校验码', '模板所依据规则', '核验项目']) expect(text).toContain(w);
    for (const w of ['规则指纹', '工作簿模板依据', '检查项', '按1.6核验为', '：满足（：']) expect(text).not.toContain(w);
  });
  it('English: at least 1 enterprise, not 1 enterprises', () => {
    const m = en(review({ '2.1': 0, '2.2': 0, '2.3': 4, '2.4': 5, '2.5': 6, '2.6': 6 }), '2.A');
    expect(m).toContain('(needs at least 1 enterprise)');
    expect(m).toContain('at least 10 enterprises');
    expect(m).not.toMatch(/\b1 enterprises\b/);
  });
});

describe('checks that could not judge, and input checks', () => {
  it('a check stopped by a blank is missing and shown as 无法核验, never 不适用', () => {
    const r = review({ '1.6': [null, 135, 152] });
    const f = byCheck(r, '1.9')[0]!;
    expect([f.code, f.status]).toEqual(['not-evaluated', 'missing']);
    const row = [...summaryRows(r).values()].find((x) => x.get(1) === '1.9 产值年均增速')!;
    expect(row.get(3)).toBe('无法核验');
  });
  it('4.5 is an entry check: its pass quotes no requirement, its miss says what the value must be', () => {
    expect(zh(review(), '4.5')).toBe('集群从业人员数为38000人');
    const r = review({ '4.5': 0 });
    expect(byCheck(r, '4.5').map((f) => [f.code, f.status])).toEqual([['below-minimum', 'invalid']]);
    expect(zh(r, '4.5')).toBe('集群从业人员数为0人（指标表!F55），应大于0人');
    expect(byCheck(r, '4.6').map((f) => [f.code, f.status])).toEqual([['not-evaluated', 'invalid']]);
  });
});

describe('the template', () => {
  const { sheets } = templateModels(rb, 2026);
  const sheet = sheets[1]!;
  const at = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col);
  const rowOfCode = (code: string) => sheet.cells.find((c) => c.col === 0 && c.value === code)!.row;
  it('is titled with the official name of the form and comes with B6 filled in', () => {
    expect(at(0, 0)!.value).toBe('中小企业特色产业集群申报表（指标数据）');
    expect(at(rowOfCode('B6'), 5)!.value).toBe(2026);
  });
  it('6.3, 6.4, 6.6 and 6.7 say when they are required; optional rows say 选填', () => {
    expect(at(rowOfCode('6.3'), 1)!.value).toBe('单位产品综合能耗（6.2填“是”时必填）');
    expect(at(rowOfCode('6.4'), 1)!.value).toBe('行业能效基准值（单位产品能耗）（6.2填“是”时必填）');
    expect(at(rowOfCode('6.6'), 1)!.value).toBe('单位产品取水量（6.5填“是”时必填）');
    expect(at(rowOfCode('6.7'), 1)!.value).toBe('行业用水基准值（取水定额）（6.5填“是”时必填）');
    expect(at(rowOfCode('2.6'), 1)!.value).toMatch(/（选填）$/);
  });
});

describe('roll-up figures are the checks’ own values', () => {
  it('a 1.7 cell typed with a unit gives the share, not the converted amount', () => {
    const r = review({ '1.7': [95, 104, '1180000万元'] });
    expect(byCheck(r, '1.7').find((f) => f.code === 'unit-converted')!.params.value).toBe(118);
    expect(keyFigures(r).smeShare).toBeCloseTo(118 / 152, 12);
  });
  it('a growth series with a converted year gives the growth rate', () => {
    const r = review({ '4.1': [20000, '2.3亿元', 26500] });
    expect(keyFigures(r).rdGrowth).toBeCloseTo(Math.sqrt(26500 / 20000) - 1, 12);
  });
});
