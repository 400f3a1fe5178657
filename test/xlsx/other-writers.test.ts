/**
 * Issue 22 (3): the applicant's workbook is kept whole in the reviewed copy. Applications written by other
 * Excel-compatible writers — rust_xlsxwriter (npm wasm-xlsxwriter) and LibreOffice, generated here — carrying a chart
 * bound to the indicator sheet, a picture, a note and a defined name: the reviewed copy keeps every one of them
 * (the chart as it was, the picture byte for byte), and LibreOffice imports the kept chart from the copy. A workbook
 * with an unusual but valid part ExcelJS cannot parse (shapes drawn on a chart) opens in LibreOffice, so it is never
 * called damaged: the part is read around, said, and carried into the copy unchanged.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OoxmlPackage, REL, resolveTarget } from '../../src/xlsx/charts/package.js';
import { chartsIn, libreofficeCharts } from '../support/charts.js';
import { openWorkbook } from '../../src/xlsx/open.js';
import { cli, noteOf, tempDir } from '../support/files.js';
import { libreofficeConvert, SOFFICE } from '../support/libreoffice.js';
import { APPLICANT_CHART, APPLICANT_NAME, APPLICANT_NOTE, outputRow, PICTURE, rustWritten, withChartShapes } from '../support/other-writers.js';
import { writeExample } from '../support/files.js';

/** The pictures a worksheet's drawing shows (the bytes of each), found through the package's relationships. */
function pictures(file: string, sheet: string): Buffer[] {
  const pkg = OoxmlPackage.read(readFileSync(file));
  const part = pkg.sheets().find((s) => s.name === sheet)!.part;
  const out: Buffer[] = [];
  for (const d of pkg.rels(part).filter((r) => r.type === REL.drawing)) {
    const drawing = resolveTarget(part, d.target);
    const rels = new Map(pkg.rels(drawing).map((r) => [r.id, r]));
    for (const m of pkg.text(drawing).matchAll(/<(?:\w+:)?pic\b[\s\S]*?r:embed="([^"]+)"/g)) out.push(pkg.bytes(resolveTarget(drawing, rels.get(m[1]!)!.target)));
  }
  return out;
}

const definedNames = (file: string): string[] => [...OoxmlPackage.read(readFileSync(file)).text('xl/workbook.xml').matchAll(/<definedName\b[^>]*name="([^"]+)"/g)].map((m) => m[1]!);

/** Everything the applicant put in: the chart (title and ranges), the picture, the note, the defined name. */
async function expectApplicantContent(file: string, chartRefs: string[], noteRow: number): Promise<void> {
  const chart = chartsIn(file).find((c) => c.sheet === '指标表' && c.titles[0] === APPLICANT_CHART);
  expect(chart, `${file}: the applicant's chart`).toBeDefined();
  expect(chart!.refs).toEqual(chartRefs);
  expect(pictures(file, '指标表').some((p) => p.equals(PICTURE)), `${file}: the applicant's picture`).toBe(true);
  // Read as the tool reads it (plain ExcelJS fails on a chart's shapes, which the copy keeps).
  const { wb } = await openWorkbook(file);
  expect(noteOf(wb.getWorksheet('指标表')!.getCell(noteRow, 2)) ?? '', `${file}: the applicant's note`).toContain(APPLICANT_NOTE);
  expect(definedNames(file), `${file}: the applicant's defined name`).toContain(APPLICANT_NAME);
}

