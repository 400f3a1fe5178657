import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Suites of plain code: the core, and the Office.js and WPS adapters against their fakes. No LibreOffice, browser,
 * CLI process or module state of their own (test/support/libreoffice.ts keeps a profile per file: not here).
 */
const PURE = ['test/core/**/*.test.ts', 'test/office/**/*.test.ts', 'test/wps/**/*.test.ts'];

export default defineConfig({
  test: {
    // Tests that spawn bin/cluster-review.js run lib/, built from the current sources first.
    globalSetup: ['test/support/build-cli.ts'],
    // Vitest's default is one worker fewer than the cores: on two cores that is ONE, every file after the other,
    // and a file waiting on LibreOffice, Chromium or a spawned CLI leaves a core idle. The suite's files keep no
    // state between them (own temporary folders, own LibreOffice profile, own Chromium; the shared pane build is
    // locked), so they run side by side on every core (two here). Measured in docs/ARCHITECTURE.md, "The test suite".
    maxWorkers: Math.max(2, availableParallelism()),
    // fast-check properties and file round trips are CPU-bound; with a file beside each on two cores, and the
    // machine busy with more, a test may get a small share of a core: the limits catch a hang, not a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      {
        extends: true,
        // The pure suites share their workers' loaded modules (zod, ExcelJS, the rulebook, the core) instead of
        // loading them afresh for each file: loading was most of such a file's time. They change no global state
        // (the one fake-timer test restores real timers in `finally`).
        test: { name: 'pure', include: PURE, isolate: false },
      },
      {
        extends: true,
        test: { name: 'files', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [...configDefaults.exclude, ...PURE] },
      },
    ],
  },
});
