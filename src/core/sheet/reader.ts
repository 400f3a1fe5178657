/**
 * The indicator-sheet reader: finds indicator rows by their code (never by a fixed address), finds the
 * data-year columns from the header, and turns every input cell into a typed value or an input finding.
 * It survives inserted, reordered and unknown rows.
 */
import { qualified } from '../address.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Indicator } from '../rulebook/schema.js';
import { LIMITS, LimitError } from '../limits.js';
import { finding, type Finding, type Snapshot } from '../types.js';
import { SheetCells, sheetEntries } from './sparse.js';
import { excerpt, normaliseCode, parseCell, parseHeaderYear, type Parsed } from './values.js';

/** One input cell as read. `state` is what the checks need to know. */
export interface CellInput {
  cell: string;
  row: number;
  col: number;
  state: 'ok' | 'blank' | 'invalid';
  value?: number | boolean | string;
}

export interface IndicatorInput {
  code: string;
  /** Zero-based sheet row; undefined when the sheet has no row for this code. */
  row?: number;
  /** Single-value indicators. */
  single?: CellInput;
  /** Series indicators, by data year; a year whose column is absent has no entry. */
  years: Map<number, CellInput>;
}

export interface SheetLayout {
  codeCol: number;
  headerRow?: number;
  /** Header year → zero-based column. */
  yearCols: Map<number, number>;
  /** Column holding single values (the latest data year's). */
  valueCol: number;
}

export interface SheetInputs {
  sheet: string;
  /** Y-3, Y-2, Y-1; null when neither the application year nor the header tells them. */
  dataYears: number[] | null;
  applicationYear: number | null;
  layout: SheetLayout | null;
  indicators: Map<string, IndicatorInput>;
  /** Indicators required on this sheet, conditional requirements resolved. */
  required: Set<string>;
  findings: Finding[];
}

const MIN_CODE_ROWS = 3;

