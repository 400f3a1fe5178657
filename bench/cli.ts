/**
 * Command-line figures, each a whole process as a user runs it (node start, module loading, work, exit), side by
 * side with the least any tool must do: one `check` of an example against a bare ExcelJS read + write of the
 * same file (goal ≤ 1.3), and `cluster-review --help` (goal ≤ 0.3 s). The CLI is the plain JavaScript built in
 * lib/ (rebuilt first, so the figures are of the current sources).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../scripts/build-cli.js';
import { BARE, BIN, median, runNode, sideBySide, type Run } from './process.js';

const EXAMPLE = fileURLToPath(new URL('../examples/02-failing.xlsx', import.meta.url));

export interface CliFigures {
  checkRatio: number;
  /** The same ratio in CPU time (user + system). */
  checkCpuRatio: number;
  /** Median wall time of `--help`, and its CPU time. */
  helpSeconds: number;
  helpCpuSeconds: number;
}

export async function benchCli(reps = Number(process.env.BENCH_REPS ?? 9)): Promise<CliFigures> {
  await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'cluster-review-bench-'));
  try {
    const s = sideBySide([BIN, 'check', EXAMPLE, '-o', join(dir, 'checked.xlsx'), '--force', '--experts', '张三,李四,王五'], [BARE, 'rw', EXAMPLE, join(dir, 'bare.xlsx')], reps);
    const help: Run[] = [];
    const nothing: Run[] = [];
    for (let i = 0; i < reps; i++) {
      help.push(runNode([BIN, '--help']));
      nothing.push(runNode(['-e', '0']));
    }
    const checkRatio = s.a.ms / s.b.ms;
    const helpMs = median(help.map((r) => r.ms));
    const helpSeconds = helpMs / 1000;
    const helpCpuSeconds = median(help.map((r) => r.cpuMs)) / 1000;
    const ms = (x: number) => `${x.toFixed(0).padStart(4)} ms`;
    console.log(`command line — whole processes, median of ${reps} alternating runs (built CLI in lib/)`);
    console.log(`  check ${EXAMPLE.split('/').pop()}     ${ms(s.a.ms)}   (runs ${s.as.map((x) => x.toFixed(0)).join(' ')})`);
    console.log(`  bare ExcelJS read + write  ${ms(s.b.ms)}   (runs ${s.bs.map((x) => x.toFixed(0)).join(' ')})`);
    console.log(`  ratio check / bare         ${checkRatio.toFixed(2)}      (goal ≤ 1.3; CPU time ${s.a.cpuMs.toFixed(0)} / ${s.b.cpuMs.toFixed(0)} ms = ${(s.a.cpuMs / s.b.cpuMs).toFixed(2)})`);
    // CPU time (user + system) beside the wall time: on a shared machine it is the steadier of the two.
    const cpu = (rs: Run[]) => median(rs.map((r) => r.cpuMs)).toFixed(0);
    console.log(`  cluster-review --help      ${ms(helpMs)}   (goal ≤ 300 ms; CPU ${cpu(help)} ms; \`node -e 0\` alone ${median(nothing.map((r) => r.ms)).toFixed(0)} ms, CPU ${cpu(nothing)} ms)`);
    return { checkRatio, checkCpuRatio: s.a.cpuMs / s.b.cpuMs, helpSeconds, helpCpuSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
