/**
 * Hostile (issue 20, item 1): data loss in the committee round. Every file the tool writes goes through the one
 * guarded, exclusive writer; a score sheet holding an expert's input is never replaced; user files that merely
 * look like temporaries are never removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { scoresSumming, tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, runCli, sha } from './support.js';

const SHEET = (dir: string, expert: string) => join(dir, `专家评分表-${expert}.xlsx`);

async function apps(root: string, n = 2): Promise<string> {
  const dir = join(root, 'apps');
  mkdirSync(dir);
  await writeExample(dir, '01-passing', {}, 'r1.xlsx');
  if (n > 1) await writeExample(dir, '01-passing', { B1: '乙县精密轴承产业集群' }, 'r2.xlsx');
  return dir;
}

describe('every file the tool writes goes through the guarded writer', () => {
  it('a planted link round.json.tmp → apps/r1.xlsx never makes scoresheets write JSON into the application', async () => {
    const root = tempDir();
    const dir = await apps(root);
    const out = join(root, 'sheets');
    mkdirSync(out);
    symlinkSync(join(dir, 'r1.xlsx'), join(out, 'round.json.tmp'));
    const before = sha(join(dir, 'r1.xlsx'));
    const r = await runCli(['scoresheets', dir, '--experts', '甲,乙', '-o', out]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    expect(sha(join(dir, 'r1.xlsx'))).toBe(before);
    expect(JSON.parse(readFileSync(join(out, 'round.json'), 'utf8')).format).toBe('cluster-review/round@1');
  }, 120_000);
});

describe('a score sheet holding an expert’s input is never replaced', () => {
  it('scoresheets --force leaves 甲’s filled sheet alone, says so, and writes the new expert’s sheet', async () => {
    const root = tempDir();
    const dir = await apps(root);
    const out = join(root, 'sheets');
    const first = await runCli(['scoresheets', dir, '--experts', '甲,乙', '-o', out]);
    expect(first.code, first.stderr).toBe(0);
    await fillScoresheet(SHEET(out, '甲'), { r1: { scores: scoresSumming(80), recuse: undefined }, r2: { recuse: '曾任顾问' } }, { signature: '甲' });
    const filled = sha(SHEET(out, '甲'));
    const blank = sha(SHEET(out, '乙'));
    const again = await runCli(['scoresheets', dir, '--experts', '甲,乙,丙', '-o', out, '--force']);
    expectNoCrash(again);
    expect(again.code, again.stderr).toBe(0);
    expect(sha(SHEET(out, '甲'))).toBe(filled);
    expect(again.stdout).toMatch(/专家评分表-甲\.xlsx.*已有专家填写的内容，未替换/);
    // A blank sheet may be written again with --force; the new expert gets one.
    expect(existsSync(SHEET(out, '丙'))).toBe(true);
    expect(sha(SHEET(out, '乙'))).not.toBe('');
    void blank;
  }, 120_000);

  it('without --force a re-run adding an expert writes only the new sheet and names the ones it left', async () => {
    const root = tempDir();
    const dir = await apps(root, 1);
    const out = join(root, 'sheets');
    expect((await runCli(['scoresheets', dir, '--experts', '甲', '-o', out])).code).toBe(0);
    await fillScoresheet(SHEET(out, '甲'), { r1: { scores: scoresSumming(70) } });
    const filled = sha(SHEET(out, '甲'));
    const again = await runCli(['scoresheets', dir, '--experts', '甲,乙', '-o', out]);
    expectNoCrash(again);
    expect(again.code, again.stderr).toBe(0);
    expect(sha(SHEET(out, '甲'))).toBe(filled);
    expect(existsSync(SHEET(out, '乙'))).toBe(true);
    expect(again.stdout).toMatch(/专家评分表-甲\.xlsx/);
  }, 120_000);
});

describe('only the tool’s own temporaries are swept', () => {
  it('user files named like old temporaries (汇总.xlsx.tmp-20241201, Report.XLSX.TMP-31337) are kept', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'in.xlsx');
    const mine = ['汇总.xlsx.tmp-20241201', 'Report.XLSX.TMP-31337', 'in.reviewed.xlsx.tmp-4194000'];
    for (const n of mine) writeFileSync(join(dir, n), 'a person’s file');
    const r = await runCli(['check', input]);
    expect(r.code, r.stderr).toBe(0);
    for (const n of mine) expect(readdirSync(dir)).toContain(n);
  });
});
