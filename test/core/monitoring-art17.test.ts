/**
 * Monitoring as Article 17 reads (issue 19 item 5): any of its five grounds revokes. An established ground gives
 * 建议撤销认定（第十七条第X项）; a ground resting only on the cluster's own answer gives
 * 存在撤销认定情形（第十七条第X项），待核实; 需关注 is for warnings and missing data only.
 */
import { describe, expect, it } from 'vitest';
import {
  clusterRecords,
  loadRulebook,
  monitoringForm,
  monitoringReport,
  monitoringSnapshot,
  nationalRulebook,
  readRoster,
  registerModels,
  reviewMonitoring,
  rosterFacts,
  withRoster,
  type MonitoringValues,
} from '../../src/core/index.js';
import { MONITORING_YEAR, normalMonitoring, patchedSnapshot } from '../support/monitoring.js';

const rb = nationalRulebook();
const form = monitoringForm(rb);
const review = (patch: MonitoringValues = {}, facts = {}, year = MONITORING_YEAR) =>
  reviewMonitoring(patchedSnapshot(patch, form, year), form, facts);
const text = (patch: MonitoringValues, facts = {}, year = MONITORING_YEAR) => monitoringReport(review(patch, facts, year), form).verdictText['zh-CN'];
const codes = (patch: MonitoringValues, check: string, facts = {}, year = MONITORING_YEAR) =>
  review(patch, facts, year)
    .findings.filter((f) => f.check === check)
    .map((f) => `${f.code}:${f.status}`);

describe('Art. 17 grounds: established, or to be verified', () => {
  it('ground 2 and ground 5, declared on the form, are established: 建议撤销认定', () => {
    expect(text({ R2: '是' })).toBe('建议撤销认定（第十七条第二项）');
    expect(text({ D3: '是' })).toBe('建议撤销认定（第十七条第五项）');
  });
  it('ground 3, late by the date the province recorded receipt, is established', () => {
    expect(text({ R3: '2025-05-01' })).toBe('建议撤销认定（第十七条第三项）');
    expect(form.rb.indicators.get('R3')!.label.zh).toBe('省级主管部门收到信息表日期（由省级中小企业主管部门填写）');
  });
  it('ground 3 (not cooperating) and ground 4 (a change not filed) rest on the cluster’s answer: 待核实', () => {
    expect(text({ 'R3.1': '否' })).toBe('存在撤销认定情形（第十七条第三项），待核实');
    expect(text({ 'R4.3': '是', 'R4.4': '否' })).toBe('存在撤销认定情形（第十七条第四项），待核实');
    expect(review({ 'R4.3': '是', 'R4.4': '否' }).verdict).toBe('verify');
  });
  it('需关注 is for warnings and missing data only, and cites no ground', () => {
    const missed = review({ '1.6': [50, 40] });
    expect(missed.verdict).toBe('attention');
    expect(missed.grounds).toEqual([]);
    expect(text({ '1.6': [50, 40] })).toBe('需关注');
    expect(text({ '1.6': null })).toBe('需关注（数据不全）');
    for (const t of [text({ R2: '是' }), text({ 'R3.1': '否' }), text({ '1.6': [50, 40] })]) expect(t).not.toMatch(/^需关注（第十七条/);
  });
});

describe('R1: no renewal applied counts only once the renewal window closes', () => {
  it('in the renewal year, 否 is a reminder (需关注), not a ground', () => {
    // Recognised 2022, valid to 2025: the 2024 form, received in 2025, is in the renewal year.
    expect(codes({ R1: 2022, 'R1.2': '否' }, 'R1')).toEqual(['r1-renewal-due:warn']);
    const r = review({ R1: 2022, 'R1.2': '否' });
    expect([r.verdict, r.grounds]).toEqual(['attention', []]);
  });
  it('after the window, on the cluster’s own recognition year: 待核实; on the province’s roster: established', () => {
    expect(text({ R1: 2021 })).toBe('存在撤销认定情形（第十七条第一项），待核实');
    expect(text({ R1: 2021 }, { recognitionYear: 2021 })).toBe('建议撤销认定（第十七条第一项）');
    // A renewal the province records as failed is ground 1 at once.
    expect(text({ R1: 2022 }, { recognitionYear: 2022, renewalFailed: true })).toBe('建议撤销认定（第十七条第一项）');
    // The roster's recognition year is the one used, whatever the form says.
    expect(codes({ R1: 2023 }, 'R1', { recognitionYear: 2021 })).toEqual(['r1-expired:veto']);
  });
});

