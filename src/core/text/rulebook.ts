/** Words of rulebook problems and rulebook show (keys rulebook.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const RULEBOOK_TEXT = {
  // The whole error, as an exception's message.
  'rulebook.invalid': { 'zh-CN': '规则文件无效（{n} 个问题）', 'en-US': 'the rulebook is not valid ({n} problems)' },
  'rulebook.invalid.one': { 'zh-CN': '规则文件无效（1 个问题）', 'en-US': 'the rulebook is not valid (1 problem)' },

  // Where a problem is: the entry named by its id and title, then the field inside it.
  'rulebook.where.check': { 'zh-CN': '检查 {id}（{title}）', 'en-US': 'check {id} ({title})' },
  'rulebook.where.check-id': { 'zh-CN': '检查 {id}', 'en-US': 'check {id}' },
  'rulebook.where.check-unnamed': { 'zh-CN': '第 {n} 项检查', 'en-US': 'check no. {n}' },
  'rulebook.where.indicator': { 'zh-CN': '指标 {id}（{title}）', 'en-US': 'indicator {id} ({title})' },
  'rulebook.where.indicator-id': { 'zh-CN': '指标 {id}', 'en-US': 'indicator {id}' },
  'rulebook.where.indicator-unnamed': { 'zh-CN': '第 {n} 个指标', 'en-US': 'indicator no. {n}' },
  'rulebook.where.criterion': { 'zh-CN': '标准 {id}（{title}）', 'en-US': 'criterion {id} ({title})' },
  'rulebook.where.criterion-id': { 'zh-CN': '标准 {id}', 'en-US': 'criterion {id}' },
  'rulebook.where.criterion-unnamed': { 'zh-CN': '第 {n} 项标准', 'en-US': 'criterion no. {n}' },
  'rulebook.where.group': { 'zh-CN': '分组 {id}（{title}）', 'en-US': 'group {id} ({title})' },
  'rulebook.where.group-id': { 'zh-CN': '分组 {id}', 'en-US': 'group {id}' },
  'rulebook.where.group-unnamed': { 'zh-CN': '第 {n} 个分组', 'en-US': 'group no. {n}' },
  'rulebook.where.root': { 'zh-CN': '规则文件', 'en-US': 'the rulebook' },
  'rulebook.where.field': { 'zh-CN': '{where}的{field}', 'en-US': '{where}, {field}' },
  // After a bare id ("检查 1.1"), Chinese needs a space before 的 as well.
  'rulebook.where.field-after-id': { 'zh-CN': '{where} 的{field}', 'en-US': '{where}, {field}' },
  'rulebook.field.named': { 'zh-CN': '{word}（{path}）', 'en-US': '{word} ({path})' },
  'rulebook.problem': { 'zh-CN': '{where}：{detail}', 'en-US': '{where}: {detail}' },

  // Field words, by the last key of a path; a key without an entry is shown as written.
  'rulebook.field.bound': { 'zh-CN': '阈值', 'en-US': 'threshold' },
  'rulebook.field.op': { 'zh-CN': '比较方式', 'en-US': 'comparison' },
  'rulebook.field.id': { 'zh-CN': '编号', 'en-US': 'id' },
  'rulebook.field.title': { 'zh-CN': '标题', 'en-US': 'title' },
  'rulebook.field.criterion': { 'zh-CN': '所属标准', 'en-US': 'criterion' },
  'rulebook.field.kind': { 'zh-CN': '类型', 'en-US': 'kind' },
  'rulebook.field.rule': { 'zh-CN': '规则', 'en-US': 'rule' },
  'rulebook.field.indicator': { 'zh-CN': '指标', 'en-US': 'indicator' },
  'rulebook.field.weight': { 'zh-CN': '分值', 'en-US': 'weight' },
  'rulebook.field.unit': { 'zh-CN': '单位', 'en-US': 'unit' },
  'rulebook.field.code': { 'zh-CN': '代码', 'en-US': 'code' },
  'rulebook.field.label': { 'zh-CN': '名称', 'en-US': 'label' },
  'rulebook.field.name': { 'zh-CN': '名称', 'en-US': 'name' },
  'rulebook.field.group': { 'zh-CN': '所属分组', 'en-US': 'group' },
  'rulebook.field.edition': { 'zh-CN': '版本', 'en-US': 'edition' },
  'rulebook.field.requirement': { 'zh-CN': '要求', 'en-US': 'requirement' },
  'rulebook.field.series': { 'zh-CN': '逐年填报', 'en-US': 'series' },
  'rulebook.field.min': { 'zh-CN': '下限', 'en-US': 'minimum' },
  'rulebook.field.max': { 'zh-CN': '上限', 'en-US': 'maximum' },
  'rulebook.field.required': { 'zh-CN': '必填', 'en-US': 'required' },
  'rulebook.field.spreadShare': { 'zh-CN': '极差占分值比例', 'en-US': 'spread share' },
  'rulebook.field.minMeanTotal': { 'zh-CN': '推荐分数线', 'en-US': 'cut line' },
  'rulebook.field.monitoringDeadline': { 'zh-CN': '年度监测截止日', 'en-US': 'monitoring deadline' },
  'rulebook.field.firstBatchYear': { 'zh-CN': '首批申报年度', 'en-US': 'first-batch year' },

  // What is wrong: problems found after the shape is valid (cross-references, bounds).
  // Refused before the schema runs: a number JSON cannot hold (1e400 reads as Infinity), nesting no rulebook has.
  'rulebook.code.number-out-of-range': {
    'zh-CN': '数值超出范围（{found}）：写成普通大小的数',
    'en-US': 'number out of range ({found}): write a number of ordinary size',
  },
  'rulebook.code.too-deep': {
    'zh-CN': '嵌套过深（超过 {max} 层；真实的规则文件不超过 10 层）',
    'en-US': 'nested too deep (more than {max} levels; a real rulebook has at most 10)',
  },
  'rulebook.code.indicator-twice': { 'zh-CN': '指标代码“{code}”重复出现', 'en-US': 'indicator code "{code}" appears twice' },
  'rulebook.code.unknown-unit': { 'zh-CN': '未知单位“{unit}”', 'en-US': 'unknown unit "{unit}"' },
  'rulebook.code.series-not-allowed': { 'zh-CN': '{kind} 类指标不能逐年填报', 'en-US': 'a {kind} indicator cannot be a series' },
  'rulebook.code.percent-unit': { 'zh-CN': '百分比指标的单位应为“%”或不写', 'en-US': 'a percent indicator has unit "%" or none' },
  'rulebook.code.min-above-max': { 'zh-CN': '下限 {min} 高于上限 {max}', 'en-US': 'min {min} is above max {max}' },
  'rulebook.code.derived-required': { 'zh-CN': '计算得出的指标不能设为必填', 'en-US': 'a derived indicator is computed, so it cannot be required' },
  'rulebook.code.unknown-indicator': { 'zh-CN': '没有指标“{code}”', 'en-US': 'no indicator "{code}"' },
  'rulebook.code.not-yesno': { 'zh-CN': '“{code}”不是是/否类指标', 'en-US': '"{code}" is not a yes/no indicator' },
  'rulebook.code.criterion-twice': { 'zh-CN': '标准“{id}”重复出现', 'en-US': 'criterion "{id}" appears twice' },
  'rulebook.code.unknown-group': { 'zh-CN': '没有标准或分组“{id}”', 'en-US': 'no criterion or group "{id}"' },
  'rulebook.code.application-year': {
    'zh-CN': '“{code}”应为单个整数指标（申报年度）',
    'en-US': '"{code}" must be a single integer indicator (the application year)',
  },
  'rulebook.code.check-twice': { 'zh-CN': '检查“{id}”重复出现', 'en-US': 'check "{id}" appears twice' },
  'rulebook.code.need-yesno': { 'zh-CN': '本规则要求“{code}”为是/否类指标', 'en-US': '"{code}" must be a yes/no indicator for this rule' },
  'rulebook.code.need-numeric': {
    'zh-CN': '本规则要求“{code}”为数值类指标（现为 {kind}）',
    'en-US': '"{code}" must be a numeric indicator for this rule (it is {kind})',
  },
  'rulebook.code.need-series': {
    'zh-CN': '本规则要求“{code}”逐年填报（每个年度一个值）',
    'en-US': '"{code}" must be a series (one value per year) for this rule',
  },
  'rulebook.code.percent-bound': {
    'zh-CN': '百分比阈值应写成小数：15% 写作 0.15（现为 {found}）',
    'en-US': 'percent bounds are fractions: write 0.15 for 15% (found {found})',
  },
  'rulebook.code.share-bound': {
    'zh-CN': '占比阈值应为 0 到 1 之间的小数：70% 写作 0.7（现为 {found}）',
    'en-US': 'share bounds are fractions from 0 to 1: write 0.7 for 70% (found {found})',
  },
  'rulebook.code.growth-bound': {
    'zh-CN': '增长率阈值应写成小数：10% 写作 0.1（现为 {found}）',
    'en-US': 'growth bounds are fractions: write 0.1 for 10% (found {found})',
  },
  'rulebook.code.first-batch-needed': {
    'zh-CN': '全国推荐评审（或引用首批申报年度的检查）需要设置首批申报年度',
    'en-US': 'a national recommendation round (or a check naming the first-batch year) needs the first-batch year set',
  },
  'rulebook.code.round-dropped-indicator': {
    'zh-CN': '指标“{code}”只用于另一类评审，本规则的评审类型不填报它，却仍被引用',
    'en-US': 'indicator "{code}" belongs to another kind of round and is not asked for in this one, yet it is read here',
  },
  'rulebook.code.round-dropped-identity': {
    'zh-CN': '标识集群的指标“{code}”不能只用于另一类评审',
    'en-US': 'indicator "{code}" identifies the cluster, so it cannot belong only to another kind of round',
  },
  'rulebook.field.round': { 'zh-CN': '评审类型', 'en-US': 'round type' },
  'rulebook.field.enabled': { 'zh-CN': '启用', 'en-US': 'on/off' },
  'rulebook.field.onlyInRound': { 'zh-CN': '适用评审类型', 'en-US': 'round it belongs to' },
  'rulebook.code.derived-single': {
    'zh-CN': '“{code}”应为标记了 "derived": true 的单值指标',
    'en-US': '"{code}" must be a single indicator marked "derived": true',
  },

  // Shape problems zod reports. Its generic messages come from zod's own locales; these are the few it cannot
  // say well: a missing field (zod says "received undefined"), a union, and our own formats.
  'rulebook.zod.required': { 'zh-CN': '缺少此项（应为{expected}）', 'en-US': 'is required ({expected})' },
  'rulebook.zod.union': {
    'zh-CN': '不符合任何一种可接受的写法（请检查 kind 及该类型所需的字段）',
    'en-US': 'is not any of the accepted forms (check "kind" and the fields that kind takes)',
  },
  'rulebook.zod.code-format': {
    'zh-CN': '指标代码应由大写字母、数字和点组成，例如“1.6”或“B1”（现为“{found}”）',
    'en-US': 'an indicator code is capital letters/digits with optional dots, e.g. "1.6" or "B1" (found "{found}")',
  },
  'rulebook.zod.id-format': {
    'zh-CN': '规则编号应由小写字母、数字和连字符组成（现为“{found}”）',
    'en-US': 'an id is lower-case letters, digits and hyphens (found "{found}")',
  },
  'rulebook.zod.deadline-format': { 'zh-CN': '截止日应写作 MM-DD，例如 04-30（现为“{found}”）', 'en-US': 'write the deadline as MM-DD, e.g. 04-30 (found "{found}")' },
  'rulebook.zod.format': { 'zh-CN': '格式不正确（现为“{found}”）', 'en-US': 'has the wrong format (found "{found}")' },
  'rulebook.type.string': { 'zh-CN': '文本', 'en-US': 'text' },
  'rulebook.type.number': { 'zh-CN': '数字', 'en-US': 'a number' },
  'rulebook.type.boolean': { 'zh-CN': 'true 或 false', 'en-US': 'true or false' },
  'rulebook.type.array': { 'zh-CN': '列表', 'en-US': 'a list' },
  'rulebook.type.object': { 'zh-CN': '对象', 'en-US': 'an object' },

  // The answer to a yes/no indicator, as messages quote it (English keeps the form's own word).
  'rulebook.answer.yes': { 'zh-CN': '是', 'en-US': 'yes (是)' },
  'rulebook.answer.no': { 'zh-CN': '否', 'en-US': 'no (否)' },

  // rulebook validate / show.
  'rulebook.valid': { 'zh-CN': '规则文件有效', 'en-US': 'rulebook is valid' },
  'rulebook.not-valid': { 'zh-CN': '规则文件无效', 'en-US': 'rulebook is not valid' },
  'rulebook.show.edition': { 'zh-CN': '版本', 'en-US': 'edition' },
  'rulebook.show.fingerprint': { 'zh-CN': '规则校验码', 'en-US': 'fingerprint' },
  'rulebook.show.first-batch': { 'zh-CN': '首批申报年度', 'en-US': 'first batch' },
  'rulebook.show.growth': { 'zh-CN': '增速算法', 'en-US': 'growth' },
  'rulebook.show.growth.compound': { 'zh-CN': '复合增长率', 'en-US': 'compound' },
  'rulebook.show.growth.arithmetic': { 'zh-CN': '算术平均增长率', 'en-US': 'arithmetic mean' },
  'rulebook.show.deadline': { 'zh-CN': '年度监测截止', 'en-US': 'monitoring deadline' },
  'rulebook.show.scoring': { 'zh-CN': '评分：{weights}', 'en-US': 'scoring: {weights}' },
  'rulebook.show.spread': { 'zh-CN': '极差超过分值的 {share}% 待讨论', 'en-US': 'discuss when spread > {share}% of weight' },
  'rulebook.show.recommend': {
    'zh-CN': '推荐：结论为“{verdict}”且委员会平均总分 ≥ {min}',
    'en-US': 'recommend: verdict “{verdict}” and committee mean total ≥ {min}',
  },
  'rulebook.show.checks': { 'zh-CN': '检查项（{n}）：', 'en-US': 'checks ({n}):' },
} as const satisfies TextTable;
