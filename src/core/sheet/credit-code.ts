/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character set (the
 * digits and the capital letters without I, O, S, V, Z), the last a check character: with weights 3^i mod 31 for
 * the first 17 positions, check = 31 − (Σ value × weight mod 31), where 31 becomes 0.
 */
import { normaliseText } from './values.js';

const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const VALUE = new Map([...CREDIT_CODE_CHARSET].map((ch, i) => [ch, i]));
/** 3^i mod 31 for i = 0..16: 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_x, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** `number`: typed as a number, so the spreadsheet kept only 15 significant digits and the last are lost. */
export type CreditCodeProblem = 'length' | 'charset' | 'check-digit' | 'number';

export type CreditCodeResult = { ok: true; code: string } | { ok: false; code: string; problem: CreditCodeProblem; expected?: string };

/** The check character for the first 17 characters (which must be in the charset). */
function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += VALUE.get(first17[i]!)! * CREDIT_CODE_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c]!;
}

/** As typed: full-width characters folded, spaces and hyphens dropped, letters upper-cased. */
function normaliseCreditCode(raw: string): string {
  return normaliseText(raw).replace(/[\s-]/g, '').toUpperCase();
}

export function checkCreditCode(raw: string): CreditCodeResult {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18) return { ok: false, code, problem: 'length' };
  for (const ch of code) if (!VALUE.has(ch)) return { ok: false, code, problem: 'charset' };
  const expected = creditCheckChar(code.slice(0, 17));
  return expected === code[17] ? { ok: true, code } : { ok: false, code, problem: 'check-digit', expected };
}

/** A valid code made from its first 17 characters (examples and tests). */
export function withCheckChar(first17: string): string {
  return first17 + creditCheckChar(first17);
}
