/**
 * Reading a monitoring form: rows by code (never by address), the plan-target and reported columns by their
 * headers (else their standard places beside the unit column), every value through the application reader's
 * cell rules (是/否 synonyms, numbers in text, units, percents, Excel errors). The submission date R3 is read
 * as a date: ISO text, 2025/4/30, 2025年4月30日, or an Excel serial (what Office.js gives for a date cell).
 */
import { qualified } from '../address.js';
import type { Indicator } from '../rulebook/schema.js';
import { SheetCells, sheetEntries } from '../sheet/sparse.js';
import { normaliseCode, parseCell, type Parsed } from '../sheet/values.js';
import { finding, type Finding, type RawCell, type Snapshot } from '../types.js';
import { MCOLUMNS, MONITORING_YEAR, ownerOf, type MonitoringForm } from './form.js';
import { t } from '../text/index.js';

export interface MValue {
  cell: string;
  state: 'ok' | 'blank' | 'invalid';
  value?: number | boolean | string;
}

export interface MonitoringInputs {
  sheet: string;
  /** The monitoring year (M1), when readable. */
  year: number | null;
  /** Reported values by code; absent when the sheet has no row for the code. */
  values: Map<string, MValue>;
  /** Plan targets by code, for rows that have one filled in. */
  targets: Map<string, MValue>;
  required: Set<string>;
  findings: Finding[];
  /** False when no code column was found: not a monitoring sheet at all. */
  found: boolean;
  /** Codes of section R found on the sheet (how the form is recognised without its record). */
  rCodes: number;
  /** The column of the codes (0-based) when found: the check's legend of flag colours aligns with it. */
  codeCol?: number;
}


const ISO = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;

/** A date cell as ISO "YYYY-MM-DD", or why not. */
function parseDate(raw: RawCell | null | undefined): { kind: 'blank' } | { kind: 'ok'; value: string } | { kind: 'invalid' } {
  const v = raw?.value;
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { kind: 'blank' };
  if (typeof v === 'number') {
    // Excel's day 1 is 1900-01-01, with its phantom 29 February 1900: serials count from 1899-12-30.
    if (!Number.isFinite(v) || v < 36526 || v > 73415) return { kind: 'invalid' };
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86400000);
    return { kind: 'ok', value: date.toISOString().slice(0, 10) };
  }
  if (typeof v !== 'string') return { kind: 'invalid' };
  const match = ISO.exec(v.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!match) return { kind: 'invalid' };
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { kind: 'invalid' };
  return { kind: 'ok', value: date.toISOString().slice(0, 10) };
}

const headerIs = (raw: RawCell | null | undefined, key: 'monitoring.colTarget' | 'monitoring.colActual') => {
  const v = raw?.value;
  return typeof v === 'string' && (v.trim() === t(key, 'zh-CN') || v.trim() === t(key, 'en-US'));
};

