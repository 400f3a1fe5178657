/**
 * A zip package as ExcelJS writes it with its parts stored (no compression), compressed by Node's native zlib.
 * ExcelJS compresses with a JavaScript deflater (pako): in a process that writes one small workbook at its end,
 * as `batch` writes its roll-up, that code runs cold, and compressing took most of the write (measured by
 * `npm run bench files`). The parts, their order, names, dates and checksums are unchanged; only the method and
 * the sizes of each part change.
 */
import { deflateRawSync } from 'node:zlib';

/** Where a zip's end-of-central-directory record starts (searched back over the longest comment), or -1. */
export function endOfCentralDirectory(buf: Buffer): number {
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= floor; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/**
 * A package written again part by part: each part keeps its name, date and time and its UTF-8 flag from its entry in
 * the original central directory (`at`), and takes its new data, method, checksum and size. No data descriptors,
 * extra fields or comments; the end record counts what was added. One writer for the reader's stored copy
 * (open.ts) and the roll-up's deflated copy.
 */
export class ZipRewriter {
  private readonly locals: Buffer[] = [];
  private readonly centrals: Buffer[] = [];
  private offset = 0;
  private count = 0;

  constructor(private readonly src: Buffer) {}

  /** `at` null: a new part, with a UTF-8 name and the zip epoch (1980-01-01) as its date, as ExcelJS dates its own. */
  add(at: number | null, name: Buffer, data: Buffer, part: { method: number; crc: number; size: number }): void {
    const flags = at === null ? 0x0800 : this.src.readUInt16LE(at + 8) & 0x0800;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(part.method, 8);
    if (at === null) lh.writeUInt32LE(0x00210000, 10);
    else this.src.copy(lh, 10, at + 12, at + 16); // time and date
    lh.writeUInt32LE(part.crc, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(part.size, 22);
    lh.writeUInt16LE(name.length, 26);
    this.locals.push(lh, name, data);

    const ch = Buffer.alloc(46);
    if (at === null) {
      ch.writeUInt32LE(0x02014b50, 0);
      ch.writeUInt16LE(20, 4);
      ch.writeUInt16LE(20, 6);
      lh.copy(ch, 12, 10, 14);
    } else this.src.copy(ch, 0, at, at + 46);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(part.method, 10);
    ch.writeUInt32LE(part.crc, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(part.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(0, 30); // no extra field
    ch.writeUInt16LE(0, 32); // no comment
    ch.writeUInt32LE(this.offset, 42);
    this.centrals.push(ch, name);

    this.offset += 30 + name.length + data.length;
    this.count++;
  }

  finish(): Buffer {
    const dirSize = this.centrals.reduce((a, b) => a + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(dirSize, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.locals, ...this.centrals, end]);
  }
}

/** One part of a zip package as its central directory and local header give it (`raw`: its bytes as stored). */
export interface ZipEntry {
  /** Offset of its central directory entry. */
  at: number;
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  size: number;
  raw: Buffer;
}

/** The parts of a zip package in directory order; throws on a package whose directory does not add up. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const eocd = endOfCentralDirectory(buf);
  if (eocd < 0) throw new Error('zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: bad central directory');
    const nameLen = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new Error('zip: bad local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const packed = buf.readUInt32LE(at + 20);
    if (start + packed > buf.length) throw new Error('zip: part beyond the end');
    out.push({ at, name: buf.subarray(at + 46, at + 46 + nameLen), flags: buf.readUInt16LE(at + 8), method: buf.readUInt16LE(at + 10), crc: buf.readUInt32LE(at + 16), size: buf.readUInt32LE(at + 24), raw: buf.subarray(start, start + packed) });
    at = next;
  }
  return out;
}

/** The stored package `buf` (as from `writeBuffer({ zip: { compression: 'STORE' } })`) with every part deflated. */
export function deflatedCopy(buf: Buffer): Buffer {
  const out = new ZipRewriter(buf);
  for (const e of zipEntries(buf)) {
    // Folders and empty parts stay stored, as ExcelJS (JSZip) writes them.
    const deflate = e.method === 0 && e.size > 0;
    out.add(e.at, e.name, deflate ? deflateRawSync(e.raw) : e.raw, { method: deflate ? 8 : e.method, crc: e.crc, size: e.size });
  }
  return out.finish();
}
