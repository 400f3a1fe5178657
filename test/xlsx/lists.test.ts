/**
 * The extended application form end to end (issue 12): the template's list sheets with their validation, examples
 * carrying lists, a count disagreeing with its list and a malformed credit code caught by the CLI and flagged on
 * their own cells, and an old template without list sheets still read (list checks missing).
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INDICATOR_SHEET, LIST_FIRST_ROW, type Report } from '../../src/core/index.js';
import { reviewFile, saveWorkbook } from '../../src/xlsx/workbook.js';
import { argbOf, cli, cliTemplate, load, noteOf, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();

describe('the extended application form', () => {
  it('the template has one sheet per name list, with input cells, levels as a list and years as whole numbers', async () => {
    const wb = await cliTemplate(dir);
    const ws = wb.getWorksheet('专精特新中小企业')!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(2, c).value)).toEqual(['序号', '企业名称', '统一社会信用代码', '级别', '认定年份']);
    expect(ws.getCell(1, 1).value).toBe('专精特新中小企业名单（家数应与指标表2.3一致）');
    const first = LIST_FIRST_ROW + 1;
    expect(ws.getCell(first, 2).protection?.locked).toBe(false);
    expect(argbOf(ws.getCell(first, 2))).toBe('FFFFF7D6');
    expect(ws.getCell(first, 3).numFmt).toBe('@');
    expect(ws.getCell(first, 4).dataValidation).toMatchObject({ type: 'list', formulae: ['"省级"'] });
    expect(ws.getCell(first, 5).dataValidation).toMatchObject({ type: 'whole', formulae: [1949, 2025] });
    expect(wb.getWorksheet('创新平台')!.getCell(2, 3).value).toBe('依托单位统一社会信用代码');
  });

  it('02-failing: the CLI catches 2.2 disagreeing with its list, naming both, and flags the count cell', async () => {
    const path = await writeExample(dir, '02-failing');
    const out = join(dir, '02.reviewed.xlsx');
    const run = await cli(['check', path, '-o', out, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as Report;
    const f = report.findings.find((x) => x.check === 'L3')!;
    expect([f.code, f.status, f.indicator]).toEqual(['list-count-differs', 'invalid', '2.2']);
    expect(f.messages['zh-CN']).toContain('专精特新小巨人企业!B3:E4');
    expect(f.messages['zh-CN']).toContain(f.cells[0]!);
    const reviewed = await load(out);
    const cell = reviewed.getWorksheet(INDICATOR_SHEET)!.getCell(f.cells[0]!.split('!')[1]!);
    expect(noteOf(cell)).toContain('数量不一致');
  });

  it('04-incomplete: a malformed credit code is invalid and flagged on the list sheet', async () => {
    const path = await writeExample(dir, '04-incomplete');
    const out = join(dir, '04.reviewed.xlsx');
    const run = await cli(['check', path, '-o', out, '--json']);
    const report = JSON.parse(run.out) as Report;
    const f = report.findings.find((x) => x.code === 'credit-code-invalid')!;
    expect([f.check, f.status, f.cells]).toEqual(['L2', 'invalid', ['制造业单项冠军企业!C3']]);
    const ws = (await load(out)).getWorksheet('制造业单项冠军企业')!;
    expect(noteOf(ws.getCell('C3'))).toContain('校验码错误');
  });

  it('01-passing passes with its lists; 2.6 agrees with the lists de-duplicated by credit code', async () => {
    const fr = await reviewFile(await writeExample(dir, '01-passing'), rb);
    expect(fr.report.verdict).toBe('passed');
    expect(fr.report.findings.find((x) => x.check === 'L9')).toMatchObject({ code: 'list-dedup-matches', status: 'pass', params: { computed: 52, stated: 52 } });
  });

  it('an old template without the list sheets is still read: the list checks are missing, nothing fails', async () => {
    const path = await writeExample(dir, '01-passing', {}, 'old.xlsx');
    const wb = await load(path);
    for (const l of rb.data.lists!) wb.removeWorksheet(wb.getWorksheet(l.sheet)!.id);
    await saveWorkbook(wb, path, { force: true });
    const fr = await reviewFile(path, rb);
    expect(fr.report.verdict).toBe('incomplete');
    const list = fr.report.findings.filter((x) => x.check?.startsWith('L'));
    expect(list.length).toBe(9);
    expect(new Set(list.map((x) => x.status))).toEqual(new Set(['missing']));
    expect(fr.report.findings.some((x) => x.status === 'fail')).toBe(false);
  });

  it('a duplicated credit code typed into a list is reported', async () => {
    const path = await writeExample(dir, '01-passing', {}, 'dup.xlsx');
    const wb = await load(path);
    const ws = wb.getWorksheet('龙头企业')! as ExcelJS.Worksheet;
    ws.getCell('B8').value = '重复列入的公司';
    ws.getCell('C8').value = ws.getCell('C3').value;
    ws.getCell('D8').value = '省级';
    ws.getCell('E8').value = 2021;
    await saveWorkbook(wb, path, { force: true });
    const fr = await reviewFile(path, rb);
    const f = fr.report.findings.find((x) => x.code === 'list-duplicate-code')!;
    expect([f.check, f.status, f.cells]).toEqual(['L1', 'invalid', ['龙头企业!C8']]);
    expect(f.messages['zh-CN']).toContain('首次出现在龙头企业!C3');
  });
});
