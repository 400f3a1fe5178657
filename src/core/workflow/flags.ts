/**
 * Flags in place, decided once for every adapter, in two phases so Excel needs one round trip for the cells'
 * current state: `draftFlags` says which cells the change covers and what of them must be read; the adapter reads
 * their fill and note (and, for threaded comments, which comments exist and where); `finishFlags` says what to
 * write to each cell and what to record. A cell flagged before keeps the original recorded the first time, so the
 * tool never records its own flag as the applicant's.
 */
import { parseQualified } from '../address.js';
import { flagNote, isOwnNote, type CellFlag } from '../report/flags.js';
import type { FlagRecord, LegendCell, WorkbookMeta } from '../report/meta.js';
import { clampText, EXCEL_LIMITS, FLAG_FILL } from '../report/sheet-model.js';
import { sha256Hex } from '../rulebook/sha256.js';
import { t } from '../text/index.js';
import type { Lang } from '../types.js';
import { coveredColor, PREVIOUS_FLAG_FILLS, recordedColor } from '../report/colour.js';
import type { WorkflowWarning } from './warnings.js';

/** The legend planned in phase one of a check (or a clear): legend.ts drafts it, the check plan carries it. */
export interface LegendDraft {
  /** The earlier legend's cells on the sheet read, each with the value it holds now. */
  previous: Array<{ rec: LegendCell; value: unknown }>;
  /** The legend to write now, cell by cell (empty: none). */
  place: Array<{ cell: string; value: string | null; fill?: string }>;
  /** Records of cells the tool cannot look at now (a sheet other than the one read): carried as they are. */
  carried: LegendCell[];
  /** Cells whose fill the adapter must read (swatches placed now and before). */
  fills: string[];
  /** The sheet written to, if any. */
  sheet: string | null;
  /** The legend could not be placed (`legend-skipped`). */
  warnings: WorkflowWarning[];
}

/** Where a flag's explanation goes in this host: notes, threaded comments (Excel with 1.10 only), or nowhere. */
export type Explanations = 'notes' | 'comments' | 'none';

export interface FlagDraft {
  mode: Explanations;
  flags: CellFlag[];
  /** Cells flagged before and not now, on sheets the workbook still has: they get back what they had. */
  restore: FlagRecord[];
  previous: ReadonlyMap<string, FlagRecord>;
  /** What the adapter must read of the cells' current state before `finishFlags`. */
  read: {
    /**
     * Cells whose fill to read: flagged now and not before (their fill is the original), and every cell flagged
     * before (does it still show the tool's flag, or did a person change it?).
     */
    fills: string[];
    /** Cells whose note to read (every cell involved, in notes mode). */
    notes: string[];
    /**
     * The ids and places of the workbook's threaded comments (and, for the tool's own, whether anyone replied):
     * comments mode, and notes mode too (one annotation per cell: no note goes on a cell with a thread).
     */
    comments: boolean;
  };
  /** Sheets written to (an adapter may have to lift a password-free protection around the writes). */
  sheets: string[];
  /** The legend of flag colours to place and the earlier one to take back (./legend.ts); its cells are in `read.fills`. */
  legend?: LegendDraft;
}

/** A cell's state as the adapter read it; absent fields were not asked for. */
export interface CellState {
  /** The fill colour as reported ("#RRGGBB"; Excel reports no fill as white, mixed as null). */
  fill?: string | null;
  /** The cell's note, or null when it has none. */
  note?: string | null;
}

export interface Covered {
  cells: ReadonlyMap<string, CellState>;
  /** Comments mode: ids of the comments that exist, and the cells ("Sheet!A1") that carry a thread. */
  comments?: { ids: ReadonlySet<string>; at: readonly string[]; replied?: ReadonlySet<string> };
}

export type NoteWrite = { kind: 'add'; text: string } | { kind: 'replace'; text: string } | { kind: 'delete' };
/** `resolve`: a thread of the tool's that people replied to is marked resolved (ExcelApi 1.11), never deleted. */
export type CommentWrite = { kind: 'add'; text: string } | { kind: 'update'; id: string; text: string } | { kind: 'delete'; id: string } | { kind: 'resolve'; id: string };

export interface CellWrite {
  cell: string;
  /** The fill to set; null clears it; absent leaves the cell's fill as it is (a person changed it). */
  fill?: string | null;
  note?: NoteWrite;
  comment?: CommentWrite;
  /**
   * The cell's value (the legend of flag colours only; flags never touch values): text, written as text; null
   * clears the cell's contents; absent leaves the value as it is.
   */
  value?: string | null;
}

/** Cells compared by position, whatever the quoting of their sheet name. */
const cellKey = (address: string): string => {
  const p = parseQualified(address);
  return `${p.sheet}\u0000${p.row}\u0000${p.col}`;
};

export function draftFlags(names: readonly string[], previous: readonly FlagRecord[], flags: CellFlag[], mode: Explanations): FlagDraft {
  const live = (cell: string) => names.includes(parseQualified(cell).sheet);
  const before = new Map(previous.map((r) => [r.cell, r]));
  const now = new Set(flags.map((f) => f.cell));
  const restore = previous.filter((r) => !now.has(r.cell) && live(r.cell));
  const placed = flags.filter((f) => live(f.cell));
  const involved = [...restore.map((r) => r.cell), ...placed.map((f) => f.cell)];
  return {
    mode,
    flags: placed,
    restore,
    previous: before,
    read: { fills: involved, notes: mode === 'notes' ? involved : [], comments: mode !== 'none' },
    sheets: [...new Set(involved.map((c) => parseQualified(c).sheet))],
  };
}

