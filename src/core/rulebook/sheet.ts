/**
 * A rulebook as a workbook an official edits in Excel or WPS, and back. Export: the rulebook ⇄ SheetModels
 * mapping (规则表: one row per threshold of each check; 设置: settings, criteria weights; a very hidden sheet
 * holding the whole rulebook the workbook was made from). Import: the rows as read (plain cell values) → the
 * rulebook JSON, every problem named by the check (id and title) and the cell. Only what the workbook shows is
 * taken from it; everything else (indicators, rule kinds, English words not shown) comes from the hidden copy, so
 * an unchanged workbook gives back exactly the rulebook it was made from (the same fingerprint).
 *
 * Pure: the adapter (src/xlsx/rulebook-sheet.ts) renders the models and reads the grids.
 */
import { toA1 } from '../address.js';
import { pagePrint } from '../report/print.js';
import type { CellModel, SheetModel } from '../report/sheet-model.js';
import { planIndicators } from '../template/plan.js';
import { t, tAny, type TextKey } from '../text/index.js';
import type { Lang } from '../types.js';
import { cityKey } from './cities.js';
import { detailOf, validateRulebook, type LoadedRulebook, type RulebookProblem } from './load.js';
import type { Check, Indicator, Op, Rule, Rulebook } from './schema.js';

export const RULEBOOK_SHEET = { checks: '规则表', settings: '设置', base: '_rulebook' } as const;
/** Written in the hidden sheet's A1: what the workbook is, so a stranger's workbook is refused plainly. */
const RULEBOOK_SHEET_FORMAT = 'cluster-review/rulebook-sheet@1';
/** Characters of the rulebook JSON per hidden cell: far below every spreadsheet's cell limit. */
const CHUNK = 8000;

export type SheetCell = string | number | boolean | null | undefined;
/** A sheet as read: rows of plain values (dates as "YYYY-MM-DD", formulas as their results), zero-based. */
export type SheetGrid = ReadonlyArray<ReadonlyArray<SheetCell>>;

// ---------------------------------------------------------------------------------------------------------------
// Rows: one per threshold ("slot") of each check; a check of two branches (2.A, E2) has two rows.

type Seg = string | number;

export interface Slot {
  check: Check;
  checkIndex: number;
  /** 1-based branch of an either-of rule; null for a check with one rule. */
  part: number | null;
  /** Path of the rule inside the check, e.g. ["rule"], ["rule", "anyOf", 1], ["rule", "then"]. */
  path: Seg[];
  rule: Rule;
}

const unwrap = (rule: Rule, path: Seg[]): { rule: Rule; path: Seg[] } => (rule.kind === 'conditional' ? unwrap(rule.then, [...path, 'then']) : { rule, path });

export function slotsOf(rb: Rulebook): Slot[] {
  const slots: Slot[] = [];
  rb.checks.forEach((check, checkIndex) => {
    const top = unwrap(check.rule, ['rule']);
    if (top.rule.kind === 'either-of')
      top.rule.anyOf.forEach((r, i) => slots.push({ check, checkIndex, part: i + 1, ...unwrap(r, [...top.path, 'anyOf', i]) }));
    else slots.push({ check, checkIndex, part: null, ...top });
  });
  return slots;
}

export const hasOp = (r: Rule): r is Extract<Rule, { op: Op }> => 'op' in r;
export const numericBound = (r: Rule): number | undefined => ('bound' in r && typeof r.bound === 'number' ? r.bound : undefined);

/** Whether the slot's threshold is a fraction shown as a percentage. */
export function isPercent(rule: Rule, indicators: ReadonlyMap<string, Indicator>): boolean {
  if (rule.kind === 'share' || rule.kind === 'growth') return true;
  if (rule.kind === 'compare' && 'indicator' in rule.of) return indicators.get(rule.of.indicator)?.kind === 'percent';
  return false;
}

export function unitOf(rule: Rule, indicators: ReadonlyMap<string, Indicator>): string {
  const of = (code: string | undefined) => {
    const ind = code ? indicators.get(code) : undefined;
    return ind?.kind === 'percent' ? '%' : (ind?.unit ?? '');
  };
  switch (rule.kind) {
    case 'share':
    case 'growth':
      return '%';
    case 'compare':
      return of('indicator' in rule.of ? rule.of.indicator : 'sum' in rule.of ? rule.of.sum[0] : rule.of.total);
    case 'ratio':
      return of(rule.derived ?? rule.numerator);
    case 'compare-indicators':
      return of(rule.left);
    default:
      return '';
  }
}

function measures(rule: Rule, lang: Lang, rb?: LoadedRulebook): string {
  const k = (key: string, params: Record<string, string | number | string[]>) => tAny(`rulebook.sheet.measure.${key}`, lang, params);
  const sheetOf = (id: string) => rb?.data.lists?.find((l) => l.id === id)?.sheet ?? id;
  switch (rule.kind) {
    // The form's own sheets: what each row checks, so an official sees the list and plan checks beside the thresholds.
    case 'list':
      return rule.indicator ? k('list-count', { sheet: sheetOf(rule.list), code: rule.indicator }) : k('list', { sheet: sheetOf(rule.list) });
    case 'list-dedup':
      return k('list-dedup', { sheets: rule.lists.map(sheetOf).map((x) => `“${x}”`), code: rule.indicator });
    case 'plan-targets':
      return k('plan', { sheet: rule.sheet, years: rule.years, count: rule.indicators?.length ?? (rb ? planIndicators(rb).length : 0) });
    case 'evidence':
      return k('evidence', { sheet: rule.sheet, criteria: rule.criteria });
    case 'compare':
      if ('indicator' in rule.of) return rule.of.indicator;
      if ('sum' in rule.of) return rule.of.sum.join(' + ');
      return k('total', { total: rule.of.total, sum: rule.of.elseSum.join(' + ') });
    case 'yes-required':
      return k('yes', { code: rule.indicator });
    case 'veto':
      return k('veto', { code: rule.indicator });
    case 'review':
      return k('review', { code: rule.indicator });
    case 'trend':
      return k('trend', { code: rule.indicator });
    case 'growth':
      return k('growth', { code: rule.indicator });
    case 'share':
      return k('share', { part: rule.part, whole: rule.whole });
    case 'ratio':
      return k('ratio', { num: rule.numerator, den: rule.denominator, scale: rule.scale });
    case 'compare-indicators':
      return k('pair', { left: rule.left, right: rule.right });
    case 'consistency-bounds':
      return k('bounds', { total: rule.total, parts: rule.parts.join('、') });
    default:
      return '';
  }
}

