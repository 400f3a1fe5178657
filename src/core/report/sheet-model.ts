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
  | 'locked'
  | 'group'
  | 'muted'
  | 'link'
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
 * Flag colours: Paul Tol's "light" scheme, chosen to stay distinguishable for colour-blind readers; every flag
 * also says its status in words (note and summary), so colour is never the only signal.
 */
export const FLAG_FILL: Record<'fail' | 'veto' | 'invalid' | 'missing' | 'warn', string> = {
  fail: '#EE8866',
  veto: '#FFAABB',
  invalid: '#BBCC33',
  missing: '#EEDD88',
  warn: '#99DDFF',
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
  group: { bold: true, fill: '#D9E1F2', border: true },
  muted: { fontColor: '#7F7F7F', italic: true, wrap: true },
  link: { fontColor: '#0563C1', underline: true, border: true },
  'status.pass': { fill: '#E8F3E8', border: true, align: 'center' },
  'status.na': { fill: '#F2F2F2', border: true, align: 'center', fontColor: '#7F7F7F' },
  'status.review': { fill: '#E5E0F2', border: true, align: 'center' },
  'status.fail': { fill: FLAG_FILL.fail, border: true, align: 'center', bold: true },
  'status.veto': { fill: FLAG_FILL.veto, border: true, align: 'center', bold: true },
  'status.invalid': { fill: FLAG_FILL.invalid, border: true, align: 'center', bold: true },
  'status.missing': { fill: FLAG_FILL.missing, border: true, align: 'center', bold: true },
  'status.warn': { fill: FLAG_FILL.warn, border: true, align: 'center' },
  'verdict.passed': { fill: '#BFE3C8', bold: true, size: 13, border: true },
  'verdict.incomplete': { fill: FLAG_FILL.missing, bold: true, size: 13, border: true },
  'verdict.failed': { fill: FLAG_FILL.fail, bold: true, size: 13, border: true },
  'verdict.ineligible': { fill: FLAG_FILL.fail, bold: true, size: 13, border: true },
  'verdict.vetoed': { fill: FLAG_FILL.veto, bold: true, size: 13, border: true },
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
  print?: { landscape: boolean; fitToWidth: boolean; repeatRows?: [number, number] };
  /** Protect with input cells unlocked; no password unless one is given. */
  protect?: { password?: string };
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Zero-based columns to hide (helper cells of formulas). */
  hiddenCols?: number[];
  tabColor?: string;
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
   * Makes a row tall enough for wrapped text in a column `width` characters wide: spreadsheets do not grow rows
   * for text written by a program, so the height is estimated (CJK characters count double).
   */
  fit(row: number, text: string, width: number): void {
    let lines = 0;
    for (const para of text.split('\n')) {
      let w = 0;
      for (const ch of para) w += ch.charCodeAt(0) >= 0x1100 ? 2 : 1;
      lines += Math.max(1, Math.ceil(w / Math.max(1, width - 1)));
    }
    const h = Math.min(409, Math.max(15, lines * 15 + 3));
    if (h > (this.heights[row] ?? 0)) this.heights[row] = h;
  }

  next(n = 1): number {
    const r = this.row;
    this.row += n;
    return r;
  }
}
