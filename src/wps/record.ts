/**
 * The tool's record in WPS: the same versioned blocks on the very hidden `_cluster_review` sheet as the other
 * adapters (src/core/report/meta.ts), appended below the block read, superseded rows cleared. Written as text
 * (NumberFormat "@" before the values, so "@1.…" and "=…" stay text) in one 2-D write per part.
 */
import { META_HEADER_ROWS, META_SHEET, metaBlock, metaHeader, type Reading, type WorkbookMeta } from '../core/index.js';
import { spans } from '../common/cells.js';
import { rect } from './render.js';
import { XL_SHEET_VERY_HIDDEN, type WApplication, type WWorkbook, type WWorksheet } from './surface.js';

function writeText(ws: WWorksheet, row: number, rows: Array<[string, string]>): void {
  const r = ws.Range(rect(row, 0, rows.length, 2));
  r.NumberFormat = '@';
  r.Value2 = rows.map(([k, v]) => [k, v]);
}

/** Appends `meta` as the record's next version (the sheet is added, very hidden, when the workbook has none). */
export function writeRecord(app: WApplication, wb: WWorkbook, reading: Pick<Reading, 'names' | 'record'>, meta: WorkbookMeta): void {
  const sheets = wb.Worksheets;
  const expected = reading.record ?? { block: null, end: 0, stale: [] };
  const block = metaBlock(meta, (expected.block?.version ?? 0) + 1, expected.block ? (expected.block.labels ?? [expected.block.label]) : []);
  if (!reading.names.includes(META_SHEET)) {
    // Adding a sheet brings it to the front: the sheet the reviewer was on is brought back.
    const front = app.ActiveSheet;
    const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = META_SHEET;
    writeText(ws, 0, [...metaHeader(), ...block.rows]);
    front?.Activate();
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    return;
  }
  const ws = sheets.Item(META_SHEET);
  const start = Math.max(expected.end ?? 0, META_HEADER_ROWS);
  writeText(ws, 0, metaHeader());
  writeText(ws, start, block.rows);
  for (const [a, b] of spans(expected.stale ?? []).filter(([a]) => a >= META_HEADER_ROWS && a < start)) ws.Range(rect(a, 0, b - a + 1, 2)).ClearContents();
}
