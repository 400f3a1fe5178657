/**
 * Builds the command line (and the demo) once to plain JavaScript in lib/, so running `cluster-review` costs no
 * TypeScript compilation. Run by `npm install` / `npm ci` through the `prepare` script, by `npm run demo`, and by
 * the test suite's global setup (test/support/build-cli.ts), so tests never run a stale build.
 *
 * Plain JavaScript on purpose: it must run on a bare `node` right after install. Dependencies stay external
 * (exceljs, commander, zod load from node_modules); code splitting keeps each dynamic `import()` in its own chunk,
 * so `--help` never loads ExcelJS once the CLI imports the workbook adapter lazily.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const LIB = join(root, 'lib');

/**
 * ExcelJS's entry point also loads its streaming reader and writer, which the tool never uses and which double
 * the time ExcelJS takes to load (about 0.11 s of a 0.4 s `check`). In the build, `import ExcelJS from 'exceljs'`
 * gets the same object without them: the Workbook class and the enums (ValueType…). A named import or a use of
 * `ExcelJS.stream` would not be there: esbuild refuses the first; the bin tests run every command built.
 */
const leanExcelJS = {
  name: 'lean-exceljs',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, (args) => (args.kind === 'import-statement' ? { path: 'exceljs', namespace: 'lean-exceljs' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lean-exceljs' }, () => ({
      contents: [
        "import Workbook from 'exceljs/lib/doc/workbook.js';",
        "import enums from 'exceljs/lib/doc/enums.js';",
        'export default { Workbook, ...enums };',
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/** Builds into a fresh folder, then swaps it in: a build never leaves chunks of an older one behind. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const tmp = `${LIB}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    // The batch's worker (src/cli/pool.ts finds it beside cli/main.js) shares the chunks of the main entry.
    entryPoints: { 'cli/main': 'src/cli/main.ts', 'cli/review-worker': 'src/cli/review-worker.ts', demo: 'scripts/demo.ts' },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // exceljs, commander and zod are installed beside it; bundling them would only slow the build.
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    plugins: [leanExcelJS],
    logLevel: 'warning',
  });
  if (existsSync(LIB)) rmSync(LIB, { recursive: true, force: true });
  renameSync(tmp, LIB);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildCli();
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ERR_MODULE_NOT_FOUND' && /esbuild/.test(e.message)) {
      // An install without dev dependencies: do not fail it, but say why the command line will not run.
      console.warn('cluster-review: esbuild (a dev dependency) is not installed, so the command line was not built into lib/; run `npm install` with dev dependencies.');
      process.exit(0);
    }
    // esbuild has printed the errors; say what failed without a stack trace.
    console.error(`cluster-review: building the command line into lib/ failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    process.exitCode = 1;
  }
}
