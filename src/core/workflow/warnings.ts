/**
 * Warnings: something the reviewer should know about a workbook that was still reviewed. Data ({code, params}),
 * rendered late from the text table (src/core/text/workflow.ts), so the command line and the pane say the same.
 */
import { t, tAny } from '../text/index.js';
import type { Lang } from '../types.js';

export type WarningCode =
  | 'template-rulebook-differs'
  | 'merged-inputs'
  | 'macros-dropped'
  | 'unsupported-content'
  | 'parts-read-around'
  | 'record-damaged'
  | 'prior-review-content'
  | 'summary-duplicate'
  | 'summary-duplicate-removed'
  | 'summary-duplicate-kept'
  | 'data-changed'
  | 'flag-edited'
  | 'cell-truncated'
  | 'thread-kept'
  | 'thread-refused'
  | 'read-only'
  | 'expert-header-edited'
  | 'expert-header-kept'
  | 'legend-skipped'
  | 'legend-edited';

export interface WorkflowWarning {
  code: WarningCode;
  params: Record<string, string | number | string[]>;
}

/** A part of a workbook the .xlsx adapter cannot carry over, in words ("charts" → 图表); unknown ids as written. */
function partName(id: string, lang: Lang): string {
  const key = `warning.part.${id}`;
  const text = tAny(key, lang);
  return text === key ? id : text;
}

/** The warning in words; with `file`, prefixed by the file it concerns (the command line checks several). */
export function renderWarning(w: WorkflowWarning, lang: Lang, file?: string): string {
  const params = w.code === 'unsupported-content' ? { ...w.params, parts: ((w.params.parts as string[] | undefined) ?? []).map((p) => partName(p, lang)) } : w.params;
  // Part names of a package (xl/drawings/drawing2.xml) are said as they are: the reviewer's IT can find them.
  const text = tAny(`warning.${w.code}`, lang, params);
  return file === undefined ? text : t('warning.in-file', lang, { file, text });
}
