/**
 * Which form a workbook is. The hidden record of a monitoring form says so (`template.form`); without it (a
 * record lost to another spreadsheet program, a form retyped) a sheet named 培育情况表, or a code column holding
 * section R's codes (R1, R2, R3…), is a monitoring form. Only a form the tool recognises is examined as one.
 */
import type { WorkbookMeta } from '../report/meta.js';
import { MONITORING_SHEET } from './form.js';

export type FormKind = 'application' | 'monitoring';

/** At least this many R codes on the sheet picked as the indicator sheet make it a monitoring form. */
const R_CODES = 3;

const R_CODE = /^R\d+(\.\d+)?$/;

export function formKind(input: { names: readonly string[]; meta: WorkbookMeta | null; found?: { snapshot: { cells: ReadonlyArray<ReadonlyArray<{ value: unknown } | null | undefined>> } } | null }): FormKind {
  if (input.meta?.template?.form === 'monitoring') return 'monitoring';
  if (input.names.includes(MONITORING_SHEET) && !input.names.includes('指标表')) return 'monitoring';
  const cells = input.found?.snapshot.cells;
  if (cells) {
    let n = 0;
    for (const row of cells) for (const c of row.slice(0, 4)) if (typeof c?.value === 'string' && R_CODE.test(c.value.trim())) n++;
    if (n >= R_CODES) return 'monitoring';
  }
  return 'application';
}
