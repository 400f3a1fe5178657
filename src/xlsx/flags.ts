/**
 * Flags in place: fill and note on the applicant's cells, values untouched. What each flag covered (fill and
 * note) is recorded, so a re-run or "clear flags" restores exactly what the applicant had.
 */
import type ExcelJS from 'exceljs';
import { flagNote, isOwnNote, parseQualified, type CellFlag, type FlagRecord, type Lang } from '../core/index.js';
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

function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | null): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

function noteText(cell: ExcelJS.Cell): string | null {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return null;
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: Array<{ text: string }> }).texts;
  return texts ? texts.map((t) => t.text).join('') : null;
}

/** A recorded fill: ExcelJS's own object, or "#RRGGBB" as the Office.js adapter records it. */
function fillFromRecord(fill: unknown): ExcelJS.Fill | null {
  if (typeof fill === 'string') return /^#[0-9a-f]{6}$/i.test(fill) ? solidFill(fill) : null;
  return fill && typeof fill === 'object' ? (fill as ExcelJS.Fill) : null;
}

export function restoreFlags(wb: ExcelJS.Workbook, records: readonly FlagRecord[]): number {
  let n = 0;
  for (const rec of records) {
    const cell = cellOf(wb, rec.cell);
    if (!cell) continue;
    setFill(cell, fillFromRecord(rec.fill));
    setNote(cell, rec.note);
    n++;
  }
  return n;
}

export function applyFlags(wb: ExcelJS.Workbook, plan: readonly CellFlag[], lang: Lang): FlagRecord[] {
  const records: FlagRecord[] = [];
  for (const flag of plan) {
    const cell = cellOf(wb, flag.cell);
    if (!cell) continue;
    const fill = cell.style?.fill ? (JSON.parse(JSON.stringify(cell.style.fill)) as ExcelJS.Fill) : null;
    // A note of ours left by a copy whose record was lost is not the applicant's: do not keep it.
    const text = noteText(cell);
    const original = isOwnNote(text) ? null : text;
    records.push({ cell: flag.cell, fill, note: original });
    setFill(cell, solidFill(flag.fill));
    setNote(cell, flagNote(flag, original, lang));
  }
  return records;
}
