/**
 * The summary sheet 评审汇总 as a SheetModel: cluster identity and rulebook in force, verdict, eligibility and
 * veto table, the eight criteria with automated results and one score column per expert, committee mean,
 * median and spread as live formulas, items to discuss, the committee's conclusion, and every finding with a
 * link to its cell. Expert cells are inputs: a re-run reads them back (readPreserved) and writes them again.
 *
 * One function per section, each writing its rows below the previous one through a shared builder; columns are
 * named (COL and each section's map below), so a section says what it writes where.
 */
import { columnLetters, toA1 } from '../address.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Check } from '../rulebook/schema.js';
import { scoreCounted, scoreFormula } from '../sheet/score.js';
import { combineFormula, committeeFigures, exactFormula, scoreOf, type CommitteeResult, type ExpertScores } from '../scoring.js';
import { LANGS, worstStatus, type Lang, type Status } from '../types.js';
import { pageDate, t, tAny, type TextKey, type TextParams } from '../text/index.js';
import type { Report, ReportFinding } from './json.js';
import { sha256Hex } from '../rulebook/sha256.js';
import { rowsRecord, type ExpertChange, type RulebookStamp, type SummaryLayout } from './meta.js';
import { pagePrint } from './print.js';
import { addSummaryCharts } from './summary-chart.js';
import { clampText, SheetBuilder, type CellValue, type SheetModel, type StyleKey } from './sheet-model.js';

const SUMMARY_SHEET = Object.fromEntries(LANGS.map((l) => [l, t('summary.sheet', l)])) as Record<Lang, string>;

/** A summary sheet the tool wrote: "评审汇总", or "评审汇总 (2)" when the applicant had a sheet of that name. */
export const isSummarySheet = (name: string): boolean => Object.values(SUMMARY_SHEET).some((b) => name === b || name.startsWith(`${b} (`));

/**
 * Expert input of a previous summary. Keyed by expert name and criterion id in Maps: names are data (an expert
 * may be called `__proto__` or `constructor`), never property names of a plain object.
 */
export interface PreservedInputs {
  experts: string[];
  scores: Map<string, Map<string, CellValue>>;
  conflicts: Map<string, CellValue>;
  signatures: Map<string, CellValue>;
  decision: CellValue;
  rationale: CellValue;
  date: CellValue;
  /** Notes people added on the expert cells, by what the cell is (see inputKey). */
  notes: Map<string, string>;
  /** Each expert's column header as the sheet shows it (a person may have edited it): read, never written. */
  headers?: Map<string, CellValue>;
  /** The 回避 reason beside each expert's mark. */
  reasons?: Map<string, CellValue>;
  /** The 专家意见 block: each expert's notes on the criteria (one text) and opinion. */
  expertNotes?: Map<string, CellValue>;
  opinions?: Map<string, CellValue>;
  /** The committee's change record (renames, removals), oldest first. */
  changes?: ExpertChange[];
}

/** An empty set of expert inputs (no summary yet). */
export function emptyPreserved(): PreservedInputs {
  return { experts: [], scores: new Map(), conflicts: new Map(), signatures: new Map(), decision: null, rationale: null, date: null, notes: new Map(), headers: new Map(), reasons: new Map(), expertNotes: new Map(), opinions: new Map(), changes: [] };
}

/** A copy that can be changed without touching the one read. */
export function clonePreserved(p: PreservedInputs): PreservedInputs {
  return {
    ...p,
    experts: [...p.experts],
    scores: new Map([...p.scores].map(([k, v]) => [k, new Map(v)])),
    conflicts: new Map(p.conflicts),
    signatures: new Map(p.signatures),
    notes: new Map(p.notes),
    headers: new Map(p.headers ?? []),
    reasons: new Map(p.reasons ?? []),
    expertNotes: new Map(p.expertNotes ?? []),
    opinions: new Map(p.opinions ?? []),
    changes: [...(p.changes ?? [])],
  };
}

/** What an expert cell is, whatever its place in this or a later layout. */
export type InputKey = string;
const inputKey = {
  score: (expert: string, criterion: string): InputKey => `score\u0000${expert}\u0000${criterion}`,
  conflict: (expert: string): InputKey => `conflict\u0000${expert}`,
  signature: (expert: string): InputKey => `signature\u0000${expert}`,
  reason: (expert: string): InputKey => `reason\u0000${expert}`,
  expertNotes: (expert: string): InputKey => `notes\u0000${expert}`,
  opinion: (expert: string): InputKey => `opinion\u0000${expert}`,
  decision: 'decision',
  rationale: 'rationale',
  date: 'date',
  /** A committee figure the tool keeps (平均分, 中位数, 极差, 需讨论) of a criterion or of the total ("" for it). */
  figure: (criterion: string, figure: FigureKind): InputKey => `figure\u0000${criterion}\u0000${figure}`,
};

const FIGURES = ['mean', 'median', 'spread', 'discuss'] as const;
type FigureKind = (typeof FIGURES)[number];

/**
 * The cells of a layout holding the committee's figures (columns right of the experts', rows of the criteria and
 * the total): the tool writes their values, but a note a person put on one is theirs and is carried to the cell
 * showing the same figure in the new summary, wherever a new expert column moved it.
 */
function layoutFigures(layout: SummaryLayout): Array<{ key: InputKey; row: number; col: number }> {
  const rows = Object.entries(layout.criteriaRows);
  if (!rows.length || !layout.experts.length) return [];
  const mean = Math.max(...layout.experts.map((x) => x.col)) + 1;
  const total = Math.max(...rows.map(([, r]) => r)) + 1;
  return [...rows, ['', total] as const].flatMap(([id, row]) => FIGURES.map((f, i) => ({ key: inputKey.figure(id, f), row, col: mean + i })));
}

