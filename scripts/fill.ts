/**
 * Builds a filled application workbook: the standard template with an applicant's values typed into its input
 * cells. Used to generate the bundled examples, the benchmark's batch and test workbooks; the values come from
 * readable JSON. Not part of the adapter in src/xlsx: no command of the tool builds filled applications.
 */
import ExcelJS from 'exceljs';
import {
  LIST_COLUMNS,
  LIST_FIRST_ROW,
  listSheetNames,
  listsFrom,
  EVIDENCE_COLUMNS,
  EVIDENCE_FIRST_ROW,
  evidenceRule,
  PLAN_COLUMNS,
  PLAN_FIRST_ROW,
  planDirections,
  planIndicators,
  planRule,
  loadRulebook,
  nameLists,
  creditCodeFor,
  type ListEntryValues,
  reviewSnapshot,
  standardLayout,
  templateModels,
  type CellSpec,
  type Indicator,
  type LoadedRulebook,
  type TemplateResult,
} from '../src/core/index.js';
import { writeMeta } from '../src/xlsx/meta.js';
import { renderSheet } from '../src/xlsx/render.js';
import { worksheetSnapshot } from '../src/xlsx/snapshot.js';

export interface ProvinceRows {
  id: string;
  edition: string;
  /** Insert the province's own indicators after this code. */
  insertAfter: string;
  indicators: Indicator[];
}

/**
 * A name list's entries: written out, and/or drawn from a pool of numbered example enterprises (`pool: [from, to]`,
 * inclusive), so lists that overlap (2.3–2.5) share enterprises by credit code exactly as the data says.
 */
export interface ListSpec {
  pool?: [number, number];
  entries?: ListEntryValues[];
}

export interface ExampleData {
  title: { zh: string; en: string };
  applicationYear: number;
  values: Record<string, CellSpec | CellSpec[] | null>;
  /** Name lists by the rulebook's list id (龙头企业 is "leading", …); a list left out stays empty. */
  lists?: Record<string, ListSpec>;
  /**
   * The plan's targets: `growth` sets every target from the latest figure (raised by that share a year, lowered for
   * a figure to fall); `targets` gives an indicator's targets as typed. Left out, the plan sheet stays empty.
   */
  plan?: { growth?: number; targets?: Record<string, Array<number | string | null>> };
  /** The index of supporting documents, one row each. */
  evidence?: Array<{ name: string; codes: string; page?: string }>;
  province?: ProvinceRows;
}

/** Example enterprise n of the pool: a name and a credit code valid in every part (GB 32100, its organisation code by GB 11714). */
export function poolEntry(n: number, entity: 'enterprise' | 'platform', level: string): ListEntryValues {
  const id = String(n).padStart(5, '0');
  return {
    name: entity === 'platform' ? `示例县轴承产业创新平台${n}` : `示例县第${n}轴承有限公司`,
    code: creditCodeFor('91330781', `MA2${id}`),
    level,
    // Within the titles' three-year validity at the 2025 application (rulebook lists: validityYears).
    year: 2022 + (n % 3),
  };
}

/** The entries a spec describes: the pool's first, then those written out. */
export function listEntries(spec: ListSpec, entity: 'enterprise' | 'platform', level: string): ListEntryValues[] {
  const out: ListEntryValues[] = [];
  if (spec.pool) for (let n = spec.pool[0]; n <= spec.pool[1]; n++) out.push(poolEntry(n, entity, level));
  out.push(...(spec.entries ?? []));
  return out;
}

/** A province's template rulebook: the national one with its own rows inserted (no checks of its own). */
export function provinceRulebook(base: LoadedRulebook, p: ProvinceRows): LoadedRulebook {
  const data = structuredClone(base.data) as unknown as { id: string; edition: string; indicators: unknown[] };
  data.id = p.id;
  data.edition = p.edition;
  const at = data.indicators.findIndex((i) => (i as Indicator).code === p.insertAfter);
  data.indicators.splice(at + 1, 0, ...p.indicators);
  return loadRulebook(data);
}

/** A value as an applicant types it: "32%" into a percent-formatted cell is the fraction 0.32. */
export function typed(v: CellSpec | null | undefined, ind: Indicator): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'value' in v) return typed(v.value, ind);
  if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  if (ind.kind === 'percent' && typeof v === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    if (m) return Number(m[1]) / 100;
  }
  return v;
}

/**
 * A template rendered as the examples are written (the same creator and date every run, so regenerated examples
 * stay as they are): its sheets, then its record.
 */
export async function exampleWorkbook({ sheets, meta }: TemplateResult): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review examples';
  wb.created = wb.modified = new Date(Date.UTC(2025, 2, 1));
  for (const model of sheets) await renderSheet(wb.addWorksheet(model.name), model);
  await writeMeta(wb, meta);
  return wb;
}

