/**
 * What the experts wrote on a summary 评审汇总, carried across re-runs: their scores, 回避 marks and reasons,
 * signatures, opinions, the committee's conclusion and the notes people left on those cells and on the committee's
 * figures — read back through the layout the tool recorded (`readPreserved`), keyed by what each cell is
 * (`inputKey`), never by where it was, so a new expert column moves nothing of anyone's.
 */
import type { ExpertChange, SummaryLayout } from './meta.js';
import type { CellValue } from './sheet-model.js';

/**
 * Expert input of a previous summary. Keyed by expert name and criterion id in Maps: names are data (an expert
 * may be called `__proto__` or `constructor`), never property names of a plain object.
 */
export interface PreservedInputs {
  experts: string[];
  scores: Map<string, Map<string, CellValue>>;
  conflicts: Map<string, CellValue>;
  signatures: Map<string, CellValue>;
  decision: CellValue;
  rationale: CellValue;
  date: CellValue;
  /** Notes people added on the expert cells, by what the cell is (see inputKey). */
  notes: Map<string, string>;
  /** Each expert's column header as the sheet shows it (a person may have edited it): read, never written. */
  headers?: Map<string, CellValue>;
  /** The 回避 reason beside each expert's mark. */
  reasons?: Map<string, CellValue>;
  /** The 专家意见 block: each expert's notes on the criteria (one text) and opinion. */
  expertNotes?: Map<string, CellValue>;
  opinions?: Map<string, CellValue>;
  /** The committee's change record (renames, removals), oldest first. */
  changes?: ExpertChange[];
}

/** An empty set of expert inputs (no summary yet). */
export function emptyPreserved(): PreservedInputs {
  return { experts: [], scores: new Map(), conflicts: new Map(), signatures: new Map(), decision: null, rationale: null, date: null, notes: new Map(), headers: new Map(), reasons: new Map(), expertNotes: new Map(), opinions: new Map(), changes: [] };
}

/** A cell someone filled: not blank, not only spaces. */
export const filled = (v: CellValue | undefined): boolean => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/**
 * Whether anyone entered something in a summary: a score, 回避 mark or reason, signature, expert's note or opinion,
 * the committee's conclusion, or a person's note on a cell. What the tool never deletes (a duplicate summary) nor
 * replaces (an explicit `-o FILE --force`).
 */
export function preservedHasInput(p: PreservedInputs): boolean {
  const maps = [p.conflicts, p.signatures, p.reasons, p.expertNotes, p.opinions] as Array<Map<string, CellValue> | undefined>;
  return (
    p.notes.size > 0 ||
    [p.decision, p.rationale, p.date].some(filled) ||
    [...p.scores.values()].some((m) => [...m.values()].some(filled)) ||
    maps.some((m) => [...(m ?? new Map<string, CellValue>()).values()].some(filled))
  );
}

/** A copy that can be changed without touching the one read. */
export function clonePreserved(p: PreservedInputs): PreservedInputs {
  return {
    ...p,
    experts: [...p.experts],
    scores: new Map([...p.scores].map(([k, v]) => [k, new Map(v)])),
    conflicts: new Map(p.conflicts),
    signatures: new Map(p.signatures),
    notes: new Map(p.notes),
    headers: new Map(p.headers ?? []),
    reasons: new Map(p.reasons ?? []),
    expertNotes: new Map(p.expertNotes ?? []),
    opinions: new Map(p.opinions ?? []),
    changes: [...(p.changes ?? [])],
  };
}

/** What an expert cell is, whatever its place in this or a later layout. */
export type InputKey = string;

export const inputKey = {
  score: (expert: string, criterion: string): InputKey => `score\u0000${expert}\u0000${criterion}`,
  conflict: (expert: string): InputKey => `conflict\u0000${expert}`,
  signature: (expert: string): InputKey => `signature\u0000${expert}`,
  reason: (expert: string): InputKey => `reason\u0000${expert}`,
  expertNotes: (expert: string): InputKey => `notes\u0000${expert}`,
  opinion: (expert: string): InputKey => `opinion\u0000${expert}`,
  decision: 'decision',
  rationale: 'rationale',
  date: 'date',
  /** A committee figure the tool keeps (平均分, 中位数, 极差, 需讨论) of a criterion or of the total ("" for it). */
  figure: (criterion: string, figure: FigureKind): InputKey => `figure\u0000${criterion}\u0000${figure}`,
};

