/**
 * The standard indicator workbook a province distributes, built from the rulebook: 填表说明 (instructions),
 * 指标表 (the indicator sheet: code, indicator, unit, three data-year columns headed by the actual years,
 * guidance), input cells marked and unlocked, everything else locked; 是/否 lists; percent formats.
 */
import { toA1 } from '../address.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Indicator, Rule } from '../rulebook/schema.js';
import type { Lang } from '../types.js';
import { COLUMNS, derivedCol, groupHeading, HEADER_ROW, INDICATOR_SHEET, standardLayout, TITLE_ROW } from '../template/layout.js';
import { TEMPLATE_VERSION, type WorkbookMeta } from './meta.js';
import { SheetBuilder, type CellModel, type SheetModel } from './sheet-model.js';

export const INSTRUCTIONS_SHEET = '填表说明';

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
  const zh = lang === 'zh-CN';
  switch (ind.kind) {
    case 'yesno':
      return zh ? '从下拉列表选择“是”或“否”' : 'Choose 是 (yes) or 否 (no)';
    case 'percent':
      return zh ? '填写百分比，如 75%' : 'A percentage, e.g. 75%';
    case 'integer':
      return zh ? `填写整数${ind.unit ? `（${ind.unit}）` : ''}` : `A whole number${ind.unit ? ` (${ind.unit})` : ''}`;
    case 'number':
      return zh ? `填写数值${ind.unit ? `（${ind.unit}）` : ''}` : `A number${ind.unit ? ` (${ind.unit})` : ''}`;
    case 'text':
      return zh ? '填写文字说明' : 'Text';
  }
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

