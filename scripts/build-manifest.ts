/**
 * Writes dist/manifest.xml pointing at the production address: ADDIN_BASE_URL (https, e.g.
 * https://intranet.example.gov.cn/cluster-review). The checked-in manifest.xml keeps https://localhost:3000.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEV_URL = 'https://localhost:3000';

export function productionManifest(xml: string, base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: "${base}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins only over HTTPS): "${base}"`);
  const root = base.replace(/\/+$/, '');
  return xml.replaceAll(DEV_URL, root);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.env.ADDIN_BASE_URL ?? DEV_URL;
  const out = process.argv[2] ?? 'dist/manifest.xml';
  try {
    const xml = productionManifest(readFileSync('manifest.xml', 'utf8'), base);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, xml);
    console.log(`wrote ${out} for ${base}${base === DEV_URL ? ' (set ADDIN_BASE_URL for production)' : ''}`);
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 2;
  }
}
