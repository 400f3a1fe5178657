/**
 * The monitoring form workbook a province distributes each year, built from the rulebook like the application
 * template: 填表说明 and 培育情况表 (code, item, unit, plan target, reported value, guidance), input cells marked
 * and unlocked, 是/否 lists, the monitoring year filled in. The hidden record says `form: 'monitoring'`, so the
 * tool tells this form from an application even when the sheet was renamed.
 */
import type { Indicator } from '../rulebook/schema.js';
import { TEMPLATE_VERSION, type WorkbookMeta } from '../report/meta.js';
import { pagePrint } from '../report/print.js';
import { SheetBuilder, type CellModel, type SheetModel } from '../report/sheet-model.js';
import { instructionsSheet, type InstructionLine } from '../report/template.js';
import { t } from '../text/index.js';
import { groupHeading, toRawCell, type CellSpec } from '../template/layout.js';
import type { Review } from '../review.js';
import type { Lang, RawCell, Snapshot } from '../types.js';
import { deadlineFor, deadlineTableWords, deadlineWords, M_HEADER_ROW, M_TITLE_ROW, MCOLUMNS, MONITORING_SHEET, MONITORING_YEAR, monitoringLayout, type MonitoringForm } from './form.js';
import { planTargetsOf } from './renewal.js';

function numberFormat(ind: Indicator): string | undefined {
  if (ind.kind === 'percent') return '0.0%';
  if (ind.kind === 'integer') return '0';
  if (ind.kind === 'number') return '#,##0.00';
  return undefined;
}

function inputCell(ind: Indicator, value: CellModel['value']): Omit<CellModel, 'row' | 'col'> {
  return {
    value,
    input: 'applicant',
    style: 'applicantInput',
    ...(numberFormat(ind) ? { numberFormat: numberFormat(ind)! } : {}),
    ...(ind.code === 'R3' ? { numberFormat: '@' } : {}),
    ...(ind.kind === 'yesno' ? { validation: { kind: 'list' as const, values: ['是', '否'] } } : {}),
    ...(ind.kind === 'integer' && ind.min !== undefined && ind.max !== undefined ? { validation: { kind: 'whole' as const, min: ind.min, max: ind.max } } : {}),
  };
}

/**
 * What the recognised application gives a monitoring form (`monitor-template --application`): the cluster's
 * identity (the rows the form shares with the application's codes: name, province, county, industry, sector) and
 * each plan figure's target for the monitoring year from the application's 规划目标 sheet (../template/plan.ts,
 * read as renewal review reads it). Cells stay inputs: the cluster corrects what changed.
 */
export interface MonitoringPrefill {
  /** The application's file name, said on the instructions sheet. */
  source: string;
  /** The identity values by code, as the application states them. */
  values: Map<string, string | number>;
  /** The monitoring year's target of each plan figure that has one. */
  targets: Map<string, number>;
  /** The plan figures without a target for the year (all of them when the plan does not cover the year). */
  missing: string[];
  /** The application's plan years; empty without a plan sheet (a template made before it). */
  planYears: number[];
}

export function monitoringPrefill(form: MonitoringForm, application: Pick<Review, 'inputs' | 'lists'>, year: number, source: string): MonitoringPrefill {
  const values = new Map<string, string | number>();
  for (const { indicator: ind } of monitoringLayout(form).rows) {
    if (!form.base.indicators.has(ind.code) || form.figures.includes(ind.code) || form.negatives.includes(ind.code)) continue;
    const c = application.inputs.indicators.get(ind.code)?.single;
    if (c?.state === 'ok' && (typeof c.value === 'string' || typeof c.value === 'number')) values.set(ind.code, c.value);
  }
  const plan = planTargetsOf(application.lists);
  const targets = new Map<string, number>();
  for (const code of form.figures) {
    const v = plan.get(code)?.get(year);
    if (v !== undefined) targets.set(code, v);
  }
  return { source, values, targets, missing: form.figures.filter((c) => !targets.has(c)), planYears: application.lists?.plan?.years.map((y) => y.year) ?? [] };
}

