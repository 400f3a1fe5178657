/**
 * Opening a workbook safely: look at the bytes before ExcelJS does, so an old .xls, an encrypted file or a
 * random file gets a plain answer; list the parts ExcelJS cannot carry over (charts, pivot tables, macros…).
 */
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FileError, type FileWarning } from './errors.js';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Package parts ExcelJS reads but does not write back. */
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/pivotTables\//, 'pivot-tables'],
  [/^xl\/pivotCache\//, 'pivot-tables'],
  [/^xl\/slicers?\//, 'slicers'],
  [/^xl\/timelines?\//, 'timelines'],
  [/^xl\/drawings\/vmlDrawing.*\.vml$/, ''],
  [/^xl\/drawings\/drawing\d+\.xml$/, 'drawings'],
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
}

export async function sniff(path: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new FileError('not-found', path);
  }
  if (!info.isFile()) throw new FileError('not-a-file', path);
  const buf = await readFile(path);
  if (buf.subarray(0, 8).equals(OLE2)) {
    // An OLE2 file is either a legacy .xls or an encrypted OOXML package (its stream is named EncryptedPackage).
    const encrypted = buf.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new FileError(encrypted ? 'encrypted' : 'old-xls', path);
  }
  if (!buf.subarray(0, 4).equals(ZIP)) throw new FileError('not-xlsx', path);
  return buf;
}

export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  const buf = await sniff(path);
  let names: string[];
  try {
    names = Object.keys((await JSZip.loadAsync(buf)).files);
  } catch {
    throw new FileError('corrupt', path);
  }
  if (!names.includes('xl/workbook.xml')) throw new FileError('not-xlsx', path);
  const warnings: FileWarning[] = [];
  const macros = names.includes('xl/vbaProject.bin');
  if (macros) warnings.push({ code: 'macros-dropped', file: path, params: {} });
  const lost = new Set<string>();
  for (const n of names) for (const [re, what] of UNSUPPORTED) if (what && re.test(n)) lost.add(what);
  if (lost.size) warnings.push({ code: 'unsupported-content', file: path, params: { parts: [...lost].sort() } });

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new FileError('corrupt', path, { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
  return { wb, path, warnings, macros };
}
