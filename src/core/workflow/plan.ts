/**
 * The review workflow's plans, one set for every adapter: a check plan (flags to place and restore, metadata to
 * write, warnings), a summary plan (the sheet, expert input kept through the recorded layout, metadata), a clear
 * plan and a template plan. Adapters read what `readRequest` names, call these, and apply what comes out.
 */
import { lastRowOf, renameSheetModel } from '../report/charts.js';
import { flagPlan } from '../report/flags.js';
import type { Report } from '../report/json.js';
import { freeSheetName, nextMeta, type FlagRecord, type RulebookStamp, type SummaryLayout, type WorkbookMeta } from '../report/meta.js';
import { safeModel, type CellValue, type SheetModel } from '../report/sheet-model.js';
import { clonePreserved, filled, layoutInputs, preservedHasInput, readPreserved, summaryMark, summaryModel, type PreservedInputs } from '../report/summary.js';
import { t } from '../text/index.js';
import { templateModels } from '../report/template.js';
import type { Review } from '../review.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { CommitteeResult } from '../scoring.js';
import { INDICATOR_SHEET } from '../template/layout.js';
import type { Lang } from '../types.js';
import { draftFlags, finishFlags, type CellWrite, type Covered, type Explanations, type FlagDraft } from './flags.js';
import { planExperts, type ExpertOps, type ExpertRefusal } from './experts.js';
import { draftLegend, finishLegend, type LegendDraft } from './legend.js';
import type { DuplicateReading, Examined, Reading } from './read.js';
import { renderWarning, type WorkflowWarning } from './warnings.js';

const rulebookStamp = (rb: LoadedRulebook): RulebookStamp => ({ id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint });

/** Phase one of a check: the review, its warnings, and which cells' current state the adapter must read. */
export type CheckDraft<R = Review> = FlagDraft & Omit<Examined<R>, 'codeCol'>;

/** A flag whose fill or note a person changed: kept, and said (a few cells named, then how many more). */
function editedWarning(cells: string[]): WorkflowWarning[] {
  if (!cells.length) return [];
  const shown = cells.slice(0, 10);
  if (cells.length > shown.length) shown.push(`… (${cells.length})`);
  return [{ code: 'flag-edited', params: { cells: shown } }];
}

/** Threads the tool left in place (replied to, or beside which no note could go): said, a few cells named. */
function threadWarning(cells: string[]): WorkflowWarning[] {
  if (!cells.length) return [];
  const shown = cells.slice(0, 10);
  if (cells.length > shown.length) shown.push(`… (${cells.length})`);
  return [{ code: 'thread-kept', params: { cells: shown } }];
}

export function planCheck<R = Review>(reading: Reading, examined: Examined<R>, lang: Lang, mode: Explanations): CheckDraft<R> {
  const flags = flagPlan(examined.report, lang);
  const draft = draftFlags(reading.names, reading.meta?.review?.flags ?? [], flags, mode);
  const legend = draftLegend(reading, examined.sheet, mode, { flags: draft.flags, codeCol: examined.codeCol, lang });
  return { ...examined, ...withLegend(draft, legend) };
}

/** The flags' draft with the legend's: its swatches' fills read with the flags' cells, its sheet among those written. */
function withLegend(draft: FlagDraft, legend: LegendDraft): FlagDraft {
  const fills = [...draft.read.fills, ...legend.fills.filter((c) => !draft.read.fills.includes(c))];
  const sheets = legend.sheet && !draft.sheets.includes(legend.sheet) ? [...draft.sheets, legend.sheet] : draft.sheets;
  return { ...draft, read: { ...draft.read, fills }, sheets, legend };
}

/** The legend's writes and record after the flags' (none when the draft has no legend). */
function legendPart(draft: FlagDraft, covered: Covered): ReturnType<typeof finishLegend> {
  return draft.legend ? finishLegend(draft.legend, covered) : { writes: [], record: [], warnings: [] };
}

