/**
 * A strict fake of the part of the Excel JavaScript API the adapter uses (src/office/surface.ts).
 *
 * Stricter than office-addin-mock, on purpose:
 * - reading any property before `load()` and `context.sync()` throws (PropertyNotLoaded), as does reading
 *   `isNullObject` before a sync, or any property of a null object;
 * - writes are queued and applied at `sync()`, in order; a write to a missing sheet, a locked cell of a
 *   protected sheet, or a note on a cell that has one fails the sync, as Excel does;
 * - setting a property the API does not have throws;
 * - every sync is recorded with its number of commands and the size of what it sends (JSON), so tests can
 *   assert sync counts and the 5 MB payload limit of Excel on the web;
 * - text written through `values`/`formulas` that starts with =, +, - or @ becomes a formula, as in Excel; a
 *   leading apostrophe keeps it text; text that looks like a number, a percent, a date or TRUE/FALSE is converted
 *   (as Excel converts typed input) unless the cell is formatted as text ("@");
 * - Excel's limits throw: 32,767 characters in a cell, 255 in a validation prompt or message;
 * - one annotation per cell: a note on a cell with a thread (or a thread on a cell with a note) fails;
 * - threads have authors and replies; deleting a thread deletes its replies (as Comment.delete does);
 * - each context has its own queue (two contexts on one workbook are two people co-authoring, their syncs
 *   interleaved); every sync also counts what it returns, and a response over 5 MB fails (Excel on the web);
 * - it is one Excel with one office.js (`host`, see FakeHost): a member above the ExcelApi 1.7 baseline throws
 *   ApiNotFound where the host does not report its requirement set (office.js checks on access), and is undefined
 *   where the loaded office.js does not define it (the bundled @microsoft/office-js 1.1.110 has no notes while
 *   Microsoft 365 reports 1.18); Excel 2021/2024 LTSC has no notes at all, and a thread cannot go on a cell that
 *   holds a (legacy) note — the file keeps it though the API cannot see it.
 *
 * No Node imports: the browser test bundles this file as the page's Excel host.
 */
import { fromA1, parseQualified, quoteSheet, toA1 } from '../../src/core/index.js';
import type { XContext } from '../../src/office/surface.js';

export type Scalar = string | number | boolean | null;

export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB"; absent = no fill. */
  fill?: string;
  locked?: boolean;
  format?: Record<string, unknown>;
  hyperlink?: { documentReference?: string; textToDisplay?: string; screenTip?: string };
  validation?: Record<string, unknown>;
}

export interface FakeSheet {
  name: string;
  /** Worksheet.id: stable across renames (given on first use when absent). */
  id?: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Record<string, FakeCell>;
  protection: { password?: string; options?: Record<string, boolean> } | null;
  merges: string[];
  tabColor?: string;
  frozen?: string;
  pageLayout?: Record<string, unknown>;
  widths?: Record<number, number>;
  heights?: Record<number, number>;
  hiddenCols?: number[];
}

export interface FakeState {
  sheets: FakeSheet[];
  /** Notes by "Sheet!A1". */
  notes: Record<string, string>;
  comments: FakeThread[];
  /** Workbook structure protection (ExcelApi 1.7). */
  structureProtected?: boolean;
  selection: string | null;
  active: string | null;
  /** Charts added through worksheet.charts (ExcelApi 1.1), by sheet: what each is bound to and says. */
  charts?: FakeChartRecord[];
}

export interface FakeChartRecord {
  sheet: string;
  name: string;
  type: string;
  seriesBy: string | undefined;
  /** "Sheet!A1:B2" of the values, and of the category labels (setXAxisValues, 1.7). */
  source: string;
  xValues?: string;
  seriesName?: string;
  title?: string;
  valueTitle?: string;
  categoryTitle?: string;
  minimum?: number;
  maximum?: number;
  position?: [string, string | undefined];
}

/** A threaded comment: the thread's first comment, its author, whether resolved (1.11), and its replies. */
export interface FakeThread {
  id: string;
  cell: string;
  content: string;
  author?: string;
  resolved?: boolean;
  replies?: Array<{ id: string; content: string; author?: string }>;
}

export interface SyncRecord {
  commands: number;
  /** What the request sends. */
  bytes: number;
  /** What the response returns (loaded values, JSON). */
  response?: number;
}

/**
 * The Excel a fake stands for: the highest ExcelApi version it reports, and what the office.js it loaded lacks
 * ("Class" for a whole class, "Class.member" for one member). office.js's host files define the API; a copy bundled
 * with the add-in is frozen at its version while Office moves on.
 */
export interface FakeHost {
  name: string;
  excelApi: string;
  lacks: readonly string[];
}

/**
 * What @microsoft/office-js 1.1.110 (the last on npm, bundled by `--office-js bundled`) lacks of what the adapter uses:
 * its Excel files define no Workbook.notes, NoteCollection or Note (ExcelApi 1.18). test/office/fake.test.ts checks
 * this list against the package's own excel-*.js.
 */
export const BUNDLED_OFFICE_JS_LACKS: readonly string[] = ['Workbook.notes', 'NoteCollection', 'Note'];

export const FAKE_HOSTS = {
  /** Microsoft 365 / Excel on the web with office.js from Microsoft's CDN (always current). */
  current: { name: 'Microsoft 365, office.js from the CDN', excelApi: '1.18', lacks: [] },
  /** The same Excel with the bundled office.js: the host reports 1.18, the library has no notes. */
  bundled: { name: 'Microsoft 365 (ExcelApi 1.18), bundled office.js 1.1.110', excelApi: '1.18', lacks: BUNDLED_OFFICE_JS_LACKS },
  /** Volume-licensed Office 2021: threaded comments, no notes. */
  ltsc2021: { name: 'Excel 2021 LTSC (ExcelApi 1.14)', excelApi: '1.14', lacks: [] },
  /** Volume-licensed Office 2024: threaded comments, no notes. */
  ltsc2024: { name: 'Excel 2024 LTSC (ExcelApi 1.17)', excelApi: '1.17', lacks: [] },
  /** Office 2019: ExcelApi 1.8, no threads, no notes. */
  office2019: { name: 'Excel 2019 (ExcelApi 1.8)', excelApi: '1.8', lacks: [] },
} satisfies Record<string, FakeHost>;

/**
 * The requirement set of each member above the 1.7 baseline the fake provides (Microsoft's reference; office.js's
 * own excel-*.js name the same sets where they define the member, checked in test/office/fake.test.ts).
 */
export const FAKE_API_SETS: Readonly<Record<string, string>> = {
  'Workbook.notes': '1.18',
  'Workbook.comments': '1.10',
  'Comment.resolved': '1.11',
  'Range.dataValidation': '1.8',
  'Worksheet.getRanges': '1.9',
  'Worksheet.pageLayout': '1.9',
  'Worksheet.horizontalPageBreaks': '1.9',
  'Range.getMergedAreasOrNullObject': '1.13',
};

/** "1.10" ≤ "1.18": requirement-set versions compared as numbers, part by part. */
export function versionAtMost(need: string, have: string): boolean {
  const [a = 0, b = 0] = need.split('.').map(Number);
  const [x = 0, y = 0] = have.split('.').map(Number);
  return a < x || (a === x && b <= y);
}

/** Excel's limits the fake enforces. */
export const FAKE_LIMITS = { cellText: 32767, prompt: 255, payload: 5 * 1024 * 1024 };

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'FakeExcelError';
  }
}

const key = (r: number, c: number) => `${r},${c}`;
const size = (v: unknown) => (v === undefined ? 0 : JSON.stringify(v).length);

