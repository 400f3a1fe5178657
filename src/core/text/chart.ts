/** Words of the live charts in the workbooks the tool writes and in the pane (keys chart.*). zh-CN first, en-US second. */
import { defineText } from './format.js';

export const CHART_TEXT = defineText({
  // The committee list (推荐汇总 of a tally).
  'chart.committee.title': { 'zh-CN': '专家组评分与推荐意见', 'en-US': 'Panel scores and recommendations' },
  'chart.committee.x': { 'zh-CN': '申报集群（按推荐汇总表顺序）', 'en-US': 'Applications (in the order of the list)' },
  'chart.committee.y': { 'zh-CN': '专家组评分', 'en-US': 'Panel score' },
  // The pending bars gather every reason (待评分, 待补充材料, …); the list says each application's own.
  'chart.committee.pending': { 'zh-CN': '待定', 'en-US': 'Pending' },
  'chart.committee.cut': { 'zh-CN': '推荐分数线（{cut}分）', 'en-US': 'Cut line ({cut})' },
  'chart.committee.quota': { 'zh-CN': '名额线（以上推荐{n}个，名额{quota}）', 'en-US': 'Quota line ({n} recommended above, quota {quota})' },
  'chart.committee.alt': {
    'zh-CN': '柱形图：{n}个申报集群的专家组评分，按推荐汇总表顺序排列，颜色表示推荐结果；横线为推荐分数线{cut}分，竖线为名额线。数据见本表各行。',
    'en-US': 'Column chart: the panel scores of {n} applications in the order of the list, coloured by recommendation; the horizontal line is the cut line ({cut}), the vertical line the quota line. The figures are in the rows of this sheet.',
  },
  // The summary 评审汇总.
  'chart.summary.criteria.title': { 'zh-CN': '各专家分项评分与权重', 'en-US': "Each expert's criterion scores against the weight" },
  'chart.summary.criteria.x': { 'zh-CN': '评审标准', 'en-US': 'Criterion' },
  'chart.summary.criteria.y': { 'zh-CN': '分值', 'en-US': 'Points' },
  'chart.summary.weight': { 'zh-CN': '权重（满分）', 'en-US': 'Weight (full marks)' },
  'chart.summary.totals.title': { 'zh-CN': '各专家总分', 'en-US': "Each expert's total" },
  'chart.summary.totals.x': { 'zh-CN': '专家', 'en-US': 'Expert' },
  'chart.summary.totals.y': { 'zh-CN': '总分（满分{max}）', 'en-US': 'Total (of {max})' },
  'chart.summary.totals.series': { 'zh-CN': '总分', 'en-US': 'Total' },
  'chart.summary.alt': {
    'zh-CN': '图表：各专家对{n}项评审标准的评分（点）与该项权重（灰色柱），及各专家总分（柱）。数据见上方评分表。',
    'en-US': "Charts: each expert's score on the {n} criteria (points) against the criterion's weight (grey columns), and each expert's total (columns). The figures are in the scoring table above.",
  },
  // Monitoring: the register's charts sheet and the renewal record.
  'chart.monitor.sheet': { 'zh-CN': '监测图表', 'en-US': 'Monitoring charts' },
  'chart.monitor.heading': { 'zh-CN': '{name}：主要指标完成规划目标情况', 'en-US': '{name}: key indicators against the plan targets' },
  'chart.monitor.x': { 'zh-CN': '年度', 'en-US': 'Year' },
  'chart.monitor.y': { 'zh-CN': '实际值占规划目标（%）', 'en-US': 'Actual as share of plan target (%)' },
  'chart.monitor.target': { 'zh-CN': '规划目标（100%）', 'en-US': 'Plan target (100%)' },
  'chart.monitor.colYear': { 'zh-CN': '年度', 'en-US': 'Year' },
  'chart.monitor.colActual': { 'zh-CN': '{label}实际（{unit}）', 'en-US': '{label}: actual ({unit})' },
  'chart.monitor.colTarget': { 'zh-CN': '{label}目标（{unit}）', 'en-US': '{label}: target ({unit})' },
  'chart.monitor.colShare': { 'zh-CN': '{label}完成率', 'en-US': '{label}: share of target' },
  'chart.monitor.none': { 'zh-CN': '所报年度均无规划目标，无图表。', 'en-US': 'No plan targets in the years reported: no chart.' },
  'chart.monitor.alt': {
    'zh-CN': '柱形图：{name}各年度主要指标实际值占规划目标的比例，横线100%为规划目标。数据见图表上方的表格。',
    'en-US': '{name}: column chart of the key indicators each year as a share of the plan target, the line at 100% being the target. The figures are in the table above the chart.',
  },
  // The batch roll-up's charts sheet.
  'chart.rollup.sheet': { 'zh-CN': '统计图', 'en-US': 'Charts' },
  'chart.rollup.title': { 'zh-CN': '推荐汇总统计图', 'en-US': 'Roll-up charts' },
  'chart.rollup.verdicts.title': { 'zh-CN': '核验结论分布', 'en-US': 'Verdicts by count' },
  'chart.rollup.verdicts.x': { 'zh-CN': '核验结论', 'en-US': 'Verdict' },
  'chart.rollup.verdicts.y': { 'zh-CN': '申报数（个）', 'en-US': 'Applications' },
  'chart.rollup.colVerdict': { 'zh-CN': '核验结论', 'en-US': 'Verdict' },
  'chart.rollup.colCount': { 'zh-CN': '申报数', 'en-US': 'Applications' },
  'chart.rollup.near.title': { 'zh-CN': '最接近门槛的指标', 'en-US': 'Indicators nearest their thresholds' },
  'chart.rollup.near.x': { 'zh-CN': '申报集群 · 指标', 'en-US': 'Application · indicator' },
  'chart.rollup.near.y': { 'zh-CN': '距门槛（%，负数为未达到）', 'en-US': 'Margin to the threshold (%, negative: not met)' },
  'chart.rollup.near.series': { 'zh-CN': '距门槛', 'en-US': 'Margin' },
  'chart.rollup.colItem': { 'zh-CN': '申报集群 · 指标', 'en-US': 'Application · indicator' },
  'chart.rollup.colValue': { 'zh-CN': '申报值', 'en-US': 'Value' },
  'chart.rollup.colBound': { 'zh-CN': '门槛', 'en-US': 'Threshold' },
  'chart.rollup.colMargin': { 'zh-CN': '距门槛', 'en-US': 'Margin' },
  'chart.rollup.noNear': { 'zh-CN': '没有可比较门槛的指标。', 'en-US': 'No indicator with a threshold to compare.' },
  'chart.rollup.alt': {
    'zh-CN': '柱形图：{n}份申报的核验结论分布，以及最接近门槛的{m}项指标（距门槛的百分比）。数据见各图上方的表格。',
    'en-US': 'Column charts: the verdicts of {n} applications by count, and the {m} indicators nearest their thresholds (margin in percent). The figures are in the tables above the charts.',
  },
  // The pane.
  'chart.pane.title': { 'zh-CN': '专家组评分图', 'en-US': 'Panel scores chart' },
  'chart.pane.loading': { 'zh-CN': '正在载入图表…', 'en-US': 'Loading the chart…' },
  'chart.pane.empty': { 'zh-CN': '尚无专家评分。', 'en-US': 'No expert has scored yet.' },
  'chart.pane.tableCaption': { 'zh-CN': '各专家总分（图表的文字说明）', 'en-US': "Each expert's total (the chart's text equivalent)" },
  'chart.pane.colExpert': { 'zh-CN': '专家', 'en-US': 'Expert' },
  'chart.pane.colTotal': { 'zh-CN': '总分', 'en-US': 'Total' },
  'chart.pane.recused': { 'zh-CN': '回避', 'en-US': 'Recused' },
  'chart.pane.incomplete': { 'zh-CN': '未评完', 'en-US': 'Incomplete' },
  'chart.pane.alt': {
    'zh-CN': '条形图：{n}位专家的总分（满分{max}），专家组评分{score}。',
    'en-US': 'Bar chart: the totals of {n} experts (of {max}); panel score {score}.',
  },
  'chart.pane.insert': { 'zh-CN': '在工作表中插入图表', 'en-US': 'Insert the chart into the sheet' },
  'chart.pane.inserted': { 'zh-CN': '已在“{sheet}”插入评分图表（与单元格联动）。', 'en-US': 'A live score chart was inserted on “{sheet}”.' },
  'chart.pane.noNative': {
    'zh-CN': '此版本的 Excel 不支持由加载项插入图表（需要 ExcelApi 1.1 图表接口），请使用窗格中的图表。',
    'en-US': 'This Excel cannot insert a chart from an add-in (the ExcelApi chart API is missing); use the chart in the pane.',
  },
  'chart.pane.noSummary': { 'zh-CN': '请先写入评审汇总。', 'en-US': 'Write the summary first.' },
});
