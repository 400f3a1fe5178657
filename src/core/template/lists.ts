/**
 * The application form's sheets beside the indicator sheet: one sheet per name list of the rulebook (龙头企业,
 * 专精特新中小企业, 创新平台, …), each a title row, a header (序号, 名称, 统一社会信用代码, 级别, 认定年份, 备注)
 * and input rows. The template writer and the example generator use this layout; the reader finds the columns
 * by their header words, so a province may add columns of its own.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { NameList } from '../rulebook/schema.js';

export const LIST_COLUMNS = { seq: 0, name: 1, code: 2, level: 3, year: 4, remark: 5 } as const;
export const LIST_TITLE_ROW = 0;
export const LIST_HEADER_ROW = 1;
export const LIST_FIRST_ROW = 2;

/** The rulebook's name lists (none in a rulebook made before them). */
export const nameLists = (rb: LoadedRulebook): readonly NameList[] => rb.data.lists ?? [];

/** The header words the reader looks for, per column (any one of them, contained in the header cell). */
export const LIST_HEADER_WORDS = {
  name: ['名称', 'name'],
  code: ['信用代码', 'credit code'],
  level: ['级别', '层级', 'level'],
  year: ['年份', '年度', 'year'],
} as const;

export interface ListEntryValues {
  name?: string | null;
  code?: string | null;
  level?: string | null;
  year?: number | string | null;
}