/** Min and max without spreading (a large used range has more cells than a call has arguments). */
function extent(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function cellRef(address: string): string {
  const p = parseQualified(address);
  return `${p.sheet}!${toA1(p.row, p.col)}`;
}

/** "A1", "B2:C3" → zero-based bounds. */
function bounds(address: string): { r: number; c: number; rows: number; cols: number } {
  const [a, b] = address.replace(/\$/g, '').split(':');
  const p = fromA1(a!);
  const q = b ? fromA1(b) : p;
  return { r: Math.min(p.row, q.row), c: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

type Item = { kind: 'op'; bytes: number; run: () => void; what?: string } | { kind: 'load'; run: () => void };

/** A range a sync changed (values or formulas written, cells inserted): what Worksheet.onChanged reports. */
export interface FakeChange {
  sheet: string;
  /** "A1:B2", without the sheet (as WorksheetChangedEventArgs.address). */
  address: string;
}

/** WorksheetChangedEventArgs (ExcelApi 1.7) as the fake gives them. */
export interface FakeChangedEvent {
  type: 'WorksheetChanged';
  changeType: 'RangeEdited';
  address: string;
  worksheetId: string;
  /** "Local": this context (this person's session) wrote; "Remote": someone else did. */
  source: 'Local' | 'Remote';
}

/**
 * Several pages (people) on one workbook: a sync first pulls the workbook as it is now, applies its batch, then
 * pushes the result and what it changed (the test side keeps the one workbook and tells the other pages).
 * `push(null, [])` after a failed batch: nothing changed.
 */
export interface FakeRelay {
  /**
   * The workbook before a batch, or null when this page holds it as it is already (its own last batch was the
   * last change). `ops`: the named operations of the batch about to run (e.g. "onChanged.add"), so a test can hold one.
   */
  pull(ops: string[]): Promise<FakeState | null>;
  /** After a batch: the workbook, or null when the batch only read (nothing to hand on), and the ranges it changed. */
  push(state: FakeState | null, changes: FakeChange[]): Promise<void>;
}

/**
 * What a co-author's copy records for the merge (test/support/coauthor.ts): which cells each sync wrote (by property
 * group: a value, a format, a note), and where rows were inserted or deleted. Writing a cell counts even when it
 * writes what the cell held: Excel's merge does not compare, the last writer's value stands.
 */
export interface FakeTracker {
  beginSync(): void;
  touch(sheet: FakeSheet, r: number, c: number, group: 'value' | 'format' | 'note'): void;
  inserted(sheet: FakeSheet, at: number, rows: number): void;
  deleted(sheet: FakeSheet, at: number, rows: number): void;
}

interface Listener {
  sheetId: string;
  view: FakeWorkbook;
  fn: (e: FakeChangedEvent) => unknown;
}

export class FakeWorkbook {
  state: FakeState;
  syncs: SyncRecord[] = [];
  private queue: Item[] = [];
  /** Shared by every context of this workbook (a context is a view with its own queue). */
  private readonly counters = { comment: 1, sheet: 1, response: 0 };
  /** The author of this context's threads and replies. */
  author = 'reviewer';
  /** Worksheet.onChanged handlers of every context (shared: views inherit this array). */
  private readonly listeners: Listener[] = [];
  /** Ranges the sync under way changed (per context). */
  private changed: FakeChange[] = [];
  /** Set by a test to share one workbook between pages (see FakeRelay). */
  relay: FakeRelay | null = null;
  /** With a relay, this page's batches go one at a time (shared by its contexts), as one Excel session sends them. */
  private readonly gate: { tail: Promise<void> } = { tail: Promise.resolve() };
  /** The Excel and office.js this workbook is open in (shared by every context). */
  host: FakeHost = FAKE_HOSTS.current;
  /** Set on a co-author's copy (test/support/coauthor.ts): records what each sync wrote. */
  tracker: FakeTracker | null = null;

  constructor(state?: Partial<FakeState>) {
    this.state = { sheets: [], notes: {}, comments: [], selection: null, active: null, ...state };
  }

  /** Office.context.requirements.isSetSupported as this host answers it (ExcelApi only). */
  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && versionAtMost(version, this.host.excelApi);
  }

  /** Does the loaded office.js lack this class or member? */
  lacks(member: string): boolean {
    return this.host.lacks.includes(member) || this.host.lacks.includes(member.split('.')[0]!);
  }

  /**
   * A member above the baseline, on access: false where the loaded office.js does not define it (the caller then
   * gives undefined, as a missing property is); ApiNotFound where the host does not report its set, as office.js
   * throws when a member's requirement set is not supported.
   */
  api(member: string): boolean {
    if (this.lacks(member)) return false;
    const set = FAKE_API_SETS[member];
    if (set && !this.isSetSupported('ExcelApi', set)) throw new FakeExcelError('ApiNotFound', `${member} needs ExcelApi ${set}; ${this.host.name} reports ${this.host.excelApi}`);
    return true;
  }

  /**
   * The `Excel` namespace of the loaded office.js as far as the fake goes: a constructor per class, whose prototype
   * has the members the fake provides, less what the library lacks (what an add-in inspects to learn whether its
   * office.js defines an API).
   */
  excelNamespace(): Record<string, { prototype: object }> {
    const out: Record<string, { prototype: object }> = {};
    for (const [name, members] of Object.entries(fakeClasses())) {
      if (this.lacks(name)) continue;
      const ctor = function FakeExcelClass(): void {} as unknown as { prototype: object };
      ctor.prototype = Object.fromEntries(members.filter((m) => !this.lacks(`${name}.${m}`)).map((m) => [m, true]));
      out[name] = ctor;
    }
    return out;
  }

  /** Worksheet.id of a sheet, given on first use (ids survive renames). */
  sheetId(s: FakeSheet): string {
    // Never an id another sheet has (pages sharing a workbook each count from 1).
    while (!s.id) {
      const id = `{sheet-${this.counters.sheet++}}`;
      if (!this.state.sheets.some((x) => x.id === id)) s.id = id;
    }
    return s.id;
  }

  /** Records a changed range for this sync's change events. */
  markChanged(sheet: string, address: string): void {
    this.changed.push({ sheet, address });
  }

  /**
   * Registers a Worksheet.onChanged handler (at sync, as Excel does); returns what removes it — queued, like every
   * command: the handler goes only when its context syncs (EventHandlerResult.remove, then context.sync()).
   */
  listen(sheetId: string, fn: Listener['fn']): { remove(): void } {
    const l: Listener = { sheetId, view: this, fn };
    this.op('onChanged.add', () => this.listeners.push(l));
    return {
      remove: () =>
        this.op('onChanged.remove', () => {
          const i = this.listeners.indexOf(l);
          if (i >= 0) this.listeners.splice(i, 1);
        }),
    };
  }

  /**
   * Tells the handlers of changed sheets, after the sync (never inside it): "Local" to the context that wrote,
   * "Remote" to the others. `from` null: the change came from another page (the relay).
   */
  deliver(changes: readonly FakeChange[], from: FakeWorkbook | null = null): void {
    for (const ch of changes) {
      const sheet = this.state.sheets.find((x) => x.name === ch.sheet);
      if (!sheet) continue;
      const id = this.sheetId(sheet);
      for (const l of this.listeners.filter((x) => x.sheetId === id)) {
        const e: FakeChangedEvent = { type: 'WorksheetChanged', changeType: 'RangeEdited', address: ch.address, worksheetId: id, source: from !== null && l.view === from ? 'Local' : 'Remote' };
        setTimeout(() => void l.fn(e), 0);
      }
    }
  }

  /** The workbook as another page left it (relay): the same state object, so every context sees it. */
  private replaceState(next: FakeState): void {
    const st = this.state as unknown as Record<string, unknown>;
    for (const k of Object.keys(st)) delete st[k];
    Object.assign(st, next);
  }

  private newId(prefix: string): string {
    const taken = new Set(this.state.comments.flatMap((c) => [c.id, ...(c.replies ?? []).map((r) => r.id)]));
    let id = `${prefix}-${this.counters.comment++}`;
    while (taken.has(id)) id = `${prefix}-${this.counters.comment++}`;
    return id;
  }

  /** Counts what a load returns in the sync under way. */
  countResponse(v: unknown): void {
    this.counters.response += size(v);
  }

  static fromJSON(json: string): FakeWorkbook {
    return new FakeWorkbook(JSON.parse(json) as FakeState);
  }

  toJSON(): FakeState {
    return this.state;
  }

  /** A sheet by name or by id (Worksheet.getItem takes either). */
  sheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => x.name === name) ?? this.state.sheets.find((x) => x.id === name);
    if (!s) throw new FakeExcelError('ItemNotFound', `worksheet "${name}" does not exist`);
    return s;
  }

  cell(sheet: string, r: number, c: number): FakeCell | undefined {
    return this.sheet(sheet).cells[key(r, c)];
  }

  /** A cell by "Sheet!A1" (for tests). */
  at(address: string): FakeCell | undefined {
    const p = parseQualified(address);
    return this.cell(p.sheet, p.row, p.col);
  }

  /**
   * A request context, typed as the adapter's surface: the fake's sub-objects are built dynamically (so unknown
   * property names throw at run time), which TypeScript cannot follow; the contract tests check the fit.
   */
  context(opts: { author?: string } = {}): XContext {
    // A view sharing the state, the sync log and the counters, with its own queue: another person's session.
    const view = Object.create(this) as FakeWorkbook;
    view.queue = [];
    if (opts.author) view.author = opts.author;
    return new FakeContext(view) as unknown as XContext;
  }

  /** Queues a write with the size of its arguments. */
  op(args: unknown, run: () => void): void {
    this.queue.push({ kind: 'op', bytes: 40 + size(args), run, ...(typeof args === 'string' ? { what: args } : {}) });
  }

  loadLater(run: () => void): void {
    this.queue.push({ kind: 'load', run });
  }

  async sync(): Promise<void> {
    const items = this.queue;
    this.queue = [];
    const bytes = items.reduce((a, i) => a + (i.kind === 'op' ? i.bytes : 40), 0);
    const record: SyncRecord = { commands: items.length, bytes, response: 0 };
    this.syncs.push(record);
    if (bytes > FAKE_LIMITS.payload) throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `${bytes} bytes in one request`);
    this.counters.response = 0;
    const relay = this.relay;
    let open: () => void = () => undefined;
    if (relay) {
      const prev = this.gate.tail;
      this.gate.tail = new Promise<void>((ok) => (open = ok));
      await prev;
    }
    this.changed = [];
    let ok = false;
    try {
      // Inside the try: a pull that fails still releases the workbook for the others.
      if (relay) {
        const next = await relay.pull(items.flatMap((i) => (i.kind === 'op' && i.what ? [i.what] : [])));
        if (next) this.replaceState(next);
      }
      this.tracker?.beginSync();
      for (const item of items) item.run();
      ok = true;
    } finally {
      // A batch of reads only changes nothing: the workbook is not sent back (a pane's reads are most batches).
      if (relay) await relay.push(ok && items.some((i) => i.kind === 'op') ? this.state : null, ok ? this.changed : []);
      open();
    }
    if (this.changed.length) this.deliver(this.changed, this);
    record.response = this.counters.response;
    if (record.response > FAKE_LIMITS.payload) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `${record.response} bytes in one response`);
  }

  newCommentId(): string {
    return this.newId('comment');
  }

  /** A note written on "Sheet!A1" (for a co-author's tracker). */
  touchNote(cell: string): void {
    if (!this.tracker) return;
    const p = parseQualified(cell);
    const s = this.state.sheets.find((x) => x.name === p.sheet);
    if (s) this.tracker.touch(s, p.row, p.col, 'note');
  }
}

