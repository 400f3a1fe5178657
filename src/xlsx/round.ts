/**
 * The committee round on .xlsx files: applications into the round's records, score sheets written and read back
 * into entries, reviewed copies' 评审汇总 scores into entries, the previous roll-up's decisions and audit trail,
 * and the new roll-up. Every decision is the core's (src/core/committee); this file only reads and writes cells.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  applicationId,
  checkScoresheetRecord,
  checkTallyRecord,
  applicationIdentities,
  type Identities,
  applicationPapers,
  dataFingerprint,
  dataFingerprintV1,
  parseRecord,
  preservedEntries,
  withTallyInputs,
  recordFormat,
  readDecisions,
  readPreserved,
  ROUND_SHEET,
  SCORESHEET_FORMAT,
  scoresheetEntries,
  scoresheetIdentity,
  SCORESHEET_NAME_COL,
  talliedModel,
  talliedValues,
  withoutTallied,
  type TalliedRecord,
  type IdentityClash,
  type RowMismatch,
  type ScoresheetExpect,
  scoresheetHasInput,
  scoresheetModels,
  TALLY_FORMAT,
  tallyModels,
  toA1,
  type Decision,
  type EntrySource,
  type ExpertChange,
  type Lang,
  type LoadedRulebook,
  type PreservedInputs,
  type Round,
  type RoundApplication,
  type ScoreEntry,
  type ScoresheetRecord,
  type TallyRecord,
  type TallyResult,
} from '../core/index.js';
import { finishPackage } from './charts/index.js';
import { FileError } from './errors.js';
import { openWorkbook } from './open.js';
import { writeOutput } from './output.js';
import { renderSheet, renderSheetStreamed } from './render.js';
import { plainValue } from './snapshot.js';
import { reviewFile, saveWorkbook, writeReviewedCopy, type FileReview } from './workbook.js';
import { lockOf, recordRows, sameStamp, stampOf, talliedRecordOf, type CopyStamp } from './copy-state.js';

export { copyHoldsReview } from './copy-state.js';

/** A problem with a round's file that stops the tally: words under committee.error.<code>. */
export class RoundFileError extends Error {
  constructor(
    readonly code: 'other-round' | 'other-rulebook' | 'rows-edited' | 'other-rollup',
    readonly file: string,
    readonly params: Record<string, string | number | string[]> = {},
  ) {
    super(`${code}: ${file}`);
    this.name = 'RoundFileError';
  }
}


async function fileSource(path: string, kind: EntrySource['kind']): Promise<Omit<EntrySource, 'cell'>> {
  const [bytes, st] = await Promise.all([readFile(path), stat(path)]);
  return { kind, file: basename(path), sha256: createHash('sha256').update(bytes).digest('hex'), time: st.mtime.toISOString() };
}

export type RoundInput =
  /** `fr` (the opened workbook) is kept for reviewed copies only: a round of 260 applications must not hold 260 workbooks. */
  | {
      kind: 'application';
      path: string;
      fr: FileReview | null;
      app: RoundApplication;
      copy: boolean;
      year: number | null;
      /** A reviewed copy's bytes and identity when read: `--update-copies` replaces it only if it is still that file. */
      stamp: CopyStamp | null;
      /** For a reviewed copy, the original's file name it records (else its own name without `.reviewed`); null for an original. */
      copyOf: string | null;
      /** What a tally wrote into the copy's summary (./tallied in the core), when the copy records it. */
      tallied: TalliedRecord | null;
    }
  /**
   * A score sheet's cell values, copied out when it is read, and the workbook let go: an opened score sheet costs
   * ExcelJS about 80 MB (styles and validations per cell), and a round reads one per expert.
   */
  | {
      kind: 'scoresheet';
      path: string;
      record: ScoresheetRecord;
      cells: SheetValues | null;
      /** Score cells whose value cannot be read (a formula with no cached value, an error such as #DIV/0!): listed, never blank. */
      unread: string[];
    }
  | { kind: 'rollup'; path: string; record: TallyRecord; decisions: Record<string, Decision> };

/** Plain values of one sheet's filled cells (zero-based), and its row count. */
export interface SheetValues {
  at(row: number, col: number): ReturnType<typeof plainValue>;
  rowCount: number;
}

