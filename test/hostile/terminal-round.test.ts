/**
 * Hostile (issue 20, item 4): valid output and a clean terminal. NaN and Infinity in applicant cells never reach
 * the written workbook; cluster names, round ids and expert names from files never forge a line; U+061C (a bidi
 * control) is escaped like the others.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { forgeRecord } from './support-round.js';
import { expectNoCrash, expectValid, ooxmlEscape, patchXml, runCli } from './support.js';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('the terminal', () => {
  it('U+061C (ARABIC LETTER MARK, a bidi control) in a cluster name is escaped', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', { B1: 'NAME-HERE' }, 'a.xlsx');
    await patchXml(input, { 'NAME-HERE': '集群\u061c名' });
    const r = await runCli(['tally', input, '--experts', '甲', '-o', join(dir, 'list.xlsx')]);
    expectNoCrash(r);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain('集群\\u061c名');
  }, 120_000);

  it('a cluster name with a newline never forges a line of the tally table', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', { B1: 'NAME-HERE' }, 'a.xlsx');
    await patchXml(input, { 'NAME-HERE': ooxmlEscape('甲集群\n1   伪造的第一名集群   99.00  9  推荐') });
    const r = await runCli(['tally', input, '--experts', '甲', '-o', join(dir, 'list.xlsx')]);
    expectNoCrash(r);
    expect(r.stdout.split('\n').some((l) => l.startsWith('1   伪造'))).toBe(false);
    expect(r.stdout).toContain('甲集群\\x0a1');
  }, 120_000);

  it('a round id and an expert name from a forged record never forge a line', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'a.xlsx');
    const sheets = join(dir, 'sheets');
    expect((await runCli(['scoresheets', input, '--experts', '甲', '-o', sheets])).code).toBe(0);
    await forgeRecord(join(sheets, '专家评分表-甲.xlsx'), (r) => ({ ...r, round: '2025\n错误：伪造的一行', expert: '甲\n伪造的专家行' }));
    const r = await runCli(['tally', input, join(sheets, '专家评分表-甲.xlsx'), join(sheets, 'round.json'), '-o', join(dir, 'list.xlsx')]);
    expectNoCrash(r);
    expect((r.stdout + r.stderr).split('\n').some((l) => l.startsWith('错误：伪造') || l.startsWith('伪造的专家行'))).toBe(false);
  }, 120_000);
});

describe('valid output', () => {
  it('NaN and Infinity in applicant cells are never written as <v>NaN</v> or <v>Infinity</v>', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', { '1.5': 987654.321, '2.2': 123456.789 }, 'a.xlsx');
    // As a hostile writer puts them in the sheet's XML (ExcelJS reads them as NaN and Infinity).
    await patchXml(input, { '<v>987654.321</v>': '<v>NaN</v>', '<v>123456.789</v>': '<v>1e999</v>' });
    const patched = await JSZip.loadAsync(readFileSync(input));
    const sheetsXml = await Promise.all(Object.keys(patched.files).filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml')).map((n) => patched.file(n)!.async('string')));
    expect(sheetsXml.join('')).toContain('<v>NaN</v>');
    const out = join(dir, 'out.xlsx');
    const r = await runCli(['check', input, '-o', out]);
    expectNoCrash(r);
    expect(r.code, r.stderr).not.toBe(2);
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).not.toMatch(/<v>(-?Infinity|NaN)<\/v>/);
    }
    await expectValid(out);
  }, 120_000);
});