describe('the reporting deadline depends on the recognition batch', () => {
  it('4月30日 for the 2022–2023 batches, 3月31日 from the 2024 batch (a rulebook table)', () => {
    expect(rb.data.settings.monitoringDeadlines).toEqual([
      { fromBatch: 2022, deadline: '04-30' },
      { fromBatch: 2024, deadline: '03-31' },
    ]);
    // Batch 2023, monitoring year 2024: 2025-04-30.
    expect(codes({ R1: 2023, R3: '2025-04-30' }, 'R3')[0]).toBe('r3-on-time:pass');
    // Batch 2024, monitoring year 2024: 2025-03-31.
    expect(codes({ R1: 2024, R3: '2025-04-15' }, 'R3')[0]).toBe('r3-late:veto');
    expect(codes({ R1: 2024, R3: '2025-03-31' }, 'R3')[0]).toBe('r3-on-time:pass');
    expect(monitoringReport(review({ R1: 2024 }), form).deadline).toBe('2025-03-31');
  });
  it('a rulebook without the table keeps its single deadline', () => {
    const data = structuredClone(rb.source) as Record<string, unknown> & { settings: Record<string, unknown> };
    delete data.settings.monitoringDeadlines;
    const f = monitoringForm(loadRulebook(data));
    const r = reviewMonitoring(monitoringSnapshot(f, MONITORING_YEAR, { ...normalMonitoring(f), R1: 2024, R3: '2025-04-15' }), f);
    expect(r.findings.find((x) => x.indicator === 'R3')!.code).toBe('r3-on-time');
  });
});

describe('plan targets read as the plan states them', () => {
  it('1.5 占地面积 is no higher-is-better figure: never a missed target', () => {
    expect(form.better.get('1.5')).toBe('none');
    expect(codes({ '1.5': [50, 60] }, 'R6')).toEqual(['r6-no-direction:na']);
    expect(codes({ '1.5': [50, 40] }, 'R6')).toEqual(['r6-no-direction:na']);
  });
  it('7.1 is a three-year count: the year’s figure is not held against it', () => {
    expect(codes({ '7.1': [6, 1] }, 'R6')).toEqual(['r6-three-year:na']);
    expect(review({ '7.1': [6, 1] }).verdict).toBe('normal');
  });
});

describe('a later form never blanks the recognition year', () => {
  it('the register keeps the recognition year of an earlier form when the latest leaves it blank', () => {
    const early = monitoringReport(review({ R1: 2022 }, {}, 2023), form);
    const late = monitoringReport(review({ R1: null }, {}, 2024), form);
    const [rec] = clusterRecords([
      { file: 'a.xlsx', report: early },
      { file: 'b.xlsx', report: late },
    ]);
    expect(rec!.recognitionYear).toBe(2022);
    expect(rec!.renewalYear).toBe(2025);
  });
});

describe('the roster of recognised clusters (monitor --roster)', () => {
  const roster = readRoster({
    sheet: '认定名单',
    cells: [
      [{ value: '省级认定集群名单' }],
      [{ value: '序号' }, { value: '集群名称' }, { value: '所在省' }, { value: '所在县' }, { value: '认定年份' }, { value: '最近一次通过复核年份' }, { value: '复核结果' }],
      [{ value: 1 }, { value: '某某特色产业集群' }, { value: '浙江省' }, { value: '某县' }, { value: 2021 }, null, null],
      [{ value: 2 }, { value: '沉默集群' }, { value: '浙江省' }, { value: '另一县' }, { value: '2023年' }, null, null],
      [{ value: 3 }, { value: '未过复核集群' }, { value: '浙江省' }, { value: '三县' }, { value: 2021 }, null, { value: '未通过' }],
    ],
  });
  it('reads the roster by its header words', () => {
    expect(roster.problems).toEqual([]);
    expect(roster.entries.map((e) => [e.name, e.recognitionYear, e.renewalFailed ?? false])).toEqual([
      ['某某特色产业集群', 2021, false],
      ['沉默集群', 2023, false],
      ['未过复核集群', 2021, true],
    ]);
  });
  it('the roster’s facts establish ground 1; a rostered cluster that sent nothing is 未收到信息表', () => {
    const facts = rosterFacts(roster.entries);
    const snapshot = monitoringSnapshot(form, MONITORING_YEAR, { ...normalMonitoring(form), R1: 2023 });
    const r = reviewMonitoring(snapshot, form, facts);
    expect([r.verdict, r.grounds]).toEqual(['revoke', [1]]);
    const rep = monitoringReport(r, form, { file: 'a.xlsx' });
    expect(rep.recognitionYear).toBe(2021);
    const entries = withRoster([{ file: 'a.xlsx', report: rep }], roster.entries);
    expect(entries.filter((e) => e.notReceived).map((e) => e.notReceived!.name)).toEqual(['沉默集群', '未过复核集群']);
    const sheet = registerModels(form, entries, 'zh-CN', 2025)[0]!;
    const row = (name: string) => sheet.cells.filter((c) => c.row === sheet.cells.find((x) => x.value === name)!.row);
    expect(row('沉默集群').map((c) => c.value)).toContain('未收到信息表');
    expect(row('沉默集群').map((c) => c.value)).toContain(2023);
    // Recognised 2023 with validity 3: renewal due 2026; in 2025 still valid.
    expect(row('沉默集群').map((c) => c.value)).toContain('有效期至2026年');
  });
});
