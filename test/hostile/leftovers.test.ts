/**
 * Hostile (issue 20): the cases still open after the campaigns — a reviewed copy given as the application, scores the
 * tool wrote read back as entries, the same data under two names in `batch`, links in `--papers`, stale temporaries,
 * impossible monitoring years, two forms for one year, and the small messages. Each failed on the code before it.
 */
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { monitoringForm, monitoringReport, monitoringSnapshot, nationalRulebook, reviewMonitoring } from '../../src/core/index.js';
import { normalMonitoring } from '../support/monitoring.js';
import { scoresSumming, tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, reviewedExample, runCli } from './support.js';

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
  }, 90_000);

  it('beside its original the copy is the committee’s own summary: its scores count, nothing is said', async () => {
    const { dir, app, copy } = await scoredCopy();
    const r = await runCli(['tally', app, copy, '--experts', '甲', '-o', join(dir, 'list.xlsx'), '--json']);
    expectNoCrash(r);
    expect(r.stderr).not.toContain(ARRIVED);
    const json = JSON.parse(r.stdout) as { applications: Array<{ committee: { n: number; score: number } }> };
    expect(json.applications[0]!.committee).toMatchObject({ n: 1, score: 80 });
  }, 90_000);
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
  }, 60_000);
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
    const r = await runCli(args);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(name);
    expect(r.stderr).toContain('链接');
    expect(lstatSync(join(papers, name)).isSymbolicLink()).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('not the tool’s');
  }, 90_000);
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
  }, 60_000);
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