/** Properties with a loaded value; reading others throws. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly wb: FakeWorkbook, private readonly what: string) {}
  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new FakeExcelError('PropertyNotLoaded', `${this.what}.${name} was read before load() and context.sync()`);
    return this.loaded.get(name) as T;
  }
  protected settle(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) {
      this.loaded.set(k, v);
      if (k !== 'items') this.wb.countResponse(v);
    }
  }
}

/** A bag of write-only properties (font, alignment …) that queue writes; reading or an unknown name throws. */
function writeOnly(wb: FakeWorkbook, what: string, allowed: string[], apply: (prop: string, value: unknown) => void): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === 'toJSON' || typeof prop === 'symbol') return undefined;
        throw new FakeExcelError('PropertyNotLoaded', `${what}.${String(prop)} was read before load() and context.sync()`);
      },
      set(_t, prop, value) {
        if (typeof prop !== 'string' || !allowed.includes(prop)) throw new FakeExcelError('InvalidArgument', `${what} has no property "${String(prop)}"`);
        wb.op(value, () => apply(prop, value));
        return true;
      },
    },
  );
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(wb);
  }
  sync(): Promise<void> {
    return this.wb.sync();
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeSheets;
  readonly protection: FakeStructure;
  private readonly notesProxy: FakeNotes;
  private readonly commentsProxy: FakeComments;
  constructor(private readonly wb: FakeWorkbook) {
    this.worksheets = new FakeSheets(wb);
    this.notesProxy = new FakeNotes(wb);
    this.commentsProxy = new FakeComments(wb);
    this.protection = new FakeStructure(wb);
  }
  /** ExcelApi 1.18; undefined with an office.js that has no notes (the bundled 1.1.110). */
  get notes(): FakeNotes | undefined {
    return this.wb.api('Workbook.notes') ? this.notesProxy : undefined;
  }
  /** ExcelApi 1.10. */
  get comments(): FakeComments | undefined {
    return this.wb.api('Workbook.comments') ? this.commentsProxy : undefined;
  }
}

/** WorkbookProtection (1.7): whether the structure (sheets added, deleted, renamed) is protected. */
class FakeStructure extends Loadable {
  constructor(wb: FakeWorkbook) {
    super(wb, 'WorkbookProtection');
  }
  get protected(): boolean {
    return this.read('protected');
  }
  load(): this {
    this.wb.loadLater(() => this.settle({ protected: this.wb.state.structureProtected === true }));
    return this;
  }
}

function structureCheck(wb: FakeWorkbook, what: string): void {
  if (wb.state.structureProtected) throw new FakeExcelError('AccessDenied', `the workbook's structure is protected: ${what}`);
}

class FakeSheets extends Loadable {
  constructor(wb: FakeWorkbook) {
    super(wb, 'WorksheetCollection');
  }
  get items(): FakeSheetProxy[] {
    return this.read('items');
  }
  load(props?: string): this {
    this.wb.loadLater(() => this.settle({ items: this.wb.state.sheets.map((s) => FakeSheetProxy.loaded(this.wb, s, props ?? '')) }));
    return this;
  }
  getItem(name: string): FakeSheetProxy {
    return new FakeSheetProxy(this.wb, name);
  }
  getItemOrNullObject(name: string): FakeSheetProxy {
    return new FakeSheetProxy(this.wb, name, true);
  }
  add(name: string): FakeSheetProxy {
    this.wb.op(name, () => {
      structureCheck(this.wb, `a sheet cannot be added`);
      if (this.wb.state.sheets.some((s) => s.name === name)) throw new FakeExcelError('ItemAlreadyExists', `worksheet "${name}" exists`);
      this.wb.state.sheets.push({ name, visibility: 'Visible', cells: {}, protection: null, merges: [] });
    });
    return new FakeSheetProxy(this.wb, name);
  }
}

