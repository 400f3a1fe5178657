/**
 * Print that keeps every word (issue 21, item 1): every sheet the tool writes — the demo's outputs (reviewed copies,
 * the batch roll-up, a committee round with its score sheets, list and documents, the monitoring register) and the
 * template, the monitoring form and the rulebook workbook — rendered to PDF by LibreOffice with the test font standing
 * in for 宋体 (test/support/print.ts says why it is a fair stand-in), and each page read back:
 *
 * - every text the tool wrote in a printed cell appears whole in the PDF's text (a clipped text loses its end);
 * - no two words overprint each other (`pdftotext -bbox`);
 * - no word leaves the paper, and each sheet prints one page wide, its text at 7.9 pt or more;
 * - a signature or seal block never starts a page alone;
 * - header and page number on every page; the audit sheets (评分记录, 专家总分) print a note by default and their
 *   whole table, readably, when the note's print area is cleared.
 *
 * One LibreOffice run converts every file; all assertions read the same PDFs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/files.js';
import { bodyLines, fontsOf, offPage, overlaps, printTools, readPdf, renderAll, smallestCjk, squash, STAND_IN_PS, standInInstalled, type PdfPage } from '../support/print.js';

const ROOT = resolve('.');

interface Sheet {
  file: string;
  name: string;
  texts: string[];
  fitToWidth: boolean;
}

/** The texts a sheet prints: visible, in the print area, a merged area's text once. */
async function sheetTexts(file: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Sheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const area = ws.pageSetup.printArea ? parseArea(ws.pageSetup.printArea) : null;
    const hiddenCols = new Set<number>();
    ws.columns?.forEach((c, i) => c.hidden && hiddenCols.add(i + 1));
    const texts: string[] = [];
    ws.eachRow((row, r) => {
      if (row.hidden) return;
      row.eachCell((cell, c) => {
        if (hiddenCols.has(c) || (area && (r < area[0] || r > area[2] || c < area[1] || c > area[3]))) return;
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value as unknown;
        let s: string | null = null;
        if (typeof v === 'string') s = v;
        else if (v && typeof v === 'object' && 'richText' in v) s = (v as ExcelJS.CellRichTextValue).richText.map((x) => x.text).join('');
        else if (v && typeof v === 'object' && 'result' in v && typeof (v as ExcelJS.CellFormulaValue).result === 'string') s = (v as ExcelJS.CellFormulaValue).result as string;
        if (s && squash(s)) texts.push(s);
      });
    });
    out.push({ file, name: ws.name, texts, fitToWidth: ws.pageSetup.fitToPage === true && ws.pageSetup.fitToWidth === 1 });
  }
  return out;
}

function parseArea(a: string): [number, number, number, number] {
  const m = /\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)/.exec(a.replace(/^.*!/, ''))!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col(m[1]!), Number(m[4]), col(m[3]!)];
}

async function docxTexts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).filter((s) => squash(s));
}

const SIGN = /签字|签名|盖章/;

/**
 * Sheets that do not yet print whole, each with what is wrong, as measured here: the test fails when one of them
 * prints whole (then it leaves this list) and when any other sheet does not. Open work of issue 21, item 1.
 */
const KNOWN: Record<string, string> = {
};
/** The template's name-list sheets print nothing while they are empty (LibreOffice skips a sheet with no data). */
const EMPTY_LISTS = new Set(['龙头企业', '国家级高新技术企业', '制造业单项冠军企业', '创新平台', '创新型中小企业', '公共服务平台', '专精特新小巨人企业', '专精特新中小企业']);

/** A page whose body is only a signature or seal block (and the repeated header), with nothing of what is signed. */
function signatureAlone(page: PdfPage, repeated: string[]): boolean {
  const lines = bodyLines(page);
  if (!lines.some((l) => SIGN.test(l))) return false;
  const rest = lines.filter((l) => !SIGN.test(l) && !/^(日期|Date)/.test(l.trim()) && !repeated.some((h) => squash(l) === squash(h)));
  return squash(rest.join('')).replace(/[^\u4e00-\u9fff]/g, '').length < 8;
}

