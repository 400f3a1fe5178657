/**
 * Committee figures: per criterion and in total, the mean, median and spread of the experts' scores, the
 * 待讨论 (to discuss) flag, the committee score by the rulebook's rule and the recommendation. Conflicted experts (回避) are left out of every figure.
 * Scores outside 0..weight are reported and not counted (as blanks are), as the sheets' formulas and the tally do.
 */
import { normaliseScore } from './sheet/score.js';
import type { LoadedRulebook } from './rulebook/load.js';
import { nearlyEqual } from './numbers.js';
import type { Verdict } from './types.js';

export type ScoreInput = number | string | null | undefined;

export interface ExpertScores {
  name: string;
  /** Declared conflict of interest: the expert's scores are excluded. */
  conflicted?: boolean;
  /** Criterion id → score as typed (blank = null). A Map, or a record read by own keys only (ids are data). */
  scores: ReadonlyMap<string, ScoreInput> | Record<string, ScoreInput>;
}

/** An expert's score for a criterion: never a property inherited from Object (a criterion called `constructor`). */
export function scoreOf(e: ExpertScores, id: string): ScoreInput {
  const s = e.scores;
  if (s instanceof Map) return s.get(id) as ScoreInput;
  const rec = s as Record<string, ScoreInput>;
  return Object.prototype.hasOwnProperty.call(rec, id) ? rec[id] : undefined;
}

export interface Figures {
  /** Number of scores used. */
  n: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** max − min. */
  spread: number | null;
  toDiscuss: boolean;
}

export interface ScoreProblem {
  code: 'score-out-of-range' | 'score-not-a-number';
  expert: string;
  criterion: string;
  value: string | number;
  min: number;
  max: number;
}

export type Recommendation = 'recommended' | 'not-recommended' | 'pending';

export interface CommitteeResult {
  criteria: Array<{ id: string; weight: number } & Figures>;
  /** Each expert's total; null when the expert left a criterion blank or is conflicted. */
  totals: Array<{ expert: string; conflicted: boolean; total: number | null }>;
  total: { weight: number } & Figures;
  /** The committee score: the experts' totals combined by the rulebook's rule (`combine`); null without totals. */
  score: number | null;
  problems: ScoreProblem[];
  recommendation: Recommendation;
}

/** One reading of a score everywhere (normaliseScore): the summary's formulas read text digits the same way. */
function toNumber(v: ScoreInput): number | null | 'nan' {
  const n = normaliseScore(v);
  return n.kind === 'blank' ? null : n.kind === 'number' ? n.value : 'nan';
}

/**
 * Scores are decimals people type ("12.8"), summed and averaged: as binary floats 12.8 + 11 + … is 59.99999999999999,
 * which a cut line of 60 would refuse and a sheet would show. Every figure the tool stores or compares is rounded to
 * SCORE_PLACES decimals (`exactScore`), and every sheet formula that sums or averages scores rounds the same way
 * (`exactFormula`), so the tool and the formula decide the cut line alike, at exactly 60 too.
 */
export const SCORE_PLACES = 6;
const SCALE = 10 ** SCORE_PLACES;
export function exactScore(x: number): number;
export function exactScore(x: number | null): number | null;
export function exactScore(x: number | null): number | null {
  if (x === null || !Number.isFinite(x) || !Number.isFinite(x * SCALE)) return x;
  const r = Math.round(Math.abs(x) * SCALE) / SCALE;
  return x < 0 ? -r : r;
}
/** The same rounding as a sheet formula (ROUND is in every Excel, WPS and LibreOffice). */
export const exactFormula = (expr: string): string => `ROUND(${expr},${SCORE_PLACES})`;

/** How a committee's scores combine (the rulebook's `scoring.combine`, with its minimum for the trimmed mean). */
export type CombineRule = 'mean' | 'trimmed-mean' | 'median';
export interface CombineSetting {
  combine: CombineRule;
  trimmedMinimum: number;
}

/**
 * The committee score by the rulebook's rule: the one combination the tally, the pane, the summary and the roll-up
 * use (their live formulas are `combineFormula`, which computes the same in every spreadsheet).
 */
