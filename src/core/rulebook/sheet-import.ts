/**
 * A rulebook as a workbook, read back — the import: the rows as read (plain cell values) → the rulebook JSON, every
 * problem named by the check (id and title) and the cell. Only what the workbook shows is taken from it; everything
 * else (indicators, rule kinds, English words not shown) comes from the hidden copy, so an unchanged workbook gives
 * back exactly the rulebook it was made from (the same fingerprint). The export is
 * src/core/report/rulebook-sheet.ts; the form both share is ./sheet-form.ts.
 *
 * Pure: the adapter (src/xlsx/rulebook-sheet.ts) reads the grids.
 */
import { toA1 } from '../address.js';
import { t, type TextKey } from '../text/index.js';
import type { Lang } from '../types.js';
import { cityKey } from './cities.js';
import { detailOf, validateRulebook, type LoadedRulebook, type RulebookProblem } from './load.js';
import type { Rulebook } from './schema.js';
import {
  CHECK_COLUMNS,
  COMBINE,
  COMBINE_WORDS,
  GROWTH_WORDS,
  LANGS,
  norm,
  ON_WORDS,
  OP_WORDS,
  OPS,
  opWord,
  REQUIRED_COLUMNS,
  requirementFromSheet,
  ROUND_WORDS,
  RULEBOOK_SHEET,
  RULEBOOK_SHEET_FORMAT,
  SETTING_KEYS,
  YEAR_WORDS,
  type CheckColumn,
  type SettingKey,
  type SheetCell,
  type SheetGrid,
} from './sheet-form.js';
import { hasOp, isPercent, numericBound, slotsOf, type Seg } from './slots.js';

// ---------------------------------------------------------------------------------------------------------------
// Import

export interface SheetImport {
  /** The rulebook JSON, when there was no problem. */
  rulebook?: Rulebook;
  problems: RulebookProblem[];
}

const at = (sheet: string, row: number, col: number) => `${sheet}!${toA1(row, col)}`;
const text = (v: SheetCell): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v).trim());
const blank = (v: SheetCell) => text(v) === '';
/** Floating noise a spreadsheet may add on saving (0.7 → 0.69999999999999996) is not a change. */
const clean = (n: number) => Number(n.toPrecision(15));

type NumberRead = { ok: true; value: number; percentTyped: boolean } | { ok: false; found: string };

function readNumber(v: SheetCell): NumberRead {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: clean(v), percentTyped: false } : { ok: false, found: String(v) };
  const s = text(v).replace(/[,，\s]/g, '').replace(/％/g, '%');
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$/.exec(s);
  if (!m) return { ok: false, found: text(v) };
  const n = Number(m[1]);
  return { ok: true, value: clean(m[2] ? n / 100 : n), percentTyped: m[2] === '%' };
}

const pct = (n: number) => `${clean(n * 100)}%`;

