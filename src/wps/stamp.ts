/**
 * The rulebook stamped in the open workbook's template record, for the pane to show when it is not the rulebook
 * in force (the WPS side of src/office/stamp.ts). Only shown, never used: the reviewer's rulebook decides. A few
 * calls: the sheet names, then the record sheet's used range in one read.
 */
import { META_SHEET, type RulebookStamp } from '../core/index.js';
import { recordOf, sheetsByName } from './read.js';
import type { WApplication } from './surface.js';

export function readTemplateStamp(app: WApplication): RulebookStamp | null {
  const wb = app.ActiveWorkbook;
  if (!wb) return null;
  const ws = sheetsByName(wb).get(META_SHEET);
  return ws ? (recordOf(ws).meta?.template?.rulebook ?? null) : null;
}
