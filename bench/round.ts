/**
 * Committee benchmark: the tally of a national round's maximum, 260 generated applications × 9 experts' filled
 * score sheets, as whole processes beside the batch of the same files (goal: tally ≤ 2 × batch, ≤ 400 MB).
 * Printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nationalRulebook } from '../src/core/index.js';
import { saveWorkbook } from '../src/xlsx/workbook.js';
import { buildCli } from '../scripts/build-cli.js';
import { filledWorkbook } from '../scripts/fill.js';
import { fillScoresheet } from '../scripts/fill-scores.js';
import { generateApplications } from './generate.js';
import { BIN, runNode, sideBySide } from './process.js';

export async function benchRound(count = 260, experts = 9, reps = Number(process.env.BENCH_BATCH_REPS ?? 3)): Promise<void> {
  await buildCli();
  const rb = nationalRulebook();
  const root = mkdtempSync(join(tmpdir(), 'cluster-review-bench-round-'));
  const dir = join(root, 'applications');
  const sheets = join(root, 'sheets');
  try {
    mkdirSync(dir);
    const ids: string[] = [];
    for (const app of generateApplications(count, 7)) {
      const wb = await filledWorkbook(rb, { title: { zh: app.name, en: app.name }, applicationYear: app.applicationYear, values: app.values as never });
      await saveWorkbook(wb, join(dir, `${app.name}.xlsx`), { force: true });
      ids.push(app.name);
    }
    const names = Array.from({ length: experts }, (_x, i) => `专家${i + 1}`);
    runNode([BIN, 'scoresheets', dir, '--experts', names.join(','), '-o', sheets, '--force', '--all']);
    // Reproducible scores: expert e gives application i a score per criterion from a fixed formula.
    const weights = rb.data.criteria.map((c) => c.weight);
    for (const [e, name] of names.entries())
      await fillScoresheet(
        join(sheets, `专家评分表-${name}.xlsx`),
        Object.fromEntries(ids.map((id, i) => [id, { scores: weights.map((w, k) => Math.round(((i * 7 + e * 3 + k) % 10) / 10 * w * 2) / 2) }])),
      );
    const s = sideBySide([BIN, 'tally', dir, sheets, '-o', join(root, 'tally.xlsx'), '--force'], [BIN, 'batch', dir, '-o', join(root, 'rollup.xlsx'), '--force'], reps);
    console.log(`round — ${count} applications × ${experts} experts' score sheets; whole processes, median of ${reps} alternating runs`);
    console.log(`  batch (same applications)   ${(s.b.ms / 1000).toFixed(2)} s   peak ${s.b.maxRssMb.toFixed(0)} MB`);
    console.log(`  tally                       ${(s.a.ms / 1000).toFixed(2)} s   peak ${s.a.maxRssMb.toFixed(0)} MB`);
    console.log(`  ratio tally / batch         ${(s.a.ms / s.b.ms).toFixed(2)}     (goal ≤ 2; peak goal ≤ 400 MB)`);
    // CPU time too: steadier than wall time when other work shares the machine (batch's worker thread included).
    console.log(`  cpu tally / batch           ${(s.a.cpuMs / 1000).toFixed(2)} s / ${(s.b.cpuMs / 1000).toFixed(2)} s = ${(s.a.cpuMs / s.b.cpuMs).toFixed(2)}`);
    // Where the memory goes: the tally's own stage figures (process.memoryUsage after a collection).
    const staged = spawnSync(process.execPath, ['--expose-gc', BIN, 'tally', dir, sheets, '-o', join(root, 'tally-stages.xlsx'), '--force'], {
      encoding: 'utf8',
      env: { ...process.env, CLUSTER_REVIEW_STAGES: '1' },
      maxBuffer: 64 << 20,
    });
    for (const line of staged.stderr.split('\n').filter((l) => l.startsWith('stage '))) console.log(`  ${line}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
