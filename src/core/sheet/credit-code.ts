/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015, checked as a whole: 18 characters from a
 * 31-character set (the digits and the capital letters without I, O, S, V, Z) made of
 *   - positions 1–2: the registration authority and the body type, from the standard's table (e.g. 91 = 工商 企业);
 *   - positions 3–8: a six-digit administrative-division code (GB/T 2260; 100000 for a central-level body);
 *   - positions 9–17: the organisation code, whose 9th character is its own check character (GB 11714-1997:
 *     weights 3, 7, 9, 10, 5, 8, 4, 2; check = 11 − (Σ mod 11), 10 → X, 11 → 0);
 *   - position 18: the check character: with weights 3^i mod 31 for the first 17 positions,
 *     check = 31 − (Σ value × weight mod 31), where 31 becomes 0.
 * A code of zeros only passes the arithmetic and is refused.
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

/**
 * GB 32100-2015 table A: 登记管理部门代码 (position 1) → its 机构类别代码 (position 2), with the later
 * additions (A 中央军委改革和编制办公室, N 农业农村).
 */
export const CREDIT_CODE_TYPES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '123459', // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业: 组级、村级、乡镇级集体经济组织, 其他
  Y: '1', // 其他
};

/** First two digits of a GB/T 2260 division code: the provinces (and 10 for a central-level body). */
const PROVINCES = new Set(['10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** `number`: typed as a number, so the spreadsheet kept only 15 significant digits and the last are lost. */
export type CreditCodeProblem = 'length' | 'charset' | 'all-zero' | 'registration-type' | 'division' | 'organisation-code' | 'check-digit' | 'number';

export type CreditCodeResult = { ok: true; code: string } | { ok: false; code: string; problem: CreditCodeProblem; expected?: string };

/** The check character for the first 17 characters (which must be in the charset). */
function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += VALUE.get(first17[i]!)! * CREDIT_CODE_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c]!;
}

/** GB 11714 check character of an organisation code's eight-character body (digits 0–9, letters A=10 … Z=35). */
export function organisationCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** As typed: full-width characters folded, spaces and hyphens dropped, letters upper-cased. */
function normaliseCreditCode(raw: string): string {
  return normaliseText(raw).replace(/[\s-]/g, '').toUpperCase();
}

export function checkCreditCode(raw: string): CreditCodeResult {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18) return { ok: false, code, problem: 'length' };
  for (const ch of code) if (!VALUE.has(ch)) return { ok: false, code, problem: 'charset' };
  if (/^0+$/.test(code)) return { ok: false, code, problem: 'all-zero' };
  if (!CREDIT_CODE_TYPES[code[0]!]?.includes(code[1]!)) return { ok: false, code, problem: 'registration-type' };
  if (!/^\d{6}$/.test(code.slice(2, 8)) || !PROVINCES.has(code.slice(2, 4))) return { ok: false, code, problem: 'division' };
  const org = organisationCheckChar(code.slice(8, 16));
  if (org !== code[16]) return { ok: false, code, problem: 'organisation-code', expected: org };
  const expected = creditCheckChar(code.slice(0, 17));
  return expected === code[17] ? { ok: true, code } : { ok: false, code, problem: 'check-digit', expected };
}

/** A valid code made from its first 17 characters (examples and tests). */
export function withCheckChar(first17: string): string {
  return first17 + creditCheckChar(first17);
}

/** A valid code made from the registration type and division (8 characters) and the organisation code's body (8). */
export function creditCodeFor(prefix8: string, orgBody8: string): string {
  return withCheckChar(prefix8 + orgBody8 + organisationCheckChar(orgBody8));
}
