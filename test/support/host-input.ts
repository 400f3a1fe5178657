/**
 * What people put into a workbook in a fake host (Office.js or WPS: both key a sheet's cells `r,c` from 0), for the
 * tests both hosts' adapter suites run alike: a province's own indicator rows, an expert's input into the summary
 * and the check that a rebuilt summary kept it.
 */
import { expect } from 'vitest';
import type { SummaryLayout } from '../../src/core/index.js';

type Cells = Record<string, { value?: unknown } | undefined>;

/** Ten times the rows of the indicator sheet's `cells`: a province's own indicator rows (unknown codes the reader passes over). */
export function tenTimesRows(cells: Cells): void {
  for (let i = 0; i < 9 * 90; i++) {
    const r = 200 + i;
    cells[`${r},0`] = { value: `P${i}` };
    cells[`${r},1`] = { value: `本省补充指标${i}` };
    for (const c of [3, 4, 5]) cells[`${r},${c}`] = { value: i * c };
  }
}

/** The first expert scores every criterion (5, 6, …), the second declares a conflict, the decision is typed. */
export function typeExpertInput(cells: Cells, layout: SummaryLayout): void {
  const at = (r: number, c: number) => (cells[`${r},${c}`] ??= { value: null });
  Object.values(layout.criteriaRows).forEach((row, i) => (at(row, layout.experts[0]!.col).value = 5 + i));
  at(layout.conflictRow, layout.experts[1]!.col).value = '是';
  at(...layout.decision).value = '建议推荐';
}

/** What typeExpertInput typed, found again where `layout` (the rebuilt summary's) puts it. */
export function expectExpertInputKept(cells: Cells, layout: SummaryLayout): void {
  Object.values(layout.criteriaRows).forEach((row, i) => expect(cells[`${row},${layout.experts[0]!.col}`]?.value).toBe(5 + i));
  expect(cells[`${layout.conflictRow},${layout.experts[1]!.col}`]?.value).toBe('是');
  expect(cells[`${layout.decision[0]},${layout.decision[1]}`]?.value).toBe('建议推荐');
}
