/**
 * The legend of flag colours on the indicator sheet: after a check that flagged cells, a small block below the
 * form says what each colour used means (a swatch in the code column, the status in words beside it), under the
 * title 标记颜色说明, with a line saying the note on a flagged cell gives the reason.
 *
 * Where: below the last row holding anything (one blank row between), in the code column and the one after it.
 * Below rather than to the right, because the indicator sheet prints fitted to the page width: columns added on the
 * right would shrink every page's text, while a few rows at the foot add at most a page. Below the last row holding
 * a value, the legend never covers what the applicant wrote; the target is checked against the sheet all the same,
 * and a legend that cannot be placed (the sheet's rows run out, or the cells are taken) is skipped and said.
 *
 * The legend is the tool's own writing, recorded cell by cell (LegendCell in the workbook record): a re-check or a
 * clear takes back only what still shows exactly what the tool wrote (its text, its swatch colour); what a person
 * typed or coloured over it is theirs, kept, and said. Decided here for every adapter, in the check's two phases:
 * `draftLegend` with the flags (which cells, which fills to read), `finishLegend` with the cells' fills as read.
 */
import { parseQualified, qualified } from '../address.js';
import type { CellFlag } from '../report/flags.js';
import type { LegendCell } from '../report/meta.js';
import { FLAG_FILL, FLAGGED_STATUSES } from '../report/sheet-model.js';
import { sheetEntries } from '../sheet/sparse.js';
import { t, tAny } from '../text/index.js';
import type { Lang, RawCell } from '../types.js';
import { coveredColor } from '../report/colour.js';
import type { CellWrite, Covered, Explanations, LegendDraft } from './flags.js';
import type { Reading } from './read.js';
import type { WorkflowWarning } from './warnings.js';

export type { LegendDraft };

/** Rows of a worksheet (Excel, WPS and LibreOffice alike). */
const SHEET_ROWS = 1_048_576;

const empty = (v: unknown): boolean => v === null || v === undefined || v === '';
/** A cell holds something: a value, or a formula (whatever its result). */
const holds = (c: RawCell): boolean => !!c.formula || !empty(c.value);
/** The cell still shows the text the tool wrote there (a swatch: still no text). */
const showsText = (rec: LegendCell, now: unknown): boolean => (rec.value === null ? empty(now) : now === rec.value);

const place = (cell: string): { sheet: string; row: number; col: number } | null => {
  try {
    return parseQualified(cell);
  } catch {
    return null;
  }
};
const keyOf = (p: { sheet: string; row: number; col: number }) => `${p.sheet}\u0000${p.row}\u0000${p.col}`;

/**
 * Phase one. `sheet`: the indicator sheet (null when a clear reads none); `next`: the legend to place — the flags
 * placed now and the sheet's code column — absent on a clear (the legend goes, as it does when nothing is flagged).
 */
export function draftLegend(reading: Reading, sheet: string | null, mode: Explanations, next?: { flags: readonly CellFlag[]; codeCol: number; lang: Lang }): LegendDraft {
  const snapshot = reading.found?.snapshot;
  const seen = snapshot && snapshot.sheet === sheet ? snapshot : null;
  const previous: LegendDraft['previous'] = [];
  const carried: LegendCell[] = [];
  const oldAt = new Map<string, LegendCell>();
  for (const rec of reading.meta?.review?.legend ?? []) {
    const p = place(rec.cell);
    // A sheet the workbook no longer has: nothing to take back (as with flags).
    if (!p || !reading.names.includes(p.sheet)) continue;
    if (seen && p.sheet === seen.sheet) oldAt.set(`${p.row},${p.col}`, rec);
    else carried.push(rec);
  }
  // The last row holding anything that is not the tool's own legend, still as it wrote it.
  let last = -1;
  const now = new Map<string, unknown>();
  for (const e of seen ? sheetEntries(seen) : []) {
    const k = `${e.row},${e.col}`;
    const rec = oldAt.get(k);
    if (rec) now.set(k, e.cell.value);
    if (!holds(e.cell) || (rec && !e.cell.formula && showsText(rec, e.cell.value))) continue;
    if (e.row > last) last = e.row;
  }
  for (const [k, rec] of oldAt) previous.push({ rec, value: now.get(k) ?? null });

  const used = new Set((next?.flags ?? []).map((f) => f.status));
  const statuses = FLAGGED_STATUSES.filter((s): s is CellFlag['status'] => used.has(s as CellFlag['status']));
  const out: LegendDraft['place'] = [];
  const warnings: WorkflowWarning[] = [];
  if (seen && next && statuses.length) {
    const { codeCol, lang } = next;
    const top = last + 2;
    const rows = statuses.length + (mode === 'none' ? 1 : 2);
    const at = (r: number, c: number) => qualified(seen.sheet, top + r, codeCol + c);
    const cells: LegendDraft['place'] = [{ cell: at(0, 0), value: t('print.legendTitle', lang) }];
    statuses.forEach((s, i) => {
      cells.push({ cell: at(i + 1, 0), value: null, fill: FLAG_FILL[s] });
      cells.push({ cell: at(i + 1, 1), value: tAny(`status.${s}`, lang) });
    });
    // Without notes or comments (a host that has neither) there is no note to point to.
    if (mode !== 'none') cells.push({ cell: at(statuses.length + 1, 0), value: t('print.legendNote', lang) });
    // Never over what someone wrote: the block's cells must hold nothing but the tool's own legend.
    const taken = takenIn(seen, oldAt, top, top + rows - 1, codeCol, codeCol + 1);
    const range = `${at(0, 0)}:${qualified(seen.sheet, top + rows - 1, codeCol + 1).replace(/^.*!/, '')}`;
    if (top + rows > SHEET_ROWS || taken.length) warnings.push({ code: 'legend-skipped', params: { sheet: seen.sheet, range, cells: taken.length ? taken.slice(0, 10) : [`> ${SHEET_ROWS}`] } });
    else out.push(...cells);
  }
  const fills = [...previous.filter((p) => p.rec.fill).map((p) => p.rec.cell), ...out.filter((c) => c.fill).map((c) => c.cell)];
  return { previous, place: out, carried, fills: [...new Set(fills)], sheet: seen && (out.length || previous.length) ? seen.sheet : null, warnings };
}

