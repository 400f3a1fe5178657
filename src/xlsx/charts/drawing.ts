/**
 * Drawings: the part a worksheet names in `<drawing r:id>` that places charts and pictures over its cells. Two jobs:
 *
 * - **Our charts**: each chart part is written, anchored in the sheet's drawing (made when the sheet has none) by
 *   a one-cell anchor at the model's cell with the model's size, and related with the next free rId of the sheet's
 *   and the drawing's own relationships; content types follow.
 * - **The applicant's drawings (the graft)**: ExcelJS drops charts and shapes and rewrites pictures. After it wrote
 *   the copy, the original drawing of each sheet is carried back unchanged with every part it reaches (charts, their
 *   styles, colours, embedded data, pictures), under fresh part names, replacing ExcelJS's own drawing of the sheet.
 *   Only the tool's own charts (named CHART_NAME_PREFIX…) are left out of it, since they are planned anew.
 */
import { CHART_NAME_PREFIX, type ChartModel } from '../../core/index.js';
import { chartXml, xmlText, type ValueAt } from './chart-xml.js';
import { CONTENT, REL, type OoxmlPackage, relativeTarget, resolveTarget, type Rel } from './package.js';

const EMU_PER_PT = 12700;
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Elements a worksheet's `<drawing>` comes before (CT_Worksheet's order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const emu = (pt: number) => Math.max(0, Math.round(pt * EMU_PER_PT));

