/**
 * The batch's roll-up (推荐汇总) written as `writeRollup` (./workbook.ts) writes it — the same model, rendered
 * by the same `renderSheet` — but compressed by Node's native zlib (./zip.ts) instead of ExcelJS's JavaScript
 * deflater, which in `batch` runs cold once, at the end, on the user's wait.
 */
import ExcelJS from 'exceljs';
import { rollupChartsModel, rollupModel, type CityRecommendation, type Lang, type RollupEntry } from '../core/index.js';
import { finishPackage } from './charts/index.js';
import { writeOutput } from './output.js';
import { renderSheet } from './render.js';
import { deflatedCopy } from './zip.js';

export async function writeRollupNative(entries: RollupEntry[], lang: Lang, output: string, opts: { quota?: number; cities?: CityRecommendation; force?: boolean; inputs?: string[] } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  const model = rollupModel(entries, lang, opts.quota, opts.cities);
  const charts = rollupChartsModel(entries, model, lang);
  for (const m of [model, charts]) await renderSheet(wb.addWorksheet(m.name), m);
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  // The charts (./charts) before compressing: the parts they add come deflated, the rest stored, all deflated then.
  const bytes = deflatedCopy(finishPackage(stored, { models: [model, charts] }).bytes);
  await writeOutput(output, async (file) => void (await file.writeFile(bytes)), { force: opts.force, inputs: opts.inputs });
}
