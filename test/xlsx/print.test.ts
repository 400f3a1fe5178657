/**
 * Everything the tool writes prints on A4 as LibreOffice renders it to PDF: the paper and orientation, the header
 * rows repeated, what the sheet is about and the page number on every page, the summary's scoring table and its
 * conclusion with signatures each on one page, the committee list legible (no text under 8 pt), score sheets
 * across pages with the cluster repeated. Pages are read back with poppler (pdfinfo, pdftotext, pdftoppm); a few
 * pages are drawn to test-artifacts/print/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { A4 } from '../../src/core/index.js';
import { t } from '../../src/core/text/index.js';
import { cli, tempDir, writeExample } from '../support/files.js';
import { libreofficeConvert, SOFFICE } from '../support/libreoffice.js';

const poppler = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every((p) => existsSync(p));
/** With Carlito (Calibri's metrics) LibreOffice lays columns out as Excel does; without it text prints smaller. */
const carlito = (() => {
  try {
    return execFileSync('fc-match', ['Calibri'], { encoding: 'utf8' }).includes('Carlito');
  } catch {
    return false;
  }
})();

interface Page {
  width: number;
  height: number;
  text: string;
  /** The sheet the page belongs to (the footer's left part) and its page number (the right part). */
  sheet: string;
  number: number;
  /** The smallest CJK text of the page body (points), from word widths: a CJK character is one em wide. */
  smallest: number;
}

function toPdf(dir: string, file: string): string {
  libreofficeConvert(file, 'pdf', join(dir, 'pdf'), { timeoutMs: 180_000 });
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.xlsx$/, '.pdf');
  return join(dir, 'pdf', name);
}

function pages(pdf: string): Page[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pageXml = bbox.split('<page ').slice(1);
  return sizes.map(([width, height], i) => {
    const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' });
    const lines = text.split('\n').filter((l) => l.trim());
    const foot = /^\s*(\S.*?)\s+第\s*(\d+)\s*页\s*$/.exec(lines[lines.length - 1] ?? '');
    let smallest = Infinity;
    for (const m of (pageXml[i] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const [x1, y1, x2, y2, word] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), m[5]!];
      // The body only (header and footer sit in the top and bottom margins), words of CJK characters only, written
      // across (a chart's value-axis title runs upwards: its box is as wide as one character is tall).
      if (y1 < 54 || y2 > height - 54 || !/^[\u4e00-\u9fff]{2,}$/.test(word) || y2 - y1 > x2 - x1) continue;
      smallest = Math.min(smallest, (x2 - x1) / word.length);
    }
    return { width, height, text, sheet: foot?.[1] ?? '', number: foot ? Number(foot[2]) : 0, smallest };
  });
}

const landscape = (p: Page) => Math.round(p.width) === A4.long && Math.round(p.height) === A4.short;
const portrait = (p: Page) => Math.round(p.width) === A4.short && Math.round(p.height) === A4.long;
const artifacts = join('test-artifacts', 'print');

/** Draws pages of a PDF to PNG in test-artifacts/print/ to look at. */
function draw(pdf: string, first: number, last: number, prefix: string): void {
  mkdirSync(artifacts, { recursive: true });
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(first), '-l', String(last), pdf, join(artifacts, prefix)], { stdio: 'ignore' });
}

