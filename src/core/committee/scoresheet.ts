/**
 * The expert score sheet 专家评分表: one workbook per expert, one row per application of the round (cluster,
 * location, automated verdict and main reasons), per criterion a score column headed with its weight and validated
 * 0…weight and a note beside it, the total, 回避 with its reason, the expert's opinion (专家意见), signature and
 * date. Rows the expert recuses from are locked and greyed. Hidden: each row's application id and data
 * fingerprint (they travel with the row if the expert sorts), and a record of the round, the expert, the rulebook
 * and the layout, so the tally can check every returned sheet.
 */
import { toA1 } from '../address.js';
import { fileNamePart } from '../text/unsafe.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import { t, type TextKey, type TextParams } from '../text/index.js';
import type { Lang } from '../types.js';
import { pagePrint } from '../report/print.js';
import { SheetBuilder, type CellValue, type SheetModel } from '../report/sheet-model.js';
import { exactFormula } from '../scoring.js';
import { LIMITS } from '../limits.js';
import { scoreFromParts, scoreRestFormula, scoreTextFormula } from '../sheet/score.js';
import { recordModel } from './record-sheet.js';
import type { Round, ScoreEntry, EntrySource } from './records.js';

export const SCORESHEET_FORMAT = 'cluster-review/scoresheet@1';

export interface ScoresheetLayout {
  sheet: string;
  firstRow: number;
  count: number;
  criteria: Array<{ id: string; col: number; note: number }>;
  total: number;
  recusal: number;
  reason: number;
  opinion: number;
  id: number;
  fingerprint: number;
  signature: [number, number];
  date: [number, number];
}

export interface ScoresheetRecord {
  round: string;
  year: number | null;
  expert: string;
  rulebook: Round['rulebook'];
  applications: Array<{ id: string; fingerprint: string }>;
  layout: ScoresheetLayout;
}

const YES = '是';

