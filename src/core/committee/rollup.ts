/**
 * The committee's list: the roll-up 推荐汇总 of a tally, ranked, with the committee score by the rulebook's rule,
 * median, spread, number of scores, criteria to discuss, the recommendation and a visible line after the last
 * recommended application, ties and duplicates flagged, and the committee's decision (推荐 / 不推荐, date, meeting),
 * which a later tally keeps. With it: 专家总分 (each expert's total, which the list's figures compute from as live
 * formulas), 评分记录 (every value with its source file, sha256, file time and change since the previous tally),
 * 评审意见 (one row per application and expert), and the hidden record of the round and its audit trail.
 */
import { columnLetters } from '../address.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import { roundOf } from '../rulebook/round.js';
import { t, tAny, type TextKey, type TextParams } from '../text/index.js';
import type { Lang } from '../types.js';
import { pagePrint } from '../report/print.js';
import { combineFormula, exactFormula } from '../scoring.js';
import { SheetBuilder, textUnits, type CellValue, type SheetModel, type StyleKey } from '../report/sheet-model.js';
import { cityCounts, cityCountText, cityFindingText, cityKey, cityText } from '../report/cities.js';
import { addCommitteeChart } from './chart.js';
import { AUDIT_COLUMNS, AUDIT_WIDTHS, auditChangeText, auditItemText } from './audit-sheet.js';
import { recordModel } from './record-sheet.js';
import type { AuditRow, Round } from './records.js';
import { type ApplicationResult, type Decision, type TallyResult } from './tally.js';

export const TALLY_FORMAT = 'cluster-review/tally@1';

export interface TallyLayout {
  sheet: string;
  firstRow: number;
  id: number;
  decision: number;
  date: number;
  meeting: number;
}

export interface TallyRecord {
  round: Round;
  audit: AuditRow[];
  layout: TallyLayout;
}

const REC_STYLE: Record<ApplicationResult['recommendation'], StyleKey> = {
  recommended: 'status.pass',
  'beyond-quota': 'status.warn',
  'below-cut': 'status.fail',
  'not-eligible': 'status.na',
  pending: 'status.missing',
};

/** The recommendation in the one vocabulary: 建议推荐 / 超出推荐名额 / 未达推荐分数线 / 不符合推荐条件 / 待定（why）. */
export function recommendationText(r: Pick<ApplicationResult, 'recommendation' | 'reason'>, lang: Lang): string {
  if (r.recommendation === 'pending') return t('committee.recommendation.pending', lang, { why: tAny(`committee.why.${r.reason ?? 'experts'}`, lang) });
  return tAny(`committee.recommendation.${r.recommendation}`, lang);
}

/** The list's title: 暂定 while an expert has not returned. */
export function rollupTitle(result: Pick<TallyResult, 'round' | 'notReturned'>, lang: Lang, rb?: LoadedRulebook): string {
  // A provincial recognition round recommends provincial clusters: its list says so.
  const key = rb && roundOf(rb.data) === 'provincial-recognition' ? 'committee.rollup.titleProvincial' : 'committee.rollup.title';
  return t(key, lang, { year: result.round.year ?? '' }) + (result.notReturned.length ? t('committee.rollup.provisional', lang) : '');
}

/** Words of a recommendation's reason (not-eligible: the verdict or duplicate; pending: why). */
export function reasonText(r: ApplicationResult, lang: Lang): string {
  const out: string[] = [];
  if (r.recommendation === 'not-eligible' && r.reason) out.push(tAny(`committee.reason.${r.reason}`, lang, { of: r.duplicateOf ?? '' }));
  if (r.recommendation === 'pending') for (const p of r.pending) out.push(tAny(`committee.pending.${p}`, lang));
  if (r.tie && r.recommendation !== 'pending') out.push(t('committee.pending.tie-shared', lang, { rank: r.rank ?? '' }));
  return out.join('；');
}

const OPINION_WIDTHS = [24, 10, 18, 30, 40, 8, 10, 11, 18];

/** Each cell of a row wraps in its column: the row as tall as its tallest text. */
function fitRow(b: SheetBuilder, row: number, values: CellValue[], widths: readonly number[]): void {
  values.forEach((v, c) => {
    if (typeof v === 'string' && v) b.fit(row, v, widths[c] ?? 10);
  });
}

/**
 * An audit sheet (评分记录, 专家总分) does not print by default: its print area is a note below the table saying so and
 * how to print it; cleared, the whole table prints one page wide, its header on every page.
 */
