/**
 * A SheetModel is a plain description of what to write into a worksheet: values, formulas, styles, notes,
 * links, validation, protection. Report builders produce it; the ExcelJS adapter and the Office.js adapter
 * both render it, so the CLI's summary and the add-in's summary are the same sheet.
 *
 * Values are always literal: a string that begins with "=" is text. Only `formula` writes a formula, and only
 * builders set it, from the rulebook and the layout — never from workbook text.
 */
import type { Status } from '../types.js';

export type StyleKey =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'header'
  | 'label'
  | 'text'
  | 'wrap'
  | 'computed'
  | 'input'
  | 'applicantInput'
  | 'applicantInputWrap'
  | 'locked'
  | 'lockedWrap'
  | 'group'
  | 'muted'
  | 'link'
  | 'doc.title'
  | 'doc.text'
  | 'doc.cell'
  | `status.${Status}`
  | `verdict.${'vetoed' | 'ineligible' | 'failed' | 'incomplete' | 'passed'}`;

export interface StyleDef {
  /** "#RRGGBB" */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontColor?: string;
  size?: number;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  border?: boolean;
}

/**
 * Flag colours. A flag is seen against the cells around it — the light-yellow input cells, white, the grey label and
 * locked cells, the headers — so each colour keeps at least 3:1 against every fill the templates use (WCAG 2.1,
 * 1.4.11 non-text contrast) while the black text of the flagged cell stays readable on it (4.5:1): a relative
 * luminance between 0.175 and 0.207, one lightness for all five. Apart, they are told by hue, chosen so the five stay
 * distinguishable under protanopia, deuteranopia and tritanopia (CIELAB ΔE ≥ 20 between any two, simulated), and
 * every flag also says its status in words (note or thread, summary, legend), so colour is never the only signal.
 * test/core/flag-contrast.test.ts measures every pair. The earlier, lighter palette: ./colour.ts.
 */
export const FLAG_FILL: Record<'fail' | 'veto' | 'invalid' | 'missing' | 'warn', string> = {
  fail: '#C7564A',
  veto: '#EA1288',
  invalid: '#8064D4',
  missing: '#9F6E03',
  warn: '#1B8390',
};

export const FLAGGED_STATUSES: ReadonlyArray<Status> = ['veto', 'fail', 'invalid', 'missing', 'warn'];

export const STYLES: Record<StyleKey, StyleDef> = {
  title: { bold: true, size: 15, valign: 'middle' },
  subtitle: { italic: true, fontColor: '#595959', wrap: true },
  section: { bold: true, size: 12, fill: '#D9E1F2', border: true },
  header: { bold: true, fill: '#DDDDDD', border: true, align: 'center', valign: 'middle', wrap: true },
  label: { bold: true, fill: '#F2F2F2', border: true, wrap: true, valign: 'top' },
  text: { border: true, valign: 'top' },
  wrap: { border: true, wrap: true, valign: 'top' },
  computed: { fill: '#F2F2F2', border: true, align: 'center' },
  input: { fill: '#FFFFFF', border: true, align: 'center' },
  applicantInput: { fill: '#FFF7D6', border: true },
  locked: { fill: '#EDEDED', border: true, fontColor: '#7F7F7F' },
  // The same, wrapped: a text too long for its column prints whole on more lines (./row-heights.ts chooses them).
  applicantInputWrap: { fill: '#FFF7D6', border: true, wrap: true, valign: 'top' },
  lockedWrap: { fill: '#EDEDED', border: true, fontColor: '#7F7F7F', wrap: true, valign: 'top' },
  group: { bold: true, fill: '#D9E1F2', border: true },
  muted: { fontColor: '#7F7F7F', italic: true, wrap: true },
  link: { fontColor: '#0563C1', underline: true, border: true },
  // The round's documents (papers): a centred title, plain lines of text, table cells centred.
  'doc.title': { bold: true, size: 16, align: 'center', valign: 'middle' },
  'doc.text': { wrap: true, valign: 'middle' },
  'doc.cell': { border: true, wrap: true, valign: 'middle', align: 'center' },
  // Status and verdict cells wrap: a long status (a monitoring verdict with its article) prints whole on more lines.
  'status.pass': { fill: '#E8F3E8', border: true, align: 'center', wrap: true },
  'status.na': { fill: '#F2F2F2', border: true, align: 'center', fontColor: '#7F7F7F', wrap: true },
  'status.review': { fill: '#E5E0F2', border: true, align: 'center', wrap: true },
  'status.fail': { fill: FLAG_FILL.fail, border: true, align: 'center', bold: true, wrap: true },
  'status.veto': { fill: FLAG_FILL.veto, border: true, align: 'center', bold: true, wrap: true },
  'status.invalid': { fill: FLAG_FILL.invalid, border: true, align: 'center', bold: true, wrap: true },
  'status.missing': { fill: FLAG_FILL.missing, border: true, align: 'center', bold: true, wrap: true },
  'status.warn': { fill: FLAG_FILL.warn, border: true, align: 'center', wrap: true },
  'verdict.passed': { fill: '#BFE3C8', bold: true, size: 13, border: true, wrap: true },
  'verdict.incomplete': { fill: FLAG_FILL.missing, bold: true, size: 13, border: true, wrap: true },
  'verdict.failed': { fill: FLAG_FILL.fail, bold: true, size: 13, border: true, wrap: true },
  'verdict.ineligible': { fill: FLAG_FILL.fail, bold: true, size: 13, border: true, wrap: true },
  'verdict.vetoed': { fill: FLAG_FILL.veto, bold: true, size: 13, border: true, wrap: true },
};

