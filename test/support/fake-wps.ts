/**
 * A strict fake of the part of the WPS 表格 object model the adapter uses (src/wps/surface.ts), for tests
 * without WPS. Like WPS (and Excel's VBA model it follows), and stricter than a mock on purpose:
 * - collections are 1-based: Sheets.Item(0) or Item(Count + 1) raises, as does an unknown sheet name;
 * - colours are BGR integers: Interior.Color reads 16777215 (white) for no fill, anything but an integer in
 *   0…0xFFFFFF raises; ColorIndex = xlNone (-4142) clears the fill;
 * - Value2 and Formula of one cell are scalars, of several a 2-D array; writing a 2-D array of the wrong shape
 *   raises; NumberFormat of several cells is their common format or null; a multi-area range cannot be read;
 * - written text is entered as typed text is: "=…" becomes a formula, "001" the number 1, "TRUE" a boolean,
 *   unless the cell is formatted "@" or the text begins with an apostrophe (which is not kept);
 * - writing anything (values, formats, comments, merges) to a locked cell of a protected sheet raises;
 *   comments are drawing objects, which the tool's protection covers (DrawingObjects = true), so adding, changing
 *   or deleting a comment on a protected sheet raises even on an unlocked cell, as Excel's VBA model does;
 *   Unprotect with a wrong password raises; Select raises unless the sheet is in front; AddComment raises on a
 *   cell with a comment; a name over 31 characters, with []:*?/\ or already taken raises; the last visible sheet
 *   cannot be hidden; a multi-area address over 255 characters raises;
 * - setting a property the object model does not have raises (every object is closed to new properties);
 * - every property read, property write and method call is counted (`calls`), so tests and `npm run bench` can
 *   say how the calls grow with a sheet.
 *
 * No Node imports: the browser test bundles this file as the page's `window.Application`.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the object model's objects are plain objects with accessors that reach the fake (`const fake = this`). */
import { fromA1, toA1 } from '../../src/core/index.js';
import type { WApplication, WComment, WRange, WSheets, WWorkbook, WWorksheet } from '../../src/wps/surface.js';

export type Scalar = string | number | boolean | null;

export interface WpsCell {
  value: Scalar;
  /** Without "=". */
  formula?: string;
  numberFormat?: string;
  /** Interior.Color as BGR; absent = no fill. */
  color?: number;
  locked?: boolean;
  comment?: string;
  style?: Record<string, unknown>;
  hyperlink?: { address: string; subAddress?: string; screenTip?: string; text?: string };
  validation?: { type: number; alert?: number; formula1?: unknown; formula2?: unknown; input?: string; error?: string };
}

export interface WpsSheet {
  name: string;
  /** -1 visible, 0 hidden, 2 very hidden. */
  visible: -1 | 0 | 2;
  cells: Record<string, WpsCell>;
  /** Protection: the password ('' for none) and the Allow… flags given. */
  protection: { password: string; options?: boolean[] } | null;
  /** Merged areas, "A1:B2". */
  merges: string[];
  hiddenCols?: number[];
  widths?: Record<number, number>;
  heights?: Record<number, number>;
  tabColor?: number;
  frozen?: { rows: number; cols: number };
  pageSetup?: Record<string, unknown>;
}

export interface WpsState {
  sheets: WpsSheet[];
  /** The sheet in front. */
  active: string | null;
  /** "Sheet!A1" of the last Select. */
  selection: string | null;
  /** No workbook open (ActiveWorkbook is null). */
  noWorkbook?: boolean;
}

export class FakeWpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FakeWpsError';
  }
}

const XL_NONE = -4142;
const WHITE = 0xffffff;
const key = (r: number, c: number) => `${r},${c}`;

