/**
 * Which form a workbook is. The hidden record of a monitoring form says so (`template.form`); without it (a
 * record lost to another spreadsheet program, a form retyped) a sheet named 培育情况表, or a code column holding
 * section R's codes (R1, R2, R3…), is a monitoring form. Only a form the tool recognises is examined as one.
 */
import type { WorkbookMeta } from '../report/meta.js';
import { MONITORING_SHEET } from './form.js';
import { sheetEntries } from '../sheet/sparse.js';
import type { Snapshot } from '../types.js';

export type FormKind = 'application' | 'monitoring';

/** At least this many R codes on the sheet picked as the indicator sheet make it a monitoring form. */
const R_CODES = 3;

const R_CODE = /^R\d+(\.\d+)?$/;

export function formKind(input: { names: readonly string[]; meta: WorkbookMeta | null; found?: { snapshot: Snapshot } | null }): FormKind {
  if (input.meta?.template?.form === 'monitoring') return 'monitoring';
  if (input.names.includes(MONITORING_SHEET) && !input.names.includes('指标表')) return 'monitoring';
  const snapshot = input.found?.snapshot;
  if (snapshot) {
    // Codes of section R in the first four columns of the sheet's used area (the code column of either form).
    const entries = sheetEntries(snapshot);
    const left = entries.reduce((m, e) => Math.min(m, e.col), Infinity);
    let n = 0;
    for (const e of entries) if (e.col < left + 4 && typeof e.cell.value === 'string' && R_CODE.test(e.cell.value.trim())) n++;
    if (n >= R_CODES) return 'monitoring';
  }
  return 'application';
}
