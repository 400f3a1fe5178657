/**
 * Hostile: workbook text that would drive the terminal. ESC and C1 sequences, bidi overrides and newlines in
 * cells, sheet names and file names are printed as visible escapes; --json stays valid JSON with the same value.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, expectRefused, expectWorkbook, ooxmlEscape, patchXml, runCli } from './support.js';

// Retitles the window, clears the screen, then a C1 CSI (U+009B) and a right-to-left override.
const ATTACK = '\x1b]0;pwned\x07\x1b[2J\x1b[H\u009b31m\u202e是';
// Anything a terminal would act on.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('terminal output escapes control characters from workbooks and file names', () => {
  it('a 是/否 cell holding ESC sequences is shown as visible escapes, in the human summary', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', { '3.1': 'ATTACK-HERE', B1: 'NAME-HERE' }, 'app\x1b[2J.xlsx');
    await patchXml(input, { 'ATTACK-HERE': ooxmlEscape(ATTACK), 'NAME-HERE': ooxmlEscape('集群\r\n✓ 伪造的一行\u202e') });
    const r = await runCli(['check', input]);
    expect(r.code, r.stderr).toBe(1);
    expectNoCrash(r);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07\\x1b[2J');
    expect(r.stdout).toContain('\\x9b31m\\u202e是');
    // The file name too.
    expect(r.stdout).toContain('app\\x1b[2J.xlsx');
    expect(readdirSync(dir)).toContain('app\x1b[2J.reviewed.xlsx');
    await expectWorkbook(join(dir, 'app\x1b[2J.reviewed.xlsx'));
  });

  it('--json stays valid JSON: C1 and bidi controls as \\u escapes, the same value once parsed', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', { '3.1': 'ATTACK-HERE', B1: 'NAME-HERE' }, 'app.xlsx');
    await patchXml(input, { 'ATTACK-HERE': ooxmlEscape(ATTACK), 'NAME-HERE': '集群\u202e\u2066名\u0085' });
    const r = await runCli(['check', input, '--json', '-o', join(dir, 'out.xlsx')]);
    expect(r.code, r.stderr).toBe(1);
    expectNoCrash(r);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain('\\u202e');
    expect(r.stdout).toContain('\\u009b');
    const report = JSON.parse(r.stdout) as { identity?: unknown; findings: Array<{ messages: Record<string, string> }> };
    expect(report.findings.some((f) => f.messages['zh-CN']!.includes(ATTACK))).toBe(true);
    expect(JSON.stringify(report)).toContain('集群\u202e\u2066名\u0085');
    await expectWorkbook(join(dir, 'out.xlsx'));
  });

  it('sheet names in an error message are escaped', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a\u202eb').getCell('A1').value = 1;
    wb.addWorksheet('c\u009bd').getCell('A1').value = 1;
    const input = join(dir, 'sheets.xlsx');
    await wb.xlsx.writeFile(input);
    const r = await runCli(['check', input]);
    expectRefused(r, /没有标准指标表/);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('a\\u202eb');
    expect(r.stderr).toContain('c\\x9bd');
  });
});
