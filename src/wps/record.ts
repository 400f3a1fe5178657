/**
 * The tool's record in WPS: the same versioned blocks on the very hidden `_cluster_review` sheet as the other
 * adapters (src/core/report/meta.ts), appended below the block read, superseded rows cleared. Written as text
 * (NumberFormat "@" before the values, so "@1.…" and "=…" stay text) in one 2-D write per part.
 */
import { META_HEADER_ROWS, META_SHEET, mergeMeta, metaBlock, metaHeader, type Reading, type WorkbookMeta } from '../core/index.js';
import { spans } from '../common/cells.js';
import { addNamedSheet, NameTaken } from './add-sheet.js';
import { recordOf } from './read.js';
import { rect } from './render.js';
import { XL_SHEET_VERY_HIDDEN, type WApplication, type WWorkbook, type WWorksheet } from './surface.js';

function writeText(ws: WWorksheet, row: number, rows: Array<[string, string]>): void {
  const r = ws.Range(rect(row, 0, rows.length, 2));
  r.NumberFormat = '@';
  r.Value2 = rows.map(([k, v]) => [k, v]);
}

/**
 * Appends `meta` as the record's next version (the sheet is added, very hidden, when the workbook has none). A
 * co-editor's record sheet arriving as this one is added (two first records at once): it is read, what it records
 * merged with this action's (mergeMeta, over what this action read), and the merge appended to it.
 */
export function writeRecord(app: WApplication, wb: WWorkbook, reading: Pick<Reading, 'names' | 'record' | 'meta'>, meta: WorkbookMeta): void {
  const sheets = wb.Worksheets;
  let expected = reading.record ?? { block: null, end: 0, stale: [] };
  let block = metaBlock(meta, (expected.block?.version ?? 0) + 1, expected.block ? (expected.block.labels ?? [expected.block.label]) : []);
  if (!reading.names.includes(META_SHEET)) {
    // Adding a sheet brings it to the front: the sheet the reviewer was on is brought back.
    const front = app.ActiveSheet;
    try {
      const ws = addNamedSheet(wb, META_SHEET);
      writeText(ws, 0, [...metaHeader(), ...block.rows]);
      front?.Activate();
      ws.Visible = XL_SHEET_VERY_HIDDEN;
      return;
    } catch (e) {
      if (!(e instanceof NameTaken)) throw e;
      front?.Activate();
      const now = recordOf(sheets.Item(META_SHEET));
      expected = { block: now.block ?? null, end: now.end ?? 0, stale: now.stale ?? [] };
      block = metaBlock(mergeMeta(reading.meta, meta, now.meta), (expected.block?.version ?? 0) + 1, expected.block ? (expected.block.labels ?? [expected.block.label]) : []);
    }
  }
  const ws = sheets.Item(META_SHEET);
  const start = Math.max(expected.end ?? 0, META_HEADER_ROWS);
  writeText(ws, 0, metaHeader());
  writeText(ws, start, block.rows);
  for (const [a, b] of spans(expected.stale ?? []).filter(([a]) => a >= META_HEADER_ROWS && a < start)) ws.Range(rect(a, 0, b - a + 1, 2)).ClearContents();
}
