/** Words of the application template: 填表说明 and 指标表 (keys template.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import { defineText } from './format.js';

export const TEMPLATE_TEXT = defineText({
  // ── the indicator sheet ──
  /** The official name of the form (《中小企业特色产业集群申报表》), its indicator part. */
  'template.title': {
    'zh-CN': '中小企业特色产业集群申报表（指标数据）',
    'en-US': 'SME characteristic industrial cluster application form (indicator data)',
  },
  'template.colCode': { 'zh-CN': '代码', 'en-US': 'Code' },
  'template.colIndicator': { 'zh-CN': '指标', 'en-US': 'Indicator' },
  'template.colUnit': { 'zh-CN': '单位', 'en-US': 'Unit' },
  'template.colYear': { 'zh-CN': '{year}年', 'en-US': '{year}年' },
  'template.colGuidance': { 'zh-CN': '填报说明', 'en-US': 'Guidance' },
  'template.optional': { 'zh-CN': '（选填）', 'en-US': ' (optional)' },
  // ── the foot of the indicator sheet: where the applicant and the recommending authority stamp (printed, signed by hand) ──
  'template.stampApplicant': { 'zh-CN': '申报单位（盖章）', 'en-US': 'Applicant organisation (seal)' },
  'template.stampApplicantPledge': {
    'zh-CN': '本单位对所填报内容的真实性、准确性负责。\n\n负责人（签字）：',
    'en-US': 'We vouch for the truth and accuracy of what is reported here.\n\nHead (signature):',
  },
  'template.stampRecommender': { 'zh-CN': '推荐单位意见（盖章、日期）', 'en-US': 'Opinion of the recommending authority (seal, date)' },
  'template.stampOpinion': { 'zh-CN': '推荐意见：\n\n\n\n', 'en-US': 'Opinion:\n\n\n\n' },
  'template.stampHead': { 'zh-CN': '负责人（签字）：', 'en-US': 'Head (signature):' },
  'template.stampSeal': { 'zh-CN': '（盖章）\n\n\n\n年    月    日', 'en-US': '(seal)\n\n\n\nDate:' },
  'template.requiredIf': { 'zh-CN': '（{indicator}填“{answer}”时必填）', 'en-US': ' (required when {indicator} is {answer})' },
  'template.guidanceYesNo': { 'zh-CN': '从下拉列表选择“是”或“否”', 'en-US': 'Choose 是 (yes) or 否 (no)' },
  'template.guidancePercent': { 'zh-CN': '填写百分比，如 75%', 'en-US': 'A percentage, e.g. 75%' },
  'template.guidanceInteger': { 'zh-CN': '填写整数', 'en-US': 'A whole number' },
  'template.guidanceIntegerUnit': { 'zh-CN': '填写整数（{unit}）', 'en-US': 'A whole number ({unit})' },
  'template.guidanceNumber': { 'zh-CN': '填写数值', 'en-US': 'A number' },
  'template.guidanceNumberUnit': { 'zh-CN': '填写数值（{unit}）', 'en-US': 'A number ({unit})' },
  'template.guidanceText': { 'zh-CN': '填写文字说明', 'en-US': 'Text' },
  // ── the instructions sheet ──
  'template.instructionsSheet': { 'zh-CN': '填表说明', 'en-US': 'Instructions' },
  'template.instructionsTitle': { 'zh-CN': '填表说明', 'en-US': 'Instructions' },
  'template.rulebookLabel': { 'zh-CN': '适用规则', 'en-US': 'Rulebook' },
  'template.rulebookValue': {
    'zh-CN': '{name}（{edition}，{authority}；规则校验码 {fingerprint}）',
    'en-US': '{name} ({edition}, {authority}; checksum {fingerprint})',
  },
  'template.whoLabel': { 'zh-CN': '谁来填写', 'en-US': 'Who fills it' },
  'template.whoValue': {
    'zh-CN': '由申报集群所在县级中小企业主管部门组织填写“指标表”中浅黄色单元格；灰色单元格和公式由模板维护，请勿修改。',
    'en-US': 'The county-level SME authority of the applying cluster fills the light-yellow cells of the indicator sheet; grey cells and formulas belong to the template.',
  },
  'template.yearsLabel': { 'zh-CN': '数据年度', 'en-US': 'Data years' },
  'template.yearsValue': {
    'zh-CN': '{year}年申报填写近三年数据：{years}年。“申报年度”已填为{year}。只需填一个数值的指标（最近一年数据）填在最后一列（{latest}年），填在其他年度列的数值不予采用。',
    'en-US':
      'A {year} application reports the last three years: {years}. The application year is filled in as {year}. Indicators with a single value (the latest year) go in the last column ({latest}); a value in another year column is not used.',
  },
  'template.unitsLabel': { 'zh-CN': '单位', 'en-US': 'Units' },
  'template.unitsValue': {
    'zh-CN': '按“单位”列填写，如“亿元”“万元”“家”。填写其他单位（如在亿元行填“4500万元”）会被换算并提示确认。',
    'en-US': 'Use the unit of the row (亿元, 万元, 家 …). Another unit (e.g. 4500万元 in an 亿元 row) is converted and flagged for confirmation.',
  },
  'template.yesNoLabel': { 'zh-CN': '是 / 否', 'en-US': '是 / 否' },
  'template.yesNoValue': {
    'zh-CN': '从下拉列表选择“是”或“否”。“是”表示存在该情形或已建立该机制；不得留空——空白不视为“否”。',
    'en-US': 'Choose 是 (yes) or 否 (no). A blank is never read as 否.',
  },
  'template.percentLabel': { 'zh-CN': '百分比', 'en-US': 'Percentages' },
  'template.percentValue': {
    'zh-CN': '直接填写如 75%（单元格已设为百分比格式）。不带%的数字含义不明，核验时会按规则理解并提示确认。',
    'en-US': 'Type e.g. 75% (the cells are percent-formatted). A number without % is ambiguous and is flagged for confirmation.',
  },
  'template.computedLabel': { 'zh-CN': '计算项', 'en-US': 'Computed rows' },
  'template.computedValue': {
    'zh-CN': '“产值年均增速”“每万人有效发明专利拥有量”由公式计算，核验时会重新计算。',
    'en-US': 'Average annual output growth and valid invention patents per 10,000 employees are formulas; the review recomputes them.',
  },
  'template.conditionalLabel': { 'zh-CN': '条件必填', 'en-US': 'Conditional rows' },
  'template.conditionalValue': {
    'zh-CN': '标注“某项填‘是’时必填”的指标，在该项填“是”时必须填写。',
    'en-US': 'Rows marked “required when … is 是” must be filled when that answer is 是.',
  },
  'template.vetoLabel': { 'zh-CN': '一票否决', 'en-US': 'Veto questions' },
  'template.vetoValue': {
    'zh-CN': '以下情形近三年如有发生，填“是”将导致一票否决：{vetoes}。',
    'en-US': 'Answering 是 to any of these rejects the application: {vetoes}.',
  },
  'template.rowsLabel': { 'zh-CN': '行与代码', 'en-US': 'Rows and codes' },
  'template.rowsValue': {
    'zh-CN': '请勿修改“代码”列。各省可在表中插入本省补充指标行（使用新的代码），不影响核验；请勿合并数据单元格。',
    'en-US': 'Do not change the code column. Provinces may insert rows of their own with new codes; do not merge data cells.',
  },
  'template.vetoSep': { 'zh-CN': '；', 'en-US': '; ' },
  // Name lists (名单) on their own sheets.
  'template.listsLabel': { 'zh-CN': '企业和平台名单', 'en-US': 'Name lists' },
  'template.listsValue': {
    'zh-CN': '在各名单工作表（{sheets}）逐行填写企业或平台的名称、18位统一社会信用代码、级别和认定年份。名单的家数应与指标表中对应的数量一致；专精特新中小企业、创新型中小企业、国家级高新技术企业三个名单按统一社会信用代码去重后的合计应与2.6一致。',
    'en-US': 'On each list sheet ({sheets}) enter one enterprise or platform per row: name, 18-character unified social credit code, level and year. Each list must hold as many entries as its count on the indicator sheet; the three lists of 2.3–2.5 de-duplicated by credit code must give 2.6.',
  },
  'template.listColSeq': { 'zh-CN': '序号', 'en-US': 'No.' },
  'template.listColEnterprise': { 'zh-CN': '企业名称', 'en-US': 'Enterprise name' },
  'template.listColPlatform': { 'zh-CN': '平台名称', 'en-US': 'Platform name' },
  'template.listColCode': { 'zh-CN': '统一社会信用代码', 'en-US': 'Unified social credit code' },
  'template.listColHostCode': { 'zh-CN': '依托单位统一社会信用代码', 'en-US': 'Credit code of the host organisation' },
  'template.listColLevel': { 'zh-CN': '级别', 'en-US': 'Level' },
  'template.listColYear': { 'zh-CN': '认定年份', 'en-US': 'Year recognised' },
  'template.listColRemark': { 'zh-CN': '备注', 'en-US': 'Remarks' },
  'template.listCountOf': { 'zh-CN': '（家数应与指标表{code}一致）', 'en-US': ' (as many as {code} on the indicator sheet)' },
  'template.listCodePrompt': { 'zh-CN': '18位统一社会信用代码（数字和大写字母）', 'en-US': '18-character unified social credit code (digits and capital letters)' },
  'template.listYearPrompt': { 'zh-CN': '认定年份，如2023', 'en-US': 'Year recognised, e.g. 2023' },
  // The three-year plan's quantified targets and the index of supporting documents.
  'template.planTitle': { 'zh-CN': '三年发展规划量化目标（供复核）', 'en-US': 'Three-year plan: quantified targets (for renewal review)' },
  'template.planColCurrent': { 'zh-CN': '{year}年实际值（基期）', 'en-US': '{year} actual (base year)' },
  'template.planGuideHigher': { 'zh-CN': '填写各年目标值（不应低于基期实际值）', 'en-US': 'Target for each year (not below the current figure)' },
  'template.planGuideLower': { 'zh-CN': '填写各年目标值（以降低为好，不应高于基期实际值）', 'en-US': 'Target for each year (to fall: not above the current figure)' },
  'template.planLabel': { 'zh-CN': '规划目标', 'en-US': 'Plan targets' },
  'template.planValue': {
    'zh-CN': '在“{sheet}”工作表填写三年发展规划中各项指标{years}年的量化目标（数值，单位同指标表）。“实际值（基期）”列取自指标表最近一年的数据。认定后的年度监测和到期复核将按这些目标核对完成情况。',
    'en-US': 'On “{sheet}” give the three-year plan\'s quantified target of each indicator for {years} (numbers, in the indicator sheet\'s units). The current figure comes from the indicator sheet. Annual monitoring and the renewal review measure completion against these targets.',
  },
  'template.evidenceTitle': { 'zh-CN': '佐证材料目录（标准{criteria}均应有对应材料）', 'en-US': 'Index of supporting documents (each of criteria {criteria} needs one)' },
  'template.evidenceColName': { 'zh-CN': '材料名称', 'en-US': 'Document' },
  'template.evidenceColCode': { 'zh-CN': '对应指标', 'en-US': 'Indicator' },
  'template.evidenceColPage': { 'zh-CN': '页码/文件名', 'en-US': 'Page / file name' },
  'template.evidenceLabel': { 'zh-CN': '佐证材料', 'en-US': 'Supporting documents' },
  'template.evidenceValue': {
    'zh-CN': '在“{sheet}”工作表逐行列出佐证材料：材料名称、对应指标、页码或文件名。对应指标填写指标代码（如1.6）、检查编号或标准编号（如4），多个用“、”分隔。标准{criteria}每项至少应有一份材料。',
    'en-US': 'On “{sheet}” list the supporting documents, one per row: name, the indicators it supports, page or file name. Name an indicator code (e.g. 1.6), a check id or a criterion (e.g. 4), several separated by 、. Each of criteria {criteria} needs one document at least.',
  },
});
