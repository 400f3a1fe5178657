/**
 * How the tool's sheets print on A4, decided once for both renderers: orientation from the printed width,
 * fitted to the page width when that keeps text legible (no text below 8 pt), otherwise a fixed legible scale
 * across pages with the identifying columns repeated; header rows repeated; what the sheet is about in the
 * header and page numbers in the footer of every page; and manual row breaks so that a block that must not be
 * split (a scoring table, a conclusion and signature block) starts a new page when it would not fit on the
 * current one.
 *
 * Page geometry is estimated from the model (column widths in characters, row heights in points), the way a
 * spreadsheet lays it out; the estimate errs towards breaking early, so a block is never cut by a page end the
 * estimate did not see.
 */
import { t } from '../text/index.js';
import type { Lang } from '../types.js';
import { fitRows } from './row-heights.js';
import { STYLES, type PrintPart, type PrintSetup, type PrintText, type SheetModel } from './sheet-model.js';

/** A4 in points, and the margins every sheet prints with (inches). */
export const A4 = { long: 842, short: 595 } as const;
const MARGINS = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;
/** The smallest text the tool writes is 11 pt; 8 pt is the least legible size on paper. */
const MIN_TEXT_PT = 8;
const BODY_PT = Math.min(11, ...Object.values(STYLES).map((s) => s.size ?? 11));
/** Below this scale some text would print under 8 pt. */
const MIN_SCALE = Math.ceil((MIN_TEXT_PT / BODY_PT) * 100) / 100;
/** Rows the model gives no height: a spreadsheet sizes them to their font (about 17 pt for 11 pt CJK text). */
const DEFAULT_ROW_PT = 18;
/** Share of a page a kept block may fill up to: the spreadsheet's own page may hold a little less than estimated. */
const SLACK = 0.88;

/** A column width in characters, in points (the default font's digit is 7 px wide, plus 5 px padding). */
const columnPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

const printable = (landscape: boolean) => ({
  width: (landscape ? A4.long : A4.short) - (MARGINS.left + MARGINS.right) * 72,
  height: (landscape ? A4.short : A4.long) - (MARGINS.top + MARGINS.bottom) * 72,
});

/**
 * "第 &P 页": the language's words with the page field in its place. No "of N": LibreOffice counts N over every
 * sheet of the workbook while numbering each sheet's pages from 1, so "page 3 of 11" would mislead.
 */
function pageNumberParts(lang: Lang): PrintPart[] {
  const out: PrintPart[] = [];
  for (const piece of t('print.page', lang).split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') out.push({ field: 'page' });
    else if (piece === '{pages}') out.push({ field: 'pages' });
    else if (piece) out.push(piece);
  }
  return out;
}

/** Header and footer text of at most this many characters (Excel refuses more than 255 in all). */
const MAX_SUBJECT = 80;

export interface PrintOptions {
  /** What the sheet is about, in the header of every page: the cluster's name, or the workbook's subject. */
  subject: string;
  lang: Lang;
  /** The table's header rows, repeated on every page. */
  repeatRows?: [number, number];
  /** Columns that say which row is which, repeated on every page when the sheet prints across pages. */
  repeatCols?: [number, number];
  /** Row blocks [first, last] that must not be split across pages. */
  keep?: Array<[number, number]>;
  /** Columns that print [first, last] (a limited column set); the whole sheet by default. */
  columns?: [number, number];
  /** Portrait even if the sheet would fit landscape better (forms read top to bottom). */
  portrait?: boolean;
  /**
   * The least scale fitted to width (default MIN_SCALE: no text under 8 pt); below it the sheet prints across pages
   * at that scale with `repeatCols` repeated. A sheet read as one page wide (the summary) may accept less.
   */
  minScale?: number;
}

/** The printed width of a model's columns, in points (hidden columns take no room). */
function printedWidth(model: Pick<SheetModel, 'widths' | 'hiddenCols'>, columns?: [number, number]): number {
  const widths = model.widths ?? [];
  const hidden = new Set(model.hiddenCols ?? []);
  const [c1, c2] = columns ?? [0, widths.length - 1];
  let w = 0;
  for (let c = c1; c <= c2; c++) if (!hidden.has(c)) w += columnPoints(widths[c] ?? 8.43);
  return w;
}

/**
 * The page a model prints on, decided from its column widths alone: orientation, the scale (fitted to the width, or
 * the least legible one) and the printable area in points. Charts are sized by it before the rows are laid out.
 */
