/** File errors and warnings in words, from the text tables (src/core/text). Findings are rendered by the core's tables. */
import { renderWarning, type Lang } from '../core/index.js';
import { t, tAny } from '../core/text/index.js';
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
