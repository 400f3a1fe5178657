/**
 * A sheet's protection as WPS gives it (ProtectContents and the Allow… flags of Worksheet.Protection), lifted for
 * one write and put back as it was. Protect's arguments are positional, as in Excel's VBA model (npm
 * `et-jsapi-declare`, lib.et.d.ts: Worksheet.Protect(Password, DrawingObjects, Contents, Scenarios,
 * UserInterfaceOnly, AllowFormattingCells, AllowFormattingColumns, AllowFormattingRows, AllowInsertingColumns,
 * AllowInsertingRows, AllowInsertingHyperlinks, AllowDeletingColumns, AllowDeletingRows)).
 */
import type { WWorksheet } from './surface.js';

/** The Allow… flags the tool restores: formatting cells, columns, rows; inserting rows; deleting rows. */
export type ProtectionOptions = [boolean, boolean, boolean, boolean, boolean];

/** The sheet's protection options, or null when it is not protected. */
export function protectionOf(ws: WWorksheet): ProtectionOptions | null {
  if (!ws.ProtectContents) return null;
  const p = ws.Protection;
  return [p.AllowFormattingCells, p.AllowFormattingColumns, p.AllowFormattingRows, p.AllowInsertingRows, p.AllowDeletingRows];
}

/** Protects the sheet again with the options it had (and the password, '' for none). */
export function protectAgain(ws: WWorksheet, options: ProtectionOptions, password = ''): void {
  const [cells, cols, rows, insRows, delRows] = options;
  ws.Protect(password, true, true, true, false, cells, cols, rows, false, insRows, false, false, delRows);
}

/**
 * Runs `write` with the sheet unprotected when it was protected (the password given, '' otherwise: WPS raises on a
 * wrong one rather than asking), and protects it again with its own options whatever happens.
 */
export function withSheetUnprotected<T>(ws: WWorksheet, write: () => T, password = ''): T {
  const options = protectionOf(ws);
  if (!options) return write();
  ws.Unprotect(password);
  try {
    return write();
  } finally {
    protectAgain(ws, options, password);
  }
}