class FakeSheetProxy extends Loadable {
  private nullObject: boolean | undefined;
  constructor(
    wb: FakeWorkbook,
    readonly sheetName: string,
    private readonly orNull = false,
  ) {
    super(wb, `Worksheet("${sheetName}")`);
  }
  static loaded(wb: FakeWorkbook, s: FakeSheet, props: string): FakeSheetProxy {
    const p = new FakeSheetProxy(wb, s.name);
    if (/name/.test(props)) p.settle({ name: s.name });
    if (/\bid\b|items\/id/.test(props)) p.settle({ id: wb.sheetId(s) });
    if (/visibility/.test(props)) p.settle({ visibility: s.visibility });
    return p;
  }
  private get s(): FakeSheet {
    return this.wb.sheet(this.sheetName);
  }
  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (this.nullObject === undefined) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject was read before context.sync()');
    return this.nullObject;
  }
  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.wb.op(v, () => (this.s.visibility = v as FakeSheet['visibility']));
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(v: string) {
    this.wb.op(v, () => (this.s.tabColor = v));
  }
  load(props?: string): this {
    this.wb.loadLater(() => {
      if (this.orNull) {
        this.nullObject = !this.wb.state.sheets.some((x) => x.name === this.sheetName || x.id === this.sheetName);
        if (this.nullObject) return;
      }
      this.settle({ name: this.s.name, id: this.wb.sheetId(this.s), visibility: this.s.visibility, tabColor: this.s.tabColor ?? '', ...(props ? {} : {}) });
    });
    return this;
  }
  delete(): void {
    this.wb.op(this.sheetName, () => {
      structureCheck(this.wb, 'a sheet cannot be deleted');
      const i = this.wb.state.sheets.indexOf(this.s);
      this.wb.state.sheets.splice(i, 1);
      for (const k of Object.keys(this.wb.state.notes)) if (k.startsWith(`${this.sheetName}!`)) delete this.wb.state.notes[k];
    });
  }
  activate(): void {
    this.wb.op(this.sheetName, () => void (this.wb.state.active = this.s.name));
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.wb, this.sheetName, { r: 0, c: 0, rows: 1048576, cols: 16384 });
    return new FakeRange(this.wb, this.sheetName, bounds(address));
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.wb, this.sheetName, { r, c, rows, cols });
  }
  /** ExcelApi 1.9. */
  get getRanges(): ((addresses: string) => { format: Record<string, unknown> }) | undefined {
    if (!this.wb.api('Worksheet.getRanges')) return undefined;
    return (addresses) => {
      const areas = addresses.split(',').map((a) => new FakeRange(this.wb, this.sheetName, bounds(a.trim())));
      // A RangeAreas formats every area alike: one command, applied to each.
      return { format: multiFormat(this.wb, areas) };
    };
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.wb, this.sheetName, null, valuesOnly === true);
  }
  /** ExcelApi 1.1 charts: added at sync, refused on a protected sheet (as Excel refuses objects there). */
  get charts(): FakeCharts {
    return new FakeCharts(this.wb, this.sheetName);
  }
  get protection(): Record<string, unknown> {
    const sheet = () => this.s;
    const proxy = new (class extends Loadable {
      get protected(): boolean {
        return this.read('protected');
      }
      get options(): Record<string, boolean> {
        return this.read('options');
      }
      load(): this {
        this.wb.loadLater(() => this.settle({ protected: sheet().protection !== null, options: { ...(sheet().protection?.options ?? {}) } }));
        return this;
      }
      protect(options?: Record<string, boolean>, password?: string): void {
        this.wb.op([options, password], () => {
          if (sheet().protection) throw new FakeExcelError('InvalidOperation', 'the sheet is already protected');
          sheet().protection = { options: options ?? {}, ...(password ? { password } : {}) };
        });
      }
      unprotect(password?: string): void {
        this.wb.op(password ?? null, () => {
          const p = sheet().protection;
          // BadPassword: "The password you supplied is incorrect." (Office's documented error codes).
          if (p?.password && p.password !== password) throw new FakeExcelError('BadPassword', 'the password does not match');
          sheet().protection = null;
        });
      }
    })(this.wb, 'WorksheetProtection');
    return proxy as unknown as Record<string, unknown>;
  }
  /** ExcelApi 1.7: Worksheet.onChanged (registered at sync; fired after any context's sync that changes the sheet). */
  get onChanged(): { add(fn: (e: FakeChangedEvent) => unknown): { remove(): void } } {
    return {
      add: (fn) => {
        const sheet = this.wb.state.sheets.find((x) => x.name === this.sheetName || x.id === this.sheetName);
        if (!sheet) throw new FakeExcelError('ItemNotFound', `worksheet "${this.sheetName}" does not exist`);
        return this.wb.listen(this.wb.sheetId(sheet), fn);
      },
    };
  }
  get freezePanes(): Record<string, unknown> {
    return {
      freezeRows: (n: number) => this.wb.op(n, () => (this.s.frozen = `rows:${n}`)),
      freezeAt: (r: FakeRange) => this.wb.op(r.describe(), () => (this.s.frozen = `at:${r.describe()}`)),
    };
  }
  /** ExcelApi 1.9. */
  get pageLayout(): Record<string, unknown> | undefined {
    if (!this.wb.api('Worksheet.pageLayout')) return undefined;
    const layout = () => (this.s.pageLayout ??= {});
    const props = ['orientation', 'paperSize', 'zoom', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'];
    const bag = writeOnly(this.wb, 'PageLayout', props, (p, v) => (layout()[p] = v));
    const sections = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];
    const headersFooters = { defaultForAllPages: writeOnly(this.wb, 'HeaderFooter', sections, (p, v) => (layout()[p] = v)) };
    const setter = (name: string) => (v: string) => this.wb.op(v, () => (layout()[name] = v));
    const methods: Record<string, unknown> = { setPrintTitleRows: setter('printTitleRows'), setPrintTitleColumns: setter('printTitleColumns'), setPrintArea: setter('printArea'), headersFooters };
    return new Proxy(bag, { get: (t, p) => (typeof p === 'string' && p in methods ? methods[p] : Reflect.get(t, p)) });
  }
  /** ExcelApi 1.9. */
  get horizontalPageBreaks(): Record<string, unknown> | undefined {
    if (!this.wb.api('Worksheet.horizontalPageBreaks')) return undefined;
    const layout = () => (this.s.pageLayout ??= {});
    return {
      add: (a: string) => this.wb.op(a, () => (layout().rowBreaks = [...((layout().rowBreaks as string[] | undefined) ?? []), a])),
      removePageBreaks: () => this.wb.op(0, () => (layout().rowBreaks = [])),
    };
  }
}

type Bounds = { r: number; c: number; rows: number; cols: number };

/** Excel's reading of typed text: numbers, percents, dates (yyyy-mm-dd, yyyy/m/d, yyyy-mm) and TRUE/FALSE. */
function typedValue(v: string): { value: Scalar; numberFormat?: string } | null {
  const t = v.trim();
  if (/^\d+(\.\d+)?([eE][+-]?\d+)?$|^\.\d+$/.test(t)) return { value: Number(t) };
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, numberFormat: '0%' };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const d = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(t);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), d[3] === undefined ? 1 : Number(d[3])];
    const ms = Date.UTC(y, m - 1, day);
    const back = new Date(ms);
    if (m >= 1 && m <= 12 && back.getUTCDate() === day) return { value: Math.round(ms / 86400000) + 25569, numberFormat: d[3] === undefined ? 'mmm-yy' : 'yyyy-mm-dd' };
  }
  return null;
}

function protectedCheck(wb: FakeWorkbook, sheet: FakeSheet, b: Bounds, valuesOnly: boolean): void {
  if (!sheet.protection) return;
  if (!valuesOnly) throw new FakeExcelError('AccessDenied', `"${sheet.name}" is protected: its cells cannot be formatted`);
  for (let r = b.r; r < b.r + b.rows; r++)
    for (let c = b.c; c < b.c + b.cols; c++) if (sheet.cells[key(r, c)]?.locked !== false) throw new FakeExcelError('AccessDenied', `"${sheet.name}"!${toA1(r, c)} is locked`);
  void wb;
}

/** Writes a value the way Excel takes typed input: "=…", "+…", "-…", "@…" are formulas; "'…" is text. */
function enter(cell: FakeCell, v: unknown): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'string') {
    if (v.startsWith("'")) {
      cell.value = v.slice(1);
      delete cell.formula;
      return;
    }
    if (/^[=+\-@]/.test(v) && v.length > 1) {
      cell.formula = v.startsWith('=') ? v.slice(1) : v;
      cell.value = null;
      return;
    }
    if (v === '') {
      cell.value = null;
      delete cell.formula;
      return;
    }
    if (cell.numberFormat !== '@') {
      const typed = typedValue(v);
      if (typed) {
        cell.value = typed.value;
        if (typed.numberFormat && (cell.numberFormat === undefined || cell.numberFormat === 'General')) cell.numberFormat = typed.numberFormat;
        delete cell.formula;
        return;
      }
    }
  }
  cell.value = v as Scalar;
  delete cell.formula;
}

