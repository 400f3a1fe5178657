/**
 * The annual monitoring form 年度培育情况信息表, described from the rulebook in force: the cluster's identity,
 * the monitoring-year indicators (the application's own codes, so a province compares years), the three-year
 * plan's target beside each figure, the dynamic-management items R1–R4, and the D questions asked for the
 * monitoring year (R5). The form is a rulebook "view": a LoadedRulebook whose indicators are the form's rows and
 * whose checks are R1–R6, so the message tables label and title its findings like an application's.
 */
import { loadRulebook, type LoadedRulebook } from '../rulebook/load.js';
import type { Check, Indicator, LocalText } from '../rulebook/schema.js';
import { planDirections, planIndicators, threeYearFigures, type Better } from '../template/plan.js';
import { t, type TextKey } from '../text/index.js';

export const MONITORING_SHEET = '培育情况表';
export const MONITORING_YEAR = 'M1';
const GROUPS = { identity: 'MB', indicators: 'MI', management: 'MR', negative: 'D' } as const;

/** The columns of the form: code, item, unit, plan target, reported value, guidance. */
export const MCOLUMNS = { code: 0, label: 1, unit: 2, target: 3, actual: 4, guidance: 5 } as const;
export const M_TITLE_ROW = 0;
export const M_HEADER_ROW = 1;
const M_FIRST_ROW = 2;

/** Change / filed pairs of R4 (主导产业, 空间范围, 运营管理机构). */
export const CHANGES: ReadonlyArray<{ changed: string; filed: string; item: 'industry' | 'scope' | 'body' }> = [
  { changed: 'R4.1', filed: 'R4.2', item: 'industry' },
  { changed: 'R4.3', filed: 'R4.4', item: 'scope' },
  { changed: 'R4.5', filed: 'R4.6', item: 'body' },
];

export type { Better };

export interface MonitoringForm {
  base: LoadedRulebook;
  /** The view: the form's rows as indicators, R1–R6 as checks. */
  rb: LoadedRulebook;
  /** Monitoring-year indicators (the application's codes) in rulebook order. */
  figures: string[];
  /** Whether a higher actual figure is better (a plan target is missed below it), by code. */
  better: ReadonlyMap<string, Better>;
  /** The D codes asked for the monitoring year. */
  negatives: string[];
  /** Figures whose plan target is a three-year count (7.1): a year's figure is not compared with it. */
  threeYear: ReadonlySet<string>;
}

const local = (key: TextKey, params?: Record<string, string | number>): LocalText => ({ zh: t(key, 'zh-CN', params), en: t(key, 'en-US', params) });

function negativeLabel(ind: Indicator): LocalText {
  const zh = ind.label.zh.replace(/^近三年/, t('monitoring.negativePrefix', 'zh-CN'));
  const en = ind.label.en.replace(/^In the last three years:/, t('monitoring.negativePrefix', 'en-US'));
  return { zh: zh === ind.label.zh ? `${t('monitoring.negativePrefix', 'zh-CN')}${ind.label.zh}` : zh, en: en === ind.label.en ? `${t('monitoring.negativePrefix', 'en-US')} ${ind.label.en}` : en };
}

const cache = new WeakMap<LoadedRulebook, MonitoringForm>();

/** The deadline words before the form exists (its guidance is part of it). */
const deadlineTableOf = (base: LoadedRulebook, lang: 'zh-CN' | 'en-US') => deadlineTableWords({ base } as MonitoringForm, lang);

