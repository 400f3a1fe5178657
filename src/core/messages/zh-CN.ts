/** 中文消息表：每个发现代码一条模板。Official terms only; see shared/standard/README.md. */
import type { Finding, ParamValue, Params } from '../types.js';
import type { CreditCodeProblem } from '../sheet/credit-code.js';
import { t } from '../text/index.js';
import { blockWords, type MessageTable, type MsgCtx } from './context.js';

const yr = (f: Finding) => (f.year !== undefined ? `${f.year}年` : '');
const at = (f: Finding) => (f.cells.length ? `（${f.cells.join('、')}）` : '');
const lbl = (f: Finding, c: MsgCtx) => `${yr(f)}${c.label(f.indicator)}`;
/** A miss of a lower bound (以上/高于) 未达到 the requirement; any other miss 不符合 it. */
const missWord = (op: ParamValue | undefined) => (op === '>=' || op === '>' ? '未达到' : '不符合');
const opWord = (op: ParamValue | undefined) => (op === '>=' ? '不低于' : op === '>' ? '高于' : op === '<=' ? '不超过' : '低于');
/** Text in “”, with quotes inside turned into ‘’ (Chinese nesting). */
const quoteZh = (text: string) => `“${text.replace(/“/g, '‘').replace(/”/g, '’')}”`;
const req = (f: Finding, c: MsgCtx) => `${quoteZh(c.requirement(f.check))}的要求`;
/** An input check (4.5) validates an entry: it says what the value must be and quotes no requirement. */
const isInputCheck = (f: Finding, c: MsgCtx) => c.rb.checks.some((x) => x.id === f.check && x.inputCheck === true);
const labels = (codes: ParamValue | undefined, c: MsgCtx) => (Array.isArray(codes) ? (codes as string[]).map((x) => c.label(x)).join('、') : '');

function expectZh(code: string | undefined, c: MsgCtx): string {
  const ind = c.indicator(code);
  if (!ind) return '有效内容';
  switch (ind.kind) {
    case 'yesno':
      return '“是”或“否”';
    case 'text':
      return '文字内容';
    case 'percent':
      return '百分比（如75%）';
    case 'integer':
      if (ind.min !== undefined && ind.max !== undefined) return `${ind.min}至${ind.max}之间的整数`;
      return `非负整数${ind.unit ? `（单位：${ind.unit}）` : ''}`;
    case 'number':
      return `非负数值${ind.unit ? `（单位：${ind.unit}）` : ''}`;
  }
}

/** What a compare measured: one indicator, a deduplicated total, or the sum of parts (named, with 合计). */
function quantityLabel(p: Params, indicator: string | undefined, c: MsgCtx): string {
  if (p.source === 'sum') return `${labels(p.parts, c)}合计`;
  if (p.source === 'lists') return `${labels(p.parts, c)}按统一社会信用代码去重后名单合计`;
  return c.label(indicator);
}

function branchZh(b: Params, c: MsgCtx): string {
  const p = (b.params ?? {}) as Params;
  const ind = typeof b.indicator === 'string' ? b.indicator : undefined;
  switch (b.code) {
    case 'answered-yes':
    case 'answered-no':
      return `${c.label(ind)}：${c.v(p.answer as boolean)}`;
    case 'meets-bound':
    case 'below-minimum':
    case 'above-maximum':
      return `${quantityLabel(p, ind, c)}为${c.v(p.value, p.unit, p.bound)}（应${opWord(p.op)}${c.v(p.bound, p.unit)}）`;
    default:
      return `${labels((b.params as Params | undefined)?.blockedBy, c) || c.label(ind)}无法核验`;
  }
}

/** A count's comparison in words: 不少于 / 多于 for counts (家, 个, 项 …), 不低于 / 高于 otherwise. */
const COUNT_UNITS = new Set(['家', '个', '项', '件', '类', '人']);
function opCountWord(op: ParamValue | undefined, unit: ParamValue | undefined): string {
  if (typeof unit === 'string' && COUNT_UNITS.has(unit)) return op === '>=' ? '不少于' : op === '>' ? '多于' : op === '<=' ? '不多于' : '少于';
  return opWord(op);
}