/** Every expert cell of a layout, with what it is: the cells whose notes a re-run reads and keeps. */
export function layoutInputs(layout: SummaryLayout): Array<{ key: InputKey; row: number; col: number }> {
  const out: Array<{ key: InputKey; row: number; col: number }> = [];
  for (const { name, col } of layout.experts) {
    for (const [id, row] of Object.entries(layout.criteriaRows)) out.push({ key: inputKey.score(name, id), row, col });
    out.push({ key: inputKey.conflict(name), row: layout.conflictRow, col }, { key: inputKey.signature(name), row: layout.signatureRow, col });
    if (layout.reasonRow !== undefined) out.push({ key: inputKey.reason(name), row: layout.reasonRow, col });
  }
  for (const { name, row } of layout.opinions?.rows ?? [])
    out.push({ key: inputKey.expertNotes(name), row, col: layout.opinions!.notes }, { key: inputKey.opinion(name), row, col: layout.opinions!.opinion });
  out.push({ key: inputKey.decision, row: layout.decision[0], col: layout.decision[1] });
  out.push({ key: inputKey.rationale, row: layout.rationale[0], col: layout.rationale[1] });
  out.push({ key: inputKey.date, row: layout.date[0], col: layout.date[1] });
  return out;
}

export interface SummaryInput {
  report: Report;
  rb: LoadedRulebook;
  lang: Lang;
  /** Expert names for new columns; experts already in the workbook keep their columns and scores. */
  experts?: string[];
  preserved?: PreservedInputs | null;
  checkedAt?: string;
  sourceFile?: string;
  /** The rulebook the workbook's template was built from, if it says. */
  templateRulebook?: RulebookStamp | null;
  /** What the reviewer must know about the workbook itself (rendered warnings), shown under the title. */
  notices?: string[];
  /** A renewal review (复核): the title and the year row say so. */
  renewal?: boolean;
}

export interface SummaryResult {
  model: SheetModel;
  layout: SummaryLayout;
  committee: CommitteeResult;
}

/** The words a renewal review's summary says instead (复核评审汇总表, 复核年度). */
const RENEWAL_WORDS: Partial<Record<TextKey, TextKey>> = { 'summary.title': 'summary.renewal.title', 'summary.year': 'summary.renewal.year' };

/** The sheet's fixed columns (zero-based). Expert columns start at `firstExpert`; committee figures follow them. */
const COL = { no: 0, label: 1, weight: 2, auto: 3, reasons: 4, firstExpert: 5 } as const;
/** Identity rows and the conclusion's labels: a label over the first two columns, the value from `value` on. */
const IDENTITY = { label: COL.no, labelEnd: COL.label, value: COL.weight } as const;
/** 一、eligibility and veto questions. */
const ELIGIBILITY = { no: COL.no, item: COL.label, result: COL.weight, detail: COL.auto } as const;
/** 二、the criteria, scores and committee figures. */
const CRITERIA = { no: COL.no, criterion: COL.label, weight: COL.weight, auto: COL.auto, reasons: COL.reasons } as const;
/** 三、items to discuss. */
const DISCUSSION = { no: COL.no, text: COL.label } as const;
/** 四、the committee's conclusion: inputs span from `input` to `inputEnd` (the rationale to the last column). */
const CONCLUSION = { label: COL.no, labelEnd: COL.label, input: COL.weight, inputEnd: COL.reasons } as const;
/** 五、every finding. */
const FINDINGS = { no: COL.no, item: COL.label, indicator: COL.weight, status: COL.auto, detail: COL.reasons, cell: COL.firstExpert } as const;

const FIXED_WIDTHS = [8, 34, 9, 12, 56];
const EXPERT_WIDTH = 9 + 2;
const FIGURE_WIDTH = 9;
/** Characters of an expert's name: a column header, not a document. */
const MAX_EXPERT_NAME = 255;
/** Criteria shown per row before "等n项". */
const MAX_REASONS = 3;

/** Columns that depend on the number of experts. */
interface Columns {
  expert(e: number): number;
  mean: number;
  median: number;
  spread: number;
  discuss: number;
  /** Hidden helper column of expert e (the score when it counts, else ""). */
  helper(e: number): number;
  last: number;
}

function columnsFor(experts: number): Columns {
  const mean = COL.firstExpert + experts;
  const discuss = mean + 3;
  return { expert: (e) => COL.firstExpert + e, mean, median: mean + 1, spread: mean + 2, discuss, helper: (e) => discuss + 1 + e, last: discuss };
}

/** What every section needs: the builder, the columns, the words. */
interface Ctx {
  b: SheetBuilder;
  rb: LoadedRulebook;
  report: Report;
  lang: Lang;
  cols: Columns;
  widths: number[];
  w(key: TextKey, params?: TextParams): string;
  pick(x: { zh: string; en: string }): string;
  spanWidth(from: number, to: number): number;
}

/** Expert inputs of a previous summary, read through its recorded layout; `noteAt` gives the notes on its cells. */
export function readPreserved(layout: SummaryLayout, at: (row: number, col: number) => CellValue, noteAt?: (row: number, col: number) => string | null): PreservedInputs {
  const p = emptyPreserved();
  // The experts' header row is the one above the first criterion (criteriaSection writes it there).
  const rows = Object.values(layout.criteriaRows);
  const headerRow = rows.length ? Math.min(...rows) - 1 : -1;
  for (const { name, col } of layout.experts) {
    if (p.scores.has(name)) continue;
    p.experts.push(name);
    const own = new Map<string, CellValue>();
    p.scores.set(name, own);
    for (const [id, row] of Object.entries(layout.criteriaRows)) own.set(id, at(row, col));
    p.conflicts.set(name, at(layout.conflictRow, col));
    p.signatures.set(name, at(layout.signatureRow, col));
    if (layout.reasonRow !== undefined) p.reasons!.set(name, at(layout.reasonRow, col));
    if (headerRow >= 0) p.headers!.set(name, at(headerRow, col));
  }
  for (const { name, row } of layout.opinions?.rows ?? []) {
    if (!p.scores.has(name)) continue;
    p.expertNotes!.set(name, at(row, layout.opinions!.notes));
    p.opinions!.set(name, at(row, layout.opinions!.opinion));
  }
  p.changes = [...(layout.changes ?? [])];
  p.decision = at(...layout.decision);
  p.rationale = at(...layout.rationale);
  p.date = at(...layout.date);
  if (noteAt)
    for (const { key, row, col } of [...layoutInputs(layout), ...layoutFigures(layout)]) {
      const note = noteAt(row, col);
      if (note) p.notes.set(key, note);
    }
  return p;
}

