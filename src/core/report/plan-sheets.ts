/**
 * The plan and evidence sheets of the application form (layout in ../template/plan.ts):
 * - 规划目标: code, indicator, unit, the latest data year's figure (a live reference to the indicator sheet, so the
 *   applicant sets each target beside the figure it starts from), one input column per plan year, guidance;
 * - 佐证材料目录: numbered input rows of document name, the codes it supports, page or file name, remarks.
 * Inputs unlocked in an otherwise protected sheet; printed on A4 by `pagePrint` with the header rows repeated.
 */
import { quoteSheet, toA1 } from '../address.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Indicator } from '../rulebook/schema.js';
import { t } from '../text/index.js';
import { COLUMNS, standardLayout } from '../template/layout.js';
import {
  EVIDENCE_COLUMNS,
  EVIDENCE_FIRST_ROW,
  EVIDENCE_HEADER_ROW,
  EVIDENCE_TITLE_ROW,
  evidenceRule,
  PLAN_COLUMNS,
  PLAN_FIRST_ROW,
  PLAN_HEADER_ROW,
  PLAN_TITLE_ROW,
  planDirections,
  planIndicators,
  planRule,
  planYears,
} from '../template/plan.js';
import type { Lang } from '../types.js';
import { pagePrint } from './print.js';
import { SheetBuilder, type SheetModel } from './sheet-model.js';

/**
 * The title across a table of indicators and its header row: code, indicator, unit, the figures' columns (`figures`),
 * guidance. The indicator sheet and the plan sheet share it, so the two read alike.
 */
export function indicatorTableHead(b: SheetBuilder, lang: Lang, head: { titleRow: number; title: string; lastCol: number; headerRow: number; figures: string[] }): void {
  b.set(head.titleRow, 0, { value: head.title, style: 'title' });
  b.merge(head.titleRow, 0, head.titleRow, head.lastCol);
  b.heights[head.titleRow] = 26;
  const headers = [t('template.colCode', lang), t('template.colIndicator', lang), t('template.colUnit', lang), ...head.figures, t('template.colGuidance', lang)];
  headers.forEach((h, col) => b.set(head.headerRow, col, { value: h, style: 'header' }));
}

function numberFormat(ind: Indicator): string {
  return ind.kind === 'percent' ? '0.0%' : ind.kind === 'integer' ? '0' : '#,##0.00';
}

export function planSheetModel(rb: LoadedRulebook, applicationYear: number, lang: Lang, password?: string): SheetModel | null {
  const rule = planRule(rb);
  if (!rule) return null;
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const years = planYears(rule, applicationYear);
  const guidanceCol = PLAN_COLUMNS.firstYear + years.length;
  const b = new SheetBuilder();
  indicatorTableHead(b, lang, {
    titleRow: PLAN_TITLE_ROW,
    title: t('template.planTitle', lang),
    lastCol: guidanceCol,
    headerRow: PLAN_HEADER_ROW,
    figures: [t('template.planColCurrent', lang, { year: applicationYear - 1 }), ...years.map((year) => t('template.colYear', lang, { year }))],
  });
  const layout = standardLayout(rb, applicationYear);
  const rowOf = new Map(layout.rows.map((r) => [r.indicator.code, r.row]));
  const dirs = planDirections(rb);
  planIndicators(rb).forEach((ind, i) => {
    const r = PLAN_FIRST_ROW + i;
    b.set(r, PLAN_COLUMNS.code, { value: ind.code, style: 'text' });
    b.set(r, PLAN_COLUMNS.label, { value: pick(ind.label), style: 'wrap' });
    b.set(r, PLAN_COLUMNS.unit, { value: ind.kind === 'percent' ? '%' : (ind.unit ?? ''), style: 'text' });
    const src = rowOf.get(ind.code);
    if (src !== undefined) {
      const ref = `${quoteSheet(layout.sheet)}!${toA1(src, COLUMNS.firstYear + 2)}`;
      b.set(r, PLAN_COLUMNS.current, { formula: `IF(${ref}="","",${ref})`, result: '', numberFormat: numberFormat(ind), style: 'computed' });
    } else b.set(r, PLAN_COLUMNS.current, { value: null, style: 'locked' });
    years.forEach((_y, k) => b.set(r, PLAN_COLUMNS.firstYear + k, { value: null, input: 'applicant', style: 'applicantInput', numberFormat: numberFormat(ind) }));
    b.set(r, guidanceCol, { value: t(dirs.get(ind.code) === 'lower' ? 'template.planGuideLower' : 'template.planGuideHigher', lang), style: 'muted' });
  });
  const model: SheetModel = {
    name: rule.sheet,
    cells: b.cells,
    widths: [7, 40, 9, 24, ...years.map(() => 12), 30],
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: PLAN_HEADER_ROW + 1, cols: 2 },
    protect: password ? { password } : {},
  };
  model.print = pagePrint(model, { subject: t('template.planTitle', lang), lang, repeatRows: [PLAN_TITLE_ROW, PLAN_HEADER_ROW] });
  return model;
}

