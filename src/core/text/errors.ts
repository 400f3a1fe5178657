/** Words of file, workbook and Office errors shown as plain messages (keys error.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import { defineText } from './format.js';

export const ERROR_TEXT = defineText({
  // A file the CLI cannot use (FileError codes).
  'error.file.not-found': { 'zh-CN': '找不到文件：{file}', 'en-US': 'File not found: {file}' },
  'error.file.not-a-file': { 'zh-CN': '不是文件：{file}（是文件夹或设备）', 'en-US': 'Not a file: {file} (a folder or device)' },
  'error.file.no-permission': {
    'zh-CN': '没有读取权限：{file}（请检查文件权限，或换一个有权限的账户运行）',
    'en-US': 'No permission to read {file} (check the file’s permissions, or run as a user who may read it)',
  },
  'error.file.link-loop': {
    'zh-CN': '符号链接循环：{file}（链接最终指回自身，无法到达文件）',
    'en-US': 'Symbolic link loop: {file} (the links lead back to themselves and never reach a file)',
  },
  'error.file.unreadable': { 'zh-CN': '无法读取 {file}（{detail}）', 'en-US': 'Cannot read {file} ({detail})' },
  'error.file.not-xlsx': {
    'zh-CN': '{file} 不是 .xlsx 工作簿（不是 zip 格式的 Excel 文件）',
    'en-US': '{file} is not an .xlsx workbook (not a zip-packaged Excel file)',
  },
  'error.file.old-xls': {
    'zh-CN': '{file} 是旧版 .xls 格式，请在 Excel 或 WPS 中“另存为”.xlsx 后再核验',
    'en-US': '{file} is an old .xls workbook; save it as .xlsx in Excel or WPS, then check again',
  },
  'error.file.encrypted': {
    'zh-CN': '{file} 设置了打开密码，无法读取；请取消密码（文件→信息→保护工作簿）后再核验',
    'en-US': '{file} is password-encrypted and cannot be read; remove the password (File → Info → Protect Workbook) and check again',
  },
  'error.file.corrupt': { 'zh-CN': '{file} 已损坏或不是有效的工作簿', 'en-US': '{file} is damaged or not a valid workbook' },
  'error.file.corrupt.detail': {
    'zh-CN': '{file} 已损坏或不是有效的工作簿（读取程序的说明：{detail}）',
    'en-US': '{file} is damaged or not a valid workbook (the reader says: {detail})',
  },
  'error.file.no-indicator-sheet': {
    'zh-CN': '{file} 中没有标准指标表（找不到含指标代码 B1、1.6、D1 等的工作表）；该工作簿的工作表为：{sheets}',
    'en-US': '{file} has no indicator sheet (no sheet with codes such as B1, 1.6, D1); its sheets are: {sheets}',
  },
  'error.file.scoresheet-given': {
    'zh-CN': '{file} 是专家评分表，不是申报表：交回的评分表请用 cluster-review tally 汇总',
    'en-US': '{file} is an expert score sheet, not an application: tally returned sheets with cluster-review tally',
  },
  'error.file.rollup-given': {
    'zh-CN': '{file} 是推荐汇总表，不是申报表：请把它作为 cluster-review tally 的 -o 或输入',
    'en-US': '{file} is a recommendation list, not an application: give it to cluster-review tally (as -o or an input)',
  },
  'error.file.record-damaged': {
    'zh-CN': '{file} 中本工具的隐藏记录已损坏或被改动，不能使用；请使用原发的文件',
    'en-US': '{file}: the tool’s hidden record in it is damaged or was edited, so it cannot be used; use the file as issued',
  },
  'error.file.output-not-folder': {
    'zh-CN': '{file} 是一个文件，不是文件夹；请用 -o 指定一个文件夹',
    'en-US': '{file} is a file, not a folder: give a folder with -o',
  },
  'error.file.name-too-long': {
    'zh-CN': '文件名过长：{file}（{bytes} 字节，文件系统最多 {limit} 字节）；未写入任何文件，请用更短的名字',
    'en-US': 'File name too long: {file} ({bytes} bytes; the file system takes at most {limit}); nothing was written: use a shorter name',
  },
  'error.file.monitoring-form': {
    'zh-CN': '{file} 是年度培育情况信息表，不是申报表：请用 cluster-review monitor 核验汇总',
    'en-US': '{file} is an annual monitoring form, not an application: check it with cluster-review monitor',
  },
  'error.file.merged-inputs': {
    'zh-CN': '{file} 的工作表“{sheet}”在填报单元格上有合并单元格：{ranges}；请取消合并，每个年度一个单元格',
    'en-US': '{file}: sheet “{sheet}” has merged cells over input cells: {ranges}; unmerge them, one cell per year',
  },
  'error.file.output-exists': {
    'zh-CN': '输出文件已存在：{file}；使用 --force 覆盖，或用 -o 指定其他文件名',
    'en-US': 'Output exists: {file}; use --force to overwrite or -o for another name',
  },
  'error.file.output-is-link': {
    'zh-CN': '未写入 {file}：该位置是一个链接（符号链接），本工具不以新文件替换链接，也不写入链接指向的文件；请移走该链接，或换一个输出位置',
    'en-US': 'Not written: {file} is a link (symbolic link); the tool never replaces a link with a file nor writes where it points; move the link away or choose another output',
  },
  'error.file.output-holds-input': {
    'zh-CN': '{file} 已有专家或评审委员会填写的内容（评分、回避、签名、意见或审定结果），不会被替换（--force 也不例外）；请用 -o 指定其他文件名',
    'en-US': '{file} holds what experts or the committee entered (scores, recusals, signatures, opinions or decisions) and is never replaced, not even with --force: give another name with -o',
  },
  'error.file.output-changed': {
    'zh-CN': '{file} 在本次运行期间被修改，未替换，保留修改后的内容',
    'en-US': '{file} changed while this run worked on it: not replaced, the changed file is kept',
  },
  'error.file.output-is-input': {
    'zh-CN': '输出文件 {file} 就是本次的输入文件 {input}；本工具从不改写输入文件（--force 也不例外），请用 -o 指定其他文件名',
    'en-US': 'The output {file} is an input of this run ({input}); the tool never writes over an input, not even with --force: give another name with -o',
  },
  'error.file.outputs-collide': {
    'zh-CN': '{input} 与另一输入文件同名，输出会写到同一个文件 {file}；请分别核验，或改名后再核验',
    'en-US': '{input} has the same name as another input, so both would be written to {file}; check them separately or rename one',
  },
  'error.file.output-no-permission': {
    'zh-CN': '没有写入权限：{file}（{detail}）',
    'en-US': 'No permission to write {file} ({detail})',
  },
  'error.file.output-folder-not-found': {
    'zh-CN': '无法写入 {file}：文件夹 {folder} 不存在',
    'en-US': 'Cannot write {file}: the folder {folder} does not exist',
  },
  'error.file.temp-taken': {
    'zh-CN': '无法写入 {file}：临时文件名已被其他文件或链接占用（如 {temp}），该文件不是本工具创建的，未改动也未删除',
    'en-US': 'Cannot write {file}: its temporary names are taken by files or links the tool did not create (such as {temp}); they were left as they are',
  },
  'error.file.write-failed': { 'zh-CN': '无法写入 {file}：{detail}', 'en-US': 'Cannot write {file}: {detail}' },
  'error.file.rulebook-unreadable': { 'zh-CN': '无法读取规则文件 {file}：{detail}', 'en-US': 'Cannot read rulebook {file}: {detail}' },
  'error.file.rulebook-not-found': { 'zh-CN': '找不到规则文件：{file}', 'en-US': 'Rulebook not found: {file}' },
  'error.file.rulebook-not-json': {
    'zh-CN': '规则文件 {file} 不是有效的 JSON：{detail}',
    'en-US': 'Rulebook {file} is not valid JSON: {detail}',
  },
  'error.file.rulebook-is-workbook': {
    'zh-CN': '规则文件 {file} 是工作簿（规则表），不是 JSON；请先用 cluster-review rulebook import {file} -o 本省规则.json 转换，再用 --rulebook 本省规则.json',
    'en-US': 'Rulebook {file} is a workbook (a rulebook sheet), not JSON: convert it first with cluster-review rulebook import {file} -o rulebook.json, then use --rulebook rulebook.json',
  },

  // Office errors the task pane shows.
  'error.office.no-indicator-sheet': {
    'zh-CN': '本工作簿中没有标准指标表（找不到含 B1、1.6、D1 等指标代码的工作表）。现有工作表：{sheets}。可插入标准模板后填写。',
    'en-US': 'This workbook has no indicator sheet (no sheet with codes such as B1, 1.6, D1). Its sheets: {sheets}. You can insert the standard template and fill it in.',
  },
  'error.office.monitoring-form': {
    'zh-CN': '本工作簿是年度培育情况信息表（{year}年度），不是申报表；监测结论：{verdict}。汇总各集群请用命令行 cluster-review monitor。',
    'en-US': 'This workbook is an annual monitoring form ({year}), not an application; monitoring verdict: {verdict}. Roll up the clusters with cluster-review monitor.',
  },
  'error.office.sheet-protected': {
    'zh-CN': '“{sheet}”受密码保护，无法标记单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），或查看评审汇总。',
    'en-US': '“{sheet}” is protected with a password, so cells cannot be flagged. Unprotect it (Review → Unprotect Sheet), or use the review summary.',
  },
  'error.office.excel': { 'zh-CN': 'Excel 未能完成操作：{detail}', 'en-US': 'Excel could not complete the operation: {detail}' },
  'error.office.title': { 'zh-CN': '操作未完成', 'en-US': 'Not done' },
  'error.office.summary-busy': {
    'zh-CN': '另一位专家正在写入“{sheet}”，尚未完成；本次未作任何更改。请稍候再点“写入评审汇总”。',
    'en-US': 'Another expert is writing “{sheet}” and has not finished; nothing was changed. Wait a moment and press Write review summary again.',
  },
  'error.office.workbook-protected': {
    'zh-CN': '本工作簿的结构受保护（审阅 → 保护工作簿），无法添加“{sheet}”工作表，未作任何更改。请撤销工作簿保护后重试。',
    'en-US': 'The workbook’s structure is protected (Review → Protect Workbook), so the “{sheet}” sheet cannot be added; nothing was changed. Unprotect the workbook and try again.',
  },

  // Limits of the work one file may cost (src/core/limits.ts): the file is refused, the limit named.
  'error.file.too-large': { 'zh-CN': '{file} 未处理：{reason}', 'en-US': '{file} was not processed: {reason}' },
  'error.limit.rulebook': {
    'zh-CN': '规则文件 {actual} MB，超过上限 {limit} MB（国家版约 0.05 MB）',
    'en-US': 'the rulebook file is {actual} MB, over the limit of {limit} MB (the national edition is about 0.05 MB)',
  },
  'error.limit.file': {
    'zh-CN': '文件大小 {actual} MB，超过上限 {limit} MB（申报工作簿通常不足 1 MB）',
    'en-US': 'the file is {actual} MB, over the limit of {limit} MB (an application workbook is usually under 1 MB)',
  },
  'error.limit.inflated': {
    'zh-CN': '解压后超过 {limit} MB 的上限（至少 {actual} MB），可能是压缩炸弹',
    'en-US': 'it inflates to more than the limit of {limit} MB (at least {actual} MB), possibly a zip bomb',
  },
  'error.limit.cells': {
    'zh-CN': '单元格数 {actual}，超过上限 {limit}（标准指标表约 600 个）',
    'en-US': 'it has {actual} cells, over the limit of {limit} (the standard indicator sheet has about 600)',
  },
  'error.limit.rows': {
    'zh-CN': '工作表行数 {actual}，超过上限 {limit}（标准指标表约 100 行）',
    'en-US': 'a sheet has {actual} rows, over the limit of {limit} (the standard indicator sheet has about 100)',
  },
  'error.limit.text': {
    'zh-CN': '其中一段文字有 {actual} 个字符，超过上限 {limit} 个（Excel 单元格最多 32767 个字符）',
    'en-US': 'one of its texts has {actual} characters, over the limit of {limit} (an Excel cell holds at most 32,767)',
  },
  'error.limit.merges': {
    'zh-CN': '合并单元格区域 {actual} 个，超过上限 {limit} 个',
    'en-US': 'it has {actual} merged areas, over the limit of {limit}',
  },
  'error.limit.findings': {
    'zh-CN': '核验结果 {actual} 条，超过每份申报 {limit} 条的上限（多为大量重复的指标行）',
    'en-US': 'it gives {actual} findings, over the limit of {limit} per application (usually many repeated indicator rows)',
  },
  'error.limit.time': {
    'zh-CN': '处理时间超过 {limit} 秒的上限，已停止',
    'en-US': 'processing took longer than the limit of {limit} s and was stopped',
  },
  'error.file.review-failed': {
    'zh-CN': '{file} 处理时出错，未能评审（{detail}）',
    'en-US': '{file} could not be reviewed: an error occurred ({detail})',
  },
  'error.limit.memory': {
    'zh-CN': '处理所需内存超过 {limit} MB 的上限，已停止',
    'en-US': 'processing needed more memory than the limit of {limit} MB and was stopped',
  },
});
