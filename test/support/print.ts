/**
 * Printing measured, not assumed: many files rendered to PDF by one LibreOffice run, with the test font standing in
 * for 宋体, and each page read back with poppler (`pdftotext -raw` for the text in drawing order, `-bbox` for where
 * each word is). What a page shows is compared with what the tool wrote into the sheet.
 *
 * The test font: the sheets name 宋体 (SimSun). Debian has no SimSun; AR PL SungtiL GB (fonts-arphic-gbsn00lp,
 * installed by .ci/run) is a Song face for GB2312 with SimSun's metrics where they decide a layout: every Chinese
 * character and full-width sign one em wide, every Latin letter, digit and space half an em (fontconfig calls it
 * "dual" spacing, 90), so lines break and columns fill exactly as in 宋体; its lines are one em apart, SimSun's a
 * little more, and the sheets plan rows with room for either (LINE_PT). The fontconfig file below binds 宋体 and
 * SimSun to it, and `fontsOf` lets a test check that the PDF used it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { SOFFICE } from './libreoffice.js';

export const STAND_IN = 'AR PL SungtiL GB';
/** Its PostScript name, as pdffonts reports it. */
export const STAND_IN_PS = 'BousungEG-Light-GB';

export const printTools = !!SOFFICE && ['/usr/bin/pdftotext', '/usr/bin/pdfinfo', '/usr/bin/pdffonts'].every((p) => existsSync(p));
export const standInInstalled = (() => {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }).includes(STAND_IN);
  } catch {
    return false;
  }
})();

function fontsConf(dir: string): string {
  const file = join(dir, 'fonts.conf');
  const alias = (family: string) =>
    `  <match target="pattern"><test name="family" qual="any"><string>${family}</string></test><edit name="family" mode="assign" binding="strong"><string>${STAND_IN}</string></edit></match>`;
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${['宋体', 'SimSun', 'NSimSun', '新宋体'].map(alias).join('\n')}\n</fontconfig>\n`,
  );
  return file;
}

/** Renders every file to PDF in one LibreOffice run (its start-up is most of the cost); returns each file's PDF. */
export function renderAll(files: string[], dir: string): Map<string, string> {
  const out = join(dir, 'pdf');
  mkdirSync(out, { recursive: true });
  const env = { ...process.env, FONTCONFIG_FILE: fontsConf(dir) };
  // Files of one name in two folders would overwrite each other's PDF: each is given its own output name.
  const names = new Map<string, string>();
  const batches: string[][] = [[]];
  for (const f of files) {
    const stem = basename(f, extname(f));
    if ([...names.values()].includes(stem)) batches.push([f]);
    else batches[batches.length - 1]!.push(f);
    names.set(f, stem);
  }
  const pdfs = new Map<string, string>();
  batches.forEach((batch, i) => {
    if (!batch.length) return;
    const to = i === 0 ? out : join(out, String(i));
    mkdirSync(to, { recursive: true });
    execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', to, ...batch], { stdio: 'ignore', timeout: 600_000, env });
    for (const f of batch) pdfs.set(f, join(to, `${basename(f, extname(f))}.pdf`));
  });
  for (const [f, p] of pdfs) if (!existsSync(p)) throw new Error(`LibreOffice wrote no PDF for ${f} (in ${readdirSync(out).join(', ')})`);
  return pdfs;
}

export interface Word {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  /** The text in drawing order (a cell's lines one after another). */
  raw: string;
  words: Word[];
  /** The footer's left part (the sheet's name) and the page number. */
  sheet: string;
  number: number;
}

const MARGIN_PT = 54;

export function readPdf(pdf: string): PdfPage[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 }).split('\f');
  const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 }).split('<page ').slice(1);
  return sizes.map(([width, height], i) => {
    const words: Word[] = [];
    for (const m of (bbox[i] ?? '').matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g))
      words.push({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]), text: unescapeXml(m[5]!) });
    const foot = words.filter((w) => w.y1 > height - MARGIN_PT).sort((a, b) => a.x1 - b.x1);
    const footText = foot.map((w) => w.text).join(' ');
    const num = /第\s*(\d+)\s*页|Page\s+(\d+)/.exec(footText);
    const sheet = footText.replace(/第\s*\d+\s*页|Page\s+\d+/, '').trim();
    return { width, height, raw: raw[i] ?? '', words, sheet, number: num ? Number(num[1] ?? num[2]) : 0 };
  });
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Fonts a PDF embeds, by PostScript name without the subset prefix. */
export function fontsOf(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return [...new Set(out.split('\n').slice(2).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).filter(Boolean))];
}

/** Text compared without the whitespace a renderer adds or drops at line ends. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** Pairs of words of one page that overprint each other (boxes overlapping by more than a sliver). */
export function overlaps(page: PdfPage): Array<[Word, Word]> {
  const out: Array<[Word, Word]> = [];
  const ws = [...page.words].sort((a, b) => a.x1 - b.x1);
  for (let i = 0; i < ws.length; i++) {
    const a = ws[i]!;
    for (let j = i + 1; j < ws.length && ws[j]!.x1 < a.x2; j++) {
      const b = ws[j]!;
      const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      // Glyph boxes of one em: neighbouring lines touch; overprinted text overlaps by a good part of a line.
      const h = Math.min(a.y2 - a.y1, b.y2 - b.y1);
      if (dx > 1 && dy > h * 0.3) out.push([a, b]);
    }
  }
  return out;
}

/** Words that leave the paper (cut at its edge). */
export const offPage = (page: PdfPage): Word[] => page.words.filter((w) => w.x1 < -0.5 || w.x2 > page.width + 0.5 || w.y1 < -0.5 || w.y2 > page.height + 0.5);

/** The smallest Chinese text of a page body, in points (a CJK character is one em wide). */
export function smallestCjk(page: PdfPage): number {
  let least = Infinity;
  for (const w of page.words) {
    if (w.y1 < MARGIN_PT || w.y2 > page.height - MARGIN_PT || !/^[\u4e00-\u9fff]{2,}$/.test(w.text)) continue;
    // A CJK word of n characters is n em long along its line: across the page for ordinary text, down it for text
    // turned a quarter (a chart's vertical axis title), so the longer side of its box is the line.
    least = Math.min(least, Math.max(w.x2 - w.x1, w.y2 - w.y1) / w.text.length);
  }
  return least;
}

/** Body lines (words grouped by their baseline), top to bottom, without the header and footer. */
export function bodyLines(page: PdfPage): string[] {
  const rows = new Map<number, Word[]>();
  for (const w of page.words) {
    if (w.y1 < MARGIN_PT - 20 || w.y2 > page.height - MARGIN_PT + 20) continue;
    const key = Math.round(w.y2);
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws.sort((a, b) => a.x1 - b.x1).map((w) => w.text).join(' '));
}