const OUR_FILLS = new Set<string>([...Object.values(FLAG_FILL), ...PREVIOUS_FLAG_FILLS]);

/** The note as the tool writes it: within Excel's limit, cut with the visible mark. */
const noteText = (text: string, lang: Lang) => clampText(text, EXCEL_LIMITS.cellText, t('summary.truncated', lang)).text;

/**
 * Does the cell still show what the tool wrote? Records are evidence, not instructions: the tool takes back only
 * its own fill and note, unchanged. Records of earlier versions, which do not say what was written, are matched
 * against the tool's palette and note mark.
 */
function shows(rec: FlagRecord, now: CellState, mode: Explanations): { fill: boolean; note: boolean } {
  const fill = now.fill === undefined ? false : coveredColor(now.fill);
  const fillOurs = fill !== false && (rec.placed ? fill === rec.placed.fill : fill !== null && OUR_FILLS.has(fill));
  if (mode !== 'notes') return { fill: fillOurs, note: true };
  const current = now.note ?? null;
  if (rec.placed) return { fill: fillOurs, note: rec.placed.note === null ? true : current !== null && sha256Hex(current) === rec.placed.note };
  return { fill: fillOurs, note: isOwnNote(current) };
}

/**
 * What to write to each cell (restorations first, then flags), the records of the flags placed, and the cells
 * whose flag a person changed (their change is kept; the reviewer is told).
 */
export function finishFlags(draft: FlagDraft, covered: Covered, lang: Lang): { writes: CellWrite[]; records: FlagRecord[]; edited: string[]; threads: string[] } {
  const { mode } = draft;
  const state = (cell: string): CellState => covered.cells.get(cell) ?? {};
  const ids = covered.comments?.ids ?? new Set<string>();
  const threads = new Set((covered.comments?.at ?? []).map(cellKey));
  const replied = covered.comments?.replied ?? new Set<string>();
  const writes: CellWrite[] = [];
  const edited: string[] = [];
  /** Cells whose thread the tool left (people replied to it; or a note could not go beside a thread). */
  const left: string[] = [];

  for (const rec of draft.restore) {
    const now = state(rec.cell);
    const own = shows(rec, now, mode);
    const w: CellWrite = { cell: rec.cell };
    if (own.fill) w.fill = recordedColor(rec.fill);
    const thread = threads.has(cellKey(rec.cell));
    if (mode === 'notes' && own.note && (!rec.placed || rec.placed.note !== null) && !(thread && (now.note ?? null) === null)) {
      const exists = (now.note ?? null) !== null;
      if (rec.note !== null) w.note = { kind: exists ? 'replace' : 'add', text: noteText(rec.note, lang) };
      else if (exists) w.note = { kind: 'delete' };
    }
    if (!own.fill || !own.note) edited.push(rec.cell);
    if (mode === 'comments' && rec.comment && ids.has(rec.comment)) {
      // A thread someone replied to is the committee's discussion: resolved, never deleted (delete takes the replies).
      if (replied.has(rec.comment)) {
        w.comment = { kind: 'resolve', id: rec.comment };
        left.push(rec.cell);
      } else w.comment = { kind: 'delete', id: rec.comment };
    }
    writes.push(w);
  }

  const records: FlagRecord[] = [];
  for (const flag of draft.flags) {
    const prev = draft.previous.get(flag.cell);
    const now = state(flag.cell);
    const current = now.note ?? null;
    const own = prev ? shows(prev, now, mode) : null;
    if (own && (!own.fill || !own.note)) edited.push(flag.cell);
    // What the cell had before the tool: the first record's, unless a person changed the cell since (then what
    // they made of it is theirs, kept under the new flag and given back when it goes).
    const fill = prev && own!.fill ? recordedColor(prev.fill) : coveredColor(now.fill);
    // A note of ours left by a copy whose record was lost is not the applicant's: do not keep it.
    const note = prev && own!.note ? prev.note : mode === 'notes' && (prev || !isOwnNote(current)) ? current : prev ? prev.note : null;
    const w: CellWrite = { cell: flag.cell, fill: flag.fill };
    const text = noteText(flagNote(flag, note, lang), lang);
    const rec: FlagRecord = { cell: flag.cell, fill, note, placed: { fill: flag.fill, note: mode === 'notes' ? sha256Hex(text) : null } };
    // One annotation per cell: a cell with someone's thread gets no note; the explanation stays in the summary and pane.
    if (mode === 'notes' && !(current === null && threads.has(cellKey(flag.cell)))) w.note = { kind: current !== null ? 'replace' : 'add', text };
    else if (mode === 'notes') left.push(flag.cell);
    if (mode === 'comments') {
      if (prev?.comment && ids.has(prev.comment)) {
        rec.comment = prev.comment;
        w.comment = { kind: 'update', id: prev.comment, text };
      } else if (!threads.has(cellKey(flag.cell))) w.comment = { kind: 'add', text };
      // A cell that already carries someone's thread keeps it; the explanation stays in the summary and pane.
    }
    records.push(rec);
    writes.push(w);
  }
  return { writes, records, edited, threads: left };
}

/** The metadata with the ids of the comments just added (known only after the adapter wrote them). */
export function withCommentIds(meta: WorkbookMeta, ids: ReadonlyMap<string, string>): WorkbookMeta {
  if (!meta.review || !ids.size) return meta;
  return { ...meta, review: { ...meta.review, flags: meta.review.flags.map((r) => (ids.has(r.cell) ? { ...r, comment: ids.get(r.cell)! } : r)) } };
}
