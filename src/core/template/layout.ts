/**
 * The standard indicator sheet's layout: one title row, a header naming the three data years, then one row
 * per indicator with code, indicator, unit, Y-3, Y-2, Y-1 and guidance. The template writer, the example
 * generator and the benchmark all use this one description; the reader does not depend on it (it finds rows
 * by code and years by header), so provinces may insert rows and columns of their own.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Indicator } from '../rulebook/schema.js';
import { t } from '../text/index.js';
import type { GridSnapshot, RawCell, RawValue } from '../types.js';

export const INDICATOR_SHEET = '指标表';

export const COLUMNS = { code: 0, label: 1, unit: 2, firstYear: 3, guidance: 6 } as const;
export const TITLE_ROW = 0;
export const HEADER_ROW = 1;
const FIRST_INDICATOR_ROW = 2;

export interface LayoutRow {
  indicator: Indicator;
  /** Zero-based sheet row. */
  row: number;
  /** Zero-based columns the applicant fills: three for a series, the latest year's for a single value, none for derived. */
  inputCols: number[];
}

/** A section heading row (一、具有较强核心竞争力 …): no code, so the reader passes over it. */
export interface GroupRow {
  group: string;
  row: number;
}

export interface SheetLayoutSpec {
  sheet: string;
  applicationYear: number;
  dataYears: number[];
  rows: LayoutRow[];
  groupRows: GroupRow[];
  /** One past the last row. */
  end: number;
}

function dataYearsFor(applicationYear: number): number[] {
  return [applicationYear - 3, applicationYear - 2, applicationYear - 1];
}

export function standardLayout(rb: LoadedRulebook, applicationYear: number, sheet = INDICATOR_SHEET): SheetLayoutSpec {
  const latestCol = COLUMNS.firstYear + 2;
  const rows: LayoutRow[] = [];
  const groupRows: GroupRow[] = [];
  let r = FIRST_INDICATOR_ROW;
  let group: string | undefined;
  for (const indicator of rb.data.indicators) {
    if (indicator.group !== group) {
      group = indicator.group;
      groupRows.push({ group, row: r++ });
    }
    rows.push({
      indicator,
      row: r++,
      inputCols: indicator.derived ? [] : indicator.series ? [COLUMNS.firstYear, COLUMNS.firstYear + 1, latestCol] : [latestCol],
    });
  }
  return { sheet, applicationYear, dataYears: dataYearsFor(applicationYear), rows, groupRows, end: r };
}

/** Where a derived indicator's figure sits (the latest year's column); the template puts a live formula there. */
export const derivedCol = COLUMNS.firstYear + 2;

export type CellSpec = RawValue | RawCell;
/** Application data by indicator code: a value, or three for a series (Y-3, Y-2, Y-1; for a single indicator, its three year cells). */
export type ApplicationValues = Record<string, CellSpec | CellSpec[] | undefined>;

const isRawCell = (v: CellSpec): v is RawCell => v !== null && typeof v === 'object' && 'value' in v;
export const toRawCell = (v: CellSpec | undefined): RawCell | null => (v === undefined ? null : isRawCell(v) ? v : { value: v });

export interface SnapshotOptions {
  sheet?: string;
  /** Header labels instead of "2022年"…; for tests of unusual headers. */
  headerYears?: Array<string | number>;
  /** Reorders indicator rows. */
  reorder?: <T>(rows: T[]) => T[];
  /** Rows of a province's own (unknown codes), inserted after these positions among the indicator rows. */
  extraRows?: Array<{ after: number; cells: CellSpec[] }>;
  /** Codes whose rows are left out. */
  omit?: string[];
  origin?: { row: number; col: number };
}

/** The Snapshot an adapter would read from a sheet in the standard layout filled with these values. */
export function snapshotFromValues(rb: LoadedRulebook, applicationYear: number, values: ApplicationValues, opts: SnapshotOptions = {}): GridSnapshot {
  const layout = standardLayout(rb, applicationYear, opts.sheet);
  const zh = 'zh-CN';
  const header: Array<RawCell | null> = [
    { value: t('template.colCode', zh) },
    { value: t('template.colIndicator', zh) },
    { value: t('template.colUnit', zh) },
    ...(opts.headerYears ?? layout.dataYears.map((year) => t('template.colYear', zh, { year }))).map((y) => ({ value: y })),
    { value: t('template.colGuidance', zh) },
  ];
  let rows: Array<Array<RawCell | null>> = [];
  const groupAt = new Map(layout.groupRows.map((g) => [g.row, g.group]));
  const titles = new Map([...rb.data.criteria, ...rb.data.groups].map((g) => [g.id, g.title.zh]));
  for (let r = FIRST_INDICATOR_ROW; r < layout.end; r++) {
    const g = groupAt.get(r);
    if (g !== undefined) {
      rows.push([null, { value: groupHeading(g, titles.get(g) ?? g) }]);
      continue;
    }
    const ind = layout.rows.find((x) => x.row === r)!.indicator;
    if (opts.omit?.includes(ind.code)) continue;
    const v = values[ind.code];
    const data: Array<RawCell | null> = [null, null, null];
    // Three values for a single indicator put them in the three year columns (how tests type a figure in the wrong year).
    if (ind.series || Array.isArray(v)) {
      const arr = Array.isArray(v) ? v : [];
      for (let i = 0; i < 3; i++) data[i] = toRawCell(arr[i]);
    } else data[2] = toRawCell(v);
    rows.push([{ value: ind.code }, { value: ind.label.zh }, { value: ind.unit ?? '' }, ...data, null]);
  }
  if (opts.reorder) rows = opts.reorder(rows);
  for (const extra of [...(opts.extraRows ?? [])].sort((a, b) => b.after - a.after)) rows.splice(extra.after, 0, extra.cells.map((c) => toRawCell(c)));
  return {
    sheet: layout.sheet,
    cells: [[{ value: t('template.title', zh) }], header, ...rows],
    ...(opts.origin ? { origin: opts.origin } : {}),
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "一、具有较强核心竞争力" for criterion 1; groups keep their own titles. */
export function groupHeading(group: string, title: string): string {
  const n = Number(group);
  return Number.isInteger(n) && n >= 1 && n <= 10 ? `${NUMERALS[n - 1]}、${title}` : title;
}
