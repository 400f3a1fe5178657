/**
 * Applies the core's row plan (planRowHeights) to sheets of a workbook the tool annotates: a county's indicator sheet,
 * plan and evidence sheets hold texts the template could not know, so their rows are sized from what they hold before
 * the reviewed copy is written. Only heights grow and only cells whose text a filled neighbour would cut are made to
 * wrap; no value changes. The cells read are those the reading already bounded (LIMITS.cells).
 */
import type ExcelJS from 'exceljs';
import { pageStarts, planRowHeights, type RowCell } from '../core/index.js';
import { plainValue } from './snapshot.js';

export function fitSheetRows(ws: ExcelJS.Worksheet): void {
  const widths: Array<number | undefined> = [];
  const hiddenCols: number[] = [];
  (ws.columns ?? []).forEach((c, i) => {
    widths[i] = c.width;
    if (c.hidden) hiddenCols.push(i);
  });
  const heights: Record<number, number> = {};
  const cells: RowCell[] = [];
  const filled = new Set<string>();
  let rows = 0;
  ws.eachRow((row, r) => {
    rows = r;
    if (row.height) heights[r - 1] = row.height;
    row.eachCell((cell, c) => {
      const v = plainValue(cell);
      if (v === null || v === '') return;
      filled.add(`${r - 1},${c - 1}`);
      if (typeof v !== 'string' || (cell.isMerged && cell.master !== cell)) return;
      cells.push({ row: r - 1, col: c - 1, text: v, wrap: cell.alignment?.wrapText === true, size: cell.font?.size ?? 11, canWrap: true });
    });
  });
  const merges = Object.values((ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {}).map(
    (m) => [m.top - 1, m.left - 1, m.bottom - 1, m.right - 1] as const,
  );
  const plan = planRowHeights(cells, { widths, hiddenCols, merges, heights }, (r, c) => filled.has(`${r},${c}`));
  for (const { row, col } of plan.wrap) {
    const cell = ws.getCell(row + 1, col + 1);
    // A style of its own: a workbook read by ExcelJS may share one style object between cells.
    cell.style = { ...cell.style, alignment: { ...cell.style.alignment, wrapText: true, vertical: cell.style.alignment?.vertical ?? 'top' } };
  }
  for (const [r, h] of Object.entries(plan.heights)) ws.getRow(Number(r) + 1).height = h;
  // A sheet fitted to its width, without page breaks of its own: a break at each page end (see pageStarts).
  const setup = ws.pageSetup;
  const own = (ws as unknown as { rowBreaks?: unknown[] }).rowBreaks ?? [];
  if (!setup.fitToPage || own.length || !Object.keys(plan.heights).length) return;
  const titles = /^\$?(\d+):\$?(\d+)$/.exec(setup.printTitlesRow ?? '');
  const starts = pageStarts({ widths, hiddenCols, heights: { ...heights, ...plan.heights } }, rows, {
    landscape: setup.orientation === 'landscape',
    ...(setup.margins ? { margins: setup.margins } : {}),
    ...(titles ? { repeatRows: [Number(titles[1]) - 1, Number(titles[2]) - 1] as [number, number] } : {}),
  });
  for (const r of starts) if (r > 0) ws.getRow(r).addPageBreak();
}
