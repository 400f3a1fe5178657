import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Tests that spawn bin/cluster-review.js run lib/, built from the current sources first.
    globalSetup: ['test/support/build-cli.ts'],
    // Vitest's default is one worker fewer than the cores: on two cores that is ONE, every file after the other,
    // and a file waiting on LibreOffice, Chromium or a spawned CLI leaves a core idle. The suite's files keep no
    // state between them (own temporary folders, own LibreOffice profile, own Chromium; the shared pane build is
    // locked), so they run side by side on every core (two here). Measured in docs/ARCHITECTURE.md, "The test suite".
    maxWorkers: Math.max(2, availableParallelism()),
    // fast-check properties and file round trips are CPU-bound, and with a file beside each on two cores a test
    // gets about half a core: the limit catches a hang, not a slow machine.
    testTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
