/**
 * The hostile-input suite's harness: the real CLI (`node bin/cluster-review.js`) in a child process with a time
 * limit, and the assertions every hostile case shares — an exit code, a message, no stack trace, the inputs
 * unchanged, every output a workbook ExcelJS opens.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { noteOf, sha, summaryOf, tempDir, writeExample } from '../support/files.js';

export { sha };

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'cluster-review.js');
const RSS = join(ROOT, 'bench', 'rss.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the process (MB), when asked for with `measureRss`. */
  maxRssMb?: number;
  /**
   * CPU time of the process (user + system, ms), when asked for with `measureRss`: the work a hostile file costs,
   * whatever else the machine is doing (a wall-clock limit fails on a busy machine, not on unbounded work).
   */
  cpuMs?: number;
}

export interface RunOptions {
  /** Killed (and the test failed) after this long. */
  timeoutMs?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user (needs root): how permission errors are tested when the suite runs as root. */
  uid?: number;
  gid?: number;
  /** Measure the process's peak memory (bench/rss.js reports it at exit; its line is removed from stderr). */
  measureRss?: boolean;
}

/** Runs the CLI with `args`; resolves when it exits or the time limit kills it. */
export function runCli(args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...(opts.measureRss ? ['--import', RSS] : []), BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      // CI: no progress bar; never the debug stack.
      env: { ...process.env, CI: '1', CLUSTER_REVIEW_DEBUG: '', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const kb = /bench-max-rss-kb=(\d+)/.exec(stderr)?.[1];
      const us = /bench-cpu-us=(\d+)/.exec(stderr)?.[1];
      if (kb !== undefined) stderr = stderr.replace(/\n?bench-max-rss-kb=.*\n?/, '');
      done({ code, signal, stdout, stderr, ms: Date.now() - started, ...(kb !== undefined ? { maxRssMb: Number(kb) / 1024 } : {}), ...(us !== undefined ? { cpuMs: Number(us) / 1000 } : {}) });
    });
  });
}

/**
 * Runs `check input -o output …extra` and calls `strike` the moment a file other than these two appears in the
 * output's folder — the run's temporary file, so the window of the workbook's write (tens of milliseconds). The
 * caller tries again when the run ended before anything was seen (`struck` false).
 */
export async function strikeMidWrite(
  input: string,
  output: string,
  extra: readonly string[],
  strike: (child: ChildProcess) => void,
): Promise<{ struck: boolean; code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const dir = dirname(output);
  const own = new Set([basename(input), basename(output)]);
  const child = spawn(process.execPath, [BIN, 'check', input, '-o', output, ...extra], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  let running = true;
  void exited.then(() => (running = false));
  let struck = false;
  while (running) {
    if (readdirSync(dir).some((n) => !own.has(n))) {
      strike(child);
      struck = true;
      break;
    }
    await new Promise((r) => setImmediate(r));
  }
  const end = await exited;
  return { struck, stderr, ...end };
}

/**
 * The passing example `a.xlsx` checked by the CLI with `experts` into `a.reviewed.xlsx` in a new folder; the copy
 * opened with its summary (summaryOf).
 */
export async function reviewedExample(experts: string): Promise<{ dir: string; app: string; copy: string } & Awaited<ReturnType<typeof summaryOf>>> {
  const dir = tempDir();
  const app = await writeExample(dir, '01-passing', {}, 'a.xlsx');
  const copy = join(dir, 'a.reviewed.xlsx');
  const r = await runCli(['check', app, '--experts', experts, '-o', copy]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, app, copy, ...(await summaryOf(copy)) };
}

/** No stack trace and no raw error of node's, in either stream. */
export function expectNoCrash(r: Run): void {
  const both = `${r.stdout}\n${r.stderr}`;
  expect(both, 'a stack frame').not.toMatch(/^\s{4}at /m);
  expect(both, "node's own error").not.toMatch(/^(\w*Error|Error):/m);
  expect(both, 'a stack overflow').not.toContain('Maximum call stack');
  expect(both, 'an internal error').not.toMatch(/内部错误|internal error/i);
  expect(r.signal, 'killed by the time limit or a signal').toBeNull();
}

/** Exit code, one message in stderr, no crash. */
export function expectRefused(r: Run, message: RegExp | string, code = 2): void {
  expect(r.code, r.stderr).toBe(code);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expectNoCrash(r);
}

/** A workbook ExcelJS opens, with the summary sheet a reviewed copy must have. */
export async function expectWorkbook(path: string, sheet = '评审汇总'): Promise<void> {
  expect(existsSync(path), path).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.getWorksheet(sheet), `${path} has ${sheet}`).toBeDefined();
}

