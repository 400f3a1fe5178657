/**
 * The rulebooks this deployment provides: `rulebooks/index.json` in the add-in's root folder (one up from the
 * pane's page), written by `cluster-review kit`. Fetched from the pane's own server only (a relative URL), never
 * cached stale (`no-cache` revalidates). No index (404) is the plain build: the built-in national edition.
 * The WPS 加载项 is loaded from disk over file://, where nothing can be fetched: its pages carry the same files in
 * `rulebooks/rulebooks.js` (src/common/rulebooks-script.ts), read here instead, and checked the same way.
 * The decisions (what the index may say, whether a file is the one it lists) are the core's
 * (src/core/rulebook/deployment.ts); this file reads them and remembers the reviewer's choice on this machine.
 * The ribbon's 直接检查 takes its rulebook from here too (`rulebookInForce`), so it checks as the pane would.
 */
import type { Lang, LoadedRulebook } from '../core/index.js';
import { nationalRulebook } from '../core/rulebook/builtin.js';
import { candidates, DEPLOYMENT_DIR, DEPLOYMENT_INDEX, parseDeploymentIndex, verifyDeployed, type DeployedRulebook, type DeploymentIndex, type Refusal } from '../core/rulebook/deployment.js';
import { t, tAny } from '../core/text/index.js';
import { EMBEDDED_RULEBOOKS_GLOBAL } from './rulebooks-script.js';

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

/** The deployment's files embedded in the page by rulebooks/rulebooks.js (WPS's pages), or null (Office's: fetched). */
function embeddedFiles(): Readonly<Record<string, unknown>> | null {
  const files = (globalThis as Record<string, unknown>)[EMBEDDED_RULEBOOKS_GLOBAL];
  return files !== null && typeof files === 'object' ? (files as Record<string, unknown>) : null;
}

/** A file of the deployment by its path from the add-in's root: embedded in the page if it carries them, else fetched. */
async function readText(path: string): Promise<Fetched> {
  const files = embeddedFiles();
  if (!files) return fetchText(path);
  const text = Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
  return typeof text === 'string' ? { status: 'ok', text } : { status: 'missing' };
}

/** One listed rulebook, read and verified against the index's fingerprint, id and edition. */
export async function loadDeployed(entry: DeployedRulebook): Promise<{ ok: true; rulebook: LoadedRulebook } | { ok: false; refusal: Refusal }> {
  const params = { id: entry.id, edition: entry.edition, file: entry.file };
  const f = await readText(`${DEPLOYMENT_DIR}/${entry.file}`);
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
  const f = await readText(DEPLOYMENT_INDEX);
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

/**
 * The rulebook the ribbon's 直接检查 checks with: the one the pane would use now (the deployment's default, or the
 * rulebook chosen on this machine), never another. A deployment with none it can verify gives the refusals instead.
 */
export async function rulebookInForce(): Promise<{ ok: true; rb: LoadedRulebook } | { ok: false; refusals: Refusal[] }> {
  const d = await startDeployment();
  return d.kind === 'refused' ? { ok: false, refusals: d.refusals } : { ok: true, rb: d.rb };
}

/** Why a rulebook was not used, in words (`pane.deploy.<code>`). */
export const refusalText = (r: Refusal, lang: Lang): string => tAny(`pane.deploy.${r.code}`, lang, r.params);

/** What 直接检查 says when the deployment has no rulebook it can verify: that, and every reason. */
export const noRulebookText = (refusals: readonly Refusal[], lang: Lang): string => t('pane.command.no-rulebook', lang, { reasons: refusals.map((r) => refusalText(r, lang)).join(' ') });