describe.skipIf(!printTools || !standInInstalled)('print keeps every word: every sheet the tool writes, as LibreOffice prints it (needs LibreOffice, poppler-utils and fonts-arphic-gbsn00lp)', () => {
  let dir = '';
  const files: string[] = [];
  let pdfs = new Map<string, string>();
  let asked = '';

  beforeAll(async () => {
    dir = tempDir();
    // The demo, run in a folder of its own: out/ there holds everything it writes.
    symlinkSync(join(ROOT, 'examples'), join(dir, 'examples'));
    const demo = spawnSync(process.execPath, [join(ROOT, 'lib', 'demo.js')], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
    expect(demo.status, demo.stderr).toBe(0);
    const out = join(dir, 'out');
    const ls = (d: string, ext = '.xlsx') => readdirSync(d).filter((n) => n.endsWith(ext)).sort().map((n) => join(d, n));
    files.push(...ls(out), join(out, 'round', '推荐汇总.xlsx'), join(out, 'round', 'sheets', '专家评分表-王专家.xlsx'), ...ls(join(out, 'round', '评审文件')), ...ls(join(out, 'round', '评审文件'), '.docx'));
    // What the other commands write.
    const more = join(dir, 'more');
    const YUNNAN = join(ROOT, 'rulebooks', 'yunnan-2023.json');
    mkdirSync(more);
    const made: Array<[string[], string]> = [
      [['template', '--year', '2025', '-o', join(more, '指标表模板.xlsx')], join(more, '指标表模板.xlsx')],
      [['monitor-template', '--year', '2024', '-o', join(more, '培育情况表.xlsx')], join(more, '培育情况表.xlsx')],
      [['rulebook', 'export', '-o', join(more, '规则表.xlsx')], join(more, '规则表.xlsx')],
      // The provincial tier: the Yunnan rulebook's city quotas on 设置, and a roll-up under them with a city over its quota.
      [['rulebook', 'export', '--rulebook', YUNNAN, '-o', join(more, '规则表-云南.xlsx')], join(more, '规则表-云南.xlsx')],
      [['batch', ...ls(join(ROOT, 'examples')), '--rulebook', YUNNAN, '-o', join(more, '推荐汇总-云南.xlsx')], join(more, '推荐汇总-云南.xlsx')],
      [['check', join(ROOT, 'examples', 'monitoring', '02-late-target-missed.xlsx'), '-o', join(more, '监测表核验.xlsx')], join(more, '监测表核验.xlsx')],
    ];
    for (const [args, file] of made) {
      const r = await cli(args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).not.toBe(2);
      files.push(file);
    }
    // The audit sheets as printed when asked: their note's print area cleared.
    asked = join(more, '推荐汇总-评分记录.xlsx');
    copyFileSync(join(out, 'round', '推荐汇总.xlsx'), asked);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(asked);
    for (const ws of wb.worksheets) if (ws.name === '评分记录' || ws.name === '专家总分') delete (ws.pageSetup as { printArea?: string }).printArea;
    await wb.xlsx.writeFile(asked);
    files.push(asked);
    pdfs = renderAll(files, dir);
  }, 900_000);

  it('prints with the test font standing in for 宋体', () => {
    // The monitoring form checked here is an example made before the sheets named 宋体: its cells keep their own font.
    for (const [file, pdf] of pdfs) if (!file.endsWith('监测表核验.xlsx')) expect(fontsOf(pdf), basename(file)).toContain(STAND_IN_PS);
  });

  it('one vocabulary on the demo round: the list, the documents, the summary, the JSON and the terminal say the same words', async () => {
    const out = join(dir, 'out');
    const list = readPdf(pdfs.get(join(out, 'round', '推荐汇总.xlsx'))!).filter((p) => p.sheet === '推荐汇总');
    const listText = list.map((p) => p.raw).join('\n');
    for (const word of ['建议推荐', '超出推荐名额', '未达推荐分数线', '不符合推荐条件', '待定（待补充材料）', '专家组评分', '审定结果', '通过自动核验'])
      expect(squash(listText), word).toContain(squash(word));
    // The documents of the round and the list as printed: no internal words, codes, file names or machine dates.
    const papers = files.filter((f) => f.includes('评审文件'));
    expect(papers.map((f) => basename(f)).sort()).toEqual(['专家评审结果汇总表.xlsx', '公示名单.xlsx', '推荐汇总表.xlsx', '补正材料通知-示例区智能传感器产业集群.docx', '评审意见表.xlsx'].sort());
    const printed = [listText, ...papers.map((f) => readPdf(pdfs.get(f)!).map((p) => p.raw).join('\n'))];
    for (const text of printed) {
      for (const banned of ['委员会得分', '委员会评分', '委员会决定', '指纹', '2025-demo', 'cn-miit-2022', '.xlsx', 'missing-input', 'r09-补正']) expect(text, banned).not.toContain(banned);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}|UTC/);
      // English words on a Chinese page: none (an acronym in a county's own data, such as MEMS, is theirs; Excel is the
      // program a finding names, as in “Excel错误值”).
      expect(text.match(/\b[A-Za-z]*[a-z][A-Za-z]*\b/g)?.filter((x) => x.length >= 3 && x !== 'Excel') ?? []).toEqual([]);
    }
    const results = readPdf(pdfs.get(join(out, 'round', '评审文件', '专家评审结果汇总表.xlsx'))!).map((p) => p.raw).join('');
    expect(squash(results)).toContain('2025年6月12日');
    for (const role of ['专家组组长', '专家组成员', '签字']) expect(results).toContain(role);
    // The summary of a reviewed copy says 规则校验码, not 指纹, and its recommendation in the same words.
    const summary = readPdf(pdfs.get(join(out, '01-passing.reviewed.xlsx'))!).filter((p) => p.sheet === '评审汇总').map((p) => p.raw).join('');
    expect(summary).toContain('规则校验码');
    expect(summary).not.toContain('指纹');
    // The JSON labels and the terminal: the same words.
    const json = await cli(['tally', join(out, 'round', 'applications'), join(out, 'round', 'sheets'), '-o', join(dir, 'again.xlsx'), '--quota', '3', '--prefer', 'newer', '--json']);
    const apps = (JSON.parse(json.out) as { applications: Array<{ cluster: string; recommendation: string; reason: string | null; recommendationText: string }> }).applications;
    expect(Object.fromEntries(apps.map((a) => [a.cluster, a.recommendationText]))).toMatchObject({
      示例县精密轴承产业集群: '建议推荐',
      示例区功能纺织产业集群: '超出推荐名额',
      示例市精密模具产业集群: '未达推荐分数线',
      示例县轴承产业集群: '不符合推荐条件',
      示例区智能传感器产业集群: '待定（待补充材料）',
    });
    expect(apps.find((a) => a.cluster === '示例区智能传感器产业集群')).toMatchObject({ recommendation: 'pending', reason: 'incomplete' });
    const terminal = await cli(['tally', join(out, 'round', 'applications'), join(out, 'round', 'sheets'), '-o', join(dir, 'again.xlsx'), '--quota', '3', '--prefer', 'newer']);
    for (const word of ['专家组评分', '超出推荐名额', '待定（待补充材料）', '第1项（具有较强核心竞争力）']) expect(terminal.out, word).toContain(word);
  }, 300_000);

  it('every text the tool wrote appears whole, nothing overprints or leaves the paper, each sheet one page wide and legible, page numbers on every page', async () => {
    const problems: string[] = [];
    for (const file of files) {
      const pdf = pdfs.get(file)!;
      const pages = readPdf(pdf);
      const label = basename(file);
      if (file.endsWith('.docx')) {
        const text = squash(pages.map((p) => p.raw).join(''));
        for (const s of await docxTexts(file)) if (!text.includes(squash(s))) problems.push(`${label}: missing “${s.slice(0, 60)}”`);
        pages.forEach((p, i) => {
          if (p.number !== i + 1) problems.push(`${label} page ${i + 1}: no page number`);
          for (const [a, b] of overlaps(p)) problems.push(`${label} page ${i + 1}: “${a.text}” overprints “${b.text}”`);
        });
        continue;
      }
      for (const sheet of await sheetTexts(file)) {
        // The copy made to print the audit sheets when asked: only those are its subject (ExcelJS's rewrite of the
        // workbook drops the other sheets' print areas).
        if (file === asked && !['评分记录', '专家总分'].includes(sheet.name)) continue;
        const own = pages.filter((p) => p.sheet === sheet.name);
        const where = `${label} ${sheet.name}`;
        if (!own.length && EMPTY_LISTS.has(sheet.name)) continue;
        if (!own.length) {
          problems.push(`${where}: no page (or no footer naming it)`);
          continue;
        }
        const text = squash(own.map((p) => p.raw).join(''));
        // The stand-in has no EN DASH (GB2312 lacks it, SimSun has it): LibreOffice draws it from a fallback font as a run
        // of its own, which pdftotext reads out of order; the text is whole, so the dash is left out of the comparison.
        const noDash = (x: string) => squash(x).replace(/\u2013/g, '');
        for (const s of sheet.texts) if (!noDash(text).includes(noDash(s))) problems.push(`${where}: missing or cut “${s.slice(0, 60)}”`);
        if (!sheet.fitToWidth) problems.push(`${where}: not fitted to one page wide`);
        own.forEach((p, i) => {
          // LibreOffice may go on counting from the sheet before: numbered, and one by one within the sheet.
          if (p.number < 1 || p.number !== own[0]!.number + i) problems.push(`${where} page ${i + 1}: numbered ${p.number}`);
          for (const [a, b] of overlaps(p)) problems.push(`${where} page ${i + 1}: “${a.text}” overprints “${b.text}”`);
          for (const w of offPage(p)) problems.push(`${where} page ${i + 1}: “${w.text}” leaves the paper`);
          const least = smallestCjk(p);
          if (least < 7.9) problems.push(`${where} page ${i + 1}: text at ${least.toFixed(1)} pt`);
          const head = bodyLines(own[0]!).slice(0, 1);
          if (signatureAlone(p, i > 0 ? head : [])) problems.push(`${where} page ${i + 1}: a signature block alone`);
        });
      }
    }
    const sheetOf = (p: string) => /^\S+ (\S+?)(:| page)/.exec(p)?.[1] ?? '';
    const known = problems.filter((p) => sheetOf(p) in KNOWN);
    // PRINT_DUMP=file writes every problem found, for the one working on the open list.
    if (process.env.PRINT_DUMP) writeFileSync(process.env.PRINT_DUMP, `${problems.join('\n')}\n`);
    console.log(`print: ${files.length} files, ${[...pdfs.values()].reduce((n, p) => n + readPdf(p).length, 0)} pages; ${problems.length - known.length} problems, ${known.length} on sheets still open:`);
    for (const [sheet, why] of Object.entries(KNOWN)) console.log(`  open: ${sheet} (${known.filter((p) => sheetOf(p) === sheet).length}): ${why}`);
    expect(problems.filter((p) => !(sheetOf(p) in KNOWN))).toEqual([]);
    // A sheet of the open list that now prints whole leaves the list.
    for (const sheet of Object.keys(KNOWN)) expect(known.filter((p) => sheetOf(p) === sheet).length, `${sheet} prints whole now: take it off KNOWN`).toBeGreaterThan(0);
  }, 300_000);

  it('the audit sheets print a note by default, and their whole table when asked', async () => {
    const list = files.find((f) => f.endsWith(join('round', '推荐汇总.xlsx')))!;
    const pages = readPdf(pdfs.get(list)!);
    for (const name of ['评分记录', '专家总分']) {
      const own = pages.filter((p) => p.sheet === name);
      expect(own, name).toHaveLength(1);
      expect(squash(own[0]!.raw)).toContain(squash('打印'));
      const whenAsked = readPdf(pdfs.get(asked)!).filter((p) => p.sheet === name);
      expect(whenAsked.length, name).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);
});
