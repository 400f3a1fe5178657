/** Core benchmark: reader + checks + JSON report (both languages) over generated applications. */
import { buildReport, nationalRulebook, reviewSnapshot, type Verdict } from '../src/core/index.js';
import { generateSnapshots } from './generate.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchCore(count = 2000, passes = 5): void {
  const rb = nationalRulebook();
  const snaps = generateSnapshots(count);
  // Warm-up: let the JIT settle so the figure is the steady state a batch sees.
  for (const s of snaps.slice(0, 600)) buildReport(reviewSnapshot(s, rb), rb);
  const verdicts: Record<string, number> = {};
  const full: number[] = [];
  const reviewOnly: number[] = [];
  for (let p = 0; p < passes; p++) {
    let t0 = performance.now();
    for (const s of snaps) reviewSnapshot(s, rb);
    reviewOnly.push((performance.now() - t0) / count);
    t0 = performance.now();
    for (const s of snaps) {
      const v: Verdict = buildReport(reviewSnapshot(s, rb), rb).verdict;
      if (p === 0) verdicts[v] = (verdicts[v] ?? 0) + 1;
    }
    full.push((performance.now() - t0) / count);
  }
  const per = median(full);
  console.log('core — reader + checks + JSON report (zh-CN and en-US messages)');
  console.log(`  applications          ${count} × ${passes} passes (median pass shown)`);
  console.log(`  per application       ${per.toFixed(4)} ms   (goal < 0.2 ms; passes ${full.map((x) => x.toFixed(3)).join(' ')})`);
  console.log(`    of which review     ${median(reviewOnly).toFixed(4)} ms   (reader + checks + verdict, no messages)`);
  console.log(`  applications/second   ${Math.round(1000 / per)}`);
  console.log(`  verdicts              ${Object.entries(verdicts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
}
