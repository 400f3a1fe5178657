/**
 * Hostile (issue 20): the cases still open after the campaigns — a reviewed copy given as the application, scores the
 * tool wrote read back as entries, the same data under two names in `batch`, links in `--papers`, stale temporaries,
 * impossible monitoring years, two forms for one year, and the small messages. Each failed on the code before it.
 */
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { monitoringForm, monitoringReport, monitoringSnapshot, nationalRulebook, reviewMonitoring } from '../../src/core/index.js';
import { normalMonitoring } from '../support/monitoring.js';
import { scoresSumming, tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, expectRefused, expectWithinGoal, patchXml, reviewedExample, runCli, sha } from './support.js';

const ARRIVED = '提交的文件中已含评审内容';

describe('a reviewed copy given as the application', () => {
  /** The passing example checked for 甲, who then scores it in the copy's 评审汇总 (80 in all). */
  async function scoredCopy(): Promise<Awaited<ReturnType<typeof reviewedExample>>> {
    const x = await reviewedExample('甲');
    const scores = scoresSumming(80);
    Object.values(x.layout.criteriaRows).forEach((row, i) => (x.ws.getCell(row + 1, x.layout.experts[0]!.col + 1).value = scores[i]!));
    await x.wb.xlsx.writeFile(x.copy);
    return x;
  }

  it('with no original beside it: tally, scoresheets and batch say it arrived with review content; tally never counts its scores', async () => {
    const { dir, app, copy } = await scoredCopy();
    rmSync(app);
    const r = await runCli(['tally', copy, '--experts', '甲', '-o', join(dir, 'list.xlsx'), '--json']);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(ARRIVED);
    const json = JSON.parse(r.stdout) as { applications: Array<{ committee: { n: number } }> };
    expect(json.applications[0]!.committee.n).toBe(0);
    const s = await runCli(['scoresheets', copy, '--experts', '甲,乙', '-o', join(dir, 'sheets')]);
    expectNoCrash(s);
    expect(s.stdout + s.stderr).toContain(ARRIVED);
    const b = await runCli(['batch', copy, '-o', join(dir, 'rollup.xlsx')]);
    expectNoCrash(b);
    expect(b.stdout + b.stderr).toContain(ARRIVED);
  }, 120_000);

  it('beside its original the copy is the committee’s own summary: its scores count, nothing is said', async () => {
    const { dir, app, copy } = await scoredCopy();
    const r = await runCli(['tally', app, copy, '--experts', '甲', '-o', join(dir, 'list.xlsx'), '--json']);
    expectNoCrash(r);
    expect(r.stderr).not.toContain(ARRIVED);
    const json = JSON.parse(r.stdout) as { applications: Array<{ committee: { n: number; score: number } }> };
    expect(json.applications[0]!.committee).toMatchObject({ n: 1, score: 80 });
  }, 120_000);
});

describe('scores tally --update-copies wrote are the tool’s, not entries', () => {
  it('a rerun on an unchanged round reports no change, every time', async () => {
    const d = tempDir();
    await writeExample(d, '01-passing', {}, 'a.xlsx');
    const sheets = join(d, 'sheets');
    expect((await runCli(['scoresheets', join(d, 'a.xlsx'), '--experts', '甲,乙', '-o', sheets])).code).toBe(0);
    const copies = join(d, 'copies');
    mkdirSync(copies);
    expect((await runCli(['check', join(d, 'a.xlsx'), '--experts', '甲,乙', '-o', join(copies, 'a.reviewed.xlsx')])).code).toBe(0);
    const scores = scoresSumming(80);
    await fillScoresheet(join(sheets, '专家评分表-甲.xlsx'), { a: { scores } }, { signature: '甲' });
    // 乙 returned a sheet, then a corrected one later: the newer file counts (--prefer newer), and the tally writes its
    // value into the copy, whose file is then the newest of all.
    await fillScoresheet(join(sheets, '专家评分表-乙.xlsx'), { a: { scores } }, { signature: '乙' });
    await fillScoresheet(join(sheets, '专家评分表-乙.xlsx'), { a: { scores: [scores[0]! - 1, ...scores.slice(1)] } }, { output: join(sheets, '专家评分表-乙-更正.xlsx') });
    utimesSync(join(sheets, '专家评分表-乙.xlsx'), new Date(2025, 5, 1), new Date(2025, 5, 1));
    const list = join(d, 'list.xlsx');
    const run = () => runCli(['tally', copies, sheets, '-o', list, '--update-copies', '--prefer', 'newer', '--json']);
    const first = await run();
    expect(first.code, first.stderr).not.toBe(2);
    for (let i = 0; i < 2; i++) {
      const again = await run();
      expectNoCrash(again);
      const json = JSON.parse(again.stdout) as { changes: unknown[] };
      expect(json.changes, `rerun ${i + 1}`).toEqual([]);
      expect(again.stderr).not.toContain(ARRIVED);
    }
  }, 120_000);
});

