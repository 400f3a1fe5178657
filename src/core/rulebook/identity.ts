/**
 * An edited rulebook never wears the national name (issue 19 item 4): a rulebook whose content differs from the
 * built-in national edition may not carry its id, name or issuer — every 评审汇总 would say the national standard
 * applies while using other thresholds. Import requires new ones, or derives them for a province ("（XX省修订）")
 * and says so.
 */
import type { LoadedRulebook } from './load.js';
import type { Rulebook } from './schema.js';
import { canonicalJson, sha256Hex } from './sha256.js';

/** The content without the words that name it: what decides whether two rulebooks set the same. */
function content(rb: Rulebook): string {
  const rest: Partial<Rulebook> = { ...rb };
  for (const k of ['id', 'name', 'authority', 'edition', 'description'] as const) delete rest[k];
  return canonicalJson(rest);
}

/** Which of the national edition's identity the rulebook wears while setting something else (empty: none, or the same content). */
export function nationalIdentityWorn(rb: Rulebook, national: LoadedRulebook): Array<'id' | 'name' | 'authority'> {
  const n = national.source;
  if (content(rb) === content(n)) return [];
  const worn: Array<'id' | 'name' | 'authority'> = [];
  if (rb.id === n.id) worn.push('id');
  if (rb.name.zh === n.name.zh || rb.name.en === n.name.en) worn.push('name');
  if (rb.authority.zh === n.authority.zh || rb.authority.en === n.authority.en) worn.push('authority');
  return worn;
}

/**
 * The identity a province's revision of the national edition takes: id `<national id>-rev-<8 hex of its content>`,
 * name "…（2022年版）（XX省修订）", issuer the province's SME authority. Only what the national edition's identity
 * is worn is replaced.
 */
export function revisedIdentity(rb: Rulebook, national: LoadedRulebook, province: string): Rulebook {
  const worn = new Set(nationalIdentityWorn(rb, national));
  if (!worn.size) return rb;
  const n = national.source;
  const out: Rulebook = { ...rb };
  const tag = sha256Hex(content(rb)).slice(0, 8);
  if (worn.has('id')) out.id = `${n.id}-rev-${tag}`;
  if (worn.has('name')) out.name = { zh: `${n.name.zh}（${province}修订）`, en: `${n.name.en} (revised by ${province})` };
  if (worn.has('authority')) out.authority = { zh: `${province}中小企业主管部门`, en: `SME authority of ${province}` };
  return out;
}