// Requirement texts: "{bound}" in the file, "[阈值]" / "[threshold]" in the sheet, so an official can move it.
const placeholderWords = (lang: Lang) => ({ one: t('rulebook.sheet.placeholder', lang), n: (i: number) => t('rulebook.sheet.placeholder.n', lang, { n: i }) });

function requirementForSheet(text: string, lang: Lang): string {
  const w = placeholderWords(lang);
  return text.replace(/\{bound(?:\.(\d+))?\}/g, (_m, i: string | undefined) => (i === undefined ? w.one : w.n(Number(i) + 1)));
}

function requirementFromSheet(text: string): string {
  // Either language's words, whichever the workbook was exported in.
  return text
    .replace(/\[\s*(?:阈值|threshold)\s*(\d+)\s*\]/gi, (_m, n: string) => `{bound.${Number(n) - 1}}`)
    .replace(/\[\s*(?:阈值|threshold)\s*\]/gi, '{bound}');
}

// ---------------------------------------------------------------------------------------------------------------
// Columns and words

const CHECK_COLUMNS = ['id', 'part', 'title', 'op', 'bound', 'unit', 'years', 'enabled', 'requirement', 'measures', 'titleEn', 'requirementEn'] as const;
export type CheckColumn = (typeof CHECK_COLUMNS)[number];
/** Columns an import cannot do without; the others are read when present. */
const REQUIRED_COLUMNS: readonly CheckColumn[] = ['id', 'part', 'title', 'op', 'bound', 'years', 'enabled', 'requirement'];
const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

const norm = (s: SheetCell): string => (s === null || s === undefined ? '' : String(s)).replace(/\s+/g, ' ').trim().toLowerCase();

/** Every word (both languages) a choice may be written as, mapped to its value. */
function choices<V extends string>(values: readonly V[], key: (v: V) => string, extra: Record<string, V> = {}): Map<string, V> {
  const m = new Map<string, V>();
  for (const v of values) {
    m.set(norm(v), v);
    for (const lang of LANGS) m.set(norm(tAny(key(v), lang)), v);
  }
  for (const [w, v] of Object.entries(extra)) m.set(norm(w), v);
  return m;
}

const OPS = ['>=', '>', '<=', '<'] as const;
const OP_WORDS = choices(OPS, (v) => `rulebook.sheet.op.${v}`, { '≥': '>=', '≤': '<=', 以上: '>=', 不少于: '>=', 不超过: '<=' });
const ON_WORDS = choices(['on', 'off'] as const, (v) => `rulebook.sheet.${v}`, { 是: 'on', 否: 'off', true: 'on', false: 'off', 开: 'on', 关: 'off' });
const YEAR_WORDS = choices(['each', 'latest'] as const, (v) => `rulebook.sheet.years.${v}`, { 每年: 'each' });
const ROUND_WORDS = choices(['national-recommendation', 'provincial-recognition'] as const, (v) => `rulebook.sheet.round.${v}`);
const GROWTH_WORDS = choices(['compound', 'arithmetic'] as const, (v) => `rulebook.show.growth.${v}`);
const COMBINE = ['mean', 'trimmed-mean', 'median'] as const;
const COMBINE_WORDS = choices(COMBINE, (v) => `rulebook.combine.${v}`, { 均值: 'mean', 平均值: 'mean', 去掉最高分和最低分后的平均分: 'trimmed-mean', 截尾平均: 'trimmed-mean', 中值: 'median' });

const opWord = (op: Op, lang: Lang) => tAny(`rulebook.sheet.op.${op}`, lang);

// ---------------------------------------------------------------------------------------------------------------
// Export

const SETTING_KEYS = [
  'id',
  'name.zh',
  'name.en',
  'edition',
  'authority.zh',
  'authority.en',
  'round',
  'firstBatchYear',
  'growthMethod',
  'monitoringDeadline',
  'validityYears',
  'spreadShare',
  'minMeanTotal',
  'total',
  'combination',
  'trimmedMinimum',
  'minimumExperts',
  'recommendations',
] as const;
type SettingKey = (typeof SETTING_KEYS)[number];

const PERCENT_FORMAT = '0.0%';
/** Blank rows for cities of their own quota below those the rulebook names (a province inserts more if it needs). */
const CITY_ROWS = 10;

export interface RulebookSheetOptions {
  /** Write the English title and requirement columns (default true). */
  english?: boolean;
}

