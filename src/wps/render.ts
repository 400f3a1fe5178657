/**
 * Renders a core SheetModel into a WPS worksheet: the same models the ExcelJS and Office.js adapters render, so
 * the summary written in WPS is the CLI's and Excel's. Values go in one 2-D Formula write per band of rows; number
 * formats, styles and unlocked cells one call per property for a group of cells (a multi-area address of at most
 * 255 characters), never one call per cell per property.
 */
import { parseQualified, safeModel, SHEET_FONT, STYLES, toA1, TRUNCATED_MARK, type CellModel, type SheetModel, type StyleDef, type StyleKey } from '../core/index.js';
import { modelBands, numberFormatOf, slice, solidRects } from '../common/model-write.js';
import { toBgr } from './colour.js';
import {
  XL_BETWEEN,
  XL_CENTER,
  XL_CONTINUOUS,
  XL_EDGES,
  XL_LANDSCAPE,
  XL_LEFT,
  XL_PORTRAIT,
  XL_RIGHT,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_TOP,
  XL_UNDERLINE_SINGLE,
  XL_VALID_ALERT,
  XL_VALIDATE,
  type WApplication,
  type WRange,
  type WWorksheet,
} from './surface.js';

/** The longest multi-area address the object model takes (Range("A1,B2,…")). */
const ADDRESS_LIMIT = 255;

/** A1 addresses joined into multi-area addresses of at most ADDRESS_LIMIT characters. */
export function addressChunks(addresses: readonly string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > ADDRESS_LIMIT) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** A zero-based rectangle as an A1 address. */
export const rect = (r: number, c: number, rows: number, cols: number): string => (rows === 1 && cols === 1 ? toA1(r, c) : `${toA1(r, c)}:${toA1(r + rows - 1, c + cols - 1)}`);

const H_ALIGN = { left: XL_LEFT, center: XL_CENTER, right: XL_RIGHT } as const;

function applyStyle(r: WRange, def: StyleDef): void {
  if (def.fill) r.Interior.Color = toBgr(def.fill);
  const font = r.Font;
  font.Name = SHEET_FONT;
  font.Size = def.size ?? 11;
  if (def.bold) font.Bold = true;
  if (def.italic) font.Italic = true;
  if (def.underline) font.Underline = XL_UNDERLINE_SINGLE;
  if (def.fontColor) font.Color = toBgr(def.fontColor);
  if (def.wrap) r.WrapText = true;
  if (def.align) r.HorizontalAlignment = H_ALIGN[def.align];
  r.VerticalAlignment = def.valign === 'top' ? XL_TOP : XL_CENTER;
  if (def.border)
    for (const edge of Object.values(XL_EDGES)) {
      const b = r.Borders.Item(edge);
      b.LineStyle = XL_CONTINUOUS;
      b.Color = toBgr('#BFBFBF');
    }
}

/** Cells grouped by a key, as multi-area address chunks. */
function groups(cells: CellModel[], key: (c: CellModel) => string | undefined): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const c of cells) {
    const k = key(c);
    if (k === undefined) continue;
    let list = by.get(k);
    if (!list) by.set(k, (list = []));
    list.push(toA1(c.row, c.col));
  }
  return new Map([...by].map(([k, list]) => [k, addressChunks(list)]));
}

/**
 * `keep` (a summary rewritten in place): the model's cells are written, never any other, and not the expert cells
 * it names (SummaryPlan.inPlace.keep) — a 2-D write in WPS writes every cell of its range, so the values go in
 * rectangles around them (src/common/model-write.ts, the cells Excel's renderer writes). Without it (a new sheet)
 * each band is one write.
 */