/** Only plain values can be carried (a cell read back is never an object or a function). */
const plain = (v: unknown): CellValue => (v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : null);

/** A note a person left on an expert cell, carried to the same cell of the new summary. */
const noteOf = (p: PreservedInputs | null, key: InputKey): { note?: string } => {
  const note = p?.notes.get(key);
  return note ? { note } : {};
};

// Only 是 counts, exactly as the sheet's formulas (and its 是/否 validation list) treat it.
const isConflict = (v: CellValue) => typeof v === 'string' && v.trim() === '是';
const YES_NO = ['是', '否'];

function section(ctx: Ctx, key: TextKey): void {
  const row = ctx.b.next();
  ctx.b.set(row, COL.no, { value: ctx.w(key), style: 'section' });
  ctx.b.merge(row, COL.no, row, ctx.cols.last);
}

function header(ctx: Ctx, cols: Array<[number, string]>): number {
  const row = ctx.b.next();
  for (const [col, text] of cols) ctx.b.set(row, col, { value: text, style: 'header' });
  return row;
}

function titleRows(ctx: Ctx): void {
  const { b } = ctx;
  let r = b.next();
  b.set(r, COL.no, { value: ctx.w('summary.title'), style: 'title' });
  b.merge(r, COL.no, r, ctx.cols.last);
  b.heights[r] = 26;
  r = b.next();
  b.set(r, COL.no, { value: ctx.w('summary.subtitle'), style: 'subtitle' });
  b.merge(r, COL.no, r, ctx.cols.last);
  b.heights[r] = 32;
  b.next();
}

/** What the reviewer must know about the workbook itself, in plain words above everything else. */
function noticeRows(ctx: Ctx, notices: string[]): void {
  const { b, cols } = ctx;
  for (const text of notices) {
    const row = b.next();
    b.set(row, COL.no, { value: ctx.w('summary.notices'), style: 'status.warn' });
    b.set(row, COL.label, { value: text, style: 'wrap' });
    b.merge(row, COL.label, row, cols.last);
    b.fit(row, text, ctx.spanWidth(COL.label, cols.last));
  }
  if (notices.length) b.next();
}

function identitySection(ctx: Ctx, input: SummaryInput): void {
  const { b, report, lang } = ctx;
  const c = report.cluster;
  const rbk = report.rulebook;
  const tpl = input.templateRulebook;
  const rows: Array<[TextKey, CellValue, StyleKey?]> = [
    ['summary.name', c.name],
    ['summary.place', [c.province, c.county].filter(Boolean).join(' ')],
    ['summary.industry', [c.leadingIndustry, c.nicheSector].filter(Boolean).join(' / ')],
    ['summary.year', c.applicationYear === null ? '' : c.dataYears ? ctx.w('summary.yearValue', { year: c.applicationYear, dataYears: c.dataYears }) : String(c.applicationYear)],
    ['summary.rulebook', ctx.w('summary.rulebookValue', { name: ctx.pick(rbk.name), edition: rbk.edition, authority: ctx.pick(rbk.authority) })],
    ['summary.fingerprint', rbk.fingerprint],
    [
      'summary.template',
      tpl
        ? ctx.w('summary.templateValue', {
            id: tpl.id,
            edition: tpl.edition,
            fingerprint: tpl.fingerprint.slice(0, 12),
            comparison: ctx.w(tpl.fingerprint === rbk.fingerprint ? 'summary.templateSame' : 'summary.templateDiffers'),
          })
        : ctx.w('summary.templateUnknown'),
    ],
    // No file name on the page (a county's file may be called anything); the check's time as a page says a date.
    ...(input.checkedAt ? [['summary.checkedAt', pageDate(input.checkedAt, lang, { time: true })] as [TextKey, CellValue]] : []),
    ['summary.verdict', report.verdictText[lang], `verdict.${report.verdict}`],
  ];
  for (const [key, value, style] of rows) {
    const r = b.next();
    b.set(r, IDENTITY.label, { value: ctx.w(key), style: 'label' });
    b.merge(r, IDENTITY.label, r, IDENTITY.labelEnd);
    b.set(r, IDENTITY.value, { value: value ?? '', style: style ?? 'wrap' });
    b.merge(r, IDENTITY.value, r, ctx.cols.last);
  }
  b.next();
}

/**
 * The word and style of a status in the summary. A veto question answered 否 is 未发生 (nothing was "met"),
 * 是 is 一票否决; a check that could not judge its inputs says 无法核验, never 不适用.
 */
function resultCell(ctx: Ctx, fs: readonly ReportFinding[], veto: boolean, check?: Check): { value: string; style: StyleKey } {
  const status: Status = worstStatus(fs.map((f) => f.status));
  const style: StyleKey = `status.${status}`;
  if (veto && status === 'pass') return { value: ctx.w('summary.vetoNotOccurred'), style };
  const passWord = status === 'pass' && check ? passKey(check) : undefined;
  if (passWord) return { value: ctx.w(passWord), style };
  if (veto && status === 'veto') return { value: ctx.w('summary.vetoOccurred'), style };
  if (fs.some((f) => f.status === status && f.code === 'not-evaluated') && !fs.some((f) => f.status === status && f.source === 'input'))
    return { value: ctx.w('summary.notEvaluated'), style };
  return { value: tAny(`status.${status}`, ctx.lang), style };
}

/** The word a passed check's row says (not 达标, which only a threshold is): by what the check is. */
function passWordOf(ctx: Ctx, f: ReportFinding, checks: ReadonlyMap<string, Check>): string | undefined {
  const check = f.check ? checks.get(f.check) : undefined;
  const key = f.status === 'pass' && check ? passKey(check) : undefined;
  return key ? ctx.w(key) : undefined;
}

function passKey(check: Check): TextKey | undefined {
  if (check.rule.kind === 'veto') return 'summary.vetoNotOccurred';
  if (check.criterion === 'E') return 'summary.pass.eligible';
  if (check.rule.kind === 'list' || check.rule.kind === 'list-dedup') return 'summary.pass.list';
  if (check.rule.kind === 'plan-targets' || check.rule.kind === 'evidence') return 'summary.pass.complete';
  return undefined;
}

