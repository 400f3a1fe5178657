import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Tests that spawn bin/cluster-review.js run lib/, built from the current sources first.
    globalSetup: ['test/support/build-cli.ts'],
    // fast-check properties and file round trips are CPU-bound; two cores here.
    testTimeout: 30_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
