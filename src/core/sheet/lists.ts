/**
 * The name-list reader: each list sheet of the application form (one per list of the rulebook) gives its entries
 * — name, 统一社会信用代码, level, year — with what is wrong with each (a blank field, a malformed code, a code
 * listed twice, an unknown level). Columns are found by their header words, never by a fixed address. A list
 * whose sheet the workbook does not have (a template made before the lists) is `null`: its checks are `missing`.
 */
import { qualified, quoteSheet, toA1 } from '../address.js';
import { LIMITS, LimitError } from '../limits.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { NameList } from '../rulebook/schema.js';
import { LIST_HEADER_WORDS, nameLists } from '../template/lists.js';
import { evidenceRule, planRule } from '../template/plan.js';
import type { Params, RawCell, Snapshot, Status } from '../types.js';
import { checkCreditCode } from './credit-code.js';
import { cellText, findHeaderRow } from './header.js';
import { readEvidenceSheet, readPlanSheet, type EvidenceInput, type PlanInput } from './plan.js';
import { SheetCells, sheetEntries } from './sparse.js';
import { excerpt, normaliseText } from './values.js';

export interface EntryProblem {
  code: string;
  status: Status;
  cell: string;
  params: Params;
}

export interface ListEntry {
  /** Zero-based sheet row. */
  row: number;
  name: string | null;
  /** The code as typed, normalised (full-width folded, upper-cased); null when blank. */
  code: string | null;
  /** True when the code passes GB 32100-2015. */
  codeValid: boolean;
  level: string | null;
  year: number | null;
  cells: { name: string; code: string; level: string; year: string };
}

export interface ListInput {
  id: string;
  sheet: string;
  /** Entries in sheet order: rows with a name, a code, a level or a year (a 序号 alone is not an entry). */
  entries: ListEntry[];
  /** Distinct entries: by valid credit code, else by name. */
  distinct: number;
  /** Where the entries are, e.g. "专精特新中小企业!B3:E20" (the first input row when there are none). */
  range: string;
  problems: EntryProblem[];
}

export interface FormLists {
  /** By list id; null when the workbook has no sheet for the list. */
  lists: ReadonlyMap<string, ListInput | null>;
  /** The plan-targets sheet (./plan.ts): absent when the rulebook asks for none, null when the workbook lacks it. */
  plan?: PlanInput | null;
  /** The index of supporting documents: absent when the rulebook asks for none, null when the workbook lacks it. */
  evidence?: EvidenceInput | null;
}

/** The key an entry is counted under when lists are de-duplicated: its valid credit code, else its name. */
export const entryKey = (e: ListEntry): string | null => (e.codeValid && e.code ? `code:${e.code}` : e.name ? `name:${normaliseText(e.name)}` : null);

const text = cellText;

function findHeader(cells: SheetCells): { row: number; cols: Record<keyof typeof LIST_HEADER_WORDS, number> } | null {
  // A list's header names a credit-code column and a name column.
  const h = findHeaderRow(cells, LIST_HEADER_WORDS, ['code', 'name']);
  return h && { row: h.row, cols: { name: h.cols.name!, code: h.cols.code!, level: h.cols.level ?? -1, year: h.cols.year ?? -1 } };
}

function parseYear(c: RawCell | undefined): { value: number | null; bad: string | null } {
  const v = c?.value;
  if (v === null || v === undefined) return { value: null, bad: null };
  const s = typeof v === 'object' ? String(v.error) : normaliseText(String(v)).replace(/年$/, '');
  if (s === '') return { value: null, bad: null };
  const n = Number(s);
  return Number.isInteger(n) && n >= 1949 && n <= 2100 ? { value: n, bad: null } : { value: null, bad: excerpt(String(typeof v === 'object' ? v.error : v)) };
}