const FIGURES = ['mean', 'median', 'spread', 'discuss'] as const;

export type FigureKind = (typeof FIGURES)[number];

/**
 * The cells of a layout holding the committee's figures (columns right of the experts', rows of the criteria and
 * the total): the tool writes their values, but a note a person put on one is theirs and is carried to the cell
 * showing the same figure in the new summary, wherever a new expert column moved it.
 */
function layoutFigures(layout: SummaryLayout): Array<{ key: InputKey; row: number; col: number }> {
  const rows = Object.entries(layout.criteriaRows);
  if (!rows.length || !layout.experts.length) return [];
  const mean = Math.max(...layout.experts.map((x) => x.col)) + 1;
  const total = Math.max(...rows.map(([, r]) => r)) + 1;
  return [...rows, ['', total] as const].flatMap(([id, row]) => FIGURES.map((f, i) => ({ key: inputKey.figure(id, f), row, col: mean + i })));
}

/** Every expert cell of a layout, with what it is: the cells whose notes a re-run reads and keeps. */
export function layoutInputs(layout: SummaryLayout): Array<{ key: InputKey; row: number; col: number }> {
  const out: Array<{ key: InputKey; row: number; col: number }> = [];
  for (const { name, col } of layout.experts) {
    for (const [id, row] of Object.entries(layout.criteriaRows)) out.push({ key: inputKey.score(name, id), row, col });
    out.push({ key: inputKey.conflict(name), row: layout.conflictRow, col }, { key: inputKey.signature(name), row: layout.signatureRow, col });
    if (layout.reasonRow !== undefined) out.push({ key: inputKey.reason(name), row: layout.reasonRow, col });
  }
  for (const { name, row } of layout.opinions?.rows ?? [])
    out.push({ key: inputKey.expertNotes(name), row, col: layout.opinions!.notes }, { key: inputKey.opinion(name), row, col: layout.opinions!.opinion });
  out.push({ key: inputKey.decision, row: layout.decision[0], col: layout.decision[1] });
  out.push({ key: inputKey.rationale, row: layout.rationale[0], col: layout.rationale[1] });
  out.push({ key: inputKey.date, row: layout.date[0], col: layout.date[1] });
  return out;
}

/** Expert inputs of a previous summary, read through its recorded layout; `noteAt` gives the notes on its cells. */
export function readPreserved(layout: SummaryLayout, at: (row: number, col: number) => CellValue, noteAt?: (row: number, col: number) => string | null): PreservedInputs {
  const p = emptyPreserved();
  // The experts' header row is the one above the first criterion (criteriaSection writes it there).
  const rows = Object.values(layout.criteriaRows);
  const headerRow = rows.length ? Math.min(...rows) - 1 : -1;
  for (const { name, col } of layout.experts) {
    if (p.scores.has(name)) continue;
    p.experts.push(name);
    const own = new Map<string, CellValue>();
    p.scores.set(name, own);
    for (const [id, row] of Object.entries(layout.criteriaRows)) own.set(id, at(row, col));
    p.conflicts.set(name, at(layout.conflictRow, col));
    p.signatures.set(name, at(layout.signatureRow, col));
    if (layout.reasonRow !== undefined) p.reasons!.set(name, at(layout.reasonRow, col));
    if (headerRow >= 0) p.headers!.set(name, at(headerRow, col));
  }
  for (const { name, row } of layout.opinions?.rows ?? []) {
    if (!p.scores.has(name)) continue;
    p.expertNotes!.set(name, at(row, layout.opinions!.notes));
    p.opinions!.set(name, at(row, layout.opinions!.opinion));
  }
  p.changes = [...(layout.changes ?? [])];
  p.decision = at(...layout.decision);
  p.rationale = at(...layout.rationale);
  p.date = at(...layout.date);
  if (noteAt)
    for (const { key, row, col } of [...layoutInputs(layout), ...layoutFigures(layout)]) {
      const note = noteAt(row, col);
      if (note) p.notes.set(key, note);
    }
  return p;
}

/** Only plain values can be carried (a cell read back is never an object or a function). */
export const plain = (v: unknown): CellValue => (v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : null);

/** A note a person left on an expert cell, carried to the same cell of the new summary. */
export const noteOf = (p: PreservedInputs | null, key: InputKey): { note?: string } => {
  const note = p?.notes.get(key);
  return note ? { note } : {};
};
