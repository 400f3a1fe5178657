/** The .xlsx adapter's fast paths: parts inflated natively before ExcelJS reads them, and shared style objects. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { templateModels } from '../../src/core/index.js';
import { openWorkbook, storedCopy, zipEntryNames } from '../../src/xlsx/open.js';
import { renderSheet } from '../../src/xlsx/render.js';
import { rb, tempDir, zipMethods } from '../support/files.js';

const EXAMPLES = ['01-passing', '02-failing', '05-provincial-rows'].map((n) => join('examples', `${n}.xlsx`));

async function modelOf(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return JSON.stringify(wb.model);
}

describe('storedCopy', () => {
  it('holds the same parts uncompressed, and ExcelJS reads the same workbook from it', async () => {
    for (const file of EXAMPLES) {
      const buf = readFileSync(file);
      expect(zipMethods(buf)).toContain(8);
      const stored = storedCopy(buf)!;
      expect(stored, file).not.toBeNull();
      expect(new Set(zipMethods(stored))).toEqual(new Set([0]));
      expect(zipEntryNames(stored)).toEqual(zipEntryNames(buf));
      expect(await modelOf(stored)).toBe(await modelOf(buf));
      // JSZip with checksum checks agrees the copy is a sound package.
      await expect(JSZip.loadAsync(stored, { checkCRC32: true })).resolves.toBeTruthy();
    }
  });

  it('gives up on a part that does not inflate, so ExcelJS judges the original (a corrupt file stays "corrupt")', async () => {
    const buf = Buffer.from(readFileSync(EXAMPLES[0]!));
    const names = zipEntryNames(buf)!;
    // Overwrite the middle of the compressed sheet with garbage, keeping the package's structure.
    const at = buf.indexOf(Buffer.from('xl/worksheets/sheet2.xml')) + 60;
    buf.fill(0xff, at, at + 200);
    expect(names).toContain('xl/worksheets/sheet2.xml');
    expect(storedCopy(buf)).toBeNull();
    const file = join(tempDir(), 'garbled.xlsx');
    writeFileSync(file, buf);
    await expect(openWorkbook(file)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('gives up on part names it does not copy byte for byte (non-ASCII)', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/图片.xml', '<x/>');
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(storedCopy(buf)).toBeNull();
    expect(storedCopy(Buffer.from('not a zip at all, long enough to have no end record'))).toBeNull();
  });
});

describe('renderSheet styles', () => {
  it('cells of one style share an object, yet an input cell unlocks only itself', async () => {
    const { sheets } = templateModels(rb, 2025, 'zh-CN');
    const model = sheets[1]!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(model.name);
    await renderSheet(ws, model);
    const inputs = model.cells.filter((c) => c.input);
    const same = inputs.filter((c) => c.style === inputs[0]!.style && c.numberFormat === inputs[0]!.numberFormat);
    // Locked cells of the input cells' own style, if any, and at least every locked cell of the sheet.
    const locked = model.cells.filter((c) => !c.input);
    expect(same.length).toBeGreaterThan(10);
    expect(locked.length).toBeGreaterThan(10);
    const at = (c: { row: number; col: number }) => ws.getCell(c.row + 1, c.col + 1);
    // Shared: ExcelJS writes one style per object without rebuilding it.
    expect(at(same[0]!).style).toBe(at(same[1]!).style);
    for (const c of inputs) expect(at(c).protection?.locked, `${c.row},${c.col}`).toBe(false);
    for (const c of locked) expect(at(c).protection?.locked, `${c.row},${c.col}`).not.toBe(false);
  });
});