describe('batch: the same data under another name is one row', () => {
  it('a byte-identical copy of an application under another name is listed once, and said', async () => {
    const d = tempDir();
    const app = await writeExample(d, '01-passing', {}, 'a.xlsx');
    copyFileSync(app, join(d, 'a-副本.xlsx'));
    const r = await runCli(['batch', d, '-o', join(d, 'rollup.xlsx')]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/共 1 份/);
    // The first given is kept (the folder's order), the other named beside it.
    expect(r.stderr).toMatch(/a\.xlsx 与 .*a-副本\.xlsx 为同一份申报/);
  }, 120_000);
});

describe('a link planted in the --papers folder', () => {
  it('is refused and named, never replaced by a file nor written through', async () => {
    const d = tempDir();
    const app = await writeExample(d, '01-passing', {}, 'a.xlsx');
    const papers = join(d, 'papers');
    const args = ['tally', app, '--experts', '甲', '-o', join(d, 'list.xlsx'), '--papers', papers];
    const first = await runCli(args);
    expect(first.code, first.stderr).not.toBe(2);
    const name = readdirSync(papers).find((n) => n.endsWith('.xlsx'))!;
    const victim = join(d, 'victim.xlsx');
    writeFileSync(victim, 'not the tool’s');
    rmSync(join(papers, name));
    symlinkSync(victim, join(papers, name));
    const list = sha(join(d, 'list.xlsx'));
    const r = await runCli(args);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(name);
    expect(r.stderr).toContain('链接');
    expect(lstatSync(join(papers, name)).isSymbolicLink()).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('not the tool’s');
    // Refused before anything of the round was written: the list is as it was.
    expect(sha(join(d, 'list.xlsx'))).toBe(list);
  }, 120_000);
});

describe('stale temporaries of the tool’s own pattern', () => {
  it('one whose pid now belongs to a process started after it was written is removed; a live run’s and a person’s are kept', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing', {}, 'in.xlsx');
    // Written an hour ago by a run that died; its pid since taken by a process started now (pid reuse, a reboot).
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const stale = `.in.reviewed.xlsx.cluster-review-${other.pid}-1.tmp`;
      const live = `.other.xlsx.cluster-review-${process.pid}-7.tmp`;
      const person = '汇总.xlsx.tmp-20241201';
      for (const n of [stale, live, person]) writeFileSync(join(dir, n), 'partial');
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(join(dir, stale), hourAgo, hourAgo);
      utimesSync(join(dir, person), hourAgo, hourAgo);
      const r = await runCli(['check', input]);
      expectNoCrash(r);
      expect(r.code, r.stderr).toBe(0);
      expect(readdirSync(dir).sort()).toEqual([live, person, 'in.reviewed.xlsx', 'in.xlsx'].sort());
    } finally {
      other.kill();
    }
  }, 120_000);
});

describe('a monitoring form for an impossible future year', () => {
  it('is a finding about the form, never grounds for revocation (no 第十七条第一项 from a year that has not come)', () => {
    const form = monitoringForm(nationalRulebook());
    // Recognised 2022: by 2099 its validity has long run out — were the year true.
    const r = reviewMonitoring(monitoringSnapshot(form, 2099, { ...normalMonitoring(form), M1: 2099, R1: 2022, R3: '2100-01-15' }), form, {}, '2025-06-01');
    expect(r.findings.some((f) => f.code === 'm1-in-future')).toBe(true);
    expect(r.findings.filter((f) => f.indicator === 'R1' || f.params.ground === 1).map((f) => f.code)).toEqual([]);
    expect(r.verdict).not.toBe('normal');
    expect(r.grounds).not.toContain(1);
    const report = monitoringReport(r, form);
    expect(report.verdictText['zh-CN']).not.toContain('第十七条第一项');
    // With the province's roster year too: the year of the form is what is impossible.
    const rostered = reviewMonitoring(monitoringSnapshot(form, 2099, { ...normalMonitoring(form), M1: 2099, R1: 2022, R3: '2100-01-15' }), form, { recognitionYear: 2022 }, '2025-06-01');
    expect(rostered.grounds).not.toContain(1);
  });
});

