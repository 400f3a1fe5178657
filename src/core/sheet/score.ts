/**
 * One reading of a score, for the tool and for the sheets' live formulas alike. A score is a number cell, or text
 * made only of digits with at most one decimal point inside, in ASCII or full width (０-９, "．"), with spaces (ASCII
 * or the ideographic space) around it, and at most one "分" (points) at its end: "１８", " 18.5 ", "9分", "9 分" and
 * "9.0" are 18, 18.5, 9, 9 and 9 — what experts type; "分9", "9分5", "1e1", "+18", "①", "18." are not numbers. On
 * that set this is NFKC, trim and the unit dropped; it is restricted to what a plain formula can read the same way
 * in Excel, WPS and LibreOffice (`scoreFormula`), so a figure never depends on the program that opens the file.
 */

export type Normalised = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'nan'; text: string };

const ALLOWED = /^[0-9０-９.． \u3000分]*$/u;
/** The unit an expert may type after a score ("9分", "9 分"). */
const UNIT = '分';
const DIGITS = /^[0-9]+(\.[0-9]+)?$/;

export function normaliseScore(v: unknown): Normalised {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'nan', text: String(v) };
  if (typeof v !== 'string') return { kind: 'nan', text: String(v) };
  // Spaces only (ASCII and ideographic), as the formulas' TRIM after the full-width map.
  const spaced = v.normalize('NFKC').replace(/^ +| +$/g, '');
  if (spaced === '') return ALLOWED.test(v) ? { kind: 'blank' } : { kind: 'nan', text: v };
  // One unit at the end, then the spaces before it (the formulas' TRIM(IF(RIGHT(…)="分",LEFT(…),…))).
  const trimmed = spaced.endsWith(UNIT) ? spaced.slice(0, -UNIT.length).replace(/ +$/g, '') : spaced;
  if (!ALLOWED.test(v) || !DIGITS.test(trimmed)) return { kind: 'nan', text: v };
  return { kind: 'number', value: Number(trimmed) };
}

/** The number a score counts as, or null (blank or not a number). */
export const scoreNumber = (v: unknown): number | null => {
  const n = normaliseScore(v);
  return n.kind === 'number' ? n.value : null;
};

/**
 * The number a score counts as for a criterion worth `max`: a number within 0…max, else null. A score outside its
 * range is reported and not counted — in the tally, the summary's figures and every sheet's formulas alike
 * (`scoreFormula` with the same max), so no program counts what another refuses.
 */
export const scoreCounted = (v: unknown, max: number): number | null => {
  const n = scoreNumber(v);
  return n !== null && n >= 0 && n <= max ? n : null;
};

const FULL_WIDTH: Array<[string, string]> = [...'０１２３４５６７８９'].map((ch, i) => [ch, String(i)] as [string, string]).concat([['．', '.'], ['\u3000', ' ']]);

const substituteAll = (expr: string, pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs.reduce((e, [from, to]) => `SUBSTITUTE(${e},"${from}","${to}")`, expr);

/**
 * A plain formula giving the score in `ref` as `normaliseScore` reads it: the number, or "" when blank or not a
 * number. No array formula, no LET or REGEX: the same in every Excel since 2007, WPS and LibreOffice.
 */
export function scoreFormula(ref: string, max?: number): string {
  const s = scoreTextFormula(ref);
  return scoreFromParts(ref, s, scoreRestFormula(s), max);
}

/**
 * The parts of `scoreFormula`, for a sheet of many scores: each part in a (hidden) cell of its own and the score
 * from references to them computes the same, in a tenth of the text (a 260-row score sheet's formulas were 8 MB).
 * The text with full-width digits, point and space mapped and spaces trimmed:
 */
export const scoreTextFormula = (ref: string): string => {
  const t = `TRIM(${substituteAll(`${ref}&""`, FULL_WIDTH)})`;
  return `TRIM(IF(RIGHT(${t},1)="${UNIT}",LEFT(${t},LEN(${t})-1),${t}))`;
};

/** That text without its digits ("" or "." for a number; a second "分" stays and makes it not a number). */
export const scoreRestFormula = (text: string): string => substituteAll(text, [...'0123456789'].map((d) => [d, ''] as [string, string]));

/**
 * The score from the cell `ref`, its mapped text `s` and that text without digits `rest` (formulas or references);
 * with `max`, "" as well for a score outside 0…max (`scoreCounted`). Text digits carry no sign, so only their upper
 * bound needs a test.
 */
export const scoreFromParts = (ref: string, s: string, rest: string, max?: number): string => {
  const textIsNumber = `AND(${s}<>"",OR(${rest}="",${rest}="."),LEFT(${s},1)<>".",RIGHT(${s},1)<>".")`;
  if (max === undefined) return `IF(ISNUMBER(${ref}),${ref},IF(${textIsNumber},VALUE(${s}),""))`;
  return `IF(ISNUMBER(${ref}),IF(AND(${ref}>=0,${ref}<=${max}),${ref},""),IF(${textIsNumber},IF(VALUE(${s})<=${max},VALUE(${s}),""),""))`;
};
