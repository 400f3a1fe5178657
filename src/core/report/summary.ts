/**
 * The summary sheet 评审汇总 as a SheetModel: cluster identity and rulebook in force, verdict, eligibility and
 * veto table, the eight criteria with automated results and one score column per expert, committee mean,
 * median and spread as live formulas, items to discuss, the committee's conclusion, and every finding with a
 * link to its cell. Expert cells are inputs: a re-run reads them back (readPreserved) and writes them again.
 *
 * One function per section, each writing its rows below the previous one through a shared builder; columns are
 * named (COL and each section's map, summary-layout.ts), so a section says what it writes where. This file holds
 * the sheet as a whole and its smaller sections; the scoring table is summary-scores.ts, the conclusion
 * summary-conclusion.ts, the expert input carried across re-runs summary-inputs.ts; the tool's mark on the sheet
 * (what a re-run trusts) is here.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Check } from '../rulebook/schema.js';
import { sha256Hex } from '../rulebook/sha256.js';
import { committeeFigures, type CommitteeResult, type ExpertScores } from '../scoring.js';
import { pageDate, t, tAny, type TextKey } from '../text/index.js';
import { LANGS, worstStatus, type Lang, type Status } from '../types.js';
import type { Report, ReportFinding } from './json.js';
import type { RulebookStamp, SummaryLayout } from './meta.js';
import { pagePrint } from './print.js';
import { clampText, SheetBuilder, type CellValue, type SheetModel, type StyleKey } from './sheet-model.js';
import { addSummaryCharts } from './summary-chart.js';
import { conclusionSection } from './summary-conclusion.js';
import { plain, type PreservedInputs } from './summary-inputs.js';
import { COL, columnsFor, CONCLUSION, CRITERIA, DISCUSSION, ELIGIBILITY, EXPERT_WIDTH, FIGURE_WIDTH, FINDINGS, FIXED_WIDTHS, header, IDENTITY, isConflict, MAX_EXPERT_NAME, section, type Ctx } from './summary-layout.js';
import { criteriaSection, recommendationRows } from './summary-scores.js';

// What the experts wrote, read back and carried (summary-inputs.ts), is part of this module's surface.
export { clonePreserved, emptyPreserved, filled, layoutInputs, preservedHasInput, readPreserved, type InputKey, type PreservedInputs } from './summary-inputs.js';

const SUMMARY_SHEET = Object.fromEntries(LANGS.map((l) => [l, t('summary.sheet', l)])) as Record<Lang, string>;

/** A summary sheet the tool wrote: "评审汇总", or "评审汇总 (2)" when the applicant had a sheet of that name. */
export const isSummarySheet = (name: string): boolean => Object.values(SUMMARY_SHEET).some((b) => name === b || name.startsWith(`${b} (`));

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