function baseOf(grid: SheetGrid | undefined): unknown {
  if (!grid || text(grid[0]?.[0]) !== RULEBOOK_SHEET_FORMAT) return undefined;
  let json = '';
  // Untrimmed: a chunk may begin or end with a space of the JSON.
  for (let r = 1; r < grid.length; r++) {
    const v = grid[r]?.[0];
    json += typeof v === 'string' ? v : '';
  }
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the workbook form of a rulebook back. `sheets` by name; problems in `lang`, each naming its cell. */
export function rulebookFromSheets(sheets: ReadonlyMap<string, SheetGrid>, lang: Lang): SheetImport {
  const problems: RulebookProblem[] = [];
  const problem = (code: string, cell: string, message: string, extra: Partial<RulebookProblem> = {}, params: Record<string, string | number> = {}) =>
    problems.push({ path: cell, code, params, message, ...extra });

  const base = baseOf(sheets.get(RULEBOOK_SHEET.base));
  const loaded = base === undefined ? undefined : validateRulebook(base, lang);
  if (!loaded || !loaded.ok) {
    problem('no-base', RULEBOOK_SHEET.base, t('rulebook.sheet.no-base', lang, { sheet: RULEBOOK_SHEET.base }));
    return { problems };
  }
  const rb = loaded.rulebook;
  // Edits go into a copy of the file the workbook was made from; `cellOf` remembers which cell set which path, and
  // how a problem there names it (the words every problem of the import begins with).
  const out = structuredClone(rb.source) as Rulebook;
  const cellOf: CellOf = new Map();

  for (const name of [RULEBOOK_SHEET.checks, RULEBOOK_SHEET.settings])
    if (!sheets.has(name)) problem('no-sheet', name, t('rulebook.sheet.no-sheet', lang, { sheet: name }));
  const checksGrid = sheets.get(RULEBOOK_SHEET.checks);
  if (checksGrid) applyChecks(checksGrid, rb, out, lang, problem, cellOf);
  const settingsGrid = sheets.get(RULEBOOK_SHEET.settings);
  if (settingsGrid) applySettings(settingsGrid, rb, out, lang, problem, cellOf);
  // What only the whole rulebook can say (a percent bound out of range, a threshold out of its indicator's range), at
  // its cell and in the words of the others: checked even when cells are wrong already, so every problem is listed
  // at once (a wrong cell left the file's own value in place, which is valid; one problem per cell).
  const checked = validateRulebook(out, lang);
  if (!checked.ok) {
    const taken = new Set(problems.map((p) => p.path));
    for (const p of checked.problems) {
      const at = cellOf.get(p.path) ?? [...cellOf.entries()].find(([path]) => p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))?.[1];
      if (!at) problems.push(p);
      else if (!taken.has(at.cell)) {
        taken.add(at.cell);
        problems.push({ ...p, path: at.cell, message: t('rulebook.problem', lang, { where: at.where, detail: detailOf(p) }) });
      }
    }
  }
  if (problems.length) return { problems };
  return { rulebook: out, problems: [] };
}

/** JSON path → the cell that set it and the words naming it (`rulebook.problem`'s where). */
type CellOf = Map<string, { cell: string; where: string }>;

type Problem = (code: string, cell: string, message: string, extra?: Partial<RulebookProblem>, params?: Record<string, string | number>) => void;