/** The column holding the most known codes (the leftmost of equals), within the cells that hold content. */
function findCodeColumn(cells: SheetCells, known: ReadonlyMap<string, Indicator>): number | undefined {
  const counts = new Map<number, number>();
  for (const e of cells.entries) {
    const code = normaliseCode(e.cell);
    if (code && known.has(code)) counts.set(e.col, (counts.get(e.col) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [c, count] of counts)
    if (count > bestCount || (count === bestCount && best !== undefined && c < best)) {
      bestCount = count;
      best = c;
    }
  return bestCount >= Math.min(MIN_CODE_ROWS, known.size) ? best : undefined;
}

/** The nearest row above the first indicator row that names years to the right of the code column. */
function findHeader(cells: SheetCells, codeCol: number, firstCodeRow: number): { row: number; years: Map<number, number> } | undefined {
  let fallback: { row: number; years: Map<number, number> } | undefined;
  const above = cells.rows.filter((r) => r < firstCodeRow);
  for (let i = above.length - 1; i >= 0; i--) {
    const r = above[i]!;
    const years = new Map<number, number>();
    for (const [c, cell] of cells.row(r)!) {
      if (c <= codeCol) continue;
      const y = parseHeaderYear(cell);
      if (y !== undefined && !years.has(y)) years.set(y, c);
    }
    if (years.size >= 2) return { row: r, years };
    if (years.size === 1 && !fallback) fallback = { row: r, years };
  }
  return fallback;
}

function isRequired(ind: Indicator, answers: ReadonlyMap<string, Parsed>): boolean {
  if (ind.derived) return false;
  if (ind.requiredIf) {
    const a = answers.get(ind.requiredIf.indicator);
    // Unknown condition (blank or unreadable): the cell may be needed, so it is listed.
    return !(a?.kind === 'ok' && a.value !== ind.requiredIf.equals);
  }
  return ind.required;
}

export function readIndicatorSheet(snapshot: Snapshot, rb: LoadedRulebook): SheetInputs {
  const cells = new SheetCells(sheetEntries(snapshot));
  const sheet = snapshot.sheet;
  const findings: Finding[] = [];
  const indicators = new Map<string, IndicatorInput>();
  const result: SheetInputs = { sheet, dataYears: null, applicationYear: null, layout: null, indicators, required: new Set(), findings };

  const codeCol = findCodeColumn(cells, rb.indicators);
  if (codeCol === undefined) {
    findings.push(finding('no-indicator-rows', 'invalid', 'sheet', {}, [], { sheet }));
    return result;
  }

  // Indicator rows by code; the first occurrence wins, later ones are reported.
  const rowOf = new Map<string, number>();
  for (const r of cells.rows) {
    const code = normaliseCode(cells.at(r, codeCol));
    if (!code || !rb.indicators.has(code)) continue;
    const first = rowOf.get(code);
    if (first === undefined) rowOf.set(code, r);
    else {
      // Each repeated row is one finding: a sheet of thousands of them is refused here, not reported line by line.
      if (findings.length >= LIMITS.findings) throw new LimitError('findings', LIMITS.findings, countDuplicates(cells, codeCol, rb));
      findings.push(finding('duplicate-indicator-row', 'warn', 'input', { indicator: code }, [qualified(sheet, r, codeCol)], { firstCell: qualified(sheet, first, codeCol) }));
    }
  }
  let firstCodeRow = Infinity;
  for (const r of rowOf.values()) if (r < firstCodeRow) firstCodeRow = r;
  const header = findHeader(cells, codeCol, firstCodeRow);
  const yearCols = header?.years ?? new Map<number, number>();
  const headerCells = header ? [...header.years.values()].map((c) => qualified(sheet, header.row, c)) : [];
  const maxHeaderYear = yearCols.size ? Math.max(...yearCols.keys()) : undefined;
  const layout: SheetLayout = {
    codeCol,
    headerRow: header?.row,
    yearCols,
    valueCol: maxHeaderYear !== undefined ? yearCols.get(maxHeaderYear)! : codeCol + 3,
  };
  result.layout = layout;

  const cellAt = (row: number, col: number, ind: Indicator): { input: CellInput; parsed: Parsed } => {
    let parsed = parseCell(cells.at(row, col), ind);
    // A derived row's formula without a stored result is just "not shown": the check recomputes it anyway.
    if (ind.derived && parsed.kind === 'invalid' && parsed.code === 'formula-not-calculated') parsed = { kind: 'blank' };
    const input: CellInput = {
      cell: qualified(sheet, row, col),
      row,
      col,
      state: parsed.kind,
      ...(parsed.kind === 'ok' ? { value: parsed.value } : {}),
    };
    return { input, parsed };
  };

  /**
   * Single values live in the value column (the latest data year's). A figure of a criterion (4.5, 5.1, …) is a
   * latest-year value: it is read from that column only, and a value typed in another year's column is reported
   * (`value-in-other-year`), never used. Text, 是/否 answers and the cluster's identity may sit in any year
   * column of their row (a merged cell keeps its value in its first column).
   */
  const yearColsDesc = [...yearCols.values()].sort((a, b) => b - a);
  const identityCodes = new Set(Object.values(rb.data.settings.identity));
  const latestOnly = (ind: Indicator) => ind.kind !== 'text' && ind.kind !== 'yesno' && !identityCodes.has(ind.code);
  const strays: Array<{ ind: Indicator; cell: string; latestCell: string; latestBlank: boolean; found: string }> = [];
  const readSingle = (row: number, ind: Indicator, report = true) => {
    const primary = cellAt(row, layout.valueCol, ind);
    const strict = latestOnly(ind);
    if (primary.parsed.kind !== 'blank' && !strict) return primary;
    for (const c of yearColsDesc) {
      if (c === layout.valueCol) continue;
      const raw = cells.at(row, c);
      const alt = cellAt(row, c, ind);
      if (alt.parsed.kind === 'blank') continue;
      if (!strict) return alt;
      if (report)
        strays.push({
          ind,
          cell: alt.input.cell,
          latestCell: primary.input.cell,
          latestBlank: primary.parsed.kind === 'blank',
          found: excerpt(raw?.value ?? ''),
        });
    }
    return primary;
  };

  // The application year sets the data years; read it first.
  const yearCode = rb.data.settings.identity.applicationYear;
  const yearRow = rowOf.get(yearCode);
  const yearInd = rb.indicators.get(yearCode)!;
  let appYear: number | null = null;
  if (yearRow !== undefined) {
    const y = readSingle(yearRow, yearInd, false);
    if (y.parsed.kind === 'ok') appYear = y.parsed.value as number;
  }
  result.applicationYear = appYear;

  if (appYear !== null) {
    const expected = [appYear - 3, appYear - 2, appYear - 1];
    result.dataYears = expected;
    const absent = expected.filter((y) => !yearCols.has(y));
    if (absent.length)
      findings.push(
        finding(yearCols.size ? 'year-columns-mismatch' : 'year-columns-not-found', 'invalid', 'sheet', {}, headerCells, {
          expected,
          found: [...yearCols.keys()].sort(),
          applicationYear: appYear,
        }),
      );
    const latestCol = yearCols.get(appYear - 1);
    if (latestCol !== undefined) layout.valueCol = latestCol;
  } else if (yearCols.size >= 3) {
    result.dataYears = [...yearCols.keys()].sort((a, b) => a - b).slice(-3);
  } else {
    findings.push(finding('year-columns-not-found', 'invalid', 'sheet', {}, headerCells, { expected: null, found: [...yearCols.keys()].sort(), applicationYear: null }));
  }

  // Parse everything first: conditional requirements depend on other answers.
  const parsedSingles = new Map<string, Parsed>();
  const pending: Array<{ ind: Indicator; year?: number; input: CellInput; parsed: Parsed }> = [];
  for (const ind of rb.data.indicators) {
    const row = rowOf.get(ind.code);
    const entry: IndicatorInput = { code: ind.code, row, years: new Map() };
    indicators.set(ind.code, entry);
    if (row === undefined) continue;
    if (ind.series) {
      for (const y of result.dataYears ?? []) {
        const col = yearCols.get(y);
        if (col === undefined) continue;
        const { input, parsed } = cellAt(row, col, ind);
        entry.years.set(y, input);
        pending.push({ ind, year: y, input, parsed });
      }
    } else {
      const { input, parsed } = readSingle(row, ind);
      entry.single = input;
      parsedSingles.set(ind.code, parsed);
      pending.push({ ind, input, parsed });
    }
  }

  for (const ind of rb.data.indicators) if (isRequired(ind, parsedSingles)) result.required.add(ind.code);
  for (const ind of rb.data.indicators) {
    if (rowOf.has(ind.code) || !result.required.has(ind.code)) continue;
    findings.push(finding('indicator-row-missing', 'missing', 'input', { check: rb.ownerCheck.get(ind.code), indicator: ind.code }, [], { sheet }));
  }

  for (const { ind, year, input, parsed } of pending) {
    const where = { check: rb.ownerCheck.get(ind.code), indicator: ind.code, year };
    if (parsed.kind === 'blank') {
      if (result.required.has(ind.code)) findings.push(finding('missing-input', 'missing', 'input', where, [input.cell], {}));
    } else if (parsed.kind === 'invalid') {
      findings.push(finding(parsed.code, 'invalid', 'input', where, [input.cell], parsed.params));
    } else {
      for (const note of parsed.notes) findings.push(finding(note.code, 'warn', 'input', where, [input.cell], note.params));
      const off = ind.format ? formatProblem(ind.format, String(parsed.value)) : undefined;
      if (off) findings.push(finding(off, 'warn', 'input', where, [input.cell], { found: excerpt(String(parsed.value)) }));
    }
  }
  // A latest-year figure typed in another year's column was not used: invalid when the latest cell is blank
  // (the figure is then missing where it belongs), a warning when the latest cell holds the figure used.
  for (const s of strays)
    findings.push(
      finding('value-in-other-year', s.latestBlank ? 'invalid' : 'warn', 'input', { check: rb.ownerCheck.get(s.ind.code), indicator: s.ind.code }, [s.cell], {
        found: s.found,
        latestCell: s.latestCell,
        latestYear: result.dataYears ? result.dataYears[result.dataYears.length - 1]! : null,
      }),
    );
  if (findings.length > LIMITS.findings) throw new LimitError('findings', LIMITS.findings, findings.length);
  return result;
}

/** Rows repeating a code seen above them in the code column: the findings a refused sheet would have had. */
function countDuplicates(cells: SheetCells, codeCol: number, rb: LoadedRulebook): number {
  const seen = new Set<string>();
  let n = 0;
  for (const r of cells.rows) {
    const code = normaliseCode(cells.at(r, codeCol));
    if (!code || !rb.indicators.has(code)) continue;
    if (seen.has(code)) n++;
    else seen.add(code);
  }
  return n;
}

/**
 * A contact's 手机 is 11 digits beginning with 1 (spaces and hyphens between groups allowed, +86 in front); an
 * e-mail has one @ with text before it and a domain holding a dot after it. Anything else is a warning (`mobile-format`,
 * `email-format`): the row is still read, a person can still be reached by what it says.
 */
export function formatProblem(format: NonNullable<Indicator['format']>, text: string): 'mobile-format' | 'email-format' | undefined {
  const s = text.normalize('NFKC').trim();
  if (format === 'mobile') return /^1\d{10}$/.test(s.replace(/^\+?86[\s-]*/, '').replace(/[\s-]/g, '')) ? undefined : 'mobile-format';
  const parts = s.split('@');
  const ok = parts.length === 2 && /^[^\s@]+$/.test(parts[0]!) && /^[^\s@.]+(\.[^\s@.]+)+$/.test(parts[1]!);
  return ok ? undefined : 'email-format';
}