/** A branch that was met, in one clause without brackets: “A、B合计4家，不少于1家”. */
function metZh(b: Params, c: MsgCtx): string {
  const p = (b.params ?? {}) as Params;
  const ind = typeof b.indicator === 'string' ? b.indicator : undefined;
  switch (b.code) {
    case 'answered-yes':
      return `${c.label(ind)}：${c.v(true)}`;
    case 'meets-bound': {
      const q = quantityLabel(p, ind, c);
      return `${q}${p.source === 'sum' || p.source === 'lists' ? '' : '为'}${c.v(p.value, p.unit, p.bound)}，${opCountWord(p.op, p.unit)}${c.v(p.bound, p.unit)}`;
    }
    default:
      return branchZh(b, c);
  }
}

/** A row that came with a 是 (B18 2023 → “2023年”, B19 → the document number as typed). */
function relatedZh(x: Params, c: MsgCtx): string {
  const label = c.label(String(x.indicator));
  return typeof x.value === 'number' && /年份$|年度$/.test(label) ? `${String(x.value)}年` : String(x.value);
}

const seriesText = (p: Params, c: MsgCtx) =>
  ((p.series ?? []) as Params[]).map((s) => `${String(s.year)}年${c.v(s.value, p.sourceUnit !== undefined ? p.sourceUnit : p.unit)}`).join('→');

const growthBasis = (p: Params, c: MsgCtx) => `${seriesText(p, c)}，${p.method === 'compound' ? '复合增长率' : '算术平均增长率'}`;

