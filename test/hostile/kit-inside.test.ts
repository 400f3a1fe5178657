/**
 * Hostile (issue 20, item 5): `kit -o` inside the add-in folder it copies (EINVAL, copying a folder into itself)
 * is refused with the cause named, nothing written.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/files.js';
import { expectRefused, runCli } from './support.js';

function fakeAddin(dir: string): string {
  const addin = join(dir, 'built');
  for (const page of ['taskpane/taskpane.html', 'commands/commands.html', 'office-js/office.js', 'wps/index.html', 'wps/taskpane/taskpane.html']) {
    mkdirSync(join(addin, page, '..'), { recursive: true });
    writeFileSync(join(addin, page), 'stand-in');
  }
  writeFileSync(join(addin, 'wps', 'publish.xml'), readFileSync('src/wps/publish.xml', 'utf8'));
  return addin;
}

describe('kit -o inside the add-in folder', () => {
  it('is refused with the cause named, the add-in folder unchanged', async () => {
    const dir = tempDir();
    const addin = fakeAddin(dir);
    const before = readdirSync(addin).sort();
    const r = await runCli(['kit', '--year', '2025', '--base-url', 'https://review.example.gov.cn/cr/', '--addin', addin, '-o', join(addin, 'kit')]);
    expectRefused(r, /分发包文件夹.*在.*加载项文件夹.*之内/);
    expect(readdirSync(addin).sort()).toEqual(before);
  }, 120_000);
});
