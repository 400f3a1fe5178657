/**
 * The rulebook workbook on disk: renders the core's models (src/core/report/rulebook-sheet.ts) and reads the sheets
 * back as plain grids for src/core/rulebook/sheet-import.ts. Everything the workbook means is decided in the core.
 */
import ExcelJS from 'exceljs';
import { LIMITS, LimitError, type Lang, type LoadedRulebook } from '../core/index.js';
import { rulebookSheetModels, type RulebookSheetOptions } from '../core/report/rulebook-sheet.js';
import { RULEBOOK_SHEET, type SheetGrid } from '../core/rulebook/sheet-form.js';
import { rulebookFromSheets, type SheetImport } from '../core/rulebook/sheet-import.js';
import { openWorkbook, tooLarge } from './open.js';
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

/**
 * A sheet as the core reads it, from the cells that exist (a dense loop over rows × columns once took minutes for
 * one cell in XFD1): columns beyond the rulebook sheet's own are not read, and rows beyond the limit refuse the file.
 */
function grid(ws: ExcelJS.Worksheet, path: string): SheetGrid {
  const rows: Array<Array<string | number | boolean | null>> = [];
  let count = 0;
  ws.eachRow((row, r) => {
    if (++count > LIMITS.rulebookRows) throw tooLarge(path, new LimitError('rows', LIMITS.rulebookRows, count));
    const out: Array<string | number | boolean | null> = [];
    row.eachCell((cell, c) => {
      if (c <= LIMITS.rulebookColumns) out[c - 1] = plainValue(cell);
    });
    rows[r - 1] = Array.from(out, (v) => v ?? null);
  });
  return Array.from(rows, (x) => x ?? []);
}

/** Reads a rulebook workbook (as exported, or re-saved by Excel, WPS or LibreOffice) into the rulebook JSON. */
export async function readRulebookWorkbook(path: string, lang: Lang): Promise<SheetImport> {
  const { wb } = await openWorkbook(path);
  const sheets = new Map<string, SheetGrid>();
  for (const name of Object.values(RULEBOOK_SHEET)) {
    const ws = wb.getWorksheet(name);
    if (ws) sheets.set(name, grid(ws, path));
  }
  return rulebookFromSheets(sheets, lang);
}
