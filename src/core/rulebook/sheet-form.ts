/**
 * The workbook form of a rulebook, as both directions share it: the sheets' names and the hidden copy's format
 * stamp, the columns of 规则表 and the rows of 设置, every word a choice may be written as (both languages), and
 * the placeholder a requirement text shows for its threshold. The export (src/core/report/rulebook-sheet.ts) writes
 * this form; the import (./sheet-import.ts) reads it back.
 */
import { t, tAny } from '../text/index.js';
import type { Lang } from '../types.js';
import type { Op } from './schema.js';

export const RULEBOOK_SHEET = { checks: '规则表', settings: '设置', base: '_rulebook' } as const;
/** Written in the hidden sheet's A1: what the workbook is, so a stranger's workbook is refused plainly. */
export const RULEBOOK_SHEET_FORMAT = 'cluster-review/rulebook-sheet@1';

export type SheetCell = string | number | boolean | null | undefined;
/** A sheet as read: rows of plain values (dates as "YYYY-MM-DD", formulas as their results), zero-based. */
export type SheetGrid = ReadonlyArray<ReadonlyArray<SheetCell>>;

// Requirement texts: "{bound}" in the file, "[阈值]" / "[threshold]" in the sheet, so an official can move it.
const placeholderWords = (lang: Lang) => ({ one: t('rulebook.sheet.placeholder', lang), n: (i: number) => t('rulebook.sheet.placeholder.n', lang, { n: i }) });

export function requirementForSheet(text: string, lang: Lang): string {
  const w = placeholderWords(lang);
  return text.replace(/\{bound(?:\.(\d+))?\}/g, (_m, i: string | undefined) => (i === undefined ? w.one : w.n(Number(i) + 1)));
}

export function requirementFromSheet(text: string): string {
  // Either language's words, whichever the workbook was exported in.
  return text
    .replace(/\[\s*(?:阈值|threshold)\s*(\d+)\s*\]/gi, (_m, n: string) => `{bound.${Number(n) - 1}}`)
    .replace(/\[\s*(?:阈值|threshold)\s*\]/gi, '{bound}');
}

// ---------------------------------------------------------------------------------------------------------------
// Columns and words

export const CHECK_COLUMNS = ['id', 'part', 'title', 'op', 'bound', 'unit', 'years', 'enabled', 'requirement', 'measures', 'titleEn', 'requirementEn'] as const;
export type CheckColumn = (typeof CHECK_COLUMNS)[number];
/** Columns an import cannot do without; the others are read when present. */
export const REQUIRED_COLUMNS: readonly CheckColumn[] = ['id', 'part', 'title', 'op', 'bound', 'years', 'enabled', 'requirement'];
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

export const norm = (s: SheetCell): string => (s === null || s === undefined ? '' : String(s)).replace(/\s+/g, ' ').trim().toLowerCase();

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

export const OPS = ['>=', '>', '<=', '<'] as const;
export const OP_WORDS = choices(OPS, (v) => `rulebook.sheet.op.${v}`, { '≥': '>=', '≤': '<=', 以上: '>=', 不少于: '>=', 不超过: '<=' });
export const ON_WORDS = choices(['on', 'off'] as const, (v) => `rulebook.sheet.${v}`, { 是: 'on', 否: 'off', true: 'on', false: 'off', 开: 'on', 关: 'off' });
export const YEAR_WORDS = choices(['each', 'latest'] as const, (v) => `rulebook.sheet.years.${v}`, { 每年: 'each' });
export const ROUND_WORDS = choices(['national-recommendation', 'provincial-recognition'] as const, (v) => `rulebook.sheet.round.${v}`);
export const GROWTH_WORDS = choices(['compound', 'arithmetic'] as const, (v) => `rulebook.show.growth.${v}`);
export const COMBINE = ['mean', 'trimmed-mean', 'median'] as const;
export const COMBINE_WORDS = choices(COMBINE, (v) => `rulebook.combine.${v}`, { 均值: 'mean', 平均值: 'mean', 去掉最高分和最低分后的平均分: 'trimmed-mean', 截尾平均: 'trimmed-mean', 中值: 'median' });

export const opWord = (op: Op, lang: Lang) => tAny(`rulebook.sheet.op.${op}`, lang);

export const SETTING_KEYS = [
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
export type SettingKey = (typeof SETTING_KEYS)[number];
