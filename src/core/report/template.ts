/**
 * The standard indicator workbook a province distributes, built from the rulebook: 填表说明 (instructions),
 * 指标表 (the indicator sheet: code, indicator, unit, three data-year columns headed by the actual years,
 * guidance), input cells marked and unlocked, everything else locked; 是/否 lists; percent formats.
 */
import { toA1 } from '../address.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Indicator, Rule } from '../rulebook/schema.js';
import { t } from '../text/index.js';
import type { Lang } from '../types.js';
import { COLUMNS, derivedCol, groupHeading, HEADER_ROW, INDICATOR_SHEET, standardLayout, TITLE_ROW } from '../template/layout.js';
import { nameLists } from '../template/lists.js';
import { listSheetModels } from './list-sheets.js';
import { evidenceSheetModel, indicatorTableHead, planInstructions, planSheetModel } from './plan-sheets.js';
import { TEMPLATE_VERSION, type WorkbookMeta } from './meta.js';
import { pagePrint } from './print.js';
import { SheetBuilder, type CellModel, type SheetModel } from './sheet-model.js';


export interface TemplateResult {
  sheets: SheetModel[];
  meta: WorkbookMeta;
}

function numberFormat(ind: Indicator): string | undefined {
  if (ind.kind === 'percent') return '0.0%';
  if (ind.kind === 'integer') return '0';
  if (ind.kind === 'number') return '#,##0.00';
  return undefined;
}

function defaultGuidance(ind: Indicator, lang: Lang): string {
  switch (ind.kind) {
    case 'yesno':
      return t('template.guidanceYesNo', lang);
    case 'percent':
      return t('template.guidancePercent', lang);
    case 'integer':
      return ind.unit ? t('template.guidanceIntegerUnit', lang, { unit: ind.unit }) : t('template.guidanceInteger', lang);
    case 'number':
      return ind.unit ? t('template.guidanceNumberUnit', lang, { unit: ind.unit }) : t('template.guidanceNumber', lang);
    case 'text':
      return t('template.guidanceText', lang);
  }
}

/** What follows a label: nothing for a required row, 选填, or "required when 6.2 is 是" for a conditional one. */
function requirementNote(ind: Indicator, lang: Lang, rb?: LoadedRulebook): string {
  if (ind.required || ind.derived) return '';
  if (ind.requiredIf) return t('template.requiredIf', lang, { indicator: ind.requiredIf.indicator, answer: ind.requiredIf.equals ? '是' : '否' });
  // The detail a 是 asks for (B7, the body 8.1 says exists): required then, not simply optional.
  const asking = rb?.checks.find((c) => c.rule.kind === 'yes-required' && c.rule.detail === ind.code);
  if (asking && asking.rule.kind === 'yes-required') return t('template.requiredIf', lang, { indicator: asking.rule.indicator, answer: '是' });
  return t('template.optional', lang);
}

/** The live formula a derived row shows the applicant; the checks always recompute it themselves. */
function derivedFormula(rule: Rule, rowOf: Map<string, number>, growthMethod: string): string | undefined {
  const at = (code: string, col: number) => toA1(rowOf.get(code)!, col);
  const [y3, y2, y1] = [COLUMNS.firstYear, COLUMNS.firstYear + 1, COLUMNS.firstYear + 2];
  if (rule.kind === 'growth') {
    const m = rule.method ?? growthMethod;
    const f =
      m === 'compound'
        ? `(${at(rule.indicator, y1)}/${at(rule.indicator, y3)})^(1/2)-1`
        : `((${at(rule.indicator, y2)}/${at(rule.indicator, y3)}-1)+(${at(rule.indicator, y1)}/${at(rule.indicator, y2)}-1))/2`;
    return `IFERROR(${f},"")`;
  }
  if (rule.kind === 'ratio') return `IFERROR(${at(rule.numerator, y1)}/${at(rule.denominator, y1)}*${rule.scale},"")`;
  return undefined;
}