export function combine(xs: readonly number[], rule: CombineRule, trimmedMinimum: number): number | null {
  if (!xs.length) return null;
  if (rule === 'median') return median(xs);
  let use = [...xs];
  if (rule === 'trimmed-mean' && xs.length >= trimmedMinimum) use = [...xs].sort((a, b) => a - b).slice(1, -1);
  return exactScore(use.reduce((a, b) => a + b, 0) / use.length);
}

/**
 * `combine` as a plain formula over a range of numbers (blanks and text ignored, as COUNT does): no array entry,
 * so Excel, WPS, LibreOffice and Office.js compute and write the same. The caller guards an empty range.
 */
export function combineFormula(range: string, s: CombineSetting): string {
  if (s.combine === 'median') return exactFormula(`MEDIAN(${range})`);
  if (s.combine === 'trimmed-mean') return exactFormula(`IF(COUNT(${range})>=${s.trimmedMinimum},(SUM(${range})-MAX(${range})-MIN(${range}))/(COUNT(${range})-2),AVERAGE(${range}))`);
  return exactFormula(`AVERAGE(${range})`);
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return exactScore(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

function figures(xs: readonly number[], weight: number, spreadShare: number): Figures {
  if (!xs.length) return { n: 0, mean: null, median: null, min: null, max: null, spread: null, toDiscuss: false };
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const spread = exactScore(max - min);
  const limit = spreadShare * weight;
  // Scores as typed may be huge (9e307 twice overflows a plain sum): the mean of shares stays finite.
  let mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (!Number.isFinite(mean)) mean = xs.reduce((a, b) => a + b / xs.length, 0);
  return {
    n: xs.length,
    mean: Number.isFinite(mean) ? exactScore(mean) : null,
    median: median(xs),
    min,
    max,
    spread: Number.isFinite(spread) ? spread : null,
    toDiscuss: spread > limit && !nearlyEqual(spread, limit),
  };
}

export function committeeFigures(rb: LoadedRulebook, experts: readonly ExpertScores[], verdict: Verdict): CommitteeResult {
  const { spreadShare, recommendation, minimumExperts } = rb.data.scoring;
  const problems: ScoreProblem[] = [];
  const perCriterion = new Map<string, number[]>(rb.data.criteria.map((c) => [c.id, []]));
  const totals: CommitteeResult['totals'] = [];

  for (const e of experts) {
    let sum = 0;
    let complete = true;
    for (const c of rb.data.criteria) {
      const raw = scoreOf(e, c.id);
      const n = toNumber(raw);
      if (n === 'nan') {
        problems.push({ code: 'score-not-a-number', expert: e.name, criterion: c.id, value: String(raw), min: 0, max: c.weight });
        complete = false;
        continue;
      }
      if (n === null) {
        complete = false;
        continue;
      }
      if (n < 0 || n > c.weight) {
        problems.push({ code: 'score-out-of-range', expert: e.name, criterion: c.id, value: n, min: 0, max: c.weight });
        complete = false;
        continue;
      }
      sum += n;
      if (!e.conflicted) perCriterion.get(c.id)!.push(n);
    }
    totals.push({ expert: e.name, conflicted: !!e.conflicted, total: complete && !e.conflicted && Number.isFinite(sum) ? exactScore(sum) : null });
  }

  const totalWeight = rb.data.criteria.reduce((a, c) => a + c.weight, 0);
  const totalFigures = figures(
    totals.flatMap((t) => (t.total === null ? [] : [t.total])),
    totalWeight,
    spreadShare,
  );
  // The rulebook's rule over the totals, as the tally computes the committee score; fewer complete totals than the
  // minimum number of experts: pending.
  const score = combine(
    totals.flatMap((t) => (t.total === null ? [] : [t.total])),
    rb.data.scoring.combine,
    rb.data.scoring.trimmedMinimum,
  );
  let rec: Recommendation;
  if (verdict !== recommendation.verdict) rec = 'not-recommended';
  else if (score === null || totalFigures.n < minimumExperts) rec = 'pending';
  // Decided on the decimal score, as the sheet's formula decides it (>= on the rounded figure): no tolerance.
  else rec = score >= recommendation.minMeanTotal ? 'recommended' : 'not-recommended';

  return {
    criteria: rb.data.criteria.map((c) => ({ id: c.id, weight: c.weight, ...figures(perCriterion.get(c.id)!, c.weight, spreadShare) })),
    totals,
    total: { weight: totalWeight, ...totalFigures },
    score,
    problems,
    recommendation: rec,
  };
}