export async function filledWorkbook(rb: LoadedRulebook, data: ExampleData): Promise<ExcelJS.Workbook> {
  const templateRb = data.province ? provinceRulebook(rb, data.province) : rb;
  const models = templateModels(templateRb, data.applicationYear, 'zh-CN');
  const wb = await exampleWorkbook(models);
  const ws = wb.getWorksheet(models.sheets[1]!.name)!;
  const layout = standardLayout(templateRb, data.applicationYear);
  for (const { indicator, row, inputCols } of layout.rows) {
    const v = data.values[indicator.code];
    if (v === undefined) continue;
    const list = indicator.series ? (Array.isArray(v) ? v : []) : [v as CellSpec];
    list.forEach((x, i) => {
      const col = inputCols[i];
      if (col !== undefined) ws.getCell(row + 1, col + 1).value = typed(x, indicator);
    });
  }
  for (const list of nameLists(templateRb)) {
    const spec = data.lists?.[list.id];
    const sheet = wb.getWorksheet(list.sheet);
    if (!spec || !sheet) continue;
    listEntries(spec, list.entity, list.levels[0]!).forEach((e, i) => {
      const row = LIST_FIRST_ROW + i + 1;
      const put = (col: number, v: string | number | null | undefined) => {
        if (v !== undefined && v !== null) sheet.getCell(row, col + 1).value = v;
      };
      put(LIST_COLUMNS.name, e.name);
      put(LIST_COLUMNS.code, e.code);
      put(LIST_COLUMNS.level, e.level);
      put(LIST_COLUMNS.year, e.year);
    });
  }
  fillPlan(wb, templateRb, data);
  // Store what the template's formulas would show, as Excel would on saving.
  const review = reviewSnapshot(
    worksheetSnapshot(ws),
    templateRb,
    listsFrom(
      listSheetNames(templateRb, wb.worksheets.map((w) => w.name)).map((name) => worksheetSnapshot(wb.getWorksheet(name)!)),
      templateRb,
    ),
  );
  for (const check of templateRb.checks) {
    const rule = check.rule;
    if ((rule.kind !== 'growth' && rule.kind !== 'ratio') || !rule.derived) continue;
    const row = layout.rows.find((r) => r.indicator.code === rule.derived)!.row;
    const cell = ws.getCell(row + 1, 6);
    const f = review.findings.find((x) => x.check === check.id && typeof x.params.value === 'number' && x.code !== 'derived-mismatch');
    const formula = (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
    if (formula) cell.value = { formula, result: f ? (f.params.value as number) : '' } as ExcelJS.CellFormulaValue;
  }
  return wb;
}

/** Types the plan's targets and the evidence index into their sheets (rows as the template lays them out). */
function fillPlan(wb: ExcelJS.Workbook, rb: LoadedRulebook, data: ExampleData): void {
  const plan = planRule(rb);
  const sheet = plan && wb.getWorksheet(plan.sheet);
  if (plan && sheet && data.plan) {
    const dirs = planDirections(rb);
    planIndicators(rb).forEach((ind, i) => {
      const row = PLAN_FIRST_ROW + i + 1;
      const typed = data.plan!.targets?.[ind.code];
      const v = data.values[ind.code];
      const last = Array.isArray(v) ? v[v.length - 1] : v;
      // "32%" as the fraction the sheet holds.
      const latest = typeof last === 'string' && /^[\d.]+%$/.test(last) ? Number(last.slice(0, -1)) / 100 : last;
      for (let k = 0; k < plan.years; k++) {
        const col = PLAN_COLUMNS.firstYear + k + 1;
        if (typed) {
          const x = typed[k];
          if (x !== undefined && x !== null) sheet.getCell(row, col).value = x;
          continue;
        }
        if (typeof latest !== 'number' || data.plan!.growth === undefined) continue;
        const factor = (1 + (dirs.get(ind.code) === 'lower' ? -1 : 1) * data.plan!.growth) ** (k + 1);
        const target = latest * factor;
        sheet.getCell(row, col).value = ind.kind === 'integer' ? Math.ceil(target) : ind.kind === 'percent' ? Math.min(1, Number(target.toFixed(4))) : Number(target.toFixed(2));
      }
    });
  }
  const ev = evidenceRule(rb);
  const evSheet = ev && wb.getWorksheet(ev.sheet);
  if (evSheet && data.evidence)
    data.evidence.forEach((e, i) => {
      const row = EVIDENCE_FIRST_ROW + i + 1;
      evSheet.getCell(row, EVIDENCE_COLUMNS.name + 1).value = e.name;
      evSheet.getCell(row, EVIDENCE_COLUMNS.code + 1).value = e.codes;
      if (e.page) evSheet.getCell(row, EVIDENCE_COLUMNS.page + 1).value = e.page;
    });
}
