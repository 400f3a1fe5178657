/** ExcelJS workbooks ↔ the fake Excel host's state, and → the fake WPS host's state, so one fixture goes through the .xlsx, Office.js and WPS adapters. */
import type ExcelJS from 'exceljs';
import { fromA1, META_SHEET, parseMeta, toA1 } from '../../src/core/index.js';
import { toBgr } from '../../src/wps/colour.js';
import { solidFill } from '../../src/xlsx/render.js';
import { cellToRaw } from '../../src/xlsx/snapshot.js';
import { noteOf } from './files.js';
import { FakeWorkbook, type FakeCell, type FakeSheet, type FakeState } from './fake-excel.js';
import { FakeWps, type WpsCell, type WpsSheet, type WpsState } from './fake-wps.js';

/** What both fake hosts take of an ExcelJS sheet: its visibility, protection, merged areas and used cells. */
interface SheetFacts {
  state: 'visible' | 'hidden' | 'veryHidden';
  /** null when unprotected; `password`: protected with one. */
  protection: { password: boolean } | null;
  merges: string[];
  cells: CellFacts[];
}

/** A cell as the hosts see it (0-based): a merged area's covered cells are not there. */
interface CellFacts {
  row: number;
  col: number;
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  /** A solid fill as "#RRGGBB". */
  fill?: string;
  locked?: false;
  note: string | null;
}

function sheetFacts(ws: ExcelJS.Worksheet): SheetFacts {
  const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
  const facts: SheetFacts = {
    state: ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible',
    protection: prot?.sheet ? { password: Boolean(prot.algorithmName) } : null,
    merges: Object.values((ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range),
    cells: [],
  };
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const raw = cellToRaw(cell);
      const f: CellFacts = { row: r - 1, col: c - 1, value: null, note: noteOf(cell) };
      if (raw) {
        const v = raw.value;
        f.value = v !== null && typeof v === 'object' ? v.error : v;
        if (raw.formula) f.formula = typeof raw.formula === 'string' ? raw.formula : '';
        if (raw.numberFormat && raw.numberFormat !== 'General') f.numberFormat = raw.numberFormat;
      }
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) f.fill = `#${fill.fgColor.argb.slice(2).toUpperCase()}`;
      if (cell.protection?.locked === false) f.locked = false;
      facts.cells.push(f);
    }),
  );
  return facts;
}

export function fakeFromExcelJS(wb: ExcelJS.Workbook): FakeWorkbook {
  const state: FakeState = { sheets: [], notes: {}, comments: [], selection: null, active: null };
  for (const ws of wb.worksheets) {
    const facts = sheetFacts(ws);
    const sheet: FakeSheet = {
      name: ws.name,
      visibility: facts.state === 'veryHidden' ? 'VeryHidden' : facts.state === 'hidden' ? 'Hidden' : 'Visible',
      cells: {},
      protection: facts.protection && (facts.protection.password ? { password: 'unknown' } : {}),
      merges: facts.merges,
    };
    for (const f of facts.cells) {
      const fc: FakeCell = { value: f.value };
      if (f.formula !== undefined) fc.formula = f.formula;
      if (f.numberFormat) fc.numberFormat = f.numberFormat;
      if (f.fill) fc.fill = f.fill;
      if (f.locked === false) fc.locked = false;
      if (fc.value !== null || fc.formula !== undefined || fc.fill || fc.numberFormat || fc.locked === false) sheet.cells[`${f.row},${f.col}`] = fc;
      if (f.note) state.notes[`${ws.name}!${toA1(f.row, f.col)}`] = f.note;
    }
    state.sheets.push(sheet);
  }
  return new FakeWorkbook(state);
}

/** An ExcelJS workbook → the fake WPS host's state, so one fixture goes through the .xlsx, Office.js and WPS adapters. */
export function wpsStateFromExcelJS(wb: ExcelJS.Workbook): WpsState {
  const state: WpsState = { sheets: [], active: null, selection: null };
  for (const ws of wb.worksheets) {
    const facts = sheetFacts(ws);
    const sheet: WpsSheet = {
      name: ws.name,
      visible: facts.state === 'veryHidden' ? 2 : facts.state === 'hidden' ? 0 : -1,
      cells: {},
      protection: facts.protection && { password: facts.protection.password ? 'unknown' : '' },
      merges: facts.merges,
    };
    for (const f of facts.cells) {
      const wc: WpsCell = { value: f.value };
      if (f.formula !== undefined) wc.formula = f.formula;
      if (f.numberFormat) wc.numberFormat = f.numberFormat;
      if (f.fill) wc.color = toBgr(f.fill);
      if (f.locked === false) wc.locked = false;
      if (f.note) wc.comment = f.note;
      if (wc.value !== null || wc.formula !== undefined || wc.color !== undefined || wc.numberFormat || wc.locked === false || wc.comment !== undefined) sheet.cells[`${f.row},${f.col}`] = wc;
    }
    state.sheets.push(sheet);
  }
  state.active = state.sheets.find((s) => s.visible === -1)?.name ?? null;
  return state;
}

