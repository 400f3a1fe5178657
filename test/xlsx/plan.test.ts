/**
 * The plan and evidence sheets end to end (issue 12): the template's 规划目标 and 佐证材料目录, a passing example
 * with both, a target typed as text and an evidence row naming an unknown code caught by the CLI and flagged on
 * their own cells, and an old template without the two sheets still read (P1 and P2 missing, nothing failing).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_FIRST_ROW, EVIDENCE_FIRST_ROW, EVIDENCE_HEADER_ROW, planIndicators, type Report } from '../../src/core/index.js';
import { reviewFile, saveWorkbook } from '../../src/xlsx/workbook.js';
import { argbOf, cli, cliTemplate, load, noteOf, rb, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();

describe('plan targets and supporting documents in the workbook', () => {
  it('the template: targets beside a live current figure, plan years from the application year, inputs unlocked', async () => {
    const wb = await cliTemplate(dir);
    const ws = wb.getWorksheet('规划目标')!;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(2, c).value)).toEqual(['代码', '指标', '单位', '2024年实际值（基期）', '2025年', '2026年', '2027年']);
    const first = PLAN_FIRST_ROW + 1;
    expect(ws.getCell(first, 1).value).toBe(planIndicators(rb)[0]!.code);
    expect((ws.getCell(first, 4).value as { formula: string }).formula).toMatch(/^IF\(指标表!F\d+="","",指标表!F\d+\)$/);
    expect(ws.getCell(first, 5).protection?.locked).toBe(false);
    expect(argbOf(ws.getCell(first, 5))).toBe('FFFFF7D6');
    const ev = wb.getWorksheet('佐证材料目录')!;
    expect([1, 2, 3, 4, 5].map((c) => ev.getCell(2, c).value)).toEqual(['序号', '材料名称', '对应指标', '页码/文件名', '备注']);
    expect(ev.getCell(EVIDENCE_FIRST_ROW + 1, 3).numFmt).toBe('@');
  });

  it('a target typed as text and an evidence row naming an unknown code: invalid, flagged on their own cells', async () => {
    const path = await writeExample(dir, '01-passing', {}, 'bad.xlsx');
    const wb = await load(path);
    const plan = wb.getWorksheet('规划目标')!;
    const row = PLAN_FIRST_ROW + 1 + planIndicators(rb).findIndex((i) => i.code === '2.3');
    plan.getCell(row, 5).value = '五十';
    wb.getWorksheet('佐证材料目录')!.getCell(EVIDENCE_FIRST_ROW + 1, 3).value = '1.6、9.9';
    await saveWorkbook(wb, path, { force: true });
    const out = join(dir, 'bad.reviewed.xlsx');
    const run = await cli(['check', path, '-o', out, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as Report;
    const bad = report.findings.filter((f) => (f.check === 'P1' || f.check === 'P2') && f.status !== 'pass');
    expect(bad.map((f) => [f.check, f.code, f.status, f.cells])).toEqual([
      ['P1', 'plan-target-invalid', 'invalid', [`规划目标!E${row}`]],
      ['P2', 'evidence-code-unknown', 'invalid', [`佐证材料目录!C${EVIDENCE_FIRST_ROW + 1}`]],
    ]);
    expect(report.verdict).toBe('incomplete');
    const reviewed = await load(out);
    expect(noteOf(reviewed.getWorksheet('规划目标')!.getCell(row, 5))).toContain('“五十”');
    expect(noteOf(reviewed.getWorksheet('佐证材料目录')!.getCell(EVIDENCE_FIRST_ROW + 1, 3))).toContain('“9.9”');
  });

  it('a plan row whose code was deleted, evidence rows without a name or an indicator: missing, on their cells; the untouched example has none', async () => {
    const path = await writeExample(dir, '01-passing', {}, 'rows.xlsx');
    const wb = await load(path);
    const row = PLAN_FIRST_ROW + 1 + planIndicators(rb).findIndex((i) => i.code === '2.3');
    wb.getWorksheet('规划目标')!.getCell(row, 1).value = null;
    const ev = wb.getWorksheet('佐证材料目录')!;
    // The last filled entry (one-based): the entries start below the header.
    let last = EVIDENCE_FIRST_ROW;
    while (ev.getCell(last + 1, 2).value !== null) last++;
    ev.getCell(last + 1, 3).value = '1.6';
    ev.getCell(last + 1, 4).value = '第30页';
    ev.getCell(last + 2, 2).value = '补充说明';
    ev.getCell(last + 2, 4).value = '第31页';
    await saveWorkbook(wb, path, { force: true });
    const fr = await reviewFile(path, rb);
    const bad = fr.report.findings.filter((f) => (f.check === 'P1' || f.check === 'P2') && f.status !== 'pass');
    expect(bad.map((f) => [f.code, f.status, f.indicator ?? null, f.cells])).toEqual([
      ['plan-row-missing', 'missing', '2.3', []],
      ['evidence-name-missing', 'missing', null, [`佐证材料目录!B${last + 1}`]],
      ['evidence-code-missing', 'missing', null, [`佐证材料目录!C${last + 2}`]],
    ]);
    const clean = await reviewFile(await writeExample(dir, '01-passing', {}, 'clean.xlsx'), rb);
    const codes = new Set(clean.report.findings.map((f) => f.code));
    for (const c of ['plan-row-missing', 'evidence-name-missing', 'evidence-code-missing', 'evidence-header-not-found']) expect(codes.has(c), c).toBe(false);
  });

  it('an evidence sheet whose header was overwritten: evidence-header-not-found, flagged on A1 of the sheet', async () => {
    const path = await writeExample(dir, '01-passing', {}, 'header.xlsx');
    const wb = await load(path);
    const ev = wb.getWorksheet('佐证材料目录')!;
    for (let c = 1; c <= 5; c++) ev.getCell(EVIDENCE_HEADER_ROW + 1, c).value = `第${c}列`;
    await saveWorkbook(wb, path, { force: true });
    const out = join(dir, 'header.reviewed.xlsx');
    const run = await cli(['check', path, '-o', out, '--json']);
    const report = JSON.parse(run.out) as Report;
    expect(report.findings.filter((f) => f.check === 'P2').map((f) => [f.code, f.status, f.cells])).toEqual([['evidence-header-not-found', 'invalid', ['佐证材料目录!A1']]]);
    expect(noteOf((await load(out)).getWorksheet('佐证材料目录')!.getCell('A1'))).toContain('应有“材料名称”“对应指标”列');
  });

  it('an old template without the two sheets is still read: P1 and P2 missing, nothing fails', async () => {
    const path = await writeExample(dir, '01-passing', {}, 'old.xlsx');
    const wb = await load(path);
    for (const name of ['规划目标', '佐证材料目录']) wb.removeWorksheet(wb.getWorksheet(name)!.id);
    await saveWorkbook(wb, path, { force: true });
    const fr = await reviewFile(path, rb);
    expect(fr.report.findings.filter((f) => f.check === 'P1' || f.check === 'P2').map((f) => [f.code, f.status])).toEqual([
      ['plan-sheet-missing', 'missing'],
      ['evidence-sheet-missing', 'missing'],
    ]);
    expect(fr.report.findings.some((f) => f.status === 'fail')).toBe(false);
    expect(fr.report.verdict).toBe('incomplete');
  });

  it('a plan target edited in a reviewed copy: the re-check says the data changed; an untouched copy says nothing', async () => {
    const path = await writeExample(dir, '01-passing', {}, 'recheck.xlsx');
    const copy = join(dir, 'recheck.reviewed.xlsx');
    expect((await cli(['check', path, '-o', copy])).code).toBe(0);
    const same = await cli(['check', copy, '-o', join(dir, 'recheck.same.xlsx')]);
    expect(same.err).not.toContain('首次核验后已被修改');
    const wb = await load(copy);
    const row = PLAN_FIRST_ROW + 1 + planIndicators(rb).findIndex((i) => i.code === '2.3');
    const ws = wb.getWorksheet('规划目标')!;
    ws.getCell(row, 6).value = Number(ws.getCell(row, 6).value) + 5;
    const edited = join(dir, 'recheck.edited.xlsx');
    await saveWorkbook(wb, edited);
    const again = await cli(['check', edited, '-o', join(dir, 'recheck.again.xlsx')]);
    expect(again.err).toContain('填报的数据（指标，以及名单、规划目标、佐证材料目录）自 2025-06-01 09:30 首次核验后已被修改');
  });

  it('01-passing carries both and passes', async () => {
    const fr = await reviewFile(await writeExample(dir, '01-passing'), rb);
    expect(fr.report.findings.filter((f) => f.check === 'P1' || f.check === 'P2').map((f) => f.code)).toEqual(['plan-targets-complete', 'evidence-complete']);
    expect(fr.report.verdict).toBe('passed');
  });
});
