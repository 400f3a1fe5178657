/**
 * The summary sheet's columns and what every section writes through: the fixed columns and each section's map of
 * them, the expert and committee-figure columns for a number of experts, the widths, the context (builder, words)
 * and the section and header rows. Sections: summary.ts (title to eligibility, discussion, findings),
 * summary-scores.ts (the criteria and the recommendation), summary-conclusion.ts (the committee's conclusion).
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { TextKey, TextParams } from '../text/index.js';
import type { Lang } from '../types.js';
import type { Report } from './json.js';
import type { CellValue, SheetBuilder } from './sheet-model.js';

/** The sheet's fixed columns (zero-based). Expert columns start at `firstExpert`; committee figures follow them. */
export const COL = { no: 0, label: 1, weight: 2, auto: 3, reasons: 4, firstExpert: 5 } as const;

/** Identity rows and the conclusion's labels: a label over the first two columns, the value from `value` on. */
export const IDENTITY = { label: COL.no, labelEnd: COL.label, value: COL.weight } as const;

/** 一、eligibility and veto questions. */
export const ELIGIBILITY = { no: COL.no, item: COL.label, result: COL.weight, detail: COL.auto } as const;

/** 二、the criteria, scores and committee figures. */
export const CRITERIA = { no: COL.no, criterion: COL.label, weight: COL.weight, auto: COL.auto, reasons: COL.reasons } as const;

/** 三、items to discuss. */
export const DISCUSSION = { no: COL.no, text: COL.label } as const;

/** 四、the committee's conclusion: inputs span from `input` to `inputEnd` (the rationale to the last column). */
export const CONCLUSION = { label: COL.no, labelEnd: COL.label, input: COL.weight, inputEnd: COL.reasons } as const;

/** 五、every finding. */
export const FINDINGS = { no: COL.no, item: COL.label, indicator: COL.weight, status: COL.auto, detail: COL.reasons, cell: COL.firstExpert } as const;

export const FIXED_WIDTHS = [8, 34, 9, 12, 56];

export const EXPERT_WIDTH = 9 + 2;

export const FIGURE_WIDTH = 9;

/** Characters of an expert's name: a column header, not a document. */
export const MAX_EXPERT_NAME = 255;

/** Criteria shown per row before "等n项". */
export const MAX_REASONS = 3;

/** Columns that depend on the number of experts. */
export interface Columns {
  expert(e: number): number;
  mean: number;
  median: number;
  spread: number;
  discuss: number;
  /** Hidden helper column of expert e (the score when it counts, else ""). */
  helper(e: number): number;
  last: number;
}

export function columnsFor(experts: number): Columns {
  const mean = COL.firstExpert + experts;
  const discuss = mean + 3;
  return { expert: (e) => COL.firstExpert + e, mean, median: mean + 1, spread: mean + 2, discuss, helper: (e) => discuss + 1 + e, last: discuss };
}

/** What every section needs: the builder, the columns, the words. */
export interface Ctx {
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

// Only 是 counts, exactly as the sheet's formulas (and its 是/否 validation list) treat it.
export const isConflict = (v: CellValue) => typeof v === 'string' && v.trim() === '是';

export const YES_NO = ['是', '否'];

export function section(ctx: Ctx, key: TextKey): void {
  const row = ctx.b.next();
  ctx.b.set(row, COL.no, { value: ctx.w(key), style: 'section' });
  ctx.b.merge(row, COL.no, row, ctx.cols.last);
}

export function header(ctx: Ctx, cols: Array<[number, string]>): number {
  const row = ctx.b.next();
  for (const [col, text] of cols) ctx.b.set(row, col, { value: text, style: 'header' });
  return row;
}
