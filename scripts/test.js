/**
 * `npm test`: the typecheck, the lint and the whole vitest suite, side by side rather than one after the other.
 * Vitest keeps two cores busy only part of the time (its files wait on LibreOffice, Chromium and spawned CLIs), and
 * the typecheck and the lint are about 50 s of one core's work that fits in those gaps. The suite's output streams
 * as it comes; the typecheck's and the lint's are printed whole when each ends, so nothing interleaves. The run fails
 * if any of the three fails, and says which.
 *
 * Plain JavaScript: it runs on a bare `node` from a clean clone (`.ci/run` runs `npm test`).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs one step; its output streamed (`stream`) or kept and printed when it ends. Resolves to its exit code. */
function step(name, command, args, stream) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const kept = [];
    if (!stream) for (const s of [child.stdout, child.stderr]) s.on('data', (chunk) => kept.push(chunk));
    child.on('error', (e) => {
      process.stderr.write(`${name}: ${e.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      if (!stream) {
        const out = Buffer.concat(kept).toString('utf8').trimEnd();
        process.stdout.write(`\n── ${name}: ${code === 0 ? 'passed' : 'FAILED'}${out ? `\n${out}` : ''}\n`);
      }
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const steps = [
  ['typecheck (tsc -p .)', bin('tsc'), ['-p', '.'], false],
  ['lint (eslint .)', bin('eslint'), ['.'], false],
  ['tests (vitest run)', bin('vitest'), ['run', ...process.argv.slice(2)], true],
];
const codes = await Promise.all(steps.map(([name, command, args, stream]) => step(name, command, args, stream)));
const failed = steps.filter((_s, i) => codes[i] !== 0).map(([name]) => name);
if (failed.length) process.stderr.write(`\nnpm test failed: ${failed.join(', ')}\n`);
process.exitCode = failed.length ? 1 : 0;