const jsonPath = (segs: readonly Seg[]) => `$${segs.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

function getAt(obj: unknown, segs: readonly Seg[]): unknown {
  let v: unknown = obj;
  for (const s of segs) v = isRecord(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

function applyChecks(grid: SheetGrid, rb: LoadedRulebook, out: Rulebook, lang: Lang, problem: Problem, cellOf: CellOf): void {
  const sheet = RULEBOOK_SHEET.checks;
  const head = grid[0] ?? [];
  const colOf = new Map<CheckColumn, number>();
  head.forEach((h, i) => {
    const w = norm(h);
    for (const c of CHECK_COLUMNS)
      for (const l of LANGS) {
        const words = [t(`rulebook.sheet.col.${c}` as TextKey, l), ...(c === 'title' || c === 'requirement' ? [t(`rulebook.sheet.col.${c}.zh` as TextKey, l)] : [])];
        if (!colOf.has(c) && words.some((x) => norm(x) === w)) colOf.set(c, i);
      }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !colOf.has(c));
  for (const c of missing) problem('no-column', `${sheet}!1:1`, t('rulebook.sheet.no-column', lang, { sheet, column: t(`rulebook.sheet.col.${c}` as TextKey, lang) }), {}, { column: c });
  if (missing.length) return;
  const c = (k: CheckColumn) => colOf.get(k);

  const slots = new Map(slotsOf(rb.source).map((s) => [`${s.check.id}|${s.part ?? ''}`, s]));
  const checkIds = new Set(rb.source.checks.map((x) => x.id));
  const seen = new Set<string>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const v = (k: CheckColumn) => (c(k) === undefined ? undefined : row[c(k)!]);
    const cell = (k: CheckColumn) => at(sheet, r, c(k)!);
    const id = text(v('id'));
    if (!id) continue;
    const partRead = readNumber(v('part') ?? null);
    const part = blank(v('part')) ? '' : partRead.ok ? String(partRead.value) : text(v('part'));
    if (!checkIds.has(id)) {
      problem('unknown-check', cell('id'), t('rulebook.sheet.unknown-check', lang, { id, cell: cell('id') }), {}, { id });
      continue;
    }
    const slot = slots.get(`${id}|${part}`);
    if (!slot) {
      problem('unknown-part', cell('part'), t('rulebook.sheet.unknown-part', lang, { id, part, cell: cell('part') }), { check: id }, { id, part });
      continue;
    }
    const key = `${id}|${part}`;
    if (seen.has(key)) {
      problem('row-twice', cell('id'), t('rulebook.sheet.row-twice', lang, { id, cell: cell('id') }), { check: id }, { id });
      continue;
    }
    seen.add(key);
    const check = out.checks[slot.checkIndex]!;
    const where = t('rulebook.where.check', lang, { id, title: lang === 'zh-CN' ? slot.check.title.zh : slot.check.title.en });
    const whereAt = (k: CheckColumn) => t('rulebook.where.field', lang, { where, field: t('rulebook.sheet.where.cell', lang, { word: t(`rulebook.sheet.col.${k}` as TextKey, lang), cell: cell(k) }) });
    const bad = (k: CheckColumn, code: string, detail: string, params: Record<string, string | number> = {}) => problem(code, cell(k), t('rulebook.problem', lang, { where: whereAt(k), detail }), { check: id }, params);
    const set = (segs: Seg[], k: CheckColumn) => cellOf.set(jsonPath(segs), { cell: cell(k), where: whereAt(k) });
    const checkPath: Seg[] = ['checks', slot.checkIndex];
    const rulePath = [...checkPath, ...slot.path];
    const rule = getAt(out, rulePath) as Record<string, unknown>;

    if (hasOp(slot.rule)) {
      const w = OP_WORDS.get(norm(v('op')));
      if (!w) bad('op', 'bad-op', t('rulebook.sheet.not-one-of', lang, { found: text(v('op')), choices: OPS.map((o) => opWord(o, lang)) }), { found: text(v('op')) });
      else {
        rule.op = w;
        set([...rulePath, 'op'], 'op');
      }
    }
    if (numericBound(slot.rule) !== undefined) {
      const raw = v('bound');
      const n = readNumber(raw ?? null);
      const percent = isPercent(slot.rule, rb.indicators);
      if (blank(raw)) bad('bound', 'blank', t('rulebook.sheet.blank', lang));
      else if (!n.ok) bad('bound', 'not-number', t('rulebook.sheet.not-number', lang, { found: n.found }), { found: n.found });
      else if (percent && n.value > 1) bad('bound', 'percent-above-100', t('rulebook.sheet.percent-above-100', lang, { found: pct(n.value) }), { found: n.value });
      else if (percent && n.value < 0 && slot.rule.kind !== 'growth') bad('bound', 'percent-below-0', t('rulebook.sheet.percent-below-0', lang, { found: pct(n.value) }), { found: n.value });
      else {
        rule.bound = n.value;
        set([...rulePath, 'bound'], 'bound');
      }
    }
    if (slot.rule.kind === 'compare' && c('years') !== undefined && !blank(v('years'))) {
      const w = YEAR_WORDS.get(norm(v('years')));
      if (!w) bad('years', 'bad-years', t('rulebook.sheet.not-one-of', lang, { found: text(v('years')), choices: [t('rulebook.sheet.years.each', lang), t('rulebook.sheet.years.latest', lang)] }), { found: text(v('years')) });
      else rule.years = w;
    }
    if (slot.part !== null && slot.part !== 1) continue;
    // What belongs to the check as a whole is on its first row.
    const on = ON_WORDS.get(norm(v('enabled')));
    if (!on) bad('enabled', 'bad-enabled', t('rulebook.sheet.not-one-of', lang, { found: text(v('enabled')), choices: [t('rulebook.sheet.on', lang), t('rulebook.sheet.off', lang)] }), { found: text(v('enabled')) });
    else if (on === 'off') check.enabled = false;
    else if (check.enabled === false) delete check.enabled;
    const titleZh = text(v('title'));
    if (!titleZh) bad('title', 'blank', t('rulebook.sheet.blank', lang));
    else check.title = { zh: titleZh, en: text(v('titleEn')) || check.title.en };
    set([...checkPath, 'title'], 'title');
    const reqZh = requirementFromSheet(text(v('requirement')));
    const reqEn = requirementFromSheet(text(v('requirementEn')));
    if (!reqZh) delete check.requirement;
    else if (!check.requirement || check.requirement.zh !== reqZh || (reqEn && reqEn !== check.requirement.en))
      check.requirement = { zh: reqZh, en: reqEn || (check.requirement && check.requirement.zh === reqZh ? check.requirement.en : reqZh) };
    set([...checkPath, 'requirement'], 'requirement');
  }
}

function applySettings(grid: SheetGrid, rb: LoadedRulebook, out: Rulebook, lang: Lang, problem: Problem, cellOf: CellOf): void {
  const sheet = RULEBOOK_SHEET.settings;
  const rowOf = new Map<SettingKey, number>();
  let criteriaHead = -1;
  let citiesHead = -1;
  grid.forEach((row, r) => {
    const w = norm(row[0]);
    if (!w) return;
    if (citiesHead < 0 && LANGS.some((l) => norm(t('rulebook.sheet.cities', l)) === w)) citiesHead = r;
    for (const key of SETTING_KEYS) if (!rowOf.has(key) && LANGS.some((l) => norm(t(`rulebook.sheet.set.${key}` as TextKey, l)) === w)) rowOf.set(key, r);
    if (criteriaHead < 0 && LANGS.some((l) => norm(t('rulebook.sheet.criteria', l)) === w)) criteriaHead = r;
  });
  const word = (key: SettingKey) => t(`rulebook.sheet.set.${key}` as TextKey, lang);
  const cellAt = (key: SettingKey) => at(sheet, rowOf.get(key)!, 1);
  const whereAt = (key: SettingKey) => t('rulebook.sheet.where.setting', lang, { word: word(key), cell: cellAt(key) });
  const bad = (key: SettingKey, code: string, detail: string, params: Record<string, string | number> = {}) => problem(code, cellAt(key), t('rulebook.problem', lang, { where: whereAt(key), detail }), {}, params);
  const value = (key: SettingKey): SheetCell => grid[rowOf.get(key)!]?.[1];
  const required: SettingKey[] = ['id', 'name.zh', 'edition', 'authority.zh', 'round', 'firstBatchYear', 'growthMethod', 'monitoringDeadline', 'validityYears', 'spreadShare', 'minMeanTotal'];
  for (const key of required)
    if (!rowOf.has(key)) problem('no-setting', `${sheet}!A:A`, t('rulebook.sheet.no-setting', lang, { sheet, setting: word(key) }), {}, { setting: key });
  if (required.some((k) => !rowOf.has(k))) return;
  const path = (key: SettingKey, segs: Seg[]) => cellOf.set(jsonPath(segs), { cell: cellAt(key), where: whereAt(key) });

  const str = (key: SettingKey, set: (s: string) => void, segs: Seg[]) => {
    const s = text(value(key));
    if (!s) bad(key, 'blank', t('rulebook.sheet.blank', lang));
    else set(s);
    path(key, segs);
  };
  str('id', (s) => (out.id = s), ['id']);
  str('name.zh', (s) => (out.name = { ...out.name, zh: s }), ['name', 'zh']);
  if (rowOf.has('name.en') && text(value('name.en'))) out.name = { ...out.name, en: text(value('name.en')) };
  str('edition', (s) => (out.edition = s), ['edition']);
  str('authority.zh', (s) => (out.authority = { ...out.authority, zh: s }), ['authority', 'zh']);
  if (rowOf.has('authority.en') && text(value('authority.en'))) out.authority = { ...out.authority, en: text(value('authority.en')) };

  const pick = <V extends string>(key: SettingKey, words: Map<string, V>, shown: string[]): V | undefined => {
    const w = words.get(norm(value(key)));
    if (!w) bad(key, 'not-one-of', t('rulebook.sheet.not-one-of', lang, { found: text(value(key)), choices: shown }), { found: text(value(key)) });
    return w;
  };
  const round = pick('round', ROUND_WORDS, (['national-recommendation', 'provincial-recognition'] as const).map((r) => t(`rulebook.sheet.round.${r}`, lang)));
  // A file without `round` is national: it stays without, so its fingerprint does not change.
  if (round && !(round === 'national-recommendation' && rb.source.round === undefined)) out.round = round;
  const growth = pick('growthMethod', GROWTH_WORDS, [t('rulebook.show.growth.compound', lang), t('rulebook.show.growth.arithmetic', lang)]);
  if (growth) out.settings.growthMethod = growth;

  const num = (key: SettingKey, opts: { whole?: boolean; percent?: boolean; optional?: boolean }): number | undefined => {
    // Full-width digits ("１０") are read as the score sheets read them.
    const typed = value(key);
    const raw = typeof typed === 'string' ? typed.normalize('NFKC') : typed;
    if (blank(raw)) {
      if (!opts.optional) bad(key, 'blank', t('rulebook.sheet.blank', lang));
      return undefined;
    }
    const n = readNumber(raw);
    if (!n.ok) return void bad(key, 'not-number', t('rulebook.sheet.not-number', lang, { found: n.found }), { found: n.found });
    if (opts.whole && !Number.isInteger(n.value)) return void bad(key, 'not-whole', t('rulebook.sheet.not-whole', lang, { found: text(raw) }), { found: text(raw) });
    if (opts.percent && n.value > 1) return void bad(key, 'percent-above-100', t('rulebook.sheet.percent-above-100', lang, { found: pct(n.value) }), { found: n.value });
    if (n.value < 0) return void bad(key, 'negative', t('rulebook.sheet.negative', lang, { found: opts.percent ? pct(n.value) : n.value }), { found: n.value });
    return n.value;
  };
  const fby = num('firstBatchYear', { whole: true, optional: true });
  if (fby === undefined && blank(value('firstBatchYear'))) delete out.settings.firstBatchYear;
  else if (fby !== undefined) out.settings.firstBatchYear = fby;
  path('firstBatchYear', ['settings', 'firstBatchYear']);
  const validity = num('validityYears', { whole: true });
  if (validity !== undefined) out.settings.validityYears = validity;
  path('validityYears', ['settings', 'validityYears']);

  const dl = text(value('monitoringDeadline'));
  const m = /^(?:\d{4}-)?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(dl);
  // A real day of the year (29 February included): "13-45" is said here with the other problems.
  const [month, day] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!) bad('monitoringDeadline', 'bad-deadline', t('rulebook.sheet.bad-deadline', lang, { found: dl }), { found: dl });
  else out.settings.monitoringDeadline = `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  path('monitoringDeadline', ['settings', 'monitoringDeadline']);

  const spread = num('spreadShare', { percent: true });
  if (spread !== undefined) out.scoring.spreadShare = spread;
  path('spreadShare', ['scoring', 'spreadShare']);
  const cut = num('minMeanTotal', {});
  if (cut !== undefined) out.scoring.recommendation.minMeanTotal = cut;
  path('minMeanTotal', ['scoring', 'recommendation', 'minMeanTotal']);

  // How scores combine, the minimum of experts, the number of recommendations (rows a workbook of an earlier version
  // lacks, or shows as a placeholder: the file's values are kept).
  const placeholder = (key: SettingKey) => LANGS.some((l) => norm(t('rulebook.sheet.not-yet', l)) === norm(value(key)));
  if (rowOf.has('combination') && !placeholder('combination')) {
    const c = pick('combination', COMBINE_WORDS, COMBINE.map((x) => t(`rulebook.combine.${x}`, lang)));
    if (c) out.scoring.combine = c;
    path('combination', ['scoring', 'combine']);
  }
  const atLeast = (key: SettingKey, min: number) => {
    if (!rowOf.has(key)) return;
    const n = num(key, { whole: true });
    if (n !== undefined && n < min) bad(key, 'below-minimum', t('rulebook.sheet.below-minimum', lang, { min, found: n }), { min, found: n });
    else if (n !== undefined) out.scoring[key as 'trimmedMinimum' | 'minimumExperts'] = n;
    path(key, ['scoring', key]);
  };
  atLeast('trimmedMinimum', 3);
  atLeast('minimumExperts', 1);
  if (rowOf.has('recommendations') && !placeholder('recommendations')) {
    // 不限 / "no cap", as `rulebook show` and `diff` say it, is a blank cell.
    const noCap = LANGS.some((l) => norm(t('rulebook.show.no-quota', l)) === norm(value('recommendations')));
    const n = noCap ? undefined : num('recommendations', { whole: true, optional: true });
    if (noCap || blank(value('recommendations'))) delete out.scoring.recommendations;
    else if (n !== undefined) out.scoring.recommendations = n;
    path('recommendations', ['scoring', 'recommendations']);
  }

  if (citiesHead >= 0) applyCities(grid, citiesHead, out, lang, problem, cellOf);

  // Criteria weights, below their heading; the stated total must be what they add up to.
  let weightsOk = true;
  if (criteriaHead >= 0) {
    const ids = new Map(out.criteria.map((c, i) => [c.id, i]));
    for (let r = criteriaHead + 1; r < grid.length; r++) {
      const id = text(grid[r]?.[0]);
      if (!id || LANGS.some((l) => norm(t('rulebook.sheet.sum', l)) === norm(id))) break;
      const wcell = at(sheet, r, 2);
      const i = ids.get(id);
      if (i === undefined) {
        problem('unknown-criterion', at(sheet, r, 0), t('rulebook.sheet.unknown-criterion', lang, { id, cell: at(sheet, r, 0) }), {}, { id });
        weightsOk = false;
        continue;
      }
      const crit = out.criteria[i]!;
      const where = t('rulebook.where.field', lang, {
        where: t('rulebook.where.criterion', lang, { id, title: lang === 'zh-CN' ? crit.title.zh : crit.title.en }),
        field: t('rulebook.sheet.where.cell', lang, { word: t('rulebook.sheet.weight', lang), cell: wcell }),
      });
      const n = readNumber(grid[r]?.[2] ?? null);
      if (blank(grid[r]?.[2]) || !n.ok) {
        const found = text(grid[r]?.[2]);
        problem(found ? 'not-number' : 'blank', wcell, t('rulebook.problem', lang, { where, detail: found ? t('rulebook.sheet.not-number', lang, { found }) : t('rulebook.sheet.blank', lang) }), { criterion: id }, { found });
        weightsOk = false;
        continue;
      }
      crit.weight = n.value;
      cellOf.set(jsonPath(['criteria', i, 'weight']), { cell: wcell, where });
    }
  }
  const sum = clean(out.criteria.reduce((a, c) => a + c.weight, 0));
  const total = rowOf.has('total') ? num('total', { optional: true }) : undefined;
  if (weightsOk && total !== undefined && Math.abs(sum - total) > 1e-9)
    bad('total', 'weights-sum', t('rulebook.sheet.weights-sum', lang, { sum, total }), { sum, total });
  const ceiling = total ?? sum;
  if (cut !== undefined && cut > ceiling) bad('minMeanTotal', 'cut-above-total', t('rulebook.sheet.cut-above-total', lang, { cut, total: ceiling }), { cut, total: ceiling });
}

