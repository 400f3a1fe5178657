/**
 * WPS figures: calls into the WPS object model per review (check + summary) against the strict fake WPS, for a
 * template-sized sheet and one ten times larger (goal: bounded by rows, not by cells — whole-range reads and
 * writes). Two larger sheets: the province's extra rows all in one number format (the usual case: formats are
 * read a block at a time), and alternating formats row by row (the worst case: one format read per row).
 */
import { nationalRulebook } from '../src/core/index.js';
import { checkWorkbook, writeSummary } from '../src/wps/workbook.js';
import { load } from '../test/support/files.js';
import { addProvinceRows } from './generate.js';
import { fakeWpsFromExcelJS } from '../test/wps/from-xlsx.js';

type Shape = 'template' | 'one format' | 'formats alternate';

async function callsFor(scale: number, shape: Shape): Promise<{ check: number; summary: number; rows: number; cells: number }> {
  const rb = nationalRulebook();
  const fake = fakeWpsFromExcelJS(await load('examples/02-failing.xlsx'));
  const sheet = fake.sheet('指标表');
  addProvinceRows(sheet.cells, scale, shape === 'formats alternate');
  const keys = Object.keys(sheet.cells);
  const rows = new Set(keys.map((k) => k.split(',')[0])).size;
  const s = { app: fake.application, rb, lang: 'zh-CN' as const };
  const start = fake.calls;
  checkWorkbook(s);
  const check = fake.calls - start;
  writeSummary(s);
  return { check, summary: fake.calls - start - check, rows, cells: keys.length };
}

export async function benchWps(): Promise<void> {
  console.log('WPS adapter: calls into the object model per review (check + summary), strict fake WPS');
  const small = await callsFor(1, 'template');
  const line = (label: string, x: Awaited<ReturnType<typeof callsFor>>) =>
    console.log(`  ${label.padEnd(34)} ${String(x.rows).padStart(5)} rows ${String(x.cells).padStart(6)} cells   check ${String(x.check).padStart(5)}   summary ${String(x.summary).padStart(5)}   total ${String(x.check + x.summary).padStart(5)}`);
  line('template-sized sheet', small);
  for (const shape of ['one format', 'formats alternate'] as const) {
    const large = await callsFor(10, shape);
    line(`ten times larger, ${shape}`, large);
    const extraRows = large.rows - small.rows;
    const extraCalls = large.check + large.summary - small.check - small.summary;
    console.log(`    → ${(extraCalls / extraRows).toFixed(2)} calls per added row, ${(extraCalls / (large.cells - small.cells)).toFixed(2)} per added cell (goal: bounded by rows)`);
  }
}
