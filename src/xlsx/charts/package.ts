/**
 * An OOXML package (the zip of an .xlsx) as parts, for what ExcelJS cannot write: charts and the drawings that hold
 * them. Parts left alone are copied as they are stored (never inflated); only parts read or changed are inflated, and
 * changed or new parts are deflated by Node's zlib. Also the package's plumbing: content types, relationships (a
 * part's `_rels`), and the worksheets by name.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { ZipRewriter, zipEntries, type ZipEntry } from '../zip.js';
import { xmlText } from './chart-xml.js';

export const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
};
export const CONTENT = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};

export interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
};
export const unescapeXml = (s: string): string => s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** The folder of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
const folder = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf('/')));

/** A relationship target (relative to its source part's folder, or absolute from the package root) as a part name. */
export function resolveTarget(source: string, target: string): string {
  const parts = target.startsWith('/') ? [] : folder(source).split('/').filter(Boolean);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The target by which `source` names `part` (relative, as Excel writes it). */
export function relativeTarget(source: string, part: string): string {
  const from = folder(source).split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The relationships part of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"). */
export const relsPartOf = (part: string) => `${folder(part) ? `${folder(part)}/` : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

interface Part {
  entry?: ZipEntry;
  data?: Buffer;
}

export class OoxmlPackage {
  private readonly parts = new Map<string, Part>();

  private constructor(private readonly src: Buffer) {}

  static read(buf: Buffer): OoxmlPackage {
    const pkg = new OoxmlPackage(buf);
    for (const e of zipEntries(buf)) pkg.parts.set(e.name.toString('utf8'), { entry: e });
    return pkg;
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  bytes(name: string): Buffer {
    const p = this.parts.get(name);
    if (!p) throw new Error(`package: no part ${name}`);
    if (p.data) return p.data;
    const e = p.entry!;
    if (e.flags & 0x0001) throw new Error(`package: ${name} is encrypted`);
    return e.method === 8 ? inflateRawSync(e.raw) : e.raw;
  }

  text(name: string): string {
    return this.bytes(name).toString('utf8');
  }

  put(name: string, data: string | Buffer): void {
    this.parts.set(name, { ...this.parts.get(name), data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  }

  remove(name: string): void {
    this.parts.delete(name);
  }

  // -- relationships ------------------------------------------------------------------------------------------

  rels(part: string): Rel[] {
    const name = relsPartOf(part);
    if (!this.has(name)) return [];
    const out: Rel[] = [];
    for (const m of this.text(name).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const type = attr(m[0], 'Type');
      const target = attr(m[0], 'Target');
      if (id && type && target !== undefined) out.push({ id, type, target, ...(attr(m[0], 'TargetMode') === 'External' ? { external: true } : {}) });
    }
    return out;
  }

  setRels(part: string, rels: Rel[]): void {
    const name = relsPartOf(part);
    if (!rels.length) {
      this.remove(name);
      return;
    }
    const body = rels.map((r) => `<Relationship Id="${xmlText(r.id)}" Type="${xmlText(r.type)}" Target="${xmlText(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('');
    this.put(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`);
  }

  /** A new relationship of `part`, numbered after its own (rId1, rId2… → the next). */
  addRel(part: string, type: string, target: string): string {
    const rels = this.rels(part);
    const n = Math.max(0, ...rels.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
    let id = `rId${n}`;
    for (let k = n; rels.some((r) => r.id === id); k++) id = `rId${k + 1}`;
    this.setRels(part, [...rels, { id, type, target }]);
    return id;
  }

  // -- content types ------------------------------------------------------------------------------------------

  private types(): string {
    return this.text('[Content_Types].xml');
  }

  /** The content type of a part: its Override, else the Default of its extension. */
  contentType(part: string): string | undefined {
    const xml = this.types();
    for (const m of xml.matchAll(/<Override\b[^>]*>/g)) if (attr(m[0], 'PartName') === `/${part}`) return attr(m[0], 'ContentType');
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const m of xml.matchAll(/<Default\b[^>]*>/g)) if (attr(m[0], 'Extension')?.toLowerCase() === ext) return attr(m[0], 'ContentType');
    return undefined;
  }

  setContentType(part: string, type: string): void {
    if (this.contentType(part) === type) return;
    const xml = this.types().replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`), '');
    this.put('[Content_Types].xml', xml.replace('</Types>', `<Override PartName="/${xmlText(part)}" ContentType="${xmlText(type)}"/></Types>`));
  }

  dropContentType(part: string): void {
    const xml = this.types();
    const out = xml.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`), '');
    if (out !== xml) this.put('[Content_Types].xml', out);
  }

  // -- worksheets ---------------------------------------------------------------------------------------------

  /** The worksheets by name, in the workbook's order, with their parts. */
  sheets(): Array<{ name: string; part: string }> {
    const wb = 'xl/workbook.xml';
    if (!this.has(wb)) return [];
    const rels = new Map(this.rels(wb).map((r) => [r.id, r]));
    const out: Array<{ name: string; part: string }> = [];
    for (const m of this.text(wb).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = attr(m[0], 'name');
      const id = attr(m[0], 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
      const rel = id ? rels.get(id) : undefined;
      if (name !== undefined && rel && rel.type === REL.worksheet) out.push({ name, part: resolveTarget(wb, rel.target) });
    }
    return out;
  }

  /** The first free part name like `pattern` (a name with a number before its extension: "xl/charts/chart1.xml"). */
  freeName(pattern: string, taken: ReadonlySet<string> = new Set()): string {
    const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(pattern);
    const [stem, ext] = m ? [m[1]!, m[3]!] : [pattern, ''];
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!this.has(name) && !taken.has(name)) return name;
    }
  }

  // -- writing ------------------------------------------------------------------------------------------------

  toBuffer(): Buffer {
    const out = new ZipRewriter(this.src);
    for (const [name, p] of this.parts) {
      if (!p.data && p.entry) {
        const e = p.entry;
        out.add(e.at, e.name, e.raw, { method: e.method, crc: e.crc, size: e.size });
        continue;
      }
      const data = p.data!;
      const packed = data.length ? deflateRawSync(data) : data;
      out.add(p.entry?.at ?? null, Buffer.from(name, 'utf8'), packed, { method: data.length ? 8 : 0, crc: crc32(data), size: data.length });
    }
    return out.finish();
  }
}
