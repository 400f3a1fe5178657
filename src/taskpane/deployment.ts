/**
 * The rulebooks this deployment provides: `rulebooks/index.json` in the add-in's root folder (one up from the
 * pane's page), written by `cluster-review kit`. Fetched from the pane's own server only (a relative URL), never
 * cached stale (`no-cache` revalidates). No index (404) is the plain build: the built-in national edition.
 * The decisions (what the index may say, whether a file is the one it lists) are the core's
 * (src/core/rulebook/deployment.ts); this file fetches and remembers the reviewer's choice on this machine.
 */
import type { LoadedRulebook } from '../core/index.js';
import { nationalRulebook } from '../core/rulebook/builtin.js';
import { candidates, DEPLOYMENT_DIR, DEPLOYMENT_INDEX, parseDeploymentIndex, verifyDeployed, type DeployedRulebook, type DeploymentIndex, type Refusal } from '../core/rulebook/deployment.js';

export type Deployment =
  /** No index: the plain build, with the built-in national edition. */
  | { kind: 'builtin'; rb: LoadedRulebook }
  /** An index whose every candidate was refused (or an index that is not valid): the pane does not review. */
  | { kind: 'refused'; refusals: Refusal[] }
  /** `refusals`: a rulebook chosen on this machine that was refused, before the default was used instead. */
  | { kind: 'deployed'; index: DeploymentIndex; rb: LoadedRulebook; refusals: Refusal[] };

const CHOICE_KEY = 'cluster-review.rulebook';

function rememberedChoice(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string | null {
  try {
    return storage?.getItem(CHOICE_KEY) ?? null;
  } catch {
    return null; // storage blocked (privacy settings): no memory, the default
  }
}

export function rememberChoice(id: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(CHOICE_KEY, id);
  } catch {
    // storage blocked: the choice holds for this session only
  }
}

/** The add-in's root folder: the pane's pages live one folder down (taskpane/, commands/). */
const rootUrl = (): URL => new URL('../', document.baseURI);

type Fetched = { status: 'missing' } | { status: 'ok'; text: string } | { status: 'failed'; detail: string };

async function fetchText(path: string): Promise<Fetched> {
  try {
    const r = await fetch(new URL(path, rootUrl()), { cache: 'no-cache', credentials: 'same-origin' });
    if (r.status === 404) return { status: 'missing' };
    if (!r.ok) return { status: 'failed', detail: `HTTP ${r.status}` };
    return { status: 'ok', text: await r.text() };
  } catch (e) {
    return { status: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** One listed rulebook, fetched and verified against the index's fingerprint, id and edition. */
export async function loadDeployed(entry: DeployedRulebook): Promise<{ ok: true; rulebook: LoadedRulebook } | { ok: false; refusal: Refusal }> {
  const params = { id: entry.id, edition: entry.edition, file: entry.file };
  const f = await fetchText(`${DEPLOYMENT_DIR}/${entry.file}`);
  if (f.status !== 'ok') return { ok: false, refusal: { code: 'file-unreadable', params: { ...params, detail: f.status === 'missing' ? 'HTTP 404' : f.detail } } };
  let json: unknown;
  try {
    json = JSON.parse(f.text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, refusal: { code: 'not-json', params } };
  }
  return verifyDeployed(entry, json);
}

/** At start: the index, then the rulebook chosen on this machine or the default. */
export async function startDeployment(): Promise<Deployment> {
  const f = await fetchText(DEPLOYMENT_INDEX);
  if (f.status === 'missing') return { kind: 'builtin', rb: nationalRulebook() };
  if (f.status === 'failed') return { kind: 'refused', refusals: [{ code: 'index-unreadable', params: { detail: f.detail } }] };
  let json: unknown;
  try {
    json = JSON.parse(f.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { kind: 'refused', refusals: [{ code: 'index-invalid', params: { detail: e instanceof Error ? e.message : String(e) } }] };
  }
  const parsed = parseDeploymentIndex(json);
  if (!parsed.ok) return { kind: 'refused', refusals: [parsed.refusal] };
  const refusals: Refusal[] = [];
  for (const entry of candidates(parsed.index, rememberedChoice())) {
    const r = await loadDeployed(entry);
    if (r.ok) return { kind: 'deployed', index: parsed.index, rb: r.rulebook, refusals };
    refusals.push(r.refusal);
  }
  return { kind: 'refused', refusals };
}