/** Phase two: what to write to the cells, and the metadata to write after them. */
export interface CheckPlan<R = Review> {
  sheet: string;
  review: R;
  report: Report;
  warnings: WorkflowWarning[];
  /** Restorations first, then flags. */
  writes: CellWrite[];
  /** Sheets written to. */
  sheets: string[];
  flagged: number;
  restored: number;
  /** Records the flags placed; comment ids of comments added are filled in by `withCommentIds`. */
  meta: WorkbookMeta;
}

export function finishCheck<R = Review>(reading: Reading, draft: CheckDraft<R>, covered: Covered, rb: LoadedRulebook, lang: Lang, opts: { checkedAt?: string } = {}): CheckPlan<R> {
  const { writes, records, edited, threads } = finishFlags(draft, covered, lang);
  const legend = legendPart(draft, covered);
  const meta = nextMeta(reading.meta, {
    rulebook: rulebookStamp(rb),
    verdict: draft.report.verdict,
    ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}),
    flags: records,
    legend: legend.record,
    data: { sheet: draft.sheet, sha256: draft.data, ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}) },
  });
  return {
    sheet: draft.sheet,
    review: draft.review,
    report: draft.report,
    warnings: [...draft.warnings, ...editedWarning(edited), ...threadWarning(threads), ...legend.warnings],
    writes: [...writes, ...legend.writes],
    sheets: draft.sheets,
    flagged: records.length,
    restored: draft.restore.length,
    meta,
  };
}

/** "Clear flags", phase one: every recorded flag on a sheet the workbook still has; null when there is none. */
export function planClear(reading: Reading, mode: Explanations): FlagDraft | null {
  const flags = reading.meta?.review?.flags ?? [];
  if ((!flags.length && !reading.meta?.review?.legend?.length) || !reading.meta?.review) return null;
  // The legend of flag colours goes with the flags.
  return withLegend(draftFlags(reading.names, flags, [], mode), draftLegend(reading, reading.found?.snapshot.sheet ?? null, mode));
}

export function finishClear(
  reading: Reading,
  draft: FlagDraft,
  covered: Covered,
  lang: Lang,
): { writes: CellWrite[]; sheets: string[]; restored: number; meta: WorkbookMeta; warnings: WorkflowWarning[] } {
  const r = reading.meta!.review!;
  const { writes, edited, threads } = finishFlags(draft, covered, lang);
  const legend = legendPart(draft, covered);
  return {
    writes: [...writes, ...legend.writes],
    sheets: draft.sheets,
    restored: draft.restore.length,
    meta: nextMeta(reading.meta, { rulebook: r.rulebook, verdict: r.verdict, flags: [] as FlagRecord[], legend: legend.record }),
    warnings: [...editedWarning(edited), ...threadWarning(threads), ...legend.warnings],
  };
}

export interface SummaryPlan {
  report: Report;
  warnings: WorkflowWarning[];
  committee: CommitteeResult;
  /**
   * The previous summary, updated in place (never deleted and added again: threads, images, rows the committee
   * added and references from other sheets stay): only ever one the tool provably wrote. Its block — the rows and
   * columns the tool wrote last time — is the part the tool rewrites; `height` grows by inserting rows at the
   * block's foot, so what the committee added below moves down instead of being overwritten.
   */
  inPlace: {
    sheet: string;
    height: number;
    width: number;
    /**
     * Expert cells ("r,c", zero-based) the rewrite leaves alone: the value the model holds is the one read. Writing
     * it back would revert what someone typed since the read (co-authoring merges take the last writer's value).
     */
    keep: ReadonlySet<string>;
    /** Cells of the old block that held something the model no longer writes: the tool's, cleared one by one. */
    clear: Array<[number, number]>;
    /**
     * Notes to add: those people left on a duplicate summary's cells, carried to the same cells here (the notes
     * already on this sheet's cells stay where they are, and are not written again).
     */
    notes: Array<{ row: number; col: number; text: string }>;
  } | null;
  /** The previous summary this plan replaces (in place: `inPlace.sheet`), or null. */
  remove: string | null;
  /** The summary sheet's name (never one of the applicant's sheets; the previous summary's own name when in place). */
  sheet: string;
  model: SheetModel;
  layout: SummaryLayout;
  meta: WorkbookMeta;
  /** The expert inputs the summary was written with (after renames and removals): the committee's figures read them. */
  preserved: PreservedInputs | null;
  /** An expert operation that cannot be done (docs/CLI.md "Experts"): adapters then write nothing and say why. */
  refusal: ExpertRefusal | null;
  /**
   * Duplicate summaries folded into this one (their experts and input carried): those no one typed in are deleted
   * after the summary is written; those someone did are kept, and said.
   */
  duplicates: { remove: string[]; keep: string[] };
}

