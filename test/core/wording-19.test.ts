/** The wording the audit listed (issue 19 item 7): each corrected, asserted word for word. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRulebook, PLAN_COLUMNS, PLAN_HEADER_ROW, rollupTitle, summaryModel, templateModels, type Report } from '../../src/core/index.js';
import { passingLists, reviewWithLists } from '../support/lists.js';
import { rb } from '../support/review.js';
import { passingValues } from '../support/sheet.js';

const passing = () => reviewWithLists(passingLists()).report;
const zh = (r: Report, check: string) => r.findings.filter((f) => f.check === check).map((f) => f.messages['zh-CN']);
/** Brackets nested inside brackets: the audit's "nested brackets" (one sentence instead). */
const depth = (s: string) => {
  let d = 0;
  let max = 0;
  for (const ch of s) {
    if (ch === '（') max = Math.max(max, ++d);
    if (ch === '）') d--;
  }
  return max;
};

describe('wording (issue 19 item 7)', () => {
  it('规划目标!D2 says the base year’s actual figure, not 现值', () => {
    const plan = templateModels(rb, 2025, 'zh-CN').sheets.find((s) => s.name === '规划目标')!;
    expect(plan.cells.find((c) => c.row === PLAN_HEADER_ROW && c.col === PLAN_COLUMNS.current)!.value).toBe('2024年实际值（基期）');
  });
  it('E2 met: 已认定为省级集群（年份，文号），符合申报条件', () => {
    expect(zh(passing(), 'E2')).toEqual(['已认定为省级集群（2023年，浙经信企业〔2023〕12号），符合申报条件']);
  });
  it('2.A met is one sentence, no brackets inside brackets', () => {
    const [m] = zh(passing(), '2.A');
    expect(m).toBe('优质中小企业梯度培育：主导产业制造业单项冠军企业数、主导产业专精特新“小巨人”企业数合计4家，不少于1家，符合要求');
    expect(depth(m!)).toBeLessThanOrEqual(1);
  });
  it('the summary says 符合 / 未发生 / 已填写 / 完整 on E, D, list and P rows, never 达标', () => {
    const report = passing();
    const model = summaryModel({ report, rb, lang: 'zh-CN' }).model;
    const rowOf = (id: string) => model.cells.filter((c) => c.row === model.cells.find((x) => x.value === id && x.col === 0)!.row);
    expect(rowOf('E1').map((c) => c.value)).toContain('符合');
    expect(rowOf('D1').map((c) => c.value)).toContain('未发生');
    const words = (check: string) => model.cells.filter((c) => c.col === 3 && model.cells.some((x) => x.row === c.row && x.col === 1 && String(x.value).startsWith(`${check} `))).map((c) => c.value);
    expect(words('L4')).toEqual(['已填写']);
    expect(words('P1')).toEqual(['完整']);
    for (const id of ['E1', 'E2', 'D1']) expect(rowOf(id).map((c) => c.value)).not.toContain('达标');
  });
  it('B18 is 不晚于 the application year; counts carry 家', () => {
    expect(rb.checks.find((c) => c.id === 'B18')!.title.zh).toBe('省级认定不晚于申报年度');
    expect(zh(passing(), 'L1')).toEqual(['“龙头企业”名单列出5家（龙头企业!B3:E7）']);
    expect(zh(passing(), 'B17')[0]).toMatch(/^其中：中小企业数量为\d+家，不超过集群企业数量\d+家/);
  });
  it('B7 says when it is required: （8.1填“是”时必填）', () => {
    const sheet = templateModels(rb, 2025, 'zh-CN').sheets.find((s) => s.name === '指标表')!;
    const row = sheet.cells.find((c) => c.value === 'B7')!.row;
    expect(sheet.cells.find((c) => c.row === row && c.col === 1)!.value).toBe('集群运营管理机构名称（8.1填“是”时必填）');
  });
  it('the provincial round’s list title', () => {
    const yunnan = loadRulebook(JSON.parse(readFileSync('rulebooks/yunnan-2023.json', 'utf8')));
    const result = { round: { year: 2025 }, notReturned: [] } as unknown as Parameters<typeof rollupTitle>[0];
    expect(rollupTitle(result, 'zh-CN', yunnan)).toBe('2025年度省级中小企业特色产业集群推荐汇总表');
    expect(rollupTitle(result, 'zh-CN', rb)).toBe('2025年度中小企业特色产业集群推荐汇总表');
  });
  it('English amounts in 亿元 read in billion yuan', () => {
    const r = reviewWithLists(passingLists(), { ...passingValues(), '1.6': [38.2, 45, 52] }).report;
    const en = r.findings.filter((f) => f.check === '1.6').map((f) => f.messages['en-US']).join('\n');
    expect(en).toContain('3.82 billion yuan');
    expect(en).toContain('4 billion yuan');
    expect(en).not.toContain('hundred million');
  });
});