export function scoresheetModels(round: Round, expert: string, rb: LoadedRulebook, lang: Lang): { sheets: SheetModel[]; record: ScoresheetRecord } {
  const w = (key: TextKey, params?: TextParams) => t(key, lang, params);
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const crits = rb.data.criteria;
  const c0 = 5;
  const criteria = crits.map((cr, i) => ({ id: cr.id, col: c0 + 2 * i, note: c0 + 2 * i + 1 }));
  const total = c0 + 2 * crits.length;
  const n = crits.length;
  // Hidden, per criterion: the score as the tool reads it (contiguous, for the total), then the parts it is
  // computed from (scoreFromParts): one long formula per score made a 260-row sheet 8 MB to write and read back.
  const cols = {
    recusal: total + 1,
    reason: total + 2,
    opinion: total + 3,
    id: total + 4,
    fingerprint: total + 5,
    helper: (i: number) => total + 6 + i,
    text: (i: number) => total + 6 + n + i,
    rest: (i: number) => total + 6 + 2 * n + i,
  };
  const last = cols.opinion;
  const b = new SheetBuilder();
  const firstRow = 3;
  b.set(0, 0, { value: w('committee.sheet.title', { year: round.year ?? '', expert }), style: 'title' });
  b.merge(0, 0, 0, last);
  b.heights[0] = 26;
  // The weights in the headers are the province's (the tool's defaults unless the rulebook says the province set them).
  const said = rb.data.scoring.setByProvince ? '' : `\n${w('summary.scoresNote')}`;
  b.set(1, 0, { value: w('committee.sheet.subtitle', { round: round.id, rulebook: `${pick(rb.data.name)} ${rb.data.edition}`, fingerprint: rb.fingerprint.slice(0, 12) }) + said, style: 'subtitle' });
  b.merge(1, 0, 1, last);
  b.heights[1] = 45;
  const head: Array<[number, string]> = [
    [0, w('committee.col.no')],
    [1, w('committee.col.cluster')],
    [2, w('committee.col.place')],
    [3, w('committee.col.verdict')],
    [4, w('committee.col.reasons')],
    ...crits.flatMap((cr, i) => [
      [criteria[i]!.col, w('committee.col.criterion', { id: cr.id, title: pick(cr.title), weight: cr.weight })] as [number, string],
      [criteria[i]!.note, w('committee.col.note')] as [number, string],
    ]),
    [total, w('committee.col.total', { weight: crits.reduce((a, c) => a + c.weight, 0) })],
    [cols.recusal, w('committee.col.recusal')],
    [cols.reason, w('committee.col.recusalReason')],
    [cols.opinion, w('committee.col.opinion')],
    [cols.id, 'id'],
    [cols.fingerprint, 'fingerprint'],
  ];
  for (const [c, text] of head) b.set(2, c, { value: text, style: 'header' });
  b.heights[2] = 60;
  const conflicts = new Map(round.conflicts.filter((c) => c.expert === expert).map((c) => [c.application, c.reason]));
  round.applications.forEach((app, i) => {
    const r = firstRow + i;
    const reason = conflicts.get(app.id);
    const recused = reason !== undefined;
    const place = [app.province, app.county].filter(Boolean).join(' ');
    b.set(r, 0, { value: i + 1, style: 'text' });
    b.set(r, 1, { value: app.cluster || app.id, style: 'wrap' });
    b.set(r, 2, { value: place, style: 'wrap' });
    b.set(r, 3, { value: w(`committee.verdict.${app.verdict}` as TextKey), style: `verdict.${app.verdict}` });
    const reasons = app.reasons.join('\n');
    b.set(r, 4, { value: reasons, style: 'wrap' });
    crits.forEach((cr, k) => {
      const { col, note } = criteria[k]!;
      if (recused) {
        b.set(r, col, { value: null, style: 'status.na' });
        b.set(r, note, { value: null, style: 'status.na' });
      } else {
        b.set(r, col, { value: null, input: 'expert', style: 'input', numberFormat: '0.0', validation: { kind: 'decimal', min: 0, max: cr.weight, severity: 'warning', prompt: `0–${cr.weight}` } });
        b.set(r, note, { value: null, input: 'expert', style: 'wrap' });
      }
      const [text, rest] = [toA1(r, cols.text(k)), toA1(r, cols.rest(k))];
      b.set(r, cols.text(k), { formula: scoreTextFormula(toA1(r, col)), result: '', style: 'muted' });
      b.set(r, cols.rest(k), { formula: scoreRestFormula(text), result: '', style: 'muted' });
      b.set(r, cols.helper(k), { formula: scoreFromParts(toA1(r, col), text, rest, cr.weight), result: '', style: 'muted' });
    });
    const helpers = `${toA1(r, cols.helper(0))}:${toA1(r, cols.helper(crits.length - 1))}`;
    b.set(r, total, { formula: `IF(COUNT(${helpers})=${crits.length},${exactFormula(`SUM(${helpers})`)},"")`, result: '', numberFormat: '0.0', style: 'computed' });
    if (recused) {
      b.set(r, cols.recusal, { value: YES, style: 'status.na' });
      b.set(r, cols.reason, { value: reason || w('committee.recused'), style: 'status.na' });
      b.set(r, cols.opinion, { value: w('committee.recused'), style: 'status.na' });
    } else {
      b.set(r, cols.recusal, { value: null, input: 'expert', style: 'input', validation: { kind: 'list', values: [YES, '否'] } });
      b.set(r, cols.reason, { value: null, input: 'expert', style: 'wrap' });
      b.set(r, cols.opinion, { value: null, input: 'expert', style: 'wrap' });
    }
    // Hidden and shown as nothing (";;;"): LibreOffice draws a hidden column's text at the table's edge, even outside
    // the print area (one character a line when it wraps). The value is what the tally reads.
    b.set(r, cols.id, { value: app.id, numberFormat: ';;;' });
    b.set(r, cols.fingerprint, { value: app.fingerprint, numberFormat: ';;;' });
    b.heights[r] = Math.max(b.heights[r] ?? 0, 36);
  });
  const sigRow = firstRow + round.applications.length + 1;
  b.set(sigRow, 0, { value: w('committee.signature'), style: 'label' });
  b.merge(sigRow, 0, sigRow, 1);
  b.set(sigRow, 2, { value: null, input: 'expert', style: 'input' });
  b.merge(sigRow, 2, sigRow, 4);
  b.set(sigRow + 1, 0, { value: w('committee.date'), style: 'label' });
  b.merge(sigRow + 1, 0, sigRow + 1, 1);
  b.set(sigRow + 1, 2, { value: null, input: 'expert', style: 'input' });
  b.merge(sigRow + 1, 2, sigRow + 1, 4);
  b.heights[sigRow] = 30;

  // One landscape page wide at 8 pt or more (about 190 characters in all): the columns narrow, their texts wrapped.
  const widths = [5, 13, 8, 9, 14, ...crits.flatMap(() => [8, 5]), 6, 5, 7, 14, 14, 20, ...crits.flatMap(() => [6, 6, 6])];
  const sheet = w('committee.sheet.name');
  const layout: ScoresheetLayout = {
    sheet,
    firstRow,
    count: round.applications.length,
    criteria,
    total,
    recusal: cols.recusal,
    reason: cols.reason,
    opinion: cols.opinion,
    id: cols.id,
    fingerprint: cols.fingerprint,
    signature: [sigRow, 2],
    date: [sigRow + 1, 2],
  };
  const record: ScoresheetRecord = {
    round: round.id,
    year: round.year,
    expert,
    rulebook: round.rulebook,
    applications: round.applications.map((a) => ({ id: a.id, fingerprint: a.fingerprint })),
    layout,
  };
  const model: SheetModel = {
    name: sheet,
    cells: b.cells,
    widths,
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: 3, cols: 2 },
    protect: {},
    hiddenCols: [cols.id, cols.fingerprint, ...crits.flatMap((_c, i) => [cols.helper(i), cols.text(i), cols.rest(i)])],
    tabColor: '#ED7D31',
  };
  // One page wide; the signature on the page of the last application. The hidden columns are outside the print area.
  model.print = pagePrint(model, {
    subject: w('committee.sheet.title', { year: round.year ?? '', expert }),
    lang,
    repeatRows: [2, 2],
    repeatCols: [0, 1],
    columns: [0, last],
    keep: [[Math.max(firstRow, sigRow - 2), sigRow + 1]],
  });
  return { sheets: [model, recordModel(SCORESHEET_FORMAT, record)], record };
}