function eligibilitySection(ctx: Ctx, byCheck: ReadonlyMap<string, ReportFinding[]>): void {
  const { b, rb, lang, cols } = ctx;
  section(ctx, 'summary.eligibilitySection');
  header(ctx, [
    [ELIGIBILITY.no, ctx.w('summary.colNo')],
    [ELIGIBILITY.item, ctx.w('summary.colItem')],
    [ELIGIBILITY.result, ctx.w('summary.colResult')],
    [ELIGIBILITY.detail, ctx.w('summary.colDetail')],
  ]);
  for (const check of rb.checks.filter((ch) => ch.criterion === 'E' || ch.criterion === 'D')) {
    const fs = byCheck.get(check.id) ?? [];
    const r = b.next();
    const link = fs.find((f) => f.cells.length)?.cells[0];
    b.set(r, ELIGIBILITY.no, { value: check.id, style: 'text', ...(link ? { link } : {}) });
    b.set(r, ELIGIBILITY.item, { value: ctx.pick(check.title), style: 'wrap' });
    b.set(r, ELIGIBILITY.result, resultCell(ctx, fs, check.rule.kind === 'veto', check));
    const detail = fs.map((f) => f.messages[lang]).join('\n');
    b.set(r, ELIGIBILITY.detail, { value: detail, style: 'wrap' });
    b.merge(r, ELIGIBILITY.detail, r, cols.last);
    b.fit(r, detail, ctx.spanWidth(ELIGIBILITY.detail, cols.last));
  }
  b.next();
}

interface CriteriaRows {
  criteriaRows: Record<string, number>;
  totalRow: number;
  conflictRow: number;
  reasonRow: number;
}

/**
 * 二、the criteria with automated results, one score column per expert, the committee's mean, median, spread
 * and 待讨论 as live formulas, the total row and the 回避 row.
 */
