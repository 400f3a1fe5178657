import { describe, expect, it } from 'vitest';
import {
  MESSAGE_TABLES,
  formKind,
  loadRulebook,
  monitoringForm,
  monitoringReport,
  monitoringSnapshot,
  nationalRulebook,
  reviewMonitoring,
  type MonitoringValues,
} from '../../src/core/index.js';
import { MONITORING_YEAR, normalMonitoring, patchedSnapshot } from '../support/monitoring.js';

const rb = nationalRulebook();
const form = monitoringForm(rb);
const YEAR = MONITORING_YEAR;
const normal = (): MonitoringValues => normalMonitoring(form);

const review = (patch: MonitoringValues = {}, base = form) => reviewMonitoring(patchedSnapshot(patch, base), base);
const codes = (patch: MonitoringValues, check: string) => review(patch).findings.filter((f) => f.check === check).map((f) => `${f.code}:${f.status}`);

describe('the monitoring form', () => {
  it('a normal form is 正常 with every R check passed', () => {
    const r = review();
    expect(r.findings.filter((f) => f.status !== 'pass')).toEqual([]);
    expect(r.verdict).toBe('normal');
    const rep = monitoringReport(r, form);
    expect(rep.verdictText['zh-CN']).toBe('正常');
    expect(rep.onTime).toBe(true);
    expect(rep.renewalYear).toBe(2025);
    expect(rep.dueForRenewal).toBe(true);
  });

  it('uses the application codes for the monitoring-year figures', () => {
    expect(form.figures).toContain('1.6');
    expect(form.figures).toContain('4.4');
    expect(form.negatives).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9']);
  });

  it('is recognised by its record, its sheet name or its R codes', () => {
    expect(formKind({ names: ['x'], meta: { format: 'cluster-review/meta@1', template: { version: '1', applicationYear: 2024, lang: 'zh-CN', rulebook: { id: 'a', edition: 'b', fingerprint: 'c' }, form: 'monitoring' } } })).toBe('monitoring');
    expect(formKind({ names: ['填表说明', '培育情况表'], meta: null })).toBe('monitoring');
    expect(formKind({ names: ['Sheet1'], meta: null, found: { snapshot: monitoringSnapshot(form, YEAR, normal()) } })).toBe('monitoring');
    expect(formKind({ names: ['填表说明', '指标表'], meta: null })).toBe('application');
  });
});

describe('R1 validity and renewal (Art. 17 (1))', () => {
  it('before the renewal year: valid', () => {
    expect(codes({ R1: 2023 }, 'R1')).toEqual(['r1-valid:pass']);
  });
  it('in the renewal year: 是 passes, 否 is a reminder (the window is still open: no ground yet), blank is missing', () => {
    expect(codes({ R1: 2022, 'R1.2': '是' }, 'R1')).toEqual(['r1-renewal-applied:pass']);
    expect(codes({ R1: 2022, 'R1.2': '否' }, 'R1')).toEqual(['r1-renewal-due:warn']);
    expect(codes({ R1: 2022, 'R1.2': null }, 'R1')).toEqual(['missing-input:missing']);
    const r = review({ R1: 2022, 'R1.2': '否' });
    expect(r.verdict).toBe('attention');
    expect(r.grounds).toEqual([]);
  });
  it('after the renewal year: expired (ground 1), unless a renewal passed', () => {
    // On the cluster's own recognition year the ground is to be verified (fail); on the roster it is established.
    expect(codes({ R1: 2021 }, 'R1')).toEqual(['r1-expired:fail']);
    expect(codes({ R1: 2021, 'R1.1': 2024 }, 'R1')).toEqual(['r1-valid:pass']);
  });
  it('validity is the rulebook setting', () => {
    const data = structuredClone(rb.data);
    data.settings.validityYears = 4;
    const f4 = monitoringForm(loadRulebook(data));
    expect(review({ R1: 2021 }, f4).findings.filter((f) => f.check === 'R1').map((f) => f.code)).toEqual(['r1-renewal-applied']);
    expect(review({ R1: 2020 }, f4).findings.filter((f) => f.check === 'R1').map((f) => f.code)).toEqual(['r1-expired']);
  });
});

