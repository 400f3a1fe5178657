/** Words of the command line: help, usage, progress, tables (keys cli.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import { defineText } from './format.js';

export const CLI_TEXT = defineText({
  // --help of the program and its commands; commander's own headings and notes are replaced by these.
  'cli.program.description': {
    'zh-CN': '集群评审助手：按认定标准核验中小企业特色产业集群申报材料',
    'en-US': 'cluster-review: checks applications for recognition as SME characteristic industrial clusters',
  },
  'cli.program.exit-codes': {
    'zh-CN': '退出码：0 成功（所核验的申报均通过自动核验）· 1 有申报未通过自动核验 · 2 用法或文件错误',
    'en-US': 'Exit codes: 0 success (every checked application passed) · 1 a checked application is not “passed” · 2 usage or file error',
  },
  'cli.help.usage': { 'zh-CN': '用法：', 'en-US': 'Usage:' },
  'cli.help.options': { 'zh-CN': '选项：', 'en-US': 'Options:' },
  'cli.help.commands': { 'zh-CN': '命令：', 'en-US': 'Commands:' },
  'cli.help.arguments': { 'zh-CN': '参数：', 'en-US': 'Arguments:' },
  'cli.help.global-options': { 'zh-CN': '全局选项：', 'en-US': 'Global Options:' },
  'cli.help.options-placeholder': { 'zh-CN': '[选项]', 'en-US': '[options]' },
  'cli.help.command-placeholder': { 'zh-CN': '[命令]', 'en-US': '[command]' },
  'cli.help.with-choices-default': {
    'zh-CN': '{description}（可选：{values}；默认：{value}）',
    'en-US': '{description} (choices: {values}; default: {value})',
  },
  'cli.help.with-choices': { 'zh-CN': '{description}（可选：{values}）', 'en-US': '{description} (choices: {values})' },
  'cli.help.with-default': { 'zh-CN': '{description}（默认：{value}）', 'en-US': '{description} (default: {value})' },
  'cli.option.help': { 'zh-CN': '显示帮助', 'en-US': 'display help for command' },
  'cli.option.version': { 'zh-CN': '显示版本号', 'en-US': 'output the version number' },
  'cli.command.help': { 'zh-CN': '显示某个命令的帮助', 'en-US': 'display help for command' },

  // Options shared by the commands.
  'cli.option.lang': {
    'zh-CN': '写入的工作簿和提示信息所用语言：zh 中文，en 英文',
    'en-US': 'language of written workbooks and messages: zh Chinese, en English',
  },
  'cli.option.rulebook': {
    'zh-CN': '省级规则文件，代替内置的国家 2022 版规则',
    'en-US': 'a provincial rulebook instead of the built-in national 2022 edition',
  },
  'cli.option.force': { 'zh-CN': '覆盖已存在的输出文件', 'en-US': 'overwrite an existing output' },
  'cli.option.year.default': { 'zh-CN': '今年（{year}）', 'en-US': 'this year ({year})' },

  // template
  'cli.template.description': {
    'zh-CN': '按规则生成标准指标表（填表说明 + 指标表），下发各地填报',
    'en-US': 'write the standard indicator workbook (填表说明 + 指标表) built from the rulebook',
  },
  'cli.template.output': { 'zh-CN': '要写入的模板文件', 'en-US': 'the template to write' },
  'cli.template.year': { 'zh-CN': '申报年度（数据年度为 Y-3、Y-2、Y-1）', 'en-US': 'application year (the columns are Y-3, Y-2, Y-1)' },
  'cli.template.enterprises': {
    'zh-CN': '集群企业数量：企业名单按此数量提供填写行（最多{max}行；默认按规则文件）',
    'en-US': 'the cluster’s enterprise count: the enterprise lists get that many rows (at most {max}; default: the rulebook’s)',
  },
  'cli.check.given-twice': {
    'zh-CN': '{file} 与 {of} 是同一个文件（给出了两次），只核验一次',
    'en-US': '{file} and {of} are the same file (given twice): checked once',
  },
  'cli.template.enterprises-capped': {
    'zh-CN': '企业数量 {n} 超过模板名单行数上限 {max}：各企业名单按 {max} 行生成，其余企业请在名单末尾续填（核验时逐行读取）',
    'en-US': '{n} enterprises is over the template’s {max} list rows: each enterprise list has {max} rows; add the others below the last (every row is read)',
  },
  'cli.template.password': {
    'zh-CN': '用此密码保护工作表（默认保护但不设密码）',
    'en-US': 'protect the sheets with a password (default: protected without one)',
  },
  'cli.template.wrote': {
    'zh-CN': '已写入标准指标表模板：{file}（{id} {edition}，规则校验码 {fingerprint}；数据年度 {from}–{to}）',
    'en-US': 'wrote the indicator template: {file} ({id} {edition}, fingerprint {fingerprint}; data years {from}–{to})',
  },

  // check
  'cli.check.description': {
    'zh-CN': '核验申报工作簿，另存核验副本：问题单元格就地标记，并附“评审汇总”工作表',
    'en-US': 'check workbooks and write reviewed copies with flagged cells and the 评审汇总 summary sheet',
  },
  'cli.check.files': { 'zh-CN': '报送的 .xlsx 工作簿', 'en-US': 'submitted .xlsx workbooks' },
  'cli.check.output': {
    'zh-CN': '输出文件（一个输入）或文件夹（多个输入）；默认 <输入>.reviewed.xlsx',
    'en-US': 'output file (one input) or folder (several); default <input>.reviewed.xlsx',
  },
  'cli.check.experts': {
    'zh-CN': '评审专家姓名，用于评分列，以逗号分隔，例如 "张三,李四,王五"',
    'en-US': 'expert names for the score columns, comma-separated, e.g. "张三,李四,王五"',
  },
  'cli.check.json': {
    'zh-CN': '在标准输出打印 JSON 报告（多个文件时为数组）',
    'en-US': 'print the JSON report to stdout (an array for several files)',
  },
  'cli.check.force': { 'zh-CN': '覆盖已存在的输出文件', 'en-US': 'overwrite existing outputs' },
  'cli.check.rename-expert': {
    'zh-CN': '在评审汇总中更名专家（旧名=新名，可多次使用）：该专家的评分、回避、签名与意见随之保留，并记入变更记录',
    'en-US': 'rename an expert in the summary (old=new, repeatable): the expert’s scores, recusal, signature and opinion are kept, and the change recorded',
  },
  'cli.check.remove-expert': {
    'zh-CN': '从评审汇总中移除专家（可多次使用）；该专家已有评分、回避或签名时拒绝，除非加 --force-remove；移除会记入变更记录',
    'en-US': 'remove an expert from the summary (repeatable); refused while the expert has scores, a recusal or a signature unless --force-remove; recorded in the change record',
  },
  'cli.check.force-remove': { 'zh-CN': '移除已有评分的专家（记入变更记录）', 'en-US': 'remove experts even when they have entered scores (recorded)' },
  'cli.check.verdict': { 'zh-CN': '结论', 'en-US': 'verdict' },
  'cli.check.counts': {
    'zh-CN': '一票否决 {veto} · 不达标 {fail} · 缺失/无效 {missing} · 提示 {warn}',
    'en-US': 'vetoed {veto} · fails {fail} · missing/invalid {missing} · warnings {warn}',
  },
  'cli.check.more': {
    'zh-CN': '… 另有 {n} 项，见核验副本的评审汇总',
    'en-US': '… {n} more; see the summary sheet of the reviewed copy',
  },
  'cli.check.monitoring-form': {
    'zh-CN': '年度培育情况信息表（{year}年度）：按动态管理事项 R1–R6 核验，问题单元格已标记；各集群汇总请用 cluster-review monitor',
    'en-US': 'annual monitoring form ({year}): checked against R1–R6, cells with problems flagged; roll up the clusters with cluster-review monitor',
  },
  'cli.check.monitoring-more': {
    'zh-CN': '… 另有 {n} 项，见核验副本中标记的单元格',
    'en-US': '… {n} more; see the flagged cells of the reviewed copy',
  },
  'cli.check.monitoring-no-summary': {
    'zh-CN': '年度培育情况信息表不写评审汇总，--experts 及专家选项不适用',
    'en-US': 'an annual monitoring form gets no review summary: --experts and the expert options do not apply',
  },
  'cli.check.score-problem': {
    'zh-CN': '评分问题：{expert} {criterion} = {value}（应为 0–{max}）',
    'en-US': 'score problem: {expert} {criterion} = {value} (expected 0–{max})',
  },

  // batch
  'cli.batch.description': {
    'zh-CN': '将一轮申报汇总为一份排序的推荐汇总工作簿',
    'en-US': 'roll up every application of a round into one ranked workbook (推荐汇总)',
  },
  'cli.batch.inputs': { 'zh-CN': '工作簿所在文件夹，或工作簿文件', 'en-US': 'a folder of workbooks, or workbook files' },
  'cli.batch.output': { 'zh-CN': '要写入的推荐汇总工作簿', 'en-US': 'the roll-up workbook to write' },
  'cli.batch.quota': { 'zh-CN': '某省申报超过 N 份时标出', 'en-US': 'flag a province with more than N applications' },
  'cli.batch.wrote': {
    'zh-CN': '已写入推荐汇总：{file}（共 {n} 份：{counts}）',
    'en-US': 'wrote the roll-up: {file} ({n}: {counts})',
  },
  'cli.batch.unreadable': { 'zh-CN': '无法读取', 'en-US': 'unreadable' },
  'cli.batch.unreadable-line': { 'zh-CN': '无法读取：{text}', 'en-US': 'unreadable: {text}' },

  // rulebook
  'cli.rulebook.description': { 'zh-CN': '校验规则文件，或显示规则的设置', 'en-US': 'validate a rulebook file, or show what a rulebook sets' },
  'cli.rulebook.validate.description': {
    'zh-CN': '校验规则文件，列出每个问题所在的检查项和字段',
    'en-US': 'validate a rulebook file, listing every problem with the check and field it is in',
  },
  'cli.rulebook.validate.file': { 'zh-CN': '要校验的规则文件（JSON）', 'en-US': 'the rulebook file (JSON) to validate' },
  'cli.rulebook.show.description': {
    'zh-CN': '显示规则的设置：标识、规则校验码、分值、推荐规则和每项检查的要求',
    'en-US': 'show what a rulebook sets: identity, fingerprint, weights, recommendation rule and every check’s requirement',
  },
  'cli.rulebook.show.file': {
    'zh-CN': '规则文件（同 --rulebook）；默认为内置的国家 2022 版',
    'en-US': 'a rulebook file (same as --rulebook); default: the built-in national 2022 edition',
  },
  'cli.rulebook.show.json': {
    'zh-CN': '以 JSON 打印整个规则（可作为本省规则的起点）',
    'en-US': 'print the whole rulebook as JSON (a starting point for a province)',
  },
  'cli.rulebook.valid': { 'zh-CN': '规则文件有效：{file}', 'en-US': 'rulebook is valid: {file}' },
  'cli.rulebook.invalid': { 'zh-CN': '规则文件无效：{file}', 'en-US': 'rulebook is not valid: {file}' },
  'cli.rulebook.fingerprint': { 'zh-CN': '规则校验码 {fingerprint}', 'en-US': 'fingerprint {fingerprint}' },
  'cli.rulebook.builtin': { 'zh-CN': '内置国家 2022 版', 'en-US': 'built-in national 2022 edition' },

  // Lines around the results.
  'cli.warning': { 'zh-CN': '提示：{text}', 'en-US': 'warning: {text}' },
  'cli.error': { 'zh-CN': '错误：{text}', 'en-US': 'error: {text}' },
  'cli.internal': {
    'zh-CN': '内部错误（请将此信息报告给维护者）：{detail}',
    'en-US': 'internal error (please report this to the maintainers): {detail}',
  },

  // Usage errors: ours, and commander's (by its error code), said in the chosen language.
  'cli.usage.renewal-order': {
    'zh-CN': 'renewal 的第一个参数应为集群当前的指标表（申报表），其后为年度培育情况信息表：{file} 是年度培育情况信息表',
    'en-US': 'renewal takes the cluster’s current indicator workbook (an application) first, then its annual monitoring forms: {file} is a monitoring form',
  },
  'cli.usage.year': { 'zh-CN': '--year 应为 2022 至 2100 之间的年份，收到“{value}”', 'en-US': '--year must be a year from 2022 to 2100, got "{value}"' },
  'cli.usage.enterprises': { 'zh-CN': '--enterprises 应为正整数，收到“{value}”', 'en-US': '--enterprises must be a positive whole number, got "{value}"' },
  'cli.usage.rename-expert': { 'zh-CN': '--rename-expert 应为“旧名=新名”，收到“{value}”', 'en-US': '--rename-expert must be "old=new", got "{value}"' },
  'cli.usage.quota': { 'zh-CN': '--quota 应为非负整数，收到“{value}”', 'en-US': '--quota must be a whole number, got "{value}"' },
  'cli.usage.output-folder': {
    'zh-CN': '核验多个文件时，-o 应为已存在的文件夹',
    'en-US': 'With several files, -o must be an existing folder',
  },
  'cli.usage.no-workbooks': { 'zh-CN': '没有找到要汇总的工作簿（.xlsx）', 'en-US': 'No workbooks (.xlsx) to roll up' },
  'cli.usage.two-rulebooks': {
    'zh-CN': '规则文件给了两次：“{a}”和“{b}”；请只用其中一个',
    'en-US': 'Two rulebooks given, "{a}" and "{b}"; give one',
  },
  'cli.usage.unknown-option': { 'zh-CN': '未知选项 {option}', 'en-US': 'unknown option {option}' },
  'cli.usage.unknown-command': { 'zh-CN': '未知命令 {command}', 'en-US': 'unknown command {command}' },
  'cli.usage.did-you-mean': { 'zh-CN': '（是否想输入 {suggestion}？）', 'en-US': ' (did you mean {suggestion}?)' },
  'cli.usage.missing-argument': { 'zh-CN': '缺少参数 <{argument}>', 'en-US': 'missing required argument <{argument}>' },
  'cli.usage.option-missing-value': { 'zh-CN': '选项 {option} 缺少取值', 'en-US': 'option {option} needs a value' },
  'cli.usage.missing-option': { 'zh-CN': '缺少必需的选项 {option}', 'en-US': 'required option {option} not given' },
  'cli.usage.invalid-choice': {
    'zh-CN': '选项 {option} 的取值“{value}”无效，可选：{choices}',
    'en-US': 'option {option}: "{value}" is not allowed; choices: {choices}',
  },
  'cli.usage.invalid-value': { 'zh-CN': '选项 {option} 的取值“{value}”无效', 'en-US': 'option {option}: "{value}" is not valid' },
  'cli.usage.excess-arguments': {
    'zh-CN': '参数过多：{command} 最多接受 {expected} 个参数，收到 {got} 个',
    'en-US': 'too many arguments for {command}: expected {expected}, got {got}',
  },
  'cli.usage.conflicting-options': { 'zh-CN': '选项冲突：{text}', 'en-US': 'conflicting options: {text}' },
  'cli.usage.other': { 'zh-CN': '用法错误：{text}', 'en-US': 'usage error: {text}' },
  'cli.usage.hint': { 'zh-CN': '运行“{command} --help”查看用法。', 'en-US': 'Run "{command} --help" for usage.' },
  // kit (issue #12): what a province hands out
  'cli.kit.description': {
    'zh-CN': '生成分发包：受保护的指标表模板、规则（JSON 和规则表）、配置好地址和默认规则的加载项、清单和部署说明',
    'en-US': 'write a distribution kit: the protected template, the rulebook (JSON and workbook), the add-in configured for its address with the rulebook as default, the manifest and deployment notes',
  },
  'cli.kit.output': { 'zh-CN': '分发包文件夹（不得存在，或为空文件夹）', 'en-US': 'the kit folder (must not exist, or be empty)' },
  'cli.kit.base-url': {
    'zh-CN': '加载项在内网服务器上的 HTTPS 地址，如 https://review.example.gov.cn/cluster-review',
    'en-US': 'the HTTPS address the add-in is hosted at, e.g. https://review.example.gov.cn/cluster-review',
  },
  'cli.kit.addin': {
    'zh-CN': '已构建的加载项文件夹（npm run build 生成的 dist/）；不给则用 vite 现场构建',
    'en-US': 'an already built add-in folder (dist/ from npm run build); without it, vite builds one',
  },
  'cli.kit.no-national': { 'zh-CN': '加载项中不提供内置国家 2022 版规则', 'en-US': 'do not offer the built-in national 2022 rulebook in the add-in' },
  'cli.kit.building': { 'zh-CN': '正在构建加载项（vite build）…', 'en-US': 'building the add-in (vite build)…' },
  'cli.kit.wrote': {
    'zh-CN': '已写入分发包：{dir}（规则 {id} {edition}，校验码 {fingerprint}；加载项地址 {url}）',
    'en-US': 'wrote the kit: {dir} (rulebook {id} {edition}, fingerprint {fingerprint}; add-in at {url})',
  },
  'cli.kit.office-js': {
    'zh-CN': 'office.js 的来源：bundled（默认，随附一份，内网无需访问互联网；版本较旧，“备注”改用批注会话）或 cdn（微软 CDN，始终最新，评审电脑须能访问互联网）',
    'en-US': 'where office.js comes from: bundled (default: a copy served with the add-in, no internet needed; older, so notes become comment threads) or cdn (Microsoft’s CDN, always current; the reviewers’ machines must reach it)',
  },
  'cli.kit.office-js-invalid': {
    'zh-CN': '--office-js 应为 bundled 或 cdn，收到“{value}”',
    'en-US': '--office-js must be bundled or cdn, got "{value}"',
  },
  'cli.kit.office-js-mismatch': {
    'zh-CN': '{dir} 构建时 office.js 为 {found}，与 --office-js {wanted} 不符；请用 npm run build -- --office-js {wanted} 重新构建，或不给 --addin 由分发包现场构建',
    'en-US': '{dir} was built with office.js {found}, not --office-js {wanted}; rebuild it with npm run build -- --office-js {wanted}, or leave out --addin so the kit builds one',
  },
  'cli.kit.cdn': {
    'zh-CN': 'office.js：来自微软 CDN（--office-js cdn），始终最新；评审电脑须能访问互联网',
    'en-US': 'office.js: from Microsoft’s CDN (--office-js cdn), always current; the reviewers’ machines must reach the internet',
  },
  'cli.kit.bundled': {
    'zh-CN': 'office.js：随附的副本（@microsoft/office-js {version}，--office-js bundled），内网无需访问互联网；该版本不含“备注”，说明改写入批注会话（详见 README 第五节）',
    'en-US': 'office.js: the bundled copy (@microsoft/office-js {version}, --office-js bundled), no internet needed; it has no notes, so explanations go into comment threads (README, section 5)',
  },
  'cli.kit.out-inside-addin': {
    'zh-CN': '分发包文件夹 {dir} 在加载项文件夹 {addin} 之内（或包含它），无法把加载项复制进去；请用 -o 指定加载项文件夹以外的文件夹',
    'en-US': 'the kit folder {dir} is inside the add-in folder {addin} (or holds it), which cannot be copied into it: give a folder outside it with -o',
  },
  'cli.kit.addin-link': {
    'zh-CN': '加载项文件夹 {dir} 中的 {file} 是链接（符号链接）；分发包只复制普通文件和文件夹，链接指向的文件不会被写入，未生成分发包',
    'en-US': '{file} in the add-in folder {dir} is a (symbolic) link; the kit copies plain files and folders only, never writes where a link leads, and was not written',
  },
  'cli.kit.out-link': {
    'zh-CN': '分发包文件夹 {dir} 是链接（符号链接），不是新文件夹；请用 -o 指定新的文件夹',
    'en-US': 'the kit folder {dir} is a (symbolic) link, not a new folder: give a new folder with -o',
  },
  'cli.kit.out-not-folder': {
    'zh-CN': '分发包的输出位置 {dir} 是一个文件，不是文件夹；请用 -o 指定新的文件夹',
    'en-US': 'the kit’s output {dir} is a file, not a folder: give a new folder with -o',
  },
  'cli.kit.out-not-empty': {
    'zh-CN': '分发包文件夹已存在且不为空：{dir}；请用 -o 指定新的文件夹',
    'en-US': 'the kit folder exists and is not empty: {dir}; give a new folder with -o',
  },
  'cli.kit.addin-not-built': {
    'zh-CN': '{dir} 不是已构建的加载项（缺少 taskpane/taskpane.html）；先运行 npm run build，再用 --addin dist',
    'en-US': '{dir} is not a built add-in (no taskpane/taskpane.html); run npm run build, then --addin dist',
  },
  'cli.kit.no-vite': {
    'zh-CN': '未安装 vite（开发依赖），无法构建加载项；请用 --addin 指定已构建的加载项文件夹',
    'en-US': 'vite (a dev dependency) is not installed, so the add-in cannot be built; give a built add-in folder with --addin',
  },
  'cli.kit.base-url-invalid': {
    'zh-CN': '--base-url 应为 https 地址（仅主机和路径，不含 ? 或 #），收到“{value}”',
    'en-US': '--base-url must be an https address (host and path only, no ? or #), got "{value}"',
  },
  'cli.kit.file.template': { 'zh-CN': '指标表模板-{id}-{year}.xlsx', 'en-US': 'indicator-template-{id}-{year}.xlsx' },
});