/** A plain table sheet of the round (the audit trail, the opinions, the figures): a header row frozen above its rows. */
function tableSheet(name: string, b: SheetBuilder, widths: readonly number[], freeze: { rows: number; cols: number }): SheetModel {
  return { name, cells: b.cells, widths: [...widths], heights: b.heights, freeze };
}

function auditPrint(model: SheetModel, b: SheetBuilder, rows: number, subject: string, lang: Lang) {
  const span = (model.widths?.length ?? 1) - 1;
  const noteRow = rows + 1;
  const note = t('committee.audit.printNote', lang);
  b.set(noteRow, 0, { value: note, style: 'muted' });
  b.merge(noteRow, 0, noteRow, span);
  b.fit(noteRow, note, (model.widths ?? []).reduce((a, x) => a + x, 0));
  model.cells = b.cells;
  model.merges = b.merges;
  model.heights = b.heights;
  const { rowBreaks: _breaks, ...print } = pagePrint({ ...model }, { subject, lang, repeatRows: [0, 0] });
  return { ...print, area: [noteRow, 0, noteRow, span] as [number, number, number, number] };
}

export function tallyModels(result: TallyResult, rb: LoadedRulebook, lang: Lang): SheetModel[] {
  const w = (key: TextKey, params?: TextParams) => t(key, lang, params);
  const { round } = result;
  const experts = round.experts;
  const scoring = rb.data.scoring;

  // 专家总分: one row per application, a column per expert: the totals the tally used (numbers only).
  const figures = new SheetBuilder();
  const figSheet = w('committee.figures.sheet');
  figures.set(0, 0, { value: w('committee.col.cluster'), style: 'header' });
  experts.forEach((x, e) => figures.set(0, 1 + e, { value: x, style: 'header' }));
  const figRow = new Map<string, number>();
  result.applications.forEach((r, i) => {
    figRow.set(r.application.id, i + 1);
    figures.set(i + 1, 0, { value: r.application.cluster || r.application.id, style: 'wrap' });
    r.experts.forEach((x, e) => figures.set(i + 1, 1 + e, { value: x.conflicted ? null : x.total, numberFormat: '0.0', style: 'text' }));
  });
  const qSheet = `'${figSheet}'`;
  const range = (row: number) => `${qSheet}!$${columnLetters(1)}$${row + 1}:$${columnLetters(Math.max(1, experts.length))}$${row + 1}`;
  const ruleFormula = (h: string) => combineFormula(h, scoring);

  // 推荐汇总.
  const b = new SheetBuilder();
  // What the committee reads and decides on comes first and prints one page wide; the mean, median and spread (the
  // score's ingredients), the source file and the id follow, on the sheet but not on paper.
  const cols = {
    no: 0, rank: 1, cluster: 2, place: 3, city: 4, verdict: 5, score: 6, n: 7, discuss: 8, rec: 9, note: 10, decision: 11, date: 12, meeting: 13, mean: 14, median: 15, spread: 16, file: 17, id: 18,
  };
  const widths = [5, 5, 24, 12, 9, 14, 10, 6, 9, 20, 26, 10, 11, 13, 9, 9, 8, 24, 4];
  // 市级推荐: every application of the round counted by its city; a city over the rulebook's quota is flagged.
  const byCity = cityCounts(result.applications.map((r) => r.application.city ?? null), rb.data.cityRecommendation);
  const cityOver = new Map(byCity.findings.map((f) => [cityKey(f.city), f]));
  const printedWidth = widths.slice(0, cols.meeting + 1).reduce((a, x) => a + x, 0);
  b.set(0, 0, { value: rollupTitle(result, lang, rb), style: 'title' });
  b.merge(0, 0, 0, cols.meeting);
  b.heights[0] = 28;
  const quota = result.quota === null ? w('committee.rollup.noQuota') : String(result.quota);
  b.set(1, 0, {
    value: (result.notReturned.length ? w('committee.rollup.provisionalNote', { missing: result.notReturned }) : '') + w('committee.rollup.subtitle', {
      rulebook: `${lang === 'zh-CN' ? rb.data.name.zh : rb.data.name.en} ${rb.data.edition}`,
      rule: w(`committee.rule.${scoring.combine}` as TextKey, { n: scoring.trimmedMinimum }),
      cut: scoring.recommendation.minMeanTotal,
      quota,
      minimum: scoring.minimumExperts,
      experts: experts.length,
      missing: result.notReturned.length ? result.notReturned : w('committee.none'),
    }) + (scoring.setByProvince ? '' : `${lang === 'zh-CN' ? '' : ' '}${t('summary.scoresNote', lang)}${lang === 'zh-CN' ? '。' : '.'}`),
    style: 'subtitle',
  });
  b.merge(1, 0, 1, cols.meeting);
  b.fit(1, String(b.cells.find((c) => c.row === 1)?.value ?? ''), printedWidth);
  const head: Array<[number, TextKey]> = [
    [cols.no, 'committee.col.no'],
    [cols.rank, 'committee.col.rank'],
    [cols.cluster, 'committee.col.cluster'],
    [cols.place, 'committee.col.place'],
    [cols.city, 'rollup.colCity'],
    [cols.verdict, 'committee.col.verdict'],
    [cols.score, 'committee.col.score'],
    [cols.mean, 'committee.col.mean'],
    [cols.median, 'committee.col.median'],
    [cols.spread, 'committee.col.spread'],
    [cols.n, 'committee.col.n'],
    [cols.discuss, 'committee.col.discuss'],
    [cols.rec, 'committee.col.recommendation'],
    [cols.note, 'committee.col.explanation'],
    [cols.decision, 'committee.col.decision'],
    [cols.date, 'committee.col.decisionDate'],
    [cols.meeting, 'committee.col.meeting'],
    [cols.file, 'committee.col.file'],
  ];
  for (const [c, k] of head) {
    b.set(2, c, { value: w(k), style: 'header' });
    b.fit(2, w(k), widths[c]!);
  }
  b.set(2, cols.id, { value: 'id', style: 'muted' });
  let row = 3;
  result.applications.forEach((r, i) => {
    const fr = figRow.get(r.application.id)!;
    const h = range(fr);
    const none = `COUNT(${h})=0`;
    const a = r.application;
    b.set(row, cols.no, { value: i + 1, style: 'text' });
    b.set(row, cols.rank, { value: r.rank === null ? '' : r.tie ? w('committee.rollup.tieRank', { rank: r.rank }) : r.rank, style: r.tie ? 'status.warn' : 'text' });
    b.set(row, cols.cluster, { value: a.cluster || a.id, style: 'wrap' });
    b.fit(row, a.cluster || a.id, widths[cols.cluster]!);
    const place = [a.province, a.county].filter(Boolean).join(' ');
    b.set(row, cols.place, { value: place, style: 'wrap' });
    b.fit(row, place, widths[cols.place]!);
    const city = cityText(a.city, lang);
    b.set(row, cols.city, { value: city, style: 'wrap' });
    b.fit(row, city, widths[cols.city]!);
    b.set(row, cols.verdict, { value: tAny(`committee.verdict.${a.verdict}`, lang), style: `verdict.${a.verdict}` });
    b.set(row, cols.score, { formula: `IF(${none},"",${ruleFormula(h)})`, result: r.score ?? '', numberFormat: '0.00', style: 'computed' });
    b.set(row, cols.mean, { formula: `IF(${none},"",${exactFormula(`AVERAGE(${h})`)})`, result: r.mean ?? '', numberFormat: '0.00', style: 'computed' });
    b.set(row, cols.median, { formula: `IF(${none},"",${exactFormula(`MEDIAN(${h})`)})`, result: r.median ?? '', numberFormat: '0.00', style: 'computed' });
    b.set(row, cols.spread, { formula: `IF(${none},"",${exactFormula(`MAX(${h})-MIN(${h})`)})`, result: r.spread ?? '', numberFormat: '0.00', style: 'computed' });
    b.set(row, cols.n, { formula: `COUNT(${h})`, result: r.n, style: 'computed' });
    b.set(row, cols.discuss, { value: r.toDiscuss.join('、'), style: 'wrap' });
    b.fit(row, r.toDiscuss.join('、'), widths[cols.discuss]!);
    const rec = recommendationText(r, lang);
    b.set(row, cols.rec, { value: rec, style: REC_STYLE[r.recommendation] });
    b.fit(row, rec, widths[cols.rec]!);
    const over = a.city ? cityOver.get(cityKey(a.city)) : undefined;
    const note = [reasonText(r, lang), ...(over ? [cityFindingText(over, lang)] : [])].filter(Boolean).join(lang === 'zh-CN' ? '；' : '; ');
    b.set(row, cols.note, { value: note, style: over ? 'status.warn' : 'wrap' });
    b.fit(row, note, widths[cols.note]!);
    const d = r.decision;
    b.set(row, cols.decision, { value: d?.decision || null, input: 'expert', style: 'input', validation: { kind: 'list', values: [w('committee.decision.yes'), w('committee.decision.no')], severity: 'warning' } });
    b.set(row, cols.date, { value: d?.date || null, input: 'expert', style: 'input' });
    b.set(row, cols.meeting, { value: d?.meeting || null, input: 'expert', style: 'input' });
    b.set(row, cols.file, { value: a.file, style: 'wrap' });
    b.set(row, cols.id, { value: a.id, style: 'muted' });
    row++;
    if (result.lineAfter === i) {
      b.set(row, 0, { value: w('committee.rollup.line', { n: i + 1 }), style: 'section' });
      b.merge(row, 0, row, cols.meeting);
      row++;
    }
  });
  const problems = result.problems.filter((p) => p.code !== 'tie');
  row++;
  if (byCity.counts.length) {
    const counts = byCity.counts.map((c) => cityCountText(c, lang)).join(lang === 'zh-CN' ? '、' : '; ');
    for (const [value, style] of [[w(rb.data.cityRecommendation ? 'rollup.citiesQuota' : 'rollup.cities', { counts }), 'wrap'], ...byCity.findings.map((f) => [cityFindingText(f, lang), 'status.warn'])] as Array<[string, StyleKey]>) {
      b.set(row, 0, { value, style });
      b.merge(row, 0, row, cols.meeting);
      b.fit(row, value, printedWidth);
      row++;
    }
    row++;
  }
  b.set(row, 0, { value: w('committee.rollup.problems', { n: problems.length }), style: 'section' });
  b.merge(row, 0, row, cols.meeting);
  row++;
  for (const p of problems) {
    const text = problemText(p, lang, { files: false });
    b.set(row, 0, { value: text, style: 'wrap' });
    b.merge(row, 0, row, cols.meeting);
    b.fit(row, text, printedWidth);
    row++;
  }
  const sheet = w('committee.rollup.sheet');
  const list: SheetModel = {
    name: sheet,
    cells: b.cells,
    widths,
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: 3, cols: 3 },
    protect: {},
    hiddenCols: [cols.id],
    tabColor: '#70AD47',
  };
  const title = rollupTitle(result, lang, rb);
  addCommitteeChart(list, result, rb, lang, { firstRow: 3, id: cols.id, cluster: cols.cluster, score: cols.score, lastPrinted: cols.meeting });
  // Printed without the figures' ingredients and the file (评分记录 names every file with its sha256): one page wide.
  list.print = pagePrint(list, { subject: title, lang, repeatRows: [2, 2], repeatCols: [0, 2], columns: [0, cols.meeting] });

  // 评分记录.
  const a = new SheetBuilder();
  const clusterOf = new Map(round.applications.map((x) => [x.id, x.cluster || x.id]));
  AUDIT_COLUMNS.forEach((k, c) => a.set(0, c, { value: w(k), style: 'header' }));
  const itemText = (item: string) => auditItemText(item, lang);
  const change = (old: string | null | undefined, now: string | null) => auditChangeText(old, now, lang);
  let ar = 1;
  for (const c of result.current) {
    const vals: CellValue[] = [c.expert, clusterOf.get(c.application) ?? c.application, itemText(c.item), c.value, tAny(`committee.outcome.${c.outcome}`, lang), change(c.change ? c.change.old : undefined, c.value), c.source, c.cell, c.sha256, c.fileTime];
    vals.forEach((v, col) => a.set(ar, col, { value: v, style: 'wrap' }));
    fitRow(a, ar, vals, AUDIT_WIDTHS);
    ar++;
  }
  // Values gone since the last tally, and experts renamed or removed in a reviewed copy (item "expert").
  for (const c of result.changes.filter((x) => x.outcome === 'removed' || x.outcome === 'renamed')) {
    const vals: CellValue[] = [c.expert, clusterOf.get(c.application) ?? c.application, itemText(c.item), c.new ?? '', tAny(`committee.outcome.${c.outcome}`, lang), change(c.old, c.new), c.source, '', c.sha256, c.fileTime];
    vals.forEach((v, col) => a.set(ar, col, { value: v, style: 'wrap' }));
    fitRow(a, ar, vals, AUDIT_WIDTHS);
    ar++;
  }
  AUDIT_COLUMNS.forEach((k, c) => a.fit(0, w(k), AUDIT_WIDTHS[c]!));
  const audit = tableSheet(w('committee.audit.sheet'), a, AUDIT_WIDTHS, { rows: 1, cols: 0 });
  audit.print = auditPrint(audit, a, ar, title, lang);

  // 评审意见: one row per application and expert.
  const o = new SheetBuilder();
  const opHead: TextKey[] = ['committee.col.cluster', 'committee.opinions.expert', 'committee.col.recusal', 'committee.opinions.notes', 'committee.col.opinion', 'committee.opinions.total', 'committee.signature', 'committee.date', 'committee.col.explanation'];
  opHead.forEach((k, c) => o.set(0, c, { value: w(k), style: 'header' }));
  let or = 1;
  for (const r of result.applications) {
    for (const x of r.experts) {
      const notes = Object.entries(x.notes).map(([id, n]) => `${id}：${n}`).join('\n');
      const dup = r.duplicateOf ? w('committee.reason.duplicate', { of: r.duplicateOf }) : '';
      const vals: CellValue[] = [r.application.cluster || r.application.id, x.name, x.conflicted ? w('committee.opinions.recused', { reason: x.reason || '' }) : '', notes, x.opinion, x.total, x.signature, x.date, dup];
      vals.forEach((v, col) => o.set(or, col, { value: v, style: x.conflicted ? 'wrap' : col === 8 && dup ? 'status.warn' : 'wrap', ...(col === 5 ? { numberFormat: '0.0' } : {}) }));
      fitRow(o, or, vals, OPINION_WIDTHS);
      or++;
    }
  }
  const opinions = tableSheet(w('committee.opinions.sheet'), o, OPINION_WIDTHS, { rows: 1, cols: 2 });
  opinions.print = pagePrint(opinions, { subject: title, lang, repeatRows: [0, 0], repeatCols: [0, 1] });
  result.applications.forEach((r, i) => figures.fit(i + 1, r.application.cluster || r.application.id, 26));
  const figModel = tableSheet(figSheet, figures, [26, ...experts.map((x) => Math.max(9, Math.ceil(textUnits(x)) + 2))], { rows: 1, cols: 1 });
  figModel.print = auditPrint(figModel, figures, result.applications.length + 1, title, lang);
  const record: TallyRecord = { round, audit: result.audit, layout: { sheet, firstRow: 3, id: cols.id, decision: cols.decision, date: cols.date, meeting: cols.meeting } };
  return [list, opinions, audit, figModel, recordModel(TALLY_FORMAT, record)];
}

