/**
 * Plain data shared by every part of the core. Nothing here performs I/O.
 */

/** A cell value exactly as a workbook gives it. Excel error values arrive either as `{ error }` or as text like "#DIV/0!". */
export type RawValue = string | number | boolean | null | { error: string };

export interface RawCell {
  value: RawValue;
  /** Excel number format, e.g. "0.0%" or "General". */
  numberFormat?: string;
  /** True (or the formula text) when the cell holds a formula; `value` is then its cached result. */
  formula?: boolean | string;
}

/** A cell that exists on a sheet, at its zero-based position. */
export interface SheetCell {
  row: number;
  col: number;
  cell: RawCell;
}

/**
 * What an adapter reads from one worksheet, in one of two forms:
 * - sparse (`entries`): only the cells that exist, row by row. What the file adapter reads, so a sheet costs what
 *   its content costs: a single cell in XFD1048576 is one entry, never a grid of 17 billion.
 * - a grid (`cells`): the used range, `origin` the zero-based position of cells[0][0] on the sheet (Office.js used
 *   ranges need not start at A1). Convenient for tests and templates; the reader converts it, skipping empties.
 */
export type Snapshot = GridSnapshot | SparseSnapshot;

export interface GridSnapshot {
  sheet: string;
  cells: ReadonlyArray<ReadonlyArray<RawCell | null | undefined>>;
  origin?: { row: number; col: number };
  entries?: undefined;
}

export interface SparseSnapshot {
  sheet: string;
  /** Cells that exist, in row order and by column within a row (the reader sorts them if they are not). */
  entries: ReadonlyArray<SheetCell>;
  cells?: undefined;
  origin?: undefined;
}

/** Check statuses of the catalogue. */
export const STATUSES = ['pass', 'fail', 'veto', 'warn', 'missing', 'invalid', 'review', 'na'] as const;
export type Status = (typeof STATUSES)[number];

/** The one severity order of statuses, most severe first: flags, groups, lists and sorting all follow it. */
const SEVERITY_ORDER: ReadonlyArray<Status> = ['veto', 'fail', 'invalid', 'missing', 'warn', 'review', 'pass', 'na'];
const SEVERITY_RANK = new Map(SEVERITY_ORDER.map((s, i) => [s, i]));
/** Smaller is more severe. */
export const severity = (s: Status): number => SEVERITY_RANK.get(s)!;
/** The most severe of some statuses; `fallback` when there are none. */
export const worstStatus = (list: Iterable<Status>, fallback: Status = 'na'): Status => {
  let worst: Status | null = null;
  for (const s of list) if (worst === null || severity(s) < severity(worst)) worst = s;
  return worst ?? fallback;
};

/** Where a finding comes from: the sheet as a whole, one input cell, or a check. */
export type FindingSource = 'sheet' | 'input' | 'check';

export type ParamValue = string | number | boolean | null | ParamValue[] | { [key: string]: ParamValue };
export type Params = Record<string, ParamValue>;

export interface Finding {
  /** Stable kebab-case code; messages are rendered from it. */
  code: string;
  status: Status;
  source: FindingSource;
  /** Catalogue check id (e.g. "1.7", "D3", "E1"), when the finding belongs to a check. */
  check?: string;
  /** Indicator code the finding concerns. */
  indicator?: string;
  /** Data year, for series indicators. */
  year?: number;
  /** Sheet-qualified A1 addresses, e.g. "指标表!E12". */
  cells: string[];
  params: Params;
}

export type Verdict = 'vetoed' | 'ineligible' | 'failed' | 'incomplete' | 'passed';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

/**
 * Builds a finding with every key in one order (absent ones undefined, which JSON omits): one object shape
 * for the engine, one key order in the report.
 */
export function finding(
  code: string,
  status: Status,
  source: FindingSource,
  where: { check?: string | undefined; indicator?: string | undefined; year?: number | undefined },
  cells: string[],
  params: Params,
): Finding {
  return { code, status, source, check: where.check, indicator: where.indicator, year: where.year, cells, params };
}