export type CellValue = string | number | boolean | null;

export interface Validation {
  kind: 'list' | 'whole' | 'decimal';
  /** For lists. */
  values?: string[];
  min?: number;
  max?: number;
  /** "warning" lets the value stand after a prompt (scores outside the weight are reported, not refused). */
  severity?: 'stop' | 'warning';
  prompt?: string;
}

/** Who types into a cell; the tool never overwrites these on a re-run. */
export type InputRole = 'applicant' | 'expert';

export interface CellModel {
  /** Zero-based. */
  row: number;
  col: number;
  value?: CellValue;
  /** A formula without "=", always a plain one: Office.js cannot enter legacy array formulas, so builders use none. */
  formula?: string;
  /** The value the formula gives now, stored so viewers that do not recalculate still show it. */
  result?: CellValue;
  numberFormat?: string;
  style?: StyleKey;
  note?: string;
  /** Internal link target, sheet-qualified ("指标表!F20"). */
  link?: string;
  input?: InputRole;
  validation?: Validation;
}

export interface SheetModel {
  name: string;
  cells: CellModel[];
  /** Column widths in characters, by zero-based column. */
  widths?: number[];
  /** Row heights in points, by zero-based row. */
  heights?: Record<number, number>;
  /** Zero-based inclusive ranges [r1, c1, r2, c2]. */
  merges?: Array<[number, number, number, number]>;
  freeze?: { rows: number; cols: number };
  /** Page setup for printing (A4 always); both renderers apply it. Built by `pagePrint` (./print.ts). */
  print?: PrintSetup;
  /** Protect with input cells unlocked; no password unless one is given. */
  protect?: { password?: string };
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Zero-based columns to hide (helper cells of formulas). */
  hiddenCols?: number[];
  tabColor?: string;
  /** Live charts bound to cells (./charts.ts); the .xlsx adapter writes them, the pane offers its own. */
  charts?: ChartModel[];
}

/** A header or footer field: the page number, the number of pages, the sheet's name. */
export type PrintField = 'page' | 'pages' | 'sheet';
export type PrintPart = string | { field: PrintField };
/** A header or footer: its left, centre and right sections. */
export interface PrintText {
  left?: PrintPart[];
  center?: PrintPart[];
  right?: PrintPart[];
}

