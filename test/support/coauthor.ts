/**
 * Co-authoring as Excel merges it (issue #18, item 2): each co-author has a copy of the workbook, applies its own
 * batches to it, and the copies are then merged into one workbook:
 * - a cell takes the last writer's value (per property group: its value, its format, its note), whatever the
 *   earlier writer wrote — writing what a cell already held is still a write;
 * - rows inserted by either survive (both, where both inserted at the same place: the earlier copy's first);
 * - a row deleted by either is gone, with every edit of the other inside it; rows below move up, and an edit the other
 *   made below it lands on the row as moved (as Excel's merge transforms it);
 * - sheets added by either survive (a name both added: the later one renamed "name (2)", as Excel keeps both);
 * - a sheet deleted by either is gone, with every edit inside it; threads deleted by either are gone; replies of
 *   both are kept.
 *
 * One shared fake that applies batches one at a time (test/office/coauthor.test.ts's older model) cannot show
 * what a merge loses: two blocks written at the same row, a value read and written back over someone's new one.
 */
import { parseQualified, toA1 } from '../../src/core/index.js';
import type { XContext } from '../../src/office/surface.js';
import { FakeWorkbook, type FakeCell, type FakeHost, type FakeSheet, type FakeState, type FakeThread, type FakeTracker } from './fake-excel.js';

type Group = 'value' | 'format' | 'note';
const GROUPS: readonly Group[] = ['value', 'format', 'note'];

interface Touch {
  sheetId: string;
  r: number;
  c: number;
  group: Group;
  tick: number;
  /** How many row inserts and deletes of the copy came before the write (later ones move it). */
  journal: number;
}

/** A copy's row insert or delete (whole rows). */
interface RowOp {
  kind: 'insert' | 'delete';
  sheetId: string;
  at: number;
  rows: number;
  tick: number;
}

/** One co-author's copy: a workbook of its own, what it wrote, where it inserted and deleted rows. */
export class Coauthor implements FakeTracker {
  readonly wb: FakeWorkbook;
  touches: Touch[] = [];
  inserts: RowOp[] = [];
  private tick = 0;

  constructor(
    private readonly room: CoauthorRoom,
    readonly author: string,
    readonly index: number,
    state: FakeState,
    host: FakeHost,
  ) {
    this.wb = new FakeWorkbook(structuredClone(state));
    this.wb.host = host;
    this.wb.tracker = this;
    // Ids another copy cannot also give (each copy counts from its own start).
    const counters = (this.wb as unknown as { counters: { comment: number; sheet: number } }).counters;
    counters.comment = 1000 * (index + 1);
    counters.sheet = 1000 * (index + 1);
  }

  /** A request context on this copy (the co-author's Excel). */
  context(): XContext {
    return this.wb.context({ author: this.author });
  }

  beginSync(): void {
    this.tick = this.room.now();
  }

  touch(sheet: FakeSheet, r: number, c: number, group: Group): void {
    this.touches.push({ sheetId: this.wb.sheetId(sheet), r, c, group, tick: this.tick, journal: this.inserts.length });
  }

  inserted(sheet: FakeSheet, at: number, rows: number): void {
    this.inserts.push({ kind: 'insert', sheetId: this.wb.sheetId(sheet), at, rows, tick: this.tick });
  }

  deleted(sheet: FakeSheet, at: number, rows: number): void {
    this.inserts.push({ kind: 'delete', sheetId: this.wb.sheetId(sheet), at, rows, tick: this.tick });
  }

  /** Starts again from the merged workbook. */
  reset(state: FakeState): void {
    this.wb.state = structuredClone(state);
    this.touches = [];
    this.inserts = [];
  }
}

/** Where a row of a copy came from: a row of the base, or a row one of the copy's inserts added. */
type Origin = { base: number } | { insert: number; off: number };