export const zhCN: MessageTable = {
  // ── sheet ──
  'no-indicator-rows': (_f, p) => `工作表“${String(p.sheet)}”中未找到指标代码列（应有B1、1.6、D1等代码），无法核验`,
  'year-columns-mismatch': (f, p) =>
    `表头年度列为${(p.found as number[]).join('、')}${at(f)}，与申报年度${String(p.applicationYear)}年对应的数据年度${(p.expected as number[]).join('、')}不一致`,
  'year-columns-not-found': (f, p) =>
    `未在表头找到全部数据年度列${at(f)}` + (Array.isArray(p.expected) ? `，应为${(p.expected as number[]).join('、')}年（申报年度前三年）` : '，应为申报年度前三年的年份（如2022年、2023年、2024年）'),
  // ── input ──
  'missing-input': (f, _p, c) => `${lbl(f, c)}未填写${at(f)}，应填写${expectZh(f.indicator, c)}`,
  'indicator-row-missing': (f, p, c) => `工作表“${String(p.sheet)}”中没有代码为“${f.indicator}”的行（${c.label(f.indicator)}），应在代码列中保留该行`,
  'duplicate-indicator-row': (f, p) => `代码“${f.indicator}”重复出现${at(f)}，已按首次出现的行（${String(p.firstCell)}）核验`,
  'excel-error': (f, p, c) => `${lbl(f, c)}${at(f)}为Excel错误值${String(p.error)}，应为${expectZh(f.indicator, c)}`,
  'not-a-number': (f, p, c) => `${lbl(f, c)}${at(f)}填写为${quoteZh(String(p.found))}，无法识别，应为${expectZh(f.indicator, c)}`,
  'number-out-of-range': (f, _p, c) => `${lbl(f, c)}${at(f)}数值超出范围（超出 Excel 能表示的数），请重新填写，应为${expectZh(f.indicator, c)}`,
  'negative-value': (f, p, c) => `${lbl(f, c)}${at(f)}为负数${c.v(p.value, p.percent ? '%' : c.unit(f.indicator))}，应为非负数`,
  'not-integer': (f, p, c) => `${lbl(f, c)}${at(f)}为${c.v(p.value)}，应为整数${c.unit(f.indicator) ? `（单位：${c.unit(f.indicator)}）` : ''}`,
  'invalid-yesno': (f, p, c) => `${lbl(f, c)}${at(f)}填写为${quoteZh(String(p.found))}，应为“是”或“否”`,
  'unit-converted': (f, p, c) =>
    `${lbl(f, c)}${at(f)}填写为${quoteZh(String(p.found))}，已由${String(p.from)}换算为${c.v(p.value, p.to)}核验，请确认`,
  'unit-mismatch': (f, p, c) => `${lbl(f, c)}${at(f)}填写为${quoteZh(String(p.found))}，单位“${String(p.unit)}”与本行单位“${String(p.expected)}”不符`,
  'ambiguous-percent': (f, p, c) =>
    `${lbl(f, c)}${at(f)}填写为${String(p.found)}，单元格未设置百分比格式，已按${c.v(p.readAs, '%')}理解，请确认`,
  'percent-above-100': (f, p, c) => `${lbl(f, c)}${at(f)}为${c.v(p.value, '%')}，百分比不能超过100%`,
  'out-of-range': (f, p, c) =>
    `${lbl(f, c)}${at(f)}为${c.v(p.value)}，` +
    (p.max === null || p.max === undefined ? `应不小于${String(p.min)}` : p.min === null || p.min === undefined ? `应不大于${String(p.max)}` : `应在${String(p.min)}至${String(p.max)}之间`),
  'formula-not-calculated': (f, _p, c) => `${lbl(f, c)}${at(f)}是公式但没有计算结果，请在Excel中打开、计算并保存后再核验`,
  'mobile-format': (f, p, c) => `${lbl(f, c)}${at(f)}填写为${quoteZh(String(p.found))}，不是11位手机号码（以1开头），请核实`,
  'email-format': (f, p, c) => `${lbl(f, c)}${at(f)}填写为${quoteZh(String(p.found))}，不是有效的电子邮箱（应含一个@，@后的域名含“.”），请核实`,
  'value-in-other-year': (f, p, c) =>
    f.status === 'invalid'
      ? `${c.label(f.indicator)}只取最近一年（${String(p.latestYear)}年）的数值，应填在${String(p.latestCell)}；填在${f.cells.join('、')}的${quoteZh(String(p.found))}未被采用`
      : `${c.label(f.indicator)}只取最近一年（${String(p.latestYear)}年）${String(p.latestCell)}的数值；另填在${f.cells.join('、')}的${quoteZh(String(p.found))}未被采用，请核实`,
  // ── checks ──
  'meets-bound': (f, p, c) => `${lbl(f, c)}为${c.v(p.value, p.unit, p.bound)}${isInputCheck(f, c) ? '' : `，符合${req(f, c)}`}`,
  'below-minimum': (f, p, c) =>
    isInputCheck(f, c)
      ? `${lbl(f, c)}为${c.v(p.value, p.unit, p.bound)}${at(f)}，应${p.op === '>' ? '大于' : '不小于'}${c.v(p.bound, p.unit)}`
      : `${lbl(f, c)}为${c.v(p.value, p.unit, p.bound)}，${missWord(p.op)}${req(f, c)}`,
  'above-maximum': (f, p, c) =>
    isInputCheck(f, c)
      ? `${lbl(f, c)}为${c.v(p.value, p.unit, p.bound)}${at(f)}，应${p.op === '<' ? '小于' : '不大于'}${c.v(p.bound, p.unit)}`
      : `${lbl(f, c)}为${c.v(p.value, p.unit, p.bound)}，${missWord(p.op)}${req(f, c)}`,
  'answered-yes': (f, _p, c) => `${c.label(f.indicator)}：是，符合要求`,
  'answered-no': (f, _p, c) => `${c.label(f.indicator)}：否，不符合${req(f, c)}`,
  'yes-without-detail': (f, p, c) => `${c.label(String(p.answered))}填报为“是”，但${c.label(f.indicator)}未填写${at(f)}`,
  'veto-answered-no': (f, _p, c) => `${c.label(f.indicator)}：否`,
  'veto-answered-yes': (f, _p, c) => `${c.label(f.indicator)}：是。属于认定标准规定的一票否决情形，不予推荐。`,
  'needs-review': (f, p, c) => `${c.label(f.indicator)}：待专家评议（填报内容：${quoteZh(String(p.text))}）`,
  // The figure, then the judgement (为8.29%，未达到“……”的要求), then how it was computed.
  'growth-meets-bound': (f, p, c) => `${c.title(f.check)}为${c.v(p.value, '%', p.bound)}，符合${req(f, c)}（${growthBasis(p, c)}）`,
  'growth-below-minimum': (f, p, c) => `${c.title(f.check)}为${c.v(p.value, '%', p.bound)}，${missWord(p.op)}${req(f, c)}（${growthBasis(p, c)}）`,
  'growth-above-maximum': (f, p, c) => `${c.title(f.check)}为${c.v(p.value, '%', p.bound)}，${missWord(p.op)}${req(f, c)}（${growthBasis(p, c)}）`,
  'growth-base-not-positive': (f, p, c) =>
    `${c.title(f.check)}无法计算：${yr(f)}${c.label(String(p.source))}为${c.v(p.value, c.unit(String(p.source)))}${at(f)}，作为增速基数必须大于0`,
  'share-meets-bound': (f, p, c) => `${yr(f)}${c.title(f.check)}为${c.v(p.value, '%', p.bound)}，符合${req(f, c)}`,
  'share-below-minimum': (f, p, c) =>
    `${yr(f)}${c.title(f.check)}为${c.v(p.value, '%', p.bound)}，${missWord(p.op)}${req(f, c)}（${c.v(p.part, p.sourceUnit)}÷${c.v(p.whole, p.sourceUnit)}）${p.latest ? '' : '（往年数据，仅作提示）'}`,
  'share-above-maximum': (f, p, c) =>
    `${yr(f)}${c.title(f.check)}为${c.v(p.value, '%', p.bound)}，${missWord(p.op)}${req(f, c)}${p.latest ? '' : '（往年数据，仅作提示）'}`,
  'part-exceeds-whole': (f, p, c) =>
    `${yr(f)}${c.label(String(p.partIndicator))}（${c.v(p.part, p.unit)}）大于${c.label(String(p.wholeIndicator))}（${c.v(p.whole, p.unit)}），数据不一致${at(f)}`,
  'ratio-meets-bound': (f, p, c) =>
    `${c.title(f.check)}为${c.v(p.value, p.unit, p.bound)}，符合${req(f, c)}（${c.v(p.numerator)}÷${c.v(p.denominator)}×${c.v(p.scale)}）`,
  'ratio-below-minimum': (f, p, c) =>
    `${c.title(f.check)}为${c.v(p.value, p.unit, p.bound)}，${missWord(p.op)}${req(f, c)}（${c.v(p.numerator)}÷${c.v(p.denominator)}×${c.v(p.scale)}）`,
  'ratio-above-maximum': (f, p, c) => `${c.title(f.check)}为${c.v(p.value, p.unit, p.bound)}，${missWord(p.op)}${req(f, c)}`,
  'derived-mismatch': (f, p, c) =>
    `表内计算值与核验值不一致：${c.label(f.indicator)}表内为${c.v(p.sheetValue, p.unit)}${at(f)}，按${labels(p.from, c)}重新计算为${c.v(p.computed, p.unit)}`,
  'trend-met': (f, p, c) => `${c.title(f.check)}：${seriesText(p, c)}，符合要求`,
  'not-strictly-decreasing': (f, p, c) =>
    `${c.title(f.check)}：${seriesText(p, c)}，${(p.offendingYears as number[]).join('、')}年未低于上一年，不符合${req(f, c)}`,
  'not-steadily-rising': (f, p, c) =>
    `${c.title(f.check)}：${seriesText(p, c)}，` +
    ((p.offendingYears as number[]).length ? `${(p.offendingYears as number[]).join('、')}年低于上一年` : '最近一年未高于首年') +
    `，不符合${req(f, c)}`,
  'not-rising': (f, p, c) => `${c.title(f.check)}：${seriesText(p, c)}，最近一年未高于首年，不符合${req(f, c)}`,
  'benchmark-met': (f, p, c) =>
    `${c.label(String(p.leftIndicator))}为${c.v(p.left, c.unit(String(p.leftIndicator)))}，${opWord(p.op)}${c.label(String(p.rightIndicator))}${c.v(p.right, c.unit(String(p.rightIndicator)))}，符合要求`,
  'benchmark-not-met': (f, p, c) =>
    `${c.label(String(p.leftIndicator))}为${c.v(p.left)}，${p.op === '<=' ? '超过' : p.op === '>=' ? '低于' : `未${opWord(p.op)}`}${c.label(String(p.rightIndicator))}${c.v(p.right)}，` +
    (isInputCheck(f, c) ? `数据不一致${at(f)}` : `不符合${req(f, c)}`),
  'not-applicable': (f, p, c) =>
    p.reason === 'condition'
      ? `${c.title(f.check)}：${c.label(String(p.indicator))}为“${c.v(p.answer)}”，不适用`
      : `${c.title(f.check)}：未填写${c.label(String(p.indicator))}，不适用`,
  consistent: (f, p, c) => `${c.label(f.indicator)}为${c.v(p.value, p.unit)}，在${c.v(p.min, p.unit)}（最大单项）至${c.v(p.max, p.unit)}（各项之和）之间，数据一致`,
  'dedup-out-of-bounds': (f, p, c) =>
    `${c.label(f.indicator)}为${c.v(p.value, p.unit)}${at(f)}，应在${c.v(p.min, p.unit)}（最大单项）至${c.v(p.max, p.unit)}（各项之和）之间，数据不一致`,
  'either-met': (f, p, c) => {
    const b = (p.branches as Params[])[Number(p.branch)];
    // One sentence: what was met, then that it meets the condition (符合申报条件 for eligibility, else 符合要求).
    const ok = c.rb.checks.find((x) => x.id === f.check)?.criterion === 'E' ? '符合申报条件' : '符合要求';
    const bp = (b?.params ?? {}) as Params;
    if (b?.code === 'answered-yes' && Array.isArray(bp.related) && bp.related.length)
      return `${c.title(f.check).replace(/（[^（）]*）$/, '')}（${(bp.related as Params[]).map((x) => relatedZh(x, c)).join('，')}），${ok}`;
    return `${c.title(f.check)}：${b ? metZh(b, c) : ''}，${ok}`;
  },
  'neither-met': (f, p, c) => `${c.title(f.check)}：${(p.branches as Params[]).map((b) => branchZh(b, c)).join('；')}，不符合${req(f, c)}`,
  'possible-double-count': (f, p, c) =>
    `${c.title(f.check)}按${labels(p.parts, c)}之和${c.v(p.value, p.unit)}核验；未填写有效的${c.label(String(p.total))}，可能重复计数，请核实`,
  'not-evaluated': (f, p, c) =>
    `${c.title(f.check)}未能核验：` +
    ((p.blockedBy ?? []) as Params[])
      .map((b) => `${b.year ? `${String(b.year)}年` : ''}${c.label(String(b.indicator))}${blockWords(String(b.reason), 'zh-CN')}${b.cell ? `（${String(b.cell)}）` : ''}`)
      .join('；'),
  // ── name lists (名单) of the application form ──
  'list-sheet-missing': (f, p, c) =>
    `工作簿中没有“${String(p.sheet)}”工作表，` + (f.indicator ? `${c.label(f.indicator)}无法与名单核对` : '未提供该名单') + '；请使用含企业名单的新版申报表',
  'list-header-not-found': (f, p) => `“${String(p.sheet)}”工作表中未找到名单表头${at(f)}，应有“名称”“统一社会信用代码”“级别”“认定年份”列`,
  'list-name-missing': (f, p) => `“${String(p.sheet)}”名单中有一行未填写名称${at(f)}`,
  'credit-code-missing': (f, p) => `“${String(p.sheet)}”名单中${entryZh(p)}的统一社会信用代码未填写${at(f)}`,
  'credit-code-invalid': (f, p) =>
    `“${String(p.sheet)}”名单中${entryZh(p)}的统一社会信用代码${quoteZh(String(p.found))}${at(f)}` +
    t(`credit-code.${p.problem as CreditCodeProblem}`, 'zh-CN', { expected: p.expected as string | undefined }) +
    '，请核对',
  'list-duplicate-code': (f, p) =>
    `“${String(p.sheet)}”名单中统一社会信用代码${String(p.code)}重复出现${at(f)}（首次出现在${String(p.firstCell)}），同一企业只应列一次`,
  'list-level-missing': (f, p) => `“${String(p.sheet)}”名单中${entryZh(p)}的级别未填写${at(f)}，应为${(p.levels as string[]).join('、')}`,
  'list-level-unknown': (f, p) =>
    `“${String(p.sheet)}”名单中${entryZh(p)}的级别填写为${quoteZh(String(p.found))}${at(f)}，本名单的级别应为${(p.levels as string[]).join('、')}，请核实`,
  'list-year-invalid': (f, p) => `“${String(p.sheet)}”名单中${entryZh(p)}的认定年份${quoteZh(String(p.found))}${at(f)}不是有效年份`,
  'list-year-missing': (f, p) => `“${String(p.sheet)}”名单中${entryZh(p)}的认定年份未填写${at(f)}`,
  'list-entry-not-counted': (f, p, c) =>
    `“${String(p.sheet)}”名单中${entryZh(p)}的级别为${quoteZh(String(p.level))}${at(f)}，${c.label(f.indicator)}只计${(p.counted as string[]).join('、')}，该企业列出但不计入`,
  'list-title-expired': (f, p) =>
    `“${String(p.sheet)}”名单中${entryZh(p)}的认定年份为${String(p.year)}年${at(f)}，${String(p.title).replace(/名单$/, '')}有效期${String(p.validityYears)}年，至申报年度${String(p.applicationYear)}年已超过有效期，请核实是否已复核或重新认定`,
  'list-empty': (_f, p) => `“${String(p.sheet)}”名单未填写（${String(p.range)}），不适用`,
  'list-read': (_f, p) => `“${String(p.sheet)}”名单列出${String(p.distinct)}${p.entity === 'platform' ? '个' : '家'}（${String(p.range)}）`,
  'list-count-matches': (f, p, c) =>
    `${c.label(f.indicator)}填报为${c.v(p.stated, c.unit(f.indicator))}，与“${String(p.sheet)}”名单（${String(p.range)}）列出的${c.v(p.distinct, c.unit(f.indicator))}一致`,
  'list-count-differs': (f, p, c) =>
    `${c.label(f.indicator)}填报为${c.v(p.stated, c.unit(f.indicator))}（${String(p.countCell)}），但“${String(p.sheet)}”名单（${String(p.range)}）列出${c.v(p.distinct, c.unit(f.indicator))}，数量不一致`,
  'list-dedup-matches': (f, p, c) => `${c.label(f.indicator)}填报为${c.v(p.stated, '家')}，与按统一社会信用代码去重后的名单合计${c.v(p.computed, '家')}一致${byNameZh(p)}`,
  'list-dedup-differs': (f, p, c) =>
    `${c.label(f.indicator)}填报为${c.v(p.stated, '家')}${at(f)}，按统一社会信用代码去重后名单（${(p.ranges as string[]).join('、')}）合计为${c.v(p.computed, '家')}，数据不一致${byNameZh(p)}`,
  'list-dedup-not-stated': (f, p, c) =>
    `${c.label(f.indicator)}未填写${at(f)}；按统一社会信用代码去重后名单合计为${c.v(p.computed, '家')}（各名单之和${c.v(p.sum, '家')}），供核实${byNameZh(p)}`,
  'list-dedup-unverifiable': (f, p, c) => `工作簿中没有${(p.sheets as string[]).map((x) => `“${x}”`).join('、')}工作表，无法按名单核验${c.label(f.indicator)}`,
  // ── the plan's quantified targets and the index of supporting documents ──
  'plan-sheet-missing': (_f, p) => `工作簿中没有“${String(p.sheet)}”工作表，三年发展规划量化目标无法核对；请使用含规划目标表的新版申报表`,
  'plan-years-invalid': (f, p) =>
    `“${String(p.sheet)}”的规划年度${(p.found as number[]).length ? `为${(p.found as number[]).join('、')}年` : '未找到'}${at(f)}，应为自申报年度（或其次年）起连续的${String(p.years)}个年度` +
    ((p.expected as number[]).length ? `（如${(p.expected as number[]).join('、')}年）` : ''),
  'plan-empty': (f, p) => `“${String(p.sheet)}”未填写任何规划目标${at(f)}`,
  'plan-row-missing': (f, p, c) => `“${String(p.sheet)}”中没有${c.label(f.indicator)}（代码${String(f.indicator)}）的目标行`,
  'plan-target-missing': (f, p, c) => `${c.label(f.indicator)}的${(p.years as number[]).join('、')}年规划目标未填写${at(f)}`,
  'plan-target-invalid': (f, p, c) =>
    `${c.label(f.indicator)}的${String(p.year)}年规划目标${quoteZh(String(p.found))}${at(f)}` +
    (p.problem === 'not-integer' ? '应为整数' : p.problem === 'negative-value' ? '不能为负数' : p.problem === 'not-a-number' ? '不是数值，请填写阿拉伯数字' : p.problem === 'out-of-range' ? '数值超出范围（超出 Excel 能表示的数），请重新填写' : '不是有效的目标值'),
  'plan-target-below-current': (f, p, c) =>
    `${c.label(f.indicator)}的${String(p.year)}年规划目标${c.v(p.target, c.unit(f.indicator))}低于基期实际值${c.v(p.current, c.unit(f.indicator))}（${String(p.currentCell)}）：复核时以此目标衡量完成情况，目标低于基期实际值即无需提升，请确认是否有意`,
  'plan-target-above-current': (f, p, c) =>
    `${c.label(f.indicator)}的${String(p.year)}年规划目标${c.v(p.target, c.unit(f.indicator))}高于基期实际值${c.v(p.current, c.unit(f.indicator))}（${String(p.currentCell)}）：该指标以降低为好，目标高于基期实际值即允许变差，请确认是否有意`,
  'plan-targets-complete': (_f, p) => `“${String(p.sheet)}”已填写${String(p.indicators)}项指标${(p.years as number[]).join('、')}年的规划目标`,
  'evidence-sheet-missing': (_f, p) => `工作簿中没有“${String(p.sheet)}”工作表，佐证材料无法核对；请使用含佐证材料目录的新版申报表`,
  'evidence-header-not-found': (f, p) => `“${String(p.sheet)}”工作表中未找到目录表头${at(f)}，应有“材料名称”“对应指标”列`,
  'evidence-empty': (f, p) => `“${String(p.sheet)}”未列出任何佐证材料${at(f)}`,
  'evidence-name-missing': (f, p) => `“${String(p.sheet)}”中有一行未填写材料名称${at(f)}`,
  'evidence-code-missing': (f, p) => `佐证材料${quoteZh(String(p.name))}未填写对应指标${at(f)}`,
  'evidence-code-unknown': (f, p) => `佐证材料${quoteZh(String(p.name))}的对应指标${quoteZh(String(p.found))}${at(f)}不是本规则中的指标、检查或标准编号`,
  'evidence-criterion-uncovered': (_f, p, c) => {
    const crit = c.rb.data.criteria.find((x) => x.id === p.criterion);
    return `标准${String(p.criterion)}${crit ? `（${crit.title.zh}）` : ''}没有对应的佐证材料`;
  },
  'evidence-complete': (_f, p) => `“${String(p.sheet)}”列出${String(p.documents)}份佐证材料，各项标准均有对应材料`,
  // ── monitoring (section R, 动态管理): the Art. 17 ground each fail or veto establishes ──
  'r1-valid': (_f, p) => `认定年份${String(p.recognised)}年，有效期至${String(p.expires)}年，${String(p.reportYear)}年报送时在有效期内`,
  'r1-after-monitoring-year': (f, p) => `认定年份${String(p.recognised)}年晚于监测年度${String(p.year)}年${at(f)}，请核实`,
  'r1-expired': (f, p) =>
    `认定有效期已于${String(p.expires)}年届满，复核申请期已过，未见通过复核${at(f)}，属于第十七条第一项规定的撤销认定情形` + (p.source === 'roster' ? '（认定年份据省级认定名单）' : '（认定年份据集群填报，请核实）'),
  'r1-renewal-failed': (f) => `复核未通过${at(f)}（据省级认定名单），属于第十七条第一项规定的撤销认定情形`,
  'r1-renewal-due': (f, p) => `${String(p.reportYear)}年为认定有效期届满之年，尚未申请复核${at(f)}，请提醒在复核申请期内申请；期满未申请复核的，属于第十七条第一项规定的撤销认定情形`,
  'r1-renewal-applied': (_f, p) => `${String(p.reportYear)}年为认定有效期届满之年，已申请复核`,
  'r2-none': () => '不存在虚假申报或违法违规',
  'r2-violation': (f) => `存在虚假申报或违法违规${at(f)}，属于第十七条第二项规定的撤销认定情形`,
  'r3-on-time': (_f, p) => `省级主管部门收到日期${String(p.date)}，不晚于截止日期${String(p.deadline)}，按时报送`,
  'r3-late': (f, p) => `省级主管部门收到日期${String(p.date)}晚于截止日期${String(p.deadline)}${at(f)}，未按时报送，属于第十七条第三项规定的撤销认定情形`,
  'r3-before-year-end': (f, p) => `省级主管部门收到日期${String(p.date)}早于所报告年度${String(p.year)}年结束${at(f)}，日期或年度不可能，请核实`,
  'r3-after-today': (f, p) => `省级主管部门收到日期晚于今天：${String(p.date)}（今天是${String(p.today)}）${at(f)}，日期不可能，请核实`,
  'm1-in-future': (f, p) => `监测年度在未来：${String(p.year)}年（今天是${String(p.today)}）${at(f)}，尚无该年度的数据，请核实`,
  'r3-cooperating': () => '配合监测监管',
  'r3-not-cooperating': (f) => `填报不配合监测监管${at(f)}，可能属于第十七条第三项规定的撤销认定情形，请核实`,
  'r3-date-invalid': (f, p) => `省级主管部门收到信息表日期${at(f)}“${String(p.found)}”不是有效日期，应填写如2025-04-15的日期`,
  'r4-unchanged': (_f, p) => `${changeZh(p.item)}未发生重大变化`,
  'r4-filed': (_f, p) => `${changeZh(p.item)}发生重大变化，已及时更新报备`,
  'r4-not-filed': (f, p) => `${changeZh(p.item)}发生重大变化，填报未及时更新报备${at(f)}，可能属于第十七条第四项规定的撤销认定情形，请核实`,
  'r5-none': () => '监测年度内未发生负面情形',
  'r5-event': (f, _p, c) => `${c.label(f.indicator)}：是${at(f)}，属于第十七条第五项规定的撤销认定情形`,
  'r6-met': (f, p, c) => `${c.label(f.indicator)}实际值${c.v(p.actual, c.unit(f.indicator))}，达到规划目标${c.v(p.target, c.unit(f.indicator))}`,
  'r6-below-target': (f, p, c) => `${c.label(f.indicator)}实际值${c.v(p.actual, c.unit(f.indicator))}低于规划目标${c.v(p.target, c.unit(f.indicator))}${at(f)}，供复核专家参考`,
  'r6-three-year': (f, p, c) => `${c.label(f.indicator)}本年度${c.v(p.actual, c.unit(f.indicator))}；规划目标${c.v(p.target, c.unit(f.indicator))}为三年累计数，年度不单独考核，复核时按三年合计核对`,
  'r6-no-direction': (f, p, c) => `${c.label(f.indicator)}实际值${c.v(p.actual, c.unit(f.indicator))}，规划值${c.v(p.target, c.unit(f.indicator))}；该指标不以高低论完成情况，供复核专家参考`,
  'r6-above-target': (f, p, c) => `${c.label(f.indicator)}实际值${c.v(p.actual, c.unit(f.indicator))}高于规划目标${c.v(p.target, c.unit(f.indicator))}（该指标以低为好）${at(f)}，供复核专家参考`,
};

/** An entry of a name list by its name, when it has one. */
const entryZh = (p: Params) => (p.name ? quoteZh(String(p.name)) : '一行');
const byNameZh = (p: Params) => (Number(p.byName) > 0 ? `（其中${String(p.byName)}家无有效统一社会信用代码，按名称计）` : '');

/** The three major changes of R4 (主导产业, 空间范围, 运营管理机构). */
const changeZh = (item: ParamValue | undefined) => (item === 'industry' ? '主导产业' : item === 'scope' ? '空间范围' : '运营管理机构');
