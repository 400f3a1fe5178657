/**
 * Builds a filled application workbook: the standard template with an applicant's values typed into its input
 * cells. Used to generate the bundled examples, the benchmark's batch and test workbooks; the values come from
 * readable JSON. Not part of the adapter in src/xlsx: no command of the tool builds filled applications.
 */
import ExcelJS from 'exceljs';
import {
  loadRulebook,
  reviewSnapshot,
  standardLayout,
  templateModels,
  type CellSpec,
  type Indicator,
  type LoadedRulebook,
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

export interface ExampleData {
  title: { zh: string; en: string };
  applicationYear: number;
  values: Record<string, CellSpec | CellSpec[] | null>;
  province?: ProvinceRows;
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
function typed(v: CellSpec | null | undefined, ind: Indicator): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'value' in v) return typed(v.value, ind);
  if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  if (ind.kind === 'percent' && typeof v === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    if (m) return Number(m[1]) / 100;
  }
  return v;
}

export async function filledWorkbook(rb: LoadedRulebook, data: ExampleData): Promise<ExcelJS.Workbook> {
  const templateRb = data.province ? provinceRulebook(rb, data.province) : rb;
  const { sheets, meta } = templateModels(templateRb, data.applicationYear, 'zh-CN');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review examples';
  wb.created = wb.modified = new Date(Date.UTC(2025, 2, 1));
  for (const model of sheets) await renderSheet(wb.addWorksheet(model.name), model);
  await writeMeta(wb, meta);
  const ws = wb.getWorksheet(sheets[1]!.name)!;
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
  // Store what the template's formulas would show, as Excel would on saving.
  const review = reviewSnapshot(worksheetSnapshot(ws), templateRb);
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