export function monitoringForm(base: LoadedRulebook): MonitoringForm {
  const hit = cache.get(base);
  if (hit) return hit;
  const id = base.data.settings.identity;
  const yesno = (code: string, extra: Partial<Indicator> = {}): Indicator => ({
    code,
    label: local(`monitoring.row.${code}` as TextKey),
    group: GROUPS.management,
    kind: 'yesno',
    series: false,
    required: true,
    derived: false,
    ...extra,
  });
  const identity: Indicator[] = [id.name, id.province, id.county, id.leadingIndustry, id.nicheSector]
    .map((code) => base.indicators.get(code)!)
    .map((ind) => ({ ...ind, group: GROUPS.identity, series: false }));
  const years = base.data.settings.validityYears;
  identity.push(
    { code: MONITORING_YEAR, label: local('monitoring.row.M1'), group: GROUPS.identity, kind: 'integer', min: 2000, max: 2100, series: false, required: true, derived: false, guidance: local('monitoring.guide.M1') },
    { code: 'R1', label: local('monitoring.row.R1'), group: GROUPS.identity, kind: 'integer', min: 2000, max: 2100, series: false, required: true, derived: false, guidance: local('monitoring.guide.R1', { years }) },
    { code: 'R1.1', label: local('monitoring.row.R1.1'), group: GROUPS.identity, kind: 'integer', min: 2000, max: 2100, series: false, required: false, derived: false, guidance: local('monitoring.guide.R1.1') },
    { ...yesno('R1.2'), group: GROUPS.identity, required: false, guidance: local('monitoring.guide.R1.2') },
  );
  // The figures with a plan target: one definition with the application's plan sheet (../template/plan.ts).
  const figures = planIndicators(base);
  const management: Indicator[] = [
    yesno('R2'),
    { code: 'R3', label: local('monitoring.row.R3'), group: GROUPS.management, kind: 'text', series: false, required: true, derived: false, guidance: { zh: t('monitoring.guide.R3', 'zh-CN', { example: '2025-04-15', deadline: deadlineTableOf(base, 'zh-CN') }), en: t('monitoring.guide.R3', 'en-US', { example: '2025-04-15', deadline: deadlineTableOf(base, 'en-US') }) } },
    yesno('R3.1'),
    ...CHANGES.flatMap((c) => [yesno(c.changed), yesno(c.filed, { required: false, requiredIf: { indicator: c.changed, equals: true }, guidance: local('monitoring.guide.R4') })]),
  ];
  const negatives = base.data.indicators.filter((i) => i.group === 'D');
  const indicators: Indicator[] = [
    ...identity,
    ...figures.map((i) => ({ ...i, group: GROUPS.indicators, series: false, guidance: local('monitoring.guide.target') })),
    ...management,
    ...negatives.map((i) => ({ ...i, group: GROUPS.negative, series: false, label: negativeLabel(i), guidance: undefined })),
  ].map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as Indicator);
  const check = (n: number, criterion: string, indicator: string): Check => ({
    id: `R${n}`,
    criterion,
    title: local(`monitoring.check.R${n}` as TextKey),
    requirement: local(`monitoring.req.R${n}` as TextKey),
    rule: { kind: 'review', indicator },
  });
  // The form identifies the cluster without its city, and has no 市级推荐 stage: both are the application round's.
  const { city: _city, ...formIdentity } = id;
  const { cityRecommendation: _cities, ...rest } = structuredClone(base.data);
  const data = {
    ...rest,
    id: `${base.data.id}-monitoring`,
    settings: { ...structuredClone(base.data.settings), identity: { ...formIdentity, applicationYear: MONITORING_YEAR } },
    groups: [
      { id: GROUPS.identity, title: local('monitoring.group.identity') },
      { id: GROUPS.indicators, title: local('monitoring.group.indicators') },
      { id: GROUPS.management, title: local('monitoring.group.management') },
      { id: GROUPS.negative, title: local('monitoring.group.negative') },
    ],
    indicators,
    checks: [
      check(1, GROUPS.management, 'R1'),
      check(2, GROUPS.management, 'R2'),
      check(3, GROUPS.management, 'R3'),
      check(4, GROUPS.management, 'R4.1'),
      check(5, GROUPS.negative, negatives[0]?.code ?? 'R2'),
      check(6, GROUPS.indicators, figures[0]?.code ?? 'R1'),
    ],
  };
  const rb = loadRulebook(data);
  const dirs = planDirections(base);
  const form: MonitoringForm = {
    base,
    rb,
    figures: figures.map((i) => i.code),
    better: new Map(figures.map((i) => [i.code, dirs.get(i.code) ?? 'higher'])),
    negatives: negatives.map((i) => i.code),
    threeYear: threeYearFigures(base),
  };
  cache.set(base, form);
  return form;
}

