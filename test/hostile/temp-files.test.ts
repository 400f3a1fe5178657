/**
 * Hostile: interrupted writes. A temporary file is removed on every exit the process can catch (an error,
 * SIGINT, SIGTERM, SIGHUP), and the leftovers of runs that could not catch theirs (SIGKILL) are removed by the
 * next write into their folder. The process dies of the signal, as a shell expects.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, expectWorkbook, runCli, strikeMidWrite } from './support.js';

const HOLD = resolve(import.meta.dirname, 'hold-write.ts');

/** Starts hold-write.ts writing `output`; resolves once its temporary file exists. */
function holdWrite(output: string, mode?: 'throw') {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLD, output, ...(mode ? [mode] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((done) =>
    child.on('close', (code, signal) => done({ code, signal, out, err })),
  );
  const ready = new Promise<void>((done, fail) => {
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.includes('ready')) done();
    });
    void exited.then(() => fail(new Error(`exited before ready: ${out} ${err}`)));
  });
  // Awaited only by the signal tests.
  ready.catch(() => undefined);
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  void exited.then(() => clearTimeout(timer));
  return { child, ready, exited };
}

/** A pid no process has: one that just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

describe('no temporary file is left behind', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} mid-write: the temporary file is removed and the process dies of ${signal}`, async () => {
      const dir = tempDir();
      const { child, ready, exited } = holdWrite(join(dir, 'out.xlsx'));
      await ready;
      expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
      child.kill(signal);
      const r = await exited;
      expect(r.signal).toBe(signal);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('SIGTERM to the real CLI while it writes: no temporary file is left, the output is never half-written', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '02-failing', {}, 'in.xlsx');
    const output = join(dir, 'out.xlsx');
    let caught = false;
    // The window is the workbook's write (tens of milliseconds): watch for the temporary file, then strike.
    for (let attempt = 0; attempt < 5 && !caught; attempt++) {
      const run = await strikeMidWrite(input, output, ['--force'], (child) => child.kill('SIGTERM'));
      caught = run.struck;
      if (caught) expect(run.signal).toBe('SIGTERM');
      expect(readdirSync(dir).filter((n) => n !== 'in.xlsx' && n !== 'out.xlsx')).toEqual([]);
    }
    expect(caught, 'the temporary file was seen and the run signalled').toBe(true);
    // Never half a workbook: either no output, or a whole one from an earlier attempt.
    if (existsSync(output)) await expectWorkbook(output, '指标表');
  }, 120_000);

  it('an error mid-write: the temporary file is removed, the error is a FileError', async () => {
    const dir = tempDir();
    const { exited } = holdWrite(join(dir, 'out.xlsx'), 'throw');
    const r = await exited;
    expect(r.out).toContain('failed write-failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a dead run's temporary files (SIGKILL) are removed by the next write into the folder; a live run's are kept", async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'in.xlsx');
    const dead = Number(deadPid());
    const stale = [`.in.reviewed.xlsx.cluster-review-${dead}-1.tmp`];
    const livePid = `.other.xlsx.cluster-review-${process.pid}-7.tmp`;
    for (const n of [...stale, livePid]) writeFileSync(join(dir, n), 'partial');
    const r = await runCli(['check', input]);
    expect(r.code, r.stderr).toBe(0);
    expectNoCrash(r);
    expect(readdirSync(dir).sort()).toEqual([livePid, 'in.reviewed.xlsx', 'in.xlsx'].sort());
    await expectWorkbook(join(dir, 'in.reviewed.xlsx'));
  });
});
