/**
 * The committee round on real files, through the built command line as a user runs it: score sheets written,
 * filled, returned (one saved by LibreOffice), tallied into the committee's list; every refusal a plain message
 * with exit 2; LibreOffice recomputing the sheets' formulas gives the tool's figures, full-width text included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { committeeFigures } from '../../src/core/index.js';
import { load, rb, scoresSumming, tempDir, writeExample } from '../support/files.js';
import { libreofficeConvert, libreofficeCsv, SOFFICE } from '../support/libreoffice.js';

const BIN = join(process.cwd(), 'bin', 'cluster-review.js');

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const SHEET = (dir: string, expert: string) => join(dir, 'sheets', `专家评分表-${expert}.xlsx`);

/** Three applications (two passing, one failing), three experts, 丙 recused from b. */
async function setup(): Promise<string> {
  const dir = tempDir();
  await writeExample(dir, '01-passing', {}, 'a.xlsx');
  await writeExample(dir, '01-passing', { B1: '乙县精密轴承产业集群' }, 'b.xlsx');
  await writeExample(dir, '02-failing', {}, 'c.xlsx');
  writeFileSync(join(dir, 'conflicts.csv'), 'expert,application,reason\n丙,b.xlsx,曾在该集群任职\n');
  const r = run(['scoresheets', join(dir, 'a.xlsx'), join(dir, 'b.xlsx'), join(dir, 'c.xlsx'), '--experts', '甲,乙,丙', '--conflicts', join(dir, 'conflicts.csv'), '-o', join(dir, 'sheets'), '--all']);
  expect(r.code, r.err).toBe(0);
  return dir;
}

const full = scoresSumming;