export type ScoresheetProblem = { code: 'rows-edited'; missing: string[]; unknown: string[] };

/** The visible column of a row's cluster name (what the expert reads), written in column B. */
export const SCORESHEET_NAME_COL = 1;

/** A text as a workbook keeps it: the characters XML 1.0 cannot hold (C0 controls but tab and line breaks) dropped. */
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const sheetText = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** What the round knows of each application, to check a returned sheet's rows against (never the sheet's own word). */
export interface ScoresheetExpect {
  /** The name each row shows for its application (cluster, else id), by application id. */
  names: ReadonlyMap<string, string>;
  /** The fingerprint each application had when the sheets were issued (round.json), by id. */
  issued?: ReadonlyMap<string, string>;
}

/** Rows not counted because they do not agree with the round, each with its cell and what was found and expected. */
export interface RowMismatch {
  kind: 'name' | 'fingerprint';
  application: string;
  cell: string;
  found: string;
  expected: string;
}

/**
 * A returned score sheet → entries. Rows are found by their hidden application id (a sorted sheet still reads
 * right); the sheet's rows must be exactly the applications its record lists, or the list was edited.
 */
export function scoresheetEntries(
  record: ScoresheetRecord,
  at: (row: number, col: number) => CellValue,
  rowCount: number,
  source: Omit<EntrySource, 'cell'>,
  expect?: ScoresheetExpect,
): { entries: ScoreEntry[]; problem: ScoresheetProblem | null; mismatches: RowMismatch[] } {
  const L = record.layout;
  const fingerprints = new Map(record.applications.map((a) => [a.id, a.fingerprint]));
  const entries: ScoreEntry[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  const text = (v: CellValue) => (v === null ? '' : String(v)).trim();
  const cell = (r: number, c: number) => `${L.sheet}!${toA1(r, c)}`;
  const mismatches: RowMismatch[] = [];
  // Rows past the sheet's last row are empty: the loop is bounded by the sheet, not by what the record claims.
  for (let r = L.firstRow; r < Math.min(rowCount, L.firstRow + LIMITS.roundApplications); r++) {
    const id = at(r, L.id);
    if (typeof id !== 'string' || id === '') continue;
    if (!fingerprints.has(id) || seen.has(id)) {
      unknown.push(id);
      continue;
    }
    seen.add(id);
    // The row's visible name must be its hidden id's: an expert who sorted only the visible columns has scores
    // beside other applications' ids, and that row is stopped, never counted for the wrong application.
    const shown = text(at(r, SCORESHEET_NAME_COL));
    const name = expect?.names.get(id);
    // Compared as a sheet can hold them: a control character in a cluster's name (an ESC, a vertical tab) is not
    // text a workbook keeps, so the issued sheet shows the name without it — the same name, not a sorted row.
    if (name !== undefined && sheetText(shown).trim() !== sheetText(name).trim()) {
      mismatches.push({ kind: 'name', application: id, cell: cell(r, SCORESHEET_NAME_COL), found: shown, expected: name });
      continue;
    }
    // The fingerprint a row carries is checked against the one the round kept when it issued the sheets: an expert
    // rewriting it cannot make stale scores count. The round's is the one used.
    const written = text(at(r, L.fingerprint));
    const issued = expect?.issued?.get(id);
    if (issued !== undefined && written !== '' && written !== issued) {
      mismatches.push({ kind: 'fingerprint', application: id, cell: cell(r, L.fingerprint), found: written, expected: issued });
      continue;
    }
    const fp = issued ?? (written || fingerprints.get(id)!);
    const base = { expert: record.expert, application: id, fingerprint: fp };
    for (const c of L.criteria) {
      entries.push({ ...base, kind: 'score', criterion: c.id, value: at(r, c.col), source: { ...source, cell: cell(r, c.col) } });
      const note = text(at(r, c.note));
      if (note) entries.push({ ...base, kind: 'note', criterion: c.id, value: note, source: { ...source, cell: cell(r, c.note) } });
    }
    const rec = text(at(r, L.recusal));
    if (rec) entries.push({ ...base, kind: 'recusal', value: rec === YES, reason: text(at(r, L.reason)), source: { ...source, cell: cell(r, L.recusal) } });
    const opinion = text(at(r, L.opinion));
    if (opinion && rec !== YES) entries.push({ ...base, kind: 'opinion', value: opinion, source: { ...source, cell: cell(r, L.opinion) } });
  }
  const missing = record.applications.map((a) => a.id).filter((id) => !seen.has(id));
  const sign = text(at(...L.signature));
  const date = text(at(...L.date));
  // The signature and date belong to the whole sheet: recorded once per application so the roll-up can show them.
  for (const id of seen) {
    if (sign) entries.push({ expert: record.expert, application: id, kind: 'signature', value: sign, source: { ...source, cell: cell(...L.signature) } });
    if (date) entries.push({ expert: record.expert, application: id, kind: 'date', value: date, source: { ...source, cell: cell(...L.date) } });
  }
  const stopped = new Set(mismatches.map((m) => m.application));
  return { entries: entries.filter((e) => !stopped.has(e.application)), problem: missing.length || unknown.length ? { code: 'rows-edited', missing, unknown } : null, mismatches };
}

/**
 * Whether a score sheet holds anything an expert put there: a score, a note, a 回避 or opinion on a row the tool
 * did not recuse (`preset`: the applications the tool wrote as recused for this expert), a signature or a date.
 * Rows are scanned whole (not only those whose hidden id still reads): a sheet with input is never replaced, so in
 * doubt the answer is yes.
 */
export function scoresheetHasInput(layout: ScoresheetLayout, at: (row: number, col: number) => CellValue, rowCount: number, preset: ReadonlySet<string>): boolean {
  const L = layout;
  const filled = (v: CellValue) => v !== null && String(v).trim() !== '';
  if (filled(at(...L.signature)) || filled(at(...L.date))) return true;
  // Rows past the sheet's last row are empty: a forged count cannot make this loop long.
  const last = Math.min(rowCount, L.signature[0]);
  for (let r = Math.max(0, L.firstRow); r < last; r++) {
    if (L.criteria.some((c) => filled(at(r, c.col)) || filled(at(r, c.note)))) return true;
    const id = at(r, L.id);
    if (typeof id === 'string' && preset.has(id)) continue;
    if (filled(at(r, L.recusal)) || filled(at(r, L.reason)) || filled(at(r, L.opinion))) return true;
  }
  return false;
}

/** A score sheet's file name for an expert (fileNamePart: no character a file name may not hold, none of the unsafe class). */
export function scoresheetFileName(expert: string, lang: Lang): string {
  return `${t('committee.sheet.name', lang)}-${fileNamePart(expert)}.xlsx`;
}

/** Where a returned score sheet names an expert other than its record's: an impersonation, or a sheet mixed up. */
export interface IdentityClash {
  /** What names the other expert: the sheet's title, its file name, the signature. */
  where: 'title' | 'file' | 'signature';
  other: string;
}

/**
 * An expert's identity in a returned score sheet, checked against everything in it that names an expert: the
 * record says whose sheet it is, and the title, the file name and the signature must not name another expert of
 * the committee. A disagreement is listed and the sheet not counted, never resolved in favour of the record.
 */
export function scoresheetIdentity(record: Pick<ScoresheetRecord, 'expert' | 'year'>, seen: { title: string; file: string; signature: string }, committee: readonly string[]): IdentityClash[] {
  const others = committee.filter((x) => x !== record.expert);
  const langs: Lang[] = ['zh-CN', 'en-US'];
  const clashes: IdentityClash[] = [];
  const title = seen.title.trim();
  const titled = others.find((x) => langs.some((l) => title === t('committee.sheet.title', l, { year: record.year ?? '', expert: x })));
  if (titled !== undefined) clashes.push({ where: 'title', other: titled });
  const file = seen.file.normalize('NFC');
  const filed = others.find((x) => langs.some((l) => file === scoresheetFileName(x, l).normalize('NFC')));
  if (filed !== undefined) clashes.push({ where: 'file', other: filed });
  const signed = others.find((x) => seen.signature.trim() === x);
  if (signed !== undefined) clashes.push({ where: 'signature', other: signed });
  return clashes;
}