/** Only the cells the layout reads (`keep`, zero-based): the sheet's other columns are for the expert's eyes. */
function sheetValues(ws: ExcelJS.Worksheet, keep: (row: number, col: number) => boolean = () => true): SheetValues {
  const values = new Map<number, ReturnType<typeof plainValue>>();
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (keep(r - 1, c - 1)) values.set((r - 1) * 16384 + (c - 1), plainValue(cell));
    }),
  );
  return { at: (r, c) => values.get(r * 16384 + c) ?? null, rowCount: ws.rowCount };
}

/**
 * Score cells a spreadsheet left without a value the tool can read: a formula saved without its result (a file
 * written by a program that does not calculate) or an error value (#DIV/0!, #VALUE!). Read as blank they would
 * silently drop a score, so they are named ("Sheet!F4").
 */
function unreadScores(ws: ExcelJS.Worksheet, L: ScoresheetRecord['layout']): string[] {
  const cols = new Set(L.criteria.map((c) => c.col));
  const out: string[] = [];
  ws.eachRow((row, r) => {
    if (r - 1 < L.firstRow || r - 1 >= L.firstRow + L.count) return;
    row.eachCell((cell, c) => {
      if (!cols.has(c - 1)) return;
      const v = cell.value as unknown;
      if (!v || typeof v !== 'object') return;
      const formula = 'formula' in v || 'sharedFormula' in v;
      const result = formula ? (v as { result?: unknown }).result : v;
      if ((formula && (result === undefined || result === null)) || (result && typeof result === 'object' && 'error' in result)) out.push(`${ws.name}!${toA1(r - 1, c - 1)}`);
    });
  });
  return out;
}

/** The cells of a score sheet its entries are read from (scoresheetEntries): inputs, ids, signature and date. */
function scoresheetCells(L: ScoresheetRecord['layout']): (row: number, col: number) => boolean {
  const cols = new Set([...L.criteria.flatMap((c) => [c.col, c.note]), L.recusal, L.reason, L.opinion, L.id, L.fingerprint, SCORESHEET_NAME_COL]);
  // The title (A1) names the expert: checked against the record (scoresheetIdentity).
  return (r, c) => cols.has(c) || (r === 0 && c === 0) || (r === L.signature[0] && c === L.signature[1]) || (r === L.date[0] && c === L.date[1]);
}

/**
 * The round's applications by identity (applicationIdentities): each input's `app.id` set, the same application
 * given twice (an original and its reviewed copy) marked, clashes of names listed. With the round's saved record,
 * an application keeps the id the record gave it for the same data, whatever order the files come in.
 */
export function identify(apps: Array<Extract<RoundInput, { kind: 'application' }>>, saved: readonly RoundApplication[] = []): { distinct: typeof apps; same: Array<{ file: string; of: string }>; clashes: Identities['clashes'] } {
  const ident = applicationIdentities(apps.map((x) => ({ file: x.path, folder: basename(dirname(x.path)), fingerprint: x.app.fingerprint, copyOf: x.copyOf })));
  const ids = ident.items.map((x) => x.id);
  // The saved record's ids, by the data they were given for.
  const used = new Set<string>();
  for (const [i, x] of ident.items.entries()) {
    if (x.sameAs !== null) continue;
    const s = saved.find((a) => a.fingerprint === apps[i]!.app.fingerprint && !used.has(a.id));
    if (s) {
      used.add(s.id);
      for (const [k, y] of ident.items.entries()) if (k === i || y.sameAs === i) ids[k] = s.id;
    }
  }
  apps.forEach((x, i) => (x.app = { ...x.app, id: ids[i]! }));
  const kept = ident.items.map((x, i) => (x.sameAs === null ? i : -1)).filter((i) => i >= 0);
  // Originals first: the application's record is the original's.
  kept.sort((a, b) => Number(apps[a]!.copyOf !== null) - Number(apps[b]!.copyOf !== null) || a - b);
  return {
    distinct: kept.map((i) => apps[i]!),
    same: ident.items.flatMap((x, i) => (x.sameAs !== null ? [{ file: apps[i]!.path, of: apps[x.sameAs]!.path }] : [])),
    clashes: ident.clashes,
  };
}