function criteriaSection(ctx: Ctx, experts: string[], preserved: PreservedInputs | null, scores: ExpertScores[], committee: CommitteeResult): CriteriaRows {
  const { b, rb, report, lang, cols } = ctx;
  section(ctx, 'summary.criteriaSection');
  // A recused expert's column is greyed, top to bottom (still open to typing: the mark may be withdrawn).
  const recused = (e: number) => !!scores[e]?.conflicted;
  const inputStyle = (e: number): StyleKey => (recused(e) ? 'locked' : 'input');
  const headerRow = header(ctx, [
    [CRITERIA.no, ctx.w('summary.colNo')],
    [CRITERIA.criterion, ctx.w('summary.colCriterion')],
    [CRITERIA.weight, ctx.w('summary.colWeight')],
    [CRITERIA.auto, ctx.w('summary.colAuto')],
    [CRITERIA.reasons, ctx.w('summary.colReasons')],
    ...experts.map((name, e) => [cols.expert(e), name] as [number, string]),
    [cols.mean, ctx.w('summary.colMean')],
    [cols.median, ctx.w('summary.colMedian')],
    [cols.spread, ctx.w('summary.colSpread')],
    [cols.discuss, ctx.w('summary.colDiscuss')],
  ]);
  for (const c of b.cells) if (c.row === headerRow && c.col >= cols.expert(0) && c.col < cols.mean && recused(c.col - cols.expert(0))) c.style = 'locked';
  const firstCritRow = b.row;
  const nCrit = rb.data.criteria.length;
  const totalRow = firstCritRow + nCrit;
  const conflictRow = totalRow + 1;
  const reasonRow = conflictRow + 1;
  const spreadShare = rb.data.scoring.spreadShare;
  const discussWord = ctx.w('summary.discussWord');
  // One hidden helper column per expert holds the score when it counts (a number, expert not 回避), else "":
  // then plain MEDIAN/MAX/MIN compute the committee figures in every Excel, WPS and LibreOffice with no array
  // formula (Office.js cannot enter one, and Excel 2019 would evaluate one entered plainly wrong).
  const helperRange = (row: number) => `${toA1(row, cols.helper(0))}:${toA1(row, cols.helper(experts.length - 1))}`;
  const committeeCells = (row: number, weight: number, fig: CommitteeResult['total'], counted: Array<number | null>, criterion: string) => {
    const kept = (f: FigureKind) => noteOf(preserved, inputKey.figure(criterion, f));
    experts.forEach((_name, e) => {
      const score = toA1(row, cols.expert(e));
      const conflict = toA1(conflictRow, cols.expert(e));
      // The score as the tool reads it (full-width digits included, within 0…weight: scoreFormula), unless 回避.
      b.set(row, cols.helper(e), { formula: `IF(TRIM(${conflict})="是","",${scoreFormula(score, weight)})`, result: counted[e] ?? '', style: 'muted' });
    });
    const h = helperRange(row);
    const none = `COUNT(${h})=0`;
    b.set(row, cols.mean, { formula: `IF(${none},"",${exactFormula(`AVERAGE(${h})`)})`, result: fig.mean ?? '', numberFormat: '0.00', style: 'computed', ...kept('mean') });
    b.set(row, cols.median, { formula: `IF(${none},"",${exactFormula(`MEDIAN(${h})`)})`, result: fig.median ?? '', numberFormat: '0.00', style: 'computed', ...kept('median') });
    b.set(row, cols.spread, { formula: `IF(${none},"",${exactFormula(`MAX(${h})-MIN(${h})`)})`, result: fig.spread ?? '', numberFormat: '0.00', style: 'computed', ...kept('spread') });
    const limit = Math.round(spreadShare * weight * 1e9) / 1e9;
    const spread = toA1(row, cols.spread);
    b.set(row, cols.discuss, {
      formula: `IF(${spread}="","",IF(${spread}>${limit},"${discussWord}",""))`,
      result: fig.toDiscuss ? discussWord : '',
      style: 'computed',
      ...kept('discuss'),
    });
  };

  const resultStyle: Record<string, StyleKey> = { pass: 'status.pass', fail: 'status.fail', incomplete: 'status.missing', veto: 'status.veto' };
  const byKey = new Map(report.findings.map((f) => [f.key, f]));
  const rowOf: Array<[string, number]> = [];
  rb.data.criteria.forEach((cr, i) => {
    const row = b.next();
    rowOf.push([cr.id, row]);
    const g = report.criteria.find((x) => x.id === cr.id);
    const reasons = (g?.reasons ?? []).map((k) => byKey.get(k)!).filter((f) => f.status !== 'warn');
    const shown = reasons.slice(0, MAX_REASONS).map((f) => f.messages[lang]);
    if (reasons.length > MAX_REASONS) shown.push(ctx.w('summary.more', { n: reasons.length - MAX_REASONS }));
    b.set(row, CRITERIA.no, { value: cr.id, style: 'text' });
    b.set(row, CRITERIA.criterion, { value: ctx.pick(cr.title), style: 'wrap' });
    b.set(row, CRITERIA.weight, { value: cr.weight, style: 'computed' });
    b.set(row, CRITERIA.auto, { value: g ? g.resultText[lang] : '', style: g ? resultStyle[g.result]! : 'computed' });
    b.set(row, CRITERIA.reasons, { value: shown.join('\n'), style: 'wrap' });
    b.fit(row, shown.join('\n'), ctx.widths[CRITERIA.reasons]!);
    b.fit(row, ctx.pick(cr.title), ctx.widths[CRITERIA.criterion]!);
    experts.forEach((name, e) => {
      b.set(row, cols.expert(e), {
        value: plain(preserved?.scores.get(name)?.get(cr.id)),
        ...noteOf(preserved, inputKey.score(name, cr.id)),
        input: 'expert',
        style: inputStyle(e),
        numberFormat: '0.0',
        validation: { kind: 'decimal', min: 0, max: cr.weight, severity: 'warning', prompt: `0–${cr.weight}` },
      });
    });
    const counted = scores.map((x) => (x.conflicted ? null : scoreCounted(scoreOf(x, cr.id), cr.weight)));
    committeeCells(row, cr.weight, { ...committee.criteria[i]!, weight: cr.weight }, counted, cr.id);
  });

  // Totals: an expert's total counts only when every criterion is scored.
  b.next();
  b.set(totalRow, CRITERIA.criterion, { value: ctx.w('summary.total'), style: 'label' });
  b.set(totalRow, CRITERIA.weight, { value: committee.total.weight, style: 'computed' });
  experts.forEach((_name, e) => {
    // Over the expert's helper column: the scores as the tool reads them, so text digits count here too.
    const helper = columnLetters(cols.helper(e));
    const range = `${helper}${firstCritRow + 1}:${helper}${firstCritRow + nCrit}`;
    const total = committee.totals[e]?.total ?? null;
    // The expert's own total as the formula computes it: every criterion a number as the tool reads it.
    const own = rb.data.criteria.map((cr) => scoreCounted(scoreOf(scores[e]!, cr.id), cr.weight));
    const sum = own.every((v) => v !== null) ? own.reduce<number>((a, v) => a + v!, 0) : '';
    // A recused expert's total says so in words (live: marking 是 in the sheet shows it at once).
    const conflict = toA1(conflictRow, cols.expert(e));
    const words = ctx.w('summary.recusedExcluded');
    b.set(totalRow, cols.expert(e), {
      formula: `IF(TRIM(${conflict})="是","${words}",IF(COUNT(${range})=${nCrit},${exactFormula(`SUM(${range})`)},""))`,
      result: recused(e) ? words : (total ?? (typeof sum === 'number' && Number.isFinite(sum) ? sum : '')),
      numberFormat: '0.0',
      style: recused(e) ? 'locked' : 'computed',
    });
  });
  committeeCells(
    totalRow,
    committee.total.weight,
    committee.total,
    committee.totals.map((x) => x.total),
    '',
  );

  // Conflict-of-interest marks.
  b.next();
  b.set(conflictRow, CRITERIA.criterion, { value: ctx.w('summary.conflict'), style: 'label' });
  experts.forEach((name, e) =>
    b.set(conflictRow, cols.expert(e), { value: plain(preserved?.conflicts.get(name)), ...noteOf(preserved, inputKey.conflict(name)), input: 'expert', style: inputStyle(e), validation: { kind: 'list', values: YES_NO } }),
  );
  // The reason of each 回避, beside its mark: read back and kept like every expert cell.
  b.next();
  b.set(reasonRow, CRITERIA.criterion, { value: ctx.w('summary.conflictReason'), style: 'label' });
  experts.forEach((name, e) => {
    const reason = plain(preserved?.reasons?.get(name));
    b.set(reasonRow, cols.expert(e), { value: reason, ...noteOf(preserved, inputKey.reason(name)), input: 'expert', style: recused(e) ? 'locked' : 'input' });
    if (typeof reason === 'string') b.fit(reasonRow, reason, EXPERT_WIDTH);
  });
  return { criteriaRows: rowsRecord(rowOf), totalRow, conflictRow, reasonRow };
}

/**
 * The committee score and the recommendation by the rulebook's rule, as live formulas over the total row's hidden
 * helper columns (the experts' totals that count): the mean is the total's 平均分 itself; another rule (trimmed
 * mean, median) gets its own row 专家组评分 with `combineFormula`, the same combination the tally computes. Fewer
 * totals than the rulebook's minimum number of experts: 待定.
 */