/** A serial date as yyyy-mm-dd (the fake's one date format). */
function dateText(serial: number): string {
  return new Date((serial - 25569) * 86400000).toISOString().slice(0, 10);
}

function multiFormat(wb: FakeWorkbook, ranges: FakeRange[]): Record<string, unknown> {
  const each = (f: (r: FakeRange) => void) => ranges.forEach(f);
  const fmt = (p: string, v: unknown) => each((r) => r.applyFormat(p, v));
  const bag = writeOnly(wb, 'RangeFormat', ['wrapText', 'horizontalAlignment', 'verticalAlignment', 'columnWidth', 'rowHeight'], fmt);
  const sub = (name: string, allowed: string[]) => writeOnly(wb, `RangeFormat.${name}`, allowed, (p, v) => fmt(`${name}.${p}`, v));
  const font = sub('font', ['bold', 'italic', 'underline', 'color', 'size', 'name']);
  const protection = sub('protection', ['locked']);
  const fill = new Proxy(writeOnly(wb, 'RangeFill', ['color'], (_p, v) => fmt('fill', v)), {
    get(t, p) {
      if (p === 'clear') return () => wb.op('clear', () => each((r) => r.applyFormat('fill', null)));
      if (p === 'load' || p === 'color') {
        if (ranges.length !== 1) throw new FakeExcelError('InvalidOperation', 'RangeAreas fill cannot be loaded here');
        return Reflect.get(ranges[0]!.fillProxy(), p);
      }
      return Reflect.get(t, p);
    },
  });
  const borders = { getItem: (edge: string) => sub(`border.${edge}`, ['style', 'color']) };
  return new Proxy(bag, {
    get(t, p) {
      if (p === 'font') return font;
      if (p === 'fill') return fill;
      if (p === 'protection') return protection;
      if (p === 'borders') return borders;
      return Reflect.get(t, p);
    },
  });
}

/** A chart being built: its properties are recorded as set, and the record joins the workbook at sync. */
class FakeChart {
  constructor(readonly record: FakeChartRecord) {}
  set name(v: string) {
    this.record.name = v;
  }
  get title(): { text: string } {
    const r = this.record;
    return { set text(v: string) { r.title = v; }, get text() { return r.title ?? ''; } };
  }
  get axes(): Record<string, unknown> {
    const r = this.record;
    return {
      valueAxis: {
        title: { set text(v: string) { r.valueTitle = v; } },
        set minimum(v: number) { r.minimum = v; },
        set maximum(v: number) { r.maximum = v; },
      },
      categoryAxis: { title: { set text(v: string) { r.categoryTitle = v; } } },
    };
  }
  get series(): { getItemAt(i: number): Record<string, unknown> } {
    const r = this.record;
    return {
      getItemAt(i: number) {
        if (i !== 0) throw new FakeExcelError('InvalidArgument', 'the fake chart has one series');
        return {
          set name(v: string) { r.seriesName = v; },
          setXAxisValues(range: FakeRange) { r.xValues = range.describe().replace(/^[^!]*!/, `${r.sheet}!`); },
        };
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.record.position = [start, end];
  }
}

class FakeCharts {
  constructor(
    private readonly wb: FakeWorkbook,
    private readonly sheetName: string,
  ) {}
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    if (!type) throw new FakeExcelError('InvalidArgument', 'charts.add needs a chart type');
    // The sheet by its name (the adapter may have asked for it by its id).
    const sheet = this.wb.sheet(this.sheetName).name;
    const record: FakeChartRecord = { sheet, name: `Chart ${(this.wb.state.charts?.length ?? 0) + 1}`, type, seriesBy, source: source.describe().replace(/^[^!]*!/, `${sheet}!`) };
    this.wb.op(record, () => {
      if (this.wb.sheet(this.sheetName).protection) throw new FakeExcelError('AccessDenied', `"${this.sheetName}" is protected: a chart cannot be added`);
      (this.wb.state.charts ??= []).push(record);
    });
    return new FakeChart(record);
  }
  getItemOrNullObject(name: string): Record<string, unknown> {
    const wb = this.wb;
    const sheet = this.sheetName;
    let loaded = false;
    const find = () => wb.state.charts?.find((c) => c.sheet === wb.sheet(sheet).name && c.name === name);
    return {
      load() {
        wb.loadLater(() => void (loaded = true));
      },
      get isNullObject() {
        if (!loaded) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject was read before context.sync()');
        return !find();
      },
      delete() {
        wb.op(name, () => {
          if (wb.sheet(sheet).protection) throw new FakeExcelError('AccessDenied', `"${sheet}" is protected: a chart cannot be deleted`);
          wb.state.charts = (wb.state.charts ?? []).filter((c) => c !== find());
        });
      },
    };
  }
}

export class FakeRange extends Loadable {
  constructor(
    wb: FakeWorkbook,
    readonly sheetName: string,
    /** null: the used range, worked out at sync. */
    private b: Bounds | null,
    /** getUsedRange(true): only cells with values count. */
    private readonly valuesOnly = false,
    /** Range.getUsedRangeOrNullObject: the used range within these bounds. */
    private readonly within?: Bounds,
  ) {
    super(wb, `Range(${sheetName})`);
  }
  private nullObject: boolean | undefined;
  private fillLoaded: FakeFill | undefined;