/** The workbook form of a rulebook: 规则表, 设置 and the very hidden copy of the whole file. */
export function rulebookSheetModels(rb: LoadedRulebook, lang: Lang, opts: RulebookSheetOptions = {}): SheetModel[] {
  const src = rb.source;
  const english = opts.english !== false;
  const columns = CHECK_COLUMNS.filter((c) => english || (c !== 'titleEn' && c !== 'requirementEn'));
  const col = (c: CheckColumn) => columns.indexOf(c);
  const cells: CellModel[] = [];
  const header = (c: CheckColumn) => t(`rulebook.sheet.col.${c === 'title' || c === 'requirement' ? `${c}.zh` : c}` as TextKey, lang);
  columns.forEach((c, i) => cells.push({ row: 0, col: i, value: header(c), style: 'header', ...(i === 0 ? { note: t('rulebook.sheet.checks-note', lang) } : {}) }));

  const input = (row: number, c: CheckColumn, cell: Omit<CellModel, 'row' | 'col' | 'style' | 'input'>): void =>
    void cells.push({ row, col: col(c), style: 'applicantInput', input: 'applicant', ...cell });
  const locked = (row: number, c: CheckColumn, value: CellModel['value'], extra: Partial<CellModel> = {}): void =>
    void cells.push({ row, col: col(c), value, style: 'locked', ...extra });
  const opList = OPS.map((o) => opWord(o, lang));
  const onList = [t('rulebook.sheet.on', lang), t('rulebook.sheet.off', lang)];
  const yearList = [t('rulebook.sheet.years.each', lang), t('rulebook.sheet.years.latest', lang)];

  let row = 1;
  let lastCheck = -1;
  for (const slot of slotsOf(src)) {
    const { check, rule } = slot;
    const first = slot.checkIndex !== lastCheck;
    lastCheck = slot.checkIndex;
    const only = check.onlyInRound ? t(check.onlyInRound === 'national-recommendation' ? 'rulebook.sheet.only-national' : 'rulebook.sheet.only-provincial', lang) : undefined;
    locked(row, 'id', check.id, only ? { note: only } : {});
    locked(row, 'part', slot.part);
    if (first) {
      input(row, 'title', { value: check.title.zh });
      input(row, 'enabled', { value: check.enabled === false ? onList[1]! : onList[0]!, validation: { kind: 'list', values: onList } });
      input(row, 'requirement', { value: check.requirement ? requirementForSheet(check.requirement.zh, 'zh-CN') : '' });
      if (english) {
        input(row, 'titleEn', { value: check.title.en });
        input(row, 'requirementEn', { value: check.requirement ? requirementForSheet(check.requirement.en, 'en-US') : '' });
      }
    } else for (const c of ['title', 'enabled', 'requirement', ...(english ? (['titleEn', 'requirementEn'] as const) : [])] as const) locked(row, c, null);
    if (hasOp(rule)) input(row, 'op', { value: opWord(rule.op, lang), validation: { kind: 'list', values: opList } });
    else locked(row, 'op', null);
    const bound = numericBound(rule);
    const percent = isPercent(rule, rb.indicators);
    if (bound !== undefined)
      input(row, 'bound', {
        value: bound,
        ...(percent ? { numberFormat: PERCENT_FORMAT } : {}),
        validation: percent
          ? { kind: 'decimal', min: rule.kind === 'growth' ? -1 : 0, max: 1, prompt: t('rulebook.sheet.enter-percent', lang) }
          : { kind: 'decimal', min: -1e12, max: 1e12, prompt: t('rulebook.sheet.enter-number', lang) },
      });
    else locked(row, 'bound', 'bound' in rule ? t('rulebook.sheet.first-batch-bound', lang) : null);
    locked(row, 'unit', unitOf(rule, rb.indicators));
    const series = rule.kind === 'compare' && 'indicator' in rule.of && rb.indicators.get(rule.of.indicator)?.series === true;
    if (rule.kind === 'compare' && series)
      input(row, 'years', { value: t(`rulebook.sheet.years.${rule.years}`, lang), validation: { kind: 'list', values: yearList } });
    else locked(row, 'years', null);
    locked(row, 'measures', measures(rule, lang, rb));
    row++;
  }
  const widths = columns.map((c) => ({ id: 7, part: 6, title: 26, op: 9, bound: 11, unit: 8, years: 12, enabled: 7, requirement: 52, measures: 26, titleEn: 30, requirementEn: 52 })[c]);
  const checksModel: SheetModel = {
    name: RULEBOOK_SHEET.checks,
    cells,
    widths,
    freeze: { rows: 1, cols: col('title') + 1 },
    protect: {},
    tabColor: '#4472C4',
  };
  // The English columns are there to be edited, not printed: with them the sheet is too wide for one legible page.
  // What prints is the Chinese rulebook, one page wide, its long texts wrapped.
  const subject = `${lang === 'zh-CN' ? src.name.zh : src.name.en} ${src.edition}`;
  checksModel.print = pagePrint(checksModel, { subject, lang, repeatRows: [0, 0], repeatCols: [0, col('title')], columns: [0, col('measures')] });
  const settings = settingsModel(rb, lang);
  settings.print = pagePrint(settings, { subject, lang, repeatRows: [0, 0] });
  return [checksModel, settings, baseModel(src)];
}

