/**
 * The documents of a round, ready to print and sign (A4, page numbers, dates in Chinese form), from one tally:
 *
 * - 专家评审结果汇总表: every application's automated verdict, each expert's total, the panel score, rank and
 *   recommendation; the date and venue; a signature line for the chair (组长) and every member. The experts sign it.
 * - 推荐汇总表: what the province sends to the ministry — only the recommended clusters, in order, in the columns
 *   the rulebook sets (`papers.recommendationColumns`, by default the national list's), with 推荐单位（盖章）and 日期.
 * - 评审意见表: one page per application — the criteria with their automated results and the panel's score, the
 *   experts' opinions condensed, the panel's conclusion, the chair's signature.
 * - 公示名单: name, location and leading industry of the recommended clusters, ready to publish.
 * - 补正材料通知: a letter (a DocModel; the adapter writes it as .docx) to the county of each application whose data
 *   is incomplete, listing every item missing or invalid by indicator and cell, in plain words.
 *
 * Nothing internal reaches these pages: no codes, ids, file names, English or times — names, places and words.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { PaperField } from '../rulebook/schema.js';
import { pageDate, t, tAny, type TextKey, type TextParams } from '../text/index.js';
import type { Lang } from '../types.js';
import { pagePrint } from '../report/print.js';
import { SheetBuilder, textUnits, type CellValue, type SheetModel, type StyleKey } from '../report/sheet-model.js';
import type { MaterialItem, RoundApplication } from './records.js';
import { reasonText, recommendationText } from './rollup.js';
import type { ApplicationResult, TallyResult } from './tally.js';

export interface PapersOptions {
  /** The panel's chair (组长); the first expert when not given. */
  chair?: string;
  /** The meeting's date, as typed ("2025-06-12"); printed 2025年6月12日. Blank lines to fill by hand when absent. */
  date?: string;
  venue?: string;
  /** 推荐单位: the province's SME authority. */
  unit?: string;
}

/** A letter as plain data: the adapter lays it out (.docx), the print test reads it back. */
export interface DocModel {
  /** File name without extension. */
  name: string;
  title: string;
  /** The addressee line. */
  to: string;
  paragraphs: string[];
  table: { head: string[]; rows: string[][]; widths: number[] };
  closing: string[];
  /** Signature lines at the right: the unit and the date. */
  sign: string[];
  /** The footer's page number: the words with {page} where the number goes. */
  page: string;
}

export interface Papers {
  results: SheetModel;
  forward: SheetModel;
  opinions: SheetModel;
  publicity: SheetModel;
  notices: DocModel[];
}

/** The national recommendation list's columns: the default when a rulebook sets none. */
const NATIONAL_COLUMNS: Array<{ field: PaperField } | { indicator: string; title: { zh: string; en: string } }> = [
  { field: 'no' },
  { field: 'cluster' },
  { field: 'place' },
  { field: 'leadingIndustry' },
  { field: 'nicheSector' },
  // The national form's 集群运营管理机构名称 (B7 of the national rulebook's identity section).
  { indicator: 'B7', title: { zh: '集群运营管理机构', en: 'Operating and management body' } },
  { field: 'unit' },
];

/** Column widths in units for each field (wide enough for a typical value in 宋体; longer text wraps). */
const FIELD_WIDTH: Record<PaperField, number> = { no: 6, cluster: 30, place: 16, leadingIndustry: 16, nicheSector: 16, unit: 18, score: 10, rank: 6 };

const place = (a: RoundApplication) => [a.province, a.county].filter(Boolean).join('');
const clusterName = (a: RoundApplication) => a.cluster || a.id;

