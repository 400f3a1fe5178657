/**
 * Writes dist/manifest.xml pointing at the production address: ADDIN_BASE_URL (https, e.g.
 * https://intranet.example.gov.cn/cluster-review). The checked-in manifest.xml keeps https://localhost:3000.
 *
 * The production manifest has its own Id (PRODUCTION_ID, fixed, so every build and every reinstall is the same
 * add-in to Office and never collides with a developer's sideloaded copy; ADDIN_ID overrides it for an
 * authority that deploys two copies side by side), its SupportUrl is the help page served with the add-in, and
 * its AppDomain is the origin only (Office rejects or ignores an AppDomain with a path).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEV_URL = 'https://localhost:3000';
/** The development manifest's Id (manifest.xml). */
export const DEV_ID = '9af2037d-e5c4-4661-a47d-2f0431eb57df';
/** The production manifest's Id: fixed, distinct from DEV_ID. */
export const PRODUCTION_ID = '3c51b7e2-8d0a-4f6e-9b27-5e1d4a7c0f93';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function productionManifest(xml: string, base: string, id: string = PRODUCTION_ID): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: "${base}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins only over HTTPS): "${base}"`);
  if (!GUID.test(id) || id.toLowerCase() === DEV_ID) throw new Error(`ADDIN_ID must be a GUID other than the development Id: "${id}"`);
  if (!xml.includes(`<Id>${DEV_ID}</Id>`)) throw new Error('manifest.xml does not carry the development Id');
  const root = base.replace(/\/+$/, '');
  return xml
    .replace(`<Id>${DEV_ID}</Id>`, `<Id>${id.toLowerCase()}</Id>`)
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${url.origin}</AppDomain>`)
    .replaceAll(DEV_URL, root);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.env.ADDIN_BASE_URL ?? DEV_URL;
  const out = process.argv[2] ?? 'dist/manifest.xml';
  try {
    const xml = productionManifest(readFileSync('manifest.xml', 'utf8'), base, process.env.ADDIN_ID || PRODUCTION_ID);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, xml);
    console.log(`wrote ${out} for ${base}${base === DEV_URL ? ' (set ADDIN_BASE_URL for production)' : ''}`);
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 2;
  }
}