describe('monitor with two forms for one year', () => {
  it('counts the one received last whatever the order of the arguments, and says so on the terminal and in the register', async () => {
    const { filledMonitoringForm } = await import('../../scripts/fill-monitoring.js');
    const { saveWorkbook } = await import('../../src/xlsx/workbook.js');
    const dir = tempDir();
    const data = JSON.parse(readFileSync('examples/monitoring/01-normal.json', 'utf8')) as Parameters<typeof filledMonitoringForm>[1];
    // The first on time; the second, received after the deadline (30 April), the resubmission the province counts.
    const [early, late] = [join(dir, '2024-早.xlsx'), join(dir, '2024-晚.xlsx')];
    await saveWorkbook(await filledMonitoringForm(nationalRulebook(), { ...data, values: { ...data.values, R3: '2025-03-01' } }), early);
    await saveWorkbook(await filledMonitoringForm(nationalRulebook(), { ...data, values: { ...data.values, R3: '2025-05-20' } }), late);
    const rows: string[] = [];
    for (const [n, order] of [[1, [late, early]], [2, [early, late]]] as const) {
      const out = join(dir, `reg${n}.xlsx`);
      const r = await runCli(['monitor', ...order, '-o', out, '--year', '2025']);
      expectNoCrash(r);
      expect(r.stderr).toMatch(/2024年度有多份培育情况信息表.*采用报送日期最晚的 .*2024-晚\.xlsx/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const cells: string[] = [];
      wb.getWorksheet('监测汇总')!.getRow(4).eachCell((c) => void cells.push(String(c.value)));
      rows.push(cells.join('|'));
      expect(cells.join('|')).toContain('建议撤销认定');
      expect(cells.join('|')).toMatch(/采用报送日期最晚的.*2024-晚\.xlsx/);
    }
    expect(rows[0]).toBe(rows[1]);
  }, 120_000);
});

describe('small messages with their real cause', () => {
  it('kit -o naming an existing file: a file where a folder is needed, not “exists and is not empty”', async () => {
    const d = tempDir();
    const file = join(d, 'afile');
    writeFileSync(file, 'x');
    const r = await runCli(['kit', '--base-url', 'https://review.example.gov.cn/c', '-o', file]);
    expectRefused(r, '不是文件夹');
    expect(r.stderr).not.toContain('不为空');
    expect(readFileSync(file, 'utf8')).toBe('x');
  }, 120_000);

  it('<v>1e999</v> in a 规划目标 cell: the cell named and the number said to be out of range, never “null”', async () => {
    const d = tempDir();
    const app = await writeExample(d, '01-passing', {}, 'p.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(app);
    wb.getWorksheet('规划目标')!.getCell('E4').value = 424242.5;
    await wb.xlsx.writeFile(app);
    await patchXml(app, { '<v>424242.5</v>': '<v>1e999</v>' });
    const r = await runCli(['check', app, '-o', join(d, 'out.xlsx')]);
    expectNoCrash(r);
    expect(r.stdout).not.toContain('null');
    expect(r.stdout).toMatch(/规划目标!E4/);
    expect(r.stdout).toContain('超出范围');
  }, 120_000);

  it('check with two inputs whose output names are too long: each file said once, with its own name', async () => {
    const d = tempDir();
    const a = await writeExample(d, '01-passing', {}, `${'a'.repeat(246)}.xlsx`);
    const b = await writeExample(d, '01-passing', {}, `${'b'.repeat(246)}.xlsx`);
    const r = await runCli(['check', a, b]);
    expectRefused(r, '文件名过长');
    expect(r.stderr.match(/文件名过长/g)).toHaveLength(2);
    expect(r.stderr).toContain(`${'a'.repeat(246)}.reviewed.xlsx`);
    expect(r.stderr).toContain(`${'b'.repeat(246)}.reviewed.xlsx`);
  }, 120_000);

  it('expert names with bidi and control characters make score-sheet file names without them; the terminal shows them escaped', async () => {
    const d = tempDir();
    const app = await writeExample(d, '01-passing', {}, 'a.xlsx');
    const out = join(d, 's');
    const r = await runCli(['scoresheets', app, '--experts', '甲\u202e乙,丙\u0007丁,戊\u200b己', '-o', out]);
    expectNoCrash(r);
    expect(r.code, r.stderr).toBe(0);
    const names = readdirSync(out).filter((n) => n.endsWith('.xlsx'));
    expect(names).toHaveLength(3);
    // eslint-disable-next-line no-control-regex
    for (const n of names) expect(n).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
    expect(r.stdout).toContain('甲\\u202e乙');
    expect(r.stdout).not.toContain('\u202e');
  }, 120_000);
});

describe('a round record sheet with one cell far away', () => {
  it('a cell in row 1,048,576 of _cluster_review_round is read sparsely: refused as a broken record within the goal (it cost 1 GB)', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('_cluster_review_round');
    ws.getCell('A1').value = 'format';
    ws.getCell('B1').value = 'cluster-review/scoresheet@1';
    ws.getCell('A1048576').value = 'x';
    const file = join(dir, 'far.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runCli(['tally', file, '--experts', '甲', '-o', join(dir, 'l.xlsx')], { timeoutMs: 60_000, measureRss: true });
    expectRefused(r, '隐藏记录已损坏');
    expectWithinGoal(r);
  }, 120_000);
});
