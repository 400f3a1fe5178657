/**
 * Hostile (issue 20, item 5): the round's messages name the real cause, never 内部错误 for bad input, and every
 * output is checked before the first is written.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { forgeRecord } from './support-round.js';
import { expectNoCrash, expectRefused, runCli } from './support.js';

async function round(experts = '甲'): Promise<{ dir: string; input: string; sheets: string }> {
  const dir = tempDir();
  const input = await writeExample(dir, '01-passing', {}, 'a.xlsx');
  const sheets = join(dir, 'sheets');
  const r = await runCli(['scoresheets', input, '--experts', experts, '-o', sheets]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, input, sheets };
}

describe('the round’s messages name the cause', () => {
  it('-o naming an existing file where a folder is needed', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'a.xlsx');
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const r = await runCli(['scoresheets', input, '--experts', '甲', '-o', file]);
    expectRefused(r, /not-a-folder.*不是文件夹/);
  });

  it('an expert name of 300 characters: the file name is too long, said before any sheet is written', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'a.xlsx');
    const out = join(dir, 'sheets');
    const r = await runCli(['scoresheets', input, '--experts', `甲,${'长'.repeat(300)}`, '-o', out]);
    expectRefused(r, /文件名过长/);
    // 甲's sheet is not written before the error.
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('a forged score-sheet record without layout fields is said to be damaged, not an internal error or "no indicator sheet"', async () => {
    const { dir, input, sheets } = await round();
    await forgeRecord(join(sheets, '专家评分表-甲.xlsx'), (r) => ({ ...r, layout: { sheet: '专家评分表' } }));
    const r = await runCli(['tally', input, sheets, '-o', join(dir, 'list.xlsx')]);
    expectRefused(r, /专家评分表-甲\.xlsx.*记录.*损坏/);
    expect(r.stderr).not.toContain('没有标准指标表');
  });

  it('a previous list with a forged record (audit not a list) is said, not "previousAudit is not iterable"', async () => {
    const { dir, input, sheets } = await round();
    const list = join(dir, 'list.xlsx');
    expect((await runCli(['tally', input, sheets, '-o', list])).code).not.toBe(2);
    await forgeRecord(list, (r) => ({ ...r, audit: 'forged' }));
    const r = await runCli(['tally', input, sheets, '-o', list]);
    expectRefused(r, /list\.xlsx.*记录.*损坏/);
  });

  it('round.json with experts as a string is said to be damaged', async () => {
    const { dir, input, sheets } = await round();
    writeFileSync(join(sheets, 'round.json'), JSON.stringify({ format: 'cluster-review/round@1', id: 'x', experts: '甲', applications: 'none', conflicts: 3 }));
    const r = await runCli(['tally', input, sheets, '-o', join(dir, 'list.xlsx')]);
    expectRefused(r, /round\.json/);
  });

  it('a score sheet given to check where an application is expected is said to be a score sheet', async () => {
    const { sheets } = await round();
    const r = await runCli(['check', join(sheets, '专家评分表-甲.xlsx')]);
    expectRefused(r, /专家评分表-甲\.xlsx.*是专家评分表/);
  });

  it('every message names its file, nothing is an internal error, for a folder of hostile round files', async () => {
    const { dir, input, sheets } = await round();
    mkdirSync(join(dir, 'more'));
    await forgeRecord(join(sheets, '专家评分表-甲.xlsx'), (r) => ({ ...r, applications: 'x', layout: { sheet: 1, firstRow: -5, count: 1e12 } }));
    const r = await runCli(['tally', input, sheets, '-o', join(dir, 'list.xlsx')], { timeoutMs: 20_000 });
    expectNoCrash(r);
    expect(r.code).toBe(2);
  });
});

describe('score cells the tool cannot read are listed, never taken as blank', () => {
  it('a formula without a cached value and a #DIV/0! in score cells are named', async () => {
    const { dir, input, sheets } = await round();
    const { fillScoresheet } = await import('../../scripts/fill-scores.js');
    const { scoresSumming, load } = await import('../support/files.js');
    const path = join(sheets, '专家评分表-甲.xlsx');
    await fillScoresheet(path, { a: { scores: scoresSumming(80) } }, { signature: '甲' });
    const wb = await load(path);
    const ws = wb.getWorksheet('专家评分表')!;
    ws.getCell('F4').value = { formula: '10+8' } as never;
    ws.getCell('H4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as never;
    await wb.xlsx.writeFile(path);
    const r = await runCli(['tally', input, sheets, '-o', join(dir, 'list.xlsx')]);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/专家评分表-甲\.xlsx.*专家评分表!F4.*专家评分表!H4/);
  });
});
