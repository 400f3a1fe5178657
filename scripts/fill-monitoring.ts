/**
 * Builds a filled annual monitoring form: the monitoring template with a cluster's values typed into its input
 * cells, from readable JSON (examples/monitoring/*.json). Not part of the adapter: no command fills forms.
 */
import type ExcelJS from 'exceljs';
import { MCOLUMNS, monitoringForm, monitoringLayout, monitoringTemplateModels, type CellSpec, type LoadedRulebook } from '../src/core/index.js';
import { exampleWorkbook, typed } from './fill.js';

export interface MonitoringExample {
  title: { zh: string; en: string };
  /** The monitoring year (the year the figures are for). */
  year: number;
  /** The reported value by code, or [plan target, reported] for a monitoring-year figure. */
  values: Record<string, CellSpec | [CellSpec, CellSpec] | null>;
}

export async function filledMonitoringForm(rb: LoadedRulebook, data: MonitoringExample): Promise<ExcelJS.Workbook> {
  const form = monitoringForm(rb);
  const models = monitoringTemplateModels(form, data.year, 'zh-CN');
  const wb = await exampleWorkbook(models);
  const ws = wb.getWorksheet(models.sheets[1]!.name)!;
  for (const { indicator, row } of monitoringLayout(form).rows) {
    const v = data.values[indicator.code];
    if (v === undefined) continue;
    const [target, actual] = Array.isArray(v) ? v : [undefined, v];
    if (target !== undefined) ws.getCell(row + 1, MCOLUMNS.target + 1).value = typed(target, indicator);
    ws.getCell(row + 1, MCOLUMNS.actual + 1).value = typed(actual, indicator);
  }
  return wb;
}
