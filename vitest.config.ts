import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // fast-check properties and file round trips are CPU-bound; two cores here.
    testTimeout: 30_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
