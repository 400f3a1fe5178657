/**
 * Turns one raw cell into a typed value for an indicator, following the catalogue's input rules:
 * yes/no synonyms, numbers in text (separators, full-width digits, units), unit conversion with a warning,
 * percent in its three forms, Excel errors, negatives, fractions in integer rows, blanks.
 * Problems are returned as data (a code and params), never thrown.
 */
import type { Indicator } from '../rulebook/schema.js';
import type { Params, RawCell } from '../types.js';
import { nearlyEqual } from '../numbers.js';
import { conversionFactor, unitById, unitByText } from '../units.js';

export interface ValueNote {
  code: string;
  params: Params;
}

export type Parsed =
  | { kind: 'blank' }
  | { kind: 'ok'; value: number | boolean | string; notes: ValueNote[] }
  | { kind: 'invalid'; code: string; params: Params };

const EXCEL_ERROR = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA|PYTHON!)$/i;

const YES = new Set(['是', '有', 'y', 'yes', 'true', '√']);
const NO = new Set(['否', '无', 'n', 'no', 'false', '×']);

/** Characters NFKC leaves alone: ASCII, CJK ideographs, CJK punctuation and curly quotes. Most cells are only these. */
const NO_COMPAT = /^[\t\n\r\u0020-\u007e\u4e00-\u9fff\u3001-\u3002\u300a-\u300f\u2018-\u201d]*$/;

/** NFKC folds full-width digits, letters, %, comma and full stop into their ASCII forms. */
export function normaliseText(s: string): string {
  const folded = NO_COMPAT.test(s) ? s : s.normalize('NFKC');
  return /\s\s|[\t\n\r\u3000]/.test(folded) ? folded.replace(/[\s\u3000]+/g, ' ').trim() : folded.trim();
}

/** A text shown in messages: short, single-line. */
export function excerpt(v: unknown, max = 40): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  // A % inside quotes or escaped is literal text, not percent scaling.
  return /%/.test(fmt.replace(/"[^"]*"/g, '').replace(/\\%/g, ''));
}

function isBlank(raw: RawCell | null | undefined): boolean {
  if (!raw) return true;
  const v = raw.value;
  return v === null || v === undefined || (typeof v === 'string' && normaliseText(v) === '');
}

function excelError(raw: RawCell): string | undefined {
  const v = raw.value;
  if (v !== null && typeof v === 'object' && 'error' in v) return String(v.error);
  if (typeof v === 'string' && EXCEL_ERROR.test(v.trim())) return v.trim().toUpperCase();
  return undefined;
}

const NUMBER_TEXT = /^([+-])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(.*)$/;

interface NumberText {
  value: number;
  unitText: string;
}

/** What may follow a number: a unit's letters (元, 亿元, km², 吨/万元, %), never digits or other punctuation. */
const UNIT_TEXT = /^[\p{L}%/²]*$/u;

function parseNumberText(text: string): NumberText | undefined {
  const m = NUMBER_TEXT.exec(text);
  if (!m || !m[2] || !UNIT_TEXT.test((m[3] ?? '').trim())) return undefined;
  const magnitude = Number(m[2].replace(/,/g, ''));
  if (!Number.isFinite(magnitude)) return undefined;
  return { value: m[1] === '-' ? -magnitude : magnitude, unitText: (m[3] ?? '').trim() };
}

function parseYesNo(raw: RawCell): Parsed {
  const v = raw.value;
  if (typeof v === 'boolean') return { kind: 'ok', value: v, notes: [] };
  const t = normaliseText(String(v)).toLowerCase();
  if (YES.has(t)) return { kind: 'ok', value: true, notes: [] };
  if (NO.has(t)) return { kind: 'ok', value: false, notes: [] };
  return { kind: 'invalid', code: 'invalid-yesno', params: { found: excerpt(String(v)) } };
}

/** Reads a cell for an indicator. */
export function parseCell(raw: RawCell | null | undefined, ind: Indicator): Parsed {
  if (raw?.formula && (raw.value === null || raw.value === undefined))
    return { kind: 'invalid', code: 'formula-not-calculated', params: {} };
  if (isBlank(raw) || !raw) return { kind: 'blank' };
  const err = excelError(raw);
  if (err) return { kind: 'invalid', code: 'excel-error', params: { error: err } };

  switch (ind.kind) {
    case 'text':
      return { kind: 'ok', value: typeof raw.value === 'string' ? raw.value.trim() : String(raw.value), notes: [] };
    case 'yesno':
      return parseYesNo(raw);
    case 'percent':
      return parsePercent(raw);
    case 'number':
    case 'integer':
      return parseNumber(raw, ind);
  }
}

/**
 * A number that is not finite: Infinity (a hostile `<v>1e999</v>`, beyond any number Excel holds) is out of range;
 * NaN is not a number. Said as such, never "“Infinity”, not understood".
 */
const nonFinite = (v: number): Parsed =>
  Number.isNaN(v) ? { kind: 'invalid', code: 'not-a-number', params: { found: String(v) } } : { kind: 'invalid', code: 'number-out-of-range', params: { found: String(v) } };

