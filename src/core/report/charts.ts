/**
 * Live charts, planned in the core: a ChartModel says what a native spreadsheet chart shows — its kind per series,
 * the cell ranges it is bound to, its title and axis titles in the reviewer's language, its colours, a text
 * equivalent — and where it stands on its sheet. The .xlsx adapter writes it as DrawingML (src/xlsx/charts); the
 * chart reads the cells, so it redraws when the committee edits a score, in Excel, WPS and LibreOffice alike.
 *
 * Placement is decided from the sheet model itself (its last row, column widths and print frame), never from a
 * fixed layout: a chart goes below what the sheet holds, one blank row between, as wide as the printed page, and
 * its rows are kept on one page by the print plan (./print.ts). Layout changes to the sheets carry the chart along.
 */
import { CHART_ROW_PT, chartRows, printFrame, type PrintOptions } from './print.js';
import type { CellValue, ChartMarker, ChartModel, ChartRange, SheetModel } from './sheet-model.js';

// The chart's model lives with the sheet model that carries it, its rows with the print plan that keeps them on a page.
export type { ChartMarker, ChartModel, ChartRange, ChartSeriesModel } from './sheet-model.js';
export { chartRows };

/** The least printed size of a chart's text (points): as the sheets' own least (MIN_SCALE keeps cells at 8 pt). */
const CHART_PRINTED_PT = 8.5;

/** Charts on the tool's sheets carry this prefix in their drawing names: a re-run replaces only these. */
export const CHART_NAME_PREFIX = 'cluster-review:';

/** The rows and columns a model writes (cells, merged areas and the rows under its charts). */
export function lastRowOf(model: Pick<SheetModel, 'cells' | 'merges' | 'charts'>): number {
  let last = -1;
  for (const c of model.cells) if (c.row > last) last = c.row;
  for (const [, , r2] of model.merges ?? []) if (r2 > last) last = r2;
  for (const [, r2] of chartRows(model)) if (r2 > last) last = r2;
  return last;
}

/** A column width in characters, in points (as ./print.ts counts it). */
const columnPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/** The column and offset (points) at `x` points from the left edge of the sheet. */
function columnAt(model: Pick<SheetModel, 'widths' | 'hiddenCols'>, x: number): { col: number; dx: number } {
  const hidden = new Set(model.hiddenCols ?? []);
  let left = 0;
  for (let c = 0; c < 16384; c++) {
    const w = hidden.has(c) ? 0 : columnPoints(model.widths?.[c] ?? 8.43);
    if (x < left + w) return { col: c, dx: x - left };
    left += w;
  }
  return { col: 0, dx: 0 };
}

export interface Placement {
  /** Share of the printable width each chart takes, side by side (they add up to at most 1). */
  shares: number[];
  /** Height as a share of the width of the whole row of charts. */
  aspect: number;
  /** The sheet's print options that decide its page (the same ones given to pagePrint). */
  print?: Pick<PrintOptions, 'columns' | 'portrait' | 'minScale'>;
}

/**
 * Where charts go on a sheet: side by side, below everything the sheet holds (one blank row between), as wide as
 * the printed page of its columns, short enough to print on one page with it. The rows they stand on get a height,
 * so the page plan (./print.ts) sees exactly how tall they are and keeps them together.
 */
export function placeBelow(model: SheetModel, p: Placement): Array<Pick<ChartModel, 'at' | 'width' | 'height' | 'fontPt'>> {
  const frame = printFrame(model, p.print ?? {});
  // The page at the sheet's scale, less a small margin; never wider than the columns that print.
  const pageWidth = (frame.page.width / frame.scale) * 0.97;
  const full = Math.min(pageWidth, Math.max(frame.width, 360));
  // At most about half a page: a chart prints with the rows just above it (a table's heading, its figures).
  const height = Math.min(full * p.aspect, (frame.page.height / frame.scale) * 0.55);
  const row = lastRowOf(model) + 2;
  // Half points, as DrawingML sizes text; never under 9 pt on the sheet itself.
  const fontPt = Math.max(9, Math.ceil((CHART_PRINTED_PT / frame.scale) * 2) / 2);
  const rows = Math.ceil(height / CHART_ROW_PT) + 1;
  const heights = (model.heights ??= {});
  for (let r = row; r < row + rows; r++) heights[r] = CHART_ROW_PT;
  const out: Array<Pick<ChartModel, 'at' | 'width' | 'height' | 'fontPt'>> = [];
  let x = 0;
  for (const share of p.shares) {
    const { col, dx } = columnAt(model, x);
    out.push({ at: { row, col, dx, dy: 0 }, width: full * share, height, fontPt });
    x += full * share;
  }
  return out;
}

/** Gives a model a new sheet name, and its charts' ranges on it with it (a summary named 评审汇总(2) when taken). */
export function renameSheetModel(model: SheetModel, name: string): void {
  const old = model.name;
  model.name = name;
  const move = (r: ChartRange): ChartRange => (r.sheet === old ? { ...r, sheet: name } : r);
  model.charts = model.charts?.map((c) => ({ ...c, categories: move(c.categories), series: c.series.map((s) => ({ ...s, values: move(s.values) })) }));
}

/** Colours (Paul Tol's colour-blind-safe "bright" scheme) and markers, one pair per expert or indicator. */
export const SERIES_COLOURS = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'] as const;
export const SERIES_MARKERS: readonly ChartMarker[] = ['circle', 'square', 'diamond', 'triangle', 'x', 'star', 'plus'];
export const seriesStyle = (i: number): { colour: string; marker: ChartMarker } => ({ colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!, marker: SERIES_MARKERS[i % SERIES_MARKERS.length]! });

/** The value a cell of some model shows (its value, or its formula's stored result). */
export function modelValue(models: readonly SheetModel[], sheet: string, row: number, col: number): CellValue {
  const m = models.find((x) => x.name === sheet);
  const c = m?.cells.find((x) => x.row === row && x.col === col);
  return c ? (c.formula !== undefined ? (c.result ?? null) : (c.value ?? null)) : null;
}

export const range = (sheet: string, r1: number, c1: number, r2: number, c2: number): ChartRange => ({ sheet, r1, c1, r2, c2 });
