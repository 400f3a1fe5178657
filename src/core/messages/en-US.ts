/** English message table: one template per finding code, mirroring zh-CN. */
import type { Finding, ParamValue, Params } from '../types.js';
import type { CreditCodeProblem } from '../sheet/credit-code.js';
import { t } from '../text/index.js';
import { blockWords, type MessageTable, type MsgCtx } from './context.js';

const yr = (f: Finding) => (f.year !== undefined ? ` (${f.year})` : '');
const at = (f: Finding) => (f.cells.length ? ` [${f.cells.join(', ')}]` : '');
const lbl = (f: Finding, c: MsgCtx) => `${c.label(f.indicator)}${yr(f)}`;
/** A miss of a lower bound falls short of the requirement; any other miss does not meet it. */
const missWord = (op: ParamValue | undefined) => (op === '>=' || op === '>' ? 'which falls short of' : 'which does not meet');
const opWord = (op: ParamValue | undefined) => (op === '>=' ? 'at least' : op === '>' ? 'above' : op === '<=' ? 'at most' : 'below');
/** Text in “”, with quotes inside turned into ‘’. */
const quoteEn = (text: string) => `“${text.replace(/["“]([^"”]*)["”]/g, '‘$1’')}”`;
const req = (f: Finding, c: MsgCtx) => `the requirement ${quoteEn(c.requirement(f.check))}`;
/** An input check (4.5) validates an entry: it says what the value must be and quotes no requirement. */
const isInputCheck = (f: Finding, c: MsgCtx) => c.rb.checks.some((x) => x.id === f.check && x.inputCheck === true);
const labels = (codes: ParamValue | undefined, c: MsgCtx) => (Array.isArray(codes) ? (codes as string[]).map((x) => c.label(x)).join(', ') : '');

/** An entry of a name list by its name, when it has one. */
const entryEn = (p: Params) => (p.name ? `“${String(p.name)}”` : 'a row');
const byNameEn = (p: Params) => (Number(p.byName) > 0 ? ` (${String(p.byName)} without a valid credit code counted by name)` : '');

function expectEn(code: string | undefined, c: MsgCtx): string {
  const ind = c.indicator(code);
  if (!ind) return 'a valid entry';
  const unit = ind.unit ? ` in ${c.v(2, ind.unit).replace(/^2\s*/, '') || ind.unit}` : '';
  switch (ind.kind) {
    case 'yesno':
      return '是 (yes) or 否 (no)';
    case 'text':
      return 'text';
    case 'percent':
      return 'a percentage (e.g. 75%)';
    case 'integer':
      if (ind.min !== undefined && ind.max !== undefined) return `a whole number from ${ind.min} to ${ind.max}`;
      return `a whole number${unit}`;
    case 'number':
      return `a non-negative number${unit}`;
  }
}

/** What a compare measured: one indicator, a deduplicated total, or the sum of parts (each named). */
function quantityLabel(p: Params, indicator: string | undefined, c: MsgCtx): string {
  if (p.source === 'sum') return `${labels(p.parts, c)} in all`;
  if (p.source === 'lists') return `${labels(p.parts, c)} in all, the lists de-duplicated by credit code`;
  return c.label(indicator);
}

function branchEn(b: Params, c: MsgCtx): string {
  const p = (b.params ?? {}) as Params;
  const ind = typeof b.indicator === 'string' ? b.indicator : undefined;
  switch (b.code) {
    case 'answered-yes':
    case 'answered-no':
      return `${c.label(ind)}: ${c.v(p.answer as boolean)}`;
    case 'meets-bound':
    case 'below-minimum':
    case 'above-maximum':
      return `${quantityLabel(p, ind, c)}: ${c.v(p.value, p.unit, p.bound)} (needs ${opWord(p.op)} ${c.v(p.bound, p.unit)})`;
    default:
      return `${labels((b.params as Params | undefined)?.blockedBy, c) || c.label(ind)} could not be checked`;
  }
}

