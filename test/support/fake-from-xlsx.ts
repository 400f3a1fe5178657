/** ExcelJS workbooks ↔ the fake Excel host's state, so one fixture can go through both adapters. */
import type ExcelJS from 'exceljs';
import { toA1 } from '../../src/core/index.js';
import { cellToRaw } from '../../src/xlsx/snapshot.js';
import { noteOf } from './files.js';
import { FakeWorkbook, type FakeCell, type FakeSheet, type FakeState } from './fake-excel.js';

export function fakeFromExcelJS(wb: ExcelJS.Workbook): FakeWorkbook {
  const state: FakeState = { sheets: [], notes: {}, comments: [], selection: null, active: null };
  for (const ws of wb.worksheets) {
    const sheet: FakeSheet = {
      name: ws.name,
      visibility: ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible',
      cells: {},
      protection: null,
      merges: [],
    };
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
    if (prot?.sheet) sheet.protection = prot.algorithmName ? { password: 'unknown' } : {};
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const raw = cellToRaw(cell);
        const fc: FakeCell = { value: null };
        if (raw) {
          const v = raw.value;
          fc.value = v !== null && typeof v === 'object' ? v.error : v;
          if (raw.formula) fc.formula = typeof raw.formula === 'string' ? raw.formula : '';
          if (raw.numberFormat && raw.numberFormat !== 'General') fc.numberFormat = raw.numberFormat;
        }
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) fc.fill = `#${fill.fgColor.argb.slice(2).toUpperCase()}`;
        if (cell.protection?.locked === false) fc.locked = false;
        if (fc.value !== null || fc.formula !== undefined || fc.fill || fc.numberFormat || fc.locked === false) sheet.cells[`${r - 1},${c - 1}`] = fc;
        const note = noteOf(cell);
        if (note) state.notes[`${ws.name}!${toA1(r - 1, c - 1)}`] = note;
      }),
    );
    state.sheets.push(sheet);
  }
  return new FakeWorkbook(state);
}
