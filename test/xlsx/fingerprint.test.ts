/**
 * The committee's fingerprint on real files (issue 12): score sheets made, filled and returned; a plan target of
 * one application edited afterwards makes that application's scores stale in the tally, the other's stay counted.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { PLAN_FIRST_ROW, planIndicators } from '../../src/core/index.js';
import { saveWorkbook } from '../../src/xlsx/workbook.js';
import { cli, load, rb, tempDir, writeExample } from '../support/files.js';

const full = [20, 15, 10, 15, 10, 10, 10, 10];

describe('a plan target edited after scoring', () => {
  it('makes that application’s scores stale; the unchanged application is counted', async () => {
    const d = tempDir();
    await writeExample(d, '01-passing', {}, 'a.xlsx');
    await writeExample(d, '01-passing', { B1: '乙县精密轴承产业集群' }, 'b.xlsx');
    const sheets = join(d, 'sheets');
    const made = await cli(['scoresheets', join(d, 'a.xlsx'), join(d, 'b.xlsx'), '--experts', '甲,乙,丙', '-o', sheets]);
    expect(made.code, made.err).toBe(0);
    for (const x of ['甲', '乙', '丙']) await fillScoresheet(join(sheets, `专家评分表-${x}.xlsx`), { a: { scores: full }, b: { scores: full } });
    const tallied = async (name: string) => {
      const r = await cli(['tally', join(d, 'a.xlsx'), join(d, 'b.xlsx'), sheets, '-o', join(d, name), '--json']);
      const json = JSON.parse(r.out) as { applications: Array<{ id: string; reason: string | null; committee: { n: number } }>; problems: Array<{ code: string; application: string }> };
      const stale = (id: string) => json.problems.filter((p) => p.code === 'stale' && p.application === id).length;
      return Object.fromEntries(json.applications.map((a) => [a.id, { stale: stale(a.id), n: a.committee.n, reason: a.reason }]));
    };
    const before = await tallied('before.xlsx');
    expect([before.a, before.b].map((x) => [x!.stale, x!.n])).toEqual([[0, 3], [0, 3]]);
    const wb = await load(join(d, 'a.xlsx'));
    const row = PLAN_FIRST_ROW + 1 + planIndicators(rb).findIndex((i) => i.code === '2.3');
    const ws = wb.getWorksheet('规划目标')!;
    ws.getCell(row, 7).value = Number(ws.getCell(row, 7).value) + 10;
    await saveWorkbook(wb, join(d, 'a.xlsx'), { force: true });
    const after = await tallied('after.xlsx');
    expect([after.a, after.b].map((x) => [x!.stale, x!.n])).toEqual([[3, 0], [0, 3]]);
    // One reason code (the first of PENDING_ORDER); every reason in `pending`.
    expect(after.a!.reason).toBe('stale');
  }, 120_000);
});
