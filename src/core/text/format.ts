/**
 * The one formatter for user-facing words. Every word the product shows (summary, template, roll-up, CLI, pane,
 * errors, rulebook problems) lives in a table keyed by id with zh-CN first and en-US second; `{name}` in a
 * template is replaced by the param of that name. Finding messages, which need logic per code, are rendered by
 * the message tables in ../messages, from the same params.
 */
import type { Lang } from '../types.js';

export type TextEntry = Readonly<Record<Lang, string>>;
export type TextTable = Readonly<Record<string, TextEntry>>;
/**
 * A table of the text system: its keys and words kept literal (so `TextKey` names every key and a typo in a key
 * fails to compile), each entry checked to have both languages. Every table file is one call of this.
 */
export function defineText<const T extends TextTable>(table: T): T {
  return table;
}

export type TextParams = Readonly<Record<string, string | number | boolean | null | undefined | ReadonlyArray<string | number>>>;

const LIST_SEP: Record<Lang, string> = { 'zh-CN': '、', 'en-US': ', ' };
/** An empty list is said, never left as a blank after its label ("缺少：；多出："). */
const EMPTY_LIST: Record<Lang, string> = { 'zh-CN': '（无）', 'en-US': '(none)' };

/** `{name}` → the param (a list joined in the language's way); an unknown name is left as written, visibly. */
export function fill(template: string, lang: Lang, params?: TextParams): string {
  if (!params || !template.includes('{')) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const v = params[name];
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.length ? v.join(LIST_SEP[lang]) : EMPTY_LIST[lang];
    return String(v);
  });
}

export const listSep = (lang: Lang): string => LIST_SEP[lang];

/**
 * A date as a page says it: 2025年5月12日 (with the time, 2025年5月12日 09:30) in Chinese, 12 May 2025 in English.
 * Reads "2025-05-12", "2025/5/12", "2025-05-12 09:30", an ISO time ("2025-05-12T01:30:00Z", shown as written, never
 * shifted) and text already in Chinese form; anything else is returned as it was written (a person's own words).
 */
export function pageDate(value: string | number | Date | null | undefined, lang: Lang, opts: { time?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '';
  let y: number, m: number, d: number, hh: number | null = null, mm: number | null = null;
  if (value instanceof Date) [y, m, d, hh, mm] = [value.getFullYear(), value.getMonth() + 1, value.getDate(), value.getHours(), value.getMinutes()];
  else {
    const s = String(value).trim();
    const x = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+(\d{1,2}):(\d{2}))?/.exec(s);
    if (!x) return s;
    [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
    if (x[4] !== undefined) [hh, mm] = [Number(x[4]), Number(x[5])];
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return String(value);
  const time = opts.time && hh !== null ? ` ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}` : '';
  if (lang === 'zh-CN') return `${y}年${m}月${d}日${time}`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}${time}`;
}
