/**
 * Vitest global setup: rebuild lib/ from the current sources before any test runs, so a test that spawns
 * bin/cluster-review.js after an edit never runs a stale build (esbuild takes a fraction of a second).
 */
import { buildCli } from '../../scripts/build-cli.js';

export default async function setup(): Promise<void> {
  await buildCli();
}