/**
 * The summary sheet, rebuilt from a fresh review: experts already in the workbook keep their columns, scores,
 * conflict marks and signatures, read back through the recorded layout. `meta` overrides the metadata read (the
 * command line writes flags and summary into one copy, so the summary follows the check's metadata).
 */
export function planSummary(
  reading: Reading,
  examined: Examined,
  rb: LoadedRulebook,
  lang: Lang,
  opts: { experts?: string[]; checkedAt?: string; sourceFile?: string; meta?: WorkbookMeta | null; preserved?: PreservedInputs; committee?: ExpertOps; renewal?: boolean } = {},
): SummaryPlan {
  const meta = opts.meta === undefined ? reading.meta : opts.meta;
  // The layout is the one read with the workbook (the check's metadata carries it over unchanged).
  const layout = reading.meta?.review?.summary;
  // Only a summary that shows the tool's mark is read and updated in place; anything else stays as it was.
  const remove = examined.summary;
  // The committee's tally may hand in the expert inputs to write (scores gathered from the round's sheets).
  const own = opts.preserved ?? (layout && remove && reading.summaryAt ? readPreserved(layout, reading.summaryAt, reading.summaryNoteAt ?? undefined) : null);
  // A duplicate left by two first summaries at once: its experts and whatever was entered there come into this one.
  const folded = own && !opts.preserved ? foldDuplicates(own, examined.duplicates ?? []) : { preserved: own, remove: [], keep: [] };
  const read = folded.preserved;
  // Renames, removals and headers a person edited: decided once, here, for every adapter (./experts.ts).
  const experts = planExperts(read, opts.committee ?? {}, opts.checkedAt ?? '');
  const preserved = experts.refusal ? read : experts.preserved;
  const into = remove ?? '';
  const foldWarnings: WorkflowWarning[] = [
    ...folded.remove.map((sheet) => ({ code: 'summary-duplicate-removed' as const, params: { sheet, into } })),
    ...folded.keep.map((sheet) => ({ code: 'summary-duplicate-kept' as const, params: { sheet, into } })),
  ];
  const notices = examined.warnings.filter((w) => w.code === 'prior-review-content' || w.code === 'data-changed' || w.code === 'record-damaged').map((w) => renderWarning(w, lang));
  const summary = summaryModel({
    report: examined.report,
    rb,
    lang,
    experts: opts.experts ?? [],
    preserved,
    checkedAt: opts.checkedAt,
    sourceFile: opts.sourceFile,
    templateRulebook: meta?.template?.rulebook ?? null,
    notices,
    ...(opts.renewal ? { renewal: true } : {}),
  });
  const taken = new Set(reading.names.filter((n) => n !== remove));
  const sheet = remove ?? freeSheetName(summary.model.name, (n) => taken.has(n));
  renameSheetModel(summary.model, sheet);
  // Typed dates and numbers keep the format they were typed with (2025-06-01 stays a date, not 45809).
  if (layout && remove && reading.summaryFormatAt) keepInputFormats(summary.model, layout, summary.layout, reading.summaryFormatAt);
  const block = modelBlock(summary.model);
  // Valid for Excel before it is marked: the mark is what the sheet will show.
  const safe = safeModel(summary.model, t('summary.truncated', lang));
  const layout2: SummaryLayout = {
    ...summary.layout,
    sheet,
    ...(remove && layout?.sheetId ? { sheetId: layout.sheetId } : {}),
    height: block.height,
    width: block.width,
    mark: summaryMark(safe.model, summary.layout.signatureRow),
  };
  const old = remove && layout ? { height: layout.height ?? block.height, width: layout.width ?? block.width } : null;
  const owned = old && layout && reading.summaryAt ? ownedCells(safe.model, old, layout, reading.summaryAt) : { keep: new Set<string>(), clear: [] };
  const carried = [...(read?.notes ?? [])].filter(([key]) => !own?.notes.has(key));
  const notes = carried.length
    ? layoutInputs(summary.layout).flatMap(({ key, row, col }) => {
        const text = carried.find(([k]) => k === key)?.[1];
        return text ? [{ row, col, text }] : [];
      })
    : [];
  const warnings = [...examined.warnings.filter((w) => w.code !== 'summary-duplicate'), ...foldWarnings, ...experts.warnings, ...(safe.truncated ? [{ code: 'cell-truncated' as const, params: { n: safe.truncated } }] : [])];
  return {
    report: examined.report,
    warnings,
    committee: summary.committee,
    inPlace: remove && old ? { sheet: remove, ...old, ...owned, notes } : null,
    remove,
    sheet,
    model: safe.model,
    layout: layout2,
    preserved,
    refusal: experts.refusal,
    duplicates: { remove: folded.remove, keep: folded.keep },
    meta: nextMeta(meta, {
      rulebook: rulebookStamp(rb),
      verdict: examined.report.verdict,
      ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}),
      summary: layout2,
      data: { sheet: examined.sheet, sha256: examined.data, ...(opts.checkedAt ? { checkedAt: opts.checkedAt } : {}) },
      ...(opts.sourceFile ? { source: opts.sourceFile } : {}),
      // Folded now (or never the tool's): not carried further.
      duplicates: null,
    }),
  };
}

