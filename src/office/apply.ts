/**
 * Applying a plan's cell writes in Excel (src/core/workflow): the state of the cells a check or clear covers (fills,
 * notes, threads, sheet protection) read in one sync; fills, values, notes and threads written through the Writer,
 * with protected sheets unprotected around them and protected again; threads Excel refuses settled cell by cell; the
 * record appended with the action's writes. Also the session every action runs in.
 */
import {
  parseQualified,
  toA1,
  type CellState,
  type CellWrite,
  type Covered,
  type FlagDraft,
  type Lang,
  type LoadedRulebook,
  type Reading,
  type WorkbookMeta,
  type WorkflowWarning,
} from '../core/index.js';
import type { Capabilities } from './capabilities.js';
import { writeRecord, type Written } from './record.js';
import { isProtectionError } from './errors.js';
import type { XComment, XContext, XNote, XRange } from './surface.js';
import { Writer } from './writer.js';
import { OfficeError } from '../common/results.js';

export interface Session {
  ctx: XContext;
  rb: LoadedRulebook;
  lang: Lang;
  caps: Capabilities;
}

const rangeOf = (ctx: XContext, cell: string): XRange => {
  const p = parseQualified(cell);
  return ctx.workbook.worksheets.getItem(p.sheet).getRange(toA1(p.row, p.col));
};

/** A protection error on sheets the action had to unprotect: the password the tool was not given (or a wrong one). */
export function passwordRefusal(e: unknown, locked: Locked): unknown {
  if (locked.length && !(e instanceof OfficeError) && isProtectionError(e)) return new OfficeError('sheet-protected', { sheet: locked.map((l) => l.name).join('、') }, { needsPassword: true });
  return e;
}

/** The record appended (src/office/record.ts), flushed with the action's writes; a protection failure said plainly. */
export async function writeMeta(ctx: XContext, reading: Reading & { strays?: readonly string[] }, meta: WorkbookMeta, w: Writer, locked: Locked = []): Promise<Written> {
  try {
    return await writeRecord(ctx, reading, meta, w);
  } catch (e) {
    throw passwordRefusal(e, locked);
  }
}

/**
 * What the plan's first phase asked for — the fills and notes of the covered cells, the comments' ids, and the
 * protection of the sheets written to — in one sync; comments' places (which cells carry a thread) need their ids
 * first, so threaded-comment mode adds one.
 */
export type Locked = Array<{ name: string; options: Record<string, boolean> }>;

export async function readCovered(ctx: XContext, draft: FlagDraft): Promise<{ covered: Covered; notes: Map<string, XNote>; locked: Locked }> {
  const fills = new Map(
    draft.read.fills.map((cell) => {
      const f = rangeOf(ctx, cell).format.fill;
      f.load('color');
      return [cell, f] as const;
    }),
  );
  const notes = new Map(
    draft.read.notes.map((cell) => {
      const n = ctx.workbook.notes.getItemOrNullObject(cell);
      n.load('content');
      return [cell, n] as const;
    }),
  );
  if (draft.read.comments) ctx.workbook.comments.load('items/id');
  const protections = draft.sheets.map((name) => {
    const p = ctx.workbook.worksheets.getItem(name).protection;
    p.load('protected,options');
    return { name, p };
  });
  await ctx.sync();

  let comments: Covered['comments'];
  if (draft.read.comments) {
    const items: XComment[] = ctx.workbook.comments.items;
    // The places (no comment or note goes on someone else's thread) and, for the tool's own threads to lift,
    // whether anyone replied (a thread with replies is resolved, never deleted): one sync, only when threads exist.
    const located = (draft.flags.length || draft.restore.length ? items : []).map((c) => {
      const at = c.getLocation();
      at.load('address');
      return at;
    });
    const ours = new Set(draft.restore.flatMap((r) => (r.comment ? [r.comment] : [])));
    const replies = items
      .filter((c) => ours.has(c.id))
      .map((c) => {
        c.replies.load('items');
        return c;
      });
    if (located.length || replies.length) await ctx.sync();
    comments = {
      ids: new Set(items.map((c) => c.id)),
      at: located.map((at) => at.address.replace(/\$/g, '')),
      replied: new Set(replies.filter((c) => c.replies.items.length > 0).map((c) => c.id)),
    };
  }
  const cells = new Map<string, CellState>();
  for (const [cell, f] of fills) cells.set(cell, { fill: f.color });
  for (const [cell, n] of notes) cells.set(cell, { ...cells.get(cell), note: n.isNullObject ? null : n.content });
  return { covered: { cells, ...(comments ? { comments } : {}) }, notes, locked: protections.filter((x) => x.p.protected).map((x) => ({ name: x.name, options: x.p.options })) };
}

