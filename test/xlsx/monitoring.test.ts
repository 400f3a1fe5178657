/** Monitoring through real files: the form template, the three example clusters, the register, forms confused. */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { META_SHEET, monitoringForm, MONITORING_SHEET, type MonitoringReport } from '../../src/core/index.js';
import { readMeta } from '../../src/xlsx/meta.js';
import { reviewMonitoringFile } from '../../src/xlsx/monitoring.js';
import { filledWorkbook } from '../../scripts/fill.js';
import { saveWorkbook } from '../../src/xlsx/workbook.js';
import { cli, example, headedRows as rows, load, noteOf, rb, sha, tempDir, writeExample } from '../support/files.js';

const EX = 'examples/monitoring';

describe('monitor-template', () => {
  it('builds the form from the rulebook, marked as a monitoring form in its record', async () => {
    const dir = tempDir();
    const out = join(dir, '培育情况表.xlsx');
    const run = await cli(['monitor-template', '--year', '2024', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.err).toContain('2025-04-30');
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填表说明', MONITORING_SHEET, META_SHEET]);
    expect(readMeta(wb)?.template?.form).toBe('monitoring');
    const ws = wb.getWorksheet(MONITORING_SHEET)!;
    const codes: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string' && v) codes.push(v);
    });
    const form = monitoringForm(rb);
    for (const c of ['B1', 'M1', 'R1', 'R1.2', 'R2', 'R3', 'R3.1', 'R4.1', 'R4.6', ...form.figures, ...form.negatives]) expect(codes, c).toContain(c);
    expect(ws.getRow(2).values).toEqual([undefined, '代码', '项目', '单位', '规划目标值', '填报值', '填报说明']);
  });
});

describe('the three example clusters', () => {
  const verdicts = new Map<string, MonitoringReport>();
  beforeAll(async () => {
    for (const name of ['01-normal', '02-late-target-missed', '03-veto-event']) {
      const r = await reviewMonitoringFile(join(EX, `${name}.xlsx`), rb);
      if ('report' in r) verdicts.set(name, r.report);
    }
  });
  it('normal → 正常; late by the province’s receipt date with a target missed → 建议撤销认定 (ground 3, established) with R6 warnings; a D event → 建议撤销认定 (ground 5)', () => {
    expect(verdicts.get('01-normal')!.verdictText['zh-CN']).toBe('正常');
    const late = verdicts.get('02-late-target-missed')!;
    expect(late.verdictText['zh-CN']).toBe('建议撤销认定（第十七条第三项）');
    expect(late.findings.filter((f) => f.status !== 'pass').map((f) => `${f.code}:${f.status}`)).toEqual(['r3-late:veto', 'r6-below-target:warn', 'r6-below-target:warn', 'r6-three-year:na']);
    expect(late.dueForRenewal).toBe(true);
    const veto = verdicts.get('03-veto-event')!;
    expect(veto.verdictText['zh-CN']).toBe('建议撤销认定（第十七条第五项）');
    expect(veto.findings.filter((f) => f.status === 'veto').map((f) => f.indicator)).toEqual(['D3']);
  });
});

describe('monitor: the register', () => {
  const dir = tempDir();
  let run: Awaited<ReturnType<typeof cli>>;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    for (const n of ['01-normal-2023', '01-normal', '02-late-target-missed', '03-veto-event']) copyFileSync(join(EX, `${n}.xlsx`), join(dir, `${n}.xlsx`));
    await writeExample(dir, '01-passing', {}, 'z-application.xlsx');
    run = await cli(['monitor', dir, '-o', join(dir, '监测汇总.xlsx'), '--year', '2025']);
    ws = (await load(join(dir, '监测汇总.xlsx'))).getWorksheet('监测汇总')!;
  });
  it('one row per cluster, worst first, and the application kept in a row saying so (exit 2)', () => {
    expect(run.code).toBe(2);
    expect(run.err).toContain('z-application.xlsx');
    expect(run.err).toContain('不是年度培育情况信息表');
    const r = rows(ws);
    expect(r.map((x) => x['监测结论'])).toEqual(['建议撤销认定（第十七条第五项）', '建议撤销认定（第十七条第三项）', '正常', '无法读取']);
    expect(String(r[3]!['未解决问题'])).toContain('不是年度培育情况信息表');
  });
  it('years reported, on time, trend, plan completion and renewals due', () => {
    const r = rows(ws);
    const normal = r.find((x) => x['监测结论'] === '正常')!;
    expect(normal['已报送年度']).toBe('2023、2024');
    expect(normal['按时报送']).toBe('2/2');
    expect(normal['未报送年度']).toBe('无');
    expect(normal['趋势']).toBe('上升');
    const late = r.find((x) => x['监测结论'] === '建议撤销认定（第十七条第三项）')!;
    expect(late['按时报送']).toBe('0/1');
    expect(late['复核']).toBe('2025年到期，应申请复核');
    // 7.1 is a three-year count, not judged on one year's figure (issue 19 item 5).
    expect(late['规划目标完成']).toBe('18/20');
    const veto = r[0]!;
    expect(veto['未报送年度']).toBe('2023');
    expect(run.out).toContain('2025年到期复核：乙县精密轴承中小企业特色产业集群');
  });
});

