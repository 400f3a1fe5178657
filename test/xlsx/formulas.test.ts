/**
 * The summary's live formulas, computed by a real spreadsheet engine (LibreOffice Calc, headless), agree with
 * the core's committee figures: mean, median, spread and 待讨论 per criterion and in total, 回避 excluded. The
 * formulas are plain (no array entry), so the Office.js adapter writes exactly these too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committeeFigures, type ExpertScores } from '../../src/core/index.js';
import { t } from '../../src/core/text/index.js';
import { loadRulebook } from '../../src/core/rulebook/load.js';
import { readMeta } from '../../src/xlsx/meta.js';
import { cli, load, rb, tempDir, writeExample } from '../support/files.js';
import { dropFormulaResults, libreofficeCsv, SOFFICE } from '../support/libreoffice.js';

// .ci/run installs LibreOffice (Debian libreoffice-calc-nogui); a developer machine without it skips this one
// suite with this reason rather than failing on a missing program.
describe.skipIf(!SOFFICE)('summary formulas in a real spreadsheet engine (needs LibreOffice)', () => {
  // The committee score and the recommendation by each rule: totals 甲 77, 乙 68, 戊 16 (丙 incomplete, 丁 回避).
  it.each([
    ['mean', {}, '未达推荐分数线'],
    ['trimmed-mean', { combine: 'trimmed-mean', trimmedMinimum: 3 }, '达到推荐分数线'],
    ['median', { combine: 'median', minimumExperts: 4 }, '待定（待评分）'],
  ] as const)('%s: LibreOffice computes the same committee figures as the core', async (rule, scoring, recommendation) => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing');
    const reviewed = join(dir, 'reviewed.xlsx');
    const rbFile = join(dir, 'rulebook.json');
    const book = loadRulebook({ ...rb.source, scoring: { ...rb.source.scoring, ...scoring } }, rbFile);
    writeFileSync(rbFile, JSON.stringify(book.source));
    expect((await cli(['check', input, '-o', reviewed, '--experts', '甲,乙,丙,丁,戊', '--rulebook', rbFile])).code).toBe(0);
    const wb = await load(reviewed);
    const s = readMeta(wb)!.review!.summary!;
    const ws = wb.getWorksheet(s.sheet)!;
    // Per criterion: four experts, one blank score, 丁 conflicted (excluded), wide spreads on some.
    const table: Array<Array<number | null>> = [
      [18, 12, 15, 20, 2],
      [10, 14, null, 1, 2],
      [8, 8, 8, 0, 2],
      [15, 4, 9, 15, 2],
      [5, 7, 6, 10, 2],
      [9, 9, 2, 10, 2],
      [5, 6, 7, 10, 2],
      [7, 8, 9, 10, 2],
    ];
    const ids = Object.keys(s.criteriaRows);
    ids.forEach((id, i) => s.experts.forEach((e, j) => (ws.getCell(s.criteriaRows[id]! + 1, e.col + 1).value = table[i]![j]!)));
    ws.getCell(s.conflictRow + 1, s.experts[3]!.col + 1).value = '是';
    /** Writes the scored workbook and lets LibreOffice compute it. */
    const compute = async (name: string): Promise<string[][]> => {
      // Plain formulas only (what the Office.js adapter writes is what is computed here), their results dropped.
      expect(dropFormulaResults(ws)).toBeGreaterThan(0);
      const file = join(dir, `${name}.xlsx`);
      await wb.xlsx.writeFile(file);
      return libreofficeCsv(file, wb.worksheets.findIndex((w) => w.name === s.sheet) + 1, dir);
    };

    const experts: ExpertScores[] = s.experts.map((e, j) => ({
      name: e.name,
      conflicted: j === 3,
      scores: Object.fromEntries(ids.map((id, i) => [id, table[i]![j]!])),
    }));
    const core = committeeFigures(book, experts, 'passed');
    const grid = await compute('scored');
    const meanCol = s.experts[4]!.col + 1;
    const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
    ids.forEach((id, i) => {
      const row = grid[s.criteriaRows[id]!]!;
      const fig = core.criteria[i]!;
      expect(num(row[meanCol]), `mean ${id}`).toBeCloseTo(fig.mean!, 9);
      expect(num(row[meanCol + 1]), `median ${id}`).toBeCloseTo(fig.median!, 9);
      expect(num(row[meanCol + 2]), `spread ${id}`).toBeCloseTo(fig.spread!, 9);
      expect(row[meanCol + 3] === '待讨论', `discuss ${id}`).toBe(fig.toDiscuss);
    });
    const totalRow = grid[s.criteriaRows[ids.at(-1)!]! + 1]!;
    // 丙 left criterion 2 blank: no total for 丙, and the committee total is over 甲, 乙 and 戊.
    expect(totalRow[s.experts[2]!.col]).toBe('');
    expect(num(totalRow[meanCol])).toBeCloseTo(core.total.mean!, 9);
    expect(num(totalRow[meanCol + 2])).toBeCloseTo(core.total.spread!, 9);
    expect(core.criteria.some((c) => c.toDiscuss)).toBe(true);
    // The committee score by the rule (the total's 平均分 under the mean, its own row otherwise) and the
    // recommendation, as LibreOffice computes them, are the core's.
    expect(core.totals.map((x) => x.total)).toEqual([77, 68, null, null, 16]);
    const labelled = (prefix: string) => grid.find((r) => r[1]?.startsWith(prefix));
    const score = rule === 'mean' ? num(totalRow[meanCol]) : num(labelled('专家组评分')?.[2]);
    expect(score).toBeCloseTo(core.score!, 9);
    // The committee score is stored decimal-exact (SCORE_PLACES), as the sheet's ROUND(…) computes it: 161/3 → 53.666667.
    expect(core.score).toBe({ mean: 53.666667, 'trimmed-mean': 68, median: 68 }[rule]);
    expect(labelled('推荐意见')?.[2]).toBe(recommendation);
    expect(t(`recommendation.${core.recommendation}`, 'zh-CN')).toBe(recommendation);
  }, 180_000); // a first LibreOffice start on a fresh machine builds its profile
});
