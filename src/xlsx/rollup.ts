/**
 * The batch's roll-up (推荐汇总) written as `writeRollup` (./workbook.ts) writes it — the same model, rendered
 * by the same `renderSheet` — but compressed by Node's native zlib (./zip.ts) instead of ExcelJS's JavaScript
 * deflater, which in `batch` runs cold once, at the end, on the user's wait.
 */
import ExcelJS from 'exceljs';
import { rollupModel, type Lang, type RollupEntry } from '../core/index.js';
import { writeOutput } from './output.js';
import { renderSheet } from './render.js';
import { deflatedCopy } from './zip.js';

export async function writeRollupNative(entries: RollupEntry[], lang: Lang, output: string, opts: { quota?: number; force?: boolean; inputs?: string[] } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  const model = rollupModel(entries, lang, opts.quota);
  await renderSheet(wb.addWorksheet(model.name), model);
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  const bytes = deflatedCopy(stored);
  await writeOutput(output, async (file) => void (await file.writeFile(bytes)), { force: opts.force, inputs: opts.inputs });
}
