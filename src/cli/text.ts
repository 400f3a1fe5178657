/** File errors and warnings in words, from the text tables (src/core/text). Findings are rendered by the core's tables. */
import { renderWarning, type Lang } from '../core/index.js';
import { t, tAny, type TextKey, type TextParams } from '../core/text/index.js';
import { escapeForTerminal } from './terminal.js';
import type { FileError, FileWarning } from '../xlsx/errors.js';

/** A file error in words: `error.file.<code>`, with the file and the error's params (lists joined in the language). */
export function fileErrorText(e: FileError, lang: Lang): string {
  const params: Record<string, string | number | string[]> = { ...e.params, file: e.file };
  if (e.code === 'corrupt' && e.params.detail) return t('error.file.corrupt.detail', lang, params);
  if (e.code === 'too-large') return t('error.file.too-large', lang, { file: e.file, reason: tAny(`error.limit.${String(e.params.what)}`, lang, params) });
  return tAny(`error.file.${e.code}`, lang, params);
}

/** A file's warning in words: the words live in the core (warning.* in src/core/text/workflow.ts). */
export function warningText(w: FileWarning, lang: Lang): string {
  return renderWarning(w, lang, w.file);
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