function parseNumber(raw: RawCell, ind: Indicator): Parsed {
  const v = raw.value;
  const notes: ValueNote[] = [];
  let value: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return nonFinite(v);
    value = v;
  } else if (typeof v === 'string') {
    const text = normaliseText(v);
    const n = parseNumberText(text);
    if (!n) return { kind: 'invalid', code: 'not-a-number', params: { found: excerpt(v) } };
    value = n.value;
    if (n.unitText) {
      const converted = convertUnit(n, ind, excerpt(v));
      if (converted.kind !== 'ok') return converted;
      value = converted.value as number;
      notes.push(...converted.notes);
    }
  } else {
    return { kind: 'invalid', code: 'not-a-number', params: { found: String(v) } };
  }
  return finishNumber(value, ind, notes);
}

function convertUnit(n: NumberText, ind: Indicator, found: string): Parsed {
  const target = ind.unit ? unitById(ind.unit) : undefined;
  const given = unitByText(n.unitText);
  if (!target) {
    // Rows without a fixed unit (e.g. energy per unit of product) accept the applicant's own unit.
    if (given || /^[\p{L}/]{1,12}$/u.test(n.unitText)) return { kind: 'ok', value: n.value, notes: [] };
    return { kind: 'invalid', code: 'not-a-number', params: { found } };
  }
  if (!given) return { kind: 'invalid', code: 'unit-mismatch', params: { found, unit: n.unitText, expected: target.id } };
  if (given.id === target.id) return { kind: 'ok', value: n.value, notes: [] };
  const factor = conversionFactor(given, target);
  if (factor === undefined)
    return { kind: 'invalid', code: 'unit-mismatch', params: { found, unit: given.id, expected: target.id } };
  const value = n.value * factor;
  return {
    kind: 'ok',
    value,
    notes: [{ code: 'unit-converted', params: { found, from: given.id, to: target.id, value } }],
  };
}

function finishNumber(value: number, ind: Indicator, notes: ValueNote[]): Parsed {
  if (value < 0) return { kind: 'invalid', code: 'negative-value', params: { value } };
  if (ind.kind === 'integer') {
    const r = Math.round(value);
    if (!nearlyEqual(value, r)) return { kind: 'invalid', code: 'not-integer', params: { value } };
    value = r;
  }
  if ((ind.min !== undefined && value < ind.min) || (ind.max !== undefined && value > ind.max))
    return { kind: 'invalid', code: 'out-of-range', params: { value, min: ind.min ?? null, max: ind.max ?? null } };
  return { kind: 'ok', value: value === 0 ? 0 : value, notes };
}

/**
 * Percent in its three forms: a percent-formatted cell holds a fraction (0.75 = 75%); text "75%" is 75%;
 * a bare number is ambiguous (> 1 read as percentage points, ≤ 1 as a fraction) and gets a warning.
 */
function parsePercent(raw: RawCell): Parsed {
  const v = raw.value;
  let fraction: number;
  const notes: ValueNote[] = [];
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return nonFinite(v);
    if (isPercentFormat(raw.numberFormat)) fraction = v;
    else {
      fraction = Math.abs(v) > 1 ? v / 100 : v;
      notes.push({ code: 'ambiguous-percent', params: { found: v, readAs: fraction } });
    }
  } else if (typeof v === 'string') {
    const n = parseNumberText(normaliseText(v));
    if (!n) return { kind: 'invalid', code: 'not-a-number', params: { found: excerpt(v) } };
    if (n.unitText === '%') fraction = n.value / 100;
    else if (n.unitText === '') {
      fraction = Math.abs(n.value) > 1 ? n.value / 100 : n.value;
      notes.push({ code: 'ambiguous-percent', params: { found: excerpt(v), readAs: fraction } });
    } else return { kind: 'invalid', code: 'unit-mismatch', params: { found: excerpt(v), unit: n.unitText, expected: '%' } };
  } else {
    return { kind: 'invalid', code: 'not-a-number', params: { found: String(v) } };
  }
  if (fraction < 0) return { kind: 'invalid', code: 'negative-value', params: { value: fraction, percent: true } };
  if (fraction > 1 && !nearlyEqual(fraction, 1)) return { kind: 'invalid', code: 'percent-above-100', params: { value: fraction } };
  return { kind: 'ok', value: Math.min(fraction, 1), notes };
}

/** A cell that names a year in a header: 2024, "2024", "2024年", "2024年度". */
export function parseHeaderYear(raw: RawCell | null | undefined): number | undefined {
  if (!raw) return undefined;
  const v = raw.value;
  let y: number | undefined;
  if (typeof v === 'number' && Number.isInteger(v)) y = v;
  else if (typeof v === 'string') {
    const m = /^(\d{4})\s*(?:年度?)?(?:数据)?$/.exec(normaliseText(v));
    if (m?.[1]) y = Number(m[1]);
  }
  return y !== undefined && y >= 1990 && y <= 2100 ? y : undefined;
}

const PLAIN_CODE = /^[A-Z0-9]+(?:\.[A-Z0-9]+)?$/;
const CJK = /[\u4e00-\u9fff]/;

/** The code column holds "1.6" as text, or Excel turned it into the number 1.6. */
export function normaliseCode(raw: RawCell | null | undefined): string | undefined {
  if (!raw) return undefined;
  const v = raw.value;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  // Codes are short; a long text is a label or a note, never a code.
  if (typeof v !== 'string' || v.length > 12 || v.length === 0) return undefined;
  if (PLAIN_CODE.test(v)) return v;
  if (CJK.test(v)) return undefined;
  const t = normaliseText(v).replace(/\s+/g, '').replace(/[.。]$/, '').toUpperCase();
  return t || undefined;
}
