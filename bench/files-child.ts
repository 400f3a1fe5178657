/** One measurement of bench/files.ts in its own process: `load DIR` (bare ExcelJS) or `batch DIR` (the CLI). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main.js';

const [mode, dir] = process.argv.slice(2) as [string, string];
const files = readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort().map((n) => join(dir, n));
const t0 = performance.now();
if (mode === 'load') {
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
  }
} else {
  const quiet = () => undefined;
  const code = await main(['batch', dir, '-o', join(dir, '..', `rollup-${process.pid}.xlsx`), '--force'], { out: quiet, err: quiet, now: () => new Date() });
  if (code === 2) throw new Error('batch failed');
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, files: files.length }));