describe.skipIf(!SOFFICE)('applications from other writers keep their charts, pictures, notes and names (needs LibreOffice)', () => {
  let dir: string;
  let rust: string;
  let lo: string;
  let row: number;
  let refs: string[];
  beforeAll(async () => {
    dir = tempDir();
    const example = await writeExample(dir, '01-passing', {}, 'example.xlsx');
    row = (await outputRow(example)).row;
    rust = join(dir, 'rust.xlsx');
    writeFileSync(rust, await rustWritten(example));
    refs = chartsIn(rust).find((c) => c.titles[0] === APPLICANT_CHART)!.refs;
    // LibreOffice's own writing of the same workbook.
    const out = join(dir, 'lo');
    mkdirSync(out);
    const copy = join(dir, 'lo-input', 'rust.xlsx');
    mkdirSync(join(dir, 'lo-input'));
    writeFileSync(copy, readFileSync(rust));
    libreofficeConvert(copy, 'xlsx', out);
    lo = join(dir, 'libreoffice.xlsx');
    writeFileSync(lo, readFileSync(join(out, readdirSync(out).find((n) => n.endsWith('.xlsx'))!)));
  }, 300_000);

  it.each([
    ['rust_xlsxwriter', () => rust],
    ['LibreOffice', () => lo],
  ])('%s: the reviewed copy keeps the chart, the picture, the note and the defined name', async (_writer, input) => {
    const file = input();
    // The input has them all, as its writer wrote them.
    await expectApplicantContent(file, refs, row);
    const copy = file.replace(/\.xlsx$/, '.reviewed.xlsx');
    const r = await cli(['check', file, '-o', copy, '--experts', '甲,乙']);
    expect(r.code, r.err).toBe(0);
    // Nothing is said to be left out: charts and drawings are carried.
    expect(r.err).not.toMatch(/不包含这些内容/);
    await expectApplicantContent(copy, refs, row);
    // The tool's own charts are there too, on its summary.
    expect(chartsIn(copy).filter((c) => c.sheet === '评审汇总')).toHaveLength(2);
    // LibreOffice imports the applicant's chart from the copy, bound to the same cells.
    const imported = libreofficeCharts(copy, dir).find((c) => c.titles[0] === APPLICANT_CHART);
    expect(imported?.refs).toEqual(refs);
    // A second check of the copy keeps them again (the tool's charts replaced, not doubled).
    const again = copy.replace(/\.xlsx$/, '-2.xlsx');
    expect((await cli(['check', copy, '-o', again])).code).toBe(0);
    await expectApplicantContent(again, refs, row);
    expect(chartsIn(again).filter((c) => c.sheet === '评审汇总')).toHaveLength(2);
  }, 300_000);

  it('shapes drawn on a chart (a part ExcelJS cannot parse): not called damaged, read around, said, and kept', async () => {
    const file = join(dir, 'shapes.xlsx');
    writeFileSync(file, withChartShapes(readFileSync(rust)));
    // LibreOffice opens it: its chart is there when LibreOffice writes the workbook again.
    expect(libreofficeCharts(file, dir).map((c) => c.titles[0])).toContain(APPLICANT_CHART);
    const copy = join(dir, 'shapes.reviewed.xlsx');
    const r = await cli(['check', file, '-o', copy]);
    expect(r.err).not.toMatch(/已损坏|不是有效的工作簿/);
    expect(r.code, r.err).toBe(0);
    // Said: which part was read around, and that it is kept.
    expect(r.err).toMatch(/绕过/);
    expect(r.err).toContain('xl/drawings/drawing');
    await expectApplicantContent(copy, refs, row);
    // The chart keeps its shapes: a user-shapes part with the picture, byte for byte.
    const pkg = OoxmlPackage.read(readFileSync(copy));
    const chart = chartsIn(copy).find((c) => c.titles[0] === APPLICANT_CHART)!;
    const shapes = pkg.rels(chart.part).find((x) => x.type.endsWith('/chartUserShapes'));
    expect(shapes).toBeDefined();
    const shapesPart = resolveTarget(chart.part, shapes!.target);
    expect(pkg.text(shapesPart)).toContain('<c:userShapes');
    const pic = pkg.rels(shapesPart).find((x) => x.type.endsWith('/image'))!;
    expect(pkg.bytes(resolveTarget(shapesPart, pic.target)).equals(PICTURE)).toBe(true);
    // English too.
    const en = await cli(['check', file, '-o', join(dir, 'shapes-en.xlsx'), '--lang', 'en']);
    expect(en.code, en.err).toBe(0);
    expect(en.err).toMatch(/read around/);
  }, 300_000);
});
