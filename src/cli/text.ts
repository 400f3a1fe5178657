/** File errors and warnings in words, from the text tables (src/core/text). Findings are rendered by the core's tables. */
import type { Lang } from '../core/index.js';
import { t, tAny } from '../core/text/index.js';
import type { FileError, FileWarning } from '../xlsx/errors.js';

/** A file error in words: `error.file.<code>`, with the file and the error's params (lists joined in the language). */
export function fileErrorText(e: FileError, lang: Lang): string {
  const params: Record<string, string | number | string[]> = { ...e.params, file: e.file };
  if (e.code === 'no-indicator-sheet' && !(Array.isArray(e.params.sheets) && e.params.sheets.length)) params.sheets = t('error.none', lang);
  if (e.code === 'corrupt' && e.params.detail) return t('error.file.corrupt.detail', lang, params);
  return tAny(`error.file.${e.code}`, lang, params);
}

const PARTS_ZH: Record<string, string> = {
  charts: '图表',
  'pivot-tables': '数据透视表',
  slicers: '切片器',
  timelines: '日程表',
  drawings: '图形',
  'external-links': '外部链接',
  'activex-controls': 'ActiveX 控件',
  'form-controls': '表单控件',
  'threaded-comments': '批注会话',
};

export function warningText(w: FileWarning, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (w.code) {
    case 'macros-dropped':
      return zh
        ? `${w.file} 含宏（.xlsm）：本工具从不运行宏，核验副本另存为 .xlsx，不含宏`
        : `${w.file} contains macros (.xlsm): macros are never run, and the reviewed copy is saved as .xlsx without them`;
    case 'unsupported-content': {
      const parts = (w.params.parts as string[]).map((p) => (zh ? (PARTS_ZH[p] ?? p) : p));
      return zh ? `${w.file} 含${parts.join('、')}，核验副本中将不包含这些内容（原文件不受影响）` : `${w.file} contains ${parts.join(', ')}; the reviewed copy omits them (the original is untouched)`;
    }
    case 'template-rulebook-differs':
      return zh
        ? `${w.file} 的模板依据规则 ${String(w.params.id)} ${String(w.params.edition)}（${String(w.params.fingerprint)}），与适用规则不同；已按适用规则核验`
        : `${w.file} was built from rulebook ${String(w.params.id)} ${String(w.params.edition)} (${String(w.params.fingerprint)}), not the rulebook in force; checked under the rulebook in force`;
  }
}
