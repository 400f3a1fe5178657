/**
 * Bounded work on hostile files (issue #9, item 2): each file of the issue through the built command line, as a
 * user runs it, in a child process with a time limit. Each is answered within 10 s and 500 MB, with an exit code,
 * a plain message naming the limit reached (or a reviewed copy), no stack trace, and the input unchanged.
 * Before this work: 100,000 junk rows ran out of memory at 4.2 GB, a single cell in XFD1048576 took minutes,
 * 10,000 duplicated code rows took 30-90 s, and a zip bomb inflated to 1 GB.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewFiles } from '../../src/cli/pool.js';
import { LIMITS, nationalRulebook } from '../../src/core/index.js';
import { writeExample } from '../support/files.js';
import { runCli, sha, type Run } from './support.js';
import { duplicatedRows, farCell, farCellInRecord, hugeFile, junkRows, PASSING, sheetWideMerge, zipBomb } from './generate.js';

const WORKER = new URL('../../lib/cli/review-worker.js', import.meta.url);
/** The memory goal for every hostile file (its 10 s goal is a figure of `npm run bench`, not a timed test). */
const GOAL_MB = 500;
/** A run is killed after this (a hang then fails on its time, not on vitest's timeout). */
const KILL_MS = 90_000;

/** The built CLI through the suite's shared runner, killed after KILL_MS, its peak memory measured. */
async function run(args: string[]): Promise<Run & { maxRssMb: number }> {
  const r = await runCli(args, { timeoutMs: KILL_MS, measureRss: true });
  return { ...r, maxRssMb: r.maxRssMb ?? Number.NaN };
}

/** With exit code `code` (when given), within the goal, and no stack trace or internal error text in what the user sees. */
function answered(r: Run, code?: number): void {
  expect(r.code, r.stderr).not.toBeNull();
  if (code !== undefined) expect(r.code).toBe(code);
  expect(r.maxRssMb).toBeLessThanOrEqual(GOAL_MB);
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/\n\s+at .+[(:]\d+/);
  expect(all).not.toMatch(/FATAL ERROR|heap out of memory|RangeError|TypeError|Error:/);
}

async function opens(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

let dir: string;
const files: Record<string, string> = {};
const hashes: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cluster-review-hostile-'));
  files.junk = await junkRows(join(dir, 'junk-rows.xlsx'));
  files.far = await farCell(join(dir, 'far-cell.xlsx'));
  files.dup = await duplicatedRows(join(dir, 'duplicated-rows.xlsx'));
  files.dupSome = await duplicatedRows(join(dir, 'some-duplicated-rows.xlsx'), 900);
  files.bomb = await zipBomb(join(dir, 'zip-bomb.xlsx'));
  files.lyingBomb = await zipBomb(join(dir, 'lying-zip-bomb.xlsx'), 256 << 20, true);
  files.huge = hugeFile(join(dir, 'huge.xlsx'), LIMITS.fileBytes + 1);
  files.merge = await sheetWideMerge(join(dir, 'sheet-wide-merge.xlsx'));
  files.record = await farCellInRecord(join(dir, 'far-cell-in-record.xlsx'));
  for (const [k, f] of Object.entries(files)) hashes[k] = sha(f);
}, 120_000);

afterAll(() => {
  for (const [k, f] of Object.entries(files)) expect(sha(f), `${k} unchanged`).toBe(hashes[k]);
  rmSync(dir, { recursive: true, force: true });
});

