/**
 * Builds a filled annual monitoring form: the monitoring template with a cluster's values typed into its input
 * cells, from readable JSON (examples/monitoring/*.json). Not part of the adapter: no command fills forms.
 */
import ExcelJS from 'exceljs';
import { MCOLUMNS, monitoringForm, monitoringLayout, monitoringTemplateModels, type CellSpec, type Indicator, type LoadedRulebook } from '../src/core/index.js';
import { writeMeta } from '../src/xlsx/meta.js';
import { renderSheet } from '../src/xlsx/render.js';

export interface MonitoringExample {
  title: { zh: string; en: string };
  /** The monitoring year (the year the figures are for). */
  year: number;
  /** The reported value by code, or [plan target, reported] for a monitoring-year figure. */
  values: Record<string, CellSpec | [CellSpec, CellSpec] | null>;
}

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

export async function filledMonitoringForm(rb: LoadedRulebook, data: MonitoringExample): Promise<ExcelJS.Workbook> {
  const form = monitoringForm(rb);
  const { sheets, meta } = monitoringTemplateModels(form, data.year, 'zh-CN');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-review examples';
  wb.created = wb.modified = new Date(Date.UTC(2025, 2, 1));
  for (const model of sheets) await renderSheet(wb.addWorksheet(model.name), model);
  await writeMeta(wb, meta);
  const ws = wb.getWorksheet(sheets[1]!.name)!;
  for (const { indicator, row } of monitoringLayout(form).rows) {
    const v = data.values[indicator.code];
    if (v === undefined) continue;
    const [target, actual] = Array.isArray(v) ? v : [undefined, v];
    if (target !== undefined) ws.getCell(row + 1, MCOLUMNS.target + 1).value = typed(target, indicator);
    ws.getCell(row + 1, MCOLUMNS.actual + 1).value = typed(actual, indicator);
  }
  return wb;
}
