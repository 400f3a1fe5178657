/**
 * A round that says what it does (issue 21, item 4), on real files through the built CLI: score sheets go to the
 * applications that passed the automated check (`--all` for every one), `check` counts a veto as 一票否决,
 * `tally --update-copies` names the copies it rewrote and the next tally records no change for values it only
 * copied, and a cut line of exactly 60 from typed decimals is decided alike by the tool and by LibreOffice
 * recomputing the sheets' formulas.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { readMeta } from '../../src/xlsx/meta.js';
import { cli, load, tempDir, writeExample } from '../support/files.js';
import { libreofficeCsv, SOFFICE } from '../support/libreoffice.js';

const roundApps = (dir: string) => (JSON.parse(readFileSync(join(dir, 'round.json'), 'utf8')) as { applications: Array<{ id: string }> }).applications.map((a) => a.id);

describe('score sheets go to the applications that passed', () => {
  it('by default only passed applications get a row (a vetoed and an incomplete one do not); --all gives every one', async () => {
    const d = tempDir();
    for (const n of ['01-passing', '03-vetoed', '04-incomplete', '05-provincial-rows']) await writeExample(d, n);
    const passed = await cli(['scoresheets', d, '--experts', '甲,乙', '-o', join(d, 's')]);
    expect(passed.code).toBe(0);
    expect(roundApps(join(d, 's')).sort()).toEqual(['01-passing', '05-provincial-rows']);
    // It says what it left out, and how to include it.
    expect(passed.out).toContain('03-vetoed');
    expect(passed.out).toContain('--all');
    const all = await cli(['scoresheets', d, '--experts', '甲,乙', '-o', join(d, 's2'), '--all']);
    expect(all.code).toBe(0);
    expect(roundApps(join(d, 's2')).sort()).toEqual(['01-passing', '03-vetoed', '04-incomplete', '05-provincial-rows']);
  }, 120_000);
});

describe('check counts a veto as 一票否决', () => {
  it('the vetoed example: 一票否决 1, not 不达标 1', async () => {
    const d = tempDir();
    const input = await writeExample(d, '03-vetoed');
    const r = await cli(['check', input, '-o', join(d, 'v.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/一票否决 1\b/);
    expect(r.out).toMatch(/不达标 0\b/);
    const en = await cli(['check', input, '-o', join(d, 'v-en.xlsx'), '--lang', 'en']);
    expect(en.out).toMatch(/vetoed 1\b/i);
  }, 60_000);
});

describe('tally --update-copies', () => {
  it('names each copy it rewrote; the next tally writes no audit row for a value that did not change', async () => {
    const d = tempDir();
    await writeExample(d, '01-passing', {}, 'a.xlsx');
    await writeExample(d, '05-provincial-rows', {}, 'b.xlsx');
    const sheets = join(d, 'sheets');
    expect((await cli(['scoresheets', join(d, 'a.xlsx'), join(d, 'b.xlsx'), '--experts', '甲,乙', '-o', sheets])).code).toBe(0);
    const copies = join(d, 'copies');
    mkdirSync(copies);
    expect((await cli(['check', join(d, 'a.xlsx'), join(d, 'b.xlsx'), '--experts', '甲,乙', '-o', copies])).code).toBe(0);
    await fillScoresheet(join(sheets, '专家评分表-甲.xlsx'), { a: { scores: [16, 12, 8, 12, 8, 8, 8, 8] }, b: { scores: [15, 12, 8, 12, 8, 8, 8, 8] } }, { signature: '甲' });
    await fillScoresheet(join(sheets, '专家评分表-乙.xlsx'), { a: { scores: [18, 12, 8, 12, 8, 8, 8, 8] } }, { signature: '乙' });
    const list = join(d, 'list.xlsx');
    const first = await cli(['tally', copies, sheets, '-o', list, '--update-copies']);
    expect(first.code).not.toBe(2);
    expect(first.out).toContain(join(copies, 'a.reviewed.xlsx'));
    expect(first.out).toContain(join(copies, 'b.reviewed.xlsx'));
    expect(first.out).toMatch(/已更新核验副本/);
    const second = await cli(['tally', copies, sheets, '-o', list, '--json']);
    expect(second.code).not.toBe(2);
    const json = JSON.parse(second.out) as { changes: unknown[]; applications: Array<{ committee: { experts: Array<{ name: string; returned: boolean }> } }>; notReturned: string[] };
    expect(json.changes).toEqual([]);
    // The third, with the copies set aside: their values are still in the unchanged score sheets, nothing removed.
    const third = await cli(['tally', join(d, 'a.xlsx'), join(d, 'b.xlsx'), sheets, '-o', list, '--json']);
    expect((JSON.parse(third.out) as { changes: unknown[] }).changes).toEqual([]);
    // returned agrees with notReturned: every expert returned something, so none is listed as not returned.
    expect(json.notReturned).toEqual([]);
  }, 240_000);
});

describe.skipIf(!SOFFICE)('the cut line at exactly 60, decided alike by the tool and the formulas (needs LibreOffice)', () => {
  it('typed decimals adding to 60 (59.99999999999999 as binary floats): 60 in the score sheet, the summary and the tally; recommended', async () => {
    const d = tempDir();
    await writeExample(d, '01-passing', {}, 'a.xlsx');
    const at60 = [12.8, 11, 9.7, 6.4, 8, 5.3, 6, 0.8];
    expect(at60.reduce((x, y) => x + y, 0)).not.toBe(60);
    expect((await cli(['scoresheets', join(d, 'a.xlsx'), '--experts', '甲,乙,丙', '-o', join(d, 's')])).code).toBe(0);
    for (const x of ['甲', '乙', '丙']) await fillScoresheet(join(d, 's', `专家评分表-${x}.xlsx`), { a: { scores: at60 } }, { signature: x });
    const copy = join(d, 'a.reviewed.xlsx');
    expect((await cli(['check', join(d, 'a.xlsx'), '--experts', '甲,乙,丙', '-o', copy])).code).toBe(0);
    const tallied = await cli(['tally', copy, join(d, 's'), '-o', join(d, 'list.xlsx'), '--update-copies', '--json']);
    const app = (JSON.parse(tallied.out) as { applications: Array<{ committee: { score: number; experts: Array<{ total: number }> }; recommendation: string }> }).applications[0]!;
    expect(app.committee.score).toBe(60);
    expect(app.committee.experts.map((x) => x.total)).toEqual([60, 60, 60]);
    expect(app.recommendation).toBe('recommended');
    // LibreOffice recomputes: the score sheet's total, and the summary's recommendation formula over the mean.
    const sheet = libreofficeCsv(join(d, 's', '专家评分表-甲.xlsx'), 1, join(d, 'csv1'));
    expect(sheet[3]![5 + 2 * at60.length]).toBe('60');
    const wb = await load(copy);
    const order = wb.worksheets.findIndex((w) => w.name === '评审汇总') + 1;
    const layout = readMeta(wb)!.review!.summary!;
    const grid = libreofficeCsv(copy, order, join(d, 'csv2'));
    const totalRow = Math.max(...Object.values(layout.criteriaRows)) + 1;
    expect(grid[totalRow]!.filter((v) => v === '60').length).toBeGreaterThanOrEqual(3);
    expect(grid.find((r) => r[1]?.startsWith('推荐意见'))?.[2]).toBe('达到推荐分数线');
  }, 240_000);
});
