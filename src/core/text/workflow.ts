/** Words of warnings of the review workflow shared by every adapter (keys warning.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import { defineText } from './format.js';

export const WORKFLOW_TEXT = defineText({
  'warning.in-file': { 'zh-CN': '{file}：{text}', 'en-US': '{file}: {text}' },
  'warning.template-rulebook-differs': {
    'zh-CN': '模板所依据规则为 {id} {edition}（{fingerprint}），与适用规则不同；已按适用规则核验',
    'en-US': 'the template was built from rulebook {id} {edition} ({fingerprint}), not the rulebook in force; checked under the rulebook in force',
  },
  'warning.merged-inputs': {
    'zh-CN': '工作表“{sheet}”在填报单元格上有合并单元格：{ranges}；合并区域只读取左上角单元格，其余视为未填写。请取消合并，每个年度一个单元格',
    'en-US': 'sheet “{sheet}” has merged cells over input cells: {ranges}; only the top-left cell of each is read, the others count as empty. Unmerge them, one cell per year',
  },
  'warning.macros-dropped': {
    'zh-CN': '含宏（.xlsm），本工具从不运行宏；核验副本另存为 .xlsx，不含宏',
    'en-US': 'contains macros (.xlsm); macros are never run, and the reviewed copy is saved as .xlsx without them',
  },
  'warning.parts-read-around': {
    'zh-CN': '含工作簿读取库无法解析的部件（{parts}；{detail}），已绕过读取；Excel 与 LibreOffice 可正常打开，这些部件原样保留在核验副本中',
    'en-US': 'has parts the workbook library cannot parse ({parts}; {detail}); they were read around — Excel and LibreOffice open them — and are carried into the reviewed copy unchanged',
  },
  'warning.unsupported-content': {
    'zh-CN': '含{parts}，核验副本中将不包含这些内容（原文件不受影响）',
    'en-US': 'contains {parts}; the reviewed copy omits them (the original is untouched)',
  },
  'warning.record-damaged': {
    'zh-CN': '工作簿中的评审记录（隐藏工作表 _cluster_review）已损坏或不完整，已忽略；此前的标记无法据此恢复',
    'en-US': 'the review record in the workbook (hidden sheet _cluster_review) is damaged or incomplete and was ignored; earlier flags cannot be restored from it',
  },
  'warning.prior-review-content': {
    'zh-CN': '提交的文件中已含评审内容，请核实来源（工作表“{sheet}”非本工具所写或已被改动，其中的评分、结论和签名未带入新的评审汇总，原表保留不变）',
    'en-US': 'The submitted file already contains review content; verify where it came from (sheet “{sheet}” was not written by this tool or was altered; its scores, decision and signatures are not carried into the new summary, and the sheet is left as it was)',
  },
  'warning.summary-duplicate': {
    'zh-CN': '工作表“{sheet}”是两位专家同时写入评审汇总时由本工具另建的重复汇总表；再点“写入评审汇总”即并为一张（其中的评分、意见等一并带入）',
    'en-US': 'sheet “{sheet}” is a second summary the tool wrote when two experts wrote the summary at once; 写入评审汇总 (Write summary) again folds it into one (its scores, opinions and notes carried over)',
  },
  'warning.summary-duplicate-removed': {
    'zh-CN': '两位专家同时写入评审汇总，产生了重复的“{sheet}”；该表无人填写，其专家已并入“{into}”，重复表已删除',
    'en-US': 'two experts wrote the summary at once, which left a second sheet “{sheet}”; no one had entered anything in it: its experts are now in “{into}” and the duplicate was deleted',
  },
  'warning.summary-duplicate-kept': {
    'zh-CN': '两位专家同时写入评审汇总，产生了重复的“{sheet}”；其中有人填写的评分、意见和批注已带入“{into}”中尚空的单元格，两表不一致之处以“{into}”为准。该表有人填写过，故保留不删，请核对后自行删除',
    'en-US': 'two experts wrote the summary at once, which left a second sheet “{sheet}”; the scores, opinions and notes entered there were carried into the cells of “{into}” that were blank, and where the two differ “{into}” stands. As people entered them there, the sheet is kept: check it, then delete it yourself',
  },
  'warning.data-changed': {
    'zh-CN': '提交的文件中已含评审内容，请核实来源：填报的数据（指标，以及名单、规划目标、佐证材料目录）自 {checkedAt} 首次核验后已被修改，此前的评分、结论和签名针对的是修改前的数据',
    'en-US': 'The submitted file already contains review content; verify where it came from: the data filled in (the indicators, and any name lists, plan targets and index of supporting documents) changed since first checked ({checkedAt}); earlier scores, decision and signatures were given on the data before the change',
  },
  'warning.flag-edited': {
    'zh-CN': '单元格 {cells} 的标记已被人修改（填充色或批注），修改内容予以保留，未被清除',
    'en-US': 'the flags of cells {cells} were changed by someone (fill or note); their changes are kept, not removed',
  },
  'warning.cell-truncated': {
    'zh-CN': '{n} 个单元格的文字超过 Excel 上限 32,767 个字符，已截断并以“…[已截断]”标明',
    'en-US': '{n} cells held text beyond Excel’s limit of 32,767 characters; cut and marked “…[truncated]”',
  },
  'warning.thread-kept': {
    'zh-CN': '单元格 {cells} 上有批注会话（已有人回复，或不能再加批注），会话予以保留，本工具的说明见评审汇总和任务窗格',
    'en-US': 'cells {cells} carry a comment thread (replied to, or no note can go beside it); the thread is kept, and the tool’s explanation is in the summary and the pane',
  },
  'warning.thread-refused': {
    'zh-CN': 'Excel 未能在单元格 {cells} 上添加批注会话（单元格上可能已有申报单位的“备注”，此版本 Excel 无法读取或替换它）：这些单元格已按状态标色并记入标记记录，原有备注保留，本工具的说明见任务窗格的问题列表和评审汇总',
    'en-US': 'Excel refused a comment thread on cells {cells} (the cell may hold an applicant’s legacy note, which this Excel cannot read or replace): they are coloured by status and recorded like every flag, the note is kept, and the tool’s explanation is in the pane’s findings and the summary',
  },
  'warning.expert-header-edited': {
    'zh-CN': '评审汇总中的专家栏标题已被人修改（{edits}）：按修改采用新名称为专家姓名，评分、回避与签名保留，并记入变更记录',
    'en-US': 'expert column headers in the summary were changed by someone ({edits}): the new names are taken as the experts’ names, scores, recusal and signatures kept, and the change recorded',
  },
  'warning.expert-header-kept': {
    'zh-CN': '评审汇总中的专家栏标题被改为空白或其他专家的姓名，无法采用，已恢复原名（{edits}）',
    'en-US': 'expert column headers in the summary were cleared or given another expert’s name, which cannot be taken; the recorded names are shown again ({edits})',
  },
  'warning.legend-skipped': {
    'zh-CN': '工作表“{sheet}”中用于标记颜色说明的区域 {range} 已有内容（{cells}），说明未写入，原内容保留',
    'en-US': 'the area {range} of sheet “{sheet}” meant for the legend of flag colours is not free ({cells}); the legend was not written, and what is there is kept',
  },
  'warning.legend-edited': {
    'zh-CN': '本工具写入的标记颜色说明（单元格 {cells}）已被人修改，修改内容予以保留，未被清除',
    'en-US': 'the legend of flag colours the tool wrote (cells {cells}) was changed by someone; their changes are kept, not removed',
  },
  'warning.read-only': {
    'zh-CN': '未能写入标记（{reason}），以下为只读的完整评审结果',
    'en-US': 'flags could not be written ({reason}); the whole review is shown below, read-only',
  },
  'warning.part.charts': { 'zh-CN': '图表', 'en-US': 'charts' },
  'warning.part.chartsheets': { 'zh-CN': '图表工作表', 'en-US': 'chart sheets' },
  'warning.part.pivot-tables': { 'zh-CN': '数据透视表', 'en-US': 'pivot tables' },
  'warning.part.slicers': { 'zh-CN': '切片器', 'en-US': 'slicers' },
  'warning.part.timelines': { 'zh-CN': '日程表', 'en-US': 'timelines' },
  'warning.part.drawings': { 'zh-CN': '图形', 'en-US': 'drawings' },
  'warning.part.external-links': { 'zh-CN': '外部链接', 'en-US': 'external links' },
  'warning.part.activex-controls': { 'zh-CN': 'ActiveX 控件', 'en-US': 'ActiveX controls' },
  'warning.part.form-controls': { 'zh-CN': '表单控件', 'en-US': 'form controls' },
  'warning.part.threaded-comments': { 'zh-CN': '批注会话', 'en-US': 'threaded comments' },
});