/**
 * The duplicates' experts and input carried into the summary's: an expert only there comes with everything of
 * theirs; for one in both, and for the conclusion, an entry fills only what the summary has blank (what differs
 * stays in the duplicate, which is then kept). A duplicate no one typed in or added to is removed; any other kept.
 */
function foldDuplicates(own: PreservedInputs, duplicates: readonly DuplicateReading[]): { preserved: PreservedInputs; remove: string[]; keep: string[] } {
  if (!duplicates.length) return { preserved: own, remove: [], keep: [] };
  const out = clonePreserved(own);
  const remove: string[] = [];
  const keep: string[] = [];
  for (const d of duplicates) {
    const p = readPreserved(d.layout, d.at, d.noteAt ?? undefined);
    (d.beyond || preservedHasInput(p) ? keep : remove).push(d.layout.sheet);
    for (const name of p.experts) {
      if (!out.experts.includes(name)) {
        out.experts.push(name);
        out.scores.set(name, new Map(p.scores.get(name)));
      } else {
        const mine = out.scores.get(name)!;
        for (const [id, v] of p.scores.get(name) ?? []) if (!filled(mine.get(id)) && filled(v)) mine.set(id, v);
      }
      const fields: Array<keyof Pick<PreservedInputs, 'conflicts' | 'signatures' | 'reasons' | 'expertNotes' | 'opinions' | 'headers'>> = ['conflicts', 'signatures', 'reasons', 'expertNotes', 'opinions', 'headers'];
      for (const f of fields) {
        const from = p[f];
        const to = out[f];
        if (!from || !to || !from.has(name)) continue;
        if (!to.has(name) || (f !== 'headers' && !filled(to.get(name)) && filled(from.get(name)))) to.set(name, from.get(name) ?? null);
      }
    }
    for (const [key, note] of p.notes) if (!out.notes.has(key)) out.notes.set(key, note);
    if (!filled(out.decision)) out.decision = p.decision;
    if (!filled(out.rationale)) out.rationale = p.rationale;
    if (!filled(out.date)) out.date = p.date;
  }
  return { preserved: out, remove, keep };
}