function recommendationRows(ctx: Ctx, totalRow: number, nExperts: number, committee: CommitteeResult): void {
  const { b, rb, report, lang, cols } = ctx;
  const scoring = rb.data.scoring;
  const rec = scoring.recommendation;
  const h = `${toA1(totalRow, cols.helper(0))}:${toA1(totalRow, cols.helper(nExperts - 1))}`;
  const rule = ctx.w(`summary.rule.${scoring.combine}` as TextKey);
  let scoreCell = toA1(totalRow, cols.mean);
  if (scoring.combine !== 'mean') {
    const row = b.next();
    const when = scoring.combine === 'trimmed-mean' ? ctx.w('summary.trimmedWhen', { n: scoring.trimmedMinimum }) : '';
    b.set(row, CRITERIA.criterion, { value: ctx.w('summary.committeeScore', { rule: `${rule}${when}` }), style: 'label' });
    b.set(row, CRITERIA.weight, { formula: `IF(COUNT(${h})=0,"",${combineFormula(h, scoring)})`, result: committee.score ?? '', numberFormat: '0.00', style: 'computed' });
    b.merge(row, CRITERIA.weight, row, CRITERIA.reasons);
    scoreCell = toA1(row, CRITERIA.weight);
  }
  const row = b.next();
  const experts = scoring.minimumExperts > 1 ? ctx.w('summary.minimumExperts', { n: scoring.minimumExperts }) : '';
  // The weights and cut line are the province's: unless the rulebook says the province set them, they are the tool's.
  const said = scoring.setByProvince ? '' : `${lang === 'zh-CN' ? '。' : '. '}${ctx.w('summary.scoresNote')}`;
  const ruleText = ctx.w('summary.recommendationRule', { rule, min: rec.minMeanTotal, experts }) + said;
  b.set(row, CRITERIA.criterion, { value: ruleText, style: 'label' });
  b.fit(row, ruleText, ctx.widths[CRITERIA.criterion]!);
  // What a summary can say on its own (its score, not the round's ranking and quota), in the list's words: it never
  // says 建议推荐 where the list says 超出推荐名额. Data incomplete: 待定（待补充材料）, as the list says.
  const yes = t('recommendation.recommended', lang);
  const no = t('recommendation.not-recommended', lang);
  const pending = t('recommendation.pending', lang);
  const notEligible = report.verdict === 'incomplete' ? t('committee.recommendation.pending', lang, { why: t('committee.why.incomplete', lang) }) : t('committee.recommendation.not-eligible', lang);
  // One expert minimum (the national default): pending exactly when there is no score, as before.
  const pendingWhen = scoring.minimumExperts > 1 ? `COUNT(${h})<${scoring.minimumExperts}` : `${scoreCell}=""`;
  b.set(row, CRITERIA.weight, {
    formula: report.verdict === rec.verdict ? `IF(${pendingWhen},"${pending}",IF(${scoreCell}>=${rec.minMeanTotal},"${yes}","${no}"))` : `"${notEligible}"`,
    result: report.verdict === rec.verdict ? tAny(`recommendation.${committee.recommendation}`, lang) : notEligible,
    style: 'computed',
  });
  b.merge(row, CRITERIA.weight, row, CRITERIA.reasons);
  b.next();
}

/** 三、review items, warnings and score problems, each linked to its cell when it has one. */
function discussionSection(ctx: Ctx, committee: CommitteeResult): void {
  const { b, report, lang, cols } = ctx;
  section(ctx, 'summary.discussionSection');
  const items: Array<{ text: string; link?: string | undefined }> = [];
  for (const f of report.findings) if (f.status === 'review' || f.status === 'warn') items.push({ text: f.messages[lang], link: f.cells[0] });
  for (const p of committee.problems)
    items.push({
      text: ctx.w(p.code === 'score-out-of-range' ? 'summary.scoreOutOfRange' : 'summary.scoreUnreadable', { expert: p.expert, criterion: p.criterion, value: p.value, max: p.max }),
    });
  if (!items.length) items.push({ text: ctx.w('summary.none') });
  items.forEach((it, i) => {
    const row = b.next();
    b.set(row, DISCUSSION.no, { value: i + 1, style: 'text', ...(it.link ? { link: it.link } : {}) });
    b.set(row, DISCUSSION.text, { value: it.text, style: 'wrap' });
    b.merge(row, DISCUSSION.text, row, cols.last);
    b.fit(row, it.text, ctx.spanWidth(DISCUSSION.text, cols.last));
  });
  b.next();
}

interface ConclusionRows {
  decisionRow: number;
  rationaleRow: number;
  dateRow: number;
  signatureRow: number;
  opinions: NonNullable<SummaryLayout['opinions']>;
}

/** The 专家意见 block's columns: the expert, the notes on the criteria, the opinion (to the last column). */
const OPINIONS = { name: COL.label, notes: COL.weight, notesEnd: COL.auto, opinion: COL.reasons } as const;

/**
 * 专家意见: each expert's notes on the criteria and opinion on the application, so the committee deliberates from
 * one record. Written by the tally (`tally --update-copies`) from the score sheets, or typed here; kept on re-runs.
 */
function opinionRows(ctx: Ctx, experts: string[], preserved: PreservedInputs | null, recused: (e: number) => boolean): NonNullable<SummaryLayout['opinions']> {
  const { b, cols } = ctx;
  const head = b.next();
  b.set(head, COL.no, { value: ctx.w('summary.opinionsHead'), style: 'label' });
  b.set(head, OPINIONS.name, { value: ctx.w('summary.colExpert'), style: 'header' });
  b.set(head, OPINIONS.notes, { value: ctx.w('summary.colNotes'), style: 'header' });
  b.merge(head, OPINIONS.notes, head, OPINIONS.notesEnd);
  b.set(head, OPINIONS.opinion, { value: ctx.w('summary.colOpinion'), style: 'header' });
  b.merge(head, OPINIONS.opinion, head, cols.last);
  const rows: Array<{ name: string; row: number }> = [];
  experts.forEach((name, e) => {
    const row = b.next();
    rows.push({ name, row });
    const grey: StyleKey = recused(e) ? 'locked' : 'wrap';
    b.set(row, OPINIONS.name, { value: name, style: recused(e) ? 'locked' : 'label' });
    const notes = plain(preserved?.expertNotes?.get(name));
    const opinion = plain(preserved?.opinions?.get(name));
    b.set(row, OPINIONS.notes, { value: notes, ...noteOf(preserved, inputKey.expertNotes(name)), input: 'expert', style: grey });
    b.merge(row, OPINIONS.notes, row, OPINIONS.notesEnd);
    b.set(row, OPINIONS.opinion, { value: opinion, ...noteOf(preserved, inputKey.opinion(name)), input: 'expert', style: grey });
    b.merge(row, OPINIONS.opinion, row, cols.last);
    b.fit(row, typeof notes === 'string' ? notes : '', ctx.spanWidth(OPINIONS.notes, OPINIONS.notesEnd));
    b.fit(row, typeof opinion === 'string' ? opinion : '', ctx.spanWidth(OPINIONS.opinion, cols.last));
  });
  return { notes: OPINIONS.notes, opinion: OPINIONS.opinion, rows };
}

