/**
 * Hostile (issue 20, item 1): every file the tool writes goes through the one guarded, exclusive writer — the kit's
 * files included. A link planted where a kit file goes (in the add-in folder the kit copies) never makes the kit
 * write where it leads, and a link planted at the writer's temporary name is never written through nor removed.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/files.js';
import { expectRefused, runCli, sha } from './support.js';

function fakeAddin(dir: string): string {
  const addin = join(dir, 'built');
  for (const page of ['taskpane/taskpane.html', 'commands/commands.html', 'office-js/office.js', 'wps/index.html', 'wps/taskpane/taskpane.html']) {
    mkdirSync(join(addin, page, '..'), { recursive: true });
    writeFileSync(join(addin, page), 'stand-in');
  }
  return addin;
}

describe('the kit’s README and a hostile rulebook name', () => {
  it('a control or bidi character in the rulebook’s name is written as an escape, never raw', async () => {
    const dir = tempDir();
    const book = JSON.parse(readFileSync('rulebooks/yunnan-2023.json', 'utf8')) as { name: { zh: string; en: string } };
    book.name.zh = `${book.name.zh}\u001b]0;PWN\u0007\u202e`;
    book.name.en = `${book.name.en}\nforged line\u200b`;
    const rulebook = join(dir, 'hostile.json');
    writeFileSync(rulebook, JSON.stringify(book));
    const kit = join(dir, 'kit');
    const r = await runCli(['kit', '--year', '2025', '--base-url', 'https://review.example.gov.cn/cr/', '--addin', fakeAddin(dir), '--rulebook', rulebook, '-o', kit]);
    expect(r.code, r.stderr).toBe(0);
    const readme = readFileSync(join(kit, 'README.md'), 'utf8');
    // eslint-disable-next-line no-control-regex
    expect(readme).not.toMatch(/[\u001b\u0007\u202e\u200b]/);
    expect(readme).toContain('\\u{1b}]0;PWN\\u{7}\\u{202e}');
    // A line break in the name cannot start a line of the README.
    expect(readme).not.toMatch(/^forged line/m);
    expect(readme).toContain('\\u{a}forged line\\u{200b}');
  }, 120_000);
});

describe('the kit writes each file through the guarded writer', () => {
  it('a link at a kit output path (the add-in’s wps/publish.xml → the rulebook given) is refused, named, and the rulebook untouched', async () => {
    const dir = tempDir();
    const rulebook = join(dir, 'yunnan.json');
    copyFileSync('rulebooks/yunnan-2023.json', rulebook);
    const addin = fakeAddin(dir);
    symlinkSync(rulebook, join(addin, 'wps', 'publish.xml'));
    const before = sha(rulebook);
    const kit = join(dir, 'kit');
    const r = await runCli(['kit', '--year', '2025', '--base-url', 'https://review.example.gov.cn/cr/', '--addin', addin, '--rulebook', rulebook, '-o', kit]);
    expectRefused(r, /wps\/publish\.xml.*是链接/);
    expect(sha(rulebook)).toBe(before);
    expect(existsSync(kit)).toBe(false);
    // Nothing of the run is left beside the kit either.
    expect(readdirSync(dir).sort()).toEqual(['built', 'yunnan.json']);
  }, 120_000);

  it('-o a link to an empty folder is refused with its cause (it was an internal error)', async () => {
    const dir = tempDir();
    const addin = fakeAddin(dir);
    mkdirSync(join(dir, 'empty'));
    symlinkSync(join(dir, 'empty'), join(dir, 'kit'));
    const r = await runCli(['kit', '--year', '2025', '--base-url', 'https://review.example.gov.cn/cr/', '--addin', addin, '-o', join(dir, 'kit')]);
    expectRefused(r, /分发包文件夹.*是链接/);
    expect(lstatSync(join(dir, 'kit')).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(dir, 'empty'))).toEqual([]);
  }, 120_000);

  it('a plain kit still has every file, the WPS copy’s rulebooks embedded', async () => {
    const dir = tempDir();
    const addin = fakeAddin(dir);
    writeFileSync(join(addin, 'wps', 'publish.xml'), readFileSync('src/wps/publish.xml', 'utf8'));
    const kit = join(dir, 'kit');
    const r = await runCli(['kit', '--year', '2025', '--base-url', 'https://review.example.gov.cn/cr/', '--addin', addin, '-o', kit]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['README.md', 'manifest.xml', 'addin/manifest.xml', 'addin/rulebooks/index.json', 'addin/wps/rulebooks/index.json', 'addin/wps/rulebooks/rulebooks.js'])
      expect(existsSync(join(kit, f)), f).toBe(true);
    expect(readFileSync(join(kit, 'addin/wps/publish.xml'), 'utf8')).toContain('https://review.example.gov.cn/cr/wps');
    // No temporary of the writer is left anywhere in the kit.
    const all = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(d, e.name)) : [e.name]));
    expect(all(kit).filter((n) => n.includes('.cluster-review-'))).toEqual([]);
  }, 120_000);
});

describe('a link planted at the writer’s temporary name', () => {
  it('is neither written through nor removed: the next name is taken, the input untouched', async () => {
    // A fresh module: its counter starts at 0, so its first temporary name is known.
    vi.resetModules();
    const { tempName } = await import('../../src/xlsx/output-plan.js');
    const { withRunInputs, writeOutput } = await import('../../src/xlsx/output.js');
    const dir = tempDir();
    const input = join(dir, 'r1.xlsx');
    writeFileSync(input, 'the application');
    const planted = join(dir, tempName('round.json', process.pid, 1));
    symlinkSync(input, planted);
    await withRunInputs([input], () => writeOutput(join(dir, 'round.json'), async (h) => void (await h.writeFile('{"format":"ours"}'))));
    expect(readFileSync(input, 'utf8')).toBe('the application');
    expect(readFileSync(join(dir, 'round.json'), 'utf8')).toBe('{"format":"ours"}');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  });

  it('every name taken: refused with the cause named (temp-taken, the name given), the links left', async () => {
    vi.resetModules();
    const { tempName } = await import('../../src/xlsx/output-plan.js');
    const { writeOutput } = await import('../../src/xlsx/output.js');
    const { fileErrorText } = await import('../../src/cli/text.js');
    const dir = tempDir();
    const input = join(dir, 'r1.xlsx');
    writeFileSync(input, 'the application');
    for (let n = 1; n <= 40; n++) symlinkSync(input, join(dir, tempName('round.json', process.pid, n)));
    const e = await writeOutput(join(dir, 'round.json'), async (h) => void (await h.writeFile('x'))).then(
      () => null,
      (x: unknown) => x as { code: string },
    );
    expect(e?.code).toBe('temp-taken');
    expect(fileErrorText(e as never, 'zh-CN')).toMatch(/临时文件名已被其他文件或链接占用.*round\.json\.cluster-review-/);
    expect(readFileSync(input, 'utf8')).toBe('the application');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(40);
    expect(existsSync(join(dir, 'round.json'))).toBe(false);
  });
});
