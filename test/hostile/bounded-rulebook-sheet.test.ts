/**
 * Hostile (issue 20, item 3): a rulebook workbook is read sparsely. One cell in XFD1 or 10,000 id-only rows are
 * answered within 10 s and 500 MB (rows × columns of a dense grid looped for minutes).
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/files.js';
import { expectNoCrash, runCli, expectWithinGoal } from './support.js';

async function exported(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = join(dir, '规则表.xlsx');
  const r = await runCli(['rulebook', 'export', '-o', file]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, file };
}

describe('rulebook import reads sparsely', () => {
  it('one cell in XFD1 of 规则表: answered within the limits', async () => {
    const { dir, file } = await exported();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('规则表')!.getCell('XFD1').value = 'x';
    wb.getWorksheet('规则表')!.getCell('XFD2000').value = 'x';
    await wb.xlsx.writeFile(file);
    const r = await runCli(['rulebook', 'import', file, '-o', join(dir, 'out.json')], { timeoutMs: 60_000, measureRss: true });
    expectNoCrash(r);
    expectWithinGoal(r);
  }, 120_000);

  it('10,000 id-only rows: answered within the limits, the limit named', async () => {
    const { dir, file } = await exported();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('规则表')!;
    for (let i = 0; i < 10_000; i++) ws.getCell(ws.rowCount + 1, 1).value = `Z${i}`;
    await wb.xlsx.writeFile(file);
    const r = await runCli(['rulebook', 'import', file, '-o', join(dir, 'out.json')], { timeoutMs: 60_000, measureRss: true });
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/未处理.*超过上限 5000/);
    expectWithinGoal(r);
  }, 120_000);
});