function settingsModel(rb: LoadedRulebook, lang: Lang): SheetModel {
  const src = rb.source;
  const cells: CellModel[] = [];
  [t('rulebook.sheet.setting', lang), t('rulebook.sheet.value', lang), t('rulebook.sheet.about', lang)].forEach((v, c) => cells.push({ row: 0, col: c, value: v, style: 'header' }));
  const total = src.criteria.reduce((a, c) => a + c.weight, 0);
  const s = src.settings;
  const value = (key: SettingKey): Omit<CellModel, 'row' | 'col'> => {
    const list = (values: string[], v: string) => ({ value: v, validation: { kind: 'list' as const, values } });
    switch (key) {
      case 'id':
        return { value: src.id };
      case 'name.zh':
        return { value: src.name.zh };
      case 'name.en':
        return { value: src.name.en };
      case 'edition':
        return { value: src.edition };
      case 'authority.zh':
        return { value: src.authority.zh };
      case 'authority.en':
        return { value: src.authority.en };
      case 'round': {
        const words = (['national-recommendation', 'provincial-recognition'] as const).map((r) => t(`rulebook.sheet.round.${r}`, lang));
        return list(words, t(`rulebook.sheet.round.${src.round ?? 'national-recommendation'}`, lang));
      }
      case 'firstBatchYear':
        return { value: s.firstBatchYear ?? null, validation: { kind: 'whole', min: 2000, max: 2100 } };
      case 'growthMethod':
        return list([t('rulebook.show.growth.compound', lang), t('rulebook.show.growth.arithmetic', lang)], t(`rulebook.show.growth.${s.growthMethod}`, lang));
      case 'monitoringDeadline':
        // Text, so no spreadsheet turns "04-30" into a date of this year.
        return { value: s.monitoringDeadline, numberFormat: '@' };
      case 'validityYears':
        return { value: s.validityYears, validation: { kind: 'whole', min: 1, max: 100 } };
      case 'spreadShare':
        return { value: src.scoring.spreadShare, numberFormat: PERCENT_FORMAT, validation: { kind: 'decimal', min: 0, max: 1, prompt: t('rulebook.sheet.enter-percent', lang) } };
      case 'minMeanTotal':
        return { value: src.scoring.recommendation.minMeanTotal, validation: { kind: 'decimal', min: 0, max: 1e6 } };
      case 'total':
        return { value: total, validation: { kind: 'decimal', min: 0, max: 1e6 } };
      case 'combination':
        return list(COMBINE.map((c) => t(`rulebook.combine.${c}`, lang)), t(`rulebook.combine.${src.scoring.combine}`, lang));
      case 'trimmedMinimum':
        return { value: src.scoring.trimmedMinimum, validation: { kind: 'whole', min: 3, max: 1000 } };
      case 'minimumExperts':
        return { value: src.scoring.minimumExperts, validation: { kind: 'whole', min: 1, max: 1000 } };
      case 'recommendations':
        // Blank: no cap.
        return { value: src.scoring.recommendations ?? null, validation: { kind: 'whole', min: 0, max: 100000 } };
    }
  };
  let row = 1;
  for (const key of SETTING_KEYS) {
    cells.push({ row, col: 0, value: t(`rulebook.sheet.set.${key}` as TextKey, lang), style: 'label' });
    cells.push({ row, col: 1, style: 'applicantInput', input: 'applicant', ...value(key) });
    const about = `rulebook.sheet.about.${key}`;
    cells.push({ row, col: 2, value: tAny(about, lang) === about ? '' : tAny(about, lang), style: 'muted' });
    row++;
  }
  row++;
  const head = row++;
  [t('rulebook.sheet.criteria', lang), t('rulebook.sheet.col.title', lang), t('rulebook.sheet.weight', lang)].forEach((v, c) => cells.push({ row: head, col: c, value: v, style: 'header' }));
  const firstWeight = row;
  for (const c of src.criteria) {
    cells.push({ row, col: 0, value: c.id, style: 'locked' });
    cells.push({ row, col: 1, value: lang === 'zh-CN' ? c.title.zh : c.title.en, style: 'locked' });
    cells.push({ row, col: 2, value: c.weight, style: 'applicantInput', input: 'applicant', validation: { kind: 'decimal', min: 0, max: 1e6 } });
    row++;
  }
  cells.push({ row, col: 0, value: t('rulebook.sheet.sum', lang), style: 'label' });
  cells.push({ row, col: 2, formula: `SUM(${toA1(firstWeight, 2)}:${toA1(row - 1, 2)})`, result: total, style: 'computed' });
  row += 2;
  // 市级推荐: the default quota, then a city and its quota a row, with blank rows to add cities (more may be inserted).
  [t('rulebook.sheet.cities', lang), t('rulebook.sheet.city', lang), t('rulebook.sheet.quota', lang)].forEach((v, c) => cells.push({ row, col: c, value: v, style: 'header' }));
  row++;
  const quota = { kind: 'whole' as const, min: 0, max: 100000 };
  const quotas = src.cityRecommendation?.quotas;
  cells.push({ row, col: 0, value: t('rulebook.sheet.cityDefault', lang), style: 'label' });
  cells.push({ row, col: 1, value: t('rulebook.sheet.cityDefaultAbout', lang), style: 'muted' });
  cells.push({ row, col: 2, value: quotas?.default ?? null, style: 'applicantInput', input: 'applicant', validation: quota });
  row++;
  const named = Object.entries(quotas?.byCity ?? {});
  for (let i = 0; i < named.length + CITY_ROWS; i++, row++) {
    cells.push({ row, col: 1, value: named[i]?.[0] ?? null, style: 'applicantInput', input: 'applicant', numberFormat: '@' });
    cells.push({ row, col: 2, value: named[i]?.[1] ?? null, style: 'applicantInput', input: 'applicant', validation: quota });
  }
  return {
    name: RULEBOOK_SHEET.settings,
    cells,
    widths: [22, 46, 60],
    protect: {},
  };
}

function baseModel(src: Rulebook): SheetModel {
  const json = JSON.stringify(src);
  const cells: CellModel[] = [{ row: 0, col: 0, value: RULEBOOK_SHEET_FORMAT }];
  for (let i = 0, r = 1; i < json.length; i += CHUNK, r++) cells.push({ row: r, col: 0, value: json.slice(i, i + CHUNK) });
  return { name: RULEBOOK_SHEET.base, cells, state: 'veryHidden', protect: {} };
}

// ---------------------------------------------------------------------------------------------------------------
// Import

export interface SheetImport {
  /** The rulebook JSON, when there was no problem. */
  rulebook?: Rulebook;
  problems: RulebookProblem[];
}

const at = (sheet: string, row: number, col: number) => `${sheet}!${toA1(row, col)}`;
const text = (v: SheetCell): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v).trim());
const blank = (v: SheetCell) => text(v) === '';
/** Floating noise a spreadsheet may add on saving (0.7 → 0.69999999999999996) is not a change. */
const clean = (n: number) => Number(n.toPrecision(15));

type NumberRead = { ok: true; value: number; percentTyped: boolean } | { ok: false; found: string };

function readNumber(v: SheetCell): NumberRead {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: clean(v), percentTyped: false } : { ok: false, found: String(v) };
  const s = text(v).replace(/[,，\s]/g, '').replace(/％/g, '%');
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$/.exec(s);
  if (!m) return { ok: false, found: text(v) };
  const n = Number(m[1]);
  return { ok: true, value: clean(m[2] ? n / 100 : n), percentTyped: m[2] === '%' };
}

const pct = (n: number) => `${clean(n * 100)}%`;