describe('check: hostile files are answered within 10 s and 500 MB', () => {
  it('100,000 junk rows and one cell in column XFD (about 1 MB): refused, the cell limit named', async () => {
    const out = join(dir, 'junk.out.xlsx');
    const r = await run(['check', files.junk!, '-o', out]);
    answered(r, 2);
    expect(r.stderr).toMatch(new RegExp(`单元格数 100\\d{3}，超过上限 ${LIMITS.cells}`));
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('a 15 KB application whose only extra cell is XFD1048576: reviewed as usual, a valid copy written', async () => {
    const out = join(dir, 'far.out.xlsx');
    const r = await run(['check', files.far!, '-o', out, '--json', '--lang', 'en']);
    answered(r, 0);
    expect((JSON.parse(r.stdout) as { verdict: string }).verdict).toBe('passed');
    const wb = await opens(out);
    expect(wb.getWorksheet('指标表')!.getCell('XFD1048576').value).toBe('x');
  }, 120_000);

  it('10,000 duplicated code rows (about 0.1 MB): refused, the findings limit named', async () => {
    const r = await run(['check', files.dup!, '-o', join(dir, 'dup.out.xlsx'), '--lang', 'en']);
    answered(r, 2);
    expect(r.stderr).toContain(`it gives 10000 findings, over the limit of ${LIMITS.findings} per application`);
  }, 120_000);

  it('900 duplicated code rows, under the limit: every one reported, in time (no cost growing with their square)', async () => {
    const out = join(dir, 'dup-some.out.xlsx');
    const r = await run(['check', files.dupSome!, '-o', out, '--json']);
    answered(r);
    const report = JSON.parse(r.stdout) as { findings: Array<{ code: string }> };
    expect(report.findings.filter((f) => f.code === 'duplicate-indicator-row')).toHaveLength(900);
    const wb = await opens(out);
    // The findings list: one row each, with no merged area per row.
    const summary = wb.worksheets.find((w) => w.name === '评审汇总')!;
    const merges = (summary.model as unknown as { merges: string[] }).merges;
    expect(merges.length).toBeLessThan(1200);
  }, 120_000);

  it('a zip bomb (a part of 1 GB deflated to 1 MB): refused before inflating, the inflated-size limit named', async () => {
    const r = await run(['check', files.bomb!, '-o', join(dir, 'bomb.out.xlsx'), '--lang', 'en']);
    answered(r, 2);
    // The bomb's 1 GB part plus the template's own parts: about 1024 MB, whatever the template's size.
    expect(r.stderr).toMatch(new RegExp(`it inflates to more than the limit of ${LIMITS.inflatedBytes / 2 ** 20} MB \\(at least 102\\d\\.\\d MB\\)`));
    expect(r.maxRssMb).toBeLessThanOrEqual(200);
  }, 120_000);

  it('a zip bomb whose directory claims 1 KB: inflation stops at the limit', async () => {
    const r = await run(['check', files.lyingBomb!, '-o', join(dir, 'lying.out.xlsx')]);
    answered(r, 2);
    expect(r.stderr).toContain(`解压后超过 ${LIMITS.inflatedBytes / 2 ** 20} MB 的上限`);
    expect(r.maxRssMb).toBeLessThanOrEqual(250);
  }, 120_000);

  it('a file over the size limit: refused by its size, the limit named', async () => {
    const r = await run(['check', files.huge!, '-o', join(dir, 'huge.out.xlsx'), '--lang', 'en']);
    answered(r, 2);
    expect(r.stderr).toContain(`the file is 20 MB, over the limit of ${LIMITS.fileBytes / 2 ** 20} MB`);
  }, 120_000);
});

describe('check: the sheet\'s extent never costs, only its content', () => {
  it('a merged area over a whole sheet (17 billion cells): refused before the spreadsheet library builds them', async () => {
    const r = await run(['check', files.merge!, '-o', join(dir, 'merge.out.xlsx'), '--lang', 'en']);
    answered(r, 2);
    expect(r.stderr).toContain(`over the limit of ${LIMITS.cells}`);
  }, 120_000);

  it('a cell in the last row of the hidden record sheet: read as it is, in time', async () => {
    const out = join(dir, 'record.out.xlsx');
    const r = await run(['check', files.record!, '-o', out]);
    answered(r, 0);
    await opens(out);
  }, 120_000);
});

describe('batch: one hostile file never takes the others down', () => {
  it('a batch of applications with every hostile file writes its roll-up, each hostile file a row', async () => {
    const folder = join(dir, 'round');
    mkdirSync(folder);
    // Twelve applications, each its own data: the same data under twelve names would be one row (one application).
    for (let i = 1; i <= 12; i++) await writeExample(folder, '01-passing', { B1: `示例${i}号产业集群` }, `application-${String(i).padStart(2, '0')}.xlsx`);
    for (const k of ['junk', 'far', 'dup', 'bomb', 'lyingBomb', 'merge'] as const) copyFileSync(files[k]!, join(folder, `${k}.xlsx`));
    const out = join(dir, 'rollup.xlsx');
    const r = await run(['batch', folder, '-o', out, '--lang', 'en']);
    answered(r, 2);
    expect(r.stdout).toContain('(18: Passed automated checks 13, unreadable 5)');
    for (const k of ['junk', 'dup', 'bomb', 'lyingBomb', 'merge']) expect(r.stderr).toContain(`${k}.xlsx was not processed`);
    const wb = await opens(out);
    const text = wb.worksheets.map((ws) => ws.getSheetValues().flat().map(String).join('\n')).join('\n');
    for (const k of ['junk', 'far', 'dup', 'bomb', 'lyingBomb', 'merge', 'application-12']) expect(text).toContain(`${k}.xlsx`);
  }, 120_000);
});

describe('the batch pool: a file that runs out of memory or time becomes its row', () => {
  const rb = nationalRulebook();

  it('out of memory in its worker: that file is a memory row, the next file is reviewed by a new worker', async () => {
    // Under every limit (19,000 rows of 5 cells), but more than the worker's heap is given here.
    const big = await junkRows(join(dir, 'big.xlsx'), 19_000, 5);
    const outcomes = await reviewFiles([big, PASSING], rb, { workerUrl: WORKER, workers: 1, heapMb: 64 });
    expect('error' in outcomes[0]! && outcomes[0].error.code).toBe('too-large');
    expect('error' in outcomes[0]! && outcomes[0].error.params.what).toBe('memory');
    expect('report' in outcomes[1]! && outcomes[1].report.verdict).toBe('passed');
  }, 120_000);

  it('over the memory limit watched from outside: the worker is ended, the file is a memory row', async () => {
    const outcomes = await reviewFiles([PASSING], rb, { workerUrl: WORKER, memoryMb: 1 });
    expect('error' in outcomes[0]! && outcomes[0].error.params).toEqual({ what: 'memory', limit: 1, actual: 1 });
  }, 120_000);

  it('over its time: the worker is ended and the file is a time row', async () => {
    const outcomes = await reviewFiles([PASSING, PASSING], rb, { workerUrl: WORKER, workers: 2, seconds: 0.001 });
    for (const o of outcomes) expect('error' in o && o.error.params).toEqual({ what: 'time', limit: 0.001, actual: 0.001 });
  }, 120_000);
});