/** The check an input of the form belongs to: R1.x to R1, R4.x to R4, a D question to R5, a figure to R6. */
export function ownerOf(form: MonitoringForm, code: string): string | undefined {
  const m = /^(R\d)(?:\.\d+)?$/.exec(code);
  if (m) return m[1];
  if (form.negatives.includes(code)) return 'R5';
  if (form.better.has(code)) return 'R6';
  return undefined;
}

/** "04-30" → "4月30日" / "30 April". */
export function deadlineWords(mmdd: string, lang: 'zh-CN' | 'en-US'): string {
  const [m, d] = mmdd.split('-').map(Number) as [number, number];
  if (lang === 'zh-CN') return `${m}月${d}日`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]}`;
}

/** The MM-DD deadline of a recognition batch: the rulebook's table by batch, else its single deadline. */
export function deadlineOfBatch(form: MonitoringForm, batch: number | null | undefined): string {
  const s = form.base.data.settings;
  const table = s.monitoringDeadlines;
  if (!table?.length || batch === null || batch === undefined) return s.monitoringDeadline;
  let found: string | undefined;
  for (const row of [...table].sort((a, b) => a.fromBatch - b.fromBatch)) if (row.fromBatch <= batch) found = row.deadline;
  return found ?? s.monitoringDeadline;
}

/**
 * The submission deadline for a monitoring year, as ISO "YYYY-MM-DD": the MM-DD of the cluster's recognition batch
 * (`batch`, its recognition year; unknown: the rulebook's single deadline) in the following year.
 */
export const deadlineFor = (form: MonitoringForm, monitoringYear: number, batch?: number | null): string => `${monitoringYear + 1}-${deadlineOfBatch(form, batch)}`;

/** The deadline in words for the form's guidance: by batch where the rulebook has a table ("2022—2023年批次4月30日；2024年起批次3月31日"). */
export function deadlineTableWords(form: MonitoringForm, lang: 'zh-CN' | 'en-US'): string {
  const s = form.base.data.settings;
  const table = [...(s.monitoringDeadlines ?? [])].sort((a, b) => a.fromBatch - b.fromBatch);
  if (!table.length) return deadlineWords(s.monitoringDeadline, lang);
  return table
    .map((row, i) => {
      const next = table[i + 1];
      const batches = next ? t('monitoring.deadline.batches', lang, { from: row.fromBatch, to: next.fromBatch - 1 }) : t('monitoring.deadline.batchesFrom', lang, { from: row.fromBatch });
      return `${batches}${deadlineWords(row.deadline, lang)}`;
    })
    .join(lang === 'zh-CN' ? '；' : '; ');
}

export interface MonitoringRow {
  indicator: Indicator;
  row: number;
  /** True when the row has a plan-target cell. */
  target: boolean;
}

export interface MonitoringLayout {
  sheet: string;
  rows: MonitoringRow[];
  groupRows: Array<{ group: string; row: number }>;
  end: number;
}

export function monitoringLayout(form: MonitoringForm): MonitoringLayout {
  const rows: MonitoringRow[] = [];
  const groupRows: Array<{ group: string; row: number }> = [];
  let r = M_FIRST_ROW;
  let group: string | undefined;
  for (const indicator of form.rb.data.indicators) {
    if (indicator.group !== group) {
      group = indicator.group;
      groupRows.push({ group, row: r++ });
    }
    rows.push({ indicator, row: r++, target: indicator.group === GROUPS.indicators });
  }
  return { sheet: MONITORING_SHEET, rows, groupRows, end: r };
}
