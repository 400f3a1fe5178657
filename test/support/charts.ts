/**
 * Reading charts back from a package (ours, or LibreOffice's own export of it), and the pages of a PDF that show them:
 * what the tests need to hold that a real spreadsheet application imported each chart with its kind, title, axis
 * titles and series bound to the intended ranges, and drew it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { OoxmlPackage } from '../../src/xlsx/charts/package.js';
import { REL, resolveTarget, unescapeXml } from '../../src/xlsx/charts/package.js';
import { libreofficeConvert } from './libreoffice.js';

export interface ChartInfo {
  /** The worksheet whose drawing holds the chart. */
  sheet: string;
  part: string;
  /** The chart's own title, then the axis titles. */
  titles: string[];
  /** Plot kinds with their direction and grouping: "bar:col:stacked", "line", "scatter". */
  kinds: string[];
  /** The cell ranges its series read (categories and values), sheet names unquoted, sorted, distinct. */
  refs: string[];
  /** Each series' cached values (numbers; null where the cache has no point), in order. */
  values: Array<Array<number | null>>;
  xml: string;
}

const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** A chart formula as compared: no quotes around the sheet name, no "$". */
export const normalRef = (f: string): string => unescapeXml(f).replace(/'/g, '').replace(/\$/g, '');

function parseChart(xml: string): Omit<ChartInfo, 'sheet' | 'part' | 'xml'> {
  const titles = [...xml.matchAll(/<c:title>([\s\S]*?)<\/c:title>/g)].map((m) => texts(m[1]!));
  const kinds = [...xml.matchAll(/<c:(bar|line|scatter|area|pie)Chart>([\s\S]*?)<\/c:\1Chart>/g)].map((m) => {
    if (m[1] !== 'bar') return m[1]!;
    const dir = /<c:barDir val="(\w+)"/.exec(m[2]!)?.[1];
    const grouping = /<c:grouping val="(\w+)"/.exec(m[2]!)?.[1];
    return `bar:${dir}:${grouping}`;
  });
  const refs = [...new Set([...xml.matchAll(/<c:(?:cat|val|xVal|yVal)>[\s\S]*?<c:f>([^<]*)<\/c:f>/g)].map((m) => normalRef(m[1]!)))].sort();
  const values = [...xml.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g)].map((m) => {
    const count = Number(/<c:ptCount val="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
    const out: Array<number | null> = Array.from({ length: count }, () => null);
    for (const p of m[1]!.matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) out[Number(p[1])] = Number(p[2]);
    return out;
  });
  return { titles, kinds, refs, values };
}

/** Every chart of a workbook, by the worksheet whose drawing holds it. */
export function chartsIn(file: string): ChartInfo[] {
  const pkg = OoxmlPackage.read(readFileSync(file));
  const out: ChartInfo[] = [];
  for (const s of pkg.sheets()) {
    for (const d of pkg.rels(s.part).filter((r) => r.type === REL.drawing)) {
      const drawing = resolveTarget(s.part, d.target);
      for (const c of pkg.rels(drawing).filter((r) => r.type === REL.chart)) {
        const part = resolveTarget(drawing, c.target);
        const xml = pkg.text(part);
        out.push({ sheet: s.name, part, xml, ...parseChart(xml) });
      }
    }
  }
  return out;
}

/** The workbook as LibreOffice imports and exports it again (xlsx), and that copy's charts. */
export function libreofficeCharts(file: string, dir: string): ChartInfo[] {
  const out = join(dir, `lo-${basename(file, '.xlsx')}-${Math.random().toString(36).slice(2, 8)}`);
  libreofficeConvert(file, 'xlsx', out);
  return chartsIn(join(out, readdirSync(out).find((n) => n.endsWith('.xlsx'))!));
}

export interface RenderedPage {
  number: number;
  text: string;
  /** Share of the page's pixels in a saturated colour (bars, lines and markers of a chart; not grey or black). */
  coloured: number;
}

/** Renders a workbook with LibreOffice to PDF, each page's text and colour; pages showing `needle` are drawn to `artifacts`. */
export function renderPages(file: string, dir: string, needles: string[], artifacts: string): RenderedPage[] {
  const out = join(dir, `pdf-${Math.random().toString(36).slice(2, 8)}`);
  libreofficeConvert(file, 'pdf', out);
  const pdf = join(out, readdirSync(out).find((n) => n.endsWith('.pdf'))!);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const pages: RenderedPage[] = [];
  for (let n = 1; n <= count; n++) {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
    if (!needles.some((x) => text.includes(x))) {
      pages.push({ number: n, text, coloured: 0 });
      continue;
    }
    const stem = join(out, `page-${n}`);
    execFileSync('pdftoppm', ['-r', '60', '-f', String(n), '-l', String(n), '-singlefile', pdf, stem]);
    pages.push({ number: n, text, coloured: colouredShare(readFileSync(`${stem}.ppm`)) });
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(n), '-l', String(n), '-singlefile', pdf, stem]);
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(`${stem}.png`, join(artifacts, `${basename(file, '.xlsx')}-${n}.png`));
  }
  return pages;
}

/** The share of pixels of a binary PPM (P6) whose channels differ by more than 60: colour, not grey. */
function colouredShare(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.toString('latin1', 0, 64))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let coloured = 0;
  for (let i = 0; i + 2 < data.length; i += 3) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  return coloured / (w * h);
}
