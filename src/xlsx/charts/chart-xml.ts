/**
 * A core ChartModel as a DrawingML chart part (`xl/charts/chartN.xml`, ECMA-376 Part 1 §21.2): the chart kinds the
 * tool uses — columns (clustered or stacked, upright or horizontal), lines, markers without lines, an error bar as a
 * vertical line — over one category axis and one value axis. Every series is bound to its cells (`c:f`) with the
 * values the tool wrote as its cache, so a viewer that does not recompute still draws them. Elements are written in
 * the schema's order, which Excel enforces.
 */
import { columnLetters, type CellValue, type ChartModel, type ChartRange, type ChartSeriesModel } from '../../core/index.js';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

/** Text for XML content or an attribute: escaped, and without the control characters XML 1.0 cannot hold. */
export const xmlText = (s: string): string =>
  Array.from(s, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d ? '' : ch;
  })
    .join('')
    .replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A range as a chart formula: the sheet always quoted, absolute corners. */
export function rangeFormula(r: ChartRange): string {
  return `'${r.sheet.replace(/'/g, "''")}'!$${columnLetters(r.c1)}$${r.r1 + 1}:$${columnLetters(r.c2)}$${r.r2 + 1}`;
}

/** The cells of a one-row or one-column range, in order. */
function cellsOf(r: ChartRange): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) out.push([row, col]);
  return out;
}

export type ValueAt = (sheet: string, row: number, col: number) => CellValue;

const colour = (hex: string) => `<a:srgbClr val="${hex.replace('#', '').toUpperCase()}"/>`;
const fill = (hex: string) => `<a:solidFill>${colour(hex)}</a:solidFill>`;
const line = (hex: string, widthPt: number, dash?: boolean) => `<a:ln w="${Math.round(widthPt * 12700)}" cap="rnd">${fill(hex)}${dash ? '<a:prstDash val="dash"/>' : ''}<a:round/></a:ln>`;

/** Rich text with the reviewer's words; CJK text needs an East Asian font named, as the cells have. */
function rich(text: string, sizePt: number, bold: boolean): string {
  const rpr = `sz="${Math.round(sizePt * 100)}" b="${bold ? 1 : 0}"`;
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${rpr}/></a:pPr><a:r><a:rPr lang="zh-CN" ${rpr}><a:latin typeface="Calibri"/><a:ea typeface="等线"/></a:rPr><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

const title = (text: string, sizePt: number) => `<c:title>${rich(text, sizePt, true)}<c:overlay val="0"/></c:title>`;

function strCache(r: ChartRange, at: ValueAt): string {
  const cells = cellsOf(r);
  const pts = cells.map(([row, col], i) => {
    const v = at(r.sheet, row, col);
    return v === null || v === '' ? '' : `<c:pt idx="${i}"><c:v>${xmlText(String(v))}</c:v></c:pt>`;
  });
  return `<c:strRef><c:f>${xmlText(rangeFormula(r))}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts.join('')}</c:strCache></c:strRef>`;
}

function numCache(r: ChartRange, at: ValueAt, format: string): string {
  const cells = cellsOf(r);
  const pts = cells.map(([row, col], i) => {
    const v = at(r.sheet, row, col);
    return typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '';
  });
  return `<c:numRef><c:f>${xmlText(rangeFormula(r))}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts.join('')}</c:numCache></c:numRef>`;
}

const MARKER: Record<NonNullable<ChartSeriesModel['marker']>, string> = {
  circle: 'circle',
  square: 'square',
  diamond: 'diamond',
  triangle: 'triangle',
  x: 'x',
  star: 'star',
  plus: 'plus',
  dash: 'dash',
};

function series(s: ChartSeriesModel, i: number, chart: ChartModel, at: ValueAt): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>`;
  const cat = `<c:cat>${strCache(chart.categories, at)}</c:cat>`;
  const val = `<c:val>${numCache(s.values, at, chart.axis?.format ?? 'General')}</c:val>`;
  if (s.type === 'bar') {
    const points = (s.pointColours ?? []).map((c, p) => `<c:dPt><c:idx val="${p}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(c)}</c:spPr></c:dPt>`).join('');
    return `<c:ser>${head}<c:spPr>${fill(s.colour)}</c:spPr><c:invertIfNegative val="0"/>${points}${cat}${val}</c:ser>`;
  }
  const marker =
    s.type === 'points'
      ? `<c:marker><c:symbol val="${MARKER[s.marker ?? 'circle']}"/><c:size val="${s.marker === 'dash' ? 9 : 7}"/><c:spPr>${fill(s.colour)}${line(s.colour, 0.75)}</c:spPr></c:marker>`
      : s.marker
        ? `<c:marker><c:symbol val="${MARKER[s.marker]}"/><c:size val="6"/><c:spPr>${fill(s.colour)}${line(s.colour, 0.75)}</c:spPr></c:marker>`
        : '<c:marker><c:symbol val="none"/></c:marker>';
  const stroke = s.type === 'points' ? '<a:ln><a:noFill/></a:ln>' : line(s.colour, 2.25, s.dash);
  const err =
    s.rise !== undefined
      ? `<c:errBars><c:errDir val="y"/><c:errBarType val="plus"/><c:errValType val="fixedVal"/><c:noEndCap val="1"/><c:val val="${s.rise}"/><c:spPr>${line(s.colour, 2.25, true)}</c:spPr></c:errBars>`
      : '';
  return `<c:ser>${head}<c:spPr>${stroke}</c:spPr>${marker}${err}${cat}${val}<c:smooth val="0"/></c:ser>`;
}

