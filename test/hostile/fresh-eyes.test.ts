/**
 * Hostile (issue 20): what a fresh-eyes attack on the round found after the first campaigns — a recusal list that
 * is not a list (a million lines, a reason longer than a cell), the tool's own round.json replaced by a link to an
 * application, a score sheet given where applications are expected, and a valid rulebook with ten thousand checks.
 * Each is refused or said with its cause, quickly, and no input is touched.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, expectRefused, ooxmlEscape, patchXml, runCli, sha, expectWithinGoal } from './support.js';

async function round(): Promise<{ dir: string; apps: string }> {
  const dir = tempDir();
  const apps = join(dir, 'apps');
  mkdirSync(apps);
  await writeExample(apps, '01-passing', {}, 'a.xlsx');
  return { dir, apps };
}

describe('the recusal list is bounded', () => {
  it('a list over 1 MB is refused before it is read, with the limit named', async () => {
    const { dir, apps } = await round();
    const csv = join(dir, 'conflicts.csv');
    writeFileSync(csv, `expert,application,reason\n${'甲,a,曾任顾问\n'.repeat(80_000)}`);
    const r = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '--conflicts', csv, '-o', join(dir, 's')], { measureRss: true });
    expectRefused(r, '回避清单');
    expect(r.stderr).toContain('超过1 MB');
    expect(r.maxRssMb ?? Infinity).toBeLessThan(500);
  }, 120_000);

  it('a reason of 501 characters is refused (500 is kept): it must fit the sheet and come back whole from round.json', async () => {
    const { dir, apps } = await round();
    const csv = join(dir, 'conflicts.csv');
    writeFileSync(csv, `expert,application,reason\n甲,a,${'理'.repeat(501)}\n`);
    const long = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '--conflicts', csv, '-o', join(dir, 's')]);
    expectRefused(long, '回避理由超过500字');
    writeFileSync(csv, `expert,application,reason\n甲,a,${'理'.repeat(500)}\n`);
    const ok = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '--conflicts', csv, '-o', join(dir, 's')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 's', 'round.json'), 'utf8')).conflicts[0].reason).toHaveLength(500);
    // The tool reads its own round back.
    const t = await runCli(['tally', apps, join(dir, 's'), '-o', join(dir, 'list.xlsx')]);
    expectNoCrash(t);
    expect(t.code, t.stderr).not.toBe(2);
  }, 120_000);
});

describe('round.json and the inputs of scoresheets', () => {
  it('round.json a link to an application: refused as an existing file, not read as JSON, never an internal error; the application untouched', async () => {
    const { dir, apps } = await round();
    const out = join(dir, 's');
    mkdirSync(out);
    const app = join(apps, 'a.xlsx');
    symlinkSync(app, join(out, 'round.json'));
    const before = sha(app);
    const r = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '-o', out]);
    expectRefused(r, 'round.json');
    expect(sha(app)).toBe(before);
    const forced = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '-o', out, '--force']);
    expectNoCrash(forced);
    expect(sha(app)).toBe(before);
  }, 120_000);

  it('a score sheet given among the applications is said, not dropped without a word', async () => {
    const { dir, apps } = await round();
    const first = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '-o', join(dir, 's')]);
    expect(first.code, first.stderr).toBe(0);
    const sheet = join(dir, 's', '专家评分表-甲.xlsx');
    await fillScoresheet(sheet, { a: { scores: [18, 13, 9, 13, 9, 9, 9, 9] } });
    const r = await runCli(['scoresheets', join(apps, 'a.xlsx'), sheet, '--experts', '丁', '-o', join(dir, 's2')]);
    expectNoCrash(r);
    expect(r.stderr).toContain('是专家评分表，不是申报表');
  }, 120_000);
});

describe('the same data under two unrelated names', () => {
  it('scoresheets says it before experts are asked to score one application twice', async () => {
    const { dir, apps } = await round();
    writeFileSync(join(apps, '副本.xlsx'), readFileSync(join(apps, 'a.xlsx')));
    const r = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '-o', join(dir, 's')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('数据完全相同但文件名不同');
  }, 120_000);
});

describe('a rulebook is bounded in its checks and indicators', () => {
  it('1,001 checks are refused with the limit named, in words of the language asked', async () => {
    const dir = tempDir();
    const book = JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8')) as { checks: Array<Record<string, unknown>> };
    const review = book.checks.find((c) => (c.rule as { kind?: string })?.kind === 'review') ?? book.checks[0]!;
    while (book.checks.length <= 1_000) book.checks.push({ ...review, id: `x${book.checks.length}` });
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(book));
    const r = await runCli(['rulebook', 'validate', file], { timeoutMs: 60_000, measureRss: true });
    expectRefused(r, '条目超过1000个');
    expectWithinGoal(r);
  }, 120_000);
});

describe('a control character in a cluster’s name', () => {
  it('the issued sheet shows the name without it, and the scores count (they were stopped as a sorted row)', async () => {
    const dir = tempDir();
    const apps = join(dir, 'apps');
    mkdirSync(apps);
    // Excel keeps a control character in a cell as _x000B_; ExcelJS reads it back as the character.
    const file = await writeExample(apps, '01-passing', { B1: '示例县VT轴承ESC集群' }, 'vt.xlsx');
    await patchXml(file, { '示例县VT轴承ESC集群': ooxmlEscape('示例县\u000b轴承\u001b集群') });
    const sheets = join(dir, 's');
    const made = await runCli(['scoresheets', apps, '--experts', '甲,乙,丙', '-o', sheets]);
    expect(made.code, made.stderr).toBe(0);
    for (const x of ['甲', '乙', '丙']) await fillScoresheet(join(sheets, `专家评分表-${x}.xlsx`), { vt: { scores: [18, 13, 9, 13, 9, 9, 9, 9] } }, { signature: x });
    const r = await runCli(['tally', apps, sheets, '-o', join(dir, 'list.xlsx'), '--json']);
    expectNoCrash(r);
    expect(r.stderr).not.toContain('可能只排序了可见列');
    const app = (JSON.parse(r.stdout) as { applications: Array<{ committee: { n: number; score: number } }> }).applications[0]!;
    expect(app.committee).toMatchObject({ n: 3, score: 89 });
  }, 120_000);
});
