/**
 * Hostile (issue 20, item 3): one huge text in a workbook — a 50-million-character guidance text in a rulebook
 * workbook (`rulebook import`), a cell of an application — is refused with the limit named (LIMITS.cellText, Excel's
 * own 32,767 characters), within 10 s and 500 MB. It zips to 78 KB and inflates to 50 MB, within the file limits:
 * before, the spreadsheet library read it whole (690 MB, 7 s) and only the rulebook's own text limit refused it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/limits.js';
import { refuseLongText } from '../../src/xlsx/open.js';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, runCli, sha, expectWithinGoal } from './support.js';

/** The first text node holding `marker` in the package's shared strings gets `text` before it. */
async function insertText(path: string, marker: string, text: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('xl/sharedStrings.xml')!.async('string');
  const i = xml.indexOf(marker);
  expect(i, marker).toBeGreaterThan(0);
  zip.file('xl/sharedStrings.xml', xml.slice(0, i) + text + xml.slice(i));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

function expectBounded(r: Awaited<ReturnType<typeof runCli>>): void {
  expectNoCrash(r);
  expect(r.code, r.stderr).toBe(2);
  expectWithinGoal(r);
  expect(r.stderr).toMatch(/其中一段文字有 50000\d+ 个字符，超过上限 32767 个/);
}

describe('one huge text is refused with the limit named', () => {
  it('a 50-million-character guidance text in a rulebook workbook (rulebook import)', async () => {
    const dir = tempDir();
    const sheet = join(dir, '规则表.xlsx');
    expect((await runCli(['rulebook', 'export', '-o', sheet])).code).toBe(0);
    await insertText(sheet, '主导产业', 'x'.repeat(50_000_000));
    const before = sha(sheet);
    const r = await runCli(['rulebook', 'import', sheet, '-o', join(dir, 'out.json')], { timeoutMs: 60_000, measureRss: true });
    expectBounded(r);
    expect(sha(sheet)).toBe(before);
  }, 120_000);

  it('a 50-million-character cell in an application (check)', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', { B1: 'NAME-HERE' }, 'a.xlsx');
    await insertText(input, 'NAME-HERE', '集'.repeat(50_000_000 / 3));
    const r = await runCli(['check', input, '-o', join(dir, 'out.xlsx')], { timeoutMs: 60_000, measureRss: true });
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(2);
    expectWithinGoal(r);
    expect(r.stderr).toMatch(/其中一段文字有 \d+ 个字符，超过上限 32767 个/);
  }, 120_000);

  it('the count is of characters, not bytes: Excel’s longest cell of CJK text and entities passes, one more is refused', () => {
    const at = (text: string) => Buffer.from(`<sst><si><t>${text}</t></si></sst>`, 'utf8');
    expect(() => refuseLongText(at('集'.repeat(LIMITS.cellText)))).not.toThrow();
    expect(() => refuseLongText(at('&amp;'.repeat(LIMITS.cellText)))).not.toThrow();
    expect(() => refuseLongText(at('集'.repeat(LIMITS.cellText + 1)))).toThrow(/limit reached: text 32768 > 32767/);
  });
});