/** A thread to add: the cell and the explanation. */
export type ThreadAdd = { cell: string; text: string };

/**
 * Applies the plan's cell writes, except the threads to add, which it returns: they are queued last (addThreads), so
 * a thread Excel refuses cannot keep any other write of the batch from being applied. `resolved` (ExcelApi 1.11) is
 * set only where this Excel has it; elsewhere a thread people replied to is left as it is (and said, thread-kept).
 */
export async function applyWrites(ctx: XContext, writes: readonly CellWrite[], notes: Map<string, XNote>, w: Writer, caps: Pick<Capabilities, 'resolved'>): Promise<ThreadAdd[]> {
  const adds: ThreadAdd[] = [];
  for (const cw of writes) {
    const color = cw.fill;
    // Absent: a person changed the fill of the tool's flag; theirs stays.
    if (color !== undefined)
      await w.add(160, () => {
        const f = rangeOf(ctx, cw.cell).format.fill;
        if (color) f.color = color;
        else f.clear();
      });
    const value = cw.value;
    // The legend of flag colours: text written as text (the words are the tool's, never a formula); null clears.
    if (value !== undefined) await w.add(Writer.size(value ?? ''), () => (rangeOf(ctx, cw.cell).values = [[value ?? '']]));
    const note = cw.note;
    if (note) {
      const n = notes.get(cw.cell);
      if (note.kind === 'add') await w.add(Writer.size(note.text), () => ctx.workbook.notes.add(cw.cell, note.text));
      else if (note.kind === 'replace') await w.add(Writer.size(note.text), () => (n!.content = note.text));
      else await w.add(96, () => n!.delete());
    }
    const comment = cw.comment;
    if (comment) {
      if (comment.kind === 'add') adds.push({ cell: cw.cell, text: comment.text });
      else if (comment.kind === 'update') await w.add(Writer.size(comment.text), () => (ctx.workbook.comments.getItem(comment.id).content = comment.text));
      else if (comment.kind === 'resolve') {
        if (caps.resolved) await w.add(96, () => (ctx.workbook.comments.getItem(comment.id).resolved = true));
      } else await w.add(96, () => ctx.workbook.comments.getItem(comment.id).delete());
    }
  }
  return adds;
}

/** Queues the threads to add; their ids are known after the next sync. */
export async function addThreads(ctx: XContext, adds: readonly ThreadAdd[], w: Writer): Promise<Map<string, XComment>> {
  const added = new Map<string, XComment>();
  for (const { cell, text } of adds)
    await w.add(Writer.size(text), () => {
      const c = ctx.workbook.comments.add(cell, text);
      c.load('id');
      added.set(cell, c);
    });
  return added;
}

/**
 * After a batch with threads to add failed with a code that is not protection: Excel applies a batch's commands in
 * order and stops at the one that fails, so every write before the threads went in, the threads before the refused
 * one too, and nothing after it (the protection put back last among them). This reads which of the threads are
 * there, takes the first missing one as refused — in Excel without notes, an applicant's legacy note on the cell,
 * which the API cannot see — and adds the rest, protecting the sheets again; a further refusal repeats it. Each
 * refused cell keeps its flag colour and its record (without a thread); its explanation is in the pane and the
 * summary. Returns every thread's id by cell, and the refused cells.
 */