export function papersModels(result: TallyResult, rb: LoadedRulebook, lang: Lang, opts: PapersOptions = {}): Papers {
  const w = (key: TextKey, params?: TextParams) => t(key, lang, params);
  const year = result.round.year ?? '';
  const date = opts.date ? pageDate(opts.date, lang) : w('papers.blankDate');
  const chair = opts.chair && result.round.experts.includes(opts.chair) ? opts.chair : (result.round.experts[0] ?? '');
  const members = result.round.experts.filter((x) => x !== chair);
  const unit = opts.unit ?? '';
  const recommended = result.applications.filter((r) => r.recommendation === 'recommended');
  return {
    results: resultsSheet(result, rb, lang, { w, year, date, chair, members, venue: opts.venue ?? '' }),
    forward: forwardSheet(recommended, rb, lang, { w, year, date, unit }),
    opinions: opinionsSheet(result, rb, lang, { w, date, chair }),
    publicity: publicitySheet(recommended, lang, { w, year, date, unit, industry: rb.data.settings.identity.leadingIndustry }),
    notices: result.applications.filter((r) => r.application.material?.length).map((r) => notice(r.application, lang, { w, date, unit })),
  };
}

type W = (key: TextKey, params?: TextParams) => string;

/** A table's header row and body rows, each row as tall as its tallest wrapped cell. */
function table(b: SheetBuilder, first: number, head: string[], rows: CellValue[][], widths: number[], figures: ReadonlySet<number> = new Set()): number {
  head.forEach((h, c) => {
    b.set(first, c, { value: h, style: 'header' });
    b.fit(first, h, widths[c]!);
  });
  rows.forEach((cells, i) => {
    const r = first + 1 + i;
    cells.forEach((v, c) => {
      b.set(r, c, { value: v, style: 'doc.cell', ...(typeof v === 'number' && figures.has(c) ? { numberFormat: '0.00' } : {}) });
      if (v !== null && v !== '') b.fit(r, String(v), widths[c]!);
    });
  });
  return first + rows.length;
}

