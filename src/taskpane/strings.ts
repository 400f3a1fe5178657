/** The task pane's own words, zh-CN first. Findings, verdicts and statuses come from the core's message tables. */
import type { Lang } from '../core/index.js';

const STRINGS = {
  appName: ['集群评审助手', 'cluster-review'],
  appTagline: ['中小企业特色产业集群申报核验', 'Checks applications for SME characteristic industrial clusters'],
  rulebook: ['适用规则', 'Rulebook in force'],
  fingerprint: ['指纹', 'fingerprint'],
  check: ['检查本工作簿', 'Check this workbook'],
  checking: ['正在检查…', 'Checking…'],
  writeSummary: ['写入评审汇总', 'Write review summary'],
  writingSummary: ['正在写入评审汇总…', 'Writing the review summary…'],
  clearFlags: ['清除标记', 'Clear flags'],
  clearing: ['正在清除标记…', 'Clearing flags…'],
  insertTemplate: ['插入标准模板', 'Insert the standard template'],
  inserting: ['正在插入标准模板…', 'Inserting the standard template…'],
  experts: ['评审专家（以逗号分隔，写入评审汇总的评分列）', 'Experts (comma-separated; score columns of the summary)'],
  year: ['申报年度', 'Application year'],
  language: ['English', '中文'],
  languageLabel: ['切换到英文', 'Switch to Chinese'],
  filter: ['按状态筛选', 'Filter by status'],
  all: ['全部', 'All'],
  issuesOnly: ['仅问题', 'Issues only'],
  noFindings: ['没有符合筛选条件的核验结果。', 'No findings match the filter.'],
  goToCell: ['定位到单元格', 'Go to cell'],
  flagged: ['已在工作表中标记 {n} 个单元格。', '{n} cells flagged on the sheet.'],
  restored: ['已恢复 {n} 个不再有问题的单元格。', '{n} cells no longer flagged were restored.'],
  summaryWritten: ['已写入“{sheet}”工作表。专家可在白色单元格中评分；重新写入会保留已填内容。', 'Wrote the “{sheet}” sheet. Experts score in the white cells; writing again keeps what they typed.'],
  cleared: ['已清除 {n} 个标记，单元格已恢复原样。', 'Cleared {n} flags; the cells are as they were.'],
  templateInserted: ['已插入“{sheet}”工作表，请在浅黄色单元格中填写。', 'Inserted the “{sheet}” sheet; fill in the light-yellow cells.'],
  counts: ['不达标 {fail} · 缺失/无效 {missing} · 提示 {warn} · 待评议 {review}', 'fails {fail} · missing/invalid {missing} · warnings {warn} · for review {review}'],
  explanationsComments: [
    '此版本 Excel 不支持“备注”（ExcelApi 1.18），问题说明写入批注会话。',
    'This Excel has no notes (ExcelApi 1.18); explanations go into comment threads.',
  ],
  explanationsNone: [
    '此版本 Excel 不支持备注和批注：问题单元格仅着色，说明请见本窗格和评审汇总。',
    'This Excel supports neither notes nor comments: flagged cells are coloured, and the explanations are in this pane and the review summary.',
  ],
  outsideTitle: ['请在 Excel 中使用', 'Runs inside Excel'],
  outsideBody: [
    '集群评审助手是 Excel 加载项，需要在 Excel（桌面版、Mac 版或网页版）中打开。没有 Microsoft 365 的评审人员可使用命令行工具（npx cluster-review check 申报.xlsx）。',
    'cluster-review is an Excel add-in: open it from Excel (Windows, Mac or the web). Reviewers without Microsoft 365 can use the command line (npx cluster-review check application.xlsx).',
  ],
  loading: ['正在连接 Excel…', 'Connecting to Excel…'],
  errorTitle: ['操作未完成', 'Not done'],
  noIndicatorSheet: [
    '本工作簿中没有标准指标表（找不到含 B1、1.6、D1 等指标代码的工作表）。现有工作表：{sheets}。可插入标准模板后填写。',
    'This workbook has no indicator sheet (no sheet with codes such as B1, 1.6, D1). Its sheets: {sheets}. You can insert the standard template and fill it in.',
  ],
  sheetProtected: [
    '“{sheet}”受密码保护，无法标记单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），或查看评审汇总。',
    '“{sheet}” is protected with a password, so cells cannot be flagged. Unprotect it (Review → Unprotect Sheet), or use the review summary.',
  ],
  excelError: ['Excel 未能完成操作：{detail}', 'Excel could not complete the operation: {detail}'],
  none: ['（无）', '(none)'],
  groupFindings: ['{n} 项', '{n} findings'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

export function str(key: StringKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const s: string = STRINGS[key][lang === 'zh-CN' ? 0 : 1];
  return s.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
}

export function langFromDisplay(displayLanguage: string | undefined): Lang {
  return /^en/i.test(displayLanguage ?? '') ? 'en-US' : 'zh-CN';
}