export const fakeWpsFromExcelJS = (wb: ExcelJS.Workbook): FakeWps => new FakeWps(wpsStateFromExcelJS(wb));

/** The record as the fake WPS holds it (every row read, gaps included: superseded blocks are cleared). */
export function wpsMeta(fake: FakeWps) {
  return parseMeta(metaRows(fake.sheet(META_SHEET).cells));
}

/** A cell of the .xlsx adapter's summary as every host should hold it: its formula, or its value (a link's text) and a link's target. */
export type SeenCell = { formula: string | undefined } | { value: string; link: string } | { value: unknown };

/**
 * Every cell of an ExcelJS sheet (a merged area by its first cell) as a host should hold it, keyed `r,c` from 0 as
 * the fakes key their cells: what the contracts compare the Office.js and WPS summaries with.
 */
export function cellsAsSeen(ws: ExcelJS.Worksheet): Array<{ key: string; at: string; seen: SeenCell }> {
  const cells: Array<{ key: string; at: string; seen: SeenCell }> = [];
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value as ExcelJS.CellValue;
      let seen: SeenCell;
      if (v && typeof v === 'object' && 'formula' in v) seen = { formula: v.formula };
      else if (v && typeof v === 'object' && 'hyperlink' in v) seen = { value: String(v.text), link: v.hyperlink.slice(1) };
      else seen = { value: v === '' ? null : (v ?? null) };
      cells.push({ key: `${r - 1},${c - 1}`, at: toA1(r - 1, c - 1), seen });
    }),
  );
  return cells;
}

/** A fake host's metadata sheet as the record's rows (key, value), every row up to the last, gaps included. */
export function metaRows(cells: Readonly<Record<string, { value?: unknown } | undefined>>): Array<[unknown, unknown]> {
  const last = Math.max(0, ...Object.keys(cells).map((k) => Number(k.split(',')[0])));
  const rows: Array<[unknown, unknown]> = [];
  for (let r = 0; r <= last; r++) rows.push([cells[`${r},0`]?.value ?? null, cells[`${r},1`]?.value ?? null]);
  return rows;
}

/**
 * The fake's state saved back into an ExcelJS workbook, as Excel would save the file: sheets added or removed,
 * values, formulas, fills and notes as the fake holds them. `wb` is the workbook the fake was built from (it keeps
 * what the fake does not model: fonts, borders, validation).
 */
export function excelJSFromFake(fake: FakeWorkbook, wb: ExcelJS.Workbook): ExcelJS.Workbook {
  const state = fake.state;
  for (const ws of [...wb.worksheets]) if (!state.sheets.some((s) => s.name === ws.name)) wb.removeWorksheet(ws.id);
  for (const sheet of state.sheets) {
    const ws = wb.getWorksheet(sheet.name) ?? wb.addWorksheet(sheet.name);
    ws.state = sheet.visibility === 'VeryHidden' ? 'veryHidden' : sheet.visibility === 'Hidden' ? 'hidden' : 'visible';
    // Fills and notes the fake no longer has are gone in Excel too.
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const fc = sheet.cells[`${r - 1},${c - 1}`];
        if (!fc?.fill && cell.style?.fill) {
          const style = { ...cell.style };
          delete style.fill;
          cell.style = style;
        }
        if (noteOf(cell) !== null && state.notes[`${sheet.name}!${toA1(r - 1, c - 1)}`] === undefined) (cell as unknown as { _comment?: unknown })._comment = undefined;
      }),
    );
    for (const [k, fc] of Object.entries(sheet.cells)) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      const cell = ws.getCell(r + 1, c + 1);
      if (cell.isMerged && cell.master !== cell) continue;
      const value = fc.formula !== undefined ? ({ formula: fc.formula } as ExcelJS.CellFormulaValue) : fc.value;
      if (JSON.stringify(cell.value ?? null) !== JSON.stringify(value ?? null) && !(fc.formula !== undefined && (cell.value as { formula?: string } | null)?.formula === fc.formula)) cell.value = value;
      if (fc.fill) cell.style = { ...cell.style, fill: solidFill(fc.fill) };
    }
  }
  for (const [address, text] of Object.entries(state.notes)) {
    const bang = address.lastIndexOf('!');
    const p = fromA1(address.slice(bang + 1));
    const ws = wb.getWorksheet(address.slice(0, bang));
    if (ws) ws.getCell(p.row + 1, p.col + 1).note = text;
  }
  return wb;
}