/** A title row across the sheet, and a plain line under it (merged, sized for its text). */
function heading(b: SheetBuilder, title: string, lines: string[], span: number, width: number): number {
  b.set(0, 0, { value: title, style: 'doc.title' });
  b.merge(0, 0, 0, span);
  b.heights[0] = 32;
  b.fit(0, title, width, 16);
  let r = 1;
  for (const line of lines) {
    if (!line) continue;
    b.set(r, 0, { value: line, style: 'doc.text' });
    b.merge(r, 0, r, span);
    b.fit(r, line, width);
    r++;
  }
  return r;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function resultsSheet(result: TallyResult, rb: LoadedRulebook, lang: Lang, o: { w: W; year: string | number; date: string; chair: string; members: string[]; venue: string }): SheetModel {
  const { w } = o;
  const experts = result.round.experts;
  const b = new SheetBuilder();
  const head = [w('papers.col.no'), w('papers.col.cluster'), w('papers.col.place'), w('papers.col.verdict'), ...experts, w('papers.col.score'), w('papers.col.rank'), w('papers.col.recommendation')];
  const widths = [6, 28, 16, 14, ...experts.map((x) => Math.max(9, Math.ceil(textUnits(x)) + 2)), 11, 6, 21];
  const span = head.length - 1;
  const title = w('papers.results.title', { year: o.year }) + (result.notReturned.length ? w('committee.rollup.provisional') : '');
  const s = rb.data.scoring;
  const rule = w(`committee.rule.${s.combine}` as TextKey, { n: s.trimmedMinimum });
  const quota = result.quota === null ? w('committee.rollup.noQuota') : String(result.quota);
  const lines = [
    w('papers.results.meeting', { date: o.date, venue: o.venue || w('papers.blank') }),
    w('papers.results.rule', { rule, cut: s.recommendation.minMeanTotal, quota }),
    result.notReturned.length ? w('committee.rollup.provisionalNote', { missing: result.notReturned }) : '',
  ];
  const first = heading(b, title, lines, span, sum(widths));
  const passed = rb.data.scoring.recommendation.verdict;
  const rows: CellValue[][] = result.applications.map((r, i) => [
    i + 1,
    clusterName(r.application),
    place(r.application),
    tAny(`committee.verdict.${r.application.verdict}`, lang),
    // An application not put to the experts (not passed) shows no marks; one scored shows 回避 or 未评 where no total.
    ...r.experts.map((x) => (x.conflicted ? w('papers.results.recused') : x.total !== null ? x.total : r.application.verdict === passed || x.returned ? w('papers.results.notReturned') : '')),
    r.score,
    r.rank === null ? '' : r.tie ? w('committee.rollup.tieRank', { rank: r.rank }) : r.rank,
    recommendationText(r, lang),
  ]);
  const last = table(b, first, head, rows, widths, new Set(experts.map((_x, e) => 4 + e).concat([4 + experts.length])));
  const sigFirst = last + 2;
  let r = sigFirst;
  const signRow = (role: string, name: string) => {
    b.set(r, 0, { value: role, style: 'label' });
    b.merge(r, 0, r, 1);
    b.set(r, 2, { value: name, style: 'doc.cell' });
    b.set(r, 3, { value: w('papers.sign'), style: 'label' });
    b.set(r, 4, { value: null, style: 'input' });
    b.merge(r, 4, r, Math.max(4, span));
    b.heights[r] = 30;
    r++;
  };
  signRow(w('papers.chair'), o.chair);
  for (const m of o.members) signRow(w('papers.member'), m);
  b.set(r, 0, { value: w('papers.date'), style: 'label' });
  b.merge(r, 0, r, 1);
  b.set(r, 2, { value: o.date, style: 'doc.text' });
  b.merge(r, 2, r, Math.max(2, span));
  b.heights[r] = 24;
  const model: SheetModel = { name: w('papers.file.results'), cells: b.cells, widths, heights: b.heights, merges: b.merges };
  // The signatures never start a page alone: kept with the table's last rows.
  model.print = pagePrint(model, { subject: title, lang, repeatRows: [first, first], repeatCols: [0, 1], keep: [[Math.max(first + 1, last - 1), r]] });
  return model;
}

function columnsOf(rb: LoadedRulebook) {
  return rb.data.papers?.recommendationColumns ?? NATIONAL_COLUMNS;
}

function forwardSheet(recommended: ApplicationResult[], rb: LoadedRulebook, lang: Lang, o: { w: W; year: string | number; date: string; unit: string }): SheetModel {
  const { w } = o;
  const cols = columnsOf(rb);
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const head = cols.map((c) => ('field' in c ? w(`papers.col.${c.field}` as TextKey) : pick(c.title)));
  const widths = cols.map((c) => ('field' in c ? FIELD_WIDTH[c.field] : 22));
  const span = head.length - 1;
  const ids = rb.data.settings.identity;
  const value = (r: ApplicationResult, i: number, c: (typeof cols)[number]): CellValue => {
    const a = r.application;
    if (!('field' in c)) return a.texts?.[c.indicator] ?? '';
    switch (c.field) {
      case 'no':
        return i + 1;
      case 'cluster':
        return clusterName(a);
      case 'place':
        return place(a);
      case 'leadingIndustry':
        return a.texts?.[ids.leadingIndustry] ?? '';
      case 'nicheSector':
        return a.texts?.[ids.nicheSector] ?? '';
      case 'unit':
        return o.unit;
      case 'score':
        return r.score;
      case 'rank':
        return r.rank;
    }
  };
  const b = new SheetBuilder();
  const title = w('papers.forward.title', { year: o.year });
  const first = heading(b, title, [], span, sum(widths));
  const rows = recommended.map((r, i) => cols.map((c) => value(r, i, c)));
  let last = table(b, first, head, rows.length ? rows : [[w('papers.forward.none'), ...cols.slice(1).map(() => '')]], widths);
  if (!rows.length) b.merge(last, 0, last, span);
  last += 2;
  const split = Math.max(1, Math.ceil(head.length / 2));
  b.set(last, 0, { value: `${w('papers.forward.stamp')}${o.unit}`, style: 'doc.text' });
  b.merge(last, 0, last, split - 1);
  b.set(last, split, { value: `${w('papers.date')}：${o.date}`, style: 'doc.text' });
  b.merge(last, split, last, span);
  b.heights[last] = 48;
  const model: SheetModel = { name: w('papers.file.forward'), cells: b.cells, widths, heights: b.heights, merges: b.merges };
  model.print = pagePrint(model, { subject: title, lang, repeatRows: [first, first], keep: [[Math.max(first + 1, last - 3), last]] });
  return model;
}

function opinionsSheet(result: TallyResult, rb: LoadedRulebook, lang: Lang, o: { w: W; date: string; chair: string }): SheetModel {
  const { w } = o;
  const b = new SheetBuilder();
  const widths = [24, 30, 8, 14, 14];
  const span = widths.length - 1;
  const valueWidth = sum(widths.slice(1));
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const s = rb.data.scoring;
  const rule = w(`committee.rule.${s.combine}` as TextKey, { n: s.trimmedMinimum });
  const breaks: number[] = [];
  const keep: Array<[number, number]> = [];
  let r = 0;
  const labelled = (label: string, value: CellValue, opts: { style?: StyleKey } = {}) => {
    b.set(r, 0, { value: label, style: 'label' });
    b.set(r, 1, { value, style: opts.style ?? 'wrap' });
    b.merge(r, 1, r, span);
    b.fit(r, label, widths[0]!);
    if (value !== null && value !== '') b.fit(r, String(value), valueWidth);
    b.heights[r] = Math.max(b.heights[r] ?? 0, 22);
    r++;
  };
  result.applications.forEach((res, i) => {
    const a = res.application;
    const start = r;
    if (i > 0) breaks.push(r);
    b.set(r, 0, { value: w('papers.opinion.title'), style: 'doc.title' });
    b.merge(r, 0, r, span);
    b.heights[r] = 40;
    r++;
    labelled(w('papers.col.cluster'), clusterName(a));
    labelled(w('papers.col.place'), place(a));
    const ids = rb.data.settings.identity;
    labelled(w('papers.opinion.industry'), [a.texts?.[ids.leadingIndustry], a.texts?.[ids.nicheSector]].filter(Boolean).join('／'));
    labelled(w('papers.col.verdict'), tAny(`committee.verdict.${a.verdict}`, lang));
    const head = [w('papers.opinion.criterion'), '', w('papers.opinion.weight'), w('papers.opinion.auto'), w('papers.opinion.score')];
    head.forEach((h, c) => b.set(r, c, { value: h, style: 'header' }));
    b.merge(r, 0, r, 1);
    b.heights[r] = 22;
    r++;
    for (const cr of rb.data.criteria) {
      const text = `${cr.id}\u3000${pick(cr.title)}`;
      b.set(r, 0, { value: text, style: 'wrap' });
      b.merge(r, 0, r, 1);
      b.fit(r, text, widths[0]! + widths[1]!);
      b.set(r, 2, { value: cr.weight, style: 'doc.cell' });
      const auto = a.criteria?.[cr.id] ?? '';
      b.set(r, 3, { value: auto, style: 'doc.cell' });
      b.fit(r, auto, widths[3]!);
      const score = res.criteria.find((c) => c.id === cr.id)?.score ?? null;
      b.set(r, 4, { value: score, style: 'doc.cell', numberFormat: '0.00' });
      b.heights[r] = Math.max(b.heights[r] ?? 0, 22);
      r++;
    }
    labelled(w('papers.opinion.total', { rule }), res.score === null ? '' : res.score.toFixed(2));
    labelled(w('papers.opinion.rank'), res.rank === null ? '' : res.tie ? w('committee.rollup.tieRank', { rank: res.rank }) : String(res.rank));
    const opinions = res.experts
      .filter((x) => !x.conflicted && x.returned)
      .map((x) => `${x.name}：${x.opinion || w('papers.opinion.noOpinion')}`)
      .join('\n');
    labelled(w('papers.opinion.opinions'), opinions || w('papers.opinion.noOpinion'));
    const why = reasonText(res, lang);
    const conclusion = [recommendationText(res, lang) + (why ? `（${why}）` : ''), res.decision?.decision ? w('papers.opinion.decision', { decision: res.decision.decision }) : ''].filter(Boolean).join('\n');
    labelled(w('papers.opinion.conclusion'), conclusion);
    // The chair's signature and the date.
    b.set(r, 0, { value: w('papers.opinion.chairSign'), style: 'label' });
    b.set(r, 1, { value: null, style: 'input' });
    b.set(r, 2, { value: w('papers.date'), style: 'label' });
    b.set(r, 3, { value: o.date, style: 'doc.cell' });
    b.merge(r, 3, r, span);
    b.heights[r] = 36;
    keep.push([start, r]);
    r += 2;
  });
  const model: SheetModel = { name: w('papers.file.opinions'), cells: b.cells, widths, heights: b.heights, merges: b.merges };
  const print = pagePrint(model, { subject: w('papers.opinion.title'), lang, portrait: true, keep });
  // One page per application: a break before each one's title, whatever the estimate says.
  print.rowBreaks = [...new Set([...(print.rowBreaks ?? []), ...breaks])].sort((x, y) => x - y);
  model.print = print;
  return model;
}

function publicitySheet(recommended: ApplicationResult[], lang: Lang, o: { w: W; year: string | number; date: string; unit: string; industry: string }): SheetModel {
  const { w } = o;
  const b = new SheetBuilder();
  const widths = [6, 34, 22, 24];
  const span = widths.length - 1;
  const title = w('papers.publicity.title', { year: o.year });
  const first = heading(b, title, [], span, sum(widths));
  const rows: CellValue[][] = recommended.map((r, i) => [i + 1, clusterName(r.application), place(r.application), r.application.texts?.[o.industry] ?? '']);
  const last = table(b, first, [w('papers.col.no'), w('papers.col.cluster'), w('papers.col.place'), w('papers.col.leadingIndustry')], rows, widths);
  let r = last + 2;
  const note = w('papers.publicity.note', { unit: o.unit || w('papers.publicity.unitFallback') });
  b.set(r, 0, { value: note, style: 'doc.text' });
  b.merge(r, 0, r, span);
  b.fit(r, note, sum(widths));
  r += 2;
  for (const line of [o.unit, o.date]) {
    if (!line.trim()) continue;
    b.set(r, 2, { value: line, style: 'doc.text' });
    b.merge(r, 2, r, span);
    r++;
  }
  const model: SheetModel = { name: w('papers.file.publicity'), cells: b.cells, widths, heights: b.heights, merges: b.merges };
  model.print = pagePrint(model, { subject: title, lang, portrait: true, repeatRows: [first, first], keep: [[Math.max(first + 1, last - 1), r]] });
  return model;
}

/** Where an item is: "“指标表”表 F20 单元格" from "指标表!F20". */
function where(cell: string, w: W): string {
  const m = /^(.*)!([A-Z]+\d+)$/.exec(cell);
  if (!m) return cell;
  return w('papers.notice.where', { sheet: m[1]!.replace(/^'|'$/g, ''), cell: m[2]! });
}

function notice(a: RoundApplication, lang: Lang, o: { w: W; date: string; unit: string }): DocModel {
  const { w } = o;
  const items: MaterialItem[] = a.material ?? [];
  const rows = items.map((m, i) => [
    String(i + 1),
    m.label ? (m.year ? w('papers.notice.itemYear', { label: m.label, year: m.year }) : m.label) : '',
    where(m.cell, w),
    `${w(m.status === 'missing' ? 'papers.notice.missing' : 'papers.notice.invalid')}${m.message}`,
  ]);
  return {
    name: w('papers.file.notice', { cluster: clusterName(a) }),
    title: w('papers.notice.title'),
    to: w('papers.notice.to', { county: a.county || a.province || w('papers.notice.toFallback') }),
    paragraphs: [w('papers.notice.body', { cluster: clusterName(a), n: items.length })],
    table: { head: [w('papers.notice.colNo'), w('papers.notice.colItem'), w('papers.notice.colWhere'), w('papers.notice.colProblem')], rows, widths: [8, 26, 22, 44] },
    closing: [w('papers.notice.closing')],
    sign: [o.unit, o.date].filter((x) => x.trim()),
    page: w('papers.page'),
  };
}
