/** ExcelJS workbooks ↔ the fake Excel host's state, so one fixture can go through both adapters. */
import type ExcelJS from 'exceljs';
import { fromA1, toA1 } from '../../src/core/index.js';
import { solidFill } from '../../src/xlsx/render.js';
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
      merges: Object.values((ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range),
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