/** The rows of one sheet in one copy, traced back to the base through its inserts and deletes. */
class RowMap {
  private readonly ops: RowOp[];
  constructor(all: readonly RowOp[], sheetId: string) {
    this.ops = all.filter((i) => i.sheetId === sheetId);
  }
  /** The row `r` of the copy after its first `upto` row operations (of this sheet). */
  origin(r: number, upto = this.ops.length): Origin {
    for (let j = upto - 1; j >= 0; j--) {
      const { kind, at, rows } = this.ops[j]!;
      if (kind === 'delete') {
        if (r >= at) r += rows;
      } else if (r >= at + rows) r -= rows;
      else if (r >= at) return { insert: j, off: r - at };
    }
    return { base: r };
  }
  /** The base row an insert's rows stand just above. */
  anchor(j: number): number {
    const o = this.origin(this.ops[j]!.at, j);
    return 'base' in o ? o.base : this.anchor(o.insert);
  }
  /** The base rows this copy deleted. */
  deletedBase(): Set<number> {
    const out = new Set<number>();
    this.ops.forEach((op, j) => {
      if (op.kind !== 'delete') return;
      for (let x = op.at; x < op.at + op.rows; x++) {
        const o = this.origin(x, j);
        if ('base' in o) out.add(o.base);
      }
    });
    return out;
  }
  /** Where a write made after `journal` row operations (of every sheet) is now; null: a later delete took its row. */
  forward(all: readonly RowOp[], sheetId: string, r: number, journal: number): number | null {
    for (const i of all.slice(journal)) {
      if (i.sheetId !== sheetId) continue;
      if (i.kind === 'insert') {
        if (r >= i.at) r += i.rows;
      } else if (r >= i.at + i.rows) r -= i.rows;
      else if (r >= i.at) return null;
    }
    return r;
  }
}

const valueOf = (cell: FakeCell | undefined): Partial<FakeCell> => (cell ? { value: cell.value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) } : {});
const formatOf = (cell: FakeCell | undefined): Partial<FakeCell> => {
  if (!cell) return {};
  const { value: _v, formula: _f, ...rest } = cell;
  return rest;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sheetKey = (r: number, c: number) => `${r},${c}`;

/** Notes of a state by sheet id and position. */
function notesBySheet(state: FakeState, id: (s: FakeSheet) => string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [cell, text] of Object.entries(state.notes)) {
    const p = parseQualified(cell);
    const s = state.sheets.find((x) => x.name === p.sheet);
    if (!s) continue;
    const m = out.get(id(s)) ?? new Map<string, string>();
    m.set(sheetKey(p.row, p.col), text);
    out.set(id(s), m);
  }
  return out;
}

/**
 * A workbook several people have open. `join` gives each a copy of the workbook as it is; `merge` merges every
 * copy back (and each copy then starts again from the merged workbook).
 */
export class CoauthorRoom {
  state: FakeState;
  readonly copies: Coauthor[] = [];
  private clock = 0;
  private readonly host: FakeHost;
  /** Gives ids to sheets of the merged workbook that have none (a sheet the base had before ids were asked for). */
  private readonly ids: FakeWorkbook;

  constructor(state: FakeState, host?: FakeHost) {
    this.ids = new FakeWorkbook(structuredClone(state));
    for (const s of this.ids.state.sheets) this.ids.sheetId(s);
    this.state = this.ids.state;
    this.host = host ?? this.ids.host;
  }

  now(): number {
    return ++this.clock;
  }

  join(author: string): Coauthor {
    const c = new Coauthor(this, author, this.copies.length, this.state, this.host);
    this.copies.push(c);
    return c;
  }

  /** The workbook as one of its people sees it after the merge (for reading in tests). */
  get workbook(): FakeWorkbook {
    const wb = new FakeWorkbook(this.state);
    wb.host = this.host;
    return wb;
  }