const AX_CAT = 500000001;
const AX_VAL = 500000002;

/** The chart's body text size (points): what the page plan chose so that it prints legibly, 9 pt otherwise. */
const bodyPt = (chart: ChartModel): number => chart.fontPt ?? 9;
const textProps = (sizePt: number): string =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${Math.round(sizePt * 100)}"><a:latin typeface="Calibri"/><a:ea typeface="等线"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

function axes(chart: ChartModel): string {
  const text = textProps(bodyPt(chart));
  const grid = `<c:majorGridlines><c:spPr>${line('#D9D9D9', 0.75)}</c:spPr></c:majorGridlines>`;
  const [catPos, valPos] = chart.horizontal ? ['l', 'b'] : ['b', 'l'];
  const scaling = `<c:scaling><c:orientation val="minMax"/>${chart.axis?.max !== undefined ? `<c:max val="${chart.axis.max}"/>` : ''}${chart.axis?.min !== undefined ? `<c:min val="${chart.axis.min}"/>` : ''}</c:scaling>`;
  const cat =
    `<c:catAx><c:axId val="${AX_CAT}"/><c:scaling><c:orientation val="${chart.horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>` +
    `${title(chart.xTitle, bodyPt(chart) + 1)}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:spPr>${line('#7F7F7F', 0.75)}</c:spPr>${text}<c:crossAx val="${AX_VAL}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${AX_VAL}"/>${scaling}<c:delete val="0"/><c:axPos val="${valPos}"/>${grid}${title(chart.yTitle, bodyPt(chart) + 1)}` +
    `<c:numFmt formatCode="${xmlText(chart.axis?.format ?? 'General')}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr>${line('#7F7F7F', 0.75)}</c:spPr>${text}<c:crossAx val="${AX_CAT}"/><c:crosses val="${chart.horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/** The chart part for `chart`; `at` gives the values the cells hold now (the cache). */
export function chartXml(chart: ChartModel, at: ValueAt): string {
  const ids = `<c:axId val="${AX_CAT}"/><c:axId val="${AX_VAL}"/>`;
  const indexed = chart.series.map((s, i) => ({ s, i }));
  const bars = indexed.filter((x) => x.s.type === 'bar');
  const lines = indexed.filter((x) => x.s.type !== 'bar');
  const barChart = bars.length
    ? `<c:barChart><c:barDir val="${chart.horizontal ? 'bar' : 'col'}"/><c:grouping val="${chart.stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
      `${bars.map((x) => series(x.s, x.i, chart, at)).join('')}<c:gapWidth val="${chart.stacked ? 40 : 80}"/>${chart.stacked ? '<c:overlap val="100"/>' : ''}${ids}</c:barChart>`
    : '';
  const lineChart = lines.length ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.map((x) => series(x.s, x.i, chart, at)).join('')}<c:marker val="1"/>${ids}</c:lineChart>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, bodyPt(chart) + 3)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${barChart}${lineChart}${axes(chart)}` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    // Hidden helper columns are data too (the committee list keeps its chart data out of sight).
    `<c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${fill('#FFFFFF')}${line('#BFBFBF', 0.75)}</c:spPr>` +
    textProps(bodyPt(chart)) +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>` +
    `</c:chartSpace>`
  );
}
