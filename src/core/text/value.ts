/** Number, percent and unit formatting for messages and the rulebook diff, without locale-dependent APIs (same text in Node and Excel). */
import type { Lang } from '../types.js';
import { unitById } from '../units.js';
import { nearlyEqual } from '../numbers.js';

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function fmtNumber(v: number, decimals = 2): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  const d = abs !== 0 && abs < 0.01 ? Math.max(decimals, 1 - Math.floor(Math.log10(abs)) + 1) : decimals;
  return trimZeros(v.toFixed(Math.min(d, 10)));
}

/**
 * A value shown beside its bound must not look equal to it when it is not: 69.996% is not "70%".
 */
function fmtNear(v: number, bound: number | undefined, scale = 1): string {
  let s = fmtNumber(v * scale);
  if (bound !== undefined && !nearlyEqual(v, bound) && s === fmtNumber(bound * scale)) {
    for (let d = 3; d <= 10; d++) {
      s = trimZeros((v * scale).toFixed(d));
      if (s !== fmtNumber(bound * scale)) break;
    }
  }
  return s;
}

/** English counts agree with their number: "1 enterprise", "2 enterprises". */
const EN_SINGULAR: Record<string, string> = { enterprises: 'enterprise', persons: 'person', types: 'type', items: 'item' };

function withUnit(text: string, unit: string | null | undefined, lang: Lang): string {
  if (!unit) return text;
  if (unit === '%') return `${text}%`;
  if (lang === 'zh-CN') return `${text}${unit}`;
  const en = unitById(unit)?.en;
  if (!en) return text;
  return `${text} ${text === '1' ? (EN_SINGULAR[en] ?? en) : en}`;
}

/** A value in its unit: percent values are fractions and shown ×100. */
export function fmtValue(v: number, unit: string | null | undefined, lang: Lang, bound?: number): string {
  // English amounts in 亿元 read in billion yuan (38.2亿元 → 3.82 billion yuan).
  const en = lang === 'en-US' && unit ? unitById(unit)?.enScale : undefined;
  if (en !== undefined) return withUnit(fmtNear(v * en, bound === undefined ? undefined : bound * en), unit, lang);
  return withUnit(fmtNear(v, bound, unit === '%' ? 100 : 1), unit, lang);
}