describe.skipIf(!SOFFICE || !poppler)('printing on A4 as LibreOffice renders it (needs LibreOffice and poppler-utils)', () => {
  it('the reviewed copy: the summary landscape, header and page numbers on every page, scoring table and signatures each on one page', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '02-failing');
    const reviewed = join(dir, 'reviewed.xlsx');
    expect((await cli(['check', input, '-o', reviewed, '--experts', '甲,乙,丙,丁,戊'])).code).toBe(1);
    const pdf = toPdf(dir, reviewed);
    const sheet = t('summary.sheet', 'zh-CN');
    const summary = pages(pdf).filter((p) => p.sheet === sheet);
    // Measured: 7 pages with five experts under the national defaults (identity and eligibility; the scoring table
    // with the committee score's own row of the trimmed mean; the recommendation, discussion and conclusion; the
    // findings of a failing application over four pages), and the page of its charts.
    expect(summary.length).toBeGreaterThanOrEqual(3);
    expect(summary.length).toBeLessThanOrEqual(8);
    summary.forEach((p, i) => {
      expect(landscape(p), `page ${i + 1} landscape A4`).toBe(true);
      expect(p.number).toBe(i + 1);
      // The title row is repeated on every page.
      expect(p.text).toContain(t('summary.title', 'zh-CN'));
    });
    const cluster = summary[0]!.text.split('\n').find((l) => l.trim())!.trim();
    expect(cluster.length).toBeGreaterThan(0);
    for (const p of summary) expect(p.text.split('\n').find((l) => l.trim())!.trim()).toBe(cluster);
    const on = (word: string) => summary.filter((p) => p.text.includes(word)).map((p) => p.number);
    // The scoring table from its heading to the 回避 row and the recommendation rule: one page.
    const table = on(t('summary.criteriaSection', 'zh-CN'));
    expect(table).toHaveLength(1);
    expect(on(t('summary.conflict', 'zh-CN'))).toEqual(table);
    // The conclusion from its heading to the signatures: one page.
    const conclusion = on(t('summary.conclusionSection', 'zh-CN'));
    expect(conclusion).toHaveLength(1);
    expect(on(t('summary.signatures', 'zh-CN'))).toEqual(conclusion);
    // The indicator sheet with its flags and the legend of flag colours below the form: still A4, the legend on
    // its last page (title, the statuses flagged, the note), the form's header on every page.
    const indicator = pages(pdf).filter((p) => p.sheet === '指标表');
    console.log(`indicator sheet with legend: ${indicator.length} pages`);
    expect(indicator.length).toBeGreaterThanOrEqual(2);
    // Rows sized for their wrapped texts (issue 21: no overprinting) make the form longer than the 15-pt rows did; the
    // seal blocks (issue 19) add a page of their own, the legend below them.
    expect(indicator.length).toBeLessThanOrEqual(7);
    indicator.forEach((p, i) => {
      expect(landscape(p) || portrait(p), `indicator page ${i + 1} A4`).toBe(true);
      expect(p.number).toBe(i + 1);
      expect(p.text).toContain(t('template.colGuidance', 'zh-CN'));
    });
    const legendPage = indicator[indicator.length - 1]!.text;
    for (const word of [t('print.legendTitle', 'zh-CN'), t('print.legendNote', 'zh-CN'), t('status.fail', 'zh-CN'), t('status.invalid', 'zh-CN')]) expect(legendPage).toContain(word);
    expect(indicator.filter((p) => p.text.includes(t('print.legendTitle', 'zh-CN')))).toHaveLength(1);
    draw(pdf, 1, Math.min(pages(pdf).length, 12), 'reviewed');
  }, 300_000);

  it('the template: 填表说明 on one A4 portrait page, 指标表 landscape with its header row on every page', async () => {
    const dir = tempDir();
    const file = join(dir, 'template.xlsx');
    expect((await cli(['template', '--year', '2025', '-o', file])).code).toBe(0);
    const all = pages(toPdf(dir, file));
    const guide = all.filter((p) => p.sheet === t('template.instructionsSheet', 'zh-CN'));
    expect(guide).toHaveLength(1);
    expect(portrait(guide[0]!)).toBe(true);
    const sheet = all.filter((p) => p.sheet === '指标表');
    expect(sheet.length).toBeGreaterThanOrEqual(2);
    for (const p of sheet) {
      expect(landscape(p)).toBe(true);
      expect(p.text).toContain(t('template.colGuidance', 'zh-CN'));
      expect(p.text).toContain(t('template.title', 'zh-CN', { year: 2025 }));
    }
    // The plan and evidence sheets: A4, their header row on every page, numbered, no text under 8 pt.
    for (const [sheet, header] of [
      ['规划目标', t('template.planColCurrent', 'zh-CN', { year: 2024 })],
      ['佐证材料目录', t('template.evidenceColName', 'zh-CN')],
    ] as const) {
      const ps = all.filter((p) => p.sheet === sheet);
      expect(ps.length, sheet).toBeGreaterThanOrEqual(1);
      ps.forEach((p, i) => {
        expect(landscape(p) || portrait(p), sheet).toBe(true);
        expect(p.text, sheet).toContain(header);
        expect(p.number, sheet).toBe(ps[0]!.number + i);
        expect(p.number, sheet).toBeGreaterThan(0);
        expect(p.smallest, sheet).toBeGreaterThanOrEqual(8);
      });
    }
  }, 300_000);

  it('a committee round: score sheets one page wide with the signature below the table, the committee list one page wide at 8 pt or more', async () => {
    const dir = tempDir();
    const apps = join(dir, 'apps');
    mkdirSync(apps);
    for (const [i, name] of ['01-passing', '02-failing', '05-provincial-rows'].entries()) await writeExample(apps, name, {}, `a${i + 1}.xlsx`);
    const sheets = join(dir, 'sheets');
    expect((await cli(['scoresheets', apps, '--experts', '甲,乙,丙', '--round', 'print-1', '-o', sheets, '--all'])).code).toBe(0);
    const sheetFile = join(sheets, readdirSync(sheets).find((n) => n.includes('甲'))!);
    copyFileSync(sheetFile, join(dir, 'scoresheet.xlsx'));
    const score = pages(toPdf(dir, join(dir, 'scoresheet.xlsx')));
    // One landscape page wide at 8 pt or more (issue 21): the notes and texts wrap in narrow columns; each page has the
    // header row from the first column to the last (the long reasons of a failing application make two pages down).
    for (const p of score) {
      expect(landscape(p)).toBe(true);
      expect(p.text).toContain(t('committee.col.cluster', 'zh-CN'));
      expect(p.text).toContain(t('committee.col.opinion', 'zh-CN'));
      expect(p.text).not.toMatch(/\ba\d\b/);
      if (carlito) expect(p.smallest).toBeGreaterThanOrEqual(7.9);
    }
    expect(score[score.length - 1]!.text).toContain(t('committee.signature', 'zh-CN'));

    const list = join(dir, 'list.xlsx');
    expect((await cli(['tally', apps, sheets, '-o', list])).code).not.toBe(2);
    const all = pages(toPdf(dir, list));
    const title = t('committee.rollup.sheet', 'zh-CN');
    const listPages = all.filter((p) => p.sheet === title);
    // The list on one page, its chart whole on the next (issue 22).
    expect(listPages).toHaveLength(2);
    expect(listPages[1]!.text).toContain(t('chart.committee.title', 'zh-CN'));
    expect(listPages[1]!.text).toContain(t('chart.committee.y', 'zh-CN'));
    const first = listPages.slice(0, 1);
    expect(landscape(first[0]!)).toBe(true);
    // The limited column set: the file column is on 评分记录, not on the printed list.
    expect(first[0]!.text).not.toContain(t('committee.col.file', 'zh-CN'));
    expect(first[0]!.text).toContain(t('committee.col.meeting', 'zh-CN'));
    // Carlito gives LibreOffice Excel's column widths; without it the scale is LibreOffice's own.
    if (carlito) expect(first[0]!.smallest).toBeGreaterThanOrEqual(7.9);
    for (const p of all) expect(landscape(p) || portrait(p)).toBe(true);
    for (const p of all) expect(p.number).toBeGreaterThan(0);
  }, 300_000);

  it('the batch roll-up, the monitoring form and the rulebook workbook: A4, page numbers and their subject on every page', async () => {
    const dir = tempDir();
    const apps = join(dir, 'apps');
    mkdirSync(apps);
    for (const name of ['01-passing', '02-failing', '03-vetoed']) await writeExample(apps, name);
    const rollup = join(dir, 'rollup.xlsx');
    await cli(['batch', apps, '-o', rollup]);
    const form = join(dir, 'form.xlsx');
    expect((await cli(['monitor-template', '--year', '2024', '-o', form])).code).toBe(0);
    const rules = join(dir, 'rules.xlsx');
    expect((await cli(['rulebook', 'export', '-o', rules])).code).toBe(0);
    const subjects: Array<[string, string]> = [
      [rollup, t('rollup.title', 'zh-CN')],
      [form, t('monitoring.title', 'zh-CN', { year: 2024 })],
      [rules, '中小企业特色产业集群认定标准'],
    ];
    for (const [file, subject] of subjects) {
      const all = pages(toPdf(dir, file));
      expect(all.length).toBeGreaterThan(0);
      for (const p of all) {
        expect(landscape(p) || portrait(p), file).toBe(true);
        expect(p.number, file).toBeGreaterThan(0);
        expect(p.text, file).toContain(subject);
        if (carlito) expect(p.smallest, `${file} ${p.sheet} ${p.number}`).toBeGreaterThanOrEqual(7.9);
      }
    }
  }, 300_000);
});