describe('R2 false declaration or violations (Art. 17 (2))', () => {
  it('否 passes; 是 is a veto → 建议撤销认定（第十七条第二项）', () => {
    expect(codes({}, 'R2')).toEqual(['r2-none:pass']);
    const r = review({ R2: '是' });
    expect(r.findings.filter((f) => f.check === 'R2').map((f) => `${f.code}:${f.status}`)).toEqual(['r2-violation:veto']);
    expect(r.verdict).toBe('revoke');
    expect(monitoringReport(r, form).verdictText['zh-CN']).toBe('建议撤销认定（第十七条第二项）');
  });
});

describe('R3 submission by the deadline, cooperation (Art. 17 (3))', () => {
  it('the deadline day itself is on time; the day after is late', () => {
    expect(codes({ R3: '2025-04-30' }, 'R3')).toEqual(['r3-on-time:pass', 'r3-cooperating:pass']);
    // R3 is the province's date of receipt: late by it is an established ground (veto).
    expect(codes({ R3: '2025-05-01' }, 'R3')).toEqual(['r3-late:veto', 'r3-cooperating:pass']);
    expect(codes({ R3: '2025年4月30日' }, 'R3')).toEqual(['r3-on-time:pass', 'r3-cooperating:pass']);
    // 45777 is 2025-04-30 as an Excel serial (what Office.js gives for a date cell).
    expect(codes({ R3: 45777 }, 'R3')).toEqual(['r3-on-time:pass', 'r3-cooperating:pass']);
    expect(codes({ R3: 45778 }, 'R3')).toEqual(['r3-late:veto', 'r3-cooperating:pass']);
  });
  it('the deadline is the rulebook setting (3月31日 in later notices)', () => {
    const data = structuredClone(rb.data);
    data.settings.monitoringDeadline = '03-31';
    delete data.settings.monitoringDeadlines;
    const f = monitoringForm(loadRulebook(data));
    const c = (d: string) => review({ R3: d }, f).findings.find((x) => x.indicator === 'R3')!.code;
    expect(c('2025-03-31')).toBe('r3-on-time');
    expect(c('2025-04-01')).toBe('r3-late');
  });
  it('not cooperating fails; a date that is not one is invalid', () => {
    expect(codes({ 'R3.1': '否' }, 'R3')).toEqual(['r3-on-time:pass', 'r3-not-cooperating:fail']);
    expect(codes({ R3: '2025-02-30' }, 'R3')).toEqual(['r3-date-invalid:invalid', 'r3-cooperating:pass']);
    const r = review({ R3: '2025-05-01' });
    expect(r.verdict).toBe('revoke');
    expect(monitoringReport(r, form).verdictText['zh-CN']).toBe('建议撤销认定（第十七条第三项）');
    expect(monitoringReport(review({ 'R3.1': '否' }), form).verdictText['zh-CN']).toBe('存在撤销认定情形（第十七条第三项），待核实');
  });
});

describe('R4 major changes filed (Art. 17 (4))', () => {
  it('unchanged and changed-and-filed pass; changed and not filed fails; changed with no answer is missing', () => {
    expect(codes({ 'R4.1': '是', 'R4.2': '是' }, 'R4')).toEqual(['r4-filed:pass', 'r4-unchanged:pass', 'r4-unchanged:pass']);
    expect(codes({ 'R4.3': '是', 'R4.4': '否' }, 'R4')).toEqual(['r4-unchanged:pass', 'r4-not-filed:fail', 'r4-unchanged:pass']);
    expect(codes({ 'R4.5': '是' }, 'R4')).toEqual(['r4-unchanged:pass', 'r4-unchanged:pass', 'missing-input:missing']);
    expect(review({ 'R4.5': '是', 'R4.6': '否' }).grounds).toEqual([4]);
  });
});

describe('R5 D1–D9 in the monitoring year (Art. 17 (5))', () => {
  it('all 否 passes; any 是 is a veto naming ground 5', () => {
    expect(codes({}, 'R5')).toEqual(['r5-none:pass']);
    for (const d of form.negatives) {
      const r = review({ [d]: '是' });
      expect(r.findings.filter((f) => f.check === 'R5').map((f) => `${f.code}:${f.status}:${f.indicator}`)).toEqual([`r5-event:veto:${d}`]);
      expect(r.verdict).toBe('revoke');
      expect(r.grounds).toEqual([5]);
    }
  });
});

