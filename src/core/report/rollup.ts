/**
 * The provincial roll-up 推荐汇总: one row per application with identity, verdict, key figures, counts and top
 * reasons, the file it came from; sorted by verdict, then by a documented key; two applications in one niche
 * sector flagged; a province over its quota flagged; an unreadable file gets its own row saying why.
 *
 * Sort key (documented in docs/CLI.md): verdict in the order passed, incomplete, failed, ineligible, vetoed,
 * unreadable; then fewer fails, then fewer missing/invalid findings, then fewer warnings, then higher latest
 * total output, then cluster name, then file name.
 */
import type { CityRecommendation } from '../rulebook/schema.js';
import { normaliseText } from '../sheet/values.js';
import { t, type TextKey } from '../text/index.js';
import { LANGS, type Lang, type Verdict } from '../types.js';
import { cityCounts, cityCountText, cityFindingText, cityKey, cityText, type CityFinding } from './cities.js';
import type { Report, ReportFinding } from './json.js';
import { pagePrint } from './print.js';
import { SheetBuilder, type CellValue, type SheetModel, type StyleKey } from './sheet-model.js';

const ROLLUP_SHEET = Object.fromEntries(LANGS.map((l) => [l, t('rollup.sheet', l)])) as Record<Lang, string>;

export interface RollupEntry {
  file: string;
  report?: Report;
  /** Why the file could not be read. */
  error?: string;
}

export interface RollupRow {
  entry: RollupEntry;
  verdict: Verdict | 'unreadable';
  figures: Record<string, number | null>;
  fails: number;
  problems: number;
  warnings: number;
  sameNicheAs: number[];
  overQuota: boolean;
  /** Its city is over the city's quota (市级推荐): the finding, said on every row of that city. */
  cityOver: CityFinding | null;
}

const VERDICT_ORDER: Array<Verdict | 'unreadable'> = ['passed', 'incomplete', 'failed', 'ineligible', 'vetoed', 'unreadable'];

/**
 * Finding codes whose `value` is the figure the check computed (a total, a share, a growth rate, a ratio, a
 * compared value). Input findings carry values too (a unit conversion's converted amount), and so do warnings
 * beside a check's result; a roll-up figure is never taken from those.
 */
export const COMPUTED_VALUE_CODES: ReadonlySet<string> = new Set([
  'meets-bound',
  'below-minimum',
  'above-maximum',
  'growth-meets-bound',
  'growth-below-minimum',
  'growth-above-maximum',
  'share-meets-bound',
  'share-below-minimum',
  'share-above-maximum',
  'ratio-meets-bound',
  'ratio-below-minimum',
  'ratio-above-maximum',
]);

/** The figure a check computed, from its own result finding; null when the check could not compute one. */
function computedValue(f: Pick<ReportFinding, 'source' | 'code' | 'params'>): number | null {
  return f.source === 'check' && COMPUTED_VALUE_CODES.has(f.code) && typeof f.params.value === 'number' ? f.params.value : null;
}

/** Key figures read back from findings' params: what the checks computed, not a second computation. */
export function keyFigures(r: Report): Record<string, number | null> {
  const val = (check: string, year?: number): number | null => {
    for (const x of r.findings) {
      if (x.check !== check || (year !== undefined && x.year !== year)) continue;
      const v = computedValue(x);
      if (v !== null) return v;
    }
    return null;
  };
  const years = r.cluster.dataYears ?? [];
  const latest = years[years.length - 1];
  const branch = r.findings.find((x) => x.check === '2.A' && x.source === 'check' && Array.isArray(x.params.branches));
  const branchValue = (i: number) => {
    const b = branch ? (branch.params.branches as Array<{ code: string; params: { value?: unknown } }>)[i] : undefined;
    return b && COMPUTED_VALUE_CODES.has(b.code) && typeof b.params.value === 'number' ? b.params.value : null;
  };
  return {
    outputY3: years[0] !== undefined ? val('1.6', years[0]) : null,
    outputY2: years[1] !== undefined ? val('1.6', years[1]) : null,
    outputY1: latest !== undefined ? val('1.6', latest) : null,
    smeShare: latest !== undefined ? val('1.7', latest) : null,
    leadingShare: latest !== undefined ? val('1.8', latest) : null,
    growth: val('1.9'),
    champions: branchValue(0),
    qualitySmes: branchValue(1),
    rdGrowth: val('4.1'),
    patentGrowth: val('4.4'),
    platform: val('5.1'),
  };
}

/** Checks whose computed values the roll-up shows (keyFigures). */
const FIGURE_CHECKS = new Set(['1.6', '1.7', '1.8', '1.9', '2.A', '4.1', '4.4', '5.1']);
const COUNTED = new Set(['veto', 'fail', 'missing', 'invalid', 'warn']);

/**
 * What the roll-up needs of a report, and no more: the findings it counts, quotes and takes figures from. A round
 * holds up to ~260 reports at once; keeping only these keeps a batch's memory (and garbage collection) small.
 */
export function forRollup(r: Report): Report {
  return { ...r, criteria: [], findings: r.findings.filter((f) => COUNTED.has(f.status) || (f.check !== undefined && FIGURE_CHECKS.has(f.check))) };
}

