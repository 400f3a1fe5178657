/**
 * The one formatter for user-facing words. Every word the product shows (summary, template, roll-up, CLI, pane,
 * errors, rulebook problems) lives in a table keyed by id with zh-CN first and en-US second; `{name}` in a
 * template is replaced by the param of that name. Finding messages, which need logic per code, are rendered by
 * the message tables in ../messages, from the same params.
 */
import type { Lang } from '../types.js';

export type TextEntry = Readonly<Record<Lang, string>>;
export type TextTable = Readonly<Record<string, TextEntry>>;
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