/** The committee's decisions in a previous roll-up, by application id (rows found by their hidden id). */
export function readDecisions(layout: TallyLayout, at: (row: number, col: number) => CellValue, rowCount: number): Record<string, Decision> {
  const out: Record<string, Decision> = {};
  const s = (v: CellValue) => (v === null ? '' : String(v)).trim();
  for (let r = layout.firstRow; r < rowCount; r++) {
    const id = at(r, layout.id);
    if (typeof id !== 'string' || !id) continue;
    const d = { decision: s(at(r, layout.decision)), date: s(at(r, layout.date)), meeting: s(at(r, layout.meeting)) };
    if (d.decision || d.date || d.meeting) out[id] = d;
  }
  return out;
}

/**
 * A problem in words. `files: false` (a printed page) names the values without the files and cells they came from
 * (评分记录 has those): "18、15.2".
 */
export function problemText(p: TallyResult['problems'][number], lang: Lang, opts: { files?: boolean } = {}): string {
  const withFiles = opts.files ?? true;
  const files = (p.sources ?? []).flatMap((s) => (withFiles ? [s.value !== '' ? `${s.file}${s.cell ? ` ${s.cell}` : ''} = ${s.value}` : s.file] : s.value !== '' ? [s.value] : []));
  // A criterion named by its number and title: 第6项（具有较高绿色化发展水平）, criterion 6 (High level of …).
  const title = p.criterionTitle ? (lang === 'zh-CN' ? p.criterionTitle.zh : p.criterionTitle.en) : '';
  const criterion = p.criterion === undefined ? '' : t(title ? 'committee.criterionNamed' : 'committee.criterionNumbered', lang, { id: p.criterion, title });
  return tAny(`committee.problem.${p.code}${p.resolved ? '-resolved' : ''}`, lang, {
    expert: p.expert ?? '',
    application: p.cluster ?? p.application ?? '',
    criterion,
    value: p.value ?? '',
    max: p.max ?? '',
    of: p.duplicateOf ?? '',
    sources: files,
  });
}
