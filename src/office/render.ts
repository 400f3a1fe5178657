/**
 * Renders a core SheetModel into an Excel worksheet through Office.js: the same models the ExcelJS adapter
 * renders, so the add-in's summary is the CLI's summary. Values go in one 2D write per row band, formats by
 * style (one command per style where RangeAreas exist), all queued through the Writer: no sync per cell.
 */
import { columnLetters, parseQualified, printSectionCode, quoteSheet, safeModel, SHEET_FONT, STYLES, toA1, TRUNCATED_MARK, type CellModel, type SheetModel, type StyleDef, type StyleKey } from '../core/index.js';
import type { Capabilities } from './capabilities.js';
import type { XNoteCollection, XRangeFormat, XWorksheet } from './surface.js';
import { Writer } from './writer.js';
import { modelBands } from '../common/model-write.js';
export { convertible, literal } from '../common/cells.js';

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

type Formattable = Omit<XRangeFormat, 'columnWidth' | 'rowHeight'>;

function applyStyle(format: Formattable, def: StyleDef): void {
  if (def.fill) format.fill.color = def.fill;
  const font = format.font;
  font.name = SHEET_FONT;
  font.size = def.size ?? 11;
  if (def.bold) font.bold = true;
  if (def.italic) font.italic = true;
  if (def.underline) font.underline = 'Single';
  if (def.fontColor) font.color = def.fontColor;
  if (def.wrap) format.wrapText = true;
  if (def.align) format.horizontalAlignment = H_ALIGN[def.align];
  format.verticalAlignment = def.valign === 'top' ? 'Top' : 'Center';
  if (def.border)
    for (const edge of EDGES) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = '#BFBFBF';
    }
}

/** Groups cells by a key; RangeAreas addresses are cut into pieces Excel accepts. */
function groups(cells: CellModel[], key: (c: CellModel) => string | undefined): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const c of cells) {
    const k = key(c);
    if (k === undefined) continue;
    let lists = out.get(k);
    if (!lists) out.set(k, (lists = [[]]));
    let last = lists[lists.length - 1]!;
    if (last.length >= 150) lists.push((last = []));
    last.push(toA1(c.row, c.col));
  }
  return out;
}

/**
 * `keep`: cells ("r,c") whose value is left as it is (null in the 2D write, which Excel leaves alone): expert cells
 * an in-place rewrite did not change (see SummaryPlan.inPlace), so a value typed since the read stands. Their
 * number format is written (the rewrite cleared the block's formats): a typed date stays a date.
 */
