/**
 * The summary 评审汇总 follows the rulebook's scoring rule: the committee score (its own row under the trimmed mean or
 * the median; the total's 平均分 under the mean), the minimum number of experts (below it 待评分) and the label
 * saying the rule in words; the cached results are the core's `committeeFigures`, the formulas plain.
 */
import { describe, expect, it } from 'vitest';
import { committeeFigures, summaryModel, type CellModel } from '../../src/core/index.js';
import { loadRulebook } from '../../src/core/rulebook/load.js';
import type { PreservedInputs } from '../../src/core/report/summary.js';
import { rb, review } from '../support/review.js';

const spread = (total: number) =>
  [20, 15, 10, 15, 10, 10, 10, 10].map((w) => {
    const v = Math.min(w, total);
    total -= v;
    return v;
  });
const TOTALS: Record<string, number> = { 甲: 100, 乙: 45, 丙: 58 };

function model(scoring: Record<string, unknown>) {
  const book = loadRulebook({ ...rb.source, scoring: { ...rb.source.scoring, ...scoring } }, 'test');
  const ids = book.data.criteria.map((c) => c.id);
  const preserved: PreservedInputs = {
    experts: Object.keys(TOTALS),
    scores: new Map(Object.entries(TOTALS).map(([x, total]) => [x, new Map(ids.map((id, i) => [id, spread(total)[i]!]))])),
    conflicts: new Map(),
    signatures: new Map(),
    decision: null,
    rationale: null,
    date: null,
    notes: new Map(),
  };
  const report = review({}, {}, book);
  const { model } = summaryModel({ report, rb: book, lang: 'zh-CN', preserved });
  const cells = model.cells as CellModel[];
  const labelled = (prefix: string) => {
    const label = cells.find((c) => typeof c.value === 'string' && c.value.startsWith(prefix));
    if (!label) return undefined;
    return { label: label.value as string, cell: cells.find((c) => c.row === label.row && c.col === label.col + 1)! };
  };
  const figures = committeeFigures(
    book,
    Object.keys(TOTALS).map((name) => ({ name, scores: Object.fromEntries(ids.map((id, i) => [id, spread(TOTALS[name]!)[i]!])) })),
    report.verdict,
  );
  return { book, report, score: labelled('专家组评分'), rec: labelled('推荐意见')!, figures };
}

describe('the summary follows the rulebook scoring rule', () => {
  it('mean, two experts counted: no extra row; the recommendation over the total 平均分, 待评分 below the 2 experts it asks for', () => {
    const { score, rec, figures, report } = model({ combine: 'mean', minimumExperts: 2 });
    expect(report.verdict).toBe('passed');
    expect(score).toBeUndefined();
    expect(rec.label).toBe('推荐意见（通过自动核验且专家组评分（平均分）≥60为达到推荐分数线；不足2位专家评分时待定（待评分）；是否建议推荐以推荐汇总的排名和名额为准）。分值及推荐分数线由本省设定（本工具默认值），认定标准未规定分值');
    expect(rec.cell.formula).toMatch(/^IF\(COUNT\([A-Z]+\d+:[A-Z]+\d+\)<2,"待定（待评分）",IF\([A-Z]+\d+>=60,"达到推荐分数线","未达推荐分数线"\)\)$/);
    // Decimal-exact (exactScore): 203/3 rounded to six places, as the sheet's ROUND(…,6) gives it.
    expect(figures).toMatchObject({ score: 67.666667, recommendation: 'recommended' });
    expect(rec.cell.result).toBe('达到推荐分数线');
  });
  it('trimmed mean: the committee score row (SUM−MAX−MIN)/(COUNT−2) when at least N totals, else the mean', () => {
    const { score, rec, figures } = model({ combine: 'trimmed-mean', trimmedMinimum: 3, minimumExperts: 2 });
    expect(score!.label).toBe('专家组评分（去掉一个最高分和一个最低分后的平均分；不足3个总分时取平均分）');
    expect(score!.cell.formula).toMatch(/^IF\(COUNT\((\w+:\w+)\)=0,"",ROUND\(IF\(COUNT\(\1\)>=3,\(SUM\(\1\)-MAX\(\1\)-MIN\(\1\)\)\/\(COUNT\(\1\)-2\),AVERAGE\(\1\)\),6\)\)$/);
    expect(score!.cell.result).toBe(58);
    expect(figures).toMatchObject({ score: 58, recommendation: 'not-recommended' });
    expect(rec.label).toBe('推荐意见（通过自动核验且专家组评分（去掉一个最高分和一个最低分后的平均分）≥60为达到推荐分数线；不足2位专家评分时待定（待评分）；是否建议推荐以推荐汇总的排名和名额为准）。分值及推荐分数线由本省设定（本工具默认值），认定标准未规定分值');
    // Compared over the committee score's own cell (the row above).
    expect(rec.cell.formula).toMatch(new RegExp(`IF\\(C${score!.cell.row + 1}>=60,`));
    expect(rec.cell.result).toBe('未达推荐分数线');
  });
  it('median, with a minimum of 4 experts: 待评分 with 3', () => {
    const { score, rec, figures } = model({ combine: 'median', minimumExperts: 4 });
    expect(score!.label).toBe('专家组评分（中位数）');
    expect(score!.cell.formula).toMatch(/^IF\(COUNT\((\w+:\w+)\)=0,"",ROUND\(MEDIAN\(\1\),6\)\)$/);
    expect(score!.cell.result).toBe(58);
    expect(rec.label).toBe('推荐意见（通过自动核验且专家组评分（中位数）≥60为达到推荐分数线；不足4位专家评分时待定（待评分）；是否建议推荐以推荐汇总的排名和名额为准）。分值及推荐分数线由本省设定（本工具默认值），认定标准未规定分值');
    expect(rec.cell.formula).toMatch(/^IF\(COUNT\(\w+:\w+\)<4,"待定（待评分）",IF\(C\d+>=60,/);
    expect(figures).toMatchObject({ score: 58, recommendation: 'pending' });
    expect(rec.cell.result).toBe('待定（待评分）');
  });
});
