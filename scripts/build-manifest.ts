/**
 * Writes dist/manifest.xml pointing at the production address: ADDIN_BASE_URL (https, e.g.
 * https://intranet.example.gov.cn/cluster-review). The checked-in manifest.xml keeps https://localhost:3000.
 * What the production manifest is (its Id, SupportUrl, AppDomain): src/xlsx/manifest.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEV_URL, PRODUCTION_ID, productionManifest } from '../src/xlsx/manifest.js';

// The rewriting lives in src/xlsx/manifest.ts, which `cluster-review kit` imports too.
export { DEV_ID, DEV_URL, PRODUCTION_ID, productionManifest } from '../src/xlsx/manifest.js';

/** Writes the production manifest for ADDIN_BASE_URL (ADDIN_ID: a second deployment's Id) to `out`; says where. */
export function writeProductionManifest(out = 'dist/manifest.xml'): void {
  const base = process.env.ADDIN_BASE_URL ?? DEV_URL;
  const xml = productionManifest(readFileSync('manifest.xml', 'utf8'), base, process.env.ADDIN_ID || PRODUCTION_ID);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, xml);
  console.log(`wrote ${out} for ${base}${base === DEV_URL ? ' (set ADDIN_BASE_URL for production)' : ''}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    writeProductionManifest(process.argv[2]);
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 2;
  }
}