function baseOf(grid: SheetGrid | undefined): unknown {
  if (!grid || text(grid[0]?.[0]) !== RULEBOOK_SHEET_FORMAT) return undefined;
  let json = '';
  // Untrimmed: a chunk may begin or end with a space of the JSON.
  for (let r = 1; r < grid.length; r++) {
    const v = grid[r]?.[0];
    json += typeof v === 'string' ? v : '';
  }
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the workbook form of a rulebook back. `sheets` by name; problems in `lang`, each naming its cell. */
export function rulebookFromSheets(sheets: ReadonlyMap<string, SheetGrid>, lang: Lang): SheetImport {
  const problems: RulebookProblem[] = [];
  const problem = (code: string, cell: string, message: string, extra: Partial<RulebookProblem> = {}, params: Record<string, string | number> = {}) =>
    problems.push({ path: cell, code, params, message, ...extra });

  const base = baseOf(sheets.get(RULEBOOK_SHEET.base));
  const loaded = base === undefined ? undefined : validateRulebook(base, lang);
  if (!loaded || !loaded.ok) {
    problem('no-base', RULEBOOK_SHEET.base, t('rulebook.sheet.no-base', lang, { sheet: RULEBOOK_SHEET.base }));
    return { problems };
  }
  const rb = loaded.rulebook;
  // Edits go into a copy of the file the workbook was made from; `cellOf` remembers which cell set which path, and
  // how a problem there names it (the words every problem of the import begins with).
  const out = structuredClone(rb.source) as Rulebook;
  const cellOf: CellOf = new Map();

  for (const name of [RULEBOOK_SHEET.checks, RULEBOOK_SHEET.settings])
    if (!sheets.has(name)) problem('no-sheet', name, t('rulebook.sheet.no-sheet', lang, { sheet: name }));
  const checksGrid = sheets.get(RULEBOOK_SHEET.checks);
  if (checksGrid) applyChecks(checksGrid, rb, out, lang, problem, cellOf);
  const settingsGrid = sheets.get(RULEBOOK_SHEET.settings);
  if (settingsGrid) applySettings(settingsGrid, rb, out, lang, problem, cellOf);
  // What only the whole rulebook can say (a percent bound out of range, a threshold out of its indicator's range), at
  // its cell and in the words of the others: checked even when cells are wrong already, so every problem is listed
  // at once (a wrong cell left the file's own value in place, which is valid; one problem per cell).
  const checked = validateRulebook(out, lang);
  if (!checked.ok) {
    const taken = new Set(problems.map((p) => p.path));
    for (const p of checked.problems) {
      const at = cellOf.get(p.path) ?? [...cellOf.entries()].find(([path]) => p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))?.[1];
      if (!at) problems.push(p);
      else if (!taken.has(at.cell)) {
        taken.add(at.cell);
        problems.push({ ...p, path: at.cell, message: t('rulebook.problem', lang, { where: at.where, detail: detailOf(p) }) });
      }
    }
  }
  if (problems.length) return { problems };
  return { rulebook: out, problems: [] };
}

/** JSON path → the cell that set it and the words naming it (`rulebook.problem`'s where). */
type CellOf = Map<string, { cell: string; where: string }>;

type Problem = (code: string, cell: string, message: string, extra?: Partial<RulebookProblem>, params?: Record<string, string | number>) => void;