describe('a round on real files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await setup();
  }, 60_000);

  it('writes one score sheet per expert: a row per application, weights in the headers, recused rows locked and greyed, hidden ids', async () => {
    const wb = await load(SHEET(dir, '丙'));
    const ws = wb.getWorksheet('专家评分表')!;
    expect(String(ws.getCell(1, 1).value)).toContain('2025年度中小企业特色产业集群专家评分表（专家：丙）');
    expect(String(ws.getCell(3, 6).value)).toMatch(/（满分20）$/);
    const ids = [4, 5, 6].map((r) => ws.getCell(r, 26).value);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(ws.getColumn(26).hidden).toBe(true);
    // b: 回避 with its reason, score cells locked and grey; a: score cells open.
    expect(ws.getCell(5, 23).value).toBe('是');
    expect(ws.getCell(5, 24).value).toBe('曾在该集群任职');
    expect(ws.getCell(5, 6).protection?.locked).not.toBe(false);
    expect((ws.getCell(5, 6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF2F2F2');
    expect(ws.getCell(4, 6).protection?.locked).toBe(false);
    expect(ws.getCell(4, 6).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 20] });
    expect(wb.getWorksheet('_cluster_review_round')!.state).toBe('veryHidden');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:3' });
    const round = JSON.parse(readFileSync(join(dir, 'sheets', 'round.json'), 'utf8'));
    expect(round.conflicts).toEqual([{ expert: '丙', application: 'b', reason: '曾在该集群任职' }]);
  });

  it('tallies returned sheets (one saved by LibreOffice, one with full-width text) into the ranked list, the record and the opinions', async () => {
    const d = tempDir();
    for (const n of ['a', 'b', 'c']) copyFileSync(join(dir, `${n}.xlsx`), join(d, `${n}.xlsx`));
    const sheets = join(d, 'sheets');
    execFileSync('mkdir', ['-p', sheets]);
    copyFileSync(join(dir, 'sheets', 'round.json'), join(sheets, 'round.json'));
    for (const x of ['甲', '乙', '丙']) copyFileSync(SHEET(dir, x), join(sheets, `专家评分表-${x}.xlsx`));
    await fillScoresheet(join(sheets, '专家评分表-甲.xlsx'), { a: { scores: full(88), opinion: '特色鲜明' }, b: { scores: full(80).map((v, i) => (i === 0 ? '１５' : v)) }, c: { scores: full(50) } }, { signature: '甲', date: '2025-06-01' });
    await fillScoresheet(join(sheets, '专家评分表-乙.xlsx'), { a: { scores: full(86), notes: { '1': '龙头带动强' } }, b: { scores: full(82) }, c: { scores: full(40) } });
    await fillScoresheet(join(sheets, '专家评分表-丙.xlsx'), { a: { scores: full(84) }, c: { scores: full(45) } });
    if (SOFFICE) {
      // 丙 opened and saved the sheet in LibreOffice: still read.
      const lo = join(d, 'lo');
      libreofficeConvert(join(sheets, '专家评分表-丙.xlsx'), 'xlsx', lo);
      copyFileSync(join(lo, '专家评分表-丙.xlsx'), join(sheets, '专家评分表-丙.xlsx'));
    }
    const out = join(d, '推荐汇总.xlsx');
    const r = run(['tally', d, sheets, '-o', out, '--quota', '1', '--json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    const byId = Object.fromEntries(json.applications.map((a: { id: string }) => [a.id, a]));
    expect(byId.a).toMatchObject({ rank: 1, recommendation: 'recommended', committee: { n: 3, score: 86, median: 86, spread: 4 } });
    // b: 丙 recused; 甲's "１５" counts as 15 (甲 75, 乙 82): two totals, under the three experts the national
    // rulebook's defaults count, so b is pending (not ranked beyond the quota on two experts' word).
    expect(byId.b).toMatchObject({ rank: null, recommendation: 'pending', pending: ['experts'], committee: { n: 2, score: 78.5 } });
    expect(byId.b.committee.experts[2]).toMatchObject({ name: '丙', conflicted: true });
    expect(byId.b.committee.experts[0].scores['1']).toBe(15);
    expect(byId.c).toMatchObject({ recommendation: 'not-eligible', reason: 'failed', rank: null });
    expect(byId.a.committee.experts[1].notes).toEqual({ '1': '龙头带动强' });
    expect(json.problems).toEqual([]);
    const wb = await load(out);
    const list = wb.getWorksheet('推荐汇总')!;
    expect(list.getCell(1, 1).value).toBe('2025年度中小企业特色产业集群推荐汇总表');
    expect(String(list.getCell(5, 1).value)).toContain('以上为推荐名单');
    expect(wb.getWorksheet('评分记录')!.rowCount).toBeGreaterThan(3 * 8 * 2);
    const audit = wb.getWorksheet('评分记录')!;
    const row = audit.getRow(2).values as unknown[];
    expect(row.slice(1, 11)).toEqual(['甲', '示例县精密轴承产业集群', '1', '20', '计入', '新增', '专家评分表-甲.xlsx', '专家评分表!F4', expect.stringMatching(/^[0-9a-f]{64}$/), expect.any(String)]);
    const opinions = wb.getWorksheet('评审意见')!;
    expect(opinions.rowCount).toBe(1 + 3 * 3);

    // The committee's decision is kept by a later tally, and nothing changed is not recorded again.
    const id = list.getColumn(19).values.indexOf('a');
    // 审定结果, its date and the meeting: columns 12–14 of the list (what prints comes first; 地级市 is column 5).
    list.getCell(id, 12).value = '推荐';
    list.getCell(id, 13).value = '2025-06-30';
    list.getCell(id, 14).value = '第3次评审会';
    await wb.xlsx.writeFile(out);
    const again = run(['tally', d, sheets, '-o', out, '--quota', '1', '--json']);
    expect(again.code, again.err).toBe(0);
    const j2 = JSON.parse(again.out);
    expect(j2.applications[0].decision).toEqual({ decision: '推荐', date: '2025-06-30', meeting: '第3次评审会' });
    expect(j2.changes).toEqual([]);
  }, 180_000);

  it('lists a conflict between two files of one expert (pending), and takes the newer file only when asked', async () => {
    const d = tempDir();
    for (const n of ['a', 'b', 'c']) copyFileSync(join(dir, `${n}.xlsx`), join(d, `${n}.xlsx`));
    copyFileSync(join(dir, 'sheets', 'round.json'), join(d, 'round.json'));
    const s1 = join(d, '甲-1.xlsx');
    const s2 = join(d, '甲-2.xlsx');
    await fillScoresheet(SHEET(dir, '甲'), { a: { scores: full(88) } }, { output: s1 });
    await fillScoresheet(SHEET(dir, '甲'), { a: { scores: full(87) } }, { output: s2 });
    const out = join(d, 'r.xlsx');
    const r = run(['tally', d, '-o', out, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const conflict = j.problems.find((p: { code: string }) => p.code === 'conflict');
    expect(conflict.sources.map((s: { file: string }) => s.file)).toEqual(['甲-1.xlsx', '甲-2.xlsx']);
    expect(j.applications.find((a: { id: string }) => a.id === 'a').recommendation).toBe('pending');
    expect(r.err).toContain('甲 交回了多个评分表');
    expect(j.problems.map((p: { code: string }) => p.code)).toContain('missing-expert');
  }, 60_000);

  it.each([
    ['another round', async (d: string) => {
      const other = join(d, 'other');
      expect(run(['scoresheets', join(d, 'a.xlsx'), '--experts', '甲', '--round', '2024-old', '-o', other]).code).toBe(0);
      return [join(other, '专家评分表-甲.xlsx')];
    }, '是另一轮评审（2024-old）的评分表'],
    ['edited rows', async (d: string) => {
      const p = join(d, 'edited.xlsx');
      const wb = await load(SHEET(dir, '甲'));
      wb.getWorksheet('专家评分表')!.getCell(5, 26).value = null;
      await wb.xlsx.writeFile(p);
      return [p];
    }, '的申报行被改动（缺少：b'],
    ['a damaged file', async (d: string) => {
      const p = join(d, 'broken.xlsx');
      writeFileSync(p, readFileSync(SHEET(dir, '甲')).subarray(0, 2000));
      return [p];
    }, 'broken.xlsx'],
  ])('refuses %s with a plain message and exit 2, writing nothing', async (_name, make, words) => {
    const d = tempDir();
    for (const n of ['a', 'b', 'c']) copyFileSync(join(dir, `${n}.xlsx`), join(d, `${n}.xlsx`));
    const extra = await make(d);
    const out = join(d, 'r.xlsx');
    const r = run(['tally', join(d, 'a.xlsx'), join(d, 'b.xlsx'), join(d, 'c.xlsx'), join(dir, 'sheets', 'round.json'), ...extra, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(words);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('refuses a score sheet made under another rulebook (exit 2)', async () => {
    const d = tempDir();
    copyFileSync(join(dir, 'a.xlsx'), join(d, 'a.xlsx'));
    const book = JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8'));
    book.scoring.spreadShare = 0.25;
    writeFileSync(join(d, 'rb.json'), JSON.stringify(book));
    expect(run(['scoresheets', join(d, 'a.xlsx'), '--experts', '甲', '--rulebook', join(d, 'rb.json'), '-o', join(d, 's')]).code).toBe(0);
    const r = run(['tally', join(d, 'a.xlsx'), join(d, 's', '专家评分表-甲.xlsx'), '--experts', '甲', '--round', '2025-cn-miit-2022', '-o', join(d, 'r.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('按另一评审规则');
  }, 60_000);

  it('refuses experts whose names make one file name before writing anything, and an expert listed twice in tally', () => {
    const d = tempDir();
    copyFileSync(join(dir, 'a.xlsx'), join(d, 'a.xlsx'));
    for (const names of ['a/b,a_b', 'Zhang,zhang']) {
      const out = join(d, `s-${names.length}`);
      const r = run(['scoresheets', join(d, 'a.xlsx'), '--experts', names, '-o', out, '--force']);
      expect(r.code, names).toBe(2);
      expect(r.err).toMatch(/评分表文件名相同.*未写入任何文件/);
      expect(existsSync(out), names).toBe(false);
    }
    // An existing sheet without --force: refused before the first file is written (no half-written round).
    const out = join(d, 's');
    expect(run(['scoresheets', join(d, 'a.xlsx'), '--experts', '甲', '-o', out]).code).toBe(0);
    writeFileSync(join(out, 'round.json'), '{}');
    const again = run(['scoresheets', join(d, 'a.xlsx'), '--experts', '乙,甲', '-o', out]);
    expect(again.code).toBe(2);
    expect(existsSync(SHEET(d, '乙').replace('sheets', 's'))).toBe(false);
    const twice = run(['tally', join(d, 'a.xlsx'), join(out, '专家评分表-甲.xlsx'), '--experts', '甲,甲,乙', '-o', join(d, 'r.xlsx')]);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('专家“甲”重复列出');
  }, 60_000);
});

// LibreOffice recomputing the score sheet and the summary: full-width text digits count as the tool counts them.
describe.skipIf(!SOFFICE)('full-width digits in a real spreadsheet engine (needs LibreOffice)', () => {
  it('the score sheet total and the summary figures agree with the tool for text, full-width and plain scores', async () => {
    const d = tempDir();
    await writeExample(d, '01-passing', {}, 'a.xlsx');
    expect(run(['scoresheets', join(d, 'a.xlsx'), '--experts', '甲', '-o', join(d, 's')]).code).toBe(0);
    const sheet = join(d, 's', '专家评分表-甲.xlsx');
    await fillScoresheet(sheet, { a: { scores: ['１８', ' 12.5 ', 8, '１０．５', 8, 8, 9, 9] } });
    const reviewed = join(d, 'a.reviewed.xlsx');
    expect(run(['check', join(d, 'a.xlsx'), '-o', reviewed, '--experts', '甲,乙']).code).toBe(0);
    const wb = await load(reviewed);
    const ws = wb.getWorksheet('评审汇总')!;
    const meta = (await import('../../src/xlsx/meta.js')).readMeta(wb)!.review!.summary!;
    // Out of range (full-width ９９ and −1): not counted by the formulas, as the tool and the tally do not count them.
    // "9 分" is what an expert types: 9, for the formulas as for the tool.
    const typed = ['１８', '14', '８', '9 分', 8, '９９', -1, 9];
    Object.values(meta.criteriaRows).forEach((row, i) => {
      ws.getCell(row + 1, meta.experts[0]!.col + 1).value = typed[i]!;
      ws.getCell(row + 1, meta.experts[1]!.col + 1).value = 10;
    });
    await wb.xlsx.writeFile(reviewed);
    const csv = (file: string, sheetNo: number): string[][] => libreofficeCsv(file, sheetNo, join(d, 'csv'));
    // The score sheet: 18 + 12.5 + 8 + 10.5 + 8 + 8 + 9 + 9 = 83, as the tally reads it.
    const s = csv(sheet, 1);
    expect(Number(s[3]![21])).toBe(83);
    // The summary: 甲's total is blank (out-of-range scores) as the tool says; criterion 1 mean (18+10)/2.
    const w = await load(reviewed);
    const order = w.worksheets.findIndex((x) => x.name === '评审汇总') + 1;
    const grid = csv(reviewed, order);
    const mean = meta.experts[1]!.col + 1;
    const rows = Object.values(meta.criteriaRows);
    expect(Number(grid[rows[0]!]![mean])).toBe(14);
    expect(Number(grid[rows[2]!]![mean])).toBe(9);
    expect(Number(grid[rows[3]!]![mean])).toBe(9.5);
    expect(Number(grid[rows[5]!]![mean])).toBe(10);
    expect(Number(grid[rows[6]!]![mean])).toBe(10);
    // The core's figures for the same inputs: the same means, and the out-of-range scores reported.
    const ids = Object.keys(meta.criteriaRows);
    const core = committeeFigures(rb, [{ name: '甲', scores: Object.fromEntries(ids.map((id, i) => [id, typed[i]!])) }, { name: '乙', scores: Object.fromEntries(ids.map((id) => [id, 10])) }], 'passed');
    const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
    ids.forEach((id, i) => expect(num(grid[rows[i]!]![mean]), `mean ${id}`).toBe(core.criteria[i]!.mean));
    expect(core.problems.filter((p) => p.code === 'score-out-of-range').map((p) => p.criterion)).toEqual([ids[5], ids[6]]);
    // One complete total (乙's 80) of the two experts the national rulebook asks for: 待评分 in the sheet and the core.
    expect(core).toMatchObject({ score: 80, recommendation: 'pending' });
    expect(grid.find((r) => r[1]?.startsWith('推荐意见'))?.[2]).toBe('待定（待评分）');
  }, 240_000);
});
