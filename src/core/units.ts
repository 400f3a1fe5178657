/**
 * Units the indicator sheet uses, with the spellings applicants type and the factor to a family's base unit.
 * Factors are physics, not thresholds: converting 4500万元 to 0.45亿元 is arithmetic, not policy.
 */

export interface UnitDef {
  id: string;
  en: string;
  /** Units in the same family convert into each other. */
  family: string;
  /** Multiply a value in this unit by `factor` to get the family's base unit. */
  factor: number;
  aliases: string[];
  /** English shows the value times this in `en` (亿元: 38.2 → "3.82 billion yuan", never "hundred million"). */
  enScale?: number;
}

const UNITS: readonly UnitDef[] = [
  { id: '元', en: 'yuan', family: 'money', factor: 1, aliases: ['元', 'yuan', 'rmb', 'cny'] },
  { id: '万元', en: 'ten thousand yuan', family: 'money', factor: 1e4, aliases: ['万元', '万'] },
  { id: '亿元', en: 'billion yuan', family: 'money', factor: 1e8, aliases: ['亿元', '亿'], enScale: 0.1 },
  { id: '平方公里', en: 'km²', family: 'area', factor: 1e6, aliases: ['平方公里', '平方千米', 'km²', 'km2', 'sqkm'] },
  { id: '公顷', en: 'ha', family: 'area', factor: 1e4, aliases: ['公顷', 'ha'] },
  { id: '亩', en: 'mu', family: 'area', factor: 1e4 / 15, aliases: ['亩'] },
  { id: '平方米', en: 'm²', family: 'area', factor: 1, aliases: ['平方米', 'm²', 'm2'] },
  { id: '人', en: 'persons', family: 'people', factor: 1, aliases: ['人', '名'] },
  { id: '万人', en: 'ten thousand persons', family: 'people', factor: 1e4, aliases: ['万人'] },
  { id: '家', en: 'enterprises', family: 'enterprises', factor: 1, aliases: ['家', '户', '个企业'] },
  { id: '类', en: 'types', family: 'types', factor: 1, aliases: ['类', '种'] },
  { id: '个', en: '', family: 'items', factor: 1, aliases: ['个'] },
  { id: '项', en: 'items', family: 'projects', factor: 1, aliases: ['项'] },
  { id: '件', en: '', family: 'patents', factor: 1, aliases: ['件'] },
  { id: '件/万人', en: 'per 10k persons', family: 'density', factor: 1, aliases: ['件/万人', '件每万人'] },
  { id: '吨/万元', en: 't per 10k yuan', family: 'intensity', factor: 1, aliases: ['吨/万元', 't/万元', '吨每万元'] },
  { id: '%', en: '%', family: 'percent', factor: 0.01, aliases: ['%', '％'] },
];

const byAlias = new Map<string, UnitDef>();
for (const u of UNITS) for (const a of u.aliases) byAlias.set(a.toLowerCase(), u);
const byId = new Map(UNITS.map((u) => [u.id, u]));

export function unitById(id: string): UnitDef | undefined {
  return byId.get(id);
}

export function unitByText(text: string): UnitDef | undefined {
  return byAlias.get(text.trim().toLowerCase());
}

/** Factor that converts a value in `from` into `to`, or undefined when they are not of one family. */
export function conversionFactor(from: UnitDef, to: UnitDef): number | undefined {
  if (from.family !== to.family) return undefined;
  return from.factor / to.factor;
}
