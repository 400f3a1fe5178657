/**
 * A child process for the temp-file tests: starts writing `process.argv[2]` through writeOutput, prints "ready"
 * once its temporary file exists, then waits (for a signal) — or with "throw" as argv[3], fails mid-write.
 * Not a test file: spawned by temp-files.test.ts.
 */
import { writeOutput } from '../../src/xlsx/output.js';

const [output, mode] = process.argv.slice(2) as [string, string | undefined];
try {
  await writeOutput(output, async (file) => {
    await file.writeFile('partial');
    if (mode === 'throw') throw new Error('disk on fire');
    process.stdout.write('ready\n');
    await new Promise(() => setInterval(() => undefined, 1000));
  });
} catch (e) {
  process.stdout.write(`failed ${(e as { code?: string }).code ?? ''}\n`);
  process.exitCode = 3;
}