export function printFrame(model: Pick<SheetModel, 'widths' | 'hiddenCols'>, opts: Pick<PrintOptions, 'columns' | 'portrait' | 'minScale'>): { landscape: boolean; fitToWidth: boolean; scale: number; page: { width: number; height: number }; width: number } {
  const width = printedWidth(model, opts.columns);
  const landscape = !opts.portrait && width > printable(false).width;
  const page = printable(landscape);
  const fit = Math.min(1, page.width / width);
  const least = opts.minScale ?? MIN_SCALE;
  const fitToWidth = fit >= least;
  return { landscape, fitToWidth, scale: fitToWidth ? fit : least, page, width };
}

/**
 * The page setup for a model: see the module's comment. It first makes the model's rows tall enough for their wrapped
 * text (`fitRows`: the model's cells and heights are replaced), so every sheet that prints is planned row by row from
 * its font's widths before its pages are laid out.
 */
export function pagePrint(model: SheetModel, opts: PrintOptions): PrintSetup {
  const fitted = fitRows(model);
  model.cells = fitted.cells;
  model.heights = fitted.heights;
  const { landscape, fitToWidth, scale, page } = printFrame(model, opts);
  const subject = Array.from(opts.subject.replace(/\s+/g, ' ').trim()).slice(0, MAX_SUBJECT).join('');
  const header: PrintText = subject ? { center: [subject] } : {};
  const footer: PrintText = { left: [{ field: 'sheet' }], right: pageNumberParts(opts.lang) };
  let rows = 0;
  for (const c of model.cells) if (c.row >= rows) rows = c.row + 1;
  for (const [, , r2] of model.merges ?? []) if (r2 >= rows) rows = r2 + 1;
  // A chart prints whole on a page of its own (with the blank row above it): the rows above it wrap text the
  // spreadsheet sizes, so where their page ends is an estimate, and a chart split by a page end is unreadable.
  const keep = [...(opts.keep ?? [])];
  const ownPage = new Set<number>();
  for (const [first, last] of chartRows(model)) {
    if (last >= rows) rows = last + 1;
    keep.push([Math.max(0, first - 1), last]);
    ownPage.add(Math.max(0, first - 1));
  }
  const rowBreaks = keepTogether((r) => model.heights?.[r] ?? DEFAULT_ROW_PT, (r) => model.heights?.[r] === undefined, rows, page.height / scale, opts.repeatRows, keep, ownPage);
  return {
    landscape,
    fitToWidth,
    ...(fitToWidth ? {} : { scale: Math.floor(scale * 100) }),
    ...(opts.repeatRows ? { repeatRows: opts.repeatRows } : {}),
    ...(!fitToWidth && opts.repeatCols ? { repeatCols: opts.repeatCols } : {}),
    header,
    footer,
    ...(rowBreaks.length ? { rowBreaks } : {}),
    // Only a limited column set has an area: otherwise rows people add below the tool's print too.
    ...(opts.columns ? { area: [0, opts.columns[0], Math.max(0, rows - 1), opts.columns[1]] as [number, number, number, number] } : {}),
    margins: { ...MARGINS },
  };
}

/**
 * Rows that begin a page so that no kept block is split: the rows are laid out page by page as the spreadsheet
 * does (a row that does not fit goes to the next page; repeated header rows take their room on every page after
 * the first), and a block that would come near a page end starts a new page (one taller than a page too, so it is
 * split the fewest times). Pages are laid out at their full estimated height, so the estimate's own page ends
 * stay where the spreadsheet's are; only the decision to break keeps a margin.
 */