export function readMonitoringSheet(snapshot: Snapshot, form: MonitoringForm): MonitoringInputs {
  const rb = form.rb;
  const sheet = snapshot.sheet;
  // Only the cells that exist: the cost follows the sheet's content, never its extent (limits apply as for applications).
  const cells = new SheetCells(sheetEntries(snapshot));
  const at = (row: number, col: number): RawCell | undefined => cells.at(row, col);
  const result: MonitoringInputs = { sheet, year: null, values: new Map(), targets: new Map(), required: new Set(), findings: [], found: false, rCodes: 0 };

  // The code column: the one with the most of the form's codes (the leftmost of equals).
  const counts = new Map<number, number>();
  for (const e of cells.entries) {
    const code = normaliseCode(e.cell);
    if (code && rb.indicators.has(code)) counts.set(e.col, (counts.get(e.col) ?? 0) + 1);
  }
  let codeCol = -1;
  let best = 0;
  for (const [c, n] of counts) if (n > best || (n === best && c < codeCol)) [best, codeCol] = [n, c];
  if (codeCol < 0 || best < 3) {
    result.findings.push(finding('no-indicator-rows', 'invalid', 'sheet', {}, [], { sheet }));
    return result;
  }
  result.found = true;
  result.codeCol = codeCol;
  const rowOf = new Map<string, number>();
  for (const r of cells.rows) {
    const code = normaliseCode(at(r, codeCol));
    if (!code || !rb.indicators.has(code)) continue;
    if (rowOf.has(code))
      result.findings.push(finding('duplicate-indicator-row', 'warn', 'input', { indicator: code }, [qualified(sheet, r, codeCol)], { firstCell: qualified(sheet, rowOf.get(code)!, codeCol) }));
    else rowOf.set(code, r);
  }
  result.rCodes = [...rowOf.keys()].filter((c) => /^R\d/.test(c)).length;

  // Columns by header, above the first code row; else the standard offsets from the code column.
  const first = Math.min(...rowOf.values());
  let targetCol = codeCol + (MCOLUMNS.target - MCOLUMNS.code);
  let actualCol = codeCol + (MCOLUMNS.actual - MCOLUMNS.code);
  for (const r of cells.rows.filter((x) => x < first).reverse()) {
    let hit = false;
    for (const [c, raw] of cells.row(r) ?? []) {
      if (c <= codeCol) continue;
      if (headerIs(raw, 'monitoring.colTarget')) [targetCol, hit] = [c, true];
      if (headerIs(raw, 'monitoring.colActual')) [actualCol, hit] = [c, true];
    }
    if (hit) break;
  }

  const parsed = new Map<string, Parsed>();
  const read = (ind: Indicator, row: number, col: number): { v: MValue; p: Parsed } => {
    const raw = at(row, col);
    const cell = qualified(sheet, row, col);
    if (ind.code === 'R3') {
      const d = parseDate(raw);
      if (d.kind === 'ok') return { v: { cell, state: 'ok', value: d.value }, p: { kind: 'ok', value: d.value, notes: [] } };
      if (d.kind === 'blank') return { v: { cell, state: 'blank' }, p: { kind: 'blank' } };
      return { v: { cell, state: 'invalid' }, p: { kind: 'invalid', code: 'r3-date-invalid', params: { found: String(raw?.value ?? '').slice(0, 40) } } };
    }
    const p = parseCell(raw, ind);
    return { v: { cell, state: p.kind, ...(p.kind === 'ok' ? { value: p.value } : {}) }, p };
  };

  const pending: Array<{ ind: Indicator; v: MValue; p: Parsed; target?: boolean }> = [];
  for (const ind of rb.data.indicators) {
    const row = rowOf.get(ind.code);
    if (row === undefined) continue;
    const { v, p } = read(ind, row, actualCol);
    result.values.set(ind.code, v);
    parsed.set(ind.code, p);
    pending.push({ ind, v, p });
    if (form.better.has(ind.code)) {
      const tg = read(ind, row, targetCol);
      if (tg.p.kind !== 'blank') {
        result.targets.set(ind.code, tg.v);
        pending.push({ ind, v: tg.v, p: tg.p, target: true });
      }
    }
  }
  const y = parsed.get(MONITORING_YEAR);
  result.year = y?.kind === 'ok' ? (y.value as number) : null;

  for (const ind of rb.data.indicators) {
    let req = ind.required;
    if (ind.requiredIf) {
      const a = parsed.get(ind.requiredIf.indicator);
      req = !(a?.kind === 'ok' && a.value !== ind.requiredIf.equals);
    }
    if (req) result.required.add(ind.code);
  }
  for (const ind of rb.data.indicators)
    if (!rowOf.has(ind.code) && result.required.has(ind.code))
      result.findings.push(finding('indicator-row-missing', 'missing', 'input', { check: ownerOf(form, ind.code), indicator: ind.code }, [], { sheet }));
  for (const { ind, v, p, target } of pending) {
    const where = { check: ownerOf(form, ind.code), indicator: ind.code };
    if (p.kind === 'blank') {
      if (result.required.has(ind.code)) result.findings.push(finding('missing-input', 'missing', 'input', where, [v.cell], {}));
    } else if (p.kind === 'invalid') result.findings.push(finding(p.code, 'invalid', 'input', where, [v.cell], { ...p.params, ...(target ? { target: true } : {}) }));
    else for (const note of p.notes) result.findings.push(finding(note.code, 'warn', 'input', where, [v.cell], note.params));
  }
  return result;
}
