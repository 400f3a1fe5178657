/**
 * Hostile: outputs that reach an input. Every input of a run is compared by file identity (device and inode,
 * links followed), so no path, link, default name or --force can write over one; two inputs never share an
 * output; several runs on one output cannot all "create" it.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, expectRefused, expectWorkbook, runCli, sha, strikeMidWrite, type Run } from './support.js';

/** An example application `file` in a folder of its own, and a symbolic link to that folder beside it. */
async function inputBehindLink(file: string): Promise<{ input: string; folder: string; link: string }> {
  const root = tempDir();
  const folder = join(root, 'apps');
  mkdirSync(folder);
  const input = await writeExample(folder, '01-passing', {}, file);
  const link = join(root, 'link-to-apps');
  symlinkSync(folder, link);
  return { input, folder, link };
}

/** The run is refused because its output is `input`, and `input` is unchanged. */
async function expectInputKept(input: string, args: string[]): Promise<Run> {
  const before = sha(input);
  const r = await runCli(args);
  expectRefused(r, /是本次的输入文件/);
  expect(sha(input), input).toBe(before);
  return r;
}

describe('an output never reaches an input', () => {
  it('through a symlinked folder, even with --force', async () => {
    const { input, link } = await inputBehindLink('in.xlsx');
    await expectInputKept(input, ['check', input, '-o', join(link, 'in.xlsx'), '--force']);
  });

  it('through a hard link, even with --force', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'in.xlsx');
    linkSync(input, join(dir, 'other-name.xlsx'));
    const before = sha(input);
    const r = await runCli(['check', input, '-o', join(dir, 'other-name.xlsx'), '--force', '--lang', 'en']);
    expectRefused(r, /is an input of this run/);
    expect(r.stderr).not.toContain('--force to overwrite');
    expect(sha(input)).toBe(before);
  });

  it('a second input is never written before it is read: check a/x.xlsx b/x.reviewed.xlsx -o b --force', async () => {
    const root = tempDir();
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    const first = await writeExample(a, '01-passing', {}, 'x.xlsx');
    // A round-1 reviewed copy holding experts' work.
    const second = await writeExample(b, '02-failing', {}, 'x.reviewed.xlsx');
    const before = sha(second);
    const r = await runCli(['check', first, second, '-o', b, '--force']);
    // Nothing is refused and nothing is replaced: each gets a name of its own that existed nowhere.
    expect(r.code).toBe(1);
    expectNoCrash(r);
    expect(sha(second)).toBe(before);
    await expectWorkbook(join(b, 'x.reviewed-2.xlsx'));
    await expectWorkbook(join(b, 'x.reviewed-3.xlsx'));
    expect(r.stdout).toContain('x.reviewed-2.xlsx');
    expect(r.stdout).toContain('x.reviewed-3.xlsx');
  });

  it('the rulebook is an input too', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'in.xlsx');
    const rulebook = join(dir, 'rules.json');
    copyFileSync('rulebooks/national-2022.json', rulebook);
    await expectInputKept(rulebook, ['check', input, '--rulebook', rulebook, '-o', rulebook, '--force']);
  });

  it('two inputs with one file name sent to one folder are refused, nothing written', async () => {
    const root = tempDir();
    const [a, b, out] = [join(root, 'a'), join(root, 'b'), join(root, 'out')];
    for (const d of [a, b, out]) mkdirSync(d);
    const x1 = await writeExample(a, '01-passing', {}, 'x.xlsx');
    const x2 = await writeExample(b, '02-failing', {}, 'x.xlsx');
    const r = await runCli(['check', x1, x2, '-o', out, '--force']);
    expectRefused(r, /同名/);
    expect(r.stderr).toContain(x2);
    expect(readdirSync(out)).toEqual([]);
  });

  it('re-checking X.reviewed-2.xlsx never defaults to the round-1 copy X.reviewed.xlsx', async () => {
    const dir = tempDir();
    const round1 = await writeExample(dir, '02-failing', {}, 'x.reviewed.xlsx');
    const round2 = join(dir, 'x.reviewed-2.xlsx');
    copyFileSync(round1, round2);
    const before = [sha(round1), sha(round2)];
    const r = await runCli(['check', round2]);
    expect(r.code, r.stderr).toBe(1);
    expectNoCrash(r);
    expect(r.stdout).toContain('x.reviewed-3.xlsx');
    expect(`${r.stdout}${r.stderr}`).not.toContain('--force');
    expect([sha(round1), sha(round2)]).toEqual(before);
    await expectWorkbook(join(dir, 'x.reviewed-3.xlsx'));
  });

  it('eight concurrent runs on one output without --force: exactly one creates it, the others say it exists', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'in.xlsx');
    const output = join(dir, 'out.xlsx');
    const runs = await Promise.all(Array.from({ length: 8 }, () => runCli(['check', input, '-o', output], { timeoutMs: 60_000 })));
    for (const r of runs) expectNoCrash(r);
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    const refused = runs.filter((r) => r.code === 2);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r.stderr).toContain('输出文件已存在');
    await expectWorkbook(output);
    // No temporary file of any run is left behind.
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'out.xlsx']);
  }, 120_000);

  it('another program creating the output while the run writes it: refused, the other file kept (no check-then-rename race)', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '02-failing', {}, 'in.xlsx');
    const output = join(dir, 'out.xlsx');
    let caught = false;
    // The window is the workbook's write: watch for the run's temporary file, then create the output first.
    for (let attempt = 0; attempt < 5 && !caught; attempt++) {
      rmSync(output, { force: true });
      // The run is stopped while the other program writes: on a busy machine the run could otherwise finish between
      // the temporary being seen and the other file being made, and that file would replace the run's (the test's
      // race, not the tool's). A run already done when stopped is a strike too late: tried again.
      let late = false;
      const run = await strikeMidWrite(input, output, [], (child) => {
        child.kill('SIGSTOP');
        if (existsSync(output)) late = true;
        else writeFileSync(output, 'theirs');
        child.kill('SIGCONT');
      });
      caught = run.struck && !late;
      if (!caught) continue;
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain('输出文件已存在');
      expect(readFileSync(output, 'utf8')).toBe('theirs');
    }
    expect(caught, 'the temporary file was seen and the output created meanwhile').toBe(true);
  }, 120_000);

  it('batch: the roll-up may not be an input reached through a link', async () => {
    const { input, folder, link } = await inputBehindLink('a.xlsx');
    await expectInputKept(input, ['batch', folder, '-o', join(link, 'a.xlsx'), '--force']);
  });

  it('tally: never over a score sheet, an application, round.json or the rulebook, --force or not; its own roll-up is rewritten', async () => {
    const root = tempDir();
    const apps = join(root, 'apps');
    mkdirSync(apps);
    await writeExample(apps, '01-passing', {}, 'a.xlsx');
    await writeExample(apps, '02-failing', {}, 'b.xlsx');
    const sheets = join(root, 'sheets');
    expect((await runCli(['scoresheets', apps, '--experts', '甲,乙', '-o', sheets])).code).toBe(0);
    const rulebook = join(root, 'rb.json');
    copyFileSync('rulebooks/national-2022.json', rulebook);
    const round = join(sheets, 'round.json');
    const sheet = join(sheets, readdirSync(sheets).find((n) => n.endsWith('.xlsx'))!);
    for (const target of [sheet, join(apps, 'a.xlsx'), round, rulebook]) {
      const r = await expectInputKept(target, ['tally', apps, sheets, '--rulebook', rulebook, '-o', target, '--force']);
      expect(r.stderr).not.toMatch(/加 --force|使用 --force/);
    }
    // The round's own roll-up, given back as an input and as the output: rewritten with the new figures.
    const list = join(root, 'list.xlsx');
    const first = await runCli(['tally', apps, sheets, '--rulebook', rulebook, '-o', list]);
    expect(first.code).toBeLessThan(2);
    // The first tally has no previous one to compare with, and says so; the second counts its changes.
    expect(first.stdout).toContain('本轮首次汇总');
    const again = await runCli(['tally', apps, sheets, list, '--rulebook', rulebook, '-o', list]);
    expect(again.code, again.stderr).toBeLessThan(2);
    expect(again.stdout).toContain('自上次汇总变化 0 项');
    await expectWorkbook(list, '推荐汇总');
  });

  it('a default name never names a file that exists; an explicit -o to one is refused without --force, and the message suggests it', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'in.xlsx');
    const theirs = join(dir, 'in.reviewed.xlsx');
    writeFileSync(theirs, 'not mine');
    const before = sha(theirs);
    const r = await runCli(['check', input, '--force']);
    expect(r.code).toBe(0);
    expectNoCrash(r);
    expect(sha(theirs)).toBe(before);
    await expectWorkbook(join(dir, 'in.reviewed-2.xlsx'));
    const explicit = await runCli(['check', input, '-o', theirs]);
    expectRefused(explicit, /输出文件已存在.*--force/);
    expect(sha(theirs)).toBe(before);
  });
});