/** `enterprises`: the cluster's enterprise count, when known: the lists of enterprises get that many rows. */
export function templateModels(rb: LoadedRulebook, applicationYear: number, lang: Lang = 'zh-CN', password?: string, opts: { enterprises?: number } = {}): TemplateResult {
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const layout = standardLayout(rb, applicationYear);
  const b = new SheetBuilder();
  const last = COLUMNS.guidance;

  indicatorTableHead(b, lang, {
    titleRow: TITLE_ROW,
    title: t('template.title', lang, { year: applicationYear }),
    lastCol: last,
    headerRow: HEADER_ROW,
    figures: layout.dataYears.map((year) => t('template.colYear', lang, { year })),
  });

  const rowOf = new Map(layout.rows.map((r) => [r.indicator.code, r.row]));
  const yearCode = rb.data.settings.identity.applicationYear;
  const titles = new Map([...rb.data.criteria, ...rb.data.groups].map((g) => [g.id, pick(g.title)]));
  for (const g of layout.groupRows) {
    b.set(g.row, 0, { value: '', style: 'group' });
    b.set(g.row, 1, { value: groupHeading(g.group, titles.get(g.group) ?? g.group), style: 'group' });
    b.merge(g.row, 1, g.row, last);
  }
  const derivedRule = new Map<string, Rule>();
  for (const c of rb.checks) if ((c.rule.kind === 'growth' || c.rule.kind === 'ratio') && c.rule.derived) derivedRule.set(c.rule.derived, c.rule);

  for (const { indicator: ind, row, inputCols } of layout.rows) {
    b.set(row, COLUMNS.code, { value: ind.code, style: 'text' });
    b.set(row, COLUMNS.label, { value: pick(ind.label) + requirementNote(ind, lang, rb), style: 'wrap' });
    b.set(row, COLUMNS.unit, { value: ind.kind === 'percent' ? '%' : (ind.unit ?? ''), style: 'text' });
    const guidance = ind.guidance ? pick(ind.guidance) : defaultGuidance(ind, lang);
    b.set(row, COLUMNS.guidance, { value: guidance, style: 'muted' });
    for (let col = COLUMNS.firstYear; col < COLUMNS.firstYear + 3; col++) {
      const cell: Omit<CellModel, 'row' | 'col'> = inputCols.includes(col)
        ? {
            // The application year is known when the template is made: B6 comes filled in.
            value: ind.code === yearCode ? applicationYear : null,
            input: 'applicant',
            style: 'applicantInput',
            ...(numberFormat(ind) ? { numberFormat: numberFormat(ind)! } : {}),
            ...(ind.kind === 'yesno' ? { validation: { kind: 'list' as const, values: ['是', '否'] } } : {}),
            ...(ind.min !== undefined && ind.max !== undefined && ind.kind === 'integer'
              ? { validation: { kind: 'whole' as const, min: ind.min, max: ind.max } }
              : {}),
          }
        : { value: null, style: 'locked' };
      if (ind.derived && col === derivedCol) {
        const rule = derivedRule.get(ind.code);
        const formula = rule ? derivedFormula(rule, rowOf, rb.data.settings.growthMethod) : undefined;
        if (formula) Object.assign(cell, { formula, result: '', numberFormat: numberFormat(ind) ?? 'General', style: 'computed' });
      }
      b.set(row, col, cell);
    }
  }

  const foot = stampBlocks(b, layout.end + 1, last, lang);

  const indicators: SheetModel = {
    name: INDICATOR_SHEET,
    cells: b.cells,
    widths: [7, 46, 9, 14, 14, 14, 44],
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: HEADER_ROW + 1, cols: 3 },
    protect: password ? { password } : {},
    tabColor: '#FFC000',
  };
  indicators.print = pagePrint(indicators, { subject: t('template.title', lang, { year: applicationYear }), lang, repeatRows: [TITLE_ROW, HEADER_ROW], keep: [foot] });
  // The seals on a page of their own (the form's 盖章页, under the repeated title): where a page ends above them depends
  // on how tall the county's texts make the rows, which no estimate knows, so they never depend on it.
  indicators.print = { ...indicators.print, rowBreaks: [...new Set([...(indicators.print.rowBreaks ?? []), foot[0]])].sort((a, b) => a - b) };

  return {
    sheets: [
      instructionsModel(rb, applicationYear, lang),
      indicators,
      ...listSheetModels(rb, applicationYear, lang, password, opts.enterprises),
      ...[planSheetModel(rb, applicationYear, lang, password), evidenceSheetModel(rb, lang, password)].filter((m): m is SheetModel => m !== null),
    ],
    meta: {
      format: 'cluster-review/meta@1',
      template: {
        version: TEMPLATE_VERSION,
        applicationYear,
        lang,
        rulebook: { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint },
      },
    },
  };
}

