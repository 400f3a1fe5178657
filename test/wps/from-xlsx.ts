/** An ExcelJS workbook → the fake WPS host's state, so one fixture goes through the .xlsx, Office.js and WPS adapters. */
import type ExcelJS from 'exceljs';
import { META_SHEET, parseMeta } from '../../src/core/index.js';
import { toBgr } from '../../src/wps/colour.js';
import { cellToRaw } from '../../src/xlsx/snapshot.js';
import { noteOf } from '../support/files.js';
import { FakeWps, type WpsCell, type WpsSheet, type WpsState } from '../support/fake-wps.js';

export function wpsStateFromExcelJS(wb: ExcelJS.Workbook): WpsState {
  const state: WpsState = { sheets: [], active: null, selection: null };
  for (const ws of wb.worksheets) {
    const sheet: WpsSheet = {
      name: ws.name,
      visible: ws.state === 'veryHidden' ? 2 : ws.state === 'hidden' ? 0 : -1,
      cells: {},
      protection: null,
      merges: Object.values((ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range),
    };
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
    if (prot?.sheet) sheet.protection = { password: prot.algorithmName ? 'unknown' : '' };
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const raw = cellToRaw(cell);
        const wc: WpsCell = { value: null };
        if (raw) {
          const v = raw.value;
          wc.value = v !== null && typeof v === 'object' ? v.error : v;
          if (raw.formula) wc.formula = typeof raw.formula === 'string' ? raw.formula : '';
          if (raw.numberFormat && raw.numberFormat !== 'General') wc.numberFormat = raw.numberFormat;
        }
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) wc.color = toBgr(`#${fill.fgColor.argb.slice(2)}`);
        if (cell.protection?.locked === false) wc.locked = false;
        const note = noteOf(cell);
        if (note) wc.comment = note;
        if (wc.value !== null || wc.formula !== undefined || wc.color !== undefined || wc.numberFormat || wc.locked === false || wc.comment !== undefined) sheet.cells[`${r - 1},${c - 1}`] = wc;
      }),
    );
    state.sheets.push(sheet);
  }
  state.active = state.sheets.find((s) => s.visible === -1)?.name ?? null;
  return state;
}

export const fakeWpsFromExcelJS = (wb: ExcelJS.Workbook): FakeWps => new FakeWps(wpsStateFromExcelJS(wb));

/** The record as the fake WPS holds it (every row read, gaps included: superseded blocks are cleared). */
export function wpsMeta(fake: FakeWps) {
  const sheet = fake.sheet(META_SHEET);
  const last = Math.max(0, ...Object.keys(sheet.cells).map((k) => Number(k.split(',')[0])));
  const rows: Array<[unknown, unknown]> = [];
  for (let r = 0; r <= last; r++) rows.push([sheet.cells[`${r},0`]?.value ?? null, sheet.cells[`${r},1`]?.value ?? null]);
  return parseMeta(rows);
}