  /** Merges every copy into the workbook; each copy starts again from the result. */
  merge(): FakeState {
    const base = this.state;
    const copies = this.copies;
    const idOf = (s: FakeSheet) => s.id ?? '';
    const baseIds = new Set(base.sheets.map(idOf));
    const deleted = new Set(copies.flatMap((k) => [...baseIds].filter((id) => !k.wb.state.sheets.some((s) => s.id === id))));
    const out: FakeState = structuredClone({ ...base, sheets: [], notes: {}, comments: [] });
    const rowOf = new Map<string, (copy: number, r: number) => number | null>();
    const baseRows = new Map<string, (b: number) => number | null>();

    // Sheets of the base: rows of every copy's inserts placed, then each cell's groups by their last writer.
    for (const bs of base.sheets) {
      if (deleted.has(idOf(bs))) continue;
      const id = idOf(bs);
      const maps = copies.map((k) => new RowMap(k.inserts, id));
      // A row deleted by anyone is gone (with every edit inside it); the rows below move up.
      const gone = new Set(maps.flatMap((m) => [...m.deletedBase()]));
      const goneBelow = (b: number) => {
        let n = 0;
        for (const g of gone) if (g < b) n++;
        return n;
      };
      // New rows per anchor: [copy, insert, off] in order (earlier copies first, each copy's own order kept).
      const added: Array<{ anchor: number; copy: number; local: number }> = [];
      maps.forEach((m, k) => {
        const sheet = copies[k]!.wb.state.sheets.find((s) => s.id === id)!;
        let rows = 0;
        for (const x of Object.keys(sheet.cells)) rows = Math.max(rows, Number(x.split(',')[0]) + 1);
        for (const t of copies[k]!.touches) if (t.sheetId === id) rows = Math.max(rows, (m.forward(copies[k]!.inserts, id, t.r, t.journal) ?? -1) + 1);
        for (let r = 0; r < rows; r++) {
          const o = m.origin(r);
          if ('insert' in o) added.push({ anchor: m.anchor(o.insert), copy: k, local: r });
        }
      });
      added.sort((a, b) => a.anchor - b.anchor || a.copy - b.copy || a.local - b.local);
      const newIndex = new Map(added.map((a, i) => [`${a.copy}:${a.local}`, i]));
      const before = (anchor: number) => {
        let n = 0;
        while (n < added.length && added[n]!.anchor <= anchor) n++;
        return n;
      };
      const baseRow = (b: number): number | null => (gone.has(b) ? null : b - goneBelow(b) + before(b));
      const merged = (k: number, r: number): number | null => {
        const o = maps[k]!.origin(r);
        if ('base' in o) return baseRow(o.base);
        const i = newIndex.get(`${k}:${r}`)!;
        return added[i]!.anchor - goneBelow(added[i]!.anchor) + i;
      };
      rowOf.set(id, merged);
      baseRows.set(id, baseRow);

      const sheet: FakeSheet = { ...structuredClone(bs), cells: {} };
      for (const [k, cell] of Object.entries(bs.cells)) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        const to = baseRow(r);
        if (to !== null) sheet.cells[sheetKey(to, c)] = structuredClone(cell);
      }
      // Each group of each cell a copy wrote: the last writer's.
      const last = new Map<string, { tick: number; part: Partial<FakeCell> | string | null }>();
      const baseNotes = notesBySheet(base, idOf).get(id) ?? new Map<string, string>();
      copies.forEach((copy, k) => {
        const cs = copy.wb.state.sheets.find((s) => s.id === id)!;
        const notes = notesBySheet(copy.wb.state, (s) => copy.wb.sheetId(s)).get(id) ?? new Map<string, string>();
        const seen = new Set<string>();
        // Rows the copy inserted hold only what it wrote: all of it is its (as of its last sync).
        const written: Array<{ r: number; c: number; group: Group; tick: number }> = [];
        for (const t of copy.touches) {
          if (t.sheetId !== id) continue;
          const r = maps[k]!.forward(copy.inserts, id, t.r, t.journal);
          if (r !== null) written.push({ r, c: t.c, group: t.group, tick: t.tick });
        }
        for (const [key, cell] of Object.entries(cs.cells)) {
          const [r, c] = key.split(',').map(Number) as [number, number];
          if ('insert' in maps[k]!.origin(r)) for (const group of GROUPS) written.push({ r, c, group, tick: 0 });
          void cell;
        }
        for (const wr of written) {
          const row = merged(k, wr.r);
          // In a row someone deleted: the edit goes with it.
          if (row === null) continue;
          const at = `${row},${wr.c}|${wr.group}`;
          const key = `${k}|${at}`;
          if (seen.has(key) && wr.tick === 0) continue;
          seen.add(key);
          const cell = cs.cells[sheetKey(wr.r, wr.c)];
          const part = wr.group === 'value' ? valueOf(cell) : wr.group === 'format' ? formatOf(cell) : (notes.get(sheetKey(wr.r, wr.c)) ?? null);
          const prev = last.get(at);
          if (!prev || wr.tick >= prev.tick) last.set(at, { tick: wr.tick, part });
        }
      });
      const mergedNotes = new Map<string, string>();
      for (const [k, text] of baseNotes) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        const to = baseRow(r);
        if (to !== null) mergedNotes.set(sheetKey(to, c), text);
      }
      for (const [at, { part }] of last) {
        const [pos, group] = at.split('|') as [string, Group];
        if (group === 'note') {
          if (typeof part === 'string') mergedNotes.set(pos, part);
          else mergedNotes.delete(pos);
          continue;
        }
        const cur = sheet.cells[pos];
        const keep = group === 'value' ? formatOf(cur) : valueOf(cur);
        const next = { ...keep, ...(part as Partial<FakeCell>) } as FakeCell;
        if (next.value === undefined) next.value = null;
        if (next.value === null && next.formula === undefined && Object.keys(next).length === 1) delete sheet.cells[pos];
        else sheet.cells[pos] = next;
      }
      // Sheet-level properties (name, protection, widths …): the last copy that changed one.
      for (const copy of copies) {
        const cs = copy.wb.state.sheets.find((s) => s.id === id)!;
        for (const prop of Object.keys({ ...bs, ...cs }) as Array<keyof FakeSheet>) {
          if (prop === 'cells') continue;
          if (!same(cs[prop], bs[prop])) (sheet as unknown as Record<string, unknown>)[prop] = structuredClone(cs[prop]);
        }
      }
      out.sheets.push(sheet);
      for (const [k, text] of mergedNotes) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        out.notes[`${sheet.name}!${toA1(r, c)}`] = text;
      }
    }

    // Sheets a copy added: kept whole; a name taken is renamed as Excel keeps both.
    for (const copy of copies)
      for (const s of copy.wb.state.sheets) {
        if (baseIds.has(copy.wb.sheetId(s))) continue;
        const sheet = structuredClone(s);
        let name = sheet.name;
        for (let n = 2; out.sheets.some((x) => x.name === name); n++) name = `${sheet.name} (${n})`;
        for (const [cell, text] of Object.entries(copy.wb.state.notes)) if (cell.startsWith(`${s.name}!`)) out.notes[`${name}${cell.slice(s.name.length)}`] = text;
        sheet.name = name;
        out.sheets.push(sheet);
      }

    // Threads: by id; deleted by anyone → gone; content and resolved the last changer's; replies of all.
    const byId = new Map<string, FakeThread>();
    // A thread's place in the merged workbook; null: its row was deleted (the thread went with it).
    const where = (copy: number, t: FakeThread): string | null => {
      const p = parseQualified(t.cell);
      const cs = copies[copy]!.wb.state.sheets.find((s) => s.name === p.sheet);
      const id = cs ? copies[copy]!.wb.sheetId(cs) : '';
      const sheet = out.sheets.find((s) => s.id === id);
      const row = rowOf.get(id);
      const r = row ? row(copy, p.row) : p.row;
      if (r === null) return null;
      return sheet ? `${sheet.name}!${toA1(r, p.col)}` : t.cell;
    };
    const gone = new Set(copies.flatMap((k) => base.comments.filter((b) => !k.wb.state.comments.some((c) => c.id === b.id)).map((b) => b.id)));
    for (const b of base.comments) {
      if (gone.has(b.id)) continue;
      const p = parseQualified(b.cell);
      const sheet = base.sheets.find((s) => s.name === p.sheet);
      const row = sheet ? baseRows.get(idOf(sheet)) : undefined;
      const merged = out.sheets.find((s) => s.id === sheet?.id);
      const r = row ? row(p.row) : p.row;
      if (!merged || r === null) continue;
      byId.set(b.id, { ...structuredClone(b), cell: `${merged.name}!${toA1(r, p.col)}` });
    }
    copies.forEach((copy, k) => {
      for (const t of copy.wb.state.comments) {
        if (gone.has(t.id)) continue;
        const cur = byId.get(t.id);
        if (!cur) {
          const cell = where(k, t);
          if (cell !== null && !base.comments.some((b) => b.id === t.id)) byId.set(t.id, { ...structuredClone(t), cell });
          continue;
        }
        const b = base.comments.find((x) => x.id === t.id);
        if (!same(t.content, b?.content)) cur.content = t.content;
        if (!same(t.resolved, b?.resolved)) cur.resolved = t.resolved;
        const replies = [...(cur.replies ?? [])];
        for (const r of t.replies ?? []) if (!replies.some((x) => x.id === r.id)) replies.push(structuredClone(r));
        if (replies.length) cur.replies = replies;
      }
    });
    out.comments = [...byId.values()];
    for (const copy of copies) if (copy.wb.state.charts?.length) out.charts = [...(out.charts ?? []), ...copy.wb.state.charts.filter((c) => !(base.charts ?? []).includes(c))];

    this.state = out;
    for (const copy of copies) copy.reset(out);
    return out;
  }
}