function keepTogether(height: (row: number) => number, unsized: (row: number) => boolean, rows: number, capacity: number, repeat: [number, number] | undefined, keep: Array<[number, number]>, ownPage: ReadonlySet<number> = new Set()): number[] {
  const starts = new Map<number, number>();
  for (const [a, b] of keep) if (b >= a) starts.set(a, Math.max(b, starts.get(a) ?? a));
  let repeatHeight = 0;
  if (repeat) for (let r = repeat[0]; r <= repeat[1]; r++) repeatHeight += height(r);
  const breaks: number[] = [];
  let used = 0;
  /** Rows on the current page whose height the spreadsheet decides (the estimate's uncertainty). */
  let guessed = 0;
  let first = true;
  /** Whether the current page began at a page end of the estimate's own (the spreadsheet's may fall a row or two off). */
  let automatic = false;
  const newPage = (r: number, explicit: boolean) => {
    if (explicit) breaks.push(r);
    first = false;
    automatic = !explicit;
    used = repeat && r > repeat[1] ? repeatHeight : 0;
    guessed = 0;
  };
  for (let r = 0; r < rows; r++) {
    const end = starts.get(r);
    if (end !== undefined && r > 0) {
      let block = 0;
      for (let x = r; x <= end; x++) block += height(x);
      const fresh = repeat && r > repeat[1] ? repeatHeight : 0;
      const alone = used <= (first ? 0 : fresh);
      // The spreadsheet's page may hold a little less, or more, than the estimate: a block breaks with room to
      // spare, and a block just below an estimated page end gets a break of its own, wherever the real end falls.
      const nearEnd = automatic && used - fresh < capacity * (1 - SLACK);
      // The room kept spare: a share of the page where rows are sized by the spreadsheet, a few points where every
      // row above has the height the model gave it (then the estimate is the page).
      let blockGuessed = 0;
      for (let x = r; x <= end; x++) if (unsized(x)) blockGuessed++;
      const spare = Math.min(capacity * (1 - SLACK), 6 + 3 * (guessed + blockGuessed));
      if (!alone && ownPage.has(r)) newPage(r, true);
      // A block that does not fit where it is starts a page. One that seems taller than a page starts one too: the
      // estimate runs a little tall (the spreadsheet fits the width a shade tighter), so it often fits there after all,
      // and if not it is split the fewest times.
      else if (!alone && (used + block > capacity - spare || nearEnd)) newPage(r, true);
      else if (alone && automatic && fresh + block <= capacity) newPage(r, true);
    }
    const h = height(r);
    if (used + h > capacity && used > 0) newPage(r, false);
    used += h;
    if (unsized(r)) guessed++;
  }
  return breaks;
}

/** Row height of the rows a chart stands on (points). */
export const CHART_ROW_PT = 20;

/** The rows each chart of a model stands on, [first, last] (the last one a margin below its bottom edge). */
export function chartRows(model: Pick<SheetModel, 'charts'>): Array<[number, number]> {
  return (model.charts ?? []).map((c) => [c.at.row, c.at.row + Math.ceil((c.at.dy + c.height) / CHART_ROW_PT)]);
}

/** Share of a page that page ends planned for another's sheet fill (its margins and row heights are its own). */
const FOREIGN_FILL = 0.95;

/**
 * Rows that begin a page of a sheet the tool annotates but did not lay out (a county's indicator sheet, its rows sized
 * by `planRowHeights`), printed on A4 in its own orientation and margins, fitted to its width: a break before the row
 * that would pass the end of each page, laid out a little short of the page so the spreadsheet's own page never ends
 * first. LibreOffice, printing a sheet fitted to its width, drops the rows past the last page it counted when planned
 * heights make the sheet longer than it counted; with a break at every page end it prints them all.
 */
export function pageStarts(
  grid: { widths: ReadonlyArray<number | undefined>; hiddenCols?: Iterable<number>; heights: Readonly<Record<number, number>> },
  rows: number,
  page: { landscape: boolean; margins?: { left: number; right: number; top: number; bottom: number }; repeatRows?: [number, number] },
): number[] {
  const m = page.margins ?? MARGINS;
  const hidden = new Set(grid.hiddenCols ?? []);
  let width = 0;
  grid.widths.forEach((w, c) => {
    if (!hidden.has(c)) width += columnPoints(w ?? 8.43);
  });
  const paperWidth = (page.landscape ? A4.long : A4.short) - (m.left + m.right) * 72;
  const paperHeight = (page.landscape ? A4.short : A4.long) - (m.top + m.bottom) * 72;
  const scale = Math.min(1, paperWidth / Math.max(1, width));
  const capacity = (paperHeight / scale) * FOREIGN_FILL;
  const height = (r: number) => grid.heights[r] ?? DEFAULT_ROW_PT;
  let repeat = 0;
  if (page.repeatRows) for (let r = page.repeatRows[0]; r <= page.repeatRows[1]; r++) repeat += height(r);
  const starts: number[] = [];
  let used = 0;
  for (let r = 0; r < rows; r++) {
    const fresh = page.repeatRows && r > page.repeatRows[1] ? repeat : 0;
    if (used + height(r) > capacity && used > fresh) {
      starts.push(r);
      used = fresh;
    }
    used += height(r);
  }
  return starts;
}