/** The committee's change record (renames, removals) in words, under the signatures; only when there is one. */
function changeRows(ctx: Ctx, changes: readonly ExpertChange[]): void {
  const { b, cols } = ctx;
  if (!changes.length) return;
  const head = b.next();
  b.set(head, COL.no, { value: ctx.w('summary.changesHead'), style: 'label' });
  b.merge(head, COL.no, head, cols.last);
  for (const c of changes) {
    const row = b.next();
    const text = ctx.w(`summary.change.${c.kind}`, { expert: c.expert, to: c.to ?? '', had: c.had ?? 0 }) + (c.forced ? ctx.w('summary.change.forced') : '');
    b.set(row, COL.no, { value: c.time, style: 'text' });
    b.merge(row, COL.no, row, COL.label);
    b.set(row, COL.weight, { value: text, style: 'wrap' });
    b.merge(row, COL.weight, row, cols.last);
    b.fit(row, text, ctx.spanWidth(COL.weight, cols.last));
  }
}

/** 四、the committee's decision, rationale, date and signatures: expert inputs, kept on every re-run. */
function conclusionSection(ctx: Ctx, experts: string[], preserved: PreservedInputs | null, recused: (e: number) => boolean): ConclusionRows {
  const { b, cols } = ctx;
  section(ctx, 'summary.conclusionSection');
  const opinions = opinionRows(ctx, experts, preserved, recused);
  const labelled = (key: TextKey) => {
    const row = b.next();
    b.set(row, CONCLUSION.label, { value: ctx.w(key), style: 'label' });
    b.merge(row, CONCLUSION.label, row, CONCLUSION.labelEnd);
    return row;
  };
  const decisionRow = labelled('summary.decision');
  b.set(decisionRow, CONCLUSION.input, {
    value: plain(preserved?.decision),
    ...noteOf(preserved, inputKey.decision),
    input: 'expert',
    style: 'input',
    validation: { kind: 'list', values: [ctx.w('summary.decisionRecommend'), ctx.w('summary.decisionReject'), ctx.w('summary.decisionDefer')], severity: 'warning' },
  });
  b.merge(decisionRow, CONCLUSION.input, decisionRow, CONCLUSION.inputEnd);
  const rationaleRow = labelled('summary.rationale');
  b.set(rationaleRow, CONCLUSION.input, { value: plain(preserved?.rationale), ...noteOf(preserved, inputKey.rationale), input: 'expert', style: 'input' });
  b.merge(rationaleRow, CONCLUSION.input, rationaleRow, cols.last);
  b.heights[rationaleRow] = 90;
  const dateRow = labelled('summary.date');
  b.set(dateRow, CONCLUSION.input, { value: plain(preserved?.date), ...noteOf(preserved, inputKey.date), input: 'expert', style: 'input' });
  b.merge(dateRow, CONCLUSION.input, dateRow, CONCLUSION.inputEnd);
  const signatureRow = b.next();
  b.set(signatureRow, CONCLUSION.label, { value: ctx.w('summary.signatures'), style: 'label' });
  b.merge(signatureRow, CONCLUSION.label, signatureRow, CONCLUSION.inputEnd);
  experts.forEach((name, e) => b.set(signatureRow, cols.expert(e), { value: plain(preserved?.signatures.get(name)), ...noteOf(preserved, inputKey.signature(name)), input: 'expert', style: 'input' }));
  b.heights[signatureRow] = 30;
  changeRows(ctx, preserved?.changes ?? []);
  b.next();
  return { decisionRow, rationaleRow, dateRow, signatureRow, opinions };
}

/** 五、every finding: check, indicator, status, message and a link to its cell. */
/**
 * Every finding, one row each, without a merged area per row: a spreadsheet library checks each new merge against
 * all earlier ones, so one merge per row made a long list cost the square of its rows (10,000 rows took
 * minutes). The cell address fits one column (at most "XFD1048576"); long texts wrap in the wide detail column.
 */
function findingsSection(ctx: Ctx): void {
  const { b, rb, report, lang } = ctx;
  section(ctx, 'summary.findingsSection');
  header(ctx, [
    [FINDINGS.no, ctx.w('summary.colNo')],
    [FINDINGS.item, ctx.w('summary.colItem')],
    [FINDINGS.indicator, ctx.w('summary.colIndicator')],
    [FINDINGS.status, ctx.w('summary.colStatus')],
    [FINDINGS.detail, ctx.w('summary.colDetail')],
    [FINDINGS.cell, ctx.w('summary.colCell')],
  ]);
  const titles = new Map(rb.checks.map((c) => [c.id, ctx.pick(c.title)]));
  const checkOf = new Map(rb.checks.map((c) => [c.id, c]));
  report.findings.forEach((f, i) => {
    const row = b.next();
    b.set(row, FINDINGS.no, { value: i + 1, style: 'text' });
    const item = f.check ? `${f.check} ${titles.get(f.check) ?? ''}` : '';
    b.set(row, FINDINGS.item, { value: item, style: 'wrap' });
    b.fit(row, item, ctx.widths[FINDINGS.item]!);
    b.set(row, FINDINGS.indicator, { value: f.indicator ?? '', style: 'text' });
    b.set(row, FINDINGS.status, {
      value: f.code === 'not-evaluated' ? ctx.w('summary.notEvaluated') : passWordOf(ctx, f, checkOf) ?? tAny(`status.${f.status}`, lang),
      style: `status.${f.status}`,
    });
    b.set(row, FINDINGS.detail, { value: f.messages[lang], style: 'wrap' });
    b.fit(row, f.messages[lang], ctx.widths[FINDINGS.detail]!);
    const cell = f.cells[0];
    b.set(row, FINDINGS.cell, { value: cell ? cell.slice(cell.lastIndexOf('!') + 1) : '', style: cell ? 'link' : 'text', ...(cell ? { link: cell } : {}) });
  });
}

