/**
 * Text from a workbook, a rulebook or a file name reaches the terminal only through here. A terminal obeys
 * control characters: ESC sequences retitle the window, clear the screen or fake output, C1 controls (U+009B
 * is a one-character CSI) do the same, a newline forges a line, and bidi controls reorder what is shown (a file
 * name "exe.xlsx" can be made to look like another). Each is shown as a visible escape instead: `\x1b`, `\u202e`.
 */
import { t, type TextKey, type TextParams } from '../core/text/index.js';
import type { Lang } from '../core/types.js';
import { UNSAFE_TEXT } from '../core/text/unsafe.js';

/**
 * C0 (tab, newline and carriage return included: in a piece of text they are data, not our layout), DEL, C1,
 * the line and paragraph separators, the bidi marks (U+061C, U+200E, U+200F), embeddings, overrides and isolates,
 * and the invisible ones (zero-width space, non-joiner and joiner U+200B–U+200D, word joiner U+2060, U+FEFF): two
 * names that differ only by one of these would print the same.
 */
const UNSAFE = UNSAFE_TEXT;
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEP_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

const visible = (ch: string): string => {
  const c = ch.charCodeAt(0);
  return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
};

/** A piece of untrusted text (a cell, a sheet or file name, a message quoting them) made safe for one line. */
export function escapeForTerminal(s: string): string {
  return s.replace(UNSAFE, visible);
}

/**
 * The last line of defence for whole lines the CLI writes: everything escapeForTerminal escapes except the tab
 * and newline of our own layout. Pieces must still be escaped where they are put in (a newline inside a cell
 * would otherwise start a line of its own).
 */
export function escapeLines(s: string): string {
  return s.replace(UNSAFE_KEEP_LAYOUT, visible);
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 but writes DEL, C1 and bidi controls as they are;
 * inside a JSON string they may be written as \u escapes instead, so the document is the same value and stays
 * valid JSON. (Outside strings JSON has only ASCII punctuation and whitespace, so only strings are touched.)
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Words for the terminal with every parameter escaped (escapeForTerminal): a cluster name, a round id or an expert
 * name read from a file is one piece of text, and a newline in it never starts a line of its own. Escaping is
 * idempotent on what it produces, so a parameter escaped already is unchanged.
 */
export function tSafe(key: TextKey, lang: Lang, params?: TextParams): string {
  if (!params) return t(key, lang);
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) safe[k] = typeof v === 'string' ? escapeForTerminal(v) : Array.isArray(v) ? v.map((x: unknown) => (typeof x === 'string' ? escapeForTerminal(x) : x)) : v;
  return t(key, lang, safe as TextParams);
}