export function evidenceSheetModel(rb: LoadedRulebook, lang: Lang, password?: string): SheetModel | null {
  const rule = evidenceRule(rb);
  if (!rule) return null;
  const b = new SheetBuilder();
  const last = EVIDENCE_COLUMNS.remark;
  b.set(EVIDENCE_TITLE_ROW, 0, { value: t('template.evidenceTitle', lang, { criteria: rule.criteria.join('、') }), style: 'title' });
  b.merge(EVIDENCE_TITLE_ROW, 0, EVIDENCE_TITLE_ROW, last);
  b.heights[EVIDENCE_TITLE_ROW] = 26;
  [t('template.listColSeq', lang), t('template.evidenceColName', lang), t('template.evidenceColCode', lang), t('template.evidenceColPage', lang), t('template.listColRemark', lang)].forEach((h, col) =>
    b.set(EVIDENCE_HEADER_ROW, col, { value: h, style: 'header' }),
  );
  for (let i = 0; i < rule.rows; i++) {
    const r = EVIDENCE_FIRST_ROW + i;
    b.set(r, EVIDENCE_COLUMNS.seq, { value: i + 1, style: 'text' });
    b.set(r, EVIDENCE_COLUMNS.name, { value: null, input: 'applicant', style: 'applicantInput' });
    // Text, so "1.6" stays a code and is never turned into a number or a date.
    b.set(r, EVIDENCE_COLUMNS.code, { value: null, input: 'applicant', style: 'applicantInput', numberFormat: '@' });
    b.set(r, EVIDENCE_COLUMNS.page, { value: null, input: 'applicant', style: 'applicantInput', numberFormat: '@' });
    b.set(r, EVIDENCE_COLUMNS.remark, { value: null, input: 'applicant', style: 'applicantInput' });
  }
  const model: SheetModel = {
    name: rule.sheet,
    cells: b.cells,
    widths: [7, 40, 18, 22, 24],
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: EVIDENCE_HEADER_ROW + 1, cols: 0 },
    protect: password ? { password } : {},
  };
  model.print = pagePrint(model, { subject: t('template.evidenceTitle', lang, { criteria: rule.criteria.join('、') }), lang, repeatRows: [EVIDENCE_TITLE_ROW, EVIDENCE_HEADER_ROW] });
  return model;
}

/** The instructions' rows about the plan and evidence sheets (none when the rulebook asks for neither). */
export function planInstructions(rb: LoadedRulebook, applicationYear: number, lang: Lang): Array<[string, string]> {
  const plan = planRule(rb);
  const ev = evidenceRule(rb);
  return [
    ...(plan ? [[t('template.planLabel', lang), t('template.planValue', lang, { sheet: plan.sheet, years: planYears(plan, applicationYear) })] as [string, string]] : []),
    ...(ev ? [[t('template.evidenceLabel', lang), t('template.evidenceValue', lang, { sheet: ev.sheet, criteria: ev.criteria.join('、') })] as [string, string]] : []),
  ];
}
