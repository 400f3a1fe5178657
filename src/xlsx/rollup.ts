/**
 * The batch's roll-up (推荐汇总) written as `writeRollup` (./workbook.ts) writes it — the same model, rendered
 * by the same `renderSheet` — but compressed by Node's native zlib (./zip.ts) instead of ExcelJS's JavaScript
 * deflater, which in `batch` runs cold once, at the end, on the user's wait.
 */
import type ExcelJS from 'exceljs';
import type { CityRecommendation, Lang, RollupEntry } from '../core/index.js';
import { finishPackage } from './charts/index.js';
import { writeOutput } from './output.js';
import { rollupWorkbook } from './workbook.js';
import { deflatedCopy } from './zip.js';

export async function writeRollupNative(entries: RollupEntry[], lang: Lang, output: string, opts: { quota?: number; cities?: CityRecommendation; force?: boolean; inputs?: string[] } = {}): Promise<void> {
  const { wb, models } = await rollupWorkbook(entries, lang, opts.quota, opts.cities);
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  // The charts (./charts) before compressing: the parts they add come deflated, the rest stored, all deflated then.
  const bytes = deflatedCopy(finishPackage(stored, { models }).bytes);
  await writeOutput(output, async (file) => void (await file.writeFile(bytes)), { force: opts.force, inputs: opts.inputs });
}
