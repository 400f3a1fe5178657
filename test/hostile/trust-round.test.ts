/**
 * Hostile (issue 20, item 2): what a score sheet says about itself is evidence. Its expert is checked against its
 * title, file name and signature; each row's visible name against its hidden id; each row's fingerprint against
 * the one round.json kept. A disagreement is listed and not counted, never silently resolved.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { load, scoresSumming, tempDir, writeExample } from '../support/files.js';
import { forgeRecord } from './support-round.js';
import { expectNoCrash, runCli } from './support.js';

async function round(): Promise<{ dir: string; sheets: string }> {
  const dir = tempDir();
  await writeExample(dir, '01-passing', {}, 'a.xlsx');
  await writeExample(dir, '01-passing', { B1: '乙县精密轴承产业集群' }, 'b.xlsx');
  const sheets = join(dir, 'sheets');
  const r = await runCli(['scoresheets', join(dir, 'a.xlsx'), join(dir, 'b.xlsx'), '--experts', '甲,乙', '-o', sheets]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, sheets };
}

type Json = { applications: Array<{ id: string; committee: { n: number; experts: Array<{ name: string; total: number | null }> } }> };

/** The round tallied: the sheet's problem said (`said`), exit 1, and `uncounted`'s scores, if named, counted for no application. */
async function expectTallySays(dir: string, sheets: string, said: RegExp, uncounted?: string): Promise<void> {
  const r = await runCli(['tally', join(dir, 'a.xlsx'), join(dir, 'b.xlsx'), sheets, '-o', join(dir, 'list.xlsx'), '--json']);
  expectNoCrash(r);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(said);
  if (uncounted === undefined) return;
  const json = JSON.parse(r.stdout) as Json;
  for (const a of json.applications) expect(a.committee.experts.find((x) => x.name === uncounted)?.total ?? null).toBeNull();
}

describe('a score sheet’s identity', () => {
  it('a record naming another expert than its file and title (impersonation) is listed and not counted', async () => {
    const { dir, sheets } = await round();
    const path = join(sheets, '专家评分表-乙.xlsx');
    await fillScoresheet(path, { a: { scores: scoresSumming(99) }, b: { scores: scoresSumming(99) } }, { signature: '乙' });
    // 乙 rewrites the record to say the sheet is 甲's, and removes 甲's own.
    await forgeRecord(path, (r) => ({ ...r, expert: '甲' }));
    rmSync(join(sheets, '专家评分表-甲.xlsx'));
    await expectTallySays(dir, sheets, /专家评分表-乙\.xlsx.*专家“甲”.*表头写的是专家“乙”/, '甲');
  }, 120_000);

  it('visible columns sorted alone (ids stayed): each row is checked against its hidden id, a mismatch stops the row', async () => {
    const { dir, sheets } = await round();
    const path = join(sheets, '专家评分表-甲.xlsx');
    await fillScoresheet(path, { a: { scores: scoresSumming(90) }, b: { scores: scoresSumming(60) } }, { signature: '甲' });
    // Swap the visible name (B) and the scores of rows 4 and 5, leaving the hidden ids where they were.
    const wb = await load(path);
    const ws = wb.getWorksheet('专家评分表')!;
    // B (the name) and F…U (scores and notes): the expert's visible columns; the hidden id (Z) stays.
    for (const c of [2, ...Array.from({ length: 16 }, (_x, i) => 6 + i)]) {
      const [x, y] = [ws.getCell(4, c), ws.getCell(5, c)];
      const v = x.value;
      x.value = y.value;
      y.value = v;
    }
    await wb.xlsx.writeFile(path);
    await expectTallySays(dir, sheets, /专家评分表!B4.*隐藏的申报编号是“a”/, '甲');
  }, 120_000);

  it('a rewritten fingerprint column cannot make stale scores count: compared with round.json', async () => {
    const { dir, sheets } = await round();
    const path = join(sheets, '专家评分表-甲.xlsx');
    await fillScoresheet(path, { a: { scores: scoresSumming(90) }, b: { scores: scoresSumming(60) } }, { signature: '甲' });
    // The applicant changes a's data after the sheets were issued; the expert writes a's new fingerprint into the row.
    await writeExample(dir, '01-passing', { '2.2': 9 }, 'a.xlsx');
    const kept = JSON.parse((await import('node:fs')).readFileSync(join(sheets, 'round.json'), 'utf8')) as { applications: Array<{ id: string; fingerprint: string }> };
    const wb = await load(path);
    const ws = wb.getWorksheet('专家评分表')!;
    const fpCol = ws.getRow(4).values as unknown[];
    const col = fpCol.findIndex((v) => v === kept.applications.find((x) => x.id === 'a')!.fingerprint);
    expect(col).toBeGreaterThan(0);
    ws.getCell(4, col).value = 'f'.repeat(64);
    await wb.xlsx.writeFile(path);
    copyFileSync(join(sheets, 'round.json'), join(dir, 'round.json.kept'));
    await expectTallySays(dir, sheets, /数据指纹.*被改动/);
  }, 120_000);
});