describe('forms confused', () => {
  it('check on a monitoring form checks it as one: a flagged reviewed copy, its monitoring verdict, no summary; the input untouched', async () => {
    const dir = tempDir();
    copyFileSync(join(EX, '02-late-target-missed.xlsx'), join(dir, 'm.xlsx'));
    const before = sha(join(dir, 'm.xlsx'));
    const run = await cli(['check', join(dir, 'm.xlsx'), '--experts', '张三']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('年度培育情况信息表（2024年度）');
    expect(run.out).toContain('结论        建议撤销认定（第十七条第三项）');
    expect(run.err).toContain('年度培育情况信息表不写评审汇总');
    expect(sha(join(dir, 'm.xlsx'))).toBe(before);
    const copy = await load(join(dir, 'm.reviewed.xlsx'));
    expect(copy.worksheets.map((w) => w.name)).not.toContain('评审汇总');
    const flags = readMeta(copy)!.review!.flags;
    expect(flags.length).toBeGreaterThanOrEqual(2);
    for (const f of flags) expect(noteOf(copy.getWorksheet(MONITORING_SHEET)!.getCell(f.cell.replace(/^.*!/, '')))).toMatch(/^【集群评审助手】/);
    const normal = join(dir, 'n.xlsx');
    copyFileSync(join(EX, '01-normal.xlsx'), normal);
    const en = await cli(['check', normal, '--lang', 'en', '--json']);
    expect(en.code).toBe(0);
    const json = JSON.parse(en.out) as MonitoringReport;
    expect(json.format).toBe('cluster-review/monitoring-report@1');
    expect(json.verdictText['en-US']).toBe('Normal');
  });
  it('a form whose record is lost is still recognised by its sheet and codes', async () => {
    const dir = tempDir();
    const wb = await load(join(EX, '03-veto-event.xlsx'));
    wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id);
    wb.getWorksheet(MONITORING_SHEET)!.name = 'Sheet1';
    const path = join(dir, 'renamed.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await reviewMonitoringFile(path, rb);
    expect('report' in r && r.report.verdict).toBe('revoke');
    const run = await cli(['check', path]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('建议撤销认定（第十七条第五项）');
  });
});

describe('renewal: the application check plus the monitoring record', () => {
  it('writes the reviewed copy with its 评审汇总 and the record 复核监测记录; another cluster’s form is left out', async () => {
    const dir = tempDir();
    const app = await writeExample(dir, '01-passing', { B1: '某县汽车制动系统中小企业特色产业集群', B3: '甲县' }, 'app.xlsx');
    const out = join(dir, 'renewal.xlsx');
    const run = await cli(['renewal', app, join(EX, '01-normal-2023.xlsx'), join(EX, '01-normal.xlsx'), join(EX, '03-veto-event.xlsx'), '-o', out, '--year', '2025', '--experts', '甲,乙']);
    expect(run.err).toContain('03-veto-event.xlsx');
    expect(run.out).toContain('监测记录完整');
    expect(run.code).toBe(0);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['指标表', '评审汇总', '复核监测记录']));
    const ws = wb.getWorksheet('复核监测记录')!;
    expect(ws.getCell('A2').value).toBe('监测记录完整');
    expect(ws.getCell('A6').value).toBe(2023);
    expect(ws.getCell('A7').value).toBe(2024);
    expect(ws.getCell('D7').value).toBe('正常');
  });
  it('a year not reported makes the record incomplete (exit 1)', async () => {
    const dir = tempDir();
    const app = await writeExample(dir, '01-passing', { B1: '某县汽车制动系统中小企业特色产业集群', B3: '甲县' }, 'app.xlsx');
    const out = join(dir, 'renewal.xlsx');
    const run = await cli(['renewal', app, join(EX, '01-normal.xlsx'), '-o', out, '--year', '2025']);
    expect(run.code).toBe(1);
    // Incomplete, and why: the year not reported is named, on the terminal and on the sheet.
    expect(run.out).toContain('监测记录不完整：2023年度未报送');
    const ws = (await load(out)).getWorksheet('复核监测记录')!;
    expect(ws.getCell('A2').value).toBe('监测记录不完整：2023年度未报送');
    expect(ws.getCell('B6').value).toBe('未报送');
  });
  it('arguments swapped (a form first, the application after): a usage error saying the application comes first', async () => {
    const dir = tempDir();
    const app = await writeExample(dir, '01-passing', {}, 'app.xlsx');
    const run = await cli(['renewal', join(EX, '01-normal.xlsx'), app, '-o', join(dir, 'r.xlsx'), '--year', '2025']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('renewal 的第一个参数应为集群当前的指标表（申报表），其后为年度培育情况信息表');
    expect(run.err).toContain('cluster-review renewal --help');
    expect(existsSync(join(dir, 'r.xlsx'))).toBe(false);
  });
  it('a form for the renewal year or later is not counted, and said (the figures never count a year the table does not list)', async () => {
    const dir = tempDir();
    const app = await writeExample(dir, '01-passing', { B1: '某县汽车制动系统中小企业特色产业集群', B3: '甲县' }, 'app.xlsx');
    const run = await cli(['renewal', app, join(EX, '01-normal-2023.xlsx'), join(EX, '01-normal.xlsx'), '-o', join(dir, 'r.xlsx'), '--year', '2024']);
    expect(run.err).toContain('01-normal.xlsx 是2024年度的信息表，不在2024年复核应报送的年度内，未计入');
    expect(run.out).toContain('应报送1个年度，已报送1个，按时1个');
    expect(run.out).toContain('监测记录完整');
    const ws = (await load(join(dir, 'r.xlsx'))).getWorksheet('复核监测记录')!;
    expect(ws.getCell('A6').value).toBe(2023);
    expect(ws.getCell('A7').value).toBeNull();
  });
  it('a form of a cluster of the same name in another province or county is another cluster: left out, and said', async () => {
    const dir = tempDir();
    const app = await writeExample(dir, '01-passing', { B1: '某县汽车制动系统中小企业特色产业集群', B2: '江苏省', B3: '甲县' }, 'app.xlsx');
    const run = await cli(['renewal', app, join(EX, '01-normal-2023.xlsx'), join(EX, '01-normal.xlsx'), '-o', join(dir, 'r.xlsx'), '--year', '2025']);
    expect(run.err).toContain('01-normal.xlsx 是另一集群（浙江省 甲县 某县汽车制动系统中小企业特色产业集群）的信息表，未计入');
    expect(run.out).toContain('监测记录不完整：未找到该集群的年度培育情况信息表（另有2份其他集群的表未计入）');
    expect(run.code).toBe(1);
  });
  it('no form of the cluster under review: incomplete, and said why (not a blank record)', async () => {
    const dir = tempDir();
    const app = await writeExample(dir, '01-passing', {}, 'app.xlsx');
    const run = await cli(['renewal', app, join(EX, '01-normal.xlsx'), join(EX, '03-veto-event.xlsx'), '-o', join(dir, 'r.xlsx'), '--year', '2025']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('监测记录不完整：未找到该集群的年度培育情况信息表（另有2份其他集群的表未计入）');
  });
});

describe('the monitoring examples', () => {
  it('are what examples/monitoring/*.json generate (npm run examples)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { filledMonitoringForm } = await import('../../scripts/fill-monitoring.js');
    const names = readdirSync(EX).filter((n) => n.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const n of names) {
      const made = (await filledMonitoringForm(rb, JSON.parse(readFileSync(join(EX, n), 'utf8')))).getWorksheet(MONITORING_SHEET)!;
      const file = (await load(join(EX, n.replace(/\.json$/, '.xlsx')))).getWorksheet(MONITORING_SHEET)!;
      const values = (ws: ExcelJS.Worksheet) => {
        const out: unknown[] = [];
        ws.eachRow((row) => out.push(row.values));
        return out;
      };
      expect(values(file), n).toEqual(values(made));
    }
  });
});

describe('an example for each Art. 17 ground (issue 19 item 5)', () => {
  it('ground 1 on the form’s own year is to be verified; ground 2 declared is established; ground 4 on the cluster’s answer is to be verified', async () => {
    const verdict = async (name: string) => {
      const r = await reviewMonitoringFile(join(EX, `${name}.xlsx`), rb);
      return 'report' in r ? r.report.verdictText['zh-CN'] : 'application';
    };
    expect(await verdict('04-expired-no-renewal')).toBe('存在撤销认定情形（第十七条第一项），待核实');
    expect(await verdict('05-violation')).toBe('建议撤销认定（第十七条第二项）');
    expect(await verdict('06-change-not-filed')).toBe('存在撤销认定情形（第十七条第四项），待核实');
  });
});

describe('monitor --roster: the province’s recognised clusters', () => {
  it('a rostered cluster that sent nothing has its row 未收到信息表; the roster’s recognition year is used (exit 1)', async () => {
    const dir = tempDir();
    copyFileSync(join(EX, '01-normal.xlsx'), join(dir, '01-normal.xlsx'));
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet('认定名单');
    ws.addRow(['序号', '集群名称', '所在省', '所在县', '认定年份']);
    ws.addRow([1, '某县汽车制动系统中小企业特色产业集群', '浙江省', '甲县', 2023]);
    ws.addRow([2, '丁县沉默中小企业特色产业集群', '浙江省', '丁县', 2022]);
    const roster = join(dir, 'roster.xlsx');
    await wb.xlsx.writeFile(roster);
    const run = await cli(['monitor', join(dir, '01-normal.xlsx'), '--roster', roster, '-o', join(dir, 'r.xlsx'), '--year', '2025']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('丁县沉默中小企业特色产业集群');
    const r = rows((await load(join(dir, 'r.xlsx'))).getWorksheet('监测汇总')!);
    const silent = r.find((x) => x['集群名称'] === '丁县沉默中小企业特色产业集群')!;
    expect(silent['监测结论']).toBe('未收到信息表');
    expect(silent['认定年份']).toBe(2022);
    expect(silent['复核']).toBe('2025年到期，应申请复核');
    expect(r.find((x) => x['集群名称'] === '某县汽车制动系统中小企业特色产业集群')!['监测结论']).toBe('正常');
    // --json lists the silent cluster too, as the register does.
    const json = await cli(['monitor', join(dir, '01-normal.xlsx'), '--roster', roster, '-o', join(dir, 'r2.xlsx'), '--year', '2025', '--json']);
    const list = JSON.parse(json.out) as Array<{ verdict?: string; notReceived?: boolean; cluster?: { name?: string }; recognitionYear?: number; monitoringYear?: number }>;
    expect(list).toHaveLength(2);
    expect(list.find((x) => x.notReceived)).toMatchObject({ verdict: 'not-received', cluster: { name: '丁县沉默中小企业特色产业集群' }, recognitionYear: 2022, monitoringYear: 2024 });
  });
});

describe('renewal is its own review (issue 19 item 6)', () => {
  const name = '某县汽车制动系统中小企业特色产业集群';
  /** The application the cluster was recognised on (2023), its plan's 1.6 targets set: 2023 61, 2024 70, 2025 80. */
  async function recognisedApp(dir: string): Promise<string> {
    const data = example('01-passing');
    data.applicationYear = 2023;
    data.values = { ...data.values, B1: name, B3: '甲县', B6: 2023, B9: '否', B18: null, B19: null };
    data.plan = { growth: 0.05, targets: { '1.6': [61, 70, 80] } };
    const path = join(dir, 'recognised.xlsx');
    await saveWorkbook(await filledWorkbook(rb, data), path, { force: true });
    return path;
  }
  it('reads the recognised application’s plan, uses renewal words, drops E2 and lists the monitoring record', async () => {
    const dir = tempDir();
    // The current application (2025) has B9 否: as a new application E2 would fail; a recognised national cluster is past it.
    const app = await writeExample(dir, '01-passing', { B1: name, B3: '甲县', B9: '否', B18: null, B19: null }, 'app.xlsx');
    const rec = await recognisedApp(dir);
    const out = join(dir, 'renewal.xlsx');
    const run = await cli(['renewal', app, join(EX, '01-normal-2023.xlsx'), join(EX, '01-normal.xlsx'), '--recognised', rec, '-o', out, '--year', '2025', '--json']);
    expect(run.code, run.err).toBe(0);
    expect(run.err).not.toContain('另一集群');
    const wb = await load(out);
    const summary = wb.getWorksheet('评审汇总')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts[0]).toBe('中小企业特色产业集群复核评审汇总表');
    expect(texts).toContain('复核年度（数据年度）');
    // E2 (already a provincial cluster) is no question for a recognised national cluster: neither its row nor its words.
    expect(texts.filter((x) => x === 'E2' || x.includes('已认定为省级集群') || x.includes('省级中小企业特色产业集群认定年份'))).toEqual([]);
    // The record's targets are the recognised plan's: 2024 1.6 target 70 against 62.4 reported — missed.
    const ws = wb.getWorksheet('复核监测记录')!;
    expect(String(ws.getCell('A1').value)).toContain('认定2023年');
    const y2024 = [6, 7].map((r) => ws.getRow(r)).find((r) => r.getCell(1).value === 2024)!;
    expect(String(y2024.getCell(5).value)).toMatch(/^\d+\/\d+$/);
    expect(String(y2024.getCell(5).value)).not.toBe('0/0');
    expect(run.err).toContain('规划目标（认定时申报，recognised.xlsx）完成');
    expect(run.err).not.toContain('规划目标完成0/0');
    const findings = (JSON.parse(run.out) as { plan: Array<{ indicator: string; year: number; target: number; actual: number | null; met: boolean | null }> }).plan;
    expect(findings.find((x) => x.indicator === '1.6' && x.year === 2024)).toMatchObject({ target: 70, actual: 62.4, met: false });
  });
});
