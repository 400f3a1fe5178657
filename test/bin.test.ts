/**
 * The installed command: bin/cluster-review.js runs the plain JavaScript built into lib/ (by `npm install`'s
 * `prepare`, and before this suite by test/support/build-cli.ts), spawned as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/files.js';

const BIN = resolve('bin', 'cluster-review.js');

function run(args: string[], opts: { bin?: string; preload?: string } = {}): { code: number | null; out: string; err: string } {
  const node = opts.preload ? ['--import', opts.preload] : [];
  const r = spawnSync(process.execPath, [...node, opts.bin ?? BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

// Counts ExcelJS's modules in the CommonJS cache when the process exits (ExcelJS is CommonJS, so an import lands there).
const COUNT_EXCELJS =
  'data:text/javascript,import{createRequire}from"node:module";const r=createRequire(process.cwd()+"/");' +
  'process.on("exit",()=>process.stderr.write("\\nexceljs-modules="+Object.keys(r.cache).filter((k)=>k.includes("/node_modules/exceljs/")).length+"\\n"))';
const exceljsModules = (err: string) => Number(/exceljs-modules=(\d+)/.exec(err)?.[1] ?? NaN);

describe('bin/cluster-review.js', () => {
  it('runs a build no older than any source file', () => {
    const built = statSync(join('lib', 'cli', 'main.js')).mtimeMs;
    const newest = Math.max(...walk('src').filter((f) => /\.tsx?$/.test(f)).map((f) => statSync(f).mtimeMs));
    expect(built).toBeGreaterThanOrEqual(newest);
    // The bin runs lib/, never the TypeScript sources through a run-time compiler.
    const bin = readFileSync(BIN, 'utf8');
    expect(bin).toContain('../lib/cli/main.js');
    expect(bin).not.toMatch(/tsx|\.ts['"]/);
  });

  it('a reader that stops early (| head) gets no stack trace: the rest of the output is dropped quietly and the work finishes', () => {
    const dir = tempDir();
    const out = join(dir, 'checked.xlsx');
    const err = join(dir, 'err.txt');
    // `true` exits without reading: every write of the tool meets a closed pipe (EPIPE).
    const r = spawnSync('bash', ['-c', '"$0" "$1" check "$2" -o "$3" --force --experts 张三 2>"$4" | true; echo "status=${PIPESTATUS[0]}"', process.execPath, BIN, resolve('examples', '02-failing.xlsx'), out, err], {
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    });
    expect(readFileSync(err, 'utf8')).toBe('');
    // The verdict's exit code (1: the application fails), as without the pipe; the reviewed copy written.
    expect(r.stdout.trim()).toBe('status=1');
    expect(existsSync(out)).toBe(true);
  });

  it('--help succeeds and lists the commands', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['template', 'check', 'batch', 'rulebook']) expect(r.out).toContain(cmd);
  });

  it('checks an example: exit 0 for the passing one, 1 for the failing one, reviewed copies written', () => {
    const dir = tempDir();
    const ok = run(['check', 'examples/01-passing.xlsx', '-o', join(dir, 'a.xlsx'), '--json']);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out).verdict).toBe('passed');
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(true);
    const bad = run(['check', 'examples/02-failing.xlsx', '-o', join(dir, 'b.xlsx'), '--json']);
    expect(bad.code, bad.err).toBe(1);
    expect(JSON.parse(bad.out).verdict).toBe('failed');
    expect(existsSync(join(dir, 'b.xlsx'))).toBe(true);
  });

  it('without a build, says to run npm install and exits 2', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    const lone = join(dir, 'bin', 'cluster-review.js');
    copyFileSync(BIN, lone);
    const r = run(['--help'], { bin: lone });
    expect(r.code).toBe(2);
    expect(r.err).toContain('npm install');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a check loads ExcelJS (so the count below can show it)', () => {
    const r = run(['check', 'examples/01-passing.xlsx', '-o', join(tempDir(), 'c.xlsx')], { preload: COUNT_EXCELJS });
    expect(r.code, r.err).toBe(0);
    expect(exceljsModules(r.err)).toBeGreaterThan(10);
  });

  // Skipped only while src/cli/main.ts still imports the workbook adapter at its top (errors.ts, which loads no
  // ExcelJS, aside): the per-command split of the CLI (issue #8, item 4) imports it lazily, and from then on
  // --help must not pay for loading ExcelJS.
  const adapterImportedEagerly = /^import\s+(?!type\b)[^;]*from '\.\.\/xlsx\/(?!errors\.js')/m.test(readFileSync(join('src', 'cli', 'main.ts'), 'utf8'));
  it.skipIf(adapterImportedEagerly)('--help does not load ExcelJS', () => {
    const r = run(['--help'], { preload: COUNT_EXCELJS });
    expect(r.code).toBe(0);
    expect(exceljsModules(r.err)).toBe(0);
  });
});