/** The anchor of one chart, with its namespaces declared on itself (it may land in a drawing another program wrote). */
function anchorXml(chart: ChartModel, id: number, rid: string): string {
  return (
    `<xdr:oneCellAnchor xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    `<xdr:from><xdr:col>${chart.at.col}</xdr:col><xdr:colOff>${emu(chart.at.dx)}</xdr:colOff><xdr:row>${chart.at.row}</xdr:row><xdr:rowOff>${emu(chart.at.dy)}</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${emu(chart.width)}" cy="${emu(chart.height)}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${xmlText(chart.name)}" title="${xmlText(chart.title)}" descr="${xmlText(chart.alt)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:oneCellAnchor>`
  );
}

const EMPTY_DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`;

/** The drawing part a worksheet names, if any. */
function drawingOf(pkg: OoxmlPackage, sheetPart: string): { rel: Rel; part: string } | null {
  const rel = pkg.rels(sheetPart).find((r) => r.type === REL.drawing && !r.external);
  return rel ? { rel, part: resolveTarget(sheetPart, rel.target) } : null;
}

/** Names `drawing` in the worksheet: its existing `<drawing>` retargeted, or a new one in schema order. */
function setSheetDrawing(pkg: OoxmlPackage, sheetPart: string, drawing: string): void {
  const had = drawingOf(pkg, sheetPart);
  if (had) {
    pkg.setRels(sheetPart, pkg.rels(sheetPart).map((r) => (r.id === had.rel.id ? { ...r, target: relativeTarget(sheetPart, drawing) } : r)));
    return;
  }
  const rid = pkg.addRel(sheetPart, REL.drawing, relativeTarget(sheetPart, drawing));
  const xml = pkg.text(sheetPart);
  const element = `<drawing xmlns:r="${NS_R}" r:id="${rid}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const m = new RegExp(`<(?:\\w+:)?${tag}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf('</');
  pkg.put(sheetPart, xml.slice(0, at) + element + xml.slice(at));
}

/** Removes a part and everything only it reached (its rels part too): ExcelJS's own drawing of a grafted sheet. */
function removeTree(pkg: OoxmlPackage, part: string): void {
  for (const r of pkg.rels(part)) {
    const target = resolveTarget(part, r.target);
    // Pictures may be shared between drawings: an orphan one is removed at the end (removeOrphanMedia).
    if (!r.external && r.type !== REL.drawing && !/\/media\//.test(target) && pkg.has(target)) removeTree(pkg, target);
  }
  pkg.remove(part);
  pkg.setRels(part, []);
  pkg.dropContentType(part);
}

/** Pictures no relationship names any more (ExcelJS's copies of pictures the graft brought back). */
function removeOrphanMedia(pkg: OoxmlPackage): void {
  const named = new Set<string>();
  for (const rels of pkg.names().filter((n) => n.endsWith('.rels'))) {
    const source = rels.replace(/_rels\/([^/]+)\.rels$/, '$1');
    for (const r of pkg.rels(source)) if (!r.external) named.add(resolveTarget(source, r.target));
  }
  for (const n of pkg.names()) if (/^xl\/media\//.test(n) && !named.has(n)) pkg.remove(n);
}

const ANCHOR = /<((?:\w+:)?)(oneCellAnchor|twoCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g;

/** A drawing's XML without the tool's own charts (their anchors carry its name prefix). */
export function withoutToolCharts(xml: string): string {
  return xml.replace(ANCHOR, (a) => (new RegExp(`\\bname="${CHART_NAME_PREFIX}`).test(a) ? '' : a));
}

/** The relationship ids a part's XML uses (r:id, r:embed, r:link… whatever its prefix). */
const usedIds = (xml: string): Set<string> => new Set([...xml.matchAll(/\s[\w]+:(?:id|embed|link|pict|dm|lo|qs|cs)\s*=\s*"([^"]*)"/g)].map((m) => m[1]!));

/**
 * Copies `part` of `from` into `to` under a fresh name, with every part its relationships reach (the tree of a
 * drawing: charts, their styles and colours, embedded workbooks, user shapes, pictures), each with its content
 * type. Returns the new name. `xml`: the part's content when it was changed (a drawing without the tool's charts).
 */
function copyTree(from: OoxmlPackage, to: OoxmlPackage, part: string, copied: Map<string, string>, xml?: string): string {
  const done = copied.get(part);
  if (done) return done;
  const name = to.freeName(part.replace(/\d*(\.[^./]+)$/, '1$1'), new Set(copied.values()));
  copied.set(part, name);
  const data = xml ?? from.bytes(part);
  to.put(name, data);
  const type = from.contentType(part);
  if (type && to.contentType(name) !== type) to.setContentType(name, type);
  // Only relationships the content still uses (a drawing without the tool's charts drops theirs); non-XML parts keep all.
  const used = /\.(xml|vml)$/i.test(part) ? usedIds(typeof data === 'string' ? data : data.toString('utf8')) : null;
  const rels = from.rels(part).filter((r) => !used || used.has(r.id) || r.type.endsWith('/chartUserShapes') || r.type.endsWith('/chartStyle') || r.type.endsWith('/chartColorStyle'));
  to.setRels(
    name,
    rels.map((r) => {
      if (r.external) return r;
      const target = resolveTarget(part, r.target);
      if (!from.has(target)) return r;
      return { ...r, target: relativeTarget(name, copyTree(from, to, target, copied)) };
    }),
  );
  return name;
}

/**
 * The graft: each sheet of `original` with a drawing gets it back in `out` (matched by name), unchanged but for the
 * tool's own charts on the sheets in `replanned` (those are written anew), replacing the drawing ExcelJS wrote for
 * it. Returns the sheets grafted.
 */
export function graftDrawings(original: OoxmlPackage, out: OoxmlPackage, replanned: ReadonlySet<string> = new Set()): string[] {
  const outSheets = new Map(out.sheets().map((s) => [s.name, s.part]));
  const copied = new Map<string, string>();
  const grafted: string[] = [];
  for (const s of original.sheets()) {
    const target = outSheets.get(s.name);
    const drawing = drawingOf(original, s.part);
    if (!target || !drawing || !original.has(drawing.part)) continue;
    const xml = replanned.has(s.name) ? withoutToolCharts(original.text(drawing.part)) : original.text(drawing.part);
    const own = drawingOf(out, target);
    if (!ANCHOR.test(xml)) {
      ANCHOR.lastIndex = 0;
      continue;
    }
    ANCHOR.lastIndex = 0;
    const name = copyTree(original, out, drawing.part, copied, xml);
    if (own && out.has(own.part)) removeTree(out, own.part);
    setSheetDrawing(out, target, name);
    grafted.push(s.name);
  }
  if (grafted.length) removeOrphanMedia(out);
  return grafted;
}

/** Writes `charts` onto worksheet `sheet` of `pkg`: chart parts, their anchors in the sheet's drawing, relationships, content types. */
export function addCharts(pkg: OoxmlPackage, sheet: string, charts: readonly ChartModel[], at: ValueAt): void {
  if (!charts.length) return;
  const target = pkg.sheets().find((s) => s.name === sheet);
  if (!target) throw new Error(`charts: no worksheet ${sheet}`);
  let drawing = drawingOf(pkg, target.part)?.part;
  if (!drawing || !pkg.has(drawing)) {
    drawing = pkg.freeName('xl/drawings/drawing1.xml');
    pkg.put(drawing, EMPTY_DRAWING);
    pkg.setContentType(drawing, CONTENT.drawing);
    setSheetDrawing(pkg, target.part, drawing);
  }
  let xml = withoutToolCharts(pkg.text(drawing));
  let id = Math.max(1, ...[...xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1])));
  const anchors: string[] = [];
  for (const chart of charts) {
    const part = pkg.freeName('xl/charts/chart1.xml');
    pkg.put(part, chartXml(chart, at));
    pkg.setContentType(part, CONTENT.chart);
    const rid = pkg.addRel(drawing, REL.chart, relativeTarget(drawing, part));
    anchors.push(anchorXml(chart, ++id, rid));
  }
  const end = xml.lastIndexOf('</');
  xml = xml.slice(0, end) + anchors.join('') + xml.slice(end);
  pkg.put(drawing, xml);
}