  describe(): string {
    const b = this.b;
    return b ? `${this.sheetName}!${toA1(b.r, b.c)}:${toA1(b.r + b.rows - 1, b.c + b.cols - 1)}` : `${this.sheetName}!<used>`;
  }
  private get s(): FakeSheet {
    return this.wb.sheet(this.sheetName);
  }
  private resolve(): Bounds | null {
    if (this.b) return this.b;
    const keys = Object.entries(this.s.cells).filter(([, c]) => c.value !== null || c.formula !== undefined || (!this.valuesOnly && (c.numberFormat || c.fill)));
    const w = this.within;
    const pos = keys.map(([k]) => k.split(',').map(Number) as [number, number]).filter(([r, c]) => !w || (r >= w.r && r < w.r + w.rows && c >= w.c && c < w.c + w.cols));
    if (!pos.length) return null;
    const [r, r1] = extent(pos.map((p) => p[0]));
    const [c, c1] = extent(pos.map((p) => p[1]));
    return { r, c, rows: r1 - r + 1, cols: c1 - c + 1 };
  }
  private cellAt(r: number, c: number): FakeCell {
    const k = key(r, c);
    return (this.s.cells[k] ??= { value: null });
  }
  private forEach(f: (cell: FakeCell, r: number, c: number) => void): void {
    const b = this.b;
    if (!b) throw new FakeExcelError('InvalidOperation', 'cannot write to a used range proxy');
    for (let r = b.r; r < b.r + b.rows; r++) for (let c = b.c; c < b.c + b.cols; c++) f(this.cellAt(r, c), r - b.r, c - b.c);
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject was read before context.sync()');
    return this.nullObject;
  }
  private guard<T>(name: string): T {
    if (this.nullObject) throw new FakeExcelError('InvalidObjectPath', `${name} of a null object`);
    return this.read(name);
  }
  get values(): unknown[][] {
    return this.guard('values');
  }
  get numberFormat(): unknown[][] {
    return this.guard('numberFormat');
  }
  get formulas(): unknown[][] {
    return this.guard('formulas');
  }
  get rowIndex(): number {
    return this.guard('rowIndex');
  }
  get columnIndex(): number {
    return this.guard('columnIndex');
  }
  get rowCount(): number {
    return this.guard('rowCount');
  }
  get columnCount(): number {
    return this.guard('columnCount');
  }
  get address(): string {
    return this.guard('address');
  }
  get text(): unknown[][] {
    return this.guard('text');
  }
  load(props?: string): this {
    this.wb.loadLater(() => {
      const b = this.resolve();
      this.nullObject = b === null;
      if (!b) return;
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: b.rows }, (_x, r) => Array.from({ length: b.cols }, (_y, c) => f(this.s.cells[key(b.r + r, b.c + c)])));
      const want = (props ?? 'values,numberFormat,formulas,rowIndex,columnIndex,rowCount,columnCount,address').split(',').map((p) => p.trim());
      const all: Record<string, () => unknown> = {
        values: () => grid((x) => (x?.value ?? '') as unknown),
        numberFormat: () => grid((x) => x?.numberFormat ?? 'General'),
        formulas: () => grid((x) => (x?.formula !== undefined ? `=${x.formula}` : (x?.value ?? ''))),
        rowIndex: () => b.r,
        columnIndex: () => b.c,
        rowCount: () => b.rows,
        columnCount: () => b.cols,
        address: () => `${quoteSheet(this.s.name)}!${toA1(b.r, b.c)}${b.rows * b.cols > 1 ? `:${toA1(b.r + b.rows - 1, b.c + b.cols - 1)}` : ''}`,
        // What the cell shows: a date as its format shows it, other values as written.
        text: () => grid((x) => (x === undefined || x.value === null ? '' : typeof x.value === 'number' && /y/.test(x.numberFormat ?? '') ? dateText(x.value) : String(x.value))),
      };
      for (const p of want) {
        if (!all[p]) throw new FakeExcelError('InvalidArgument', `Range has no loadable property "${p}"`);
        this.settle({ [p]: all[p]!() });
      }
    });
    return this;
  }

  set values(v: unknown[][]) {
    this.setGrid(v);
  }
  set formulas(v: unknown[][]) {
    this.setGrid(v);
  }
  private setGrid(v: unknown[][]): void {
    this.wb.op(v, () => {
      const b = this.b!;
      if (v.length !== b.rows || v.some((row) => row.length !== b.cols)) throw new FakeExcelError('InvalidArgument', `a ${v.length}-row array does not fit ${this.describe()}`);
      protectedCheck(this.wb, this.s, b, true);
      for (const row of v) for (const x of row) if (typeof x === 'string' && x.length > FAKE_LIMITS.cellText) throw new FakeExcelError('InvalidArgument', `${x.length} characters: a cell holds at most ${FAKE_LIMITS.cellText}`);
      this.forEach((cell, r, c) => {
        enter(cell, v[r]![c]);
        // A null entry leaves the cell as it is (not a write, as in Excel).
        if (v[r]![c] !== null && v[r]![c] !== undefined) this.wb.tracker?.touch(this.s, b.r + r, b.c + c, 'value');
      });
      this.wb.markChanged(this.s.name, this.describe().slice(this.sheetName.length + 1));
    });
  }
  set numberFormat(v: unknown[][]) {
    this.wb.op(v, () => {
      protectedCheck(this.wb, this.s, this.b!, false);
      this.forEach((cell, r, c) => {
        const f = v[r]?.[c];
        if (typeof f === 'string') {
          cell.numberFormat = f;
          this.wb.tracker?.touch(this.s, this.b!.r + r, this.b!.c + c, 'format');
        }
      });
    });
  }
  set columnHidden(v: boolean) {
    this.wb.op(v, () => {
      const b = this.b!;
      const hidden = (this.s.hiddenCols ??= []);
      for (let c = b.c; c < b.c + b.cols; c++) if (v && !hidden.includes(c)) hidden.push(c);
      if (!v) this.s.hiddenCols = hidden.filter((c) => c < b.c || c >= b.c + b.cols);
    });
  }
  set hyperlink(h: FakeCell['hyperlink']) {
    this.wb.op(h, () => this.forEach((cell) => (cell.hyperlink = h ?? undefined)));
  }
  /** ExcelApi 1.8. */
  get dataValidation(): Record<string, unknown> | undefined {
    if (!this.wb.api('Range.dataValidation')) return undefined;
    return writeOnly(this.wb, 'DataValidation', ['rule', 'errorAlert', 'prompt'], (p, v) => {
      const message = (v as { message?: unknown } | null)?.message;
      if (typeof message === 'string' && message.length > FAKE_LIMITS.prompt) throw new FakeExcelError('InvalidArgument', `a validation ${p} holds at most ${FAKE_LIMITS.prompt} characters`);
      this.forEach((cell) => (cell.validation = { ...cell.validation, [p]: v }));
    });
  }
  /** Applies one format property (dotted for sub-objects) to every cell. */
  applyFormat(prop: string, value: unknown): void {
    protectedCheck(this.wb, this.s, this.b!, false);
    const b = this.b!;
    if (prop === 'columnWidth') {
      const w = (this.s.widths ??= {});
      for (let c = b.c; c < b.c + b.cols; c++) w[c] = value as number;
      return;
    }
    if (prop === 'rowHeight') {
      const h = (this.s.heights ??= {});
      for (let r = b.r; r < b.r + b.rows; r++) h[r] = value as number;
      return;
    }
    this.forEach((cell, r, c) => {
      this.wb.tracker?.touch(this.s, b.r + r, b.c + c, 'format');
      if (prop === 'fill') {
        if (value === null) delete cell.fill;
        else cell.fill = String(value).toUpperCase();
      } else if (prop === 'protection.locked') cell.locked = value as boolean;
      else cell.format = { ...cell.format, [prop]: value };
    });
  }
  get format(): Record<string, unknown> {
    return new Proxy(multiFormat(this.wb, [this]), {
      get: (t, p) => (p === 'fill' ? this.fillProxy() : Reflect.get(t, p)),
    });
  }
  fillProxy(): FakeFill {
    return (this.fillLoaded ??= new FakeFill(this.wb, this));
  }
  cells(): FakeCell[] {
    const out: FakeCell[] = [];
    this.forEach((c) => out.push(c));
    return out;
  }
  /** The cells as they are, for reading: a cell that holds nothing is not created (reading never adds to a sheet). */
  peek(): Array<FakeCell | undefined> {
    const b = this.b;
    if (!b) throw new FakeExcelError('InvalidOperation', 'cannot read a used range proxy this way');
    const out: Array<FakeCell | undefined> = [];
    for (let r = b.r; r < b.r + b.rows; r++) for (let c = b.c; c < b.c + b.cols; c++) out.push(this.s.cells[key(r, c)]);
    return out;
  }
  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used part of this range, worked out at sync. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (!this.b) throw new FakeExcelError('InvalidOperation', 'the fake takes the used range of an addressed range only');
    return new FakeRange(this.wb, this.sheetName, null, valuesOnly === true, this.b);
  }
  /** ExcelApi 1.13: the merged areas that intersect this range, addressed as Excel does ("S!A1:B2, S!D4:E4"). */
  get getMergedAreasOrNullObject(): (() => FakeMergedAreas) | undefined {
    if (!this.wb.api('Range.getMergedAreasOrNullObject')) return undefined;
    return () => this.mergedAreas();
  }
  private mergedAreas(): FakeMergedAreas {
    return new FakeMergedAreas(this.wb, () => {
      const b = this.b ?? this.resolve();
      if (!b) return [];
      return this.s.merges.filter((m) => {
        const a = bounds(m);
        return a.r < b.r + b.rows && b.r < a.r + a.rows && a.c < b.c + b.cols && b.c < a.c + a.cols;
      });
    }, this.sheetName);
  }
  /** Range.insert: rows (or cells) shifted down to make room; the sheet's cells below move with them. */
  insert(shift: string): void {
    this.wb.op([this.describe(), shift], () => {
      const b = this.b!;
      if (shift !== 'Down') throw new FakeExcelError('InvalidArgument', `the fake inserts only Down`);
      protectedCheck(this.wb, this.s, b, false);
      const moved: Record<string, FakeCell> = {};
      for (const [k, cell] of Object.entries(this.s.cells)) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        const shifts = r >= b.r && c >= b.c && c < b.c + b.cols;
        moved[shifts ? key(r + b.rows, c) : k] = cell;
      }
      this.s.cells = moved;
      this.wb.tracker?.inserted(this.s, b.r, b.rows);
      this.wb.markChanged(this.s.name, this.describe().slice(this.sheetName.length + 1));
      const notes = this.wb.state.notes;
      for (const k of Object.keys(notes)) {
        const bang = k.lastIndexOf('!');
        if (k.slice(0, bang) !== this.s.name) continue;
        const p = fromA1(k.slice(bang + 1));
        if (p.row >= b.r && p.col >= b.c && p.col < b.c + b.cols) {
          const text = notes[k]!;
          delete notes[k];
          notes[`${this.s.name}!${toA1(p.row + b.rows, p.col)}`] = text;
        }
      }
      for (const t of this.wb.state.comments) {
        const p = parseQualified(t.cell);
        if (p.sheet === this.s.name && p.row >= b.r && p.col >= b.c && p.col < b.c + b.cols) t.cell = `${this.s.name}!${toA1(p.row + b.rows, p.col)}`;
      }
    });
  }
  /**
   * Range.delete("Up") of whole rows (what a person does: the tool's surface has no delete): the rows go with their
   * cells, notes and threads; the rows below move up. Refused on a protected sheet (the tool protects its sheets
   * without allowing rows to be deleted).
   */
  delete(shift: string): void {
    this.wb.op([this.describe(), shift], () => {
      const b = this.b!;
      if (shift !== 'Up') throw new FakeExcelError('InvalidArgument', `the fake deletes only Up`);
      if (b.c !== 0 || b.cols !== 16384) throw new FakeExcelError('InvalidArgument', `the fake deletes whole rows only`);
      if (this.s.protection) throw new FakeExcelError('AccessDenied', `"${this.s.name}" is protected: rows cannot be deleted`);
      const end = b.r + b.rows;
      const up = (r: number): number | null => (r < b.r ? r : r < end ? null : r - b.rows);
      const moved: Record<string, FakeCell> = {};
      for (const [k, cell] of Object.entries(this.s.cells)) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        const to = up(r);
        if (to !== null) moved[key(to, c)] = cell;
      }
      this.s.cells = moved;
      this.s.merges = this.s.merges.flatMap((m) => {
        const a = bounds(m);
        if (a.r + a.rows <= b.r) return [m];
        if (a.r < end) return [];
        return [`${toA1(a.r - b.rows, a.c)}:${toA1(a.r - b.rows + a.rows - 1, a.c + a.cols - 1)}`];
      });
      this.wb.tracker?.deleted(this.s, b.r, b.rows);
      this.wb.markChanged(this.s.name, this.describe().slice(this.sheetName.length + 1));
      const notes = this.wb.state.notes;
      for (const k of Object.keys(notes)) {
        const bang = k.lastIndexOf('!');
        if (k.slice(0, bang) !== this.s.name) continue;
        const p = fromA1(k.slice(bang + 1));
        const to = up(p.row);
        if (to === p.row) continue;
        const text = notes[k]!;
        delete notes[k];
        if (to !== null) notes[`${this.s.name}!${toA1(to, p.col)}`] = text;
      }
      this.wb.state.comments = this.wb.state.comments.flatMap((t) => {
        const p = parseQualified(t.cell);
        if (p.sheet !== this.s.name) return [t];
        const to = up(p.row);
        return to === null ? [] : [{ ...t, cell: `${this.s.name}!${toA1(to, p.col)}` }];
      });
    });
  }
  unmerge(): void {
    this.wb.op(this.describe(), () => {
      const b = this.b!;
      protectedCheck(this.wb, this.s, b, false);
      this.s.merges = this.s.merges.filter((m) => {
        const a = bounds(m);
        return !(a.r >= b.r && a.r + a.rows <= b.r + b.rows && a.c >= b.c && a.c + a.cols <= b.c + b.cols);
      });
    });
  }
  merge(): void {
    this.wb.op(this.describe(), () => {
      protectedCheck(this.wb, this.s, this.b!, false);
      this.s.merges.push(this.describe().slice(this.sheetName.length + 1));
    });
  }
  select(): void {
    this.wb.op(this.describe(), () => {
      this.wb.sheet(this.sheetName); // the sheet must exist
      this.wb.state.selection = `${this.sheetName}!${toA1(this.b!.r, this.b!.c)}`;
    });
  }
  /** Range.clear(applyTo): "Contents" the values and formulas, "Formats" the rest, "All" (the default) both. */
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.wb.op([this.describe(), applyTo], () => {
      if (!['All', 'Contents', 'Formats'].includes(applyTo)) throw new FakeExcelError('InvalidArgument', `the fake clears All, Contents or Formats, not ${applyTo}`);
      protectedCheck(this.wb, this.s, this.b!, applyTo === 'Contents');
      const b = this.b!;
      if (this.wb.tracker)
        for (let r = b.r; r < b.r + b.rows; r++)
          for (let c = b.c; c < b.c + b.cols; c++) {
            if (applyTo !== 'Formats') this.wb.tracker.touch(this.s, r, c, 'value');
            if (applyTo !== 'Contents') this.wb.tracker.touch(this.s, r, c, 'format');
          }
      for (const k of Object.keys(this.s.cells)) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (!(r >= b.r && r < b.r + b.rows && c >= b.c && c < b.c + b.cols)) continue;
        const cell = this.s.cells[k]!;
        if (applyTo === 'All') delete this.s.cells[k];
        else if (applyTo === 'Contents') {
          cell.value = null;
          delete cell.formula;
        } else this.s.cells[k] = { value: cell.value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) };
      }
    });
  }
}

