/**
 * What an adapter reads, and what the core makes of it. The core names the sheets to read (from the sheet
 * names alone); the adapter hands back their snapshots, the metadata, merged areas and the previous summary's
 * cells; `examine` picks the indicator sheet, reviews it and says what the reviewer should be warned about.
 */
import { fromA1 } from '../address.js';
import { buildReport, type Report } from '../report/json.js';
import type { MetaRecord } from '../report/meta-read.js';
import { META_SHEET, type SummaryLayout, type WorkbookMeta } from '../report/meta.js';
import type { CellValue } from '../report/sheet-model.js';
import { isSummarySheet, summaryShowsMark } from '../report/summary.js';
import { canonicalJson, sha256Hex } from '../rulebook/sha256.js';
import { reviewSnapshot, type Review } from '../review.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import { INDICATOR_SHEET } from '../template/layout.js';
import { entryKey, listSheetNames, readLists, type FormLists } from '../sheet/lists.js';
import { formData } from '../sheet/form-data.js';
import { withoutCells } from '../sheet/sparse.js';
import type { Snapshot } from '../types.js';
import type { WorkflowWarning } from './warnings.js';

/** The first read, decided from the sheet names. */
export interface ReadRequest {
  /**
   * Sheets that may hold the indicators, in stages: read the first; read the next only when no sheet of the
   * first has indicator codes (a sheet named 指标表 usually has them, so the usual case reads one sheet).
   * The metadata sheet and the tool's own summary sheets are never candidates.
   */
  stages: string[][];
  /** The metadata sheet, when the workbook has one (its first two columns). */
  meta: string | null;
  /** The tool's summary sheets; the previous summary (named by the metadata) is among them. */
  summaries: string[];
  /**
   * The name-list sheets of the rulebook the workbook has (龙头企业, 专精特新中小企业, …): read with the first stage,
   * in the same round trip, and handed to pickIndicatorSheet as `listsFrom(snapshots)`. Empty without a rulebook.
   */
  lists: string[];
}

export function readRequest(names: readonly string[], rb?: LoadedRulebook): ReadRequest {
  const lists = rb ? listSheetNames(rb, names) : [];
  const others = names.filter((n) => n !== META_SHEET && !isSummarySheet(n) && !lists.includes(n));
  const stages = others.includes(INDICATOR_SHEET) ? [[INDICATOR_SHEET], others.filter((n) => n !== INDICATOR_SHEET)] : [others];
  return { stages: stages.filter((s) => s.length > 0), meta: names.includes(META_SHEET) ? META_SHEET : null, summaries: names.filter(isSummarySheet), lists };
}

/** The name lists from the list sheets an adapter read (those readRequest named); a list without its sheet is null. */
export function listsFrom(snapshots: readonly Snapshot[], rb: LoadedRulebook): FormLists {
  return readLists(snapshots, rb);
}

/**
 * The sheet the metadata names as the previous summary, if the workbook has it and it bears a summary's name: the
 * one sheet whose cells the adapter exposes (summaryAt). Whether it is the tool's own is decided by its mark
 * (trustedSummary); a record naming any other sheet (指标表, say) names nothing.
 */
export function previousSummarySheet(meta: WorkbookMeta | null, names: readonly string[], byId = false): string | null {
  const sheet = meta?.review?.summary?.sheet;
  return sheet && names.includes(sheet) && (byId || isSummarySheet(sheet)) && sheet !== META_SHEET ? sheet : null;
}

/** The previous summary, only if it still shows the tool's mark (and is not the sheet under review): else null. */
function trustedSummary(reading: Reading, indicatorSheet: string | null): string | null {
  const layout = reading.meta?.review?.summary;
  const sheet = previousSummarySheet(reading.meta, reading.names, reading.summaryById === true);
  if (!layout || !sheet || sheet === indicatorSheet || !reading.summaryAt) return null;
  return summaryShowsMark(layout, reading.summaryAt) ? sheet : null;
}

/**
 * The fingerprint of the application's data, version 2: sha256 of every input the reader used (cell, state, value),
 * in code order, with the name lists, the plan's targets and the index of supporting documents
 * (../sheet/form-data.ts) — so a target or a list row edited after the first check is a change of data.
 */
export function dataFingerprint(review: Review): string {
  return sha256Hex(canonicalJson({ version: 2, rows: indicatorRows(review), form: formData(review.lists, { cells: true }) }));
}

