/** Temporary folders and example workbooks for file-level tests. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main.js';
import { nationalRulebook, type CellSpec, type SummaryLayout } from '../../src/core/index.js';
import { readRecord } from '../../src/xlsx/meta.js';
import { filledWorkbook, type ExampleData } from '../../scripts/fill.js';
import { saveWorkbook } from '../../src/xlsx/workbook.js';

export const rb = nationalRulebook();

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cluster-review-'));
}

export function example(name: string): ExampleData {
  return JSON.parse(readFileSync(join('examples', 'data', `${name}.json`), 'utf8')) as ExampleData;
}

/** Writes an example (with value overrides) as a real workbook and returns its path. */
export async function writeExample(dir: string, name: string, overrides: Record<string, CellSpec | CellSpec[] | null> = {}, file = `${name}.xlsx`): Promise<string> {
  const data = example(name);
  data.values = { ...data.values, ...overrides };
  const path = join(dir, file);
  await saveWorkbook(await filledWorkbook(rb, data), path, { force: true });
  return path;
}

export async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A reviewed copy opened, with its summary sheet and the layout its record gives; `at` takes 0-based row and column. */
export async function summaryOf(path: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; layout: SummaryLayout; at: (r: number, c: number) => ExcelJS.Cell }> {
  const wb = await load(path);
  const layout = readRecord(wb).meta!.review!.summary!;
  const ws = wb.getWorksheet(layout.sheet)!;
  return { wb, ws, layout, at: (r, c) => ws.getCell(r + 1, c + 1) };
}

/** The CLI's standard template for 2025 written to `dir/template.xlsx` and opened. */
export async function cliTemplate(dir: string): Promise<ExcelJS.Workbook> {
  const p = join(dir, 'template.xlsx');
  const r = await cli(['template', '--year', '2025', '-o', p]);
  if (r.code !== 0) throw new Error(`template exited ${r.code}: ${r.err}`);
  return load(p);
}

export function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Runs the CLI in-process with captured output and a fixed clock. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), now: () => new Date(2025, 5, 1, 9, 30) };
  const code = await main(args, io);
  return { code, out, err };
}

export const argbOf = (cell: ExcelJS.Cell): string | undefined => {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
};

export function noteOf(cell: ExcelJS.Cell): string | null {
  const n = cell.note as unknown;
  if (!n) return null;
  if (typeof n === 'string') return n;
  return ((n as { texts?: Array<{ text: string }> }).texts ?? []).map((t) => t.text).join('');
}

/** A table sheet's rows below its header (row 3, as the tool's roll-ups and registers write it), keyed by header. */
export function headedRows(ws: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
  const out: Array<Record<string, unknown>> = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const vals = (ws.getRow(r).values as unknown[]).slice(1);
    // The table ends at its first blank row (the roll-up's count by city follows it).
    if (vals.every((v) => v === null || v === undefined || v === '')) break;
    out.push(Object.fromEntries(header.map((h, i) => [h, vals[i] ?? null])));
  }
  return out;
}

/** Scores for the rulebook's criteria in order that add up to `total`: each criterion full until the total runs out, the rest on the last. */
export function scoresSumming(total: number): number[] {
  const w = rb.data.criteria.map((c) => c.weight);
  let left = total;
  return w.map((x, i) => {
    const v = i === w.length - 1 ? left : Math.min(x, left);
    left -= v;
    return v;
  });
}

/** Compression method of every entry, from the central directory. */
export function zipMethods(buf: Buffer): number[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(eocd + 16);
  const out: number[] = [];
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    out.push(buf.readUInt16LE(at + 10));
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}