class FakeMergedAreas extends Loadable {
  private nullObject: boolean | undefined;
  constructor(
    wb: FakeWorkbook,
    private readonly areas: () => string[],
    private readonly sheetName: string,
  ) {
    super(wb, 'RangeAreas(merged)');
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject was read before context.sync()');
    return this.nullObject;
  }
  get address(): string {
    if (this.nullObject) throw new FakeExcelError('InvalidObjectPath', 'address of a null object');
    return this.read('address');
  }
  load(props?: string): this {
    if (props && props !== 'address') throw new FakeExcelError('InvalidArgument', `RangeAreas has no loadable property "${props}" here`);
    this.wb.loadLater(() => {
      const list = this.areas();
      this.nullObject = list.length === 0;
      if (list.length) this.settle({ address: list.map((a) => `${quoteSheet(this.sheetName)}!${a}`).join(', ') });
    });
    return this;
  }
}

class FakeFill extends Loadable {
  constructor(
    wb: FakeWorkbook,
    private readonly range: FakeRange,
  ) {
    super(wb, 'RangeFill');
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.wb.op(v, () => this.range.applyFormat('fill', v));
  }
  load(): this {
    this.wb.loadLater(() => {
      const fills = new Set(this.range.peek().map((c) => c?.fill ?? '#FFFFFF'));
      // Excel reads "#FFFFFF" for no fill, and null when the cells differ.
      this.settle({ color: fills.size === 1 ? [...fills][0] : null });
    });
    return this;
  }
  clear(): void {
    this.wb.op('clear', () => this.range.applyFormat('fill', null));
  }
}

class FakeNote extends Loadable {
  private nullObject: boolean | undefined;
  constructor(
    wb: FakeWorkbook,
    private readonly cell: string,
  ) {
    super(wb, `Note(${cell})`);
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject was read before context.sync()');
    return this.nullObject;
  }
  get content(): string {
    if (this.nullObject) throw new FakeExcelError('InvalidObjectPath', 'content of a null object');
    return this.read('content');
  }
  set content(v: string) {
    this.wb.op(v, () => {
      if (!(this.cell in this.wb.state.notes)) throw new FakeExcelError('ItemNotFound', `no note on ${this.cell}`);
      this.wb.state.notes[this.cell] = v;
      this.wb.touchNote(this.cell);
    });
  }
  load(): this {
    this.wb.loadLater(() => {
      const v = this.wb.state.notes[this.cell];
      this.nullObject = v === undefined;
      if (v !== undefined) this.settle({ content: v });
    });
    return this;
  }
  delete(): void {
    this.wb.op(this.cell, () => {
      if (!(this.cell in this.wb.state.notes)) throw new FakeExcelError('ItemNotFound', `no note on ${this.cell}`);
      delete this.wb.state.notes[this.cell];
      this.wb.touchNote(this.cell);
    });
  }
}

