/**
 * Hostile (issue 20, item 2): impossible monitoring years and dates are findings. A form dated before the year it
 * reports on has ended (a form for 2099 submitted in 2025) cannot be true.
 */
import { describe, expect, it } from 'vitest';
import { monitoringForm, monitoringSnapshot, nationalRulebook, reviewMonitoring, type MonitoringValues } from '../../src/core/index.js';
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
