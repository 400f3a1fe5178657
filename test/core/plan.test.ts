/**
 * The application form's three-year plan targets and index of supporting documents (issue 12): read by header,
 * checked (targets present and numeric, years consecutive from the application year, a target behind the current
 * figure a warning saying why; every code known, criteria 1–8 each backed), old templates `missing`, and the one
 * definition of the plan's indicators that the monitoring form reads too.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, monitoringForm, planIndicators, planTargetsOf, readLists, renewalRecord, reviewSnapshot, type GridSnapshot, type MonitoringReport } from '../../src/core/index.js';
import { rb } from '../support/review.js';
import { evidenceSheet, PASSING_EVIDENCE, planSheet } from '../support/plan.js';
import { buildSnapshot, passingValues } from '../support/sheet.js';

function reviewWith(sheets: GridSnapshot[], values = passingValues()) {
  const r = reviewSnapshot(buildSnapshot(rb, values), rb, readLists(sheets, rb));
  return { review: r, report: buildReport(r, rb) };
}
const of = (report: ReturnType<typeof buildReport>, check: string) => report.findings.filter((f) => f.check === check);

describe('三年发展规划量化目标 (P1)', () => {
  it('a complete plan passes (with the lists too, the passing application passes: test/core/lists.test.ts)', () => {
    const { report } = reviewWith([planSheet(rb), evidenceSheet()]);
    expect(of(report, 'P1').map((f) => [f.code, f.status])).toEqual([['plan-targets-complete', 'pass']]);
  });
  it('a target typed as text ("五十") is invalid, naming the cell and what was typed', () => {
    const { report } = reviewWith([planSheet(rb, { targets: { '2.3': ['五十', 22, 24] } }), evidenceSheet()]);
    const f = of(report, 'P1').filter((x) => x.status !== 'pass');
    expect(f.map((x) => [x.code, x.status, x.indicator, x.year, x.cells])).toEqual([['plan-target-invalid', 'invalid', '2.3', 2025, ['规划目标!E9']]]);
    expect(f[0]!.messages['zh-CN']).toBe('专精特新中小企业数的2025年规划目标“五十”（规划目标!E9）不是数值，请填写阿拉伯数字');
  });
  it('a blank target is missing; a whole-number indicator with a fraction is invalid', () => {
    const { report } = reviewWith([planSheet(rb, { targets: { '2.3': [null, 22, 24], '2.4': [40.5, 42, 44] } }), evidenceSheet()]);
    expect(of(report, 'P1').map((x) => [x.code, x.status, x.indicator])).toEqual([
      ['plan-target-missing', 'missing', '2.3'],
      ['plan-target-invalid', 'invalid', '2.4'],
    ]);
  });
  it('a target below the current figure is only a warning, saying why; for a figure to lower, a target above it', () => {
    // 2.3 is 18 now; 6.1 (carbon per output, to fall) is 0.45 now.
    const { report } = reviewWith([planSheet(rb, { targets: { '2.3': [17, 19, 20], '6.1': [0.44, 0.5, 0.4] } }), evidenceSheet()]);
    const warns = of(report, 'P1').filter((x) => x.status === 'warn');
    expect(warns.map((x) => [x.code, x.indicator, x.year])).toEqual([
      ['plan-target-below-current', '2.3', 2025],
      ['plan-target-above-current', '6.1', 2026],
    ]);
    expect(warns[0]!.messages['zh-CN']).toContain('低于基期实际值18家');
    expect(warns[0]!.messages['zh-CN']).toContain('复核时以此目标衡量完成情况');
    expect(warns[1]!.messages['zh-CN']).toContain('以降低为好');
    // Warnings only: nothing of P1 keeps the verdict from passing.
    expect(new Set(of(report, 'P1').map((f) => f.status))).toEqual(new Set(['warn', 'pass']));
  });
  it('plan years must be consecutive from the application year', () => {
    for (const years of [[2025, 2027, 2028], [2023, 2024, 2025], [2025, 2026]]) {
      const { report } = reviewWith([planSheet(rb, { years }), evidenceSheet()]);
      expect(of(report, 'P1').map((x) => [x.code, x.status]), String(years)).toEqual([['plan-years-invalid', 'invalid']]);
    }
    const { report } = reviewWith([planSheet(rb, { years: [2026, 2027, 2028] }), evidenceSheet()]);
    expect(of(report, 'P1').map((x) => x.code)).toEqual(['plan-targets-complete']);
  });
  it('an empty plan is one missing finding, not one per indicator', () => {
    const empty = planSheet(rb, { targets: Object.fromEntries(planIndicators(rb).map((i) => [i.code, [null, null, null]])) });
    const { report } = reviewWith([empty, evidenceSheet()]);
    expect(of(report, 'P1').map((x) => [x.code, x.status])).toEqual([['plan-empty', 'missing']]);
  });
  it('an indicator without its row is missing, naming the indicator; every row there: none', () => {
    const { report } = reviewWith([planSheet(rb, { omit: ['2.3'] }), evidenceSheet()]);
    const f = of(report, 'P1');
    expect(f.map((x) => [x.code, x.status, x.indicator, x.cells])).toEqual([['plan-row-missing', 'missing', '2.3', []]]);
    expect(f[0]!.messages['zh-CN']).toBe('“规划目标”中没有专精特新中小企业数（代码2.3）的目标行');
    expect(f[0]!.messages['en-US']).toMatch(/^“规划目标” has no target row for .+ \(code 2\.3\)$/);
    const whole = reviewWith([planSheet(rb), evidenceSheet()]).report;
    expect(of(whole, 'P1').some((x) => x.code === 'plan-row-missing')).toBe(false);
  });
  it('one definition: the plan sheet asks for the figures the monitoring form reports beside their targets', () => {
    expect(monitoringForm(rb).figures).toEqual(planIndicators(rb).map((i) => i.code));
    expect(planIndicators(rb).map((i) => i.code)).toContain('1.8');
  });
});

describe('佐证材料目录 (P2)', () => {
  it('every criterion backed: pass', () => {
    const { report } = reviewWith([planSheet(rb), evidenceSheet()]);
    expect(of(report, 'P2').map((f) => [f.code, f.status, f.params.documents])).toEqual([['evidence-complete', 'pass', 8]]);
  });
  it('a row naming an unknown code is invalid; a criterion without a document is missing', () => {
    const rows = PASSING_EVIDENCE.map((r) => [...r] as [string, string, string]);
    rows[5] = ['碳排放核算', '6.9', '附件6.pdf'];
    const { report } = reviewWith([planSheet(rb), evidenceSheet(rows)]);
    const f = of(report, 'P2');
    expect(f.map((x) => [x.code, x.status, x.cells])).toEqual([
      ['evidence-code-unknown', 'invalid', ['佐证材料目录!C8']],
      ['evidence-criterion-uncovered', 'missing', []],
    ]);
    expect(f[0]!.messages['zh-CN']).toBe('佐证材料“碳排放核算”的对应指标“6.9”（佐证材料目录!C8）不是本规则中的指标、检查或标准编号');
    expect(f[1]!.messages['zh-CN']).toBe('标准6（具有较高绿色化发展水平）没有对应的佐证材料');
  });
  it('codes may be indicators, checks or criteria, separated by 、 , or spaces; an empty index is missing', () => {
    const { report } = reviewWith([planSheet(rb), evidenceSheet([['综合材料', '1, 2 3、4；5 6.1 7.1 8', 'p1']])]);
    expect(of(report, 'P2').map((x) => x.code)).toEqual(['evidence-complete']);
    const empty = reviewWith([planSheet(rb), evidenceSheet([])]);
    expect(of(empty.report, 'P2').map((x) => [x.code, x.status])).toEqual([['evidence-empty', 'missing']]);
  });
});

describe('佐证材料目录 (P2): rows and header', () => {
  const withRow = (row: [string | null, string | null, string | null]) => [...PASSING_EVIDENCE, row];
  const p2 = (rows: Array<[string | null, string | null, string | null]>, header?: string[]) => of(reviewWith([planSheet(rb), evidenceSheet(rows, header)]).report, 'P2');

  it('a row without its document name is missing, on the name cell; named rows: none', () => {
    // Title and header take rows 1–2; the ninth entry is on row 11.
    const f = p2(withRow([null, '1.6', '第30页']));
    expect(f.map((x) => [x.code, x.status, x.cells])).toEqual([['evidence-name-missing', 'missing', ['佐证材料目录!B11']]]);
    expect(f[0]!.messages['zh-CN']).toBe('“佐证材料目录”中有一行未填写材料名称（佐证材料目录!B11）');
    expect(p2(withRow(['补充说明', '1.6', '第30页'])).map((x) => x.code)).toEqual(['evidence-complete']);
  });

  it('a document naming no indicator is missing, on its 对应指标 cell; a page alone still makes a row', () => {
    const f = p2(withRow(['补充说明', null, '第30页']));
    expect(f.map((x) => [x.code, x.status, x.cells])).toEqual([['evidence-code-missing', 'missing', ['佐证材料目录!C11']]]);
    expect(f[0]!.messages['zh-CN']).toBe('佐证材料“补充说明”未填写对应指标（佐证材料目录!C11）');
    expect(p2(withRow([null, null, '第30页'])).map((x) => x.code)).toEqual(['evidence-name-missing', 'evidence-code-missing']);
  });

  it('a sheet without the 材料名称 and 对应指标 headers is invalid, and its rows are not read; either word suffices in English', () => {
    const f = p2(PASSING_EVIDENCE, ['序号', '文件', '指标', '页码', '备注']);
    expect(f.map((x) => [x.code, x.status, x.cells])).toEqual([['evidence-header-not-found', 'invalid', ['佐证材料目录!A1']]]);
    expect(f[0]!.messages['zh-CN']).toBe('“佐证材料目录”工作表中未找到目录表头（佐证材料目录!A1），应有“材料名称”“对应指标”列');
    // Only one of the two: still not found.
    expect(p2(PASSING_EVIDENCE, ['序号', '材料名称', '指标', '页码', '备注']).map((x) => x.code)).toEqual(['evidence-header-not-found']);
    expect(p2(PASSING_EVIDENCE, ['No.', 'Document', 'Indicator', 'Page', 'Remarks']).map((x) => x.code)).toEqual(['evidence-complete']);
  });
});

describe('old templates', () => {
  it('without the plan and evidence sheets: P1 and P2 missing, nothing fails', () => {
    const { review, report } = reviewWith([]);
    expect([...of(report, 'P1'), ...of(report, 'P2')].map((f) => [f.code, f.status])).toEqual([
      ['plan-sheet-missing', 'missing'],
      ['evidence-sheet-missing', 'missing'],
    ]);
    expect(report.findings.some((f) => f.status === 'fail')).toBe(false);
    expect(review.verdict).toBe('incomplete');
  });
});

describe('renewal review reads the application’s targets where the forms carry none', () => {
  const report = (year: number, figures: Record<string, number>, targets: MonitoringReport['targets'] = []) =>
    ({ monitoringYear: year, recognitionYear: 2025, cluster: { name: '示例集群' }, figures, targets, onTime: true, verdict: 'normal', verdictText: { 'zh-CN': '正常', 'en-US': 'normal' } }) as unknown as MonitoringReport;

  it('the plan sheet’s targets, matched by year, compared as R6 compares (equal meets; lower is better for 6.1)', () => {
    const sheets = [planSheet(rb, { targets: { '1.6': [160, 170, 180], '6.1': [0.44, 0.43, 0.42] } })];
    const plan = planTargetsOf(readLists(sheets, rb));
    expect(plan.get('1.6')).toEqual(new Map([[2025, 160], [2026, 170], [2027, 180]]));
    const better = monitoringForm(rb).better;
    const own = report(2026, { '1.6': 150 }, [{ indicator: '1.6', target: 100, actual: 150, met: true }]);
    const rec = renewalRecord('示例集群', [report(2025, { '1.6': 160, '6.1': 0.46 }), own, report(2027, { '1.6': 181 })], 2028, 2025, { targets: plan, better });
    const t2025 = rec.reports[0]!.targets;
    expect(t2025.filter((x) => x.indicator === '1.6' || x.indicator === '6.1').map((x) => [x.indicator, x.met, x.fromPlan])).toEqual([
      ['1.6', true, true],
      ['6.1', false, true],
    ]);
    // A form's own targets are kept; an indicator the form did not report counts as not judged.
    expect(rec.reports[1]!.targets).toEqual(own.targets);
    expect(rec.reports[2]!.targets.find((x) => x.indicator === '1.6')!.met).toBe(true);
    expect(rec.reports[2]!.targets.find((x) => x.indicator === '6.1')!.met).toBeNull();
    expect(rec.history.targetsTotal).toBe(2 + 1 + 1);
  });
  it('a plan for other years (a new plan for the next period) adds nothing', () => {
    const plan = planTargetsOf(readLists([planSheet(rb, { years: [2028, 2029, 2030] })], rb));
    const rec = renewalRecord('示例集群', [report(2025, { '1.6': 160 })], 2028, 2025, { targets: plan, better: monitoringForm(rb).better });
    expect(rec.reports[0]!.targets).toEqual([]);
  });
});
