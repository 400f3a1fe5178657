/**
 * File benchmark: a national round's maximum of 260 generated applications as .xlsx files. Prints the time of
 * bare workbook loading with ExcelJS and of the full `batch` (open safely, review, roll-up written), each a whole
 * process as a user runs it (the built CLI in lib/ against a plain script), their ratio (goal ≤ 1.5) and the
 * batch's peak memory (goal ≤ 300 MB); then the same round with five hostile files of issue #9 in it (time and
 * peak memory; goal: the roll-up written within 10 s per hostile file and 500 MB).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nationalRulebook } from '../src/core/index.js';
import { saveWorkbook } from '../src/xlsx/workbook.js';
import { buildCli } from '../scripts/build-cli.js';
import { filledWorkbook } from '../scripts/fill.js';
import { generateApplications } from './generate.js';
import { BARE, BIN, median, runNode, sideBySide } from './process.js';
import { duplicatedRows, farCell, junkRows, zipBomb } from '../test/hostile/generate.js';

/** The hostile files of issue #9 (generators shared with test/hostile/bounded.test.ts). */
const HOSTILE: Array<[string, (out: string) => Promise<string>]> = [
  ['hostile-junk-rows.xlsx', (o) => junkRows(o)],
  ['hostile-far-cell.xlsx', farCell],
  ['hostile-duplicated-rows.xlsx', (o) => duplicatedRows(o)],
  ['hostile-zip-bomb.xlsx', (o) => zipBomb(o)],
  ['hostile-lying-zip-bomb.xlsx', (o) => zipBomb(o, 256 << 20, true)],
];

export interface FileFigures {
  batchRatio: number;
  /** The same round with hostile files in it (issue #9): whole-process seconds and peak MB. */
  hostile: { seconds: number; maxRssMb: number; files: number };
}

export async function benchFiles(count = 260, reps = Number(process.env.BENCH_BATCH_REPS ?? 3)): Promise<FileFigures> {
  await buildCli();
  const rb = nationalRulebook();
  const root = mkdtempSync(join(tmpdir(), 'cluster-review-bench-'));
  const dir = join(root, 'applications');
  try {
    mkdirSync(dir);
    const t0 = performance.now();
    for (const app of generateApplications(count, 7)) {
      const wb = await filledWorkbook(rb, { title: { zh: app.name, en: app.name }, applicationYear: app.applicationYear, values: app.values as never });
      await saveWorkbook(wb, join(dir, `${app.name}.xlsx`), { force: true });
    }
    const made = performance.now() - t0;
    const s = sideBySide([BIN, 'batch', dir, '-o', join(root, 'rollup.xlsx'), '--force'], [BARE, 'load', dir], reps);
    const batchRatio = s.a.ms / s.b.ms;
    console.log(`files — ${count} generated applications (.xlsx); whole processes, median of ${reps} alternating runs`);
    console.log(`  generated in          ${(made / 1000).toFixed(2)} s (not part of the figures)`);
    console.log(`  bare ExcelJS loading  ${(s.b.ms / 1000).toFixed(2)} s   (${(s.b.ms / count).toFixed(2)} ms per file; runs ${s.bs.map((x) => (x / 1000).toFixed(2)).join(' ')})`);
    console.log(`  full batch            ${(s.a.ms / 1000).toFixed(2)} s   (${(s.a.ms / count).toFixed(2)} ms per file: open safely, review, roll-up written; runs ${s.as.map((x) => (x / 1000).toFixed(2)).join(' ')})`);
    console.log(`  ratio batch / load    ${batchRatio.toFixed(2)}     (goal ≤ 1.5; CPU time ${(s.a.cpuMs / 1000).toFixed(2)} / ${(s.b.cpuMs / 1000).toFixed(2)} s = ${(s.a.cpuMs / s.b.cpuMs).toFixed(2)})`);
    console.log(`  peak memory (batch)   ${s.a.maxRssMb.toFixed(0)} MB   (goal ≤ 300 MB; bare loading ${s.b.maxRssMb.toFixed(0)} MB)`);

    // The round again with the hostile files of issue #9 in place of five applications: every file still a row
    // (exit 2: some files could not be reviewed).
    const hostileDir = join(root, 'hostile');
    mkdirSync(hostileDir);
    const names = readdirSync(dir).sort();
    for (const n of names.slice(HOSTILE.length)) copyFileSync(join(dir, n), join(hostileDir, n));
    for (const [name, make] of HOSTILE) await make(join(hostileDir, name));
    const runs = Array.from({ length: reps }, () => runNode([BIN, 'batch', hostileDir, '-o', join(root, 'rollup-hostile.xlsx'), '--force'], [2]));
    const hostile = { seconds: median(runs.map((r) => r.ms)) / 1000, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)), files: names.length };
    console.log(`  hostile batch         ${hostile.seconds.toFixed(2)} s   peak ${hostile.maxRssMb.toFixed(0)} MB   (${hostile.files} files, ${HOSTILE.length} hostile: ${HOSTILE.map(([n]) => n).join(', ')}; each a row of the roll-up)`);
    return { batchRatio, hostile };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