const seriesText = (p: Params, c: MsgCtx) =>
  ((p.series ?? []) as Params[]).map((s) => `${String(s.year)}: ${c.v(s.value, p.sourceUnit !== undefined ? p.sourceUnit : p.unit)}`).join(' → ');

const growthBasis = (p: Params, c: MsgCtx) => `${seriesText(p, c)}; ${String(p.method)} rate`;

export const enUS: MessageTable = {
  'no-indicator-rows': (_f, p) => `Sheet “${String(p.sheet)}” has no indicator code column (codes such as B1, 1.6, D1); nothing can be checked`,
  'year-columns-mismatch': (f, p) =>
    `The header's year columns are ${(p.found as number[]).join(', ')}${at(f)}, but application year ${String(p.applicationYear)} needs data years ${(p.expected as number[]).join(', ')}`,
  'year-columns-not-found': (f, p) =>
    `Not all data-year columns were found in the header${at(f)}; expected ` +
    (Array.isArray(p.expected) ? (p.expected as number[]).join(', ') : 'the three years before the application year (e.g. 2022, 2023, 2024)'),
  'missing-input': (f, _p, c) => `${lbl(f, c)} is blank${at(f)}; expected ${expectEn(f.indicator, c)}`,
  'indicator-row-missing': (f, p, c) => `Sheet “${String(p.sheet)}” has no row with code “${f.indicator}” (${c.label(f.indicator)}); keep that row in the code column`,
  'duplicate-indicator-row': (f, p) => `Code “${f.indicator}” appears again${at(f)}; the first row (${String(p.firstCell)}) was checked`,
  'excel-error': (f, p, c) => `${lbl(f, c)}${at(f)} is the Excel error ${String(p.error)}; expected ${expectEn(f.indicator, c)}`,
  'not-a-number': (f, p, c) => `${lbl(f, c)}${at(f)} reads “${String(p.found)}”, which is not understood; expected ${expectEn(f.indicator, c)}`,
  'number-out-of-range': (f, _p, c) => `${lbl(f, c)}${at(f)} is out of range (beyond any number Excel can hold): type it again; expected ${expectEn(f.indicator, c)}`,
  'negative-value': (f, p, c) => `${lbl(f, c)}${at(f)} is negative (${c.v(p.value, p.percent ? '%' : c.unit(f.indicator))}); expected a non-negative value`,
  'not-integer': (f, p, c) => `${lbl(f, c)}${at(f)} is ${c.v(p.value)}; expected a whole number`,
  'invalid-yesno': (f, p, c) => `${lbl(f, c)}${at(f)} reads “${String(p.found)}”; expected 是 (yes) or 否 (no)`,
  'unit-converted': (f, p, c) =>
    `${lbl(f, c)}${at(f)} reads “${String(p.found)}”; converted from ${String(p.from)} and checked as ${c.v(p.value, p.to)} — please confirm`,
  'unit-mismatch': (f, p, c) => `${lbl(f, c)}${at(f)} reads “${String(p.found)}”; its unit “${String(p.unit)}” does not fit this row's unit “${String(p.expected)}”`,
  'ambiguous-percent': (f, p, c) =>
    `${lbl(f, c)}${at(f)} is ${String(p.found)} in a cell without percent format; read as ${c.v(p.readAs, '%')} — please confirm`,
  'percent-above-100': (f, p, c) => `${lbl(f, c)}${at(f)} is ${c.v(p.value, '%')}; a percentage cannot exceed 100%`,
  'out-of-range': (f, p, c) =>
    `${lbl(f, c)}${at(f)} is ${c.v(p.value)}; expected ` +
    (p.max === null || p.max === undefined ? `at least ${String(p.min)}` : p.min === null || p.min === undefined ? `at most ${String(p.max)}` : `a value from ${String(p.min)} to ${String(p.max)}`),
  'formula-not-calculated': (f, _p, c) => `${lbl(f, c)}${at(f)} is a formula without a calculated result; open, recalculate and save it in Excel, then check again`,
  'mobile-format': (f, p, c) => `${lbl(f, c)}${at(f)} reads “${String(p.found)}”, which is not an 11-digit mobile number beginning with 1 — please verify`,
  'email-format': (f, p, c) => `${lbl(f, c)}${at(f)} reads “${String(p.found)}”, which is not a valid e-mail address (one @, and a dot in the domain after it) — please verify`,
  'value-in-other-year': (f, p, c) =>
    f.status === 'invalid'
      ? `${c.label(f.indicator)} takes the latest year's value only (${String(p.latestYear)}), in ${String(p.latestCell)}; “${String(p.found)}” in ${f.cells.join(', ')} was not used`
      : `${c.label(f.indicator)} takes the latest year's value only (${String(p.latestYear)}, ${String(p.latestCell)}); “${String(p.found)}” also typed in ${f.cells.join(', ')} was not used — please verify`,
  'meets-bound': (f, p, c) => `${lbl(f, c)} is ${c.v(p.value, p.unit, p.bound)}${isInputCheck(f, c) ? '' : `, meeting ${req(f, c)}`}`,
  'below-minimum': (f, p, c) =>
    isInputCheck(f, c)
      ? `${lbl(f, c)} is ${c.v(p.value, p.unit, p.bound)}${at(f)}; it must be ${opWord(p.op)} ${c.v(p.bound, p.unit)}`
      : `${lbl(f, c)} is ${c.v(p.value, p.unit, p.bound)}, ${missWord(p.op)} ${req(f, c)}`,
  'above-maximum': (f, p, c) =>
    isInputCheck(f, c)
      ? `${lbl(f, c)} is ${c.v(p.value, p.unit, p.bound)}${at(f)}; it must be ${opWord(p.op)} ${c.v(p.bound, p.unit)}`
      : `${lbl(f, c)} is ${c.v(p.value, p.unit, p.bound)}, ${missWord(p.op)} ${req(f, c)}`,
  'answered-yes': (f, _p, c) => `${c.label(f.indicator)}: yes (是) — meets the requirement`,
  'answered-no': (f, _p, c) => `${c.label(f.indicator)}: no (否) — does not meet ${req(f, c)}`,
  'yes-without-detail': (f, p, c) => `${c.label(String(p.answered))} is answered yes (是), but ${c.label(f.indicator)} is blank${at(f)}`,
  'veto-answered-no': (f, _p, c) => `${c.label(f.indicator)}: no (否)`,
  'veto-answered-yes': (f, _p, c) => `${c.label(f.indicator)}: yes (是). This is a veto circumstance under the recognition criteria; the application is not recommended.`,
  'needs-review': (f, p, c) => `${c.label(f.indicator)}: for expert review (entered: “${String(p.text)}”)`,
  // The figure, then the judgement, then how it was computed.
  'growth-meets-bound': (f, p, c) => `${c.title(f.check)} is ${c.v(p.value, '%', p.bound)}, meeting ${req(f, c)} (${growthBasis(p, c)})`,
  'growth-below-minimum': (f, p, c) => `${c.title(f.check)} is ${c.v(p.value, '%', p.bound)}, ${missWord(p.op)} ${req(f, c)} (${growthBasis(p, c)})`,
  'growth-above-maximum': (f, p, c) => `${c.title(f.check)} is ${c.v(p.value, '%', p.bound)}, ${missWord(p.op)} ${req(f, c)} (${growthBasis(p, c)})`,
  'growth-base-not-positive': (f, p, c) =>
    `${c.title(f.check)} cannot be computed: ${c.label(String(p.source))}${yr(f)} is ${c.v(p.value, c.unit(String(p.source)))}${at(f)}; the base of a growth rate must be above 0`,
  'share-meets-bound': (f, p, c) => `${c.title(f.check)}${yr(f)} is ${c.v(p.value, '%', p.bound)}, meeting ${req(f, c)}`,
  'share-below-minimum': (f, p, c) =>
    `${c.title(f.check)}${yr(f)} is ${c.v(p.value, '%', p.bound)}, ${missWord(p.op)} ${req(f, c)} (${c.v(p.part, p.sourceUnit)} ÷ ${c.v(p.whole, p.sourceUnit)})${p.latest ? '' : ' (earlier year; a warning only)'}`,
  'share-above-maximum': (f, p, c) =>
    `${c.title(f.check)}${yr(f)} is ${c.v(p.value, '%', p.bound)}, ${missWord(p.op)} ${req(f, c)}${p.latest ? '' : ' (earlier year; a warning only)'}`,
  'part-exceeds-whole': (f, p, c) =>
    `${c.label(String(p.partIndicator))}${yr(f)} (${c.v(p.part, p.unit)}) is above ${c.label(String(p.wholeIndicator))} (${c.v(p.whole, p.unit)}): the figures are inconsistent${at(f)}`,
  'ratio-meets-bound': (f, p, c) =>
    `${c.title(f.check)} is ${c.v(p.value, p.unit, p.bound)}, meeting ${req(f, c)} (${c.v(p.numerator)} ÷ ${c.v(p.denominator)} × ${c.v(p.scale)})`,
  'ratio-below-minimum': (f, p, c) =>
    `${c.title(f.check)} is ${c.v(p.value, p.unit, p.bound)}, ${missWord(p.op)} ${req(f, c)} (${c.v(p.numerator)} ÷ ${c.v(p.denominator)} × ${c.v(p.scale)})`,
  'ratio-above-maximum': (f, p, c) => `${c.title(f.check)} is ${c.v(p.value, p.unit, p.bound)}, ${missWord(p.op)} ${req(f, c)}`,
  'derived-mismatch': (f, p, c) =>
    `The sheet's own figure differs from the check: ${c.label(f.indicator)} shows ${c.v(p.sheetValue, p.unit)}${at(f)}; recomputed from ${labels(p.from, c)} it is ${c.v(p.computed, p.unit)}`,
  'trend-met': (f, p, c) => `${c.title(f.check)}: ${seriesText(p, c)} — meets the requirement`,
  'not-strictly-decreasing': (f, p, c) =>
    `${c.title(f.check)}: ${seriesText(p, c)}; ${(p.offendingYears as number[]).join(', ')} not below the year before — does not meet ${req(f, c)}`,
  'not-steadily-rising': (f, p, c) =>
    `${c.title(f.check)}: ${seriesText(p, c)}; ` +
    ((p.offendingYears as number[]).length ? `${(p.offendingYears as number[]).join(', ')} below the year before` : 'the latest year is not above the first') +
    ` — does not meet ${req(f, c)}`,
  'not-rising': (f, p, c) => `${c.title(f.check)}: ${seriesText(p, c)}; the latest year is not above the first — does not meet ${req(f, c)}`,
  'benchmark-met': (_f, p, c) =>
    `${c.label(String(p.leftIndicator))} is ${c.v(p.left, c.unit(String(p.leftIndicator)))}, ${opWord(p.op)} ${c.label(String(p.rightIndicator))} ${c.v(p.right, c.unit(String(p.rightIndicator)))} — meets the requirement`,
  'benchmark-not-met': (f, p, c) =>
    `${c.label(String(p.leftIndicator))} is ${c.v(p.left)}, not ${opWord(p.op)} ${c.label(String(p.rightIndicator))} ${c.v(p.right)} — ` +
    (isInputCheck(f, c) ? `the figures disagree${at(f)}` : `does not meet ${req(f, c)}`),
  'not-applicable': (f, p, c) =>
    p.reason === 'condition'
      ? `${c.title(f.check)}: ${c.label(String(p.indicator))} is ${c.v(p.answer)}, so this does not apply`
      : `${c.title(f.check)}: ${c.label(String(p.indicator))} is not filled in, so this does not apply`,
  consistent: (f, p, c) =>
    `${c.label(f.indicator)} is ${c.v(p.value, p.unit)}, between ${c.v(p.min, p.unit)} (largest part) and ${c.v(p.max, p.unit)} (sum of parts): the figures are consistent`,
  'dedup-out-of-bounds': (f, p, c) =>
    `${c.label(f.indicator)} is ${c.v(p.value, p.unit)}${at(f)}; it must lie between ${c.v(p.min, p.unit)} (largest part) and ${c.v(p.max, p.unit)} (sum of parts): inconsistent`,
  'either-met': (f, p, c) => {
    const b = (p.branches as Params[])[Number(p.branch)];
    const bp = (b?.params ?? {}) as Params;
    if (b?.code === 'answered-yes' && Array.isArray(bp.related) && bp.related.length)
      return `${c.title(f.check).replace(/ \([^()]*\)$/, '')} (${(bp.related as Params[]).map((x) => String(x.value)).join(', ')}): eligible`;
    return `${c.title(f.check)}: met — ${b ? branchEn(b, c) : ''}`;
  },
  'neither-met': (f, p, c) => `${c.title(f.check)}: ${(p.branches as Params[]).map((b) => branchEn(b, c)).join('; ')} — does not meet ${req(f, c)}`,
  'possible-double-count': (f, p, c) =>
    `${c.title(f.check)} was checked on the sum of ${labels(p.parts, c)} (${c.v(p.value, p.unit)}) because no valid ${c.label(String(p.total))} was given; enterprises may be counted twice — please verify`,
  // ── name lists of the application form ──
  'list-sheet-missing': (f, p, c) =>
    `The workbook has no sheet “${String(p.sheet)}”: ` + (f.indicator ? `${c.label(f.indicator)} cannot be checked against its list` : 'the list is not provided') + '; use the current application form with its name lists',
  'list-header-not-found': (f, p) => `No list header found on sheet “${String(p.sheet)}”${at(f)}: it needs columns 名称 (name), 统一社会信用代码 (credit code), 级别 (level) and 认定年份 (year)`,
  'list-name-missing': (f, p) => `A row of the list “${String(p.sheet)}” has no name${at(f)}`,
  'credit-code-missing': (f, p) => `List “${String(p.sheet)}”: the unified social credit code of ${entryEn(p)} is blank${at(f)}`,
  'credit-code-invalid': (f, p) =>
    `List “${String(p.sheet)}”: the unified social credit code “${String(p.found)}” of ${entryEn(p)}${at(f)} ` +
    t(`credit-code.${p.problem as CreditCodeProblem}`, 'en-US', { expected: p.expected as string | undefined }),
  'list-duplicate-code': (f, p) =>
    `List “${String(p.sheet)}”: the credit code ${String(p.code)} appears again${at(f)} (first at ${String(p.firstCell)}); an enterprise is listed once`,
  'list-level-missing': (f, p) => `List “${String(p.sheet)}”: the level of ${entryEn(p)} is blank${at(f)}; it should be one of ${(p.levels as string[]).join(', ')}`,
  'list-level-unknown': (f, p) =>
    `List “${String(p.sheet)}”: the level of ${entryEn(p)} is “${String(p.found)}”${at(f)}, while this list's levels are ${(p.levels as string[]).join(', ')}; please verify`,
  'list-year-invalid': (f, p) => `List “${String(p.sheet)}”: the year of ${entryEn(p)}, “${String(p.found)}”${at(f)}, is not a valid year`,
  'list-year-missing': (f, p) => `List “${String(p.sheet)}”: the year of ${entryEn(p)} is blank${at(f)}`,
  'list-entry-not-counted': (f, p, c) =>
    `List “${String(p.sheet)}”: ${entryEn(p)} is of level “${String(p.level)}”${at(f)}; ${c.label(f.indicator)} counts ${(p.counted as string[]).join(', ')} only, so it is listed but not counted`,
  'list-title-expired': (f, p) =>
    `List “${String(p.sheet)}”: ${entryEn(p)} was recognised in ${String(p.year)}${at(f)}; the title (${String(p.titleEn)}) is valid ${String(p.validityYears)} years and had lapsed by the application year ${String(p.applicationYear)}: check that it was renewed or recognised again`,
  'list-empty': (_f, p) => `The list “${String(p.sheet)}” is empty (${String(p.range)}): not applicable`,
  'list-read': (_f, p) => `List “${String(p.sheet)}” names ${String(p.distinct)} ${p.entity === 'platform' ? 'platforms' : 'enterprises'} (${String(p.range)})`,
  'list-count-matches': (f, p, c) =>
    `${c.label(f.indicator)} is ${c.v(p.stated, c.unit(f.indicator))}, as many as the list “${String(p.sheet)}” names (${String(p.range)})`,
  'list-count-differs': (f, p, c) =>
    `${c.label(f.indicator)} is ${c.v(p.stated, c.unit(f.indicator))} (${String(p.countCell)}), but the list “${String(p.sheet)}” (${String(p.range)}) names ${c.v(p.distinct, c.unit(f.indicator))}: the counts disagree`,
  'list-dedup-matches': (f, p, c) => `${c.label(f.indicator)} is ${c.v(p.stated, '家')}, as the lists de-duplicated by credit code give${byNameEn(p)}`,
  'list-dedup-differs': (f, p, c) =>
    `${c.label(f.indicator)} is ${c.v(p.stated, '家')}${at(f)}, but the lists (${(p.ranges as string[]).join(', ')}) de-duplicated by credit code give ${c.v(p.computed, '家')}: the figures disagree${byNameEn(p)}`,
  'list-dedup-not-stated': (f, p, c) =>
    `${c.label(f.indicator)} is blank${at(f)}; the lists de-duplicated by credit code give ${c.v(p.computed, '家')} (their sum is ${c.v(p.sum, '家')}), for verification${byNameEn(p)}`,
  'list-dedup-unverifiable': (f, p, c) => `The workbook has no sheet ${(p.sheets as string[]).map((x) => `“${x}”`).join(', ')}: ${c.label(f.indicator)} cannot be checked against the lists`,
  // ── the plan's quantified targets and the index of supporting documents ──
  'plan-sheet-missing': (_f, p) => `The workbook has no sheet “${String(p.sheet)}”: the three-year plan's targets cannot be checked; use the new application form with the plan sheet`,
  'plan-years-invalid': (f, p) =>
    `The plan years of “${String(p.sheet)}” are ${(p.found as number[]).length ? (p.found as number[]).join(', ') : 'not found'}${at(f)}; they must be ${String(p.years)} consecutive years from the application year (or the year after)` +
    ((p.expected as number[]).length ? ` (e.g. ${(p.expected as number[]).join(', ')})` : ''),
  'plan-empty': (f, p) => `“${String(p.sheet)}” gives no target at all${at(f)}`,
  'plan-row-missing': (f, p, c) => `“${String(p.sheet)}” has no target row for ${c.label(f.indicator)} (code ${String(f.indicator)})`,
  'plan-target-missing': (f, p, c) => `The plan target of ${c.label(f.indicator)} for ${(p.years as number[]).join(', ')} is blank${at(f)}`,
  'plan-target-invalid': (f, p, c) =>
    `The ${String(p.year)} plan target of ${c.label(f.indicator)}, “${String(p.found)}”${at(f)}, ` +
    (p.problem === 'not-integer' ? 'must be a whole number' : p.problem === 'negative-value' ? 'cannot be negative' : p.problem === 'not-a-number' ? 'is not a number: type digits' : p.problem === 'out-of-range' ? 'is out of range (beyond any number Excel can hold): type it again' : 'is not a valid target'),
  'plan-target-below-current': (f, p, c) =>
    `The ${String(p.year)} plan target of ${c.label(f.indicator)}, ${c.v(p.target, c.unit(f.indicator))}, is below the current ${c.v(p.current, c.unit(f.indicator))} (${String(p.currentCell)}): renewal review measures completion against this target, and a target below the current figure asks for no progress — please confirm it is meant`,
  'plan-target-above-current': (f, p, c) =>
    `The ${String(p.year)} plan target of ${c.label(f.indicator)}, ${c.v(p.target, c.unit(f.indicator))}, is above the current ${c.v(p.current, c.unit(f.indicator))} (${String(p.currentCell)}): this figure should fall, and a target above it allows it to worsen — please confirm it is meant`,
  'plan-targets-complete': (_f, p) => `“${String(p.sheet)}” gives targets for ${String(p.indicators)} indicators for ${(p.years as number[]).join(', ')}`,
  'evidence-sheet-missing': (_f, p) => `The workbook has no sheet “${String(p.sheet)}”: the supporting documents cannot be checked; use the new application form with the index of supporting documents`,
  'evidence-header-not-found': (f, p) => `No header found on “${String(p.sheet)}”${at(f)}: it needs the columns 材料名称 (document) and 对应指标 (indicator)`,
  'evidence-empty': (f, p) => `“${String(p.sheet)}” lists no supporting document${at(f)}`,
  'evidence-name-missing': (f, p) => `A row of “${String(p.sheet)}” has no document name${at(f)}`,
  'evidence-code-missing': (f, p) => `Supporting document “${String(p.name)}” names no indicator${at(f)}`,
  'evidence-code-unknown': (f, p) => `Supporting document “${String(p.name)}” names “${String(p.found)}”${at(f)}, which is no indicator, check or criterion of the rulebook`,
  'evidence-criterion-uncovered': (_f, p, c) => {
    const crit = c.rb.data.criteria.find((x) => x.id === p.criterion);
    return `Criterion ${String(p.criterion)}${crit ? ` (${crit.title.en})` : ''} has no supporting document`;
  },
  'evidence-complete': (_f, p) => `“${String(p.sheet)}” lists ${String(p.documents)} supporting documents, every criterion backed by one at least`,
  'not-evaluated': (f, p, c) =>
    `${c.title(f.check)} could not be checked: ` +
    ((p.blockedBy ?? []) as Params[])
      .map((b) => `${c.label(String(b.indicator))}${b.year ? ` (${String(b.year)})` : ''} ${blockWords(String(b.reason), 'en-US')}${b.cell ? ` [${String(b.cell)}]` : ''}`)
      .join('; '),
  // ── monitoring (section R): the Art. 17 ground each fail or veto establishes ──
  'r1-valid': (_f, p) => `Recognised in ${String(p.recognised)}, valid until ${String(p.expires)}: valid when reported in ${String(p.reportYear)}`,
  'r1-after-monitoring-year': (f, p) => `The year of recognition ${String(p.recognised)} is after the monitoring year ${String(p.year)}${at(f)}; please check`,
  'r1-expired': (f, p) =>
    `Recognition expired in ${String(p.expires)}, the renewal window has closed, and no renewal review was passed${at(f)}: a ground for revocation under Art. 17 (1)` +
    (p.source === 'roster' ? ' (year of recognition from the provincial roster)' : ' (year of recognition as the cluster gave it: to be verified)'),
  'r1-renewal-failed': (f) => `The renewal review failed${at(f)} (provincial roster): a ground for revocation under Art. 17 (1)`,
  'r1-renewal-due': (f, p) =>
    `${String(p.reportYear)} is the year recognition expires and no renewal review has been applied for${at(f)}: remind the cluster to apply in time; not applying by the end of the window is a ground under Art. 17 (1)`,
  'r1-renewal-applied': (_f, p) => `${String(p.reportYear)} is the year recognition expires; a renewal review was applied for`,
  'r2-none': () => 'No false declaration or violations',
  'r2-violation': (f) => `False declaration or violations${at(f)}: a ground for revocation under Art. 17 (2)`,
  'r3-on-time': (_f, p) => `Received by the provincial authority on ${String(p.date)}, not after the deadline ${String(p.deadline)}: on time`,
  'r3-late': (f, p) => `Received by the provincial authority on ${String(p.date)}, after the deadline ${String(p.deadline)}${at(f)}: late, a ground for revocation under Art. 17 (3)`,
  'r3-after-today': (f, p) => `Received by the provincial authority on ${String(p.date)}, after today (${String(p.today)})${at(f)}: a date after today cannot be right; please check`,
  'm1-in-future': (f, p) => `The monitoring year ${String(p.year)} is after today's year (${String(p.today)})${at(f)}: a year in the future cannot be right; please check`,
  'r3-before-year-end': (f, p) => `Received by the provincial authority on ${String(p.date)}, before the reported year ${String(p.year)} ended${at(f)}: the date or the year cannot be right; please check`,
  'r3-cooperating': () => 'Cooperating with monitoring and supervision',
  'r3-not-cooperating': (f) => `The form says the cluster does not cooperate with monitoring and supervision${at(f)}: possibly a ground under Art. 17 (3), to be verified`,
  'r3-date-invalid': (f, p) => `The date of receipt${at(f)} “${String(p.found)}” is not a date; write a date such as 2025-04-15`,
  'r4-unchanged': (_f, p) => `No major change of the ${changeEn(p.item)}`,
  'r4-filed': (_f, p) => `A major change of the ${changeEn(p.item)}, updated and filed in time`,
  'r4-not-filed': (f, p) => `The form says a major change of the ${changeEn(p.item)} was not updated and filed in time${at(f)}: possibly a ground under Art. 17 (4), to be verified`,
  'r5-none': () => 'No negative circumstance in the monitoring year',
  'r5-event': (f, _p, c) => `${c.label(f.indicator)} yes${at(f)}: a ground for revocation under Art. 17 (5)`,
  'r6-met': (f, p, c) => `${c.label(f.indicator)}: actual ${c.v(p.actual, c.unit(f.indicator))} meets the plan target ${c.v(p.target, c.unit(f.indicator))}`,
  'r6-below-target': (f, p, c) => `${c.label(f.indicator)}: actual ${c.v(p.actual, c.unit(f.indicator))} below the plan target ${c.v(p.target, c.unit(f.indicator))}${at(f)}; for the renewal panel`,
  'r6-three-year': (f, p, c) =>
    `${c.label(f.indicator)}: ${c.v(p.actual, c.unit(f.indicator))} this year; the plan target ${c.v(p.target, c.unit(f.indicator))} is a three-year count, not a year's: renewal review checks the three years' total`,
  'r6-no-direction': (f, p, c) =>
    `${c.label(f.indicator)}: actual ${c.v(p.actual, c.unit(f.indicator))}, planned ${c.v(p.target, c.unit(f.indicator))}; no side of this figure is better, for the renewal panel`,
  'r6-above-target': (f, p, c) => `${c.label(f.indicator)}: actual ${c.v(p.actual, c.unit(f.indicator))} above the plan target ${c.v(p.target, c.unit(f.indicator))} (lower is better)${at(f)}; for the renewal panel`,
};

/** The three major changes of R4. */
const changeEn = (item: ParamValue | undefined) => (item === 'industry' ? 'leading industry' : item === 'scope' ? 'spatial scope' : 'operating and management body');
