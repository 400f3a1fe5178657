/**
 * Flags in place, as the core planned them: the .xlsx adapter reads the state of the cells a plan covers (fill
 * colour and note) and applies the plan's writes. Values are never touched.
 */
import type ExcelJS from 'exceljs';
import { parseQualified, type CellState, type CellWrite } from '../core/index.js';
import { solidFill } from './render.js';

function cellOf(wb: ExcelJS.Workbook, address: string): ExcelJS.Cell | undefined {
  const { sheet, row, col } = parseQualified(address);
  return wb.getWorksheet(sheet)?.getCell(row + 1, col + 1);
}

function setNote(cell: ExcelJS.Cell, note: string | null): void {
  if (note !== null) cell.note = note;
  // ExcelJS has no public way to remove a note; its model omits the comment when this is unset.
  else (cell as unknown as { _comment?: unknown })._comment = undefined;
}

function setFill(cell: ExcelJS.Cell, color: string | null): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (color) style.fill = solidFill(color);
  else delete style.fill;
  cell.style = style;
}

export function noteText(cell: ExcelJS.Cell): string | null {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return null;
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: Array<{ text: string }> }).texts;
  return texts ? texts.map((t) => t.text).join('') : null;
}

// Excel's theme colour indexes: light 1, dark 1, light 2, dark 2, accents 1–6 (Office's default theme below).
const THEME_ORDER = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'];
const DEFAULT_THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

function themeColors(wb: ExcelJS.Workbook): string[] {
  const xml = (wb as unknown as { _themes?: Record<string, string> })._themes?.theme1;
  if (typeof xml !== 'string') return DEFAULT_THEME;
  return THEME_ORDER.map((name, i) => {
    const m = new RegExp(`<a:${name}>\\s*<a:(?:srgbClr val|sysClr[^>]*lastClr)="([0-9A-Fa-f]{6})"`).exec(xml);
    return m ? m[1]!.toUpperCase() : DEFAULT_THEME[i]!;
  });
}

/** Excel's tint: towards white (tint > 0) or black (tint < 0) in HSL lightness. */
function tinted(hex: string, tint: number): string {
  if (!tint) return hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d) h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h % 6) + 6) % 2 - 1));
  const m = l - c / 2;
  const seg = Math.floor(((h % 6) + 6) % 6);
  const [r1, g1, b1] = [[c, x, 0], [x, c, 0], [0, c, x], [0, x, c], [x, 0, c], [c, 0, x]][seg]!;
  return [r1!, g1!, b1!].map((v) => Math.round((v + m) * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** The colour a cell's fill shows, "#RRGGBB", or null (no fill, or one that is not a single colour). */
function fillColor(wb: ExcelJS.Workbook, cell: ExcelJS.Cell): string | null {
  const f = cell.style?.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== 'pattern' || f.pattern === 'none') return null;
  const c = f.fgColor as { argb?: string; theme?: number; tint?: number } | undefined;
  if (typeof c?.argb === 'string' && /^[0-9a-f]{8}$/i.test(c.argb)) return `#${c.argb.slice(2).toUpperCase()}`;
  if (typeof c?.theme === 'number') {
    const base = themeColors(wb)[c.theme];
    return base ? `#${tinted(base, c.tint ?? 0)}` : null;
  }
  return null;
}

/** The current fill and note of the cells a plan covers. */
export function readCells(wb: ExcelJS.Workbook, fills: readonly string[], notes: readonly string[]): Map<string, CellState> {
  const out = new Map<string, CellState>();
  const at = (a: string) => {
    let s = out.get(a);
    if (!s) out.set(a, (s = {}));
    return s;
  };
  for (const a of fills) {
    const cell = cellOf(wb, a);
    if (cell) at(a).fill = fillColor(wb, cell);
  }
  for (const a of notes) {
    const cell = cellOf(wb, a);
    if (cell) at(a).note = noteText(cell);
  }
  return out;
}

/** Applies the plan's writes (fill, then note); threaded comments do not exist in this adapter. */
export function applyWrites(wb: ExcelJS.Workbook, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const cell = cellOf(wb, w.cell);
    if (!cell) continue;
    // Absent: a person changed the fill of the tool's flag; theirs stays.
    if (w.fill !== undefined) setFill(cell, w.fill);
    if (w.note) setNote(cell, w.note.kind === 'delete' ? null : w.note.text);
    // Values the plan writes (the legend of flag colours): text as text, null clears.
    if (w.value !== undefined) cell.value = w.value;
  }
}