/** Cells in rows r1…r2, columns c1…c2 that hold something other than the tool's legend as it wrote it. */
function takenIn(snapshot: NonNullable<Reading['found']>['snapshot'], oldAt: ReadonlyMap<string, LegendCell>, r1: number, r2: number, c1: number, c2: number): string[] {
  const out: string[] = [];
  for (const e of sheetEntries(snapshot)) {
    if (e.row < r1 || e.row > r2 || e.col < c1 || e.col > c2 || !holds(e.cell)) continue;
    const rec = oldAt.get(`${e.row},${e.col}`);
    if (rec && !e.cell.formula && showsText(rec, e.cell.value)) continue;
    out.push(qualified(snapshot.sheet, e.row, e.col));
  }
  return out;
}

/**
 * Phase two: what to write (the earlier legend taken back where it still shows the tool's writing, the new one
 * placed), what to record, and the cells a person changed (kept, and said).
 */
export function finishLegend(draft: LegendDraft, covered: Covered): { writes: CellWrite[]; record: LegendCell[]; warnings: WorkflowWarning[] } {
  const fillNow = (cell: string): string | null | undefined => {
    const f = covered.cells.get(cell)?.fill;
    return f === undefined ? undefined : coveredColor(f);
  };
  /** The swatch still shows the tool's colour (a text cell, whose fill the tool never set: yes). */
  const ownFill = (rec: LegendCell): boolean => !rec.fill || fillNow(rec.cell) === rec.fill.placed;
  const next = new Map<string, LegendDraft['place'][number]>();
  for (const c of draft.place) {
    const p = place(c.cell);
    if (p) next.set(keyOf(p), c);
  }
  const before = new Map<string, LegendDraft['previous'][number]>();
  const writes: CellWrite[] = [];
  const edited: string[] = [];
  for (const prev of draft.previous) {
    const { rec, value } = prev;
    const p = place(rec.cell);
    if (!p) continue;
    before.set(keyOf(p), prev);
    const textOwn = showsText(rec, value);
    const fillOwn = ownFill(rec);
    // What a person made of it stays: text typed over it, a colour of their own (a cleared cell needs no mention).
    const now = fillNow(rec.cell);
    const reused = next.has(keyOf(p));
    // A swatch placed again over a person's colour records that colour as what it covers (a clear gives it back).
    if ((!textOwn && !empty(value)) || (!reused && rec.fill && !fillOwn && now !== undefined && now !== rec.fill.covered)) edited.push(rec.cell);
    if (reused) continue;
    const w: CellWrite = { cell: rec.cell };
    if (textOwn && rec.value !== null) w.value = null;
    if (rec.fill && fillOwn) w.fill = rec.fill.covered;
    if (w.value !== undefined || w.fill !== undefined) writes.push(w);
  }
  const record: LegendCell[] = [...draft.carried];
  for (const [k, c] of next) {
    const prev = before.get(k);
    const w: CellWrite = { cell: c.cell };
    const rec: LegendCell = { cell: c.cell, value: c.value };
    if (c.value !== null) w.value = c.value;
    else if (prev && prev.rec.value !== null && showsText(prev.rec, prev.value)) w.value = null;
    if (c.fill) {
      // A swatch over the tool's own earlier swatch keeps the colour recorded under that one.
      const covered = prev?.rec.fill && ownFill(prev.rec) ? prev.rec.fill.covered : (fillNow(c.cell) ?? null);
      w.fill = c.fill;
      rec.fill = { placed: c.fill, covered };
    } else if (prev?.rec.fill && ownFill(prev.rec)) w.fill = prev.rec.fill.covered;
    writes.push(w);
    record.push(rec);
  }
  const shown = edited.slice(0, 10);
  if (edited.length > shown.length) shown.push(`… (${edited.length})`);
  return { writes, record, warnings: [...draft.warnings, ...(edited.length ? [{ code: 'legend-edited' as const, params: { cells: shown } }] : [])] };
}
