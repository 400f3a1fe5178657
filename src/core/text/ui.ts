/** Words the product shows around findings: verdicts, statuses, results. zh-CN first, en-US second. */
import type { TextTable } from './format.js';

export const UI_TEXT = {
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
} as const satisfies TextTable;