export function summaryModel(input: SummaryInput): SummaryResult {
  const { report, rb, lang } = input;
  const preserved = input.preserved ?? null;

  const experts = [...(preserved?.experts ?? [])];
  // A name is a column header: a long one is cut (with the mark) so the header, the layout and the record agree.
  for (const raw of input.experts ?? []) {
    const name = clampText(raw, MAX_EXPERT_NAME, t('summary.truncated', lang)).text;
    if (name && !experts.includes(name)) experts.push(name);
  }
  if (!experts.length) for (let n = 1; n <= 3; n++) experts.push(t('summary.expertName', lang, { n }));

  const cols = columnsFor(experts.length);
  const widths = [...FIXED_WIDTHS, ...experts.map(() => EXPERT_WIDTH), FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH];
  const ctx: Ctx = {
    b: new SheetBuilder(),
    rb,
    report,
    lang,
    cols,
    widths,
    w: (key, params) => t(input.renewal ? (RENEWAL_WORDS[key] ?? key) : key, lang, params),
    pick: (x) => (lang === 'zh-CN' ? x.zh : x.en),
    spanWidth: (from, to) => widths.slice(from, to + 1).reduce((a, w) => a + w, 0),
  };

  const byCheck = new Map<string, ReportFinding[]>();
  for (const f of report.findings) if (f.check) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f]);
  const scores: ExpertScores[] = experts.map((name) => ({
    name,
    conflicted: isConflict(plain(preserved?.conflicts.get(name))),
    scores: new Map(rb.data.criteria.map((cr) => [cr.id, plain(preserved?.scores.get(name)?.get(cr.id)) as number | string | null])),
  }));
  const committee = committeeFigures(rb, scores, report.verdict);

  titleRows(ctx);
  noticeRows(ctx, input.notices ?? []);
  identitySection(ctx, input);
  eligibilitySection(ctx, byCheck);
  const { criteriaRows, totalRow, conflictRow, reasonRow } = criteriaSection(ctx, experts, preserved, scores, committee);
  recommendationRows(ctx, totalRow, experts.length, committee);
  discussionSection(ctx, committee);
  const { decisionRow, rationaleRow, dateRow, signatureRow, opinions } = conclusionSection(ctx, experts, preserved, (e) => !!scores[e]!.conflicted);
  findingsSection(ctx);

  const sheet = SUMMARY_SHEET[lang];
  const model: SheetModel = {
    name: sheet,
    cells: ctx.b.cells,
    widths,
    heights: ctx.b.heights,
    merges: ctx.b.merges,
    freeze: { rows: 0, cols: 0 },
    protect: {},
    tabColor: '#4472C4',
    hiddenCols: experts.map((_n, e) => cols.helper(e)),
  };
  // The scoring table (through the recommendation row) and the conclusion with its signatures each on one page.
  const firstCriterion = Math.min(...Object.values(criteriaRows));
  addSummaryCharts(
    model,
    { headerRow: firstCriterion - 1, criteriaRows, totalRow, labelCol: CRITERIA.criterion, weightCol: CRITERIA.weight, experts: experts.map((name, e) => ({ name, col: cols.expert(e) })), total: committee.total.weight },
    lang,
    { minScale: 0.55 },
  );
  model.print = pagePrint(model, {
    subject: report.cluster.name || input.sourceFile || ctx.w('summary.title'),
    lang,
    repeatRows: [0, 1],
    // One page wide whatever the committee's size: about 7 pt with seven experts, rather than a table cut in two.
    minScale: 0.55,
    keep: [
      // Through the recommendation (and the committee score's own row, under a rule other than the mean).
      [firstCriterion - 2, Math.max(conflictRow, reasonRow ?? conflictRow) + (rb.data.scoring.combine === 'mean' ? 1 : 2)],
      [decisionRow - 1, signatureRow],
    ],
  });
  const layout: SummaryLayout = {
    sheet,
    experts: experts.map((name, e) => ({ name, col: cols.expert(e) })),
    criteriaRows,
    conflictRow,
    signatureRow,
    decision: [decisionRow, CONCLUSION.input],
    rationale: [rationaleRow, CONCLUSION.input],
    date: [dateRow, CONCLUSION.input],
    reasonRow,
    opinions,
    ...(preserved?.changes?.length ? { changes: [...preserved.changes] } : {}),
  };
  return { model, layout, committee };
}

/**
 * The tool's mark on a summary it wrote: the locked label cells of the fixed columns above the findings list
 * (each one a cell of its own, not inside a merged area), and the sha256 of what they show. People cannot change
 * them while the sheet is protected; the record keeps both, and a re-run trusts the sheet only if it still shows
 * them (summaryShowsMark).
 */
export function summaryMark(model: SheetModel, lastRow: number): { cells: Array<[number, number]>; sha256: string } {
  const covered = new Set<string>();
  for (const [r1, c1, r2, c2] of model.merges ?? [])
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r},${c}`);
  const cells: Array<[number, number]> = [];
  const values: CellValue[] = [];
  for (const c of model.cells) {
    if (c.row > lastRow || c.col > COL.reasons || c.input || c.formula !== undefined || c.link || covered.has(`${c.row},${c.col}`)) continue;
    if (c.value === undefined || c.value === null || c.value === '') continue;
    cells.push([c.row, c.col]);
    values.push(c.value);
  }
  return { cells, sha256: markHash(values) };
}

const markHash = (values: readonly unknown[]): string => sha256Hex(values.map((v) => (v === null || v === undefined ? '' : String(v))).join('\u0000'));

/** Whether a sheet still shows the mark a layout recorded (a layout without one proves nothing). */
export function summaryShowsMark(layout: SummaryLayout, at: (row: number, col: number) => CellValue): boolean {
  const mark = layout.mark;
  if (!mark || !mark.cells.length) return false;
  return markHash(mark.cells.map(([r, c]) => at(r, c))) === mark.sha256;
}