const jsonPath = (segs: readonly Seg[]) => `$${segs.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

function getAt(obj: unknown, segs: readonly Seg[]): unknown {
  let v: unknown = obj;
  for (const s of segs) v = isRecord(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

function applyChecks(grid: SheetGrid, rb: LoadedRulebook, out: Rulebook, lang: Lang, problem: Problem, cellOf: CellOf): void {
  const sheet = RULEBOOK_SHEET.checks;
  const head = grid[0] ?? [];
  const colOf = new Map<CheckColumn, number>();
  head.forEach((h, i) => {
    const w = norm(h);
    for (const c of CHECK_COLUMNS)
      for (const l of LANGS) {
        const words = [t(`rulebook.sheet.col.${c}` as TextKey, l), ...(c === 'title' || c === 'requirement' ? [t(`rulebook.sheet.col.${c}.zh` as TextKey, l)] : [])];
        if (!colOf.has(c) && words.some((x) => norm(x) === w)) colOf.set(c, i);
      }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !colOf.has(c));
  for (const c of missing) problem('no-column', `${sheet}!1:1`, t('rulebook.sheet.no-column', lang, { sheet, column: t(`rulebook.sheet.col.${c}` as TextKey, lang) }), {}, { column: c });
  if (missing.length) return;
  const c = (k: CheckColumn) => colOf.get(k);

  const slots = new Map(slotsOf(rb.source).map((s) => [`${s.check.id}|${s.part ?? ''}`, s]));
  const checkIds = new Set(rb.source.checks.map((x) => x.id));
  const seen = new Set<string>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const v = (k: CheckColumn) => (c(k) === undefined ? undefined : row[c(k)!]);
    const cell = (k: CheckColumn) => at(sheet, r, c(k)!);
    const id = text(v('id'));
    if (!id) continue;
    const partRead = readNumber(v('part') ?? null);
    const part = blank(v('part')) ? '' : partRead.ok ? String(partRead.value) : text(v('part'));
    if (!checkIds.has(id)) {
      problem('unknown-check', cell('id'), t('rulebook.sheet.unknown-check', lang, { id, cell: cell('id') }), {}, { id });
      continue;
    }
    const slot = slots.get(`${id}|${part}`);
    if (!slot) {
      problem('unknown-part', cell('part'), t('rulebook.sheet.unknown-part', lang, { id, part, cell: cell('part') }), { check: id }, { id, part });
      continue;
    }
    const key = `${id}|${part}`;
    if (seen.has(key)) {
      problem('row-twice', cell('id'), t('rulebook.sheet.row-twice', lang, { id, cell: cell('id') }), { check: id }, { id });
      continue;
    }
    seen.add(key);
    const check = out.checks[slot.checkIndex]!;
    const where = t('rulebook.where.check', lang, { id, title: lang === 'zh-CN' ? slot.check.title.zh : slot.check.title.en });
    const whereAt = (k: CheckColumn) => t('rulebook.where.field', lang, { where, field: t('rulebook.sheet.where.cell', lang, { word: t(`rulebook.sheet.col.${k}` as TextKey, lang), cell: cell(k) }) });
    const bad = (k: CheckColumn, code: string, detail: string, params: Record<string, string | number> = {}) => problem(code, cell(k), t('rulebook.problem', lang, { where: whereAt(k), detail }), { check: id }, params);
    const set = (segs: Seg[], k: CheckColumn) => cellOf.set(jsonPath(segs), { cell: cell(k), where: whereAt(k) });
    const checkPath: Seg[] = ['checks', slot.checkIndex];
    const rulePath = [...checkPath, ...slot.path];
    const rule = getAt(out, rulePath) as Record<string, unknown>;

    if (hasOp(slot.rule)) {
      const w = OP_WORDS.get(norm(v('op')));
      if (!w) bad('op', 'bad-op', t('rulebook.sheet.not-one-of', lang, { found: text(v('op')), choices: OPS.map((o) => opWord(o, lang)) }), { found: text(v('op')) });
      else {
        rule.op = w;
        set([...rulePath, 'op'], 'op');
      }
    }
    if (numericBound(slot.rule) !== undefined) {
      const raw = v('bound');
      const n = readNumber(raw ?? null);
      const percent = isPercent(slot.rule, rb.indicators);
      if (blank(raw)) bad('bound', 'blank', t('rulebook.sheet.blank', lang));
      else if (!n.ok) bad('bound', 'not-number', t('rulebook.sheet.not-number', lang, { found: n.found }), { found: n.found });
      else if (percent && n.value > 1) bad('bound', 'percent-above-100', t('rulebook.sheet.percent-above-100', lang, { found: pct(n.value) }), { found: n.value });
      else if (percent && n.value < 0 && slot.rule.kind !== 'growth') bad('bound', 'percent-below-0', t('rulebook.sheet.percent-below-0', lang, { found: pct(n.value) }), { found: n.value });
      else {
        rule.bound = n.value;
        set([...rulePath, 'bound'], 'bound');
      }
    }
    if (slot.rule.kind === 'compare' && c('years') !== undefined && !blank(v('years'))) {
      const w = YEAR_WORDS.get(norm(v('years')));
      if (!w) bad('years', 'bad-years', t('rulebook.sheet.not-one-of', lang, { found: text(v('years')), choices: [t('rulebook.sheet.years.each', lang), t('rulebook.sheet.years.latest', lang)] }), { found: text(v('years')) });
      else rule.years = w;
    }
    if (slot.part !== null && slot.part !== 1) continue;
    // What belongs to the check as a whole is on its first row.
    const on = ON_WORDS.get(norm(v('enabled')));
    if (!on) bad('enabled', 'bad-enabled', t('rulebook.sheet.not-one-of', lang, { found: text(v('enabled')), choices: [t('rulebook.sheet.on', lang), t('rulebook.sheet.off', lang)] }), { found: text(v('enabled')) });
    else if (on === 'off') check.enabled = false;
    else if (check.enabled === false) delete check.enabled;
    const titleZh = text(v('title'));
    if (!titleZh) bad('title', 'blank', t('rulebook.sheet.blank', lang));
    else check.title = { zh: titleZh, en: text(v('titleEn')) || check.title.en };
    set([...checkPath, 'title'], 'title');
    const reqZh = requirementFromSheet(text(v('requirement')));
    const reqEn = requirementFromSheet(text(v('requirementEn')));
    if (!reqZh) delete check.requirement;
    else if (!check.requirement || check.requirement.zh !== reqZh || (reqEn && reqEn !== check.requirement.en))
      check.requirement = { zh: reqZh, en: reqEn || (check.requirement && check.requirement.zh === reqZh ? check.requirement.en : reqZh) };
    set([...checkPath, 'requirement'], 'requirement');
  }
}

function applySettings(grid: SheetGrid, rb: LoadedRulebook, out: Rulebook, lang: Lang, problem: Problem, cellOf: CellOf): void {
  const sheet = RULEBOOK_SHEET.settings;
  const rowOf = new Map<SettingKey, number>();
  let criteriaHead = -1;
  let citiesHead = -1;
  grid.forEach((row, r) => {
    const w = norm(row[0]);
    if (!w) return;
    if (citiesHead < 0 && LANGS.some((l) => norm(t('rulebook.sheet.cities', l)) === w)) citiesHead = r;
    for (const key of SETTING_KEYS) if (!rowOf.has(key) && LANGS.some((l) => norm(t(`rulebook.sheet.set.${key}` as TextKey, l)) === w)) rowOf.set(key, r);
    if (criteriaHead < 0 && LANGS.some((l) => norm(t('rulebook.sheet.criteria', l)) === w)) criteriaHead = r;
  });
  const word = (key: SettingKey) => t(`rulebook.sheet.set.${key}` as TextKey, lang);
  const cellAt = (key: SettingKey) => at(sheet, rowOf.get(key)!, 1);
  const whereAt = (key: SettingKey) => t('rulebook.sheet.where.setting', lang, { word: word(key), cell: cellAt(key) });
  const bad = (key: SettingKey, code: string, detail: string, params: Record<string, string | number> = {}) => problem(code, cellAt(key), t('rulebook.problem', lang, { where: whereAt(key), detail }), {}, params);
  const value = (key: SettingKey): SheetCell => grid[rowOf.get(key)!]?.[1];
  const required: SettingKey[] = ['id', 'name.zh', 'edition', 'authority.zh', 'round', 'firstBatchYear', 'growthMethod', 'monitoringDeadline', 'validityYears', 'spreadShare', 'minMeanTotal'];
  for (const key of required)
    if (!rowOf.has(key)) problem('no-setting', `${sheet}!A:A`, t('rulebook.sheet.no-setting', lang, { sheet, setting: word(key) }), {}, { setting: key });
  if (required.some((k) => !rowOf.has(k))) return;
  const path = (key: SettingKey, segs: Seg[]) => cellOf.set(jsonPath(segs), { cell: cellAt(key), where: whereAt(key) });

  const str = (key: SettingKey, set: (s: string) => void, segs: Seg[]) => {
    const s = text(value(key));
    if (!s) bad(key, 'blank', t('rulebook.sheet.blank', lang));
    else set(s);
    path(key, segs);
  };
  str('id', (s) => (out.id = s), ['id']);
  str('name.zh', (s) => (out.name = { ...out.name, zh: s }), ['name', 'zh']);
  if (rowOf.has('name.en') && text(value('name.en'))) out.name = { ...out.name, en: text(value('name.en')) };
  str('edition', (s) => (out.edition = s), ['edition']);
  str('authority.zh', (s) => (out.authority = { ...out.authority, zh: s }), ['authority', 'zh']);
  if (rowOf.has('authority.en') && text(value('authority.en'))) out.authority = { ...out.authority, en: text(value('authority.en')) };

  const pick = <V extends string>(key: SettingKey, words: Map<string, V>, shown: string[]): V | undefined => {
    const w = words.get(norm(value(key)));
    if (!w) bad(key, 'not-one-of', t('rulebook.sheet.not-one-of', lang, { found: text(value(key)), choices: shown }), { found: text(value(key)) });
    return w;
  };
  const round = pick('round', ROUND_WORDS, (['national-recommendation', 'provincial-recognition'] as const).map((r) => t(`rulebook.sheet.round.${r}`, lang)));
  // A file without `round` is national: it stays without, so its fingerprint does not change.
  if (round && !(round === 'national-recommendation' && rb.source.round === undefined)) out.round = round;
  const growth = pick('growthMethod', GROWTH_WORDS, [t('rulebook.show.growth.compound', lang), t('rulebook.show.growth.arithmetic', lang)]);
  if (growth) out.settings.growthMethod = growth;

  const num = (key: SettingKey, opts: { whole?: boolean; percent?: boolean; optional?: boolean }): number | undefined => {
    // Full-width digits ("１０") are read as the score sheets read them.
    const typed = value(key);
    const raw = typeof typed === 'string' ? typed.normalize('NFKC') : typed;
    if (blank(raw)) {
      if (!opts.optional) bad(key, 'blank', t('rulebook.sheet.blank', lang));
      return undefined;
    }
    const n = readNumber(raw);
    if (!n.ok) return void bad(key, 'not-number', t('rulebook.sheet.not-number', lang, { found: n.found }), { found: n.found });
    if (opts.whole && !Number.isInteger(n.value)) return void bad(key, 'not-whole', t('rulebook.sheet.not-whole', lang, { found: text(raw) }), { found: text(raw) });
    if (opts.percent && n.value > 1) return void bad(key, 'percent-above-100', t('rulebook.sheet.percent-above-100', lang, { found: pct(n.value) }), { found: n.value });
    if (n.value < 0) return void bad(key, 'negative', t('rulebook.sheet.negative', lang, { found: opts.percent ? pct(n.value) : n.value }), { found: n.value });
    return n.value;
  };
  const fby = num('firstBatchYear', { whole: true, optional: true });
  if (fby === undefined && blank(value('firstBatchYear'))) delete out.settings.firstBatchYear;
  else if (fby !== undefined) out.settings.firstBatchYear = fby;
  path('firstBatchYear', ['settings', 'firstBatchYear']);
  const validity = num('validityYears', { whole: true });
  if (validity !== undefined) out.settings.validityYears = validity;
  path('validityYears', ['settings', 'validityYears']);

  const dl = text(value('monitoringDeadline'));
  const m = /^(?:\d{4}-)?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(dl);
  // A real day of the year (29 February included): "13-45" is said here with the other problems.
  const [month, day] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!) bad('monitoringDeadline', 'bad-deadline', t('rulebook.sheet.bad-deadline', lang, { found: dl }), { found: dl });
  else out.settings.monitoringDeadline = `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  path('monitoringDeadline', ['settings', 'monitoringDeadline']);

  const spread = num('spreadShare', { percent: true });
  if (spread !== undefined) out.scoring.spreadShare = spread;
  path('spreadShare', ['scoring', 'spreadShare']);
  const cut = num('minMeanTotal', {});
  if (cut !== undefined) out.scoring.recommendation.minMeanTotal = cut;
  path('minMeanTotal', ['scoring', 'recommendation', 'minMeanTotal']);

  // How scores combine, the minimum of experts, the number of recommendations (rows a workbook of an earlier version
  // lacks, or shows as a placeholder: the file's values are kept).
  const placeholder = (key: SettingKey) => LANGS.some((l) => norm(t('rulebook.sheet.not-yet', l)) === norm(value(key)));
  if (rowOf.has('combination') && !placeholder('combination')) {
    const c = pick('combination', COMBINE_WORDS, COMBINE.map((x) => t(`rulebook.combine.${x}`, lang)));
    if (c) out.scoring.combine = c;
    path('combination', ['scoring', 'combine']);
  }
  const atLeast = (key: SettingKey, min: number) => {
    if (!rowOf.has(key)) return;
    const n = num(key, { whole: true });
    if (n !== undefined && n < min) bad(key, 'below-minimum', t('rulebook.sheet.below-minimum', lang, { min, found: n }), { min, found: n });
    else if (n !== undefined) out.scoring[key as 'trimmedMinimum' | 'minimumExperts'] = n;
    path(key, ['scoring', key]);
  };
  atLeast('trimmedMinimum', 3);
  atLeast('minimumExperts', 1);
  if (rowOf.has('recommendations') && !placeholder('recommendations')) {
    // 不限 / "no cap", as `rulebook show` and `diff` say it, is a blank cell.
    const noCap = LANGS.some((l) => norm(t('rulebook.show.no-quota', l)) === norm(value('recommendations')));
    const n = noCap ? undefined : num('recommendations', { whole: true, optional: true });
    if (noCap || blank(value('recommendations'))) delete out.scoring.recommendations;
    else if (n !== undefined) out.scoring.recommendations = n;
    path('recommendations', ['scoring', 'recommendations']);
  }

  if (citiesHead >= 0) applyCities(grid, citiesHead, out, lang, problem, cellOf);

  // Criteria weights, below their heading; the stated total must be what they add up to.
  let weightsOk = true;
  if (criteriaHead >= 0) {
    const ids = new Map(out.criteria.map((c, i) => [c.id, i]));
    for (let r = criteriaHead + 1; r < grid.length; r++) {
      const id = text(grid[r]?.[0]);
      if (!id || LANGS.some((l) => norm(t('rulebook.sheet.sum', l)) === norm(id))) break;
      const wcell = at(sheet, r, 2);
      const i = ids.get(id);
      if (i === undefined) {
        problem('unknown-criterion', at(sheet, r, 0), t('rulebook.sheet.unknown-criterion', lang, { id, cell: at(sheet, r, 0) }), {}, { id });
        weightsOk = false;
        continue;
      }
      const crit = out.criteria[i]!;
      const where = t('rulebook.where.field', lang, {
        where: t('rulebook.where.criterion', lang, { id, title: lang === 'zh-CN' ? crit.title.zh : crit.title.en }),
        field: t('rulebook.sheet.where.cell', lang, { word: t('rulebook.sheet.weight', lang), cell: wcell }),
      });
      const n = readNumber(grid[r]?.[2] ?? null);
      if (blank(grid[r]?.[2]) || !n.ok) {
        const found = text(grid[r]?.[2]);
        problem(found ? 'not-number' : 'blank', wcell, t('rulebook.problem', lang, { where, detail: found ? t('rulebook.sheet.not-number', lang, { found }) : t('rulebook.sheet.blank', lang) }), { criterion: id }, { found });
        weightsOk = false;
        continue;
      }
      crit.weight = n.value;
      cellOf.set(jsonPath(['criteria', i, 'weight']), { cell: wcell, where });
    }
  }
  const sum = clean(out.criteria.reduce((a, c) => a + c.weight, 0));
  const total = rowOf.has('total') ? num('total', { optional: true }) : undefined;
  if (weightsOk && total !== undefined && Math.abs(sum - total) > 1e-9)
    bad('total', 'weights-sum', t('rulebook.sheet.weights-sum', lang, { sum, total }), { sum, total });
  const ceiling = total ?? sum;
  if (cut !== undefined && cut > ceiling) bad('minMeanTotal', 'cut-above-total', t('rulebook.sheet.cut-above-total', lang, { cut, total: ceiling }), { cut, total: ceiling });
}

