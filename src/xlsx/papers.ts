/**
 * Writes the round's documents (src/core/committee/papers.ts decides them): four workbooks, each one sheet that
 * prints on A4 (专家评审结果汇总表, 推荐汇总表, 评审意见表, 公示名单), and a .docx letter 补正材料通知 per application
 * whose data is incomplete, written with `docx` (a maintained library for Word files). Every file goes through the
 * guarded writer (./output.ts): atomic, never over an input of the run, never over a file without --force.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { papersModels, SHEET_FONT, type DocModel, type Lang, type LoadedRulebook, type PapersOptions, type SheetModel, type TallyResult } from '../core/index.js';
import { fileNamePart } from '../core/text/unsafe.js';
import { FileError } from './errors.js';
import { writeOutput } from './output.js';
import { renderSheet } from './render.js';
import { saveWorkbook } from './workbook.js';

/** Bytes of a name left for `-N` and the extension within the 255 bytes a file system takes. */
const NAME_BYTES = 230;

/**
 * A file name from a cluster's name (fileNamePart), cut to NAME_BYTES of UTF-8: the cluster's name is the
 * applicant's text, and 100 CJK characters are over 255 bytes: one long name must not stop the round's documents.
 */
const safeName = (name: string): string => fileNamePart(name, NAME_BYTES);

/**
 * Names made unique within the folder (case folded, as on Windows and macOS): two counties' clusters may share a
 * name, and the second letter must never replace the first — it becomes `…-2`.
 */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let n = 1;
    let candidate = name;
    while (taken.has(candidate.toLowerCase())) candidate = `${name}-${++n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

export interface WrittenPapers {
  workbooks: string[];
  letters: string[];
}

function planPapers(result: TallyResult, rb: LoadedRulebook, lang: Lang, dir: string, opts: PapersOptions) {
  const p = papersModels(result, rb, lang, opts);
  const files = [p.results, p.forward, p.opinions, p.publicity].map((m) => ({ model: m, path: join(dir, `${safeName(m.name)}.xlsx`) }));
  const names = uniqueNames(p.notices.map((d) => safeName(d.name)));
  const letters = p.notices.map((d, i) => ({ doc: d, path: join(dir, `${names[i]!}.docx`) }));
  return { files, letters };
}

/**
 * Every document's name checked before anything of the round is written: a link planted where one would go is
 * refused, named (the guarded writer refuses it too, but only when it reaches that document, after the list).
 */
export async function refusePaperLinks(result: TallyResult, rb: LoadedRulebook, lang: Lang, dir: string, opts: PapersOptions = {}): Promise<void> {
  const { files, letters } = planPapers(result, rb, lang, dir, opts);
  for (const { path } of [...files, ...letters]) if ((await lstat(path).catch(() => null))?.isSymbolicLink()) throw new FileError('output-is-link', path);
}

export async function writePapers(result: TallyResult, rb: LoadedRulebook, lang: Lang, dir: string, opts: PapersOptions & { force?: boolean; inputs?: string[] } = {}): Promise<WrittenPapers> {
  const out: WrittenPapers = { workbooks: [], letters: [] };
  const { files, letters } = planPapers(result, rb, lang, dir, opts);
  for (const { model, path } of files) {
    await saveWorkbook(await oneSheet(model), path, { force: opts.force, inputs: opts.inputs });
    out.workbooks.push(path);
  }
  for (const { doc, path } of letters) {
    const bytes = await Packer.toBuffer(letter(doc));
    await writeOutput(path, async (file) => void (await file.writeFile(new Uint8Array(bytes))), { force: opts.force, inputs: opts.inputs });
    out.letters.push(path);
  }
  return out;
}

async function oneSheet(model: SheetModel): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review';
  await renderSheet(wb.addWorksheet(model.name), model);
  return wb;
}

/** Twentieths of a point (Word's unit): A4 and margins of 2.5 cm / 2.8 cm as official letters use. */
const A4_TWIPS = { width: 11906, height: 16838 };
const MARGIN = { top: 1417, bottom: 1417, left: 1587, right: 1587 };
const font = { ascii: SHEET_FONT, eastAsia: SHEET_FONT, hAnsi: SHEET_FONT, cs: SHEET_FONT };
const run = (text: string, o: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font, size: (o.size ?? 14) * 2, bold: o.bold ?? false });
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** The letter as a Word document: title, addressee, body, the table of items, closing, the unit and date at the right. */
function letter(d: DocModel): Document {
  const width = A4_TWIPS.width - MARGIN.left - MARGIN.right;
  const total = d.table.widths.reduce((a, b) => a + b, 0);
  const cols = d.table.widths.map((x) => Math.floor((x / total) * width));
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: cols[i]!, type: WidthType.DXA },
      borders: { top: line, bottom: line, left: line, right: line },
      children: text.split('\n').map((t) => new Paragraph({ alignment: head || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(t, { bold: head, size: 12 })] })),
    });
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: cols,
    rows: [new TableRow({ tableHeader: true, children: d.table.head.map((h, i) => cell(h, i, true)) }), ...d.table.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) }))],
  });
  const para = (text: string, o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean; size?: number; after?: number } = {}) =>
    new Paragraph({ alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: { after: o.after ?? 120, line: 360 }, ...(o.indent ? { indent: { firstLine: 560 } } : {}), children: [run(text, o)] });
  const [before, after] = d.page.split('{page}');
  return new Document({
    creator: 'cluster-review',
    title: d.title,
    styles: { default: { document: { run: { font, size: 28 } } } },
    sections: [
      {
        properties: { page: { size: A4_TWIPS, margin: MARGIN } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font, size: 24, children: [before ?? '', PageNumber.CURRENT, after ?? ''] })] })] }) },
        children: [
          para(d.title, { align: AlignmentType.CENTER, bold: true, size: 22, after: 360 }),
          para(d.to, { align: AlignmentType.LEFT }),
          ...d.paragraphs.map((p) => para(p, { indent: true })),
          table,
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          ...d.closing.map((p) => para(p, { indent: true })),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          ...d.sign.map((p) => para(p, { align: AlignmentType.RIGHT })),
        ],
      },
    ],
  });
}