/** How a sheet prints. Paper is always A4; rows and columns are zero-based. */
export interface PrintSetup {
  landscape: boolean;
  /** One page wide, as many pages down as needed. */
  fitToWidth: boolean;
  /** Percent, when not fitted to width (a sheet too wide to fit legibly prints across pages at this scale). */
  scale?: number;
  /** Rows printed at the top of every page (the table's header). */
  repeatRows?: [number, number];
  /** Columns printed at the left of every page across (which application a row is). */
  repeatCols?: [number, number];
  /** The same on every page: what the sheet is about, page numbers. */
  header?: PrintText;
  footer?: PrintText;
  /** Rows that begin a new page (manual breaks: a table or a signature block kept on one page). */
  rowBreaks?: number[];
  /** What prints, [r1, c1, r2, c2], when not the whole sheet (a limited column set). */
  area?: [number, number, number, number];
  /** Page margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** Excel's (and LibreOffice's, and Office.js's) header/footer code: &L…&C…&R, fields as &P &N &A, "&" doubled. */
export function printCode(text: PrintText | undefined): string {
  if (!text) return '';
  const section = (code: string, parts: PrintPart[] | undefined) => (parts?.length ? code + printSectionCode(parts) : '');
  return section('&L', text.left) + section('&C', text.center) + section('&R', text.right);
}

/** One section's code (Office.js sets each section on its own). */
export function printSectionCode(parts: PrintPart[] | undefined): string {
  return (parts ?? []).map((p) => (typeof p === 'string' ? p.replace(/&/g, '&&') : p.field === 'page' ? '&P' : p.field === 'pages' ? '&N' : '&A')).join('');
}

/**
 * The font every sheet is written in, chosen for the PCs that print them: 宋体 (SimSun) is on every Chinese Windows
 * since 95 and is WPS's default, where 等线 exists only with Office 2016 and later. Its widths are plain: a Chinese
 * character, a full-width sign or punctuation one em; a Latin letter, digit or space half an em. Column widths are
 * in the workbook's default-font digits (Calibri 11, 7 px), so at 11 pt a Chinese character takes 14.67 px = 2.1
 * units and a digit 1.05. Rows planned at LINE_PT per line hold 宋体's 14.3 pt lines, and the test font's too.
 */
export const SHEET_FONT = '宋体';
const UNITS_PER_EM_AT_11 = 2.1;
/** A line of `size` pt text, in points (宋体 11 pt: 14.3; planned with room). */
export const LINE_PT = (size: number): number => Math.ceil(size * 1.45);

/** Width of a text in column units at `size` pt, in 宋体 (one em for CJK and full-width, half an em otherwise). */
export function textUnits(text: string, size = 11): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += c >= 0x1100 && !(c >= 0xff61 && c <= 0xffdc) ? 1 : 0.5;
  }
  return (em * UNITS_PER_EM_AT_11 * size) / 11;
}

/**
 * Lines a text takes in a column `width` units wide: each paragraph broken where the next character would not fit
 * (Latin words are not split by a spreadsheet: a word is kept whole when it fits a line), less the cell's padding.
 */
export function textLines(text: string, width: number, size = 11): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const para of text.split('\n')) {
    let n = 1;
    let used = 0;
    for (const token of para.match(/[A-Za-z0-9.,:;%()+\-/]+|[\s\S]/gu) ?? []) {
      const w = textUnits(token, size);
      if (used + w > room && used > 0) {
        n++;
        used = 0;
      }
      // A token wider than a line (a long number) is broken where the line ends.
      const extra = w > room ? Math.ceil(w / room) - 1 : 0;
      n += extra;
      used += w - extra * room;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Collects cells row by row; builders stay readable. */
export class SheetBuilder {
  readonly cells: CellModel[] = [];
  readonly merges: Array<[number, number, number, number]> = [];
  readonly heights: Record<number, number> = {};
  row = 0;

  set(row: number, col: number, cell: Omit<CellModel, 'row' | 'col'>): CellModel {
    const c = { row, col, ...cell };
    this.cells.push(c);
    return c;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r2 > r1 || c2 > c1) this.merges.push([r1, c1, r2, c2]);
  }

  /**
   * Makes a row tall enough for wrapped text in a column `width` characters wide (`size` pt text): spreadsheets do
   * not grow rows for text written by a program, so the height is planned from the font's widths (`textLines`).
   */
  fit(row: number, text: string, width: number, size = 11): void {
    const h = Math.min(409, Math.max(LINE_PT(size), textLines(text, width, size) * LINE_PT(size) + 4));
    if (h > (this.heights[row] ?? 0)) this.heights[row] = h;
  }

  next(n = 1): number {
    const r = this.row;
    this.row += n;
    return r;
  }
}

/*
 * What Excel accepts, enforced once for every model both renderers write: a workbook that breaks any of these
 * opens with a "repair" prompt (or not at all). Text is cut with a visible mark, never silently.
 */
export const EXCEL_LIMITS = {
  /** Characters in a cell, and in a note. */
  cellText: 32767,
  /** A sheet name: at most 31 characters, none of []:*?/\ , not beginning or ending with an apostrophe. */
  sheetName: 31,
  /** Data validation: input prompt and error message texts; prompt and error titles. */
  validationText: 255,
  validationTitle: 32,
  /** A list validation's formula: the quoted, comma-separated values. */
  listFormula: 255,
} as const;

/** Text cut to `max` characters, ending with the visible mark when it was cut (a surrogate pair is never split). */
export function clampText(text: string, max: number, mark: string): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = Math.max(0, max - mark.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end) + mark, cut: true };
}