/**
 * 市级推荐名额 below its heading: the default row, then a city and its quota a row, to the end of the sheet (blank rows
 * skipped). Nothing filled: no city stage. A workbook without the heading (made before it) keeps the file's value.
 */
function applyCities(grid: SheetGrid, head: number, out: Rulebook, lang: Lang, problem: Problem, cellOf: CellOf): void {
  const sheet = RULEBOOK_SHEET.settings;
  const where = (cell: string) => t('rulebook.sheet.where.setting', lang, { word: t('rulebook.sheet.cities', lang), cell });
  const bad = (cell: string, code: string, detail: string, params: Record<string, string | number> = {}) => problem(code, cell, t('rulebook.problem', lang, { where: where(cell), detail }), {}, params);
  /** A quota as typed: undefined when blank, null when wrong (said). */
  const quotaAt = (r: number): number | null | undefined => {
    const cell = at(sheet, r, 2);
    const typed = grid[r]?.[2];
    const raw = typeof typed === 'string' ? typed.normalize('NFKC') : typed;
    if (blank(raw)) return undefined;
    const n = readNumber(raw ?? null);
    if (!n.ok) return void bad(cell, 'not-number', t('rulebook.sheet.not-number', lang, { found: n.found }), { found: n.found }), null;
    if (!Number.isInteger(n.value)) return void bad(cell, 'not-whole', t('rulebook.sheet.not-whole', lang, { found: text(raw) }), { found: text(raw) }), null;
    if (n.value < 0) return void bad(cell, 'negative', t('rulebook.sheet.negative', lang, { found: n.value }), { found: n.value }), null;
    cellOf.set(jsonPath(['cityRecommendation', 'quotas', ...(r === head + 1 ? ['default'] : [])]), { cell, where: where(cell) });
    return n.value;
  };
  const isDefault = (r: number) => LANGS.some((l) => norm(t('rulebook.sheet.cityDefault', l)) === norm(grid[r]?.[0]));
  let def: number | null | undefined;
  let defRow = -1;
  const byCity = new Map<string, number>();
  const seen = new Map<string, string>();
  let wrong = false;
  for (let r = head + 1; r < grid.length; r++) {
    if (isDefault(r)) {
      defRow = r;
      def = quotaAt(r);
      if (def === null) wrong = true;
      continue;
    }
    const city = text(grid[r]?.[1]);
    if (!city) continue;
    const cell = at(sheet, r, 1);
    const key = cityKey(city);
    if (seen.has(key)) {
      bad(cell, 'city-twice', t('rulebook.sheet.city-twice', lang, { city, cell: seen.get(key)! }), { city });
      wrong = true;
      continue;
    }
    seen.set(key, cell);
    const q = quotaAt(r);
    if (q === undefined) bad(at(sheet, r, 2), 'blank', t('rulebook.sheet.blank', lang));
    if (q === undefined || q === null) wrong = true;
    else byCity.set(city, q);
  }
  if (wrong) return;
  if (def === undefined && !byCity.size) return void delete out.cityRecommendation;
  if (def === undefined || def === null) return void bad(at(sheet, defRow >= 0 ? defRow : head + 1, 2), 'blank', t('rulebook.sheet.blank', lang));
  out.cityRecommendation = { quotas: { default: def, ...(byCity.size ? { byCity: Object.fromEntries(byCity) } : {}) } };
}
