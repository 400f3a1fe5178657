/**
 * Generators of the hostile workbooks of issue #9 (bounded work): each a small function writing one file, built
 * from the bundled passing example so the indicator sheet itself is a real application. Used by
 * test/hostile/bounded.test.ts and `npm run bench`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const PASSING = fileURLToPath(new URL('../../examples/01-passing.xlsx', import.meta.url));
const INDICATOR_SHEET = '指标表';

async function withIndicatorSheet(out: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(PASSING);
  edit(wb.getWorksheet(INDICATOR_SHEET)!);
  await wb.xlsx.writeFile(out);
  return out;
}

/** 100,000 junk rows below the application plus one cell in column XFD (about 1 MB); `width` cells a row. */
export const junkRows = (out: string, rows = 100_000, width = 1): Promise<string> =>
  withIndicatorSheet(out, (ws) => {
    const start = ws.rowCount + 2;
    for (let i = 0; i < rows; i++) for (let c = 0; c < width; c++) ws.getCell(start + i, 2 + c).value = `junk ${i}`;
    ws.getCell(start, 16384).value = 'far';
  });

/** The passing application whose only extra cell is XFD1048576, the last cell of a sheet (about 15 KB). */
export const farCell = (out: string): Promise<string> =>
  withIndicatorSheet(out, (ws) => {
    ws.getCell(1048576, 16384).value = 'x';
  });

/** `rows` rows repeating one indicator code below the application (10,000 is about 0.1 MB). */
export const duplicatedRows = (out: string, rows = 10_000): Promise<string> =>
  withIndicatorSheet(out, (ws) => {
    const start = ws.rowCount + 1;
    for (let i = 0; i < rows; i++) {
      ws.getCell(start + i, 1).value = '1.1';
      ws.getCell(start + i, 6).value = '是';
    }
  });

/**
 * The passing application with one merged area over the rest of its indicator sheet, H1:XFD1048576 (17 billion
 * cells), written into the sheet XML (a library would build every cell of it). About 15 KB.
 */
export async function sheetWideMerge(out: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(PASSING));
  const part = 'xl/worksheets/sheet2.xml';
  const xml = await zip.file(part)!.async('string');
  if (!xml.includes('<mergeCell ref="A1:G1"/>')) throw new Error('the example changed: no merged title in sheet2.xml');
  zip.file(part, xml.replace('<mergeCell ref="A1:G1"/>', '<mergeCell ref="A1:G1"/><mergeCell ref="H1:XFD1048576"/>'));
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

/** The passing application with a cell in the last row of the tool's hidden record sheet (about 15 KB). */
export async function farCellInRecord(out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(PASSING);
  const ws = wb.getWorksheet('_cluster_review') ?? wb.addWorksheet('_cluster_review');
  ws.getCell(1048576, 1).value = 'x';
  await wb.xlsx.writeFile(out);
  return out;
}

/** Raw deflate of `bytes` zero bytes, produced in 1 MB steps (the zeros are never held at once). */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  z.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => (z.on('end', res), z.on('error', rej)));
  const mb = Buffer.alloc(1 << 20);
  for (let left = bytes; left > 0; left -= mb.length) {
    const part = left >= mb.length ? mb : mb.subarray(0, left);
    if (!z.write(part)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(chunks);
}

/** CRC-32 of `bytes` zeros, in 1 MB steps. */
function zerosCrc(bytes: number): number {
  const mb = Buffer.alloc(1 << 20);
  let crc = 0;
  for (let left = bytes; left > 0; left -= mb.length) crc = crc32(left >= mb.length ? mb : mb.subarray(0, left), crc);
  return crc;
}

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/**
 * The fields a zip's local and central headers share, in the same order from `at`: flags (UTF-8 names), method
 * (deflate), CRC, compressed and (declared) inflated size, name length; the time and date between are left 0.
 */
function sharedHeaderFields(h: Buffer, at: number, e: Entry, size: number, nameLength: number): void {
  h.writeUInt16LE(0x0800, at);
  h.writeUInt16LE(8, at + 2);
  h.writeUInt32LE(e.crc >>> 0, at + 8);
  h.writeUInt32LE(e.data.length, at + 12);
  h.writeUInt32LE(size, at + 16);
  h.writeUInt16LE(nameLength, at + 20);
}

/** A zip package written by hand, every part deflated; `declared` may lie about a part's inflated size. */
function writeZip(entries: Array<Entry & { declared?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declared ?? e.size;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    sharedHeaderFields(lh, 6, e, size, name.length);
    locals.push(lh, name, e.data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    sharedHeaderFields(ch, 8, e, size, name.length);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * The passing application with one more part, `xl/media/image1.png`, of `inflated` zero bytes (a zip bomb: 1 GB
 * deflates to about 1 MB). With `lie`, the central directory claims the part inflates to 1 KB.
 */
export async function zipBomb(out: string, inflated = 1 << 30, lie = false): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(PASSING));
  const entries: Array<Entry & { declared?: number }> = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const raw = await file.async('nodebuffer');
    entries.push({ name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length });
  }
  entries.push({ name: 'xl/media/image1.png', data: await deflatedZeros(inflated), crc: zerosCrc(inflated), size: inflated, ...(lie ? { declared: 1024 } : {}) });
  writeFileSync(out, writeZip(entries));
  return out;
}

/** A file of `bytes` bytes that starts like a zip package (only its size matters: it is refused before reading). */
export function hugeFile(out: string, bytes: number): string {
  const buf = Buffer.alloc(bytes);
  buf.writeUInt32LE(0x04034b50, 0);
  writeFileSync(out, buf);
  return out;
}
