/** Name-list sheets in the template's layout, for tests of the checks against the lists. */
import { buildReport, creditCodeFor, readLists, reviewSnapshot, type GridSnapshot, type LoadedRulebook, type RawCell } from '../../src/core/index.js';
import { evidenceSheet, planSheet } from './plan.js';
import { rb as national } from './review.js';
import { buildSnapshot, passingValues, type Values } from './sheet.js';

export const listCode = (n: number) => creditCodeFor('91330781', `MA2${String(n).padStart(5, '0')}`);

type Row = Array<string | number | null>;

/** A list sheet: title, header, then rows [name, code, level, year]. */
export function listSheet(id: string, rows: Row[], rb: LoadedRulebook = national, header = ['序号', '企业名称', '统一社会信用代码', '级别', '认定年份', '备注']): GridSnapshot {
  const cell = (v: string | number | null): RawCell | null => (v === null ? null : { value: v });
  const def = rb.data.lists!.find((l) => l.id === id)!;
  return { sheet: def.sheet, cells: [[{ value: '名单' }], header.map((h) => ({ value: h })), ...rows.map((r, i) => [{ value: i + 1 }, ...r.map(cell)])] };
}

export const pool = (from: number, to: number, level: string, year: number | null = 2022): Row[] =>
  Array.from({ length: to - from + 1 }, (_x, i) => [`企业${from + i}`, listCode(from + i), level, year]);

/** The passing application's lists, consistent with its counts (2.3–2.5 overlap so that 2.6 = 52). */
export function passingLists(rb: LoadedRulebook = national): GridSnapshot[] {
  return [
    listSheet('leading', pool(1, 5, '省级'), rb),
    listSheet('champions', pool(53, 53, '国家级'), rb),
    listSheet('little-giants', pool(54, 56, '国家级'), rb),
    listSheet('specialised', pool(1, 18, '省级'), rb),
    listSheet('innovative', pool(1, 35, '省级'), rb),
    listSheet('high-tech', pool(31, 52, '国家级'), rb),
    listSheet('innovation-platforms', pool(1, 6, '省级'), rb),
    listSheet('service-platforms', pool(1, 3, '省级'), rb),
    planSheet(rb),
    evidenceSheet(),
  ];
}

/** Replaces the list sheet with the same name. */
export function withList(lists: GridSnapshot[], sheet: GridSnapshot): GridSnapshot[] {
  return lists.map((s) => (s.sheet === sheet.sheet ? sheet : s));
}

export function reviewWithLists(lists: GridSnapshot[], values: Values = passingValues(), rb: LoadedRulebook = national) {
  const r = reviewSnapshot(buildSnapshot(rb, values), rb, readLists(lists, rb));
  return { review: r, report: buildReport(r, rb) };
}
