/**
 * A monitoring form checked like an application (src/core/monitoring/check-plan.ts): its report is the
 * application's Report with the monitoring verdict, grouped by R code; the one check plan flags it and records the
 * flags; a change of the data since the first check is said.
 */
import { describe, expect, it } from 'vitest';
import {
  applicationVerdict,
  examineMonitoringCheck,
  FLAG_FILL,
  finishCheck,
  isMonitoringReport,
  MONITORING_SHEET,
  nationalRulebook,
  planCheck,
  planClear,
  type MonitoringValues,
  type Reading,
} from '../../src/core/index.js';
import { MONITORING_YEAR, patchedSnapshot } from '../support/monitoring.js';

const rb = nationalRulebook();
const YEAR = MONITORING_YEAR;

/** What an adapter read of the form (its sheet is handed to the examine step directly). */
const reading = (meta: Reading['meta'] = null): Reading => ({
  names: ['填表说明', MONITORING_SHEET],
  meta,
  found: null,
  merges: null,
  summaryAt: null,
});
const examined = (patch: MonitoringValues = {}, meta: Reading['meta'] = null) =>
  examineMonitoringCheck(reading(meta), rb, {}, [patchedSnapshot(patch)])!;

describe('a monitoring form as a check', () => {
  it('maps the monitoring verdict to the application verdict of the same precedence, keeping its own words', () => {
    expect(applicationVerdict({ verdict: 'revoke', incomplete: false })).toBe('vetoed');
    expect(applicationVerdict({ verdict: 'verify', incomplete: false })).toBe('failed');
    expect(applicationVerdict({ verdict: 'attention', incomplete: false })).toBe('failed');
    expect(applicationVerdict({ verdict: 'attention', incomplete: true })).toBe('incomplete');
    expect(applicationVerdict({ verdict: 'normal', incomplete: false })).toBe('passed');
    // Late by the province's receipt date: the ground is established (issue 19 item 5).
    const late = examined({ R3: '2025-05-01' });
    expect(late.report.verdict).toBe('vetoed');
    expect(late.report.verdictText['zh-CN']).toBe('建议撤销认定（第十七条第三项）');
    expect(isMonitoringReport(late.report)).toBe(true);
    expect(late.report.monitoring).toMatchObject({ verdict: 'revoke', grounds: [3], onTime: false, monitoringYear: YEAR });
    // Not cooperating, on the cluster's own answer: to be verified.
    const nc = examined({ 'R3.1': '否' });
    expect(nc.report.verdict).toBe('failed');
    expect(nc.report.verdictText['zh-CN']).toBe('存在撤销认定情形（第十七条第三项），待核实');
    // The deadline day itself is on time.
    expect(examined({ R3: '2025-04-30' }).report.verdictText['zh-CN']).toBe('正常');
    expect(examined({ D3: '是' }).report.verdictText['zh-CN']).toBe('建议撤销认定（第十七条第五项）');
  });

  it('groups findings by R code, every finding in exactly one group, keys unique', () => {
    const r = examined({ 'R3.1': '否', B1: null, D3: '是', '1.6': [60, 55] }).report;
    expect(r.criteria.map((g) => g.id)).toEqual(['M', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
    const all = r.criteria.flatMap((g) => g.findings);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(r.findings.map((f) => f.key).sort());
    const result = Object.fromEntries(r.criteria.map((g) => [g.id, g.result]));
    expect(result).toMatchObject({ M: 'incomplete', R3: 'fail', R5: 'veto', R6: 'pass', R1: 'pass' });
    expect(r.criteria.find((g) => g.id === 'R6')!.reasons.map((k) => r.findings.find((f) => f.key === k)!.code)).toEqual(['r6-below-target']);
    expect(r.counts.veto).toBe(1);
  });

  it('is flagged by the application check plan: colours by status, the record names every flag; clear lifts them all', () => {
    const ex = examined({ 'R3.1': '否', '1.6': [60, 55] });
    const r = reading();
    const draft = planCheck(r, ex, 'zh-CN', 'notes');
    const fills = new Map(draft.flags.map((f) => [f.status, f.fill]));
    expect(fills.get('fail')).toBe(FLAG_FILL.fail);
    expect(fills.get('warn')).toBe(FLAG_FILL.warn);
    // R6 flags the reported value and its target.
    const r6 = ex.report.findings.find((f) => f.code === 'r6-below-target')!;
    expect(r6.cells).toHaveLength(2);
    for (const c of r6.cells) expect(draft.flags.map((f) => f.cell)).toContain(c);
    const plan = finishCheck(r, draft, { cells: new Map() }, rb, 'zh-CN', { checkedAt: '2025-06-01 09:30' });
    expect(plan.meta.review!.flags.map((f) => f.cell).sort()).toEqual(draft.flags.map((f) => f.cell).sort());
    expect(plan.meta.review!.verdict).toBe('failed');
    expect(plan.meta.review!.data!.sha256).toBe(ex.data);
    const clear = planClear({ ...r, meta: plan.meta }, 'notes')!;
    expect(clear.restore.map((f) => f.cell).sort()).toEqual(draft.flags.map((f) => f.cell).sort());
    expect(clear.flags).toEqual([]);
  });

  it('says when the data changed since the first check, and not when they did not', () => {
    const first = examined();
    const r = reading();
    const plan = finishCheck(r, planCheck(r, first, 'zh-CN', 'notes'), { cells: new Map() }, rb, 'zh-CN', { checkedAt: '2025-06-01 09:30' });
    expect(examined({}, plan.meta).warnings).toEqual([]);
    expect(examined({ '1.6': 11 }, plan.meta).warnings.map((w) => w.code)).toEqual(['data-changed']);
  });

  it('is null for a workbook that is not a monitoring form', () => {
    expect(examineMonitoringCheck({ names: ['填表说明', '指标表'], meta: null, found: null, merges: null, summaryAt: null }, rb)).toBeNull();
  });
});
