/**
 * The rulebook stamped in the open workbook's template record, for the pane to show when it is not the rulebook
 * in force. Only shown, never used: the reviewer's rulebook decides. Two syncs (sheet names; then the record
 * sheet, only if there is one).
 */
import { META_SHEET, readMetaRecord, type RulebookStamp } from '../core/index.js';
import type { XContext } from './surface.js';

export async function readTemplateStamp(ctx: XContext): Promise<RulebookStamp | null> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  if (!sheets.items.some((s) => s.name === META_SHEET)) return null;
  const r = sheets.getItem(META_SHEET).getUsedRangeOrNullObject();
  r.load('values,rowIndex');
  await ctx.sync();
  if (r.isNullObject) return null;
  return readMetaRecord(r.values.map((row) => [row[0], row[1]] as [unknown, unknown]), r.rowIndex).meta?.template?.rulebook ?? null;
}
