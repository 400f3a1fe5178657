/**
 * `monitor-template --application` (issues 12, 13): the monitoring form prefilled from the recognised application —
 * the cluster's identity and each plan figure's target for the monitoring year, read from its 规划目标 sheet through
 * the core — and without the option the form as before; a plan without the year, or a monitoring form given as the
 * application, said in words.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MCOLUMNS, MONITORING_SHEET, monitoringForm, monitoringLayout, monitoringPrefill, planTargetsOf, pickIndicatorSheet, readLists, type Review } from '../../src/core/index.js';
import { reviewFile } from '../../src/xlsx/workbook.js';
import { evidenceSheet, planSheet } from '../support/plan.js';
import { buildSnapshot, passingValues } from '../support/sheet.js';
import { cli, load, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
const form = monitoringForm(rb);
const layout = monitoringLayout(form);
const rowOf = (code: string) => layout.rows.find((r) => r.indicator.code === code)!.row + 1;
const id = rb.data.settings.identity;

describe('monitor-template --application', () => {
  it('prefills the identity and the year’s plan targets; the figures reported stay blank', async () => {
    const app = await writeExample(dir, '01-passing', {}, 'app.xlsx');
    const fr = await reviewFile(app, rb);
    const plan = planTargetsOf(fr.review.lists);
    const out = join(dir, 'form-2026.xlsx');
    const run = await cli(['monitor-template', '--year', '2026', '--application', app, '-o', out]);
    expect(run.code, run.err).toBe(0);
    const name = fr.report.cluster.name!;
    expect(run.err).toContain(`已按 ${app} 预填：集群“${name}”，2026年规划目标 ${form.figures.length} 项`);
    const ws = (await load(out)).getWorksheet(MONITORING_SHEET)!;
    const at = (code: string, col: number) => ws.getCell(rowOf(code), col + 1).value;
    expect([id.name, id.province, id.county, id.leadingIndustry, id.nicheSector].map((c) => at(c, MCOLUMNS.actual))).toEqual(
      [id.name, id.province, id.county, id.leadingIndustry, id.nicheSector].map((c) => fr.review.inputs.indicators.get(c)!.single!.value),
    );
    expect(at(id.name, MCOLUMNS.actual)).toBe(name);
    expect(form.figures.map((c) => at(c, MCOLUMNS.target))).toEqual(form.figures.map((c) => plan.get(c)!.get(2026)!));
    expect(form.figures.map((c) => at(c, MCOLUMNS.actual))).toEqual(form.figures.map(() => null));
    // Still inputs: the cluster corrects what changed.
    expect(ws.getCell(rowOf(form.figures[0]!), MCOLUMNS.target + 1).protection?.locked).toBe(false);
    expect(ws.getCell(rowOf(id.name), MCOLUMNS.actual + 1).protection?.locked).toBe(false);
    const guide = (await load(out)).worksheets[0]!;
    const texts: string[] = [];
    guide.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts).toContain(`集群身份信息和2026年的${form.figures.length}项规划目标已按认定申报表“app.xlsx”预填，请核对；如有变化请直接修改`);
  });

  it('without it, the form is as before: no identity, no targets', async () => {
    const out = join(dir, 'plain.xlsx');
    const run = await cli(['monitor-template', '--year', '2026', '-o', out]);
    expect(run.code, run.err).toBe(0);
    expect(run.err).not.toContain('预填');
    const ws = (await load(out)).getWorksheet(MONITORING_SHEET)!;
    expect(ws.getCell(rowOf(id.name), MCOLUMNS.actual + 1).value).toBeNull();
    expect(form.figures.map((c) => ws.getCell(rowOf(c), MCOLUMNS.target + 1).value)).toEqual(form.figures.map(() => null));
  });

  it('a year the plan does not cover: the targets left blank, and said', async () => {
    const app = await writeExample(dir, '01-passing', {}, 'app-late.xlsx');
    const out = join(dir, 'form-2030.xlsx');
    const run = await cli(['monitor-template', '--year', '2030', '--application', app, '-o', out]);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain('的规划目标中以下指标没有2030年可用的目标（空白或不是数字；核验该申报表可看到具体单元格；规划年度：2025、2026、2027），目标列留空');
    expect(run.err).toContain('2030年规划目标 0 项');
    const ws = (await load(out)).getWorksheet(MONITORING_SHEET)!;
    expect(ws.getCell(rowOf(id.name), MCOLUMNS.actual + 1).value).not.toBeNull();
    expect(form.figures.map((c) => ws.getCell(rowOf(c), MCOLUMNS.target + 1).value)).toEqual(form.figures.map(() => null));
  });

  it('a monitoring form given as the application: refused in words (exit 2), nothing written', async () => {
    const first = join(dir, 'a-form.xlsx');
    expect((await cli(['monitor-template', '--year', '2025', '-o', first])).code).toBe(0);
    const out = join(dir, 'never.xlsx');
    const run = await cli(['monitor-template', '--year', '2026', '--application', first, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('年度培育情况信息表');
    expect(run.err).not.toMatch(/at .*\.[jt]s:\d+/);
    expect((await import('node:fs')).existsSync(out)).toBe(false);
  });
});

describe('monitoringPrefill in the core', () => {
  const review = (sheets: Parameters<typeof readLists>[0]): Review => pickIndicatorSheet([buildSnapshot(rb, passingValues())], rb, readLists(sheets, rb))!.review;
  it('the targets of the monitoring year, by code; none missing when the plan covers the year', () => {
    const p = monitoringPrefill(form, review([planSheet(rb, { targets: { '2.3': [20, 22, 24] } }), evidenceSheet()]), 2026, 'a.xlsx');
    expect(p.targets.get('2.3')).toBe(22);
    expect(p.missing).toEqual([]);
    expect(p.planYears).toEqual([2025, 2026, 2027]);
  });
  it('a blank target is missing; without a plan sheet every figure is, and there are no plan years', () => {
    const blank = monitoringPrefill(form, review([planSheet(rb, { targets: { '2.3': [20, null, 24] } })]), 2026, 'a.xlsx');
    expect(blank.missing).toEqual(['2.3']);
    const none = monitoringPrefill(form, review([]), 2026, 'a.xlsx');
    expect(none.planYears).toEqual([]);
    expect(none.missing).toEqual(form.figures);
    expect(none.values.get(id.name)).toBe(passingValues()[id.name]);
  });
});
