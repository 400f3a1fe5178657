/**
 * File benchmark: a national round's maximum of 260 generated applications as .xlsx files. Prints the time of
 * bare workbook loading with ExcelJS, the full `batch` (open safely, review, roll-up written), their ratio
 * (goal ≤ 1.5) and the batch's peak memory (goal ≤ 300 MB). Each measurement runs in a fresh Node process so
 * one does not warm or bloat the other.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nationalRulebook } from '../src/core/index.js';
import { filledWorkbook } from '../scripts/fill.js';
import { saveWorkbook } from '../src/xlsx/workbook.js';
import { generateApplications } from './generate.js';

const child = fileURLToPath(new URL('./files-child.ts', import.meta.url));

function run(mode: string, dir: string): { ms: number; maxRssMb: number; files: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, mode, dir], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return JSON.parse(out.trim().split('\n').pop()!);
}

export async function benchFiles(count = 260): Promise<void> {
  const rb = nationalRulebook();
  const dir = mkdtempSync(join(tmpdir(), 'cluster-review-bench-'));
  try {
    const t0 = performance.now();
    for (const app of generateApplications(count, 7)) {
      const wb = await filledWorkbook(rb, { title: { zh: app.name, en: app.name }, applicationYear: app.applicationYear, values: app.values as never });
      await saveWorkbook(wb, join(dir, `${app.name}.xlsx`), { force: true });
    }
    const made = performance.now() - t0;
    const bare = run('load', dir);
    const batch = run('batch', dir);
    console.log(`files — ${count} generated applications (.xlsx), each measured in a fresh process`);
    console.log(`  generated in          ${(made / 1000).toFixed(2)} s (not part of the figures)`);
    console.log(`  bare ExcelJS loading  ${(bare.ms / 1000).toFixed(2)} s   (${(bare.ms / count).toFixed(2)} ms per file)`);
    console.log(`  full batch            ${(batch.ms / 1000).toFixed(2)} s   (${(batch.ms / count).toFixed(2)} ms per file: open safely, review, roll-up written)`);
    console.log(`  ratio batch / load    ${(batch.ms / bare.ms).toFixed(2)}     (goal ≤ 1.5)`);
    console.log(`  peak memory (batch)   ${batch.maxRssMb.toFixed(0)} MB   (goal ≤ 300 MB; bare loading ${bare.maxRssMb.toFixed(0)} MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
