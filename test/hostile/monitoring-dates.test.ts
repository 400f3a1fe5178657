/**
 * Hostile (issue 20, item 2): impossible monitoring years and dates are findings. A form dated before the year it
 * reports on has ended (a form for 2099 submitted in 2025) cannot be true, nor can a year or a receipt date after
 * today (issue 20's item 4 follow-up): the adapter passes its today, fixed here, never the real clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monitoringForm, monitoringReport, monitoringSnapshot, nationalRulebook, reviewMonitoring, type MonitoringValues } from '../../src/core/index.js';
import { tempDir } from '../support/files.js';
import { MONITORING_YEAR, normalMonitoring } from '../support/monitoring.js';

const form = monitoringForm(nationalRulebook());
const review = (year: number, patch: MonitoringValues) => reviewMonitoring(monitoringSnapshot(form, year, { ...normalMonitoring(form), M1: year, ...patch }), form);

describe('impossible monitoring years and dates', () => {
  it('a form for 2099 submitted on 2025-04-15 is invalid, not on time', () => {
    const r = review(2099, { R3: '2025-04-15' });
    expect(r.findings.filter((f) => f.indicator === 'R3').map((f) => `${f.code}:${f.status}`)).toEqual(['r3-before-year-end:invalid']);
    expect(r.verdict).not.toBe('normal');
  });

  it('a form dated before the year it reports on ended (2024 reported on 2024-06-30) is invalid', () => {
    const r = review(MONITORING_YEAR, { R3: '2024-06-30' });
    const f = r.findings.find((x) => x.code === 'r3-before-year-end');
    expect(f?.status).toBe('invalid');
  });
});

describe('a year or date after today (the adapter passes its today; the core has no clock)', () => {
  const TODAY = '2025-06-01';
  const at = (year: number, patch: MonitoringValues) => reviewMonitoring(monitoringSnapshot(form, year, { ...normalMonitoring(form), M1: year, ...patch }), form, {}, TODAY);

  it('a form dated 2100 reporting on 2099: 日期晚于今天 and the year in the future, never on time, never 正常', () => {
    const r = at(2099, { R3: '2100-01-15' });
    const codes = r.findings.filter((f) => f.status === 'invalid').map((f) => `${f.indicator}:${f.code}`);
    expect(codes).toEqual(expect.arrayContaining(['M1:m1-in-future', 'R3:r3-after-today']));
    expect(r.findings.some((f) => f.code === 'r3-on-time' || f.code === 'r3-late')).toBe(false);
    expect(r.verdict).not.toBe('normal');
    const report = monitoringReport(r, form);
    const words = report.findings.map((f) => f.messages['zh-CN']).join('\n');
    expect(words).toContain('日期晚于今天');
    expect(words).toContain('年度在未来');
    expect(report.findings.map((f) => f.messages['en-US']).join('\n')).toContain('a year in the future');
  });

  it('a receipt date after today for a past year is invalid; today itself is on time', () => {
    expect(at(2024, { R3: '2025-06-02' }).findings.find((f) => f.indicator === 'R3')?.code).toBe('r3-after-today');
    expect(at(2024, { R3: TODAY }).findings.find((f) => f.indicator === 'R3')?.code).toBe('r3-late');
    expect(at(2024, { R3: '2025-04-15' }).findings.find((f) => f.indicator === 'R3')?.code).toBe('r3-on-time');
    // The current year is not in the future (R3 says whether it has ended); next year is.
    expect(at(2025, { R3: '2026-01-10' }).findings.some((f) => f.code === 'm1-in-future')).toBe(false);
    expect(at(2026, { R3: '2027-01-10' }).findings.some((f) => f.code === 'm1-in-future')).toBe(true);
  });

  it('without a today (a caller that gives none) nothing is judged against a clock', () => {
    const r = reviewMonitoring(monitoringSnapshot(form, 2099, { ...normalMonitoring(form), M1: 2099, R3: '2100-01-15' }), form);
    expect(r.findings.some((f) => f.code === 'm1-in-future' || f.code === 'r3-after-today')).toBe(false);
  });

  it('the command line passes its today: monitor and check with a fixed clock refuse the 2099 form as not 正常', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { filledMonitoringForm } = await import('../../scripts/fill-monitoring.js');
    const { saveWorkbook } = await import('../../src/xlsx/workbook.js');
    const dir = tempDir();
    const data = JSON.parse(readFileSync('examples/monitoring/01-normal.json', 'utf8')) as Parameters<typeof filledMonitoringForm>[1];
    const file = join(dir, 'form-2099.xlsx');
    await saveWorkbook(await filledMonitoringForm(nationalRulebook(), { ...data, year: 2099, values: { ...data.values, R1: 2098, R3: '2100-01-15' } }), file);
    let out = '';
    const io = { out: (s: string) => void (out += s), err: (s: string) => void (out += s), now: () => new Date(2025, 5, 1, 12) };
    expect(await main(['monitor', file, '-o', join(dir, 'reg.xlsx'), '--json', '--year', '2025'], io)).toBe(1);
    const [report] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ verdict: string; findings: Array<{ code: string }> }>;
    expect(report!.verdict).not.toBe('normal');
    expect(report!.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['m1-in-future', 'r3-after-today']));
    out = '';
    expect(await main(['check', file, '-o', join(dir, 'checked.xlsx')], io)).toBe(1);
    expect(out).toContain('日期晚于今天');
    expect(out).toContain('年度在未来');
  }, 120_000);
});