function indicatorRows(review: Review) {
  const cell = (c: { cell: string; state: string; value?: unknown } | undefined) => (c ? [c.cell, c.state, c.value ?? null] : null);
  return [...review.inputs.indicators.values()]
    .map((i) => [i.code, i.row ?? null, cell(i.single), [...i.years.entries()].sort((a, b) => a[0] - b[0]).map(([y, c]) => [y, cell(c)])])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/**
 * Version 1, which records made before version 2 hold: the indicator inputs, with the name lists only when some
 * list had entries; no plan or evidence. A record is compared in the version it matches (examine), so an old
 * record does not make every application look changed; what version 1 did not cover it cannot vouch for.
 */
export function dataFingerprintV1(review: Review): string {
  const rows = indicatorRows(review);
  const lists = review.lists ? [...review.lists.lists.entries()].filter(([, l]) => l && l.entries.length) : [];
  if (!lists.length) return sha256Hex(canonicalJson(rows));
  const listRows = lists
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([id, l]) => [id, l!.entries.map((e) => [e.row, e.name, e.code, e.level, e.year, entryKey(e)])]);
  return sha256Hex(canonicalJson({ rows, lists: listRows }));
}

/** The data is as first checked: the record's fingerprint is this data's, in version 2 or (an older record) version 1. */
export const sameData = (recorded: string, review: Review, now: string = dataFingerprint(review)): boolean => recorded === now || recorded === dataFingerprintV1(review);

/** What an adapter read. */
export interface Reading {
  names: readonly string[];
  meta: WorkbookMeta | null;
  /** The indicator sheet as the core picked it (pickIndicatorSheet over the stages), or null. */
  found: { snapshot: Snapshot; review: Review } | null;
  /** Merged areas ("D12:E12") of the indicator sheet; null when the adapter cannot read them. */
  merges: readonly string[] | null;
  /** A cell (zero-based) of the previous summary sheet, when there is one. */
  summaryAt: ((row: number, col: number) => CellValue) | null;
  /** The number format of a cell of the previous summary (so typed dates keep theirs), where the adapter read it. */
  summaryFormatAt?: ((row: number, col: number) => string | null) | null;
  /** The previous summary was found by its recorded sheet id (it may have been renamed): its name need not be a summary's. */
  summaryById?: boolean;
  /** The note on a cell of the previous summary (adapters that read them: see summaryNoteCells). */
  summaryNoteAt?: ((row: number, col: number) => string | null) | null;
  /** The metadata sheet held a record that did not validate (it was dropped). */
  metaDamaged?: boolean;
  /** Where the record lies on its sheet (the block read, the first free row, superseded rows): writes append below. */
  record?: Pick<MetaRecord, 'block' | 'end' | 'stale'>;
  /**
   * The duplicate summaries the record lists (`review.duplicates`) that the workbook still has, each under the name
   * it has now (found by its sheet id), with its cells as read: whether the tool wrote it is decided by examine.
   */
  duplicates?: readonly DuplicateReading[];
}

/** A duplicate summary as an adapter read it. */
export interface DuplicateReading {
  /** The layout the record holds, its `sheet` the sheet's name now. */
  layout: SummaryLayout;
  at: (row: number, col: number) => CellValue;
  noteAt?: ((row: number, col: number) => string | null) | null;
  /** Something lies outside the tool's block (rows or columns a person added), or a thread is on the sheet. */
  beyond: boolean;
}

/** The indicator sheet reviewed, its report, and what the reviewer should be warned about. */
export interface Examined<R = Review> {
  sheet: string;
  /** The application's review; a monitoring form's (src/core/monitoring/check-plan.ts) goes through the same check plan. */
  review: R;
  report: Report;
  warnings: WorkflowWarning[];
  /** The previous summary, when it is provably the tool's own (never deleted or rewritten otherwise). */
  summary: string | null;
  /**
   * Duplicate summaries the tool provably wrote (the record lists them, each still shows the tool's mark): left by two
   * first summaries written at once on two co-authors' copies; the next summary folds them back (planSummary).
   */
  duplicates?: readonly DuplicateReading[];
  /** The fingerprint of the indicator data now (dataFingerprint). */
  data: string;
  /** The column of the indicator codes (0-based): the legend of flag colours is placed under it. */
  codeCol: number;
}

/** The sheet names to show when a workbook has no indicator sheet. */
export const sheetsForError = (names: readonly string[]): string[] => names.filter((n) => n !== META_SHEET);

type Area = { r0: number; c0: number; r1: number; c1: number; text: string };