interface Area {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

function parseArea(a: string): Area {
  const [x, y] = a.replace(/\$/g, '').split(':');
  const p = fromA1(x!);
  const q = y ? fromA1(y) : p;
  if (q.row < p.row || q.col < p.col) throw new FakeWpsError(`bad range ${a}`);
  return { r: p.row, c: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}
const areaText = (a: Area) => (a.rows === 1 && a.cols === 1 ? toA1(a.r, a.c) : `${toA1(a.r, a.c)}:${toA1(a.r + a.rows - 1, a.c + a.cols - 1)}`);
const inside = (a: Area, r: number, c: number) => r >= a.r && r < a.r + a.rows && c >= a.c && c < a.c + a.cols;
const overlaps = (a: Area, b: Area) => a.r < b.r + b.rows && b.r < a.r + a.rows && a.c < b.c + b.cols && b.c < a.c + a.cols;

/** Typed text as WPS enters it (unless the cell is text-formatted). */
function enter(v: unknown, textFormat: boolean): { value: Scalar; formula?: string } {
  if (v === undefined || v === null || v === '') return { value: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (typeof v !== 'string') throw new FakeWpsError(`cannot write ${typeof v}`);
  if (textFormat) return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (/^[=]/.test(v) && v.length > 1) return { value: null, formula: v.slice(1) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return { value: Number(v) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(v.trim())) return { value: Number(v.trim().slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(v)) return { value: v.toLowerCase() === 'true' };
  return { value: v };
}

export class FakeWps {
  /** Every property read, property write and method call on the object model. */
  calls = 0;
  readonly application: WApplication;
  /**
   * A co-author's edits waiting for the tool's first cell write on a sheet (WPS co-editing: another person's edit
   * reaches the workbook between two calls of the object model, i.e. between the tool's read and its write).
   */
  private readonly pending = new Map<string, Array<(sheet: WpsSheet) => void>>();

  constructor(readonly state: WpsState) {
    const fake = this;
    const workbook = this.workbook();
    const window = this.seal({
      get SplitRow() {
        return fake.tick(), fake.front().frozen?.rows ?? 0;
      },
      set SplitRow(v: number) {
        fake.tick();
        const s = fake.front();
        s.frozen = { rows: v, cols: s.frozen?.cols ?? 0 };
      },
      get SplitColumn() {
        return fake.tick(), fake.front().frozen?.cols ?? 0;
      },
      set SplitColumn(v: number) {
        fake.tick();
        const s = fake.front();
        s.frozen = { rows: s.frozen?.rows ?? 0, cols: v };
      },
      get FreezePanes() {
        return fake.tick(), fake.front().frozen !== undefined;
      },
      set FreezePanes(v: boolean) {
        fake.tick();
        if (!v) delete fake.front().frozen;
      },
    });
    this.application = this.seal({
      get ActiveWorkbook() {
        fake.tick();
        return fake.state.noWorkbook ? null : workbook;
      },
      get ActiveWindow() {
        fake.tick();
        return fake.state.noWorkbook ? null : window;
      },
      get ActiveSheet() {
        fake.tick();
        const s = fake.state.active ? fake.state.sheets.find((x) => x.name === fake.state.active) : undefined;
        return s ? fake.worksheet(s) : null;
      },
    });
  }

  sheet(name: string): WpsSheet {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** A cell by "Sheet!A1" (undefined when it holds nothing). */
  at(address: string): WpsCell | undefined {
    const bang = address.lastIndexOf('!');
    const p = fromA1(address.slice(bang + 1));
    return this.sheet(address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'")).cells[key(p.row, p.col)];
  }

  private tick(): void {
    this.calls++;
  }

  /**
   * Runs `edit` (a co-author's edit, made on the sheet's cells directly) just before the next cell write the object
   * model receives on `sheet`: what another person types while an action of the tool is between its read and its write.
   */
  beforeNextWrite(sheet: string, edit: (sheet: WpsSheet) => void): void {
    const list = this.pending.get(sheet) ?? [];
    list.push(edit);
    this.pending.set(sheet, list);
  }

  /**
   * Runs `edit` (a co-editor's sheets arriving: another WPS user's summary or record, added on their side) just before
   * the next Sheets.Add the object model receives: two users adding the same sheet at once. WPS delivers the other's
   * sheet between two calls, so the tool's own sheet is added beside it and naming it as the other's then raises, as
   * WPS's (and Excel's VBA) Worksheet.Name does for a name another sheet has.
   */
  beforeNextAdd(edit: (state: WpsState) => void): void {
    this.pendingAdds.push(edit);
  }
  private readonly pendingAdds: Array<(state: WpsState) => void> = [];

  private interleave(s: WpsSheet): void {
    const list = this.pending.get(s.name);
    if (!list?.length) return;
    this.pending.delete(s.name);
    for (const edit of list) edit(s);
  }

  private seal<T extends object>(o: T): T {
    return Object.preventExtensions(o);
  }

  private front(): WpsSheet {
    if (!this.state.active) throw new FakeWpsError('no sheet in front');
    return this.sheet(this.state.active);
  }

  private workbook(): WWorkbook {
    const fake = this;
    const sheets: WSheets = this.seal({
      get Count() {
        fake.tick();
        return fake.state.sheets.length;
      },
      Item(index: number | string) {
        fake.tick();
        const s = typeof index === 'number' ? fake.state.sheets[index - 1] : fake.state.sheets.find((x) => x.name === index);
        // 1-based: Item(0) and Item(Count + 1) are errors, as are names the workbook does not have.
        if (!s || (typeof index === 'number' && (!Number.isInteger(index) || index < 1))) throw new FakeWpsError(`Sheets.Item(${JSON.stringify(index)}): subscript out of range`);
        return fake.worksheet(s);
      },
      Add(before?: WWorksheet, after?: WWorksheet) {
        fake.tick();
        for (const edit of fake.pendingAdds.splice(0)) edit(fake.state);
        let n = fake.state.sheets.length + 1;
        while (fake.state.sheets.some((s) => s.name === `Sheet${n}`)) n++;
        const s: WpsSheet = { name: `Sheet${n}`, visible: -1, cells: {}, protection: null, merges: [] };
        const at = after ? fake.indexOf(after) + 1 : before ? fake.indexOf(before) : fake.state.sheets.length;
        fake.state.sheets.splice(at, 0, s);
        fake.state.active = s.name;
        return fake.worksheet(s);
      },
    });
    return this.seal({
      get Name() {
        fake.tick();
        return 'book.xlsx';
      },
      get Worksheets() {
        fake.tick();
        return sheets;
      },
    });
  }

  private indexOf(ws: WWorksheet): number {
    const name = (ws as unknown as { __sheet: WpsSheet }).__sheet.name;
    return this.state.sheets.findIndex((s) => s.name === name);
  }

  private worksheet(s: WpsSheet): WWorksheet {
    const fake = this;
    const live = () => {
      if (!fake.state.sheets.includes(s)) throw new FakeWpsError(`the sheet ${s.name} was deleted`);
      return s;
    };
    const protection = this.seal({
      get AllowFormattingCells() {
        return fake.tick(), live().protection?.options?.[0] ?? false;
      },
      get AllowFormattingColumns() {
        return fake.tick(), live().protection?.options?.[1] ?? false;
      },
      get AllowFormattingRows() {
        return fake.tick(), live().protection?.options?.[2] ?? false;
      },
      get AllowInsertingRows() {
        return fake.tick(), live().protection?.options?.[3] ?? false;
      },
      get AllowDeletingRows() {
        return fake.tick(), live().protection?.options?.[4] ?? false;
      },
    });
    const tab = this.seal({
      get Color() {
        return fake.tick(), live().tabColor ?? XL_NONE;
      },
      set Color(v: number) {
        fake.tick();
        live().tabColor = fake.bgr(v);
      },
    });
    const hyperlinks = this.seal({
      Add(anchor: WRange, address: string, subAddress?: string, screenTip?: string, text?: string) {
        fake.tick();
        const a = (anchor as unknown as { __areas: Area[] }).__areas[0]!;
        const c = fake.writable(live(), a.r, a.c);
        c.hyperlink = { address, subAddress, screenTip, text };
        if (text !== undefined) c.value = text;
        return {};
      },
    });
    const pageSetup = this.seal({
      set Orientation(v: number) {
        fake.tick();
        (live().pageSetup ??= {}).orientation = v;
      },
      set Zoom(v: number | boolean) {
        fake.tick();
        (live().pageSetup ??= {}).zoom = v;
      },
      set FitToPagesWide(v: number | boolean) {
        fake.tick();
        (live().pageSetup ??= {}).wide = v;
      },
      set FitToPagesTall(v: number | boolean) {
        fake.tick();
        (live().pageSetup ??= {}).tall = v;
      },
      set PrintTitleRows(v: string) {
        fake.tick();
        (live().pageSetup ??= {}).titleRows = v;
      },
    }) as unknown as WWorksheet['PageSetup'];
    const ws = {
      __sheet: s,
      get Name() {
        return fake.tick(), live().name;
      },
      set Name(v: string) {
        fake.tick();
        if (!v || v.length > 31 || /[[\]:*?/\\]/.test(v) || /^'|'$/.test(v)) throw new FakeWpsError(`invalid sheet name ${v}`);
        if (fake.state.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new FakeWpsError(`a sheet named ${v} exists`);
        if (fake.state.active === live().name) fake.state.active = v;
        s.name = v;
      },
      get Index() {
        fake.tick();
        return fake.state.sheets.indexOf(live()) + 1;
      },
      /**
       * Deletes the sheet. WPS asks the user first when the sheet holds anything (unless DisplayAlerts is off, which
       * the fake does not model): such a delete raises here, so only an empty sheet can go; nor can the last visible one.
       */
      Delete() {
        fake.tick();
        const sheet = live();
        if (Object.keys(sheet.cells).length) throw new FakeWpsError(`deleting ${sheet.name} would ask the user first: it holds cells`);
        if (sheet.visible === -1 && fake.state.sheets.filter((x) => x.visible === -1).length === 1) throw new FakeWpsError('the last visible sheet cannot be deleted');
        fake.state.sheets.splice(fake.state.sheets.indexOf(sheet), 1);
        if (fake.state.active === sheet.name) fake.state.active = fake.state.sheets.find((x) => x.visible === -1)?.name ?? null;
      },
      get Visible() {
        return fake.tick(), live().visible;
      },
      set Visible(v: number) {
        fake.tick();
        if (v !== -1 && v !== 0 && v !== 2) throw new FakeWpsError(`Visible = ${v}`);
        if (v !== -1 && !fake.state.sheets.some((x) => x !== s && x.visible === -1)) throw new FakeWpsError('the last visible sheet cannot be hidden');
        live().visible = v;
        if (v !== -1 && fake.state.active === s.name) fake.state.active = fake.state.sheets.find((x) => x.visible === -1)!.name;
      },
      get UsedRange() {
        fake.tick();
        return fake.range(live(), [fake.used(live())]);
      },
      Range(address: string) {
        fake.tick();
        if (address.length > 255) throw new FakeWpsError(`address over 255 characters (${address.length})`);
        return fake.range(live(), address.split(',').map(parseArea));
      },
      get ProtectContents() {
        return fake.tick(), live().protection !== null;
      },
      get Protection() {
        return fake.tick(), protection;
      },
      Protect(password?: string, _d?: boolean, _c?: boolean, _s?: boolean, _u?: boolean, ...allow: Array<boolean | undefined>) {
        fake.tick();
        // Allow…: formatting cells, columns, rows; inserting columns, rows, hyperlinks; deleting columns, rows.
        live().protection = { password: password ?? '', options: [allow[0], allow[1], allow[2], allow[4], allow[7]].map((x) => x === true) };
      },
      Unprotect(password?: string) {
        fake.tick();
        const p = live().protection;
        if (p && p.password !== (password ?? '')) throw new FakeWpsError('the password is not correct');
        s.protection = null;
      },
      Activate() {
        fake.tick();
        if (live().visible !== -1) throw new FakeWpsError(`cannot activate hidden sheet ${s.name}`);
        fake.state.active = s.name;
      },
      get Tab() {
        return fake.tick(), tab;
      },
      get Hyperlinks() {
        return fake.tick(), hyperlinks;
      },
      get PageSetup() {
        return fake.tick(), pageSetup;
      },
    };
    return this.seal(ws) as unknown as WWorksheet;
  }

  /** The used range: every cell holding a value, formula, format or comment (A1 when there is none). */
  private used(s: WpsSheet): Area {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const k of Object.keys(s.cells)) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? { r: 0, c: 0, rows: 1, cols: 1 } : { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  private bgr(v: unknown): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > WHITE) throw new FakeWpsError(`not a BGR colour: ${String(v)}`);
    return v;
  }

  /** A cell to write to: raises on a locked cell of a protected sheet. */
  private writable(s: WpsSheet, r: number, c: number): WpsCell {
    this.interleave(s);
    const cell = s.cells[key(r, c)];
    if (s.protection && cell?.locked !== false) throw new FakeWpsError(`${s.name}!${toA1(r, c)} is locked on a protected sheet`);
    return cell ?? (s.cells[key(r, c)] = { value: null });
  }

  /** A cell whose comment is written: comments are drawing objects, refused on any cell of a protected sheet. */
  private commentable(s: WpsSheet, r: number, c: number): WpsCell {
    if (s.protection) throw new FakeWpsError(`${s.name}!${toA1(r, c)}: comments cannot be edited on a protected sheet`);
    return this.writable(s, r, c);
  }

  private each(s: WpsSheet, areas: Area[], fn: (r: number, c: number) => void): void {
    for (const a of areas) for (let r = a.r; r < a.r + a.rows; r++) for (let c = a.c; c < a.c + a.cols; c++) fn(r, c);
  }

  /** Drops cells left holding nothing (so the used range shrinks as in WPS). */
  private tidy(s: WpsSheet, r: number, c: number): void {
    const cell = s.cells[key(r, c)];
    if (cell && cell.value === null && cell.formula === undefined && cell.numberFormat === undefined && cell.color === undefined && cell.locked === undefined && cell.comment === undefined && !cell.style && !cell.hyperlink && !cell.validation)
      delete s.cells[key(r, c)];
  }

  private range(s: WpsSheet, areas: Area[]): WRange {
    const fake = this;
    const one = () => {
      if (areas.length !== 1) throw new FakeWpsError('a multi-area range cannot be read');
      return areas[0]!;
    };
    const single = () => {
      const a = one();
      if (a.rows !== 1 || a.cols !== 1) throw new FakeWpsError('one cell expected');
      return a;
    };
    const cellAt = (r: number, c: number) => s.cells[key(r, c)];
    const read = (get: (c: WpsCell | undefined) => unknown) => {
      const a = one();
      if (a.rows === 1 && a.cols === 1) return get(cellAt(a.r, a.c));
      return Array.from({ length: a.rows }, (_, i) => Array.from({ length: a.cols }, (_, j) => get(cellAt(a.r + i, a.c + j))));
    };
    const write = (v: unknown) => {
      const a = one();
      const grid = Array.isArray(v) ? (v as unknown[][]) : null;
      if (grid && (grid.length !== a.rows || grid.some((row) => !Array.isArray(row) || row.length !== a.cols)))
        throw new FakeWpsError(`a ${grid.length}×${grid[0]?.length ?? 0} array written to ${a.rows}×${a.cols} cells`);
      fake.each(s, [a], (r, c) => {
        const x = grid ? grid[r - a.r]![c - a.c] : v;
        const cell = fake.writable(s, r, c);
        const e = enter(x, cell.numberFormat === '@');
        cell.value = e.value;
        if (e.formula !== undefined) cell.formula = e.formula;
        else delete cell.formula;
        fake.tidy(s, r, c);
      });
    };
    const common = (get: (c: WpsCell | undefined) => unknown) => {
      let first: unknown;
      let set = false;
      for (const a of areas)
        for (let r = a.r; r < a.r + a.rows; r++)
          for (let c = a.c; c < a.c + a.cols; c++) {
            const v = get(cellAt(r, c));
            if (!set) [first, set] = [v, true];
            else if (v !== first) return null;
          }
      return first;
    };
    const setAll = (fn: (cell: WpsCell) => void) => fake.each(s, areas, (r, c) => fn(fake.writable(s, r, c)));
    const style = (name: string) => ({
      get() {
        throw new FakeWpsError(`${name} is write-only in this fake`);
      },
      set(v: unknown) {
        fake.tick();
        setAll((cell) => ((cell.style ??= {})[name] = v));
      },
    });
    const interior = this.seal({
      get Color() {
        fake.tick();
        return common((c) => c?.color ?? WHITE) as number;
      },
      set Color(v: number) {
        fake.tick();
        const bgr = fake.bgr(v);
        setAll((cell) => (cell.color = bgr));
      },
      get ColorIndex() {
        fake.tick();
        return common((c) => (c?.color === undefined ? XL_NONE : 0)) as number;
      },
      set ColorIndex(v: number) {
        fake.tick();
        if (v !== XL_NONE) throw new FakeWpsError('only ColorIndex = xlNone is modelled');
        fake.each(s, areas, (r, c) => {
          delete fake.writable(s, r, c).color;
          fake.tidy(s, r, c);
        });
      },
    });
    const font = this.seal(Object.defineProperties({}, { Name: style('font.name'), Size: style('font.size'), Bold: style('font.bold'), Italic: style('font.italic'), Underline: style('font.underline'), Color: style('font.color') }));
    const borders = this.seal({
      Item(i: number) {
        fake.tick();
        if (![7, 8, 9, 10].includes(i)) throw new FakeWpsError(`Borders.Item(${i})`);
        return fake.seal(Object.defineProperties({}, { LineStyle: style(`border${i}.style`), Color: style(`border${i}.color`) }));
      },
    });
    const validation = this.seal({
      Add(type: number, alert?: number, _op?: number, formula1?: unknown, formula2?: unknown) {
        fake.tick();
        const a = single();
        const cell = fake.writable(s, a.r, a.c);
        if (cell.validation) throw new FakeWpsError('the cell has a validation rule: Delete it first');
        cell.validation = { type, alert, formula1, formula2 };
      },
      Delete() {
        fake.tick();
        fake.each(s, areas, (r, c) => {
          if (cellAt(r, c)?.validation) delete fake.writable(s, r, c).validation;
        });
      },
      set InputMessage(v: string) {
        fake.tick();
        const a = single();
        const cell = fake.writable(s, a.r, a.c);
        if (!cell.validation) throw new FakeWpsError('no validation rule');
        if (v.length > 255) throw new FakeWpsError('a validation message is at most 255 characters');
        cell.validation.input = v;
      },
      set ErrorMessage(v: string) {
        fake.tick();
        const a = single();
        const cell = fake.writable(s, a.r, a.c);
        if (!cell.validation) throw new FakeWpsError('no validation rule');
        if (v.length > 255) throw new FakeWpsError('a validation message is at most 255 characters');
        cell.validation.error = v;
      },
      set ShowInput(_v: boolean) {
        fake.tick();
      },
      set ShowError(_v: boolean) {
        fake.tick();
      },
    }) as unknown as WRange['Validation'];
    const comment = (r: number, c: number): WComment =>
      fake.seal({
        Text(text?: string) {
          fake.tick();
          const cell = cellAt(r, c);
          if (cell?.comment === undefined) throw new FakeWpsError('the comment was deleted');
          if (text !== undefined) fake.commentable(s, r, c).comment = text;
          return cellAt(r, c)!.comment!;
        },
        Delete() {
          fake.tick();
          delete fake.commentable(s, r, c).comment;
          fake.tidy(s, r, c);
        },
      });
    const mergedOf = (r: number, c: number) => s.merges.map(parseArea).find((m) => inside(m, r, c));
    const range = {
      __areas: areas,
      get Row() {
        return fake.tick(), one().r + 1;
      },
      get Column() {
        return fake.tick(), one().c + 1;
      },
      get Rows() {
        fake.tick();
        return fake.seal({
          get Count() {
            return fake.tick(), one().rows;
          },
        });
      },
      get Columns() {
        fake.tick();
        return fake.seal({
          get Count() {
            return fake.tick(), one().cols;
          },
        });
      },
      get Value2() {
        fake.tick();
        return read((c) => (c?.value === null || c?.value === undefined ? undefined : c.value));
      },
      set Value2(v: unknown) {
        fake.tick();
        write(v);
      },
      get Formula() {
        fake.tick();
        return read((c) => (c?.formula !== undefined ? `=${c.formula}` : c?.value === null || c?.value === undefined ? '' : typeof c.value === 'boolean' ? (c.value ? 'TRUE' : 'FALSE') : String(c.value)));
      },
      set Formula(v: unknown) {
        fake.tick();
        write(v);
      },
      get NumberFormat() {
        fake.tick();
        return common((c) => c?.numberFormat ?? 'General') as string | null;
      },
      set NumberFormat(v: string | null) {
        fake.tick();
        if (typeof v !== 'string') throw new FakeWpsError('NumberFormat must be text');
        fake.each(s, areas, (r, c) => {
          const cell = fake.writable(s, r, c);
          if (v === 'General') delete cell.numberFormat;
          else cell.numberFormat = v;
          fake.tidy(s, r, c);
        });
      },
      get Interior() {
        return fake.tick(), interior;
      },
      get Font() {
        return fake.tick(), font;
      },
      get Borders() {
        return fake.tick(), borders;
      },
      HorizontalAlignment: undefined as unknown,
      VerticalAlignment: undefined as unknown,
      WrapText: undefined as unknown,
      get Locked() {
        fake.tick();
        return common((c) => c?.locked !== false) as boolean;
      },
      set Locked(v: boolean) {
        fake.tick();
        setAll((cell) => {
          if (v) delete cell.locked;
          else cell.locked = false;
        });
      },
      get MergeCells() {
        fake.tick();
        let any = false;
        let all = true;
        fake.each(s, areas, (r, c) => {
          if (mergedOf(r, c)) any = true;
          else all = false;
        });
        return all ? true : any ? null : false;
      },
      get MergeArea() {
        fake.tick();
        const a = single();
        const m = mergedOf(a.r, a.c);
        return fake.range(s, [m ?? a]);
      },
      Merge() {
        fake.tick();
        const a = one();
        const area = parseArea(areaText(a));
        if (s.merges.some((m) => overlaps(parseArea(m), area))) throw new FakeWpsError(`${areaText(a)} overlaps a merged area`);
        fake.each(s, [a], (r, c) => void (s.protection && fake.writable(s, r, c)));
        s.merges.push(areaText(a));
      },
      UnMerge() {
        fake.tick();
        s.merges = s.merges.filter((m) => !areas.some((a) => overlaps(parseArea(m), a)));
      },
      set ColumnWidth(v: number) {
        fake.tick();
        for (let c = one().c; c < one().c + one().cols; c++) (s.widths ??= {})[c] = v;
      },
      set RowHeight(v: number) {
        fake.tick();
        for (let r = one().r; r < one().r + one().rows; r++) (s.heights ??= {})[r] = v;
      },
      get EntireColumn() {
        fake.tick();
        return fake.seal({
          set Hidden(v: boolean) {
            fake.tick();
            const a = one();
            const cols = Array.from({ length: a.cols }, (_, i) => a.c + i);
            const now = new Set(s.hiddenCols ?? []);
            for (const c of cols) {
              if (v) now.add(c);
              else now.delete(c);
            }
            s.hiddenCols = [...now].sort((x, y) => x - y);
          },
        });
      },
      get EntireRow() {
        fake.tick();
        return fake.seal({
          Insert() {
            fake.tick();
            if (s.protection) throw new FakeWpsError('rows cannot be inserted on a protected sheet');
            const a = one();
            const moved: Record<string, WpsCell> = {};
            for (const [k, cell] of Object.entries(s.cells)) {
              const [r, c] = k.split(',').map(Number) as [number, number];
              moved[key(r >= a.r ? r + a.rows : r, c)] = cell;
            }
            s.cells = moved;
            s.merges = s.merges.map((m) => {
              const x = parseArea(m);
              return x.r >= a.r ? areaText({ ...x, r: x.r + a.rows }) : m;
            });
          },
        });
      },
      get Comment() {
        fake.tick();
        const a = single();
        return cellAt(a.r, a.c)?.comment === undefined ? null : comment(a.r, a.c);
      },
      AddComment(text?: string) {
        fake.tick();
        const a = single();
        const cell = fake.commentable(s, a.r, a.c);
        if (cell.comment !== undefined) throw new FakeWpsError(`${s.name}!${toA1(a.r, a.c)} has a comment already`);
        cell.comment = text ?? '';
        return comment(a.r, a.c);
      },
      get Validation() {
        return fake.tick(), validation;
      },
      Address(rowAbs = true, colAbs = true) {
        fake.tick();
        const abs = (t: string) => t.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${colAbs ? '$' : ''}${c}${rowAbs ? '$' : ''}${r}`);
        return areas.map((a) => abs(areaText(a))).join(',');
      },
      Select() {
        fake.tick();
        if (fake.state.active !== s.name) throw new FakeWpsError(`select: ${s.name} is not the sheet in front`);
        fake.state.selection = `${s.name}!${areaText(one())}`;
        return true;
      },
      ClearContents() {
        fake.tick();
        fake.each(s, areas, (r, c) => {
          const cell = cellAt(r, c);
          if (!cell) return;
          const w = fake.writable(s, r, c);
          w.value = null;
          delete w.formula;
          delete w.hyperlink;
          fake.tidy(s, r, c);
        });
        return true;
      },
      ClearFormats() {
        fake.tick();
        fake.each(s, areas, (r, c) => {
          const cell = cellAt(r, c);
          if (!cell) return;
          const w = fake.writable(s, r, c);
          delete w.numberFormat;
          delete w.color;
          delete w.style;
          delete w.locked;
          fake.tidy(s, r, c);
        });
        return true;
      },
    };
    for (const name of ['HorizontalAlignment', 'VerticalAlignment', 'WrapText']) Object.defineProperty(range, name, { ...style(name), enumerable: true });
    return this.seal(range) as unknown as WRange;
  }
}
