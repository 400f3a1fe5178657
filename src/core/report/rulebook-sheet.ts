/**
 * A rulebook as a workbook an official edits in Excel or WPS — the export: the rulebook → SheetModels (规则表: one
 * row per threshold of each check; 设置: settings, criteria weights; a very hidden sheet holding the whole rulebook
 * the workbook was made from). A report builder like the others here; the form it writes is the rulebook's
 * (src/core/rulebook/sheet-form.ts), read back by src/core/rulebook/sheet-import.ts.
 *
 * Pure: the adapter (src/xlsx/rulebook-sheet.ts) renders the models.
 */
import { toA1 } from '../address.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Rule, Rulebook } from '../rulebook/schema.js';
import { CHECK_COLUMNS, COMBINE, OPS, opWord, requirementForSheet, RULEBOOK_SHEET, RULEBOOK_SHEET_FORMAT, SETTING_KEYS, type CheckColumn, type SettingKey } from '../rulebook/sheet-form.js';
import { hasOp, isPercent, numericBound, slotsOf, unitOf } from '../rulebook/slots.js';
import { planIndicators } from '../template/plan.js';
import { t, tAny, type TextKey } from '../text/index.js';
import type { Lang } from '../types.js';
import { pagePrint } from './print.js';
import type { CellModel, SheetModel } from './sheet-model.js';

/** Characters of the rulebook JSON per hidden cell: far below every spreadsheet's cell limit. */
const CHUNK = 8000;

const PERCENT_FORMAT = '0.0%';
/** Blank rows for cities of their own quota below those the rulebook names (a province inserts more if it needs). */
const CITY_ROWS = 10;

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
