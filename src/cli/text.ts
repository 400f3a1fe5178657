/** The CLI's own words (file and usage problems, progress, tables). Findings are rendered by the core's tables. */
import { renderWarning, type Lang } from '../core/index.js';
import type { FileError, FileWarning } from '../xlsx/errors.js';

type P = Record<string, string | number | string[]>;
const list = (v: unknown, sep: string) => (Array.isArray(v) ? v.join(sep) : String(v ?? ''));

const FILE_ERRORS: Record<FileError['code'], [(f: string, p: P) => string, (f: string, p: P) => string]> = {
  'not-found': [(f) => `找不到文件：${f}`, (f) => `File not found: ${f}`],
  'not-a-file': [(f) => `不是文件：${f}（是文件夹或设备）`, (f) => `Not a file: ${f} (a folder or device)`],
  'not-xlsx': [(f) => `${f} 不是 .xlsx 工作簿（不是 zip 格式的 Excel 文件）`, (f) => `${f} is not an .xlsx workbook (not a zip-packaged Excel file)`],
  'old-xls': [
    (f) => `${f} 是旧版 .xls 格式，请在 Excel 或 WPS 中“另存为”.xlsx 后再核验`,
    (f) => `${f} is an old .xls workbook; save it as .xlsx in Excel or WPS, then check again`,
  ],
  encrypted: [
    (f) => `${f} 设置了打开密码，无法读取；请取消密码（文件→信息→保护工作簿）后再核验`,
    (f) => `${f} is password-encrypted and cannot be read; remove the password (File → Info → Protect Workbook) and check again`,
  ],
  corrupt: [(f, p) => `${f} 已损坏或不是有效的工作簿${p.detail ? `（${String(p.detail)}）` : ''}`, (f, p) => `${f} is damaged or not a valid workbook${p.detail ? ` (${String(p.detail)})` : ''}`],
  'no-indicator-sheet': [
    (f, p) => `${f} 中没有标准指标表（找不到含指标代码 B1、1.6、D1 等的工作表）；该工作簿的工作表为：${list(p.sheets, '、') || '（无）'}`,
    (f, p) => `${f} has no indicator sheet (no sheet with codes such as B1, 1.6, D1); its sheets are: ${list(p.sheets, ', ') || '(none)'}`,
  ],
  'merged-inputs': [
    (f, p) => `${f} 的工作表“${String(p.sheet)}”在填报单元格上有合并单元格：${list(p.ranges, '、')}；请取消合并，每个年度一个单元格`,
    (f, p) => `${f}: sheet “${String(p.sheet)}” has merged cells over input cells: ${list(p.ranges, ', ')}; unmerge them, one cell per year`,
  ],
  'output-exists': [(f) => `输出文件已存在：${f}；使用 --force 覆盖，或用 -o 指定其他文件名`, (f) => `Output exists: ${f}; use --force to overwrite or -o for another name`],
  'output-is-input': [(f) => `输出文件与输入文件相同：${f}；本工具从不修改输入文件，请用 -o 指定新文件名`, (f) => `The output is the input: ${f}; the tool never modifies an input, give another name with -o`],
  'write-failed': [(f, p) => `无法写入 ${f}：${String(p.detail ?? '')}`, (f, p) => `Cannot write ${f}: ${String(p.detail ?? '')}`],
  'rulebook-unreadable': [(f, p) => `无法读取规则文件 ${f}：${String(p.detail ?? '')}`, (f, p) => `Cannot read rulebook ${f}: ${String(p.detail ?? '')}`],
};

export function fileErrorText(e: FileError, lang: Lang): string {
  const [zh, en] = FILE_ERRORS[e.code];
  return (lang === 'zh-CN' ? zh : en)(e.file, e.params);
}

/** A file's warning in words: the words live in the core (warning.* in src/core/text/workflow.ts). */
export function warningText(w: FileWarning, lang: Lang): string {
  return renderWarning(w, lang, w.file);
}

export const WORDS = {
  warning: ['提示', 'warning'],
  error: ['错误', 'error'],
  wrote: ['已写入', 'wrote'],
  template: ['标准指标表模板', 'indicator template'],
  rollup: ['推荐汇总', 'roll-up'],
  file: ['文件', 'file'],
  verdict: ['结论', 'verdict'],
  fails: ['不达标', 'fails'],
  missing: ['缺失/无效', 'missing/invalid'],
  warnings: ['提示', 'warnings'],
  output: ['核验副本', 'reviewed copy'],
  unreadable: ['无法读取', 'unreadable'],
  internal: ['内部错误（请将此信息报告给维护者）', 'internal error (please report this to the maintainers)'],
  rulebookOk: ['规则文件有效', 'rulebook is valid'],
  rulebookBad: ['规则文件无效', 'rulebook is not valid'],
  scoreProblems: ['评分问题', 'score problems'],
} as const;

export function word(k: keyof typeof WORDS, lang: Lang): string {
  return WORDS[k][lang === 'zh-CN' ? 0 : 1];
}