describe('R6 plan targets (warn, for the renewal panel)', () => {
  it('equal to the target meets it; below is a warning: 需关注, citing no ground', () => {
    expect(codes({ '1.6': [50, 50] }, 'R6')).toEqual(['r6-met:pass']);
    expect(codes({ '1.6': [50, 49.99] }, 'R6')).toEqual(['r6-below-target:warn']);
    expect(review({ '1.6': [50, 49.99] }).verdict).toBe('attention');
    expect(review({ '1.6': [50, 49.99] }).grounds).toEqual([]);
  });
  it('a lower-is-better figure (6.1 carbon per output) misses above its target', () => {
    expect(codes({ '6.1': [0.5, 0.5] }, 'R6')).toEqual(['r6-met:pass']);
    expect(codes({ '6.1': [0.5, 0.51] }, 'R6')).toEqual(['r6-above-target:warn']);
  });
});

describe('the monitoring verdict', () => {
  it('veto outranks fail outranks missing data; grounds are named', () => {
    const r = review({ R2: '是', R3: '2025-05-01', D3: '是' });
    expect(r.verdict).toBe('revoke');
    expect(r.grounds).toEqual([2, 3, 5]);
    expect(monitoringReport(r, form).verdictText['zh-CN']).toBe('建议撤销认定（第十七条第二项、第十七条第三项、第十七条第五项）');
    expect(review({ R3: '2025-05-01', '1.6': null }).grounds).toEqual([3]);
    const inc = review({ '1.6': null });
    expect(inc.verdict).toBe('attention');
    expect(inc.incomplete).toBe(true);
    expect(monitoringReport(inc, form).verdictText['en-US']).toBe('Needs attention (data incomplete)');
  });
  it('every finding has a message in both languages, never its bare code', () => {
    const r = monitoringReport(review({ R2: '是', R3: '2025-05-01', 'R4.1': '是', 'R4.2': '否', D1: '是', '1.6': [50, 40], '6.1': [0.5, 0.6], 'R3.1': '否' }), form);
    for (const f of r.findings) for (const lang of ['zh-CN', 'en-US'] as const) expect(f.messages[lang], f.code).not.toBe(f.code);
    expect(r.findings.find((f) => f.code === 'r3-late')!.messages['zh-CN']).toContain('晚于截止日期2025-04-30');
  });
});

describe('monitoring messages', () => {
  it('every monitoring code of the message tables is produced here, and its words have no gaps', () => {
    const patches: MonitoringValues[] = [
      {}, { R1: 2023 }, { R1: 2022, 'R1.2': '否' }, { R1: 2021 }, { R1: 2025 }, { R2: '是' }, { R3: '2025-05-01' }, { R3: 'soon' }, { R3: '2024-06-30' }, { 'R3.1': '否' },
      { 'R4.1': '是', 'R4.2': '是' }, { 'R4.3': '是', 'R4.4': '否' }, { D1: '是' }, { '1.6': [50, 50] }, { '1.6': [50, 40] }, { '6.1': [0.5, 0.6] },
      { '1.5': [50, 60] }, { '7.1': [6, 1] },
    ];
    const produced = new Set<string>();
    const facts = [{ recognitionYear: 2022, renewalFailed: true }];
    for (const p of patches)
      for (const f of monitoringReport(review(p), form).findings) {
        produced.add(f.code);
        for (const m of Object.values(f.messages)) expect(m, `${f.code}: ${m}`).not.toMatch(/undefined|NaN|\[object|null/);
      }
    for (const fact of facts)
      for (const f of monitoringReport(reviewMonitoring(monitoringSnapshot(form, YEAR, normal()), form, fact), form).findings) {
        produced.add(f.code);
        for (const m of Object.values(f.messages)) expect(m, `${f.code}: ${m}`).not.toMatch(/undefined|NaN|\[object|null/);
      }
    // A receipt after the adapter's today (r3-after-today): the core judges it only when given a today.
    for (const f of monitoringReport(reviewMonitoring(monitoringSnapshot(form, YEAR, { ...normal(), R3: '2025-05-01' }), form, {}, '2025-04-20'), form).findings) produced.add(f.code);
    const rCodes = Object.keys(MESSAGE_TABLES['zh-CN']).filter((c) => /^r\d-/.test(c));
    expect(rCodes.filter((c) => !produced.has(c))).toEqual([]);
  });
});
