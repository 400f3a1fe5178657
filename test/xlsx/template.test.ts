/** The standard template, written and read back through ExcelJS. */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_SHEET, META_SHEET, standardLayout } from '../../src/core/index.js';
import { readMeta } from '../../src/xlsx/meta.js';
import { reviewFile } from '../../src/xlsx/workbook.js';
import { argbOf, cli, load, rb, tempDir } from '../support/files.js';

describe('template', () => {
  const dir = tempDir();
  const path = join(dir, 'template.xlsx');
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  const layout = standardLayout(rb, 2026);
  beforeAll(async () => {
    const r = await cli(['template', '--year', '2026', '-o', path]);
    expect(r.code).toBe(0);
    wb = await load(path);
    ws = wb.getWorksheet(INDICATOR_SHEET)!;
  });

  it('has the instructions, the indicator sheet and a very hidden metadata sheet', () => {
    // The name lists of the application form follow the indicator sheet, one sheet each; then the plan and evidence sheets.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填表说明', '指标表', ...rb.data.lists!.map((l) => l.sheet), '规划目标', '佐证材料目录', META_SHEET]);
    expect(wb.getWorksheet(META_SHEET)!.state).toBe('veryHidden');
    const text = wb.getWorksheet('填表说明')!.getColumn(2).values.join('\n');
    for (const word of ['是', '否', '%', '一票否决', 'D1', '2023、2024、2025']) expect(text).toContain(word);
  });
  it('is titled with the official name of the form, with B6 filled in', () => {
    expect(ws.getCell(1, 1).value).toBe('中小企业特色产业集群申报表（指标数据）');
    const b6 = layout.rows.find((r) => r.indicator.code === 'B6')!;
    expect(ws.getCell(b6.row + 1, 6).value).toBe(2026);
  });
  it('heads the data columns with the actual years, freezes the header and sets up printing', () => {
    expect([4, 5, 6].map((c) => ws.getCell(2, c).value)).toEqual(['2023年', '2024年', '2025年']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 3 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:2' });
  });
  it('marks and unlocks input cells, locks everything else, and protects the sheet without a password', () => {
    for (const { indicator, row, inputCols } of layout.rows) {
      for (const col of [3, 4, 5]) {
        const cell = ws.getCell(row + 1, col + 1);
        const input = inputCols.includes(col);
        expect(cell.protection?.locked ?? true, `${indicator.code} col ${col}`).toBe(!input);
        if (input) expect(argbOf(cell)).toBe('FFFFF7D6');
      }
      expect(ws.getCell(row + 1, 1).protection?.locked ?? true).toBe(true);
    }
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect(protection?.algorithmName).toBeUndefined();
  });
  it('gives 是/否 cells a list and percent cells a percent format', () => {
    const at = (code: string) => layout.rows.find((r) => r.indicator.code === code)!;
    const yes = ws.getCell(at('D1').row + 1, 6);
    expect(yes.dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(ws.getCell(at('5.1').row + 1, 6).numFmt).toBe('0.0%');
    for (const c of [4, 5, 6]) expect(ws.getCell(at('5.2').row + 1, c).numFmt).toBe('0.0%');
    const growth = ws.getCell(at('1.9').row + 1, 6).value as ExcelJS.CellFormulaValue;
    expect(growth.formula).toMatch(/^IFERROR\(\(F\d+\/D\d+\)\^\(1\/2\)-1,""\)$/);
  });
  it('stores the rulebook identity and the template version', () => {
    expect(readMeta(wb)!.template).toEqual({ version: expect.any(String), applicationYear: 2026, lang: 'zh-CN', rulebook: { id: 'cn-miit-2022', edition: '2022', fingerprint: rb.fingerprint } });
  });
  it('checked blank: incomplete, one missing finding per input cell', async () => {
    const fr = await reviewFile(path, rb);
    expect(fr.report.verdict).toBe('incomplete');
    const missing = fr.report.findings.filter((f) => f.status === 'missing' && f.source === 'input');
    // B6 (申报年度) comes filled in with the template's year.
    const inputCells = layout.rows
      .filter((r) => (r.indicator.required || r.indicator.requiredIf) && r.indicator.code !== 'B6')
      .flatMap((r) => r.inputCols.map((c) => `指标表!${'ABCDEFG'[c]}${r.row + 1}`))
      .sort();
    expect(missing.flatMap((f) => f.cells).sort()).toEqual(inputCells);
    expect(missing).toHaveLength(inputCells.length);
    expect(fr.report.findings.some((f) => f.status === 'pass')).toBe(false);
  });
  it('--password protects with a password; a bad year is a usage error', async () => {
    const p = join(dir, 'pw.xlsx');
    expect((await cli(['template', '--year', '2025', '--password', 'secret', '-o', p])).code).toBe(0);
    const s = ((await load(p)).getWorksheet(INDICATOR_SHEET) as unknown as { sheetProtection: { algorithmName?: string } }).sheetProtection;
    expect(s.algorithmName).toBe('SHA-512');
    const bad = await cli(['template', '--year', '1999', '-o', join(dir, 'x.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--year');
  });
  it('an English template keeps the codes and the same checks', async () => {
    const p = join(dir, 'en.xlsx');
    expect((await cli(['template', '--year', '2025', '--lang', 'en', '-o', p])).code).toBe(0);
    const fr = await reviewFile(p, rb);
    expect(fr.report.verdict).toBe('incomplete');
    expect(fr.report.findings.filter((f) => f.status === 'missing' && f.source === 'input')).toHaveLength(85);
    expect(fr.report.cluster.applicationYear).toBe(2025);
  });
});