export function readListSheet(snapshot: Snapshot, list: NameList): ListInput {
  const cells = new SheetCells(sheetEntries(snapshot));
  const sheet = snapshot.sheet;
  const header = findHeader(cells);
  const problems: EntryProblem[] = [];
  const entries: ListEntry[] = [];
  if (!header) {
    problems.push({ code: 'list-header-not-found', status: 'invalid', cell: qualified(sheet, 0, 0), params: { sheet } });
    return { id: list.id, sheet, entries, distinct: 0, range: `${quoteSheet(sheet)}!A1`, problems };
  }
  const { cols } = header;
  const at = (r: number, c: number) => (c < 0 ? undefined : cells.at(r, c));
  const firstCode = new Map<string, string>();
  for (const r of cells.rows) {
    if (r <= header.row) continue;
    const name = text(at(r, cols.name));
    const rawCode = text(at(r, cols.code));
    const level = text(at(r, cols.level));
    const year = parseYear(at(r, cols.year));
    if (name === null && rawCode === null && level === null && year.value === null && year.bad === null) continue;
    const cellOf = (c: number) => qualified(sheet, r, c < 0 ? cols.name : c);
    const entry: ListEntry = {
      row: r,
      name,
      code: null,
      codeValid: false,
      level,
      year: year.value,
      cells: { name: cellOf(cols.name), code: cellOf(cols.code), level: cellOf(cols.level), year: cellOf(cols.year) },
    };
    if (name === null) problems.push({ code: 'list-name-missing', status: 'missing', cell: entry.cells.name, params: { sheet } });
    if (rawCode === null) problems.push({ code: 'credit-code-missing', status: 'missing', cell: entry.cells.code, params: { name: name ?? '' } });
    else {
      // A code typed as a number has lost its last digits (a spreadsheet keeps 15): said as that, not as the check
      // digit it happens to get wrong.
      const typedNumber = typeof at(r, cols.code)?.value === 'number';
      const checked: ReturnType<typeof checkCreditCode> = typedNumber ? { ok: false, code: rawCode, problem: 'number' } : checkCreditCode(rawCode);
      entry.code = checked.code;
      entry.codeValid = checked.ok;
      if (!checked.ok)
        problems.push({
          code: 'credit-code-invalid',
          status: 'invalid',
          cell: entry.cells.code,
          params: { name: name ?? '', found: excerpt(rawCode), problem: checked.problem, expected: checked.expected ?? null },
        });
      else {
        const first = firstCode.get(checked.code);
        if (first !== undefined) problems.push({ code: 'list-duplicate-code', status: 'invalid', cell: entry.cells.code, params: { name: name ?? '', code: checked.code, firstCell: first, sheet } });
        else firstCode.set(checked.code, entry.cells.code);
      }
    }
    if (cols.level >= 0) {
      if (level === null) {
        if (!list.optional?.includes('level')) problems.push({ code: 'list-level-missing', status: 'missing', cell: entry.cells.level, params: { name: name ?? '', levels: list.levels } });
      } else if (!list.levels.includes(level)) problems.push({ code: 'list-level-unknown', status: 'warn', cell: entry.cells.level, params: { name: name ?? '', found: excerpt(level), levels: list.levels } });
    }
    if (cols.year >= 0) {
      if (year.bad !== null) problems.push({ code: 'list-year-invalid', status: 'invalid', cell: entry.cells.year, params: { name: name ?? '', found: year.bad } });
      else if (year.value === null && !list.optional?.includes('year')) problems.push({ code: 'list-year-missing', status: 'missing', cell: entry.cells.year, params: { name: name ?? '' } });
    }
    entries.push(entry);
    if (problems.length > LIMITS.findings) throw new LimitError('findings', LIMITS.findings, problems.length);
  }
  const keys = new Set(entries.map(entryKey).filter((k): k is string => k !== null));
  const lastCol = Math.max(cols.name, cols.code, cols.level, cols.year);
  const firstCol = Math.min(...[cols.name, cols.code, cols.level, cols.year].filter((c) => c >= 0));
  const r0 = entries.length ? entries[0]!.row : header.row + 1;
  const r1 = entries.length ? entries[entries.length - 1]!.row : header.row + 1;
  return { id: list.id, sheet, entries, distinct: keys.size, range: `${quoteSheet(sheet)}!${toA1(r0, firstCol)}:${toA1(r1, lastCol)}`, problems };
}

/**
 * The sheets holding the rulebook's lists, and its plan and evidence sheets, by name: what the adapters are asked
 * to read beside the indicator sheet (in the same round trip).
 */
export const listSheetNames = (rb: LoadedRulebook, names: readonly string[]): string[] =>
  [...nameLists(rb).map((l) => l.sheet), planRule(rb)?.sheet, evidenceRule(rb)?.sheet].filter((s): s is string => s !== undefined && names.includes(s));

/** Every list of the rulebook read from the snapshots given (a list without its sheet is null). */
export function readLists(snapshots: readonly Snapshot[], rb: LoadedRulebook): FormLists {
  const bySheet = new Map(snapshots.map((s) => [s.sheet, s]));
  const lists = new Map<string, ListInput | null>();
  for (const l of nameLists(rb)) {
    const s = bySheet.get(l.sheet);
    lists.set(l.id, s ? readListSheet(s, l) : null);
  }
  const out: FormLists = { lists };
  const plan = planRule(rb);
  if (plan) {
    const s = bySheet.get(plan.sheet);
    out.plan = s ? readPlanSheet(s, rb) : null;
  }
  const evidence = evidenceRule(rb);
  if (evidence) {
    const s = bySheet.get(evidence.sheet);
    out.evidence = s ? readEvidenceSheet(s) : null;
  }
  return out;
}
