/**
 * Expert management in the summary's committee, decided once for every adapter (the command line's `check
 * --rename-expert/--remove-expert`, the pane): renames and removals applied to the expert inputs read back, an
 * expert header a person edited taken as a rename (and said), every change recorded in the summary's change record.
 *
 * Decisions (docs/CLI.md "Experts"):
 * - A rename moves the whole column: scores, 回避 and its reason, signature, notes, opinion, and the notes people
 *   left on those cells. Renaming to a name already on the committee is refused (two columns would merge).
 * - A removal is refused while the expert has any score, 回避 mark or signature, unless forced; either way the
 *   removal is recorded with how many entries the expert had.
 * - A header edited in the sheet is never reverted silently: a new non-blank name is taken as the expert's name
 *   (the person's edit wins, recorded as `header-edited`, and said as a warning); a cleared header, or one naming
 *   another expert, gets the recorded name back, and that is said too.
 */
import type { ExpertChange } from '../report/meta.js';
import { clonePreserved, type PreservedInputs } from '../report/summary.js';
import type { CellValue } from '../report/sheet-model.js';
import type { WorkflowWarning } from './warnings.js';

export interface ExpertOps {
  /** [old, new] pairs, applied in order. */
  rename?: Array<[string, string]>;
  remove?: string[];
  /** Remove even an expert who has scores, a 回避 mark or a signature (the record says it was forced). */
  forceRemove?: boolean;
}

/** Why an expert operation cannot be done: words under committee.experts.refused.<code>. Nothing is written. */
export interface ExpertRefusal {
  code: 'unknown-expert' | 'name-taken' | 'has-input' | 'no-summary';
  expert: string;
  to?: string;
  /** has-input: how many scores, marks and signatures the expert has. */
  had?: number;
}

export interface ExpertPlan {
  preserved: PreservedInputs | null;
  warnings: WorkflowWarning[];
  refusal: ExpertRefusal | null;
}

const filled = (v: CellValue | undefined): boolean => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/** What an expert has entered that a removal would lose: each score, a 回避 mark, a signature. */
function expertEntries(p: PreservedInputs, name: string): number {
  let n = 0;
  for (const v of p.scores.get(name)?.values() ?? []) if (filled(v)) n++;
  const mark = p.conflicts.get(name);
  if (typeof mark === 'string' && mark.trim() === '是') n++;
  if (filled(p.signatures.get(name))) n++;
  return n;
}

/** Moves every input of `from` to `to` (the maps are the clone's own). */
function moveExpert(p: PreservedInputs, from: string, to: string): void {
  p.experts = p.experts.map((x) => (x === from ? to : x));
  for (const m of [p.scores, p.conflicts, p.signatures, p.headers, p.reasons, p.expertNotes, p.opinions] as Array<Map<string, unknown> | undefined>) {
    if (!m?.has(from)) continue;
    m.set(to, m.get(from));
    m.delete(from);
  }
  // Notes on cells are keyed by what the cell is: "<kind>\0<expert>[\0<criterion>]".
  for (const [key, note] of [...p.notes]) {
    const parts = key.split('\u0000');
    if (parts.length < 2 || parts[1] !== from) continue;
    p.notes.delete(key);
    parts[1] = to;
    p.notes.set(parts.join('\u0000'), note);
  }
}

function dropExpert(p: PreservedInputs, name: string): void {
  p.experts = p.experts.filter((x) => x !== name);
  for (const m of [p.scores, p.conflicts, p.signatures, p.headers, p.reasons, p.expertNotes, p.opinions] as Array<Map<string, unknown> | undefined>) m?.delete(name);
  for (const key of [...p.notes.keys()]) if (key.split('\u0000')[1] === name) p.notes.delete(key);
}

/**
 * Applies header edits, then the asked renames and removals, to the inputs read back. Pure: the inputs given are
 * not changed. A refusal stops everything (the adapter writes nothing and says why).
 */
export function planExperts(read: PreservedInputs | null, ops: ExpertOps, time: string): ExpertPlan {
  const asked = (ops.rename?.length ?? 0) + (ops.remove?.length ?? 0) > 0;
  if (!read) {
    if (!asked) return { preserved: null, warnings: [], refusal: null };
    const first = ops.rename?.[0]?.[0] ?? ops.remove?.[0] ?? '';
    return { preserved: null, warnings: [], refusal: { code: 'no-summary', expert: first } };
  }
  const p = clonePreserved(read);
  const warnings: WorkflowWarning[] = [];
  const changes: ExpertChange[] = p.changes ?? [];
  p.changes = changes;

  // 1. Headers a person edited (said in one warning each way: adapters show a warning code once).
  const taken: string[] = [];
  const kept: string[] = [];
  for (const name of [...p.experts]) {
    const shown = p.headers?.get(name);
    if (shown === undefined) continue;
    const text = shown === null ? '' : String(shown).trim();
    if (text === name) continue;
    let key = name;
    if (text && !p.experts.includes(text)) {
      moveExpert(p, name, text);
      key = text;
      changes.push({ time, kind: 'header-edited', expert: name, to: text });
      taken.push(`“${name}” → “${text}”`);
    } else kept.push(`“${text}” → “${name}”`);
    // The header as read is spent: the column now shows the name decided here.
    p.headers?.delete(key);
  }
  if (taken.length) warnings.push({ code: 'expert-header-edited', params: { edits: taken } });
  if (kept.length) warnings.push({ code: 'expert-header-kept', params: { edits: kept } });

  // 2. Renames, as asked.
  for (const [from, to] of ops.rename ?? []) {
    if (!p.experts.includes(from)) return { preserved: null, warnings, refusal: { code: 'unknown-expert', expert: from } };
    if (from === to) continue;
    if (p.experts.includes(to)) return { preserved: null, warnings, refusal: { code: 'name-taken', expert: from, to } };
    moveExpert(p, from, to);
    changes.push({ time, kind: 'rename', expert: from, to });
  }

  // 3. Removals: refused while the expert has entered anything that counts, unless forced.
  for (const name of ops.remove ?? []) {
    if (!p.experts.includes(name)) return { preserved: null, warnings, refusal: { code: 'unknown-expert', expert: name } };
    const had = expertEntries(p, name);
    if (had > 0 && !ops.forceRemove) return { preserved: null, warnings, refusal: { code: 'has-input', expert: name, had } };
    dropExpert(p, name);
    changes.push({ time, kind: 'remove', expert: name, had, ...(had > 0 ? { forced: true } : {}) });
  }
  return { preserved: p, warnings, refusal: null };
}
