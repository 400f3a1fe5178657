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

/** The stored package `buf` (as from `writeBuffer({ zip: { compression: 'STORE' } })`) with every part deflated. */
export function deflatedCopy(buf: Buffer): Buffer {
  const eocd = endOfCentralDirectory(buf);
  if (eocd < 0) throw new Error('deflatedCopy: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('deflatedCopy: bad central directory');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 24);
    const packed = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + packed);
    // Folders and empty parts stay stored, as ExcelJS (JSZip) writes them.
    const data = method === 0 && size > 0 ? deflateRawSync(raw) : raw;
    const m = method === 0 && size > 0 ? 8 : method;

    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags & 0x0800, 6);
    lh.writeUInt16LE(m, 8);
    buf.copy(lh, 10, at + 12, at + 16); // time and date
    buf.copy(lh, 14, at + 16, at + 20); // checksum of the uncompressed part
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(nameLen, 26);
    locals.push(lh, name, data);

    const ch = Buffer.alloc(46);
    buf.copy(ch, 0, at, at + 46);
    ch.writeUInt16LE(flags & 0x0800, 8);
    ch.writeUInt16LE(m, 10);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt16LE(0, 30); // no extra field
    ch.writeUInt16LE(0, 32); // no comment
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);

    offset += 30 + nameLen + data.length;
    at = next;
  }
  const dirSize = centrals.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
