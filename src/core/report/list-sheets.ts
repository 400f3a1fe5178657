/**
 * The name-list sheets of the application form (one per list of the rulebook): a title naming the count it must
 * agree with, a header, and numbered input rows — name, 统一社会信用代码 (18 characters), level (a list of the
 * rulebook's levels), year (a whole number) — unlocked in an otherwise protected sheet.
 */
import { LIMITS } from '../limits.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { NameList } from '../rulebook/schema.js';
import { t } from '../text/index.js';
import type { Lang } from '../types.js';
import { LIST_COLUMNS, LIST_FIRST_ROW, LIST_HEADER_ROW, LIST_TITLE_ROW, nameLists } from '../template/lists.js';
import { SheetBuilder, type SheetModel } from './sheet-model.js';

/** The indicator whose count a list must agree with (2.1 for the champions, …), from the rulebook's list checks. */
function countOf(rb: LoadedRulebook, list: string): string | undefined {
  for (const c of rb.checks) if (c.rule.kind === 'list' && c.rule.list === list && c.rule.indicator) return c.rule.indicator;
  return undefined;
}

/**
 * Input rows of a list: the rulebook's, or — for a list of enterprises, when the cluster's enterprise count is known
 * (B16) — as many as the cluster has, never more than the limits table allows.
 */
export function listRowsFor(list: NameList, enterprises?: number): number {
  if (list.entity !== 'enterprise' || enterprises === undefined || !Number.isFinite(enterprises)) return Math.min(list.rows, LIMITS.listRows);
  return Math.min(Math.max(list.rows, Math.ceil(enterprises)), LIMITS.listRows);
}

function listSheetModel(rb: LoadedRulebook, list: NameList, applicationYear: number, lang: Lang, password?: string, enterprises?: number): SheetModel {
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const b = new SheetBuilder();
  const last = LIST_COLUMNS.remark;
  const count = countOf(rb, list.id);
  const title = pick(list.title) + (count ? t('template.listCountOf', lang, { code: count }) : '');
  b.set(LIST_TITLE_ROW, 0, { value: title, style: 'title' });
  b.merge(LIST_TITLE_ROW, 0, LIST_TITLE_ROW, last);
  b.heights[LIST_TITLE_ROW] = 26;
  const platform = list.entity === 'platform';
  const headers = [
    t('template.listColSeq', lang),
    t(platform ? 'template.listColPlatform' : 'template.listColEnterprise', lang),
    t(platform ? 'template.listColHostCode' : 'template.listColCode', lang),
    t('template.listColLevel', lang),
    t('template.listColYear', lang),
    t('template.listColRemark', lang),
  ];
  headers.forEach((h, col) => b.set(LIST_HEADER_ROW, col, { value: h, style: 'header' }));
  const rows = listRowsFor(list, enterprises);
  for (let i = 0; i < rows; i++) {
    const r = LIST_FIRST_ROW + i;
    b.set(r, LIST_COLUMNS.seq, { value: i + 1, style: 'text' });
    b.set(r, LIST_COLUMNS.name, { value: null, input: 'applicant', style: 'applicantInput' });
    // Text, so a code of digits keeps its leading zeros and is never shown as a number.
    b.set(r, LIST_COLUMNS.code, { value: null, input: 'applicant', style: 'applicantInput', numberFormat: '@' });
    b.set(r, LIST_COLUMNS.level, { value: null, input: 'applicant', style: 'applicantInput', validation: { kind: 'list', values: [...list.levels] } });
    b.set(r, LIST_COLUMNS.year, {
      value: null,
      input: 'applicant',
      style: 'applicantInput',
      numberFormat: '0',
      validation: { kind: 'whole', min: 1949, max: applicationYear, prompt: t('template.listYearPrompt', lang) },
    });
    b.set(r, LIST_COLUMNS.remark, { value: null, input: 'applicant', style: 'applicantInput' });
  }
  return {
    name: list.sheet,
    cells: b.cells,
    widths: [7, 40, 26, 10, 11, 24],
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: LIST_HEADER_ROW + 1, cols: 0 },
    print: { landscape: false, fitToWidth: true, repeatRows: [LIST_TITLE_ROW, LIST_HEADER_ROW] },
    protect: password ? { password } : {},
  };
}

/** Every list sheet of the rulebook, in its order. */
export const listSheetModels = (rb: LoadedRulebook, applicationYear: number, lang: Lang, password?: string, enterprises?: number): SheetModel[] =>
  nameLists(rb).map((l) => listSheetModel(rb, l, applicationYear, lang, password, enterprises));