function rollupRows(entries: RollupEntry[], quota?: number): RollupRow[] {
  const rows: RollupRow[] = entries.map((entry) => {
    const r = entry.report;
    const count = (pred: (s: string) => boolean) => (r ? r.findings.filter((f) => pred(f.status)).length : 0);
    return {
      entry,
      verdict: r ? r.verdict : 'unreadable',
      figures: r ? keyFigures(r) : {},
      fails: count((s) => s === 'fail' || s === 'veto'),
      problems: count((s) => s === 'missing' || s === 'invalid'),
      warnings: count((s) => s === 'warn'),
      sameNicheAs: [],
      overQuota: false,
      cityOver: null,
    };
  });
  rows.sort(
    (a, b) =>
      VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) ||
      a.fails - b.fails ||
      a.problems - b.problems ||
      a.warnings - b.warnings ||
      (b.figures.outputY1 ?? -1) - (a.figures.outputY1 ?? -1) ||
      (a.entry.report?.cluster.name ?? '').localeCompare(b.entry.report?.cluster.name ?? '') ||
      a.entry.file.localeCompare(b.entry.file),
  );
  const niche = new Map<string, number[]>();
  const provinces = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const c = row.entry.report?.cluster;
    if (c?.nicheSector) {
      const k = normaliseText(c.nicheSector).toLowerCase().replace(/\s+/g, '');
      niche.set(k, [...(niche.get(k) ?? []), i]);
    }
    if (c?.province) {
      const k = normaliseText(c.province);
      provinces.set(k, [...(provinces.get(k) ?? []), i]);
    }
  });
  for (const idx of niche.values()) if (idx.length > 1) for (const i of idx) rows[i]!.sameNicheAs = idx.filter((j) => j !== i);
  // A quota caps recommendations: in the roll-up's order, a province's applications after its first `quota` are flagged.
  if (quota !== undefined) for (const idx of provinces.values()) for (const i of idx.slice(quota)) rows[i]!.overQuota = true;
  return rows;
}

/** Every application counted by its city (an unreadable file under 未填写), each city over its quota flagged on its rows. */
function cityTally(rows: RollupRow[], stage: CityRecommendation | undefined) {
  const tally = cityCounts(rows.map((r) => r.entry.report?.cluster.city ?? null), stage);
  const over = new Map(tally.findings.map((f) => [cityKey(f.city), f]));
  for (const row of rows) {
    const city = row.entry.report?.cluster.city;
    row.cityOver = city ? (over.get(cityKey(city)) ?? null) : null;
  }
  return tally;
}

/** The roll-up's columns: header word, width, value, number format. */
type RollupColumn = [header: string, width: number, get: (row: RollupRow, idx: number) => CellValue, format?: string];

