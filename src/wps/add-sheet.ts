/**
 * Adding a named sheet in WPS when a co-editor may add the same name at once: WPS delivers the other's sheet between
 * two calls of the object model, so naming the sheet just added raises (the name is taken). Told apart by fact (a
 * sheet of that name is there now), never by the error's words; the sheet just added, still empty, is deleted.
 */
import { sheetsByName } from './read.js';
import type { WWorkbook, WWorksheet } from './surface.js';

/** A sheet this action added could not take its name: a co-editor's sheet of that name arrived meanwhile. */
export class NameTaken extends Error {
  constructor(readonly sheet: string) {
    super(`the sheet name ${sheet} was taken meanwhile`);
    this.name = 'NameTaken';
  }
}

/**
 * Adds a sheet after the last one, named `name`. If the name was taken since the workbook was read, the sheet just
 * added is deleted and NameTaken raised; any other failure is raised as it is, after the same clean-up.
 */
export function addNamedSheet(wb: WWorkbook, name: string): WWorksheet {
  const sheets = wb.Worksheets;
  const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
  try {
    ws.Name = name;
    return ws;
  } catch (e) {
    ws.Delete();
    if (sheetsByName(wb).has(name)) throw new NameTaken(name);
    throw e;
  }
}