export async function renderModel(
  ws: XWorksheet,
  sheetModel: SheetModel,
  caps: Capabilities,
  w: Writer,
  notes?: XNoteCollection,
  keep?: ReadonlySet<string>,
  /** Only these cells ("r,c") get their notes (in place: those carried from a duplicate summary); absent: every note. */
  noteCells?: ReadonlySet<string>,
): Promise<void> {
  // Excel's limits, enforced once in the core for both renderers (the plans already did it in the reviewer's language).
  const model = safeModel(sheetModel, TRUNCATED_MARK).model;
  const cells = model.cells;
  if (cells.length) {
    // Values and formulas: one rectangle per band of rows; cells the model does not hold, and the expert cells
    // kept, are left as they are (null, which Excel leaves alone). Shared with WPS: src/common/model-write.ts.
    for (const band of modelBands(model, keep)) {
      const range = () => ws.getRangeByIndexes(band.row, 0, band.rows, band.cols);
      const formats = band.formats;
      // Number formats before values, so "0.0%" cells take 0.32 as 32%.
      if (formats) await w.add(Writer.size(formats), () => (range().numberFormat = formats));
      await w.add(Writer.size(band.values), () => (range().formulas = band.values));
    }

    // Styles: one command per style and piece (RangeAreas), else per cell.
    for (const [style, lists] of groups(cells, (c) => c.style)) {
      const def = STYLES[style as StyleKey];
      for (const list of lists) {
        if (caps.rangeAreas) await w.add(Writer.size(list) + 600, () => applyStyle(ws.getRanges(list.join(',')).format, def));
        else for (const a of list) await w.add(600, () => applyStyle(ws.getRange(a).format, def));
      }
    }
    for (const [, lists] of groups(cells, (c) => (c.input ? 'input' : undefined)))
      for (const list of lists) {
        if (caps.rangeAreas) await w.add(Writer.size(list), () => (ws.getRanges(list.join(',')).format.protection.locked = false));
        else for (const a of list) await w.add(96, () => (ws.getRange(a).format.protection.locked = false));
      }

    for (const c of cells) {
      const a = toA1(c.row, c.col);
      if (c.link) {
        const text = String(c.value ?? c.link);
        const target = parseQualified(c.link);
        const ref = `'${target.sheet.replace(/'/g, "''")}'!${toA1(target.row, target.col)}`;
        await w.add(Writer.size([ref, text]), () => (ws.getRange(a).hyperlink = { documentReference: ref, textToDisplay: text, screenTip: c.link }));
      }
      if (c.validation && caps.validation) {
        const v = c.validation;
        const rule =
          v.kind === 'list'
            ? { list: { inCellDropDown: true, source: (v.values ?? []).join(',') } }
            : { [v.kind === 'whole' ? 'wholeNumber' : 'decimal']: { formula1: v.min ?? 0, formula2: v.max ?? 0, operator: 'Between' } };
        await w.add(Writer.size(rule) + 200, () => {
          const dv = ws.getRange(a).dataValidation;
          dv.rule = rule;
          dv.errorAlert = { showAlert: true, style: v.severity === 'warning' ? 'Warning' : 'Stop', title: '', message: v.prompt ?? '' };
          if (v.prompt) dv.prompt = { showPrompt: true, title: '', message: v.prompt };
        });
      }
    }
  }

  for (const [r1, c1, r2, c2] of model.merges ?? []) await w.add(96, () => ws.getRangeByIndexes(r1, c1, r2 - r1 + 1, c2 - c1 + 1).merge(false));
  // Widths in characters → points (about 6 points per character of the default font).
  for (const [i, width] of (model.widths ?? []).entries()) await w.add(96, () => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(width * 6)));
  for (const [r, h] of Object.entries(model.heights ?? {})) await w.add(96, () => (ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h));
  for (const c of model.hiddenCols ?? []) await w.add(96, () => (ws.getRangeByIndexes(0, c, 1, 1).columnHidden = true));
  if (model.freeze && (model.freeze.rows || model.freeze.cols)) {
    const { rows, cols } = model.freeze;
    await w.add(96, () => (cols ? ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(rows, 1), cols)) : ws.freezePanes.freezeRows(rows)));
  }
  if (model.print && caps.pageLayout) {
    const p = model.print;
    await w.add(600 + Writer.size([p.header ?? {}, p.footer ?? {}]), () => {
      const pl = ws.pageLayout;
      pl.paperSize = 'A4';
      pl.orientation = p.landscape ? 'Landscape' : 'Portrait';
      pl.zoom = p.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: p.scale ?? 100 };
      if (p.margins) {
        // Inches in the model, points in Office.js.
        pl.leftMargin = p.margins.left * 72;
        pl.rightMargin = p.margins.right * 72;
        pl.topMargin = p.margins.top * 72;
        pl.bottomMargin = p.margins.bottom * 72;
        pl.headerMargin = p.margins.header * 72;
        pl.footerMargin = p.margins.footer * 72;
      }
      if (p.repeatRows) pl.setPrintTitleRows(`$${p.repeatRows[0] + 1}:$${p.repeatRows[1] + 1}`);
      if (p.repeatCols) pl.setPrintTitleColumns(`$${columnLetters(p.repeatCols[0])}:$${columnLetters(p.repeatCols[1])}`);
      if (p.area) pl.setPrintArea(`${toA1(p.area[0], p.area[1])}:${toA1(p.area[2], p.area[3])}`);
      const hf = pl.headersFooters.defaultForAllPages;
      hf.leftHeader = printSectionCode(p.header?.left);
      hf.centerHeader = printSectionCode(p.header?.center);
      hf.rightHeader = printSectionCode(p.header?.right);
      hf.leftFooter = printSectionCode(p.footer?.left);
      hf.centerFooter = printSectionCode(p.footer?.center);
      hf.rightFooter = printSectionCode(p.footer?.right);
      // The model's breaks alone: a summary updated in place drops the last run's.
      ws.horizontalPageBreaks.removePageBreaks();
      for (const r of p.rowBreaks ?? []) if (r > 0) ws.horizontalPageBreaks.add(toA1(r, 0));
    });
  }
  if (model.tabColor) await w.add(96, () => (ws.tabColor = model.tabColor!));
  if (model.state && model.state !== 'visible') await w.add(96, () => (ws.visibility = model.state === 'veryHidden' ? 'VeryHidden' : 'Hidden'));
  // Notes (people's, carried over from the previous summary): where the host has them, before protection.
  if (notes && caps.explanations === 'notes')
    for (const c of model.cells)
      if (c.note && (!noteCells || noteCells.has(`${c.row},${c.col}`))) {
        const text = c.note;
        await w.add(Writer.size(text), () => notes.add(`${quoteSheet(model.name)}!${toA1(c.row, c.col)}`, text));
      }
  if (model.protect) {
    const password = model.protect.password;
    await w.add(200, () =>
      ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowFormatCells: false, allowInsertRows: false, allowDeleteRows: false }, password),
    );
  }
}