/** Reads one workbook of a round and says what it is: an application (or its reviewed copy), a score sheet, a roll-up. */
export async function readRoundInput(path: string, rb: LoadedRulebook, lang: Lang): Promise<RoundInput> {
  const opened = await openWorkbook(path);
  const rows = recordRows(opened.wb);
  const format = rows ? recordFormat(rows) : null;
  // A record of the tool's format is used only in the exact shape the tool writes: a forged or broken one is said to
  // be so, never read as an application ("no indicator sheet") nor looped by (a forged count of 10^12).
  if (rows && format === SCORESHEET_FORMAT) {
    const record = checkScoresheetRecord(parseRecord<unknown>(rows, SCORESHEET_FORMAT));
    if (!record) throw new FileError('record-damaged', path);
    const ws = opened.wb.getWorksheet(record.layout.sheet) ?? opened.wb.worksheets.find((w) => w.name !== ROUND_SHEET);
    return { kind: 'scoresheet', path, record, cells: ws ? sheetValues(ws, scoresheetCells(record.layout)) : null, unread: ws ? unreadScores(ws, record.layout) : [] };
  }
  if (rows && format === TALLY_FORMAT) {
    const record = checkTallyRecord(parseRecord<unknown>(rows, TALLY_FORMAT));
    if (!record) throw new FileError('record-damaged', path);
    const ws = opened.wb.getWorksheet(record.layout.sheet);
    const decisions = ws ? readDecisions(record.layout, (r, c) => plainValue(ws.getCell(r + 1, c + 1)), ws.rowCount) : {};
    return { kind: 'rollup', path, record, decisions };
  }
  // The workbook opened above is reviewed as it is: a round of 260 applications must not parse each one twice.
  const fr = await reviewFile(path, rb, opened);
  const copy = !!fr.meta?.review?.summary;
  const stamp = copy ? await stampOf(path, opened.bytes) : null;
  const copyOf = fr.meta?.review ? (fr.meta.review.source ?? basename(path).replace(/\.reviewed(-\d+)?(\.xlsx)$/i, '$2')) : null;
  const tallied = copy ? talliedRecordOf(opened.wb) : null;
  return { kind: 'application', path, fr: copy ? fr : null, app: roundApplication(fr, path, rb, lang), copy, year: fr.report.cluster.applicationYear ?? null, stamp, copyOf, tallied };
}



function roundApplication(fr: FileReview, path: string, rb: LoadedRulebook, lang: Lang): RoundApplication {
  const r = fr.report;
  const reasons = r.findings.filter((f) => f.status === 'veto' || f.status === 'fail' || f.status === 'missing' || f.status === 'invalid').slice(0, 3).map((f) => f.messages[lang]);
  return {
    id: applicationId(path),
    file: basename(path),
    cluster: r.cluster.name ?? '',
    province: r.cluster.province ?? '',
    county: r.cluster.county ?? '',
    ...(r.cluster.city ? { city: r.cluster.city } : {}),
    verdict: r.verdict,
    reasons,
    fingerprint: dataFingerprint(fr.review.inputs, fr.review.lists),
    earlier: [dataFingerprintV1(fr.review.inputs)],
    // For the round's documents: the application's texts (运营管理机构 …) and, when incomplete, what to supply again.
    ...applicationPapers(r, fr.review.inputs, rb, lang),
  };
}

/**
 * What sits at a score sheet's name before it is written: nothing, a sheet of ours nobody has filled in (which
 * --force may replace), or anything else — a sheet with an expert's input, a file the tool cannot read as its own
 * blank sheet — which is never replaced, --force or not. `applications`: the ids the existing sheet has rows for.
 */
export async function scoresheetAt(path: string, preset: ReadonlySet<string>): Promise<{ state: 'none' | 'blank' | 'kept'; applications: string[] }> {
  const exists = await stat(path).then(() => true, () => false);
  if (!exists) return { state: 'none', applications: [] };
  try {
    return scoresheetState((await openWorkbook(path)).wb, preset);
  } catch {
    return { state: 'kept', applications: [] };
  }
}

/** An opened score sheet's state (scoresheetAt): blank, or holding an expert's input (or a record not the tool's: kept). */
export function scoresheetState(wb: ExcelJS.Workbook, preset: ReadonlySet<string>): { state: 'blank' | 'kept'; applications: string[] } {
  const rows = recordRows(wb);
  const record = rows && recordFormat(rows) === SCORESHEET_FORMAT ? checkScoresheetRecord(parseRecord<unknown>(rows, SCORESHEET_FORMAT)) : null;
  const ws = record ? wb.getWorksheet(record.layout.sheet) : undefined;
  if (!record || !ws) return { state: 'kept', applications: [] };
  const cells = sheetValues(ws);
  const applications = record.applications.map((a) => a.id);
  return { state: scoresheetHasInput(record.layout, cells.at, cells.rowCount, preset) ? 'kept' : 'blank', applications };
}