export function renderModel(app: WApplication, ws: WWorksheet, sheetModel: SheetModel, opts: { notes?: boolean; keep?: ReadonlySet<string> } = {}): void {
  const model = safeModel(sheetModel, TRUNCATED_MARK).model;
  const cells = model.cells;
  if (cells.length) {
    // Number formats first, so "0.0%" cells take 0.32 as 32% and "@" cells keep "001" as text.
    for (const [fmt, chunks] of groups(cells, numberFormatOf)) for (const a of chunks) ws.Range(a).NumberFormat = fmt;
    for (const band of modelBands(model, opts.keep)) {
      if (!opts.keep) {
        ws.Range(rect(band.row, 0, band.rows, band.cols)).Formula = band.values.map((line) => line.map((v) => v ?? ''));
        continue;
      }
      for (const r of solidRects(band.values)) ws.Range(rect(band.row + r.row, r.col, r.rows, r.cols)).Formula = slice(band.values, r);
    }
    for (const [style, chunks] of groups(cells, (c) => c.style)) for (const a of chunks) applyStyle(ws.Range(a), STYLES[style as StyleKey]);
    for (const [, chunks] of groups(cells, (c) => (c.input ? 'input' : undefined))) for (const a of chunks) ws.Range(a).Locked = false;

    for (const c of cells) {
      const a = toA1(c.row, c.col);
      if (c.link) {
        const target = parseQualified(c.link);
        ws.Hyperlinks.Add(ws.Range(a), '', `'${target.sheet.replace(/'/g, "''")}'!${toA1(target.row, target.col)}`, c.link, String(c.value ?? c.link));
      }
      if (c.validation) {
        const v = c.validation;
        const dv = ws.Range(a).Validation;
        // Add raises on a cell that has a rule (a summary rewritten in place): the old one goes first.
        dv.Delete();
        const alert = v.severity === 'warning' ? XL_VALID_ALERT.warning : XL_VALID_ALERT.stop;
        if (v.kind === 'list') dv.Add(XL_VALIDATE.list, alert, XL_BETWEEN, (v.values ?? []).join(','));
        else dv.Add(v.kind === 'whole' ? XL_VALIDATE.whole : XL_VALIDATE.decimal, alert, XL_BETWEEN, v.min ?? 0, v.max ?? 0);
        if (v.prompt) {
          dv.InputMessage = v.prompt;
          dv.ErrorMessage = v.prompt;
        }
      }
    }
  }

  for (const [r1, c1, r2, c2] of model.merges ?? []) ws.Range(rect(r1, c1, r2 - r1 + 1, c2 - c1 + 1)).Merge(false);
  // ColumnWidth is in characters of the standard font, as the model's widths are.
  for (const [i, width] of (model.widths ?? []).entries()) ws.Range(toA1(0, i)).ColumnWidth = width;
  for (const [r, h] of Object.entries(model.heights ?? {})) ws.Range(toA1(Number(r), 0)).RowHeight = h;
  for (const c of model.hiddenCols ?? []) ws.Range(toA1(0, c)).EntireColumn.Hidden = true;
  if (model.freeze && (model.freeze.rows || model.freeze.cols)) {
    // Freezing is the window's: the sheet is shown first.
    ws.Activate();
    const win = app.ActiveWindow;
    if (win) {
      win.SplitRow = model.freeze.rows;
      win.SplitColumn = model.freeze.cols;
      win.FreezePanes = true;
    }
  }
  if (model.print) {
    const p = model.print;
    const ps = ws.PageSetup;
    ps.Orientation = p.landscape ? XL_LANDSCAPE : XL_PORTRAIT;
    if (p.fitToWidth) {
      ps.Zoom = false;
      ps.FitToPagesWide = 1;
      ps.FitToPagesTall = false;
    }
    if (p.repeatRows) ps.PrintTitleRows = `$${p.repeatRows[0] + 1}:$${p.repeatRows[1] + 1}`;
  }
  if (model.tabColor) ws.Tab.Color = toBgr(model.tabColor);
  if (model.state && model.state !== 'visible') ws.Visible = model.state === 'veryHidden' ? XL_SHEET_VERY_HIDDEN : XL_SHEET_HIDDEN;
  // People's notes carried over from a previous summary: comments are WPS's notes.
  if (opts.notes) for (const c of cells) if (c.note) ws.Range(toA1(c.row, c.col)).AddComment(c.note);
  if (model.protect)
    ws.Protect(model.protect.password ?? '', true, true, true, false, false, true, true, false, false, false, false, false);
}