export function templateModels(rb: LoadedRulebook, applicationYear: number, lang: Lang = 'zh-CN', password?: string): TemplateResult {
  const zh = lang === 'zh-CN';
  const pick = (x: { zh: string; en: string }) => (zh ? x.zh : x.en);
  const layout = standardLayout(rb, applicationYear);
  const b = new SheetBuilder();
  const last = COLUMNS.guidance;

  b.set(TITLE_ROW, 0, { value: zh ? `中小企业特色产业集群标准指标表（${applicationYear}年申报）` : `Standard indicator sheet — SME characteristic industrial clusters (${applicationYear} application)`, style: 'title' });
  b.merge(TITLE_ROW, 0, TITLE_ROW, last);
  b.heights[TITLE_ROW] = 26;
  const headers = [zh ? '代码' : 'Code', zh ? '指标' : 'Indicator', zh ? '单位' : 'Unit', ...layout.dataYears.map((y) => `${y}年`), zh ? '填报说明' : 'Guidance'];
  headers.forEach((h, col) => b.set(HEADER_ROW, col, { value: h, style: 'header' }));

  const rowOf = new Map(layout.rows.map((r) => [r.indicator.code, r.row]));
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
    b.set(row, COLUMNS.label, { value: pick(ind.label) + (ind.required || ind.derived ? '' : zh ? '（选填）' : ' (optional)'), style: 'wrap' });
    b.set(row, COLUMNS.unit, { value: ind.kind === 'percent' ? '%' : (ind.unit ?? ''), style: 'text' });
    const guidance = ind.guidance ? pick(ind.guidance) : defaultGuidance(ind, lang);
    b.set(row, COLUMNS.guidance, { value: guidance, style: 'muted' });
    for (let col = COLUMNS.firstYear; col < COLUMNS.firstYear + 3; col++) {
      const cell: Omit<CellModel, 'row' | 'col'> = inputCols.includes(col)
        ? {
            value: null,
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

  const indicators: SheetModel = {
    name: INDICATOR_SHEET,
    cells: b.cells,
    widths: [7, 46, 9, 14, 14, 14, 44],
    heights: b.heights,
    merges: b.merges,
    freeze: { rows: HEADER_ROW + 1, cols: 3 },
    print: { landscape: true, fitToWidth: true, repeatRows: [TITLE_ROW, HEADER_ROW] },
    protect: password ? { password } : {},
    tabColor: '#FFC000',
  };

  return {
    sheets: [instructionsModel(rb, applicationYear, lang), indicators],
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

function instructionsModel(rb: LoadedRulebook, year: number, lang: Lang): SheetModel {
  const zh = lang === 'zh-CN';
  const pick = (x: { zh: string; en: string }) => (zh ? x.zh : x.en);
  const years = [year - 3, year - 2, year - 1].join(zh ? '、' : ', ');
  const vetoes = rb.data.indicators.filter((i) => i.group === 'D').map((i) => `${i.code} ${pick(i.label)}`);
  const lines: Array<[string, string] | [string]> = zh
    ? [
        ['填表说明'],
        ['适用规则', `${pick(rb.data.name)}（${rb.data.edition}，${pick(rb.data.authority)}；规则指纹 ${rb.fingerprint.slice(0, 12)}）`],
        ['谁来填写', '由申报集群所在县级中小企业主管部门组织填写“指标表”中浅黄色单元格；灰色单元格和公式由模板维护，请勿修改。'],
        ['数据年度', `${year}年申报填写近三年数据：${years}年。“申报年度”填写${year}。只需填一个数值的指标填在最后一列（${year - 1}年）。`],
        ['单位', '按“单位”列填写，如“亿元”“万元”“家”。填写其他单位（如在亿元行填“4500万元”）会被换算并提示确认。'],
        ['是 / 否', '从下拉列表选择“是”或“否”。“是”表示存在该情形或已建立该机制；不得留空——空白不视为“否”。'],
        ['百分比', '直接填写如 75%（单元格已设为百分比格式）。不带%的数字含义不明，核验时会按规则理解并提示确认。'],
        ['计算项', '“产值年均增速”“每万人有效发明专利拥有量”由公式计算，核验时会重新计算。'],
        ['一票否决', `以下情形近三年如有发生，填“是”将导致一票否决：${vetoes.join('；')}。`],
        ['行与代码', '请勿修改“代码”列。各省可在表中插入本省补充指标行（使用新的代码），不影响核验；请勿合并数据单元格。'],
      ]
    : [
        ['Instructions'],
        ['Rulebook', `${pick(rb.data.name)} (${rb.data.edition}, ${pick(rb.data.authority)}; fingerprint ${rb.fingerprint.slice(0, 12)})`],
        ['Who fills it', 'The county-level SME authority of the applying cluster fills the light-yellow cells of the indicator sheet; grey cells and formulas belong to the template.'],
        ['Data years', `A ${year} application reports the last three years: ${years}. Application year: ${year}. Single values go in the last column (${year - 1}).`],
        ['Units', 'Use the unit of the row (亿元, 万元, 家 …). Another unit (e.g. 4500万元 in an 亿元 row) is converted and flagged for confirmation.'],
        ['是 / 否', 'Choose 是 (yes) or 否 (no). A blank is never read as 否.'],
        ['Percentages', 'Type e.g. 75% (the cells are percent-formatted).'],
        ['Computed rows', 'Average output growth and patents per 10,000 employees are formulas; the review recomputes them.'],
        ['Veto questions', `Answering 是 to any of these rejects the application: ${vetoes.join('; ')}.`],
        ['Rows and codes', 'Do not change the code column. Provinces may insert rows of their own with new codes; do not merge data cells.'],
      ];
  const b = new SheetBuilder();
  lines.forEach((line, i) => {
    if (line.length === 1) {
      b.set(i, 0, { value: line[0], style: 'title' });
      b.merge(i, 0, i, 1);
      return;
    }
    b.set(i, 0, { value: line[0], style: 'label' });
    b.set(i, 1, { value: line[1], style: 'wrap' });
    b.heights[i] = Math.max(20, Math.ceil(line[1].length / 45) * 16);
  });
  return { name: zh ? INSTRUCTIONS_SHEET : 'Instructions', cells: b.cells, widths: [16, 90], heights: b.heights, merges: b.merges, protect: {} };
}