/**
 * 市级推荐名额 below its heading: the default row, then a city and its quota a row, to the end of the sheet (blank rows
 * skipped). Nothing filled: no city stage. A workbook without the heading (made before it) keeps the file's value.
 */
function applyCities(grid: SheetGrid, head: number, out: Rulebook, lang: Lang, problem: Problem, cellOf: CellOf): void {
  const sheet = RULEBOOK_SHEET.settings;
  const where = (cell: string) => t('rulebook.sheet.where.setting', lang, { word: t('rulebook.sheet.cities', lang), cell });
  const bad = (cell: string, code: string, detail: string, params: Record<string, string | number> = {}) => problem(code, cell, t('rulebook.problem', lang, { where: where(cell), detail }), {}, params);
  /** A quota as typed: undefined when blank, null when wrong (said). */
  const quotaAt = (r: number): number | null | undefined => {
    const cell = at(sheet, r, 2);
    const typed = grid[r]?.[2];
    const raw = typeof typed === 'string' ? typed.normalize('NFKC') : typed;
    if (blank(raw)) return undefined;
    const n = readNumber(raw ?? null);
    if (!n.ok) return void bad(cell, 'not-number', t('rulebook.sheet.not-number', lang, { found: n.found }), { found: n.found }), null;
    if (!Number.isInteger(n.value)) return void bad(cell, 'not-whole', t('rulebook.sheet.not-whole', lang, { found: text(raw) }), { found: text(raw) }), null;
    if (n.value < 0) return void bad(cell, 'negative', t('rulebook.sheet.negative', lang, { found: n.value }), { found: n.value }), null;
    cellOf.set(jsonPath(['cityRecommendation', 'quotas', ...(r === head + 1 ? ['default'] : [])]), { cell, where: where(cell) });
    return n.value;
  };
  const isDefault = (r: number) => LANGS.some((l) => norm(t('rulebook.sheet.cityDefault', l)) === norm(grid[r]?.[0]));
  let def: number | null | undefined;
  let defRow = -1;
  const byCity = new Map<string, number>();
  const seen = new Map<string, string>();
  let wrong = false;
  for (let r = head + 1; r < grid.length; r++) {
    if (isDefault(r)) {
      defRow = r;
      def = quotaAt(r);
      if (def === null) wrong = true;
      continue;
    }
    const city = text(grid[r]?.[1]);
    if (!city) continue;
    const cell = at(sheet, r, 1);
    const key = cityKey(city);
    if (seen.has(key)) {
      bad(cell, 'city-twice', t('rulebook.sheet.city-twice', lang, { city, cell: seen.get(key)! }), { city });
      wrong = true;
      continue;
    }
    seen.set(key, cell);
    const q = quotaAt(r);
    if (q === undefined) bad(at(sheet, r, 2), 'blank', t('rulebook.sheet.blank', lang));
    if (q === undefined || q === null) wrong = true;
    else byCity.set(city, q);
  }
  if (wrong) return;
  if (def === undefined && !byCity.size) return void delete out.cityRecommendation;
  if (def === undefined || def === null) return void bad(at(sheet, defRow >= 0 ? defRow : head + 1, 2), 'blank', t('rulebook.sheet.blank', lang));
  out.cityRecommendation = { quotas: { default: def, ...(byCity.size ? { byCity: Object.fromEntries(byCity) } : {}) } };
}
