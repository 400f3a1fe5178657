/**
 * The production manifest: the development manifest.xml rewritten for the address the add-in is hosted at.
 * Shared by `npm run build` (scripts/build-manifest.ts) and `cluster-review kit`, which imports it (no TypeScript
 * is compiled at run time).
 *
 * The production manifest has its own Id (PRODUCTION_ID, fixed, so every build and every reinstall is the same
 * add-in to Office and never collides with a developer's sideloaded copy; ADDIN_ID overrides it for an
 * authority that deploys two copies side by side), its SupportUrl is the help page served with the add-in, and
 * its AppDomain is the origin only (Office rejects or ignores an AppDomain with a path).
 */

export const DEV_URL = 'https://localhost:3000';
/** The development manifest's Id (manifest.xml). */
export const DEV_ID = '9af2037d-e5c4-4661-a47d-2f0431eb57df';
/** The production manifest's Id: fixed, distinct from DEV_ID. */
export const PRODUCTION_ID = '3c51b7e2-8d0a-4f6e-9b27-5e1d4a7c0f93';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why an address or Id cannot be used; `kind` lets the CLI say it in the user's language. */
class ManifestError extends Error {
  constructor(
    readonly kind: 'not-url' | 'not-https' | 'bad-id' | 'not-dev-manifest',
    readonly value: string,
    message: string,
  ) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** The base URL as the manifest will carry it (no trailing slash); throws ManifestError unless it is an https URL. */
export function manifestBase(base: string): { root: string; origin: string } {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ManifestError('not-url', base, `ADDIN_BASE_URL is not a URL: "${base}"`);
  }
  if (url.protocol !== 'https:') throw new ManifestError('not-https', base, `ADDIN_BASE_URL must be https (Office loads add-ins only over HTTPS): "${base}"`);
  // The address is written into XML and joined with page paths: a host and a plain path only (no query,
  // fragment, credentials, or characters XML or a URL would read otherwise).
  if (url.search || url.hash || url.username || url.password || !/^https:\/\/[A-Za-z0-9.\-:[\]]+(\/[A-Za-z0-9._~%\-/]*)?$/.test(base))
    throw new ManifestError('not-url', base, `ADDIN_BASE_URL must be an https address with a plain path: "${base}"`);
  return { root: base.replace(/\/+$/, ''), origin: url.origin };
}

export function productionManifest(xml: string, base: string, id: string = PRODUCTION_ID): string {
  const { root, origin } = manifestBase(base);
  if (!GUID.test(id) || id.toLowerCase() === DEV_ID) throw new ManifestError('bad-id', id, `ADDIN_ID must be a GUID other than the development Id: "${id}"`);
  if (!xml.includes(`<Id>${DEV_ID}</Id>`)) throw new ManifestError('not-dev-manifest', '', 'manifest.xml does not carry the development Id');
  return xml
    .replace(`<Id>${DEV_ID}</Id>`, `<Id>${id.toLowerCase()}</Id>`)
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .replaceAll(DEV_URL, root);
}