/**
 * What an in-place rewrite writes: every cell of the model except an expert cell (an input) that was an expert cell
 * last time too and whose value is the one read there (left alone, so a value typed since is never reverted), and
 * each cell of the old block the model no longer writes that held something (cleared). A cell that was the tool's
 * last time is always written: a formula of its own there reads as empty when its result is "" (a committee mean
 * before any score), and would otherwise stay in a new expert's cell.
 */
function ownedCells(
  model: SheetModel,
  old: { height: number; width: number },
  before: SummaryLayout,
  at: (r: number, c: number) => CellValue,
): { keep: Set<string>; clear: Array<[number, number]> } {
  const keep = new Set<string>();
  const written = new Set<string>();
  const wasInput = new Set(layoutInputs(before).map((x) => `${x.row},${x.col}`));
  for (const c of model.cells) {
    written.add(`${c.row},${c.col}`);
    if (!c.input || c.formula !== undefined || c.row >= old.height || c.col >= old.width || !wasInput.has(`${c.row},${c.col}`)) continue;
    if ((c.value ?? null) === at(c.row, c.col)) keep.add(`${c.row},${c.col}`);
  }
  const clear: Array<[number, number]> = [];
  for (let r = 0; r < old.height; r++) for (let col = 0; col < old.width; col++) if (!written.has(`${r},${col}`) && at(r, col) !== null) clear.push([r, col]);
  return { keep, clear };
}

/** The rows and columns a model writes (its cells and merged areas). */
function modelBlock(model: SheetModel): { height: number; width: number } {
  let height = 0;
  let width = 0;
  for (const c of model.cells) {
    if (c.row >= height) height = c.row + 1;
    if (c.col >= width) width = c.col + 1;
  }
  for (const [, , r2, c2] of model.merges ?? []) {
    if (r2 >= height) height = r2 + 1;
    if (c2 >= width) width = c2 + 1;
  }
  // The rows the charts stand on are the tool's too: rows the committee adds go below them.
  return { height: Math.max(height, lastRowOf(model) + 1), width };
}

/** Expert cells holding a number typed with a format (a date, a percent) keep that format in their new place. */
function keepInputFormats(model: SheetModel, before: SummaryLayout, after: SummaryLayout, formatAt: (row: number, col: number) => string | null): void {
  const was = new Map(layoutInputs(before).map((x) => [x.key, x]));
  const cells = new Map(model.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const x of layoutInputs(after)) {
    const from = was.get(x.key);
    const cell = cells.get(`${x.row},${x.col}`);
    if (!from || !cell || typeof cell.value !== 'number' || cell.numberFormat) continue;
    const f = formatAt(from.row, from.col);
    if (f && f !== 'General' && f !== '@') cell.numberFormat = f;
  }
}

/** "Insert the template" into a workbook: its sheets under free names, and the template stamped in the metadata. */
export function planTemplate(names: readonly string[], prev: WorkbookMeta | null, rb: LoadedRulebook, year: number, lang: Lang): { sheets: SheetModel[]; indicator: string; meta: WorkbookMeta } {
  const { sheets, meta } = templateModels(rb, year, lang);
  const taken = new Set(names);
  let indicator = INDICATOR_SHEET;
  const out = sheets.map((model) => {
    const name = freeSheetName(model.name, (n) => taken.has(n));
    taken.add(name);
    if (model.name === INDICATOR_SHEET) indicator = name;
    return { ...model, name };
  });
  return { sheets: out, indicator, meta: { ...(prev ?? meta), template: meta.template } };
}
