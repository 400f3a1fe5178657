/**
 * Hostile (issue 20, item 2): an applicant's workbook that arrives with a scored summary (its data changed since
 * that summary was written) is said — "提交的文件中已含评审内容" — and its scores are never counted, as `check` does.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrash, reviewedExample, runCli } from './support.js';

describe('a workbook arriving with review content', () => {
  it('its summary scores are not counted by tally, and the file is said to hold review content', async () => {
    const { dir, copy, wb, ws: sum, layout } = await reviewedExample('甲');
    // Someone scores it, then the applicant changes a figure and submits the file again.
    for (const row of Object.values(layout.criteriaRows)) sum.getCell(row + 1, layout.experts[0]!.col + 1).value = 1;
    const data = wb.getWorksheet('指标表')!;
    data.eachRow((row) => {
      if (row.getCell(1).value === '2.2') row.getCell(6).value = 9;
    });
    await wb.xlsx.writeFile(copy);
    const r = await runCli(['tally', copy, '--experts', '甲', '-o', join(dir, 'list.xlsx'), '--json']);
    expectNoCrash(r);
    expect(r.stderr).toContain('提交的文件中已含评审内容');
    const json = JSON.parse(r.stdout) as { applications: Array<{ committee: { n: number } }> };
    expect(json.applications[0]!.committee.n).toBe(0);
  }, 120_000);
});