/** A sheet name Excel accepts: forbidden characters replaced, apostrophes trimmed from the ends, at most 31. */
export function safeSheetName(name: string, fallback = 'Sheet'): string {
  // Control characters are refused by Excel in sheet names, as are []:*?/\ .
  let s = Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('').replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '');
  s = Array.from(s).slice(0, EXCEL_LIMITS.sheetName).join('');
  while (s.length > EXCEL_LIMITS.sheetName) s = s.slice(0, -1);
  s = s.replace(/'+$/, '');
  return s.trim() ? s : fallback;
}

const finiteOrNull = (v: CellValue | undefined): CellValue | undefined => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

/**
 * The model as Excel accepts it: texts and notes within 32,767 characters (cut with `mark`), no Infinity or NaN
 * (left blank), validation texts and list formulas within their limits (a list too long is dropped: a cell
 * without a drop-down is valid, a workbook with a long one is not), the sheet name valid. Returns a new model and
 * how many cells were cut; applying it again changes nothing.
 */
export function safeModel(model: SheetModel, mark: string): { model: SheetModel; truncated: number } {
  let truncated = 0;
  const text = (s: string) => {
    const r = clampText(s, EXCEL_LIMITS.cellText, mark);
    if (r.cut) truncated++;
    return r.text;
  };
  const cells = model.cells.map((c) => {
    const out: CellModel = { ...c };
    const value = finiteOrNull(c.value);
    if (value !== undefined) out.value = typeof value === 'string' ? text(value) : value;
    const result = finiteOrNull(c.result);
    if (result !== undefined) out.result = typeof result === 'string' ? text(result) : result;
    if (c.note !== undefined) out.note = text(c.note);
    if (c.validation) {
      const v = { ...c.validation };
      if (v.prompt !== undefined) v.prompt = clampText(v.prompt, EXCEL_LIMITS.validationText, '…').text;
      if (v.min !== undefined && !Number.isFinite(v.min)) delete v.min;
      if (v.max !== undefined && !Number.isFinite(v.max)) delete v.max;
      const listOk = v.kind !== 'list' || ((v.values ?? []).every((x) => !x.includes(',') && !x.includes('"')) && `"${(v.values ?? []).join(',')}"`.length <= EXCEL_LIMITS.listFormula);
      if (listOk) out.validation = v;
      else delete out.validation;
    }
    return out;
  });
  return { model: { ...model, name: safeSheetName(model.name), cells }, truncated };
}

/** The mark renderers cut with when a model reaches them unchecked (plans cut first, in the reviewer's language). */
export const TRUNCATED_MARK = '…[已截断]';

/** A block of cells, zero-based inclusive, on a named sheet. A series is one row or one column of it. */
export interface ChartRange {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type ChartMarker = 'circle' | 'square' | 'diamond' | 'triangle' | 'x' | 'star' | 'plus' | 'dash';

export interface ChartSeriesModel {
  /** The series' name in the legend (literal text). */
  name: string;
  /** `bar`: columns; `line`: a line without markers; `points`: markers without a line. */
  type: 'bar' | 'line' | 'points';
  values: ChartRange;
  /** "#RRGGBB" */
  colour: string;
  marker?: ChartMarker;
  dash?: boolean;
  /** A vertical line up from each value by this much (an error bar): the quota line between two bars. */
  rise?: number;
  /** Bars: one colour per point (each expert's total in that expert's colour). */
  pointColours?: string[];
}

export interface ChartModel {
  /** Unique on its sheet; the drawing names the chart by it, so a re-run finds and replaces the tool's own charts. */
  name: string;
  title: string;
  xTitle: string;
  yTitle: string;
  /** The category labels (one row or column, as long as each series). */
  categories: ChartRange;
  series: ChartSeriesModel[];
  /** Bars of several series stacked in one column (a bar's colour then says which series it is). */
  stacked?: boolean;
  /** Columns drawn horizontally (long category labels read better). */
  horizontal?: boolean;
  axis?: { min?: number; max?: number; format?: string };
  /** The text equivalent (the drawing's description, read by screen readers). */
  alt: string;
  /** Top-left cell (zero-based) and offset into it, and the size, in points at the sheet's own scale. */
  at: { row: number; col: number; dx: number; dy: number };
  width: number;
  height: number;
  /**
   * The chart's body text size in points at the sheet's own scale (titles a little larger). The sheet prints scaled
   * to its page width, and its charts with it: the size is chosen so that the printed text stays legible.
   */
  fontPt?: number;
}