export async function writeScoresheet(round: Round, expert: string, rb: LoadedRulebook, lang: Lang, output: string, opts: { force?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  const { sheets } = scoresheetModels(round, expert, rb, lang);
  for (const m of sheets) await renderSheet(wb.addWorksheet(m.name), m, { shareFormulas: true });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  await saveWorkbook(wb, output, { force: opts.force });
}

/**
 * A returned score sheet → entries, after checking it belongs to this round and rulebook and its rows are whole.
 * What the sheet says about itself is evidence: its expert is checked against its title, file name and signature
 * (a clash: nothing of it counted), each row's visible name against its hidden id and its fingerprint against the
 * one the round kept (a mismatch: that row not counted). Both are returned to be listed.
 */
export async function scoresheetInput(
  input: Extract<RoundInput, { kind: 'scoresheet' }>,
  round: Round,
  rb: LoadedRulebook,
  expect?: ScoresheetExpect,
): Promise<{ entries: ScoreEntry[]; mismatches: RowMismatch[]; clashes: IdentityClash[] }> {
  const { record, cells, path } = input;
  if (record.round !== round.id) throw new RoundFileError('other-round', path, { round: record.round, expected: round.id });
  if (record.rulebook.fingerprint !== rb.fingerprint) throw new RoundFileError('other-rulebook', path, { id: record.rulebook.id, edition: record.rulebook.edition });
  if (!cells) throw new RoundFileError('rows-edited', path, { missing: [], unknown: [] });
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const clashes = scoresheetIdentity(record, { title: str(cells.at(0, 0)), file: basename(path), signature: str(cells.at(...record.layout.signature)) }, round.experts);
  const { entries, problem, mismatches } = scoresheetEntries(record, cells.at, cells.rowCount, await fileSource(path, 'scoresheet'), expect);
  if (problem) throw new RoundFileError('rows-edited', path, { missing: problem.missing, unknown: problem.unknown });
  return { entries: clashes.length ? [] : entries, mismatches, clashes };
}

/**
 * Review content a workbook arrived with (警告 prior-review-content, data-changed): a summary not the tool's, or
 * one scored on data that has since changed. Said as `check` says it, and its scores never counted.
 */
export function arrivedReview(input: Extract<RoundInput, { kind: 'application' }>): FileReview['warnings'] {
  return (input.fr?.warnings ?? []).filter((w) => w.code === 'prior-review-content' || w.code === 'data-changed');
}

/**
 * The expert cells of a reviewed copy's 评审汇总 → entries (blank cells say nothing), less what a tally of `round`
 * wrote there and still shows as written (the tool's values, not an expert's entries).
 */
export async function summaryEntries(input: Extract<RoundInput, { kind: 'application' }>, round?: string): Promise<ScoreEntry[]> {
  const layout = input.fr?.meta?.review?.summary;
  const at = input.fr?.reading.summaryAt;
  // Only a summary the tool can prove it wrote is read: scores a workbook arrived with are evidence, not input.
  if (!layout || !at || !input.fr?.examined.summary || arrivedReview(input).length) return [];
  const src = await fileSource(input.path, 'summary');
  const p = readPreserved(layout, at);
  const cell = (r: number, c: number) => `${layout.sheet}!${toA1(r, c)}`;
  const expertCol = new Map(layout.experts.map((x) => [x.name, x.col]));
  // The core turns the summary's inputs into entries (the pane does the same); this names the cells.
  const entries = preservedEntries(p, input.app.id, input.app.fingerprint, src, {
    cell: (kind, expert, crit) => cell(kind === 'recusal' ? layout.conflictRow : layout.criteriaRows[crit!]!, expertCol.get(expert)!),
  });
  return round === undefined ? entries : withoutTallied(entries, input.tallied, round);
}

/** The committee changes a reviewed copy records (renames, removals in its 评审汇总), for the tally's 评分记录. */
export function copyChanges(input: Extract<RoundInput, { kind: 'application' }>): Array<ExpertChange & { application: string; file: string }> {
  const changes = input.fr?.meta?.review?.summary?.changes ?? [];
  return changes.map((c) => ({ ...c, application: input.app.id, file: basename(input.path) }));
}

/** Decisions and the audit trail of a previous roll-up of this round. */
export function previousTally(input: Extract<RoundInput, { kind: 'rollup' }>): { decisions: Record<string, Decision>; record: TallyRecord } {
  return { decisions: input.decisions, record: input.record };
}

/**
 * The roll-up, streamed into the output's temporary file (./output.ts commits it): a round of 260 applications and
 * 9 experts has 18,720 rows of 评分记录, which as ExcelJS cell objects plus the zip built in memory cost more than
 * the rest of the tally together.
 */
export async function writeTally(result: TallyResult, rb: LoadedRulebook, lang: Lang, output: string, opts: { force?: boolean; inputs?: string[] } = {}): Promise<void> {
  const models = tallyModels(result, rb, lang);
  // The list's chart goes in after the writer (./charts); the list's model stays for its cells' values.
  const charted = models.filter((m) => m.charts?.length);
  const { default: WorkbookWriter } = await import('exceljs/lib/stream/xlsx/workbook-writer.js');
  await writeOutput(
    output,
    async (file) => {
      // The package is gathered (a few megabytes for 260 applications: the cell objects are what streaming saves),
      // the chart added, then written to the handle ./output.ts owns (and syncs and closes).
      const chunks: Buffer[] = [];
      const stream = new Writable({ write: (chunk: Buffer, _enc, done) => void (chunks.push(chunk), done()) });
      const wb = new WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
      wb.creator = 'cluster-review';
      wb.lastModifiedBy = 'cluster-review';
      wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
      // Each model let go once written.
      for (let m = models.shift(); m; m = models.shift()) await renderSheetStreamed(wb, m);
      await wb.commit();
      await file.writeFile(finishPackage(Buffer.concat(chunks), { models: charted }).bytes);
    },
    opts,
  );
}

/** What `--update-copies` did with one copy: updated, or why it was left as it is. */
export type CopyUpdate = { status: 'updated' | 'no-summary' | 'read-only' | 'link' | 'changed' } | { status: 'open'; lock: string };

/**
 * Writes the tally's scores and 回避 marks into a reviewed copy's 评审汇总 (the summary plan with these expert
 * inputs; every other cell of the copy kept), as a new file renamed over the copy. A copy a person may be working
 * in is left as it is: open in Excel, WPS or LibreOffice (their lock file beside it), read-only, a link (a rename
 * would replace the link with a file), or changed since the tally read it — checked again immediately before the
 * commit, by content hash and identity.
 */
export async function updateCopy(input: Extract<RoundInput, { kind: 'application' }>, result: TallyResult, rb: LoadedRulebook, lang: Lang, checkedAt: string): Promise<CopyUpdate> {
  const app = result.applications.find((a) => a.application.id === input.app.id);
  const layout = input.fr?.meta?.review?.summary;
  if (!app || !layout || !input.fr?.reading.summaryAt || !input.fr.examined.summary || !input.stamp) return { status: 'no-summary' };
  const lock = await lockOf(input.path);
  if (lock) return { status: 'open', lock };
  const l = await lstat(input.path).catch(() => null);
  if (!l) return { status: 'changed' };
  if (l.isSymbolicLink() || l.nlink > 1) return { status: 'link' };
  if ((l.mode & 0o222) === 0) return { status: 'read-only' };
  const read = input.stamp;
  const unchanged = async () => {
    const now = await stampOf(input.path).catch(() => null);
    if (!now || !sameStamp(now, read)) throw new FileError('output-changed', input.path);
  };
  try {
    await unchanged();
  } catch {
    return { status: 'changed' };
  }
  const before = readPreserved(layout, input.fr.reading.summaryAt, input.fr.reading.summaryNoteAt ?? undefined);
  // Scores, 回避 with reasons, signatures and the 专家意见 block from the tally; every other input kept (the core).
  const preserved: PreservedInputs = withTallyInputs(before, app.experts, rb, result.problems.filter((p) => p.application === input.app.id));
  // What this write puts in the summary is recorded as the tool's: the next tally does not read it back as entries.
  const src = { kind: 'summary' as const, file: '' };
  const round = result.round.id;
  const values = talliedValues(preservedEntries(before, input.app.id, undefined, src), preservedEntries(preserved, input.app.id, undefined, src), input.tallied, round);
  const fr = await reviewFile(input.path, rb);
  try {
    await writeReviewedCopy(fr, { rb, lang, output: input.path, force: true, checkedAt, preserved, inPlace: true, beforeCommit: unchanged, extraSheets: [talliedModel({ round, application: input.app.id, values })] });
  } catch (e) {
    if (e instanceof FileError && e.code === 'output-changed') return { status: 'changed' };
    throw e;
  }
  return { status: 'updated' };
}