/** A temporary folder another user may enter (mkdtemp makes it 0700). */
export function openDir(): string {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  return dir;
}

/** root can read a chmod 000 file; a dropped user cannot. Undefined when the suite is not root (chmod is enough then). */
export const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

/**
 * Whether that dropped user can run the CLI from this checkout (its bin and its dependencies): not when the
 * checkout sits inside a folder only its owner may enter, as a clone under `mktemp -d` does.
 */
export const unprivilegedCanRun =
  unprivileged === undefined ||
  spawnSync(process.execPath, ['-e', `const fs = require('node:fs'); for (const f of ${JSON.stringify([BIN, join(ROOT, 'lib', 'cli', 'main.js'), join(ROOT, 'node_modules', 'exceljs', 'package.json')])}) fs.accessSync(f, fs.constants.R_OK)`], { ...unprivileged, stdio: 'ignore' }).status === 0;

/**
 * Text as an attacker writes it inside the package: C0 controls cannot appear in XML, so OOXML escapes them as
 * `_xHHHH_`, which readers (ExcelJS included) decode back to the control character.
 */
export function ooxmlEscape(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Replaces placeholder text in every XML part of a workbook (cells written by ExcelJS, which drops controls). */
export async function patchXml(path: string, replacements: Record<string, string>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('.xml')) continue;
    let xml = await zip.file(name)!.async('string');
    for (const [from, to] of Object.entries(replacements)) xml = xml.split(from).join(to);
    zip.file(name, xml);
  }
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Everything Excel demands of a workbook that ExcelJS can see: names, cell lengths, finite numbers, validation. */
export async function expectValid(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  for (const ws of wb.worksheets) {
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        const check = (x: unknown) => {
          if (typeof x === 'number') expect(Number.isFinite(x), `${ws.name}!${cell.address}`).toBe(true);
          if (typeof x === 'string') expect(x.length, `${ws.name}!${cell.address}`).toBeLessThanOrEqual(32767);
        };
        check(v);
        if (v && typeof v === 'object' && 'result' in v) check((v as { result: unknown }).result);
        if (v && typeof v === 'object' && 'formula' in v) expect(String((v as { formula: unknown }).formula)).not.toMatch(/Infinity|NaN/);
        const note = noteOf(cell);
        if (note) expect(note.length).toBeLessThanOrEqual(32767);
        const dv = cell.dataValidation as { prompt?: string; formulae?: unknown[]; type?: string } | undefined;
        if (dv?.prompt) expect(dv.prompt.length).toBeLessThanOrEqual(255);
        if (dv?.type === 'list') expect(String(dv.formulae?.[0] ?? '').length).toBeLessThanOrEqual(255);
      }),
    );
  }
  return wb;
}

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** LibreOffice opens the file (it converts it; a file it cannot read gives no output). Skipped without LibreOffice. */
export function expectOpensInLibreOffice(path: string, dir: string): void {
  if (!soffice) return;
  const out = join(dir, `lo-${Date.now()}`);
  execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'ods', '--outdir', out, path], { stdio: 'ignore', timeout: 120_000 });
  expect(readdirSync(out).some((n) => n.endsWith('.ods'))).toBe(true);
}

/** The goal for a hostile input: at most 10 s of CPU and 500 MB, both measured (never passed unmeasured). */
export function expectWithinGoal(r: Run): void {
  expect(r.cpuMs, 'CPU time measured (runCli with measureRss)').toBeTypeOf('number');
  expect(r.cpuMs!).toBeLessThan(10_000);
  expect(r.maxRssMb, 'memory measured (runCli with measureRss)').toBeTypeOf('number');
  expect(r.maxRssMb!).toBeLessThan(500);
}