export function monitoringTemplateModels(form: MonitoringForm, year: number, lang: Lang = 'zh-CN', prefill?: MonitoringPrefill): { sheets: SheetModel[]; meta: WorkbookMeta } {
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const layout = monitoringLayout(form);
  const b = new SheetBuilder();
  const last = MCOLUMNS.guidance;
  b.set(M_TITLE_ROW, 0, { value: t('monitoring.title', lang, { year }), style: 'title' });
  b.merge(M_TITLE_ROW, 0, M_TITLE_ROW, last);
  b.heights[M_TITLE_ROW] = 26;
  [t('monitoring.colCode', lang), t('monitoring.colItem', lang), t('monitoring.colUnit', lang), t('monitoring.colTarget', lang), t('monitoring.colActual', lang), t('monitoring.colGuidance', lang)].forEach((h, col) =>
    b.set(M_HEADER_ROW, col, { value: h, style: 'header' }),
  );
  const titles = new Map(form.rb.data.groups.map((g) => [g.id, pick(g.title)]));
  for (const g of layout.groupRows) {
    b.set(g.row, 0, { value: '', style: 'group' });
    b.set(g.row, 1, { value: groupHeading(g.group, titles.get(g.group) ?? g.group), style: 'group' });
    b.merge(g.row, 1, g.row, last);
  }
  for (const { indicator: ind, row, target } of layout.rows) {
    b.set(row, MCOLUMNS.code, { value: ind.code, style: 'text' });
    const optional = !ind.required && !ind.requiredIf ? t('template.optional', lang) : '';
    b.set(row, MCOLUMNS.label, { value: pick(ind.label) + optional, style: 'wrap' });
    b.set(row, MCOLUMNS.unit, { value: ind.kind === 'percent' ? '%' : (ind.unit ?? ''), style: 'text' });
    b.set(row, MCOLUMNS.target, target ? inputCell(ind, prefill?.targets.get(ind.code) ?? null) : { value: null, style: 'locked' });
    b.set(row, MCOLUMNS.actual, inputCell(ind, ind.code === MONITORING_YEAR ? year : (prefill?.values.get(ind.code) ?? null)));
    b.set(row, MCOLUMNS.guidance, { value: ind.guidance ? pick(ind.guidance) : '', style: 'muted' });
  }
  const sheet: SheetModel = {
    name: MONITORING_SHEET,
    cells: b.cells,
    widths: [7, 46, 9, 14, 16, 44],
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: M_HEADER_ROW + 1, cols: 3 },
    protect: {},
    tabColor: '#70AD47',
  };
  const subject = t('monitoring.title', lang, { year });
  sheet.print = pagePrint(sheet, { subject, lang, repeatRows: [M_TITLE_ROW, M_HEADER_ROW] });
  const guide = instructions(form, year, lang, subject, prefill);
  return {
    sheets: [guide, sheet],
    meta: {
      format: 'cluster-review/meta@1',
      template: {
        version: TEMPLATE_VERSION,
        applicationYear: year,
        lang,
        rulebook: { id: form.base.data.id, edition: form.base.data.edition, fingerprint: form.base.fingerprint },
        form: 'monitoring',
      },
    },
  };
}

function instructions(form: MonitoringForm, year: number, lang: Lang, subject: string, prefill?: MonitoringPrefill): SheetModel {
  const d = form.base.data;
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const deadline = deadlineFor(form, year);
  const lines: InstructionLine[] = [
    [t('template.instructionsTitle', lang)],
    [
      t('template.rulebookLabel', lang),
      t('template.rulebookValue', lang, { name: pick(d.name), edition: d.edition, authority: pick(d.authority), fingerprint: form.base.fingerprint.slice(0, 12) }),
    ],
    [t('monitoring.instructions.whoLabel', lang), t('monitoring.instructions.who', lang, {
        // By recognition batch where the rulebook has a table (4月30日 for the 2022–2023 batches, 3月31日 from 2024).
        deadline: d.settings.monitoringDeadlines?.length
          ? t('monitoring.deadline.byBatch', lang, { table: deadlineTableWords(form, lang) })
          : `${deadlineWords(d.settings.monitoringDeadline, lang)} (${deadline})`,
      })],
    [t('template.rowsLabel', lang), t('monitoring.instructions.codes', lang)],
    [t('template.yesNoLabel', lang), t('template.yesNoValue', lang)],
    [t('template.percentLabel', lang), t('template.percentValue', lang)],
    [t('monitoring.instructions.revokeLabel', lang), t('monitoring.instructions.revoke', lang)],
    ...(prefill ? [[t('monitoring.instructions.prefillLabel', lang), t('monitoring.instructions.prefill', lang, { file: prefill.source, year, targets: prefill.targets.size })] as [string, string]] : []),
  ];
  return instructionsSheet(lines, lang, { subject });
}

/** Values of a filled form by code: the reported value, or [target, reported] for a monitoring-year figure. */
export type MonitoringValues = Record<string, CellSpec | [CellSpec, CellSpec] | undefined>;

/** The Snapshot an adapter would read from a form filled with these values (tests, examples). */
export function monitoringSnapshot(form: MonitoringForm, year: number, values: MonitoringValues, opts: { omit?: string[]; sheet?: string } = {}): Snapshot {
  const layout = monitoringLayout(form);
  const header = ['monitoring.colCode', 'monitoring.colItem', 'monitoring.colUnit', 'monitoring.colTarget', 'monitoring.colActual', 'monitoring.colGuidance'] as const;
  const rows: Array<Array<RawCell | null>> = [[{ value: t('monitoring.title', 'zh-CN', { year }) }], header.map((k) => ({ value: t(k, 'zh-CN') }))];
  const groupAt = new Map(layout.groupRows.map((g) => [g.row, g.group]));
  for (let r = layout.groupRows[0]!.row; r < layout.end; r++) {
    if (groupAt.has(r)) {
      rows.push([null, { value: groupAt.get(r)! }]);
      continue;
    }
    const { indicator: ind } = layout.rows.find((x) => x.row === r)!;
    if (opts.omit?.includes(ind.code)) continue;
    const v = values[ind.code];
    const [target, actual] = Array.isArray(v) ? v : [undefined, ind.code === MONITORING_YEAR && v === undefined ? year : v];
    rows.push([{ value: ind.code }, { value: ind.label.zh }, { value: ind.unit ?? '' }, toRawCell(target), toRawCell(actual), null]);
  }
  return { sheet: opts.sheet ?? MONITORING_SHEET, cells: rows };
}

