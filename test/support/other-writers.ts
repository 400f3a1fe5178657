/**
 * Applications written by Excel-compatible writers other than ExcelJS, made in the test: rust_xlsxwriter (npm
 * `wasm-xlsxwriter`) copying an example application cell by cell and adding what applicants put in their workbooks —
 * a chart bound to the indicator sheet, a picture, a note, a defined name — and LibreOffice saving that workbook
 * again as its own .xlsx. Plus one unusual but valid part: shapes drawn on the chart (a chart's user shapes, with a
 * picture), which Excel writes when someone draws on a chart and which ExcelJS fails on.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Chart, ChartRange, ChartSeries, Image, Note, Workbook } from 'wasm-xlsxwriter';
import { OoxmlPackage } from '../../src/xlsx/charts/package.js';

export const APPLICANT_CHART = '申报方自制产值图';
export const APPLICANT_NOTE = '申报方备注：产值数据来自统计年报';
export const APPLICANT_NAME = '申报方产值区域';
export const PICTURE = readFileSync('assets/icon-32.png');

/** The indicator sheet's output row (1.6) and its three year columns, as the example has them (A1 addresses). */
export interface ChartSource {
  sheet: string;
  row: number;
  cols: [number, number];
}

/** Where the example's 1.6 (total output) row is: the chart is bound to it, as an applicant would bind one. */
export async function outputRow(path: string): Promise<ChartSource> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('指标表')!;
  let row = 0;
  ws.eachRow((r, n) => {
    if (!row && r.values && (r.values as unknown[]).some((v) => v === '1.6')) row = n;
  });
  return { sheet: '指标表', row, cols: [4, 6] };
}

/** The example application rewritten by rust_xlsxwriter, with a chart, a picture, a note and a defined name. */
export async function rustWritten(example: string): Promise<Buffer> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(example);
  const at = await outputRow(example);
  const wb = new Workbook();
  for (const ws of src.worksheets) {
    const out = wb.addWorksheet();
    out.setName(ws.name);
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value as unknown;
        if (typeof v === 'string') out.writeString(r - 1, c - 1, v);
        else if (typeof v === 'number') out.writeNumber(r - 1, c - 1, v);
        else if (typeof v === 'boolean') out.writeBoolean(r - 1, c - 1, v);
        else if (v && typeof v === 'object' && 'richText' in v) out.writeString(r - 1, c - 1, (v as { richText: Array<{ text: string }> }).richText.map((x) => x.text).join(''));
        else if (v && typeof v === 'object' && 'text' in v) out.writeString(r - 1, c - 1, String((v as { text: string }).text));
        else if (v && typeof v === 'object' && 'result' in v && (v as { result: unknown }).result !== undefined) {
          const res = (v as { result: unknown }).result;
          if (typeof res === 'number') out.writeNumber(r - 1, c - 1, res);
          else if (typeof res === 'string') out.writeString(r - 1, c - 1, res);
        }
      }),
    );
    if (ws.name === at.sheet) {
      const chart = Chart.newColumn();
      chart.title().setName(APPLICANT_CHART);
      chart.pushSeries(new ChartSeries().setName('总产值').setValues(ChartRange.newFromRange(at.sheet, at.row - 1, at.cols[0] - 1, at.row - 1, at.cols[1] - 1)));
      out.insertChart(2, 12, chart);
      out.insertImage(20, 12, new Image(PICTURE));
      out.insertNote(at.row - 1, 1, new Note(APPLICANT_NOTE));
    }
  }
  wb.defineName(APPLICANT_NAME, `='${at.sheet}'!$D$${at.row}:$F$${at.row}`);
  return Buffer.from(wb.saveToBufferSync());
}

/**
 * The workbook with shapes drawn on its first chart (`c:userShapes`: a drawing part of the chart's own, whose root
 * is not a worksheet drawing, holding a picture). Valid OOXML, opened by Excel and LibreOffice.
 */
export function withChartShapes(buf: Buffer): Buffer {
  const pkg = OoxmlPackage.read(buf);
  const chart = pkg.names().find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))!;
  const shapes = pkg.freeName('xl/drawings/drawing1.xml');
  const media = pkg.freeName('xl/media/image1.png');
  pkg.put(media, PICTURE);
  pkg.put(
    shapes,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:userShapes xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><cdr:relSizeAnchor xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing">` +
      `<cdr:from><cdr:x>0.05</cdr:x><cdr:y>0.05</cdr:y></cdr:from><cdr:to><cdr:x>0.15</cdr:x><cdr:y>0.2</cdr:y></cdr:to>` +
      `<cdr:pic><cdr:nvPicPr><cdr:cNvPr id="2" name="申报方标识"/><cdr:cNvPicPr/></cdr:nvPicPr><cdr:blipFill><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/><a:stretch xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:fillRect/></a:stretch></cdr:blipFill>` +
      `<cdr:spPr><a:xfrm xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:off x="0" y="0"/><a:ext cx="304800" cy="304800"/></a:xfrm><a:prstGeom xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" prst="rect"><a:avLst/></a:prstGeom></cdr:spPr></cdr:pic></cdr:relSizeAnchor></c:userShapes>`,
  );
  pkg.setContentType(shapes, 'application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml');
  pkg.setRels(shapes, [{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image', target: `../media/${media.split('/').pop()}` }]);
  const rid = pkg.addRel(chart, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes', `../drawings/${shapes.split('/').pop()}`);
  const xml = pkg.text(chart);
  const ns = xml.includes('xmlns:r=') ? '' : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  pkg.put(chart, xml.replace('</c:chartSpace>', `<c:userShapes${ns} r:id="${rid}"/></c:chartSpace>`));
  if (!pkg.contentType(media)) pkg.setContentType(media, 'image/png');
  return pkg.toBuffer();
}