/** `cities`: the rulebook's 市级推荐 stage (each city's quota); absent, the cities are counted, none is over. */
export function rollupModel(entries: RollupEntry[], lang: Lang, quota?: number, cities?: CityRecommendation): SheetModel {
  const w = (key: TextKey, params?: Record<string, string | number>) => t(key, lang, params);
  const rows = rollupRows(entries, quota);
  const byCity = cityTally(rows, cities);
  const years = entries.find((e) => e.report?.cluster.dataYears)?.report?.cluster.dataYears ?? null;
  const y = (i: number) => (years ? w('rollup.yearLabel', { year: years[i]! }) : ['Y-3', 'Y-2', 'Y-1'][i]!);
  const id = (r: RollupRow) => r.entry.report?.cluster;
  // What a reader of the paper needs comes first and prints one page wide (to 结论 and its reasons and flags); the
  // key figures and the file follow on the sheet, for sorting and filtering on screen.
  const verdictCol = 6;
  const flagsCol = 11;
  const printed: RollupColumn[] = [
    [w('rollup.colNo'), 5, (_r, i) => i + 1],
    [w('rollup.colName'), 24, (r) => id(r)?.name ?? ''],
    [w('rollup.colProvince'), 9, (r) => id(r)?.province ?? ''],
    [w('rollup.colCity'), 9, (r) => cityText(id(r)?.city, lang)],
    [w('rollup.colCounty'), 9, (r) => id(r)?.county ?? ''],
    [w('rollup.colIndustry'), 12, (r) => id(r)?.leadingIndustry ?? ''],
    [w('rollup.colVerdict'), 14, (r) => (r.entry.report ? r.entry.report.verdictText[lang] : w('rollup.unreadable'))],
    [w('rollup.colFails'), 7, (r) => r.fails],
    [w('rollup.colProblems'), 7, (r) => r.problems],
    [w('rollup.colWarnings'), 7, (r) => r.warnings],
    [w('rollup.colReasons'), 40, (r) => topReasons(r, lang)],
    [w('rollup.colFlags'), 24, (r) => flags(r, lang)],
  ];
  const cols: RollupColumn[] = [
    ...printed,
    [w('rollup.colNiche'), 14, (r) => id(r)?.nicheSector ?? ''],
    [w('rollup.colOutputFirst', { year: y(0) }), 11, (r) => r.figures.outputY3 ?? null, '#,##0.00'],
    [w('rollup.colOutput', { year: y(1) }), 11, (r) => r.figures.outputY2 ?? null, '#,##0.00'],
    [w('rollup.colOutput', { year: y(2) }), 11, (r) => r.figures.outputY1 ?? null, '#,##0.00'],
    [w('rollup.colSmeShare'), 10, (r) => r.figures.smeShare ?? null, '0.0%'],
    [w('rollup.colLeadingShare'), 10, (r) => r.figures.leadingShare ?? null, '0.0%'],
    [w('rollup.colGrowth'), 10, (r) => r.figures.growth ?? null, '0.0%'],
    [w('rollup.colChampions'), 10, (r) => r.figures.champions ?? null, '0'],
    [w('rollup.colQualitySmes'), 10, (r) => r.figures.qualitySmes ?? null, '0'],
    [w('rollup.colRdGrowth'), 10, (r) => r.figures.rdGrowth ?? null, '0.0%'],
    [w('rollup.colPatentGrowth'), 10, (r) => r.figures.patentGrowth ?? null, '0.0%'],
    [w('rollup.colPlatform'), 10, (r) => r.figures.platform ?? null, '0.0%'],
    [w('rollup.colFile'), 30, (r) => r.entry.file],
  ];
  const lastPrinted = printed.length - 1;
  const printedWidth = printed.reduce((a, [, x]) => a + x, 0);
  const b = new SheetBuilder();
  b.set(0, 0, { value: w('rollup.title'), style: 'title' });
  b.merge(0, 0, 0, lastPrinted);
  const subtitle = w('rollup.subtitle', { count: entries.length });
  b.set(1, 0, { value: subtitle, style: 'subtitle' });
  b.merge(1, 0, 1, lastPrinted);
  b.fit(1, subtitle, printedWidth);
  cols.forEach(([h, width], c) => {
    b.set(2, c, { value: h, style: 'header' });
    b.fit(2, h, width);
  });
  const verdictStyle = (r: RollupRow): StyleKey => (r.verdict === 'unreadable' ? 'status.invalid' : `verdict.${r.verdict}`);
  rows.forEach((row, i) => {
    const r = 3 + i;
    cols.forEach(([, , get, fmt], c) => {
      const style: StyleKey = c === verdictCol ? verdictStyle(row) : c === flagsCol && (row.sameNicheAs.length || row.overQuota || row.cityOver) ? 'status.warn' : 'wrap';
      const value = get(row, i);
      b.set(r, c, { value, style, ...(fmt ? { numberFormat: fmt } : {}) });
      // Rows as tall as their wrapped text (reasons, flags): nothing overprints the row below.
      if (typeof value === 'string' && value) b.fit(r, value, cols[c]![1]);
    });
  });
  // Below the table: each city's count (against its quota where the rulebook sets one), then each city over it.
  let below = 3 + rows.length + 1;
  const line = (value: string, style: StyleKey) => {
    b.set(below, 0, { value, style });
    b.merge(below, 0, below, lastPrinted);
    b.fit(below, value, printedWidth);
    below++;
  };
  const countsText = byCity.counts.map((c) => cityCountText(c, lang)).join(lang === 'zh-CN' ? '、' : '; ');
  if (byCity.counts.length) line(w(cities ? 'rollup.citiesQuota' : 'rollup.cities', { counts: countsText }), 'wrap');
  for (const f of byCity.findings) line(cityFindingText(f, lang), 'status.warn');
  const model: SheetModel = {
    name: ROLLUP_SHEET[lang],
    cells: b.cells,
    widths: cols.map(([, w]) => w),
    merges: b.merges,
    heights: b.heights,
    freeze: { rows: 3, cols: 2 },
    tabColor: '#70AD47',
  };
  // The printed columns one page wide; the figures stay on screen.
  model.print = pagePrint(model, { subject: w('rollup.title'), lang, repeatRows: [2, 2], repeatCols: [0, 1], columns: [0, lastPrinted] });
  return model;
}

function topReasons(row: RollupRow, lang: Lang): string {
  if (row.entry.error) return row.entry.error;
  const r = row.entry.report!;
  const severe = r.findings.filter((f) => f.status === 'veto' || f.status === 'fail');
  const rest = r.findings.filter((f) => f.status === 'missing' || f.status === 'invalid');
  const pick = [...severe, ...rest].slice(0, 3).map((f) => f.messages[lang]);
  const more = severe.length + rest.length - pick.length;
  return pick.join('\n') + (more > 0 ? `\n${t('rollup.more', lang, { n: more })}` : '');
}

function flags(row: RollupRow, lang: Lang): string {
  const out: string[] = [];
  if (row.sameNicheAs.length) out.push(t('rollup.sameNiche', lang, { rows: row.sameNicheAs.map((i) => i + 1) }));
  if (row.overQuota) out.push(t('committee.rollup.beyondQuota', lang));
  if (row.cityOver) out.push(cityFindingText(row.cityOver, lang));
  return out.join('\n');
}
