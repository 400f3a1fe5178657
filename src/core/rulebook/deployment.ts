/**
 * The rulebooks a deployment of the add-in provides: `rulebooks/index.json` beside the pane's pages, written by
 * `cluster-review kit`. The pane reads it at start (relative URL), offers every rulebook it lists and uses the
 * default unless the reviewer chose another on this machine. The index is data from a web server, so it is
 * validated, and every rulebook file is loaded through the same loader as any other and must have exactly the
 * fingerprint, id and edition the index gives: a file edited after the kit was made is refused, never used.
 *
 * Pure: the pane fetches, this decides. Refusals are codes; their words are `pane.deploy.<code>` in text/pane.ts.
 */
import { z } from 'zod';
import { loadRulebook, RulebookError, type LoadedRulebook } from './load.js';
import { LocalText } from './schema.js';

/** Where the index lives, relative to the add-in's root folder. */
export const DEPLOYMENT_DIR = 'rulebooks';
export const DEPLOYMENT_INDEX = `${DEPLOYMENT_DIR}/index.json`;
const DEPLOYMENT_FORMAT = 'cluster-review/rulebooks@1';
/** More than any province hands out; keeps a hostile index from making the pane fetch without end. */
const MAX_DEPLOYED_RULEBOOKS = 20;

const DeployedRulebook = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    edition: z.string().min(1).max(200),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    // A plain file name in the same folder: never a path or a URL, so the pane fetches only from its own server.
    file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.json$/),
    name: LocalText,
  })
  .strict();
export type DeployedRulebook = z.infer<typeof DeployedRulebook>;

const DeploymentIndexSchema = z
  .object({
    format: z.literal(DEPLOYMENT_FORMAT),
    default: z.string(),
    rulebooks: z.array(DeployedRulebook).min(1).max(MAX_DEPLOYED_RULEBOOKS),
  })
  .strict()
  .refine((x) => new Set(x.rulebooks.map((r) => r.id)).size === x.rulebooks.length, 'ids repeat')
  .refine((x) => x.rulebooks.some((r) => r.id === x.default), 'the default is not listed');
export type DeploymentIndex = z.infer<typeof DeploymentIndexSchema>;

export type RefusalCode = 'index-invalid' | 'index-unreadable' | 'file-unreadable' | 'not-json' | 'invalid' | 'fingerprint' | 'identity';

/** Why a deployment or one of its rulebooks is not used; words in `pane.deploy.<code>`. */
export interface Refusal {
  code: RefusalCode;
  params: Record<string, string>;
}

/** The index entry of a loaded rulebook, stored as `file`. */
export function deployedEntry(rb: LoadedRulebook, file: string): DeployedRulebook {
  return { id: rb.source.id, edition: rb.source.edition, fingerprint: rb.fingerprint, file, name: rb.source.name };
}

/** The index of a deployment: `rulebooks` in the order offered, `defaultId` the one in force unless chosen otherwise. */
export function deploymentIndex(rulebooks: readonly DeployedRulebook[], defaultId: string): DeploymentIndex {
  const index = { format: DEPLOYMENT_FORMAT, default: defaultId, rulebooks: [...rulebooks] } as const;
  // The kit writes only what the pane would accept.
  return DeploymentIndexSchema.parse(index);
}

export function parseDeploymentIndex(json: unknown): { ok: true; index: DeploymentIndex } | { ok: false; refusal: Refusal } {
  const r = DeploymentIndexSchema.safeParse(json);
  if (r.success) return { ok: true, index: r.data };
  const issue = r.error.issues[0];
  return { ok: false, refusal: { code: 'index-invalid', params: { detail: issue ? `${issue.path.join('.') || '$'}: ${issue.message}` : '' } } };
}

/**
 * The rulebook an entry names, from the file's parsed JSON: loaded and validated, and refused unless its
 * fingerprint, id and edition are the index's.
 */
export function verifyDeployed(entry: DeployedRulebook, json: unknown): { ok: true; rulebook: LoadedRulebook } | { ok: false; refusal: Refusal } {
  const params = { id: entry.id, edition: entry.edition, file: entry.file, expected: entry.fingerprint.slice(0, 12) };
  let rb: LoadedRulebook;
  try {
    rb = loadRulebook(json, entry.file);
  } catch (e) {
    if (e instanceof RulebookError) return { ok: false, refusal: { code: 'invalid', params: { ...params, detail: e.problems[0]?.message ?? '' } } };
    throw e;
  }
  if (rb.fingerprint !== entry.fingerprint) return { ok: false, refusal: { code: 'fingerprint', params: { ...params, found: rb.fingerprint.slice(0, 12) } } };
  if (rb.source.id !== entry.id || rb.source.edition !== entry.edition)
    return { ok: false, refusal: { code: 'identity', params: { ...params, foundId: rb.source.id, foundEdition: rb.source.edition } } };
  return { ok: true, rulebook: rb };
}

/**
 * The entries to try at start, in order: the one chosen on this machine (if the index still lists it), then the
 * default. Never another: if the default itself is refused, the deployment is broken and the pane says so rather
 * than review under a rulebook nobody chose.
 */
export function candidates(index: DeploymentIndex, chosen: string | null | undefined): DeployedRulebook[] {
  const order = [...new Set([chosen, index.default].filter((x): x is string => !!x))];
  return order.flatMap((id) => index.rulebooks.filter((r) => r.id === id));
}
