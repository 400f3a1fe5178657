/** Words of the task pane and the ribbon command (keys pane.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const PANE_TEXT = {
  'pane.app-name': { 'zh-CN': '集群评审助手', 'en-US': 'cluster-review' },
  'pane.app-tagline': { 'zh-CN': '中小企业特色产业集群申报核验', 'en-US': 'Checks applications for SME characteristic industrial clusters' },
  'pane.rulebook': { 'zh-CN': '适用规则', 'en-US': 'Rulebook in force' },
  'pane.fingerprint': { 'zh-CN': '规则校验码', 'en-US': 'fingerprint' },
  'pane.check': { 'zh-CN': '检查本工作簿', 'en-US': 'Check this workbook' },
  'pane.checking': { 'zh-CN': '正在检查…', 'en-US': 'Checking…' },
  'pane.write-summary': { 'zh-CN': '写入评审汇总', 'en-US': 'Write review summary' },
  'pane.writing-summary': { 'zh-CN': '正在写入评审汇总…', 'en-US': 'Writing the review summary…' },
  'pane.clear-flags': { 'zh-CN': '清除标记', 'en-US': 'Clear flags' },
  'pane.clearing': { 'zh-CN': '正在清除标记…', 'en-US': 'Clearing flags…' },
  'pane.insert-template': { 'zh-CN': '插入标准模板', 'en-US': 'Insert the standard template' },
  'pane.inserting': { 'zh-CN': '正在插入标准模板…', 'en-US': 'Inserting the standard template…' },
  'pane.experts': { 'zh-CN': '评审专家（以逗号分隔，写入评审汇总的评分列）', 'en-US': 'Experts (comma-separated; score columns of the summary)' },
  'pane.year': { 'zh-CN': '申报年度', 'en-US': 'Application year' },
  'pane.language': { 'zh-CN': 'English', 'en-US': '中文' },
  'pane.language-label': { 'zh-CN': '切换到英文', 'en-US': 'Switch to Chinese' },
  'pane.filter': { 'zh-CN': '按状态筛选', 'en-US': 'Filter by status' },
  'pane.all': { 'zh-CN': '全部', 'en-US': 'All' },
  'pane.no-findings': { 'zh-CN': '没有符合筛选条件的核验结果。', 'en-US': 'No findings match the filter.' },
  'pane.go-to-cell': { 'zh-CN': '定位到单元格', 'en-US': 'Go to cell' },
  'pane.flagged': { 'zh-CN': '已在工作表中标记 {n} 个单元格。', 'en-US': '{n} cells flagged on the sheet.' },
  'pane.restored': { 'zh-CN': '已恢复 {n} 个不再有问题的单元格。', 'en-US': '{n} cells no longer flagged were restored.' },
  'pane.summary-written': {
    'zh-CN': '已写入“{sheet}”工作表。专家可在白色单元格中评分；重新写入会保留已填内容。',
    'en-US': 'Wrote the “{sheet}” sheet. Experts score in the white cells; writing again keeps what they typed.',
  },
  'pane.cleared': { 'zh-CN': '已清除 {n} 个标记，单元格已恢复原样。', 'en-US': 'Cleared {n} flags; the cells are as they were.' },
  'pane.template-inserted': { 'zh-CN': '已插入“{sheet}”工作表，请在浅黄色单元格中填写。', 'en-US': 'Inserted the “{sheet}” sheet; fill in the light-yellow cells.' },
  'pane.counts': {
    'zh-CN': '不达标 {fail} · 缺失/无效 {missing} · 提示 {warn} · 待评议 {review}',
    'en-US': 'fails {fail} · missing/invalid {missing} · warnings {warn} · for review {review}',
  },
  'pane.explanations-comments': {
    'zh-CN': '此版本 Excel 不支持“备注”（ExcelApi 1.18），问题说明写入批注会话。',
    'en-US': 'This Excel has no notes (ExcelApi 1.18); explanations go into comment threads.',
  },
  'pane.explanations-none': {
    'zh-CN': '此版本 Excel 不支持备注和批注：问题单元格仅着色，说明请见本窗格和评审汇总。',
    'en-US': 'This Excel supports neither notes nor comments: flagged cells are coloured, and the explanations are in this pane and the review summary.',
  },
  'pane.outside-title': { 'zh-CN': '请在 Excel 中使用', 'en-US': 'Runs inside Excel' },
  'pane.outside-body': {
    'zh-CN': '集群评审助手是 Excel 加载项，需要在 Excel（桌面版、Mac 版或网页版）中打开。没有 Microsoft 365 的评审人员可使用命令行工具（npx cluster-review check 申报.xlsx）。',
    'en-US': 'cluster-review is an Excel add-in: open it from Excel (Windows, Mac or the web). Reviewers without Microsoft 365 can use the command line (npx cluster-review check application.xlsx).',
  },
  'pane.experts-placeholder': { 'zh-CN': '张三,李四,王五', 'en-US': 'Zhang San, Li Si, Wang Wu' },
  'pane.failure.title': { 'zh-CN': '集群评审助手无法显示', 'en-US': 'cluster-review could not start' },
  'pane.failure.body': {
    'zh-CN': '请关闭并重新打开任务窗格；如仍出现，请将以下信息告知维护者。',
    'en-US': 'Close and reopen the pane; if this persists, report the text below.',
  },
  // Start-up and office.js loading (issue #11): the pane paints before office.js arrives.
  'pane.connecting': { 'zh-CN': '正在连接 Excel…', 'en-US': 'Connecting to Excel…' },
  'pane.office-unreachable-title': { 'zh-CN': 'Office 脚本库无法加载（网络）', 'en-US': 'The Office script library could not load (network)' },
  'pane.office-unreachable-body': {
    'zh-CN': '任务窗格无法从加载项服务器取得 office.js，因此无法连接 Excel。请检查网络连接，或请管理员确认加载项地址可以访问；稍后关闭并重新打开任务窗格。没有网络时可使用命令行工具（npx cluster-review check 申报.xlsx）。',
    'en-US': 'The pane could not fetch office.js from the add-in’s server, so it cannot connect to Excel. Check the network, or ask the administrator whether the add-in’s address is reachable; then close and reopen the pane. Without a network, use the command line (npx cluster-review check application.xlsx).',
  },
  'pane.findings-heading': { 'zh-CN': '核验结果', 'en-US': 'Findings' },
  // The ribbon command "直接检查" reports its result (a dialog where DialogApi exists; the pane shows the last one).
  'pane.command.title': { 'zh-CN': '直接检查', 'en-US': 'Check now' },
  'pane.command.done': {
    'zh-CN': '检查完成：{verdict}。已在“{sheet}”工作表标记 {n} 个单元格。',
    'en-US': 'Check finished: {verdict}. {n} cells flagged on the “{sheet}” sheet.',
  },
  'pane.command.failed': { 'zh-CN': '直接检查未完成', 'en-US': 'Check now did not finish' },
  'pane.command.last': { 'zh-CN': '上次“直接检查”（{at}）', 'en-US': 'Last “Check now” ({at})' },
  'pane.command.close': { 'zh-CN': '关闭', 'en-US': 'Close' },
  // A review the tool could not write to the workbook (issue #11, item 5): shown whole, read-only.
  'pane.read-only.title': { 'zh-CN': '核验结果（只读，未标记单元格）', 'en-US': 'Review shown read-only (no cells flagged)' },
  'pane.read-only.sheet-protected': {
    'zh-CN': '“{sheet}”受密码保护，无法标记单元格。本窗格显示完整的核验结果；输入工作表密码可写入标记，完成后按原设置恢复保护。',
    'en-US': '“{sheet}” is protected with a password, so cells cannot be flagged. The whole review is shown in this pane; enter the sheet password to flag the cells, after which the sheet is protected again as it was.',
  },
  'pane.read-only.wrong-password': {
    'zh-CN': '密码不正确，未标记任何单元格，工作表保护未改变。',
    'en-US': 'The password is not correct: no cell was flagged, and the sheet’s protection is unchanged.',
  },
  'pane.read-only.workbook-protected': {
    'zh-CN': '本工作簿的结构受保护（审阅 → 保护工作簿），无法添加评审记录工作表，因此未标记单元格。撤销工作簿保护后再检查即可标记。',
    'en-US': 'The workbook’s structure is protected (Review → Protect Workbook), so the tool’s record sheet cannot be added and no cell was flagged. Unprotect the workbook and check again to flag the cells.',
  },
  'pane.password.label': { 'zh-CN': '工作表密码', 'en-US': 'Sheet password' },
  'pane.password.hint': { 'zh-CN': '密码仅用于本次标记，不会保存。', 'en-US': 'The password is used for this check only and never stored.' },
  'pane.password.submit': { 'zh-CN': '用此密码标记', 'en-US': 'Flag with this password' },
  'pane.password.flagged': {
    'zh-CN': '已用密码解除“{sheet}”的保护并标记 {n} 个单元格，保护已按原设置恢复。',
    'en-US': 'Unprotected “{sheet}” with the password, flagged {n} cells, and protected it again as it was.',
  },
  // office.js ran, but its Excel host file did not arrive (src/office/host.ts).
  'pane.office-host-blocked-title': { 'zh-CN': 'Office 脚本库未能完成加载（网络）', 'en-US': 'The Office script library did not finish loading (network)' },
  'pane.office-host-blocked-body': {
    'zh-CN': '已取得 office.js，但它随后需要的 Excel 组件文件未能加载（可能被网络或代理拦截），因此无法连接 Excel。请管理员确认加载项服务器上的 office-js 文件夹完整且可以访问；稍后关闭并重新打开任务窗格。没有网络时可使用命令行工具（npx cluster-review check 申报.xlsx）。',
    'en-US': 'office.js arrived, but the Excel files it loads next did not (the network or a proxy may block them), so the pane cannot connect to Excel. Ask the administrator whether the add-in server’s office-js folder is complete and reachable; then close and reopen the pane. Without a network, use the command line (npx cluster-review check application.xlsx).',
  },
  // The rulebooks a deployment provides (rulebooks/index.json, written by `cluster-review kit`; issue #12).
  'pane.deploy.choose': { 'zh-CN': '本部署提供的规则', 'en-US': 'Rulebooks this deployment provides' },
  'pane.deploy.default': { 'zh-CN': '{name}（默认）', 'en-US': '{name} (default)' },
  'pane.deploy.loading': { 'zh-CN': '正在载入规则…', 'en-US': 'Loading the rulebook…' },
  'pane.deploy.refused-title': { 'zh-CN': '规则未采用', 'en-US': 'Rulebook refused' },
  'pane.deploy.index-invalid': {
    'zh-CN': '本部署的规则清单（rulebooks/index.json）格式不正确：{detail}。请联系管理员。',
    'en-US': 'This deployment’s list of rulebooks (rulebooks/index.json) is not valid: {detail}. Please tell the administrator.',
  },
  'pane.deploy.index-unreadable': {
    'zh-CN': '无法读取本部署的规则清单（rulebooks/index.json）：{detail}。请联系管理员。',
    'en-US': 'This deployment’s list of rulebooks (rulebooks/index.json) could not be read: {detail}. Please tell the administrator.',
  },
  'pane.deploy.file-unreadable': { 'zh-CN': '无法读取规则文件 {file}：{detail}', 'en-US': 'The rulebook file {file} could not be read: {detail}' },
  'pane.deploy.not-json': { 'zh-CN': '规则文件 {file} 不是有效的 JSON，未采用。', 'en-US': 'The rulebook file {file} is not valid JSON; it was not used.' },
  'pane.deploy.invalid': { 'zh-CN': '规则文件 {file} 无效，未采用：{detail}', 'en-US': 'The rulebook file {file} is not valid and was not used: {detail}' },
  'pane.deploy.fingerprint': {
    'zh-CN': '规则文件 {file}（{id} {edition}）的内容与清单记录的校验码不符（应为 {expected}，实为 {found}），可能已被修改，未采用。',
    'en-US': 'The content of rulebook file {file} ({id} {edition}) does not match the fingerprint the list gives (expected {expected}, found {found}); it may have been altered and was not used.',
  },
  'pane.deploy.identity': {
    'zh-CN': '规则文件 {file} 是 {foundId} {foundEdition}，而清单记录为 {id} {edition}，未采用。',
    'en-US': 'The rulebook file {file} is {foundId} {foundEdition}, but the list says {id} {edition}; it was not used.',
  },
  'pane.deploy.none-title': { 'zh-CN': '本部署没有可用的规则', 'en-US': 'No usable rulebook in this deployment' },
  'pane.deploy.none-body': {
    'zh-CN': '加载项不会用未经校验的规则核验。请联系管理员，按分发包说明重新发布 addin/rulebooks/ 文件夹。',
    'en-US': 'The add-in never checks with a rulebook it cannot verify. Please ask the administrator to publish the kit’s addin/rulebooks/ folder again, as its README says.',
  },
  'pane.stamp.differs': {
    'zh-CN': '本工作簿的模板依据规则 {id} {edition}（校验码 {fingerprint}）制作，与适用规则不同。核验始终按适用规则进行。',
    'en-US': 'This workbook’s template was made from rulebook {id} {edition} (fingerprint {fingerprint}), not the rulebook in force. Checks always use the rulebook in force.',
  },
} as const satisfies TextTable;
