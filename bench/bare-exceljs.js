/**
 * The yardstick of the command-line figures in `npm run bench`: nothing but ExcelJS, in plain JavaScript like
 * the built CLI. `rw IN OUT` reads a workbook and writes it back (what one `check` must at least do);
 * `load DIR` reads every .xlsx of a folder (what `batch` must at least do).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const [mode, a, b] = process.argv.slice(2);
if (mode === 'rw') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(a));
  await wb.xlsx.writeFile(b);
} else if (mode === 'load') {
  for (const name of readdirSync(a).filter((n) => n.endsWith('.xlsx')).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(a, name)));
  }
} else {
  console.error('usage: node bench/bare-exceljs.js rw IN OUT | load DIR');
  process.exitCode = 2;
}