/**
 * The foot of the indicator sheet, one blank row below the last indicator: 申报单位（盖章） — the applicant's pledge, its
 * head's signature and seal with the date — then 推荐单位意见（盖章、日期） — room for the opinion, the head's signature
 * and the recommending authority's seal and date. Text cells with room for a seal (the texts' blank lines make the
 * rows tall), signed on paper; the two blocks print together on a page of their own. Column A holds no code, so the reader passes
 * them by. Returns the rows [first, last] to keep together.
 */
function stampBlocks(b: SheetBuilder, start: number, last: number, lang: Lang): [number, number] {
  const split = COLUMNS.unit;
  let r = start;
  const heading = (key: 'template.stampApplicant' | 'template.stampRecommender') => {
    b.set(r, 0, { value: t(key, lang), style: 'group' });
    b.merge(r, 0, r, last);
    r++;
  };
  const signed = (left: string) => {
    b.set(r, 0, { value: left, style: 'wrap' });
    b.merge(r, 0, r, split);
    b.set(r, split + 1, { value: t('template.stampSeal', lang), style: 'wrap' });
    b.merge(r, split + 1, r, last);
    r++;
  };
  heading('template.stampApplicant');
  signed(t('template.stampApplicantPledge', lang));
  r++;
  heading('template.stampRecommender');
  b.set(r, 0, { value: t('template.stampOpinion', lang), style: 'wrap' });
  b.merge(r, 0, r, last);
  r++;
  signed(t('template.stampHead', lang));
  return [start, r - 1];
}

function instructionsModel(rb: LoadedRulebook, year: number, lang: Lang): SheetModel {
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const vetoes = rb.data.indicators.filter((i) => i.group === 'D').map((i) => `${i.code} ${pick(i.label)}`);
  const d = rb.data;
  const lines: InstructionLine[] = [
    [t('template.instructionsTitle', lang)],
    [
      t('template.rulebookLabel', lang),
      t('template.rulebookValue', lang, { name: pick(d.name), edition: d.edition, authority: pick(d.authority), fingerprint: rb.fingerprint.slice(0, 12) }),
    ],
    [t('template.whoLabel', lang), t('template.whoValue', lang)],
    [t('template.yearsLabel', lang), t('template.yearsValue', lang, { year, years: [year - 3, year - 2, year - 1], latest: year - 1 })],
    [t('template.unitsLabel', lang), t('template.unitsValue', lang)],
    [t('template.yesNoLabel', lang), t('template.yesNoValue', lang)],
    [t('template.percentLabel', lang), t('template.percentValue', lang)],
    [t('template.computedLabel', lang), t('template.computedValue', lang)],
    [t('template.conditionalLabel', lang), t('template.conditionalValue', lang)],
    [t('template.vetoLabel', lang), t('template.vetoValue', lang, { vetoes: vetoes.join(t('template.vetoSep', lang)) })],
    [t('template.rowsLabel', lang), t('template.rowsValue', lang)],
    ...(nameLists(rb).length ? [[t('template.listsLabel', lang), t('template.listsValue', lang, { sheets: nameLists(rb).map((l) => l.sheet).join('、') })] as [string, string]] : []),
    ...planInstructions(rb, year, lang),
  ];
  return instructionsSheet(lines, lang, { subject: t('template.title', lang, { year }), minRowHeight: 20 });
}

/** A line of 填表说明: a title across both columns, or a label and its explanation. */
export type InstructionLine = [string, string] | [string];

/**
 * The 填表说明 sheet of a form the tool builds (the application template and the monitoring form): each line a
 * label and its wrapped explanation, rows tall enough for the text, printed portrait under `subject`.
 */
export function instructionsSheet(lines: InstructionLine[], lang: Lang, opts: { subject: string; minRowHeight?: number }): SheetModel {
  const b = new SheetBuilder();
  lines.forEach((line, i) => {
    if (line.length === 1) {
      b.set(i, 0, { value: line[0], style: 'title' });
      b.merge(i, 0, i, 1);
      return;
    }
    b.set(i, 0, { value: line[0], style: 'label' });
    b.set(i, 1, { value: line[1], style: 'wrap' });
    if (opts.minRowHeight !== undefined) b.heights[i] = opts.minRowHeight;
    b.fit(i, line[1], 90);
  });
  const model: SheetModel = { name: t('template.instructionsSheet', lang), cells: b.cells, widths: [16, 90], heights: b.heights, merges: b.merges, protect: {} };
  model.print = pagePrint(model, { subject: opts.subject, lang, portrait: true });
  return model;
}