class FakeNotes {
  constructor(private readonly wb: FakeWorkbook) {}
  add(cellAddress: string, content: string): FakeNote {
    const cell = cellRef(cellAddress);
    this.wb.op([cellAddress, content], () => {
      const sheet = this.wb.sheet(cell.slice(0, cell.lastIndexOf('!')));
      if (sheet.protection) throw new FakeExcelError('AccessDenied', `"${sheet.name}" is protected: notes cannot be added`);
      if (cell in this.wb.state.notes) throw new FakeExcelError('InvalidOperation', `${cell} already has a note`);
      if (this.wb.state.comments.some((c) => c.cell === cell)) throw new FakeExcelError('InvalidOperation', `${cell} has a comment thread: one annotation per cell`);
      if (content.length > FAKE_LIMITS.cellText) throw new FakeExcelError('InvalidArgument', `a note holds at most ${FAKE_LIMITS.cellText} characters`);
      this.wb.state.notes[cell] = content;
      this.wb.touchNote(cell);
    });
    return new FakeNote(this.wb, cell);
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    return new FakeNote(this.wb, cellRef(cellAddress));
  }
}

class FakeComment extends Loadable {
  constructor(
    wb: FakeWorkbook,
    private readonly ref: () => FakeThread | undefined,
  ) {
    super(wb, 'Comment');
  }
  private get c(): FakeThread {
    const c = this.ref();
    if (!c) throw new FakeExcelError('ItemNotFound', 'the comment does not exist');
    return c;
  }
  get id(): string {
    return this.read('id');
  }
  get content(): string {
    return this.read('content');
  }
  set content(v: string) {
    this.wb.op(v, () => (this.c.content = v));
  }
  get authorName(): string {
    return this.read('authorName');
  }
  /** ExcelApi 1.11. */
  get resolved(): boolean {
    this.wb.api('Comment.resolved');
    return this.read('resolved');
  }
  set resolved(v: boolean) {
    this.wb.api('Comment.resolved');
    this.wb.op(v, () => (this.c.resolved = v));
  }
  private repliesProxy: FakeReplies | undefined;
  get replies(): FakeReplies {
    return (this.repliesProxy ??= new FakeReplies(this.wb, () => this.c));
  }
  load(): this {
    this.wb.loadLater(() => this.settle(threadProps(this.c)));
    return this;
  }
  /** Deletes the thread with all its replies, as Comment.delete() does. */
  delete(): void {
    this.wb.op('delete', () => {
      const c = this.c;
      this.wb.state.comments = this.wb.state.comments.filter((x) => x !== c);
    });
  }
  getLocation(): FakeRange {
    const loc = new FakeLocation(this.wb, () => this.c.cell);
    return loc as unknown as FakeRange;
  }
}

const threadProps = (c: FakeThread) => ({ id: c.id, content: c.content, authorName: c.author ?? 'reviewer', resolved: c.resolved === true });

/** A thread's replies: loaded with their authors; a reply is added by the context's author. */
class FakeReplies extends Loadable {
  constructor(
    wb: FakeWorkbook,
    private readonly thread: () => FakeThread,
  ) {
    super(wb, 'CommentReplyCollection');
  }
  get items(): Array<{ id: string; content: string; authorName: string }> {
    return this.read('items');
  }
  load(): this {
    this.wb.loadLater(() => this.settle({ items: (this.thread().replies ?? []).map((r) => ({ id: r.id, content: r.content, authorName: r.author ?? 'reviewer' })) }));
    return this;
  }
  add(content: string): void {
    const id = this.wb.newCommentId();
    const author = this.wb.author;
    this.wb.op(content, () => (this.thread().replies ??= []).push({ id, content, author }));
  }
}

class FakeLocation extends Loadable {
  constructor(
    wb: FakeWorkbook,
    private readonly cell: () => string,
  ) {
    super(wb, 'Range(comment location)');
  }
  get address(): string {
    return this.read('address');
  }
  load(): this {
    this.wb.loadLater(() => this.settle({ address: this.cell() }));
    return this;
  }
}

class FakeComments extends Loadable {
  constructor(wb: FakeWorkbook) {
    super(wb, 'CommentCollection');
  }
  get items(): FakeComment[] {
    return this.read('items');
  }
  load(): this {
    this.wb.loadLater(() =>
      this.settle({
        items: this.wb.state.comments.map((c) => {
          const p = new FakeComment(this.wb, () => this.wb.state.comments.find((x) => x.id === c.id));
          (p as unknown as { settle(v: Record<string, unknown>): void }).settle(threadProps(c));
          return p;
        }),
      }),
    );
    return this;
  }
  add(cellAddress: string, content: string): FakeComment {
    const cell = cellRef(cellAddress);
    const id = this.wb.newCommentId();
    const author = this.wb.author;
    this.wb.op([cellAddress, content], () => {
      const sheet = this.wb.sheet(cell.slice(0, cell.lastIndexOf('!')));
      // As in Excel's own "New Comment", which a protected sheet disables unless objects may be edited.
      if (sheet.protection && !sheet.protection.options?.allowEditObjects) throw new FakeExcelError('AccessDenied', `"${sheet.name}" is protected: comments cannot be added`);
      if (this.wb.state.comments.some((c) => c.cell === cell)) throw new FakeExcelError('InvalidOperation', `${cell} already has a comment thread`);
      // A legacy note — the applicant's, in a file from any Excel — is there even where the API cannot see notes
      // (LTSC, the bundled office.js). Office documents no specific code for this refusal; InvalidOperation ("The
      // operation attempted is invalid on the object") is the documented one that fits. The adapter relies only on
      // it not being a protection code (AccessDenied, BadPassword).
      if (cell in this.wb.state.notes) throw new FakeExcelError('InvalidOperation', `${cell} has a note: one annotation per cell`);
      this.wb.state.comments.push({ id, cell, content, author });
    });
    return new FakeComment(this.wb, () => this.wb.state.comments.find((x) => x.id === id));
  }
  getItem(id: string): FakeComment {
    return new FakeComment(this.wb, () => this.wb.state.comments.find((x) => x.id === id));
  }
}

/** Members every office.js object has from OfficeExtension.ClientObject. */
const CLIENT_OBJECT = ['isNullObject', 'load', 'toJSON'];

/** The fake's objects by the Excel class each stands for, with the members each provides (for excelNamespace). */
function fakeClasses(): Record<string, string[]> {
  const members = (cls: { prototype: object }) => {
    const out = new Set(CLIENT_OBJECT);
    for (let p: object | null = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null)
      for (const m of Object.getOwnPropertyNames(p)) if (m !== 'constructor') out.add(m);
    return [...out];
  };
  return {
    Workbook: [...members(FakeWorkbookProxy), 'worksheets', 'protection'],
    WorkbookProtection: members(FakeStructure),
    WorksheetCollection: members(FakeSheets),
    Worksheet: members(FakeSheetProxy),
    Range: members(FakeRange),
    RangeFill: members(FakeFill),
    RangeAreas: [...CLIENT_OBJECT, 'address', 'format'],
    NoteCollection: members(FakeNotes),
    Note: members(FakeNote),
    CommentCollection: members(FakeComments),
    Comment: members(FakeComment),
    CommentReplyCollection: members(FakeReplies),
    DataValidation: [...CLIENT_OBJECT, 'rule', 'errorAlert', 'prompt'],
    PageLayout: [...CLIENT_OBJECT, 'orientation', 'paperSize', 'zoom', 'headersFooters', 'setPrintTitleRows', 'setPrintTitleColumns', 'setPrintArea'],
    PageBreakCollection: [...CLIENT_OBJECT, 'add', 'removePageBreaks'],
    HeaderFooterGroup: [...CLIENT_OBJECT, 'defaultForAllPages'],
    HeaderFooter: [...CLIENT_OBJECT, 'leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'],
  };
}