function area(range: string): Area | null {
  const [a, b] = range.replace(/\$/g, '').split(':');
  try {
    const p = fromA1(a!);
    const q = b ? fromA1(b) : p;
    return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col), text: range.replace(/\$/g, '') };
  } catch {
    return null;
  }
}

/** Merged areas over input cells (indicator rows × year and value columns): they hide or misplace inputs. */
function mergedInputs(review: Review, merges: readonly string[]): Area[] {
  const layout = review.inputs.layout;
  if (!layout || !merges.length) return [];
  const cols = new Set([...layout.yearCols.values(), layout.valueCol]);
  const rows = new Set([...review.inputs.indicators.values()].flatMap((i) => (i.row === undefined ? [] : [i.row])));
  const out: Area[] = [];
  for (const m of merges) {
    const a = area(m);
    if (!a || (a.r0 === a.r1 && a.c0 === a.c1)) continue;
    let hit = false;
    // Over the indicator rows and input columns, never over the area's extent (a merge may span a whole sheet).
    for (const r of rows) if (r >= a.r0 && r <= a.r1) for (const c of cols) if (c >= a.c0 && c <= a.c1) hit = true;
    if (hit) out.push(a);
  }
  return out;
}

/**
 * Only the top-left cell of a merged area holds a value. ExcelJS repeats it in every cell of the area while
 * Excel leaves them empty; blanking them makes both adapters read the same inputs (and report the same findings).
 */
function withoutMergedCopies(snapshot: Snapshot, areas: Area[]): Snapshot {
  // Over the cells that exist, never over the areas' extent (a merge may span a whole sheet).
  return withoutCells(snapshot, (r, c) => areas.some((a) => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1 && !(r === a.r0 && c === a.c0)));
}

/** The indicator sheet reviewed with its warnings; null when the workbook has none. */
export function examine(reading: Reading, rb: LoadedRulebook, source: { file?: string } = {}): Examined | null {
  if (!reading.found) return null;
  let { snapshot, review } = reading.found;
  const warnings: WorkflowWarning[] = [];
  const stamp = reading.meta?.template?.rulebook;
  if (stamp && stamp.fingerprint !== rb.fingerprint)
    warnings.push({ code: 'template-rulebook-differs', params: { id: stamp.id, edition: stamp.edition, fingerprint: stamp.fingerprint.slice(0, 12) } });
  const merged = mergedInputs(review, reading.merges ?? []);
  if (merged.length) {
    warnings.push({ code: 'merged-inputs', params: { sheet: snapshot.sheet, ranges: merged.map((a) => a.text) } });
    snapshot = withoutMergedCopies(snapshot, merged);
    review = reviewSnapshot(snapshot, rb, review.lists);
  }
  if (reading.metaDamaged) warnings.push({ code: 'record-damaged', params: {} });
  const summary = trustedSummary(reading, snapshot.sheet);
  const duplicates = summary ? toolDuplicates(reading, summary, snapshot.sheet) : [];
  // Review content the tool cannot vouch for: a summary-named sheet that is not the tool's own proven summary.
  for (const name of reading.names)
    if (duplicates.some((d) => d.layout.sheet === name)) warnings.push({ code: 'summary-duplicate', params: { sheet: name } });
    else if (isSummarySheet(name) && name !== summary) warnings.push({ code: 'prior-review-content', params: { sheet: name } });
  const data = dataFingerprint(review);
  const first = reading.meta?.review?.data;
  if (first && !sameData(first.sha256, review, data)) warnings.push({ code: 'data-changed', params: { checkedAt: first.checkedAt ?? '—' } });
  return {
    sheet: snapshot.sheet,
    review,
    report: buildReport(review, rb, source),
    warnings,
    summary,
    ...(duplicates.length ? { duplicates } : {}),
    data,
    codeCol: review.inputs.layout?.codeCol ?? 0,
  };
}

/**
 * The duplicates the tool provably wrote: listed by the record (which the reader merged from both writers' blocks),
 * still in the workbook, not the summary nor the sheet under review, and still showing the tool's mark.
 */
function toolDuplicates(reading: Reading, summary: string, indicatorSheet: string): DuplicateReading[] {
  const out: DuplicateReading[] = [];
  for (const d of reading.duplicates ?? []) {
    const name = d.layout.sheet;
    if (name === summary || name === indicatorSheet || name === META_SHEET || !reading.names.includes(name) || out.some((x) => x.layout.sheet === name)) continue;
    if (summaryShowsMark(d.layout, d.at)) out.push(d);
  }
  return out;
}
