/** Words the product shows around findings: verdicts, statuses, results. zh-CN first, en-US second. */
import { defineText } from './format.js';

export const UI_TEXT = defineText({
  'verdict.vetoed': { 'zh-CN': '一票否决', 'en-US': 'Vetoed' },
  'verdict.ineligible': { 'zh-CN': '不符合申报条件', 'en-US': 'Not eligible to apply' },
  'verdict.failed': { 'zh-CN': '未达标', 'en-US': 'Criteria not met' },
  'verdict.incomplete': { 'zh-CN': '数据不全', 'en-US': 'Data incomplete' },
  'verdict.passed': { 'zh-CN': '通过自动核验', 'en-US': 'Passed automated checks' },
  'status.pass': { 'zh-CN': '达标', 'en-US': 'Pass' },
  'status.fail': { 'zh-CN': '不达标', 'en-US': 'Fail' },
  'status.veto': { 'zh-CN': '一票否决', 'en-US': 'Veto' },
  'status.warn': { 'zh-CN': '提示', 'en-US': 'Warning' },
  'status.missing': { 'zh-CN': '缺失', 'en-US': 'Missing' },
  'status.invalid': { 'zh-CN': '无效', 'en-US': 'Invalid' },
  'status.review': { 'zh-CN': '待专家评议', 'en-US': 'For expert review' },
  'status.na': { 'zh-CN': '不适用', 'en-US': 'Not applicable' },
  'result.pass': { 'zh-CN': '达标', 'en-US': 'Met' },
  'result.fail': { 'zh-CN': '不达标', 'en-US': 'Not met' },
  'result.incomplete': { 'zh-CN': '数据不全', 'en-US': 'Incomplete' },
  'result.veto': { 'zh-CN': '一票否决', 'en-US': 'Veto' },
  // A summary's own recommendation (its score against the cut line): the committee list's words (committee.*).
  'recommendation.recommended': { 'zh-CN': '达到推荐分数线', 'en-US': 'At or above the cut line' },
  'recommendation.not-recommended': { 'zh-CN': '未达推荐分数线', 'en-US': 'Below the cut line' },
  'recommendation.pending': { 'zh-CN': '待定（待评分）', 'en-US': 'Pending (awaiting scores)' },
  'print.page': { 'zh-CN': '第 {page} 页', 'en-US': 'Page {page}' },
  'print.legendTitle': { 'zh-CN': '标记颜色说明', 'en-US': 'Flag colours' },
  'print.legendNote': { 'zh-CN': '标记单元格的批注写明原因', 'en-US': 'The note on a flagged cell says why' },
  // What is wrong with a credit code on a name list, by the reader's problem (src/core/sheet/credit-code.ts): message credit-code-invalid.
  'credit-code.length': { 'zh-CN': '不是18位', 'en-US': 'does not have 18 characters' },
  'credit-code.number': { 'zh-CN': '是以数字形式填写的（表格软件只保留15位有效数字，末几位已丢失），请把该单元格设为文本后重新填写', 'en-US': 'was typed as a number (a spreadsheet keeps 15 significant digits, so its last digits are lost): format the cell as text and type it again' },
  'credit-code.charset': { 'zh-CN': '含有统一社会信用代码不使用的字符（只用数字和除I、O、S、V、Z以外的大写字母）', 'en-US': 'has characters a credit code never uses (digits and capital letters other than I, O, S, V, Z only)' },
  'credit-code.all-zero': { 'zh-CN': '全为0，不是有效代码', 'en-US': 'is all zeros, not a valid code' },
  'credit-code.registration-type': { 'zh-CN': '第1—2位不是GB 32100—2015规定的登记管理部门代码和机构类别代码', 'en-US': 'does not begin with a registration-authority and body-type code of GB 32100-2015 (positions 1–2)' },
  'credit-code.division': { 'zh-CN': '第3—8位不是有效的六位行政区划代码', 'en-US': 'has no valid six-digit administrative-division code in positions 3–8' },
  'credit-code.organisation-code': { 'zh-CN': '组织机构代码校验码错误（按GB 11714，第17位应为“{expected}”）', 'en-US': 'has a wrong organisation-code check character (GB 11714: the 17th should be “{expected}”)' },
  'credit-code.check-digit': { 'zh-CN': '校验码错误（按GB 32100—2015，第18位应为“{expected}”）', 'en-US': 'has a wrong check character (GB 32100-2015: the 18th should be “{expected}”)' },
});
