/**
 * The rulebook workbook on disk: renders the core's models (src/core/rulebook/sheet.ts) and reads the sheets
 * back as plain grids. Everything the workbook means is decided in the core.
 */
import ExcelJS from 'exceljs';
import type { Lang, LoadedRulebook } from '../core/index.js';
import { RULEBOOK_SHEET, rulebookFromSheets, rulebookSheetModels, type RulebookSheetOptions, type SheetGrid, type SheetImport } from '../core/rulebook/sheet.js';
import { openWorkbook } from './open.js';
import { renderSheet } from './render.js';
import { plainValue } from './snapshot.js';
import { saveWorkbook } from './workbook.js';

export async function writeRulebookWorkbook(
  rb: LoadedRulebook,
  lang: Lang,
  output: string,
  opts: RulebookSheetOptions & { force?: boolean; inputs?: string[] } = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  wb.title = lang === 'zh-CN' ? rb.source.name.zh : rb.source.name.en;
  for (const model of rulebookSheetModels(rb, lang, opts)) await renderSheet(wb.addWorksheet(model.name), model);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  await saveWorkbook(wb, output, { force: opts.force, inputs: opts.inputs });
}

function grid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: Array<Array<string | number | boolean | null>> = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    const out: Array<string | number | boolean | null> = [];
    if (row) for (let c = 1; c <= ws.columnCount; c++) out.push(row.findCell(c) ? plainValue(row.getCell(c)) : null);
    rows.push(out);
  }
  return rows;
}

/** Reads a rulebook workbook (as exported, or re-saved by Excel, WPS or LibreOffice) into the rulebook JSON. */
export async function readRulebookWorkbook(path: string, lang: Lang): Promise<SheetImport> {
  const { wb } = await openWorkbook(path);
  const sheets = new Map<string, SheetGrid>();
  for (const name of Object.values(RULEBOOK_SHEET)) {
    const ws = wb.getWorksheet(name);
    if (ws) sheets.set(name, grid(ws));
  }
  return rulebookFromSheets(sheets, lang);
}
