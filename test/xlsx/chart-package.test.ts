/**
 * The chart parts written into a package after ExcelJS (issue 22): a sheet that already has relationships (a note,
 * a hyperlink, a picture) gets its drawing with the next rId of its own numbering, the chart with the next of the
 * drawing's; content types name the new parts; every part is well-formed XML (xmllint); parts left alone are copied
 * byte for byte; and a second pass over the written package replaces the tool's chart instead of adding another.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CHART_NAME_PREFIX, type ChartModel, type SheetModel } from '../../src/core/index.js';
import { finishPackage } from '../../src/xlsx/charts/index.js';
import { OoxmlPackage, REL, resolveTarget } from '../../src/xlsx/charts/package.js';
import { tempDir } from '../support/files.js';

const XMLLINT = ['/usr/bin/xmllint'].find((p) => existsSync(p));

const chart = (name: string): ChartModel => ({
  name: `${CHART_NAME_PREFIX}${name}`,
  title: '标题 <&> "引号"',
  xTitle: '类别',
  yTitle: '数值',
  categories: { sheet: "Data's", r1: 1, c1: 0, r2: 3, c2: 0 },
  series: [
    { name: '柱', type: 'bar', colour: '#4477AA', values: { sheet: "Data's", r1: 1, c1: 1, r2: 3, c2: 1 }, pointColours: ['#111111', '#222222', '#333333'] },
    { name: '线', type: 'line', colour: '#CC3311', dash: true, values: { sheet: "Data's", r1: 1, c1: 2, r2: 3, c2: 2 } },
    { name: '点', type: 'points', colour: '#228833', marker: 'diamond', rise: 10, values: { sheet: "Data's", r1: 1, c1: 2, r2: 3, c2: 2 } },
  ],
  stacked: true,
  axis: { min: 0, max: 10, format: '0' },
  alt: '说明\u0001文字',
  at: { row: 6, col: 0, dx: 0, dy: 0 },
  width: 300,
  height: 150,
});

async function written(): Promise<{ bytes: Buffer; model: SheetModel }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data's");
  const model: SheetModel = { name: "Data's", cells: [{ row: 0, col: 0, value: 'x' }, { row: 1, col: 0, value: 'a' }, { row: 1, col: 1, value: 3 }, { row: 2, col: 1, value: 4 }], charts: [chart('one')] };
  ws.getCell('A2').value = 'a';
  ws.getCell('B2').value = 3;
  ws.getCell('B3').value = 4;
  ws.getCell('A1').note = 'a note';
  ws.getCell('C1').value = { text: 'link', hyperlink: 'https://example.invalid/' };
  const id = wb.addImage({ buffer: readFileSync('assets/icon-16.png') as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(id, 'E2:F3');
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), model };
}

describe('chart parts in the package', () => {
  it('continue the sheet’s relationship numbering, name their content types, are well-formed, leave other parts alone', async () => {
    const { bytes, model } = await written();
    const before = OoxmlPackage.read(bytes);
    const part = before.sheets()[0]!.part;
    const rels = before.rels(part);
    // ExcelJS's own: the note, the hyperlink and the picture's drawing.
    expect(rels.length).toBeGreaterThanOrEqual(3);
    const out = OoxmlPackage.read(finishPackage(bytes, { models: [model] }).bytes);
    // The sheet already had a drawing (the picture): the chart joins it, the sheet's relationships unchanged.
    expect(out.rels(part)).toEqual(rels);
    const drawingRel = rels.find((r) => r.type === REL.drawing)!;
    const drawing = resolveTarget(part, drawingRel.target);
    const drawingRels = out.rels(drawing);
    const chartRel = drawingRels.find((r) => r.type === REL.chart)!;
    const n = (id: string) => Number(id.replace('rId', ''));
    expect(n(chartRel.id)).toBe(Math.max(...before.rels(drawing).map((r) => n(r.id))) + 1);
    const chartPart = resolveTarget(drawing, chartRel.target);
    expect(out.contentType(chartPart)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    expect(out.text(drawing)).toContain(`name="${CHART_NAME_PREFIX}one"`);
    // The picture is still in the drawing.
    expect(out.text(drawing)).toMatch(/<xdr:pic>/);
    const xml = out.text(chartPart);
    expect(xml).toContain("<c:f>'Data''s'!$B$2:$B$4</c:f>");
    expect(xml).toContain('<c:pt idx="0"><c:v>3</c:v></c:pt><c:pt idx="1"><c:v>4</c:v></c:pt>');
    expect(xml).toContain('标题 &lt;&amp;&gt; &quot;引号&quot;');
    // Parts not changed are the same bytes.
    for (const name of before.names().filter((x) => x !== '[Content_Types].xml' && !x.startsWith('xl/drawings/'))) expect(out.bytes(name).equals(before.bytes(name)), name).toBe(true);
    if (XMLLINT) {
      const dir = tempDir();
      for (const name of out.names().filter((x) => /\.(xml|rels)$/.test(x))) {
        const file = join(dir, name.replace(/[/[\]]/g, '_'));
        writeFileSync(file, out.bytes(name));
        execFileSync(XMLLINT, ['--noout', file]);
      }
    }
  });

  it('a sheet without relationships gets rId1; a second pass replaces the tool’s chart, never doubles it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data's").getCell('B2').value = 1;
    const model: SheetModel = { name: "Data's", cells: [], charts: [chart('one')] };
    const first = finishPackage(Buffer.from(await wb.xlsx.writeBuffer()), { models: [model] }).bytes;
    const pkg = OoxmlPackage.read(first);
    const part = pkg.sheets()[0]!.part;
    expect(pkg.rels(part).map((r) => r.id)).toEqual(['rId1']);
    expect(pkg.text(part)).toMatch(/<drawing [^>]*r:id="rId1"\/>/);
    // The copy written again from it (ExcelJS drops the chart), the original grafted back: one chart, the new one.
    const again = finishPackage(Buffer.from(await wb.xlsx.writeBuffer()), { models: [{ ...model, charts: [chart('one')] }], original: first });
    const out = OoxmlPackage.read(again.bytes);
    expect(out.names().filter((x) => /^xl\/charts\/chart\d+\.xml$/.test(x))).toHaveLength(1);
  });
});
