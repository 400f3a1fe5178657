/**
 * Readers of the plan and evidence sheets (../template/plan.ts). The plan sheet: rows by code (never by address),
 * plan-year columns by their year headers ("2025年"), every target through the application reader's cell rules
 * (numbers in text, units, percents, Excel errors). The evidence index: entries with their 对应指标 codes split
 * on 、,，;； and spaces. A workbook without the sheet reads as null: the checks are then `missing`.
 */
import { qualified } from '../address.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Indicator } from '../rulebook/schema.js';
import { EVIDENCE_HEADER_WORDS, planIndicators } from '../template/plan.js';
import type { Snapshot } from '../types.js';
import { cellText, findHeaderRow } from './header.js';
import { SheetCells, sheetEntries } from './sparse.js';
import { excerpt, normaliseCode, parseCell, parseHeaderYear } from './values.js';

export interface TargetCell {
  cell: string;
  state: 'ok' | 'blank' | 'invalid';
  value?: number;
  /** What was typed, for an invalid cell, and why it is not a target (the reader's code: not-a-number, not-integer, …). */
  found?: string;
  problem?: string;
}

export interface PlanInput {
  sheet: string;
  /** Plan years by column, left to right, as their headers say. */
  years: Array<{ year: number; col: number; cell: string }>;
  /** The header row's first cell (where a problem with the years is reported). */
  headerCell: string;
  /** Rows by indicator code: the target of each plan year. */
  rows: Map<string, { row: number; targets: Map<number, TargetCell> }>;
}

export interface EvidenceEntry {
  row: number;
  name: string | null;
  /** The codes named in 对应指标, normalised (upper case, full width folded). */
  codes: string[];
  page: string | null;
  cells: { name: string; code: string; page: string };
}

export interface EvidenceInput {
  sheet: string;
  entries: EvidenceEntry[];
  /** The first input row's 材料名称 cell (where an empty index is reported). */
  firstCell: string;
  headerFound: boolean;
}

const text = cellText;

export function readPlanSheet(snapshot: Snapshot, rb: LoadedRulebook): PlanInput {
  const cells = new SheetCells(sheetEntries(snapshot));
  const sheet = snapshot.sheet;
  const wanted = new Map<string, Indicator>(planIndicators(rb).map((i) => [i.code, i]));
  // The code column: the one holding the most plan codes.
  const counts = new Map<number, number>();
  for (const e of cells.entries) {
    const code = normaliseCode(e.cell);
    if (code && wanted.has(code)) counts.set(e.col, (counts.get(e.col) ?? 0) + 1);
  }
  let codeCol = 0;
  let best = 0;
  for (const [c, n] of counts) if (n > best || (n === best && c < codeCol)) [best, codeCol] = [n, c];
  const rowsOf = new Map<string, number>();
  for (const r of cells.rows) {
    const code = normaliseCode(cells.at(r, codeCol));
    if (code && wanted.has(code) && !rowsOf.has(code)) rowsOf.set(code, r);
  }
  const first = rowsOf.size ? Math.min(...rowsOf.values()) : Number.POSITIVE_INFINITY;
  // The header: the nearest row above the first code row with year headers right of the code column.
  let years: PlanInput['years'] = [];
  let headerRow = 1;
  for (const r of cells.rows.filter((x) => x < first).reverse()) {
    const found: PlanInput['years'] = [];
    for (const [c, raw] of cells.row(r) ?? []) {
      if (c <= codeCol) continue;
      // A year alone ("2025年"): the current-figure column's "2024年实际值" is not a plan year.
      const y = parseHeaderYear(raw);
      if (y !== undefined) found.push({ year: y, col: c, cell: qualified(sheet, r, c) });
    }
    if (found.length) {
      years = found.sort((a, b) => a.col - b.col);
      headerRow = r;
      break;
    }
  }
  const rows: PlanInput['rows'] = new Map();
  for (const [code, r] of rowsOf) {
    const ind = wanted.get(code)!;
    const targets = new Map<number, TargetCell>();
    for (const y of years) {
      const raw = cells.at(r, y.col);
      const cell = qualified(sheet, r, y.col);
      // A series indicator's target is one figure: read it as a single value of the indicator's kind.
      const p = parseCell(raw, { ...ind, series: false });
      if (p.kind === 'blank') targets.set(y.year, { cell, state: 'blank' });
      else if (p.kind === 'ok' && typeof p.value === 'number') targets.set(y.year, { cell, state: 'ok', value: p.value });
      else {
        // A number no spreadsheet can hold (a hostile `<v>1e999</v>` reads as Infinity): out of range, said as such
        // (its excerpt as JSON was "null").
        const v = raw?.value;
        const huge = typeof v === 'number' && !Number.isFinite(v);
        targets.set(y.year, { cell, state: 'invalid', found: huge ? String(v) : excerpt(v ?? ''), problem: huge ? 'out-of-range' : p.kind === 'invalid' ? p.code : 'not-a-number' });
      }
    }
    rows.set(code, { row: r, targets });
  }
  return { sheet, years, headerCell: qualified(sheet, headerRow, codeCol), rows };
}

const CODE_SPLIT = /[、,，;；\s/]+/;

export function readEvidenceSheet(snapshot: Snapshot): EvidenceInput {
  const cells = new SheetCells(sheetEntries(snapshot));
  const sheet = snapshot.sheet;
  const found = findHeaderRow(cells, EVIDENCE_HEADER_WORDS, ['name', 'code']);
  const header = found && { row: found.row, name: found.cols.name!, code: found.cols.code!, page: found.cols.page ?? -1 };
  if (!header) return { sheet, entries: [], firstCell: qualified(sheet, 0, 0), headerFound: false };
  const entries: EvidenceEntry[] = [];
  for (const r of cells.rows) {
    if (r <= header.row) continue;
    const name = text(cells.at(r, header.name));
    const rawCodes = text(cells.at(r, header.code));
    const page = header.page >= 0 ? text(cells.at(r, header.page)) : null;
    if (name === null && rawCodes === null && page === null) continue;
    const codes = rawCodes === null ? [] : rawCodes.toUpperCase().split(CODE_SPLIT).filter(Boolean);
    entries.push({
      row: r,
      name,
      codes,
      page,
      cells: { name: qualified(sheet, r, header.name), code: qualified(sheet, r, header.code), page: qualified(sheet, r, header.page < 0 ? header.name : header.page) },
    });
  }
  return { sheet, entries, firstCell: qualified(sheet, header.row + 1, header.name), headerFound: true };
}
