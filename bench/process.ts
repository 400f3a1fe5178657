/**
 * Whole-process timing: what a user waits for, from `node` starting to its exit, module loading included.
 * Two commands are measured alternately (A B A B …) so a busy moment of the machine hits both alike.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/cluster-review.js', import.meta.url));
export const BARE = fileURLToPath(new URL('./bare-exceljs.js', import.meta.url));
const RSS = fileURLToPath(new URL('./rss.js', import.meta.url));

export interface Run {
  ms: number;
  /** CPU time of the process (user + system, all its threads): steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssMb: number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One run of `node ARGS` in a fresh process; throws when its exit code is not in `ok` (exit 1 is a verdict, not a failure). */
export function runNode(args: string[], ok: readonly number[] = [0, 1]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', RSS, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (!ok.includes(r.status ?? -1)) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = Number(/bench-max-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const us = Number(/bench-cpu-us=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, cpuMs: us / 1000, maxRssMb: kb / 1024 };
}

/** Medians of `reps` alternating runs of a and b (after one unmeasured run of each, which warms the disk cache). */
export function sideBySide(a: string[], b: string[], reps: number): { a: Run; b: Run; as: number[]; bs: number[] } {
  runNode(a);
  runNode(b);
  const ra: Run[] = [];
  const rb: Run[] = [];
  for (let i = 0; i < reps; i++) {
    ra.push(runNode(a));
    rb.push(runNode(b));
  }
  const med = (rs: Run[]): Run => ({ ms: median(rs.map((r) => r.ms)), cpuMs: median(rs.map((r) => r.cpuMs)), maxRssMb: Math.max(...rs.map((r) => r.maxRssMb)) });
  return { a: med(ra), b: med(rb), as: ra.map((r) => r.ms), bs: rb.map((r) => r.ms) };
}
