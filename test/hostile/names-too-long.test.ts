/**
 * Hostile (issue 20, item 5): names that make a path too long are said as such — a 251-byte file name whose
 * reviewed copy's name is over 255 bytes, a rulebook id of 300 characters (its kit files) — never "unreadable"
 * or an internal error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, expectRefused, runCli } from './support.js';

describe('names too long', () => {
  it('check on a 251-byte file name: the output name is too long, said as such', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, `${'a'.repeat(246)}.xlsx`);
    const r = await runCli(['check', input]);
    expectRefused(r, /文件名过长/);
    expect(r.stderr).not.toMatch(/无法读取/);
  });

  it('a rulebook id of 300 characters is a rulebook problem, not a crash when its files are named', async () => {
    const dir = tempDir();
    const rb = JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8')) as { id: string };
    rb.id = 'x'.repeat(300);
    const file = join(dir, 'long-id.json');
    writeFileSync(file, JSON.stringify(rb));
    const r = await runCli(['rulebook', 'validate', file]);
    expectNoCrash(r);
    expect(r.code).toBe(2);
  });
});
