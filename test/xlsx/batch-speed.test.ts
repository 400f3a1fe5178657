/**
 * The batch's fast paths say what the plain paths say: a file opened for review only gives the same review as
 * one opened in full; the roll-up compressed natively holds the same parts as ExcelJS's own; a worker started
 * before the rulebook is read reviews like one started with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reviewFiles, startWorker } from '../../src/cli/pool.js';
import { forRollup, type RollupEntry } from '../../src/core/index.js';
import { openWorkbook, storedCopy } from '../../src/xlsx/open.js';
import { writeRollupNative } from '../../src/xlsx/rollup.js';
import { reviewFile, writeReviewedCopy, writeRollup } from '../../src/xlsx/workbook.js';
import { deflatedCopy } from '../../src/xlsx/zip.js';
import { rb, tempDir, zipMethods } from '../support/files.js';

const EXAMPLES = ['01-passing', '02-failing', '03-vetoed', '04-incomplete', '05-provincial-rows'].map((n) => join('examples', `${n}.xlsx`));
const WORKER = new URL('../../lib/cli/review-worker.js', import.meta.url);

/** Every part of a package by name, as text (docProps/core.xml without its times, which differ by the second). */
async function parts(buf: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buf, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const f of Object.values(zip.files)) if (!f.dir) out[f.name] = (await f.async('string')).replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, '');
  return out;
}

describe('opening for review only', () => {
  it('builds no data validations, and reviews every example and reviewed copy exactly as a full open does', async () => {
    const dir = tempDir();
    const copies: string[] = [];
    for (const file of EXAMPLES.slice(0, 2)) {
      const out = join(dir, file.replace(/.*\//, '').replace('.xlsx', '.reviewed.xlsx'));
      await writeReviewedCopy(await reviewFile(file, rb), { rb, lang: 'zh-CN', output: out, experts: ['张三', '李四'] });
      copies.push(out);
    }
    for (const file of [...EXAMPLES, ...copies]) {
      const full = await openWorkbook(file);
      const lean = await openWorkbook(file, { reviewOnly: true });
      const validations = (wb: typeof full.wb) => wb.worksheets.reduce((n, ws) => n + Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model).length, 0);
      // The templates validate their input cells: the option does skip something.
      expect(validations(full.wb), file).toBeGreaterThan(0);
      expect(validations(lean.wb), file).toBe(0);
      const a = await reviewFile(file, rb, full);
      const b = await reviewFile(file, rb, lean);
      expect(b.report, file).toEqual(a.report);
      expect(b.warnings, file).toEqual(a.warnings);
      expect(b.reading.merges, file).toEqual(a.reading.merges);
    }
  }, 60_000);
});

describe('the roll-up compressed natively', () => {
  it('deflatedCopy: every part deflated, the same parts and checksums', async () => {
    const stored = readFileSync(EXAMPLES[0]!);
    // Through ExcelJS's own writer with its parts stored, as writeRollupNative does.
    const { wb } = await openWorkbook(EXAMPLES[0]!);
    const plain = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as never));
    expect(new Set(zipMethods(plain))).toEqual(new Set([0]));
    const packed = deflatedCopy(plain);
    expect(zipMethods(packed)).toContain(8);
    expect(packed.length).toBeLessThan(plain.length / 2);
    expect(await parts(packed)).toEqual(await parts(plain));
    expect(stored.length).toBeGreaterThan(0);
  });

  it('writeRollupNative writes the parts writeRollup writes', async () => {
    const entries: RollupEntry[] = [];
    for (const file of EXAMPLES) entries.push({ file, report: forRollup((await reviewFile(file, rb)).report) });
    entries.push({ file: 'broken.xlsx', error: '无法读取' });
    const dir = tempDir();
    await writeRollup(entries, 'zh-CN', join(dir, 'a.xlsx'), { quota: 2 });
    await writeRollupNative(entries, 'zh-CN', join(dir, 'b.xlsx'), { quota: 2 });
    const b = readFileSync(join(dir, 'b.xlsx'));
    expect(zipMethods(b)).toContain(8);
    expect(await parts(b)).toEqual(await parts(readFileSync(join(dir, 'a.xlsx'))));
  });
});

describe('a worker started before the rulebook is read', () => {
  it('reviews the files as a worker started with it; a replaced one gets the rulebook too', async () => {
    const started = startWorker({ workerUrl: WORKER });
    expect(started).not.toBeNull();
    const outcomes = await reviewFiles([EXAMPLES[0]!, EXAMPLES[1]!], rb, { workerUrl: WORKER, started });
    const plain = await reviewFiles([EXAMPLES[0]!, EXAMPLES[1]!], rb, { workerUrl: WORKER });
    expect(outcomes).toEqual(plain);
    expect(outcomes.map((o) => 'report' in o && o.report.verdict)).toEqual(['passed', 'failed']);
    // An early worker with too small a heap dies on the first file; the next goes to a new worker, which is
    // given the rulebook at its start (it would fail on a missing rulebook otherwise).
    const replaced = await reviewFiles([EXAMPLES[0]!, EXAMPLES[1]!], rb, { workerUrl: WORKER, started: startWorker({ workerUrl: WORKER, heapMb: 4 }) });
    expect('error' in replaced[0]! && replaced[0].error.params.what).toBe('memory');
    expect('report' in replaced[1]! && replaced[1].report.verdict).toBe('failed');
  }, 60_000);

  it('ends without reviewing when the command stops first', async () => {
    const started = startWorker({ workerUrl: WORKER })!;
    await started.stop();
    expect(started.worker.threadId).toBe(-1);
  });
});

describe('empty styled cells left out for a review', () => {
  it('a sound package without them, with checksums; every cell with a value kept', async () => {
    const buf = readFileSync(EXAMPLES[0]!);
    const full = storedCopy(buf)!;
    const lean = storedCopy(buf, { withoutEmptyCells: true })!;
    expect(lean.length).toBeLessThan(full.length);
    await expect(JSZip.loadAsync(lean, { checkCRC32: true })).resolves.toBeTruthy();
    const a = await openWorkbook(EXAMPLES[0]!);
    const b = await openWorkbook(EXAMPLES[0]!, { reviewOnly: true });
    let empty = 0;
    for (const ws of a.wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const other = b.wb.getWorksheet(ws.name)!.findCell(r, c);
          if (cell.type === 0) empty += other ? 0 : 1;
          else expect(other?.value, `${ws.name}!${cell.address}`).toEqual(cell.value);
        }),
      );
    }
    expect(empty).toBeGreaterThan(100);
  });

  it('a workbook with notes keeps every cell (notes belong to cells)', async () => {
    const dir = tempDir();
    const out = join(dir, 'noted.reviewed.xlsx');
    await writeReviewedCopy(await reviewFile(EXAMPLES[1]!, rb), { rb, lang: 'zh-CN', output: out, experts: ['张三'] });
    const { zipEntryNames } = await import('../../src/xlsx/open.js');
    expect(zipEntryNames(readFileSync(out))!.some((n) => n.startsWith('xl/comments'))).toBe(true);
    const a = await openWorkbook(out);
    const b = await openWorkbook(out, { reviewOnly: true });
    const count = (wb: typeof a.wb) => {
      let n = 0;
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell({ includeEmpty: true }, () => void n++));
      return n;
    };
    expect(count(b.wb)).toBe(count(a.wb));
  });
});