export async function settleThreads(
  ctx: XContext,
  failure: unknown,
  adds: readonly ThreadAdd[],
  known: ReadonlySet<string>,
  locked: Locked,
  password: string | undefined,
): Promise<{ ids: Map<string, string>; refused: string[] }> {
  const ids = new Map<string, string>();
  const refused: string[] = [];
  let pending = [...adds];
  let error = failure;
  for (;;) {
    const items = ctx.workbook.comments;
    items.load('items/id');
    const protections = locked.map((l) => {
      const p = ctx.workbook.worksheets.getItem(l.name).protection;
      p.load('protected');
      return { ...l, p };
    });
    await ctx.sync();
    const fresh = items.items.filter((c) => !known.has(c.id) && ![...ids.values()].includes(c.id));
    const places = fresh.map((c) => {
      const at = c.getLocation();
      at.load('address');
      return { c, at };
    });
    if (places.length) await ctx.sync();
    const wanted = new Map(pending.map((a) => [cellKey(a.cell), a] as const));
    for (const { c, at } of places) {
      const add = wanted.get(cellKey(at.address.replace(/\$/g, '')));
      if (add) ids.set(add.cell, c.id);
    }
    const missing = pending.filter((a) => !ids.has(a.cell));
    // Every thread is there: the failure was not one of them.
    if (!missing.length) throw error;
    refused.push(missing[0]!.cell);
    pending = missing.slice(1);
    const retry = new Map<string, XComment>();
    for (const a of pending) {
      const c = ctx.workbook.comments.add(a.cell, a.text);
      c.load('id');
      retry.set(a.cell, c);
    }
    for (const { name, options, p } of protections) if (p.protected === false) ctx.workbook.worksheets.getItem(name).protection.protect(options, password);
    try {
      await ctx.sync();
      for (const [cell, c] of retry) ids.set(cell, c.id);
      return { ids, refused };
    } catch (e) {
      if (isProtectionError(e)) throw passwordRefusal(e, locked);
      error = e;
    }
  }
}

/** Cells compared by position, whatever the quoting of their sheet name or the $ of an address. */
function cellKey(address: string): string {
  const p = parseQualified(address);
  return `${p.sheet}\u0000${p.row}\u0000${p.col}`;
}

/**
 * Protected sheets are unprotected around the writes (with the password the reviewer typed, if any: used for this
 * action only) and protected again with their own options and the same password.
 */
export async function withUnprotected(ctx: XContext, locked: Locked, w: Writer, write: () => Promise<void>, password?: string): Promise<void> {
  for (const { name } of locked) await w.add(96, () => ctx.workbook.worksheets.getItem(name).protection.unprotect(password));
  await write();
  for (const { name, options } of locked) await w.add(200, () => ctx.workbook.worksheets.getItem(name).protection.protect(options, password));
}

/** Best effort after a failed write: each sheet the action unprotected and that is still unprotected is protected again. */
export async function protectAgain(ctx: XContext, locked: Locked, password: string | undefined): Promise<void> {
  if (!locked.length) return;
  try {
    const ps = locked.map((l) => {
      const p = ctx.workbook.worksheets.getItem(l.name).protection;
      p.load('protected');
      return { ...l, p };
    });
    await ctx.sync();
    for (const { name, options, p } of ps) if (!p.protected) ctx.workbook.worksheets.getItem(name).protection.protect(options, password);
    await ctx.sync();
  } catch {
    // The original failure is what the reviewer is told; this one would only hide it.
  }
}

/** Cells whose thread Excel refused (a few named, then how many more). */
export function threadRefused(cells: string[]): WorkflowWarning {
  const shown = cells.slice(0, 10);
  if (cells.length > shown.length) shown.push(`… (${cells.length})`);
  return { code: 'thread-refused', params: { cells: shown } };
}
