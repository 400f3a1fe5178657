/**
 * Opening a workbook safely: look at the bytes before ExcelJS does, so an old .xls, an encrypted file or a
 * random file gets a plain answer; list the parts ExcelJS cannot carry over (pivot tables, macros…; charts and
 * drawings of worksheets are grafted back into a copy, ./charts); read around a part ExcelJS fails on.
 */
import { readFileSync, statSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { LIMITS, LimitError, megabytes } from '../core/index.js';
import { FileError, readError, type FileWarning } from './errors.js';
import { OoxmlPackage } from './charts/package.js';
import { endOfCentralDirectory, ZipRewriter } from './zip.js';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Package parts ExcelJS reads but does not write back, and the graft (./charts) does not carry either: the drawings
 * of worksheets (charts, shapes, pictures) are carried; a chart sheet, a sheet of its own, is not.
 */
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/^xl\/chartsheets\//, 'chartsheets'],
  [/^xl\/pivotTables\//, 'pivot-tables'],
  [/^xl\/pivotCache\//, 'pivot-tables'],
  [/^xl\/slicers?\//, 'slicers'],
  [/^xl\/timelines?\//, 'timelines'],
  [/^xl\/externalLinks\//, 'external-links'],
  [/^xl\/activeX\//, 'activex-controls'],
  [/^xl\/ctrlProps\//, 'form-controls'],
  [/^xl\/threadedComments\//, 'threaded-comments'],
  [/^customXml\//, ''],
];

export interface OpenedWorkbook {
  wb: ExcelJS.Workbook;
  path: string;
  warnings: FileWarning[];
  macros: boolean;
  /** The file as read: its drawings and charts are grafted into a copy written from it (./charts). */
  bytes: Buffer;
}

/**
 * Reads the whole file synchronously: workbooks are small, files are handled one at a time, and an async read
 * left the CPU idle for a third of a batch (measured by `npm run bench`).
 */
function sniff(path: string): Buffer {
  let info;
  try {
    info = statSync(path);
  } catch (e) {
    // Named by its cause: a link loop or a permission is not "not found".
    throw readError(e, path);
  }
  if (!info.isFile()) throw new FileError('not-a-file', path);
  // Before reading a byte: a file of gigabytes is refused by its size, not read into memory.
  if (info.size > LIMITS.fileBytes) throw tooLarge(path, new LimitError('file', megabytes(LIMITS.fileBytes), megabytes(info.size)));
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    // Cannot read is not "damaged": no permission says so.
    throw readError(e, path);
  }
  if (buf.subarray(0, 8).equals(OLE2)) {
    // An OLE2 file is either a legacy .xls or an encrypted OOXML package (its stream is named EncryptedPackage).
    const encrypted = buf.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new FileError(encrypted ? 'encrypted' : 'old-xls', path);
  }
  if (!buf.subarray(0, 4).equals(ZIP)) throw new FileError('not-xlsx', path);
  return buf;
}

/**
 * The part names of a zip package, read from its central directory without inflating anything (a full zip
 * library costs more than the rest of the review). null when the directory is not where the format puts it.
 * Throws LimitError when the parts' declared sizes add up to more than LIMITS.inflatedBytes.
 */
export function zipEntryNames(buf: Buffer): string[] | null {
  const eocd = endOfCentralDirectory(buf);
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  // Zip64 packages keep the real figures elsewhere; no workbook of this size is one, so let ExcelJS judge it.
  if (count === 0xffff || at === 0xffffffff) return [];
  const names: string[] = [];
  let inflated = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    // What the parts say they inflate to, before inflating any: a zip bomb that admits its size stops here.
    inflated += buf.readUInt32LE(at + 24);
    if (inflated > LIMITS.inflatedBytes) throw new LimitError('inflated', megabytes(LIMITS.inflatedBytes), megabytes(inflated));
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Worksheet parts, whose cells and rows are counted before ExcelJS reads them. */
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
/** Start tags of cells and rows, with or without a namespace prefix (`<c r="A1"`, `<x:row r="2">`). */
const TAGS = /<(?:[A-Za-z_][\w.-]*:)?(c|row)[\s/>]/g;
/** Merged areas (`<mergeCell ref="A1:XFD1048576"/>`): ExcelJS makes a cell of every cell they cover. */
const MERGES = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref="([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?"/g;

/** Zero-based column of letters ("A" 0, "XFD" 16383). */
const colOf = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * Cells and rows of the workbook's sheets, counted in their XML: a scan of the text costs a small share of what
 * ExcelJS spends building a cell, so a sheet of a million cells is refused in a fraction of a second.
 */
class SheetCounts {
  /** Cell elements, plus the cells merged areas cover (ExcelJS builds each of them on reading). */
  cells = 0;
  /** Row elements of the largest sheet. */
  rows = 0;
  /** Merged areas of the workbook: ExcelJS compares each with all earlier ones on reading. */
  merges = 0;
  add(xml: Buffer): void {
    const text = xml.toString('latin1');
    let rows = 0;
    for (const m of text.matchAll(TAGS)) {
      if (m[1] === 'c') this.cells++;
      else rows++;
    }
    if (rows > this.rows) this.rows = rows;
    for (const m of text.matchAll(MERGES)) {
      this.merges++;
      const [c1, r1] = [colOf(m[1]!), Number(m[2])];
      const [c2, r2] = m[3] ? [colOf(m[3]), Number(m[4])] : [c1, r1];
      this.cells += (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1) - 1;
    }
    this.check();
  }
  check(): void {
    if (this.cells > LIMITS.cells) throw new LimitError('cells', LIMITS.cells, this.cells);
    if (this.rows > LIMITS.rows) throw new LimitError('rows', LIMITS.rows, this.rows);
    if (this.merges > LIMITS.merges) throw new LimitError('merges', LIMITS.merges, this.merges);
  }
}

/**
 * Throws LimitError('text') when a text node of an XML part (a cell's value, a shared string, a note) has more than
 * LIMITS.cellText characters: found by its bytes between tags (native indexOf, no string built), counted in
 * characters only for a run long enough to matter (UTF-8 takes up to 3 bytes for a CJK character, an entity more).
 */
export function refuseLongText(xml: Buffer): void {
  const limit = LIMITS.cellText;
  for (let pos = 0; ; ) {
    const gt = xml.indexOf(0x3e, pos);
    if (gt < 0) return;
    let lt = xml.indexOf(0x3c, gt + 1);
    if (lt < 0) lt = xml.length;
    const bytes = lt - gt - 1;
    if (bytes > limit) {
      // No character takes more than 10 bytes (`&#1114111;`): a longer run is over the limit without decoding it
      // (50 MB of text is not made a string to be refused); its characters are counted from the UTF-8 lead bytes.
      let chars = 0;
      if (bytes <= limit * 10) chars = xml.toString('utf8', gt + 1, lt).replace(/&(?:#x?[0-9A-Fa-f]+|\w+);/g, '_').length;
      else for (let i = gt + 1; i < lt; i++) chars += (xml[i]! & 0xc0) === 0x80 ? 0 : xml[i]! >= 0xf0 ? 2 : 1;
      if (chars > limit) throw new LimitError('text', limit, chars);
    }
    pos = lt + 1;
  }
}

/** Inflates at most `budget` bytes (plus one, to tell "more"): zlib stops there, whatever the part holds. */
function inflateBounded(raw: Buffer, budget: number): Buffer {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, budget + 1) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new LimitError('inflated', megabytes(LIMITS.inflatedBytes), megabytes(LIMITS.inflatedBytes + 1));
    throw e;
  }
}

/** A limit reached by a file, as the file error the edges show. */
export function tooLarge(path: string, e: LimitError): FileError {
  return new FileError('too-large', path, { what: e.what, limit: e.limit, actual: e.actual });
}

/**
 * An empty cell that only carries a style, as Excel, WPS and ExcelJS write it (`<c r="B7" s="12"/>`): no value,
 * no formula, no type. Templates style whole blank tables this way; such cells are more than half of an
 * application's cells, and ExcelJS builds an object for each.
 */
const EMPTY_STYLED_CELL = /<c r="[A-Z]{1,3}[0-9]{1,7}"(?: s="[0-9]{1,6}")?\/>/g;

/**
 * A sheet's XML without its empty styled cells, for a review only: the reader never sees a cell without a value
 * (worksheetSnapshot skips them), and a review reads no cell's style but through its value. Kept as it is when
 * the sheet has hyperlinks (ExcelJS turns a hyperlinked empty cell into a value) — notes are handled by the caller.
 */
function withoutEmptyCells(xml: Buffer): Buffer {
  // latin1 maps bytes to characters one to one, so the text outside the removed ASCII elements is unchanged.
  const text = xml.toString('latin1');
  if (text.includes('<hyperlink')) return xml;
  const out = text.replace(EMPTY_STYLED_CELL, '');
  return out.length === text.length ? xml : Buffer.from(out, 'latin1');
}

/**
 * The same package with every part stored uncompressed, inflated by Node's native zlib. ExcelJS inflates each
 * part with a JavaScript inflater (pako), the largest single cost of reading a small workbook after the XML
 * itself; the native one does the same work several times faster. The parts, their order, names, dates and
 * checksums are unchanged. null for anything unusual (encrypted parts, zip64, other compression methods,
 * non-ASCII part names, sizes that do not add up): ExcelJS then reads the original bytes and judges them itself.
 * Bounded: inflation stops at LIMITS.inflatedBytes in all (whatever the directory claims), and the sheets' cells
 * and rows are counted in their XML before ExcelJS builds objects for them; either throws LimitError.
 */
export function storedCopy(buf: Buffer, opts: { withoutEmptyCells?: boolean } = {}): Buffer | null {
  const eocd = endOfCentralDirectory(buf);
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) return null;
  const out = new ZipRewriter(buf);
  let inflated = 0;
  const counts = new SheetCounts();
  try {
    for (let n = 0; n < count; n++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
      const flags = buf.readUInt16LE(at + 8);
      const method = buf.readUInt16LE(at + 10);
      let crc = buf.readUInt32LE(at + 16);
      const packed = buf.readUInt32LE(at + 20);
      let size = buf.readUInt32LE(at + 24);
      const nameLen = buf.readUInt16LE(at + 28);
      const next = at + 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
      const local = buf.readUInt32LE(at + 42);
      const name = buf.subarray(at + 46, at + 46 + nameLen);
      if (flags & 0x0001 || (method !== 0 && method !== 8) || packed === 0xffffffff || size === 0xffffffff || name.some((b) => b > 0x7e)) return null;
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return null;
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (start + packed > buf.length) return null;
      const raw = buf.subarray(start, start + packed);
      const budget = LIMITS.inflatedBytes - inflated;
      let data = method === 8 ? inflateBounded(raw, budget) : raw;
      if (data.length > budget) throw new LimitError('inflated', megabytes(LIMITS.inflatedBytes), megabytes(inflated + data.length));
      inflated += data.length;
      if (data.length !== size) return null;
      // One text longer than Excel's cell takes, refused before the spreadsheet library builds it (any XML part).
      if (/\.(xml|vml)$/i.test(name.toString('latin1'))) refuseLongText(data);
      if (SHEET_PART.test(name.toString('latin1'))) {
        // Counted as the file holds it, before anything is left out.
        counts.add(data);
        if (opts.withoutEmptyCells) {
          const lean = withoutEmptyCells(data);
          if (lean !== data) [data, size, crc] = [lean, lean.length, crc32(lean)];
        }
      }

      // Stored, its sizes known (no data descriptor).
      out.add(at, name, data, { method: 0, crc, size });
      at = next;
    }
  } catch (e) {
    if (e instanceof LimitError) throw e;
    // A part that does not inflate: let ExcelJS read the original and report it.
    return null;
  }
  counts.check();
  return out.finish();
}

/**
 * Worksheet parts a review never reads: validations, conditional formats, print setup, protection, views,
 * column widths, pictures and their extensions. Cells, merged areas and hyperlinks (part of a cell's value) are
 * read as always; notes come from their own parts. Skipping these builds no objects for them: about a fifth of
 * ExcelJS's time on an application workbook, whose validations cover every input cell (`npm run bench files`).
 */
const NOT_READ_FOR_REVIEW = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'sheetViews',
  'cols',
  'pageMargins',
  'pageSetup',
  'printOptions',
  'headerFooter',
  'rowBreaks',
  'autoFilter',
  'sheetProtection',
  'picture',
  'drawing',
  'tableParts',
];

export interface OpenOptions {
  /**
   * The workbook is only read for a review (`batch`), never written back: the worksheet parts above are not
   * built. A workbook opened so must not be saved, it would lose them.
   */
  reviewOnly?: boolean;
}

export async function openWorkbook(path: string, opts: OpenOptions = {}): Promise<OpenedWorkbook> {
  try {
    return await openBounded(path, opts);
  } catch (e) {
    if (e instanceof LimitError) throw tooLarge(path, e);
    throw e;
  }
}

async function openBounded(path: string, opts: OpenOptions): Promise<OpenedWorkbook> {
  const buf = sniff(path);
  const names = zipEntryNames(buf);
  if (!names) throw new FileError('corrupt', path);
  if (names.length && !names.includes('xl/workbook.xml')) throw new FileError('not-xlsx', path);
  const warnings: FileWarning[] = [];
  const macros = names.includes('xl/vbaProject.bin');
  if (macros) warnings.push({ code: 'macros-dropped', file: path, params: {} });
  const lost = new Set<string>();
  for (const n of names) for (const [re, what] of UNSUPPORTED) if (what && re.test(n)) lost.add(what);
  if (lost.size) warnings.push({ code: 'unsupported-content', file: path, params: { parts: [...lost].sort() } });

  // Notes are attached to the cells ExcelJS builds: a package with notes keeps every cell.
  const notes = names.some((n) => /^xl\/(comments|threadedComments)/i.test(n));
  const stored = storedCopy(buf, { withoutEmptyCells: opts.reviewOnly && !notes });
  const load = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, opts.reviewOnly ? { ignoreNodes: NOT_READ_FOR_REVIEW } : undefined);
    return wb;
  };
  let wb: ExcelJS.Workbook;
  try {
    wb = await load(stored ?? buf);
  } catch (e) {
    // ExcelJS fails on some valid parts Excel and LibreOffice open (a chart's own drawing of shapes, its issue
    // #2591: "reading 'anchors'"): the drawings are read around, and a copy carries them unchanged (./charts).
    const around = withoutDrawings(stored ?? buf);
    if (!around) throw new FileError('corrupt', path, { detail: readerDetail(e) });
    try {
      wb = await load(around.bytes);
    } catch {
      throw new FileError('corrupt', path, { detail: readerDetail(e) });
    }
    warnings.push({ code: 'parts-read-around', file: path, params: { parts: around.parts, detail: readerDetail(e) } });
  }
  return { wb, path, warnings, macros, bytes: buf };
}

/** Drawing parts (not the notes' VML), chart parts and their relationships. */
const DRAWING_PART = /^xl\/(?:drawings\/(?!vmlDrawing)[^/]+\.xml|drawings\/_rels\/(?!vmlDrawing)[^/]+\.rels|charts\/.+)$/;

/**
 * The package as ExcelJS is given it when it failed on the original: without drawings and charts, and without the
 * worksheets' references to them. null when there were none (then the failure is not theirs).
 */
function withoutDrawings(buf: Buffer): { bytes: Buffer; parts: string[] } | null {
  let pkg: OoxmlPackage;
  try {
    pkg = OoxmlPackage.read(buf);
  } catch {
    return null;
  }
  const parts = pkg.names().filter((n) => DRAWING_PART.test(n));
  if (!parts.length) return null;
  for (const n of parts) pkg.remove(n);
  for (const { part } of pkg.sheets()) {
    if (!pkg.has(part)) continue;
    const xml = pkg.text(part);
    const lean = xml.replace(/<(?:\w+:)?drawing\b[^>]*\/>/g, '');
    if (lean !== xml) pkg.put(part, lean);
  }
  return { bytes: pkg.toBuffer(), parts: parts.filter((n) => !n.endsWith('.rels')) };
}

/**
 * What the zip or XML reader said about a damaged file, as a detail after the plain message: its own prefixes
 * ("Bug :", "Error:") dropped — the fault is the file's, not the program's — and cut short.
 */
export function readerDetail(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/^\s*(bug|error)\s*:\s*/i, '').replace(/\s+/g, ' ').trim().slice(0, 200);
}
