/**
 * Expert management on real files, through the built command line as a user runs it: `check --rename-expert`,
 * `--remove-expert` (refused, then forced and recorded), 回避 with its reason, a recused column greyed with
 * 回避，不计入, an expert header edited in the sheet, `check --json`'s committee section, and `tally
 * --update-copies` writing scores, 回避 and opinions into a reviewed copy while keeping every other cell.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SummaryLayout } from '../../src/core/index.js';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { argbOf, load, noteOf, summaryOf, tempDir, writeExample } from '../support/files.js';

const BIN = join(process.cwd(), 'bin', 'cluster-review.js');

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const WEIGHTS = [20, 15, 10, 15, 10, 10, 10, 10];

const colOf = (layout: SummaryLayout, name: string) => layout.experts.find((x) => x.name === name)?.col;
const headerRow = (layout: SummaryLayout) => Math.min(...Object.values(layout.criteriaRows)) - 1;
const totalRow = (layout: SummaryLayout) => Math.max(...Object.values(layout.criteriaRows)) + 1;
const ids = (layout: SummaryLayout) => Object.keys(layout.criteriaRows);

/**
 * A reviewed copy as the committee fills it: 甲 scores every criterion (one as full-width text), 乙 recuses with a
 * reason, 丙 signs; a note left on 甲's first score.
 */
async function typedCopy(dir: string): Promise<string> {
  await writeExample(dir, '01-passing', {}, 'a.xlsx');
  const first = join(dir, 'a.reviewed.xlsx');
  const r = run(['check', join(dir, 'a.xlsx'), '--experts', '甲,乙,丙', '-o', first]);
  expect(r.code, r.err).toBe(0);
  const { wb, layout, at } = await summaryOf(first);
  const jia = colOf(layout, '甲')!;
  const yi = colOf(layout, '乙')!;
  const bing = colOf(layout, '丙')!;
  ids(layout).forEach((id, i) => (at(layout.criteriaRows[id]!, jia).value = i === 0 ? '１８' : WEIGHTS[i]! - 2));
  at(layout.criteriaRows[ids(layout)[0]!]!, jia).note = '材料翔实';
  at(layout.conflictRow, yi).value = '是';
  at(layout.reasonRow!, yi).value = '曾任该集群顾问';
  at(layout.signatureRow, bing).value = '丙';
  at(...layout.decision).value = '建议推荐';
  const typed = join(dir, 'typed.xlsx');
  await wb.xlsx.writeFile(typed);
  return typed;
}

describe('experts in the summary, on real files', () => {
  let dir: string;
  let typed: string;
  beforeAll(async () => {
    dir = tempDir();
    typed = await typedCopy(dir);
  }, 60_000);

  it('renames an expert: the column keeps its scores, note and signature, and the change is recorded', async () => {
    const out = join(dir, 'renamed.xlsx');
    const r = run(['check', typed, '--rename-expert', '甲=张三', '--rename-expert', '丙＝王五', '-o', out]);
    expect(r.code, r.err).toBe(0);
    const { layout, at } = await summaryOf(out);
    expect(layout.experts.map((x) => x.name)).toEqual(['张三', '乙', '王五']);
    const col = colOf(layout, '张三')!;
    expect(at(headerRow(layout), col).value).toBe('张三');
    const first = layout.criteriaRows[ids(layout)[0]!]!;
    expect(at(first, col).value).toBe('１８');
    expect(noteOf(at(first, col))).toBe('材料翔实');
    expect(at(layout.signatureRow, colOf(layout, '王五')!).value).toBe('丙');
    expect(at(totalRow(layout), col).result).toBe(18 + WEIGHTS.slice(1).reduce((a, w) => a + w - 2, 0));
    expect(layout.changes?.map((c) => [c.kind, c.expert, c.to])).toEqual([
      ['rename', '甲', '张三'],
      ['rename', '丙', '王五'],
    ]);
    // A rename onto a name the committee has is refused: two columns would merge.
    const taken = run(['check', typed, '--rename-expert', '甲=乙', '-o', join(dir, 'taken.xlsx')]);
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('评审汇总中已有该专家');
    expect(existsSync(join(dir, 'taken.xlsx'))).toBe(false);
  }, 60_000);

  it('refuses to remove an expert who has scores (exit 2, nothing written), removes with --force-remove and records it', async () => {
    const out = join(dir, 'removed.xlsx');
    const refused = run(['check', typed, '--remove-expert', '甲', '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('专家“甲”已填写8项');
    expect(refused.err).toContain('--force-remove');
    expect(existsSync(out)).toBe(false);
    // 乙 has a 回避 mark: refused too.
    expect(run(['check', typed, '--remove-expert', '乙', '-o', out]).code).toBe(2);
    const unknown = run(['check', typed, '--remove-expert', '李四', '-o', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('没有名为“李四”的专家');

    const forced = run(['check', typed, '--remove-expert', '甲', '--force-remove', '-o', out]);
    expect(forced.code, forced.err).toBe(0);
    const { ws, layout } = await summaryOf(out);
    expect(layout.experts.map((x) => x.name)).toEqual(['乙', '丙']);
    expect(layout.changes).toEqual([expect.objectContaining({ kind: 'remove', expert: '甲', had: 8, forced: true })]);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts.some((x) => x.includes('移除专家“甲”（移除前已填写8项），经确认强制移除'))).toBe(true);

    // The next tally's 评分记录 shows the removal.
    const rollup = join(dir, 'removed-rollup.xlsx');
    const t = run(['tally', out, '--experts', '乙,丙', '-o', rollup, '--json']);
    expect([0, 1]).toContain(t.code);
    const j = JSON.parse(t.out);
    expect(j.changes).toContainEqual(expect.objectContaining({ item: 'expert', expert: '甲', outcome: 'removed', old: '甲', new: null }));
    const audit = (await load(rollup)).getWorksheet('评分记录')!;
    const rows: unknown[][] = [];
    audit.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.some((r) => r[0] === '甲' && r[2] === '专家' && r[4] === '已删除')).toBe(true);
    // Seen once: a later tally does not record it again.
    const again = run(['tally', out, '--experts', '乙,丙', '-o', rollup, '--json']);
    expect(JSON.parse(again.out).changes.filter((c: { item: string }) => c.item === 'expert')).toEqual([]);
  }, 90_000);

  it('keeps the 回避 reason, greys the recused column and says 回避，不计入; the committee figures leave it out', async () => {
    const out = join(dir, 'recused.xlsx');
    const r = run(['check', typed, '-o', out]);
    expect(r.code, r.err).toBe(0);
    const { layout, at } = await summaryOf(out);
    const yi = colOf(layout, '乙')!;
    expect(at(layout.conflictRow, yi).value).toBe('是');
    expect(at(layout.reasonRow!, yi).value).toBe('曾任该集群顾问');
    expect(at(totalRow(layout), yi).result).toBe('回避，不计入');
    expect(String(at(totalRow(layout), yi).formula)).toContain('回避，不计入');
    // Greyed top to bottom: header, scores, mark, reason; still open to typing (the mark may be withdrawn).
    for (const row of [headerRow(layout), layout.criteriaRows[ids(layout)[0]!]!, layout.conflictRow, layout.reasonRow!]) expect(argbOf(at(row, yi))).toBe('FFEDEDED');
    expect(at(layout.criteriaRows[ids(layout)[0]!]!, yi).protection?.locked).toBe(false);
    expect(argbOf(at(layout.criteriaRows[ids(layout)[0]!]!, colOf(layout, '甲')!))).not.toBe('FFEDEDED');
  }, 60_000);

  it('does not revert an expert header edited in the sheet: the new name is taken, said, and recorded; a cleared one is restored and said', async () => {
    const edited = join(dir, 'edited.xlsx');
    const { wb, layout, at } = await summaryOf(typed);
    at(headerRow(layout), colOf(layout, '丙')!).value = '王五';
    at(headerRow(layout), colOf(layout, '甲')!).value = null;
    await wb.xlsx.writeFile(edited);
    const out = join(dir, 'edited.reviewed.xlsx');
    const r = run(['check', edited, '-o', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('“丙” → “王五”');
    expect(r.err).toContain('按修改采用新名称');
    expect(r.err).toContain('已恢复原名（“” → “甲”）');
    const after = await summaryOf(out);
    expect(after.layout.experts.map((x) => x.name)).toEqual(['甲', '乙', '王五']);
    expect(after.at(headerRow(after.layout), colOf(after.layout, '甲')!).value).toBe('甲');
    expect(after.at(after.layout.signatureRow, colOf(after.layout, '王五')!).value).toBe('丙');
    expect(after.layout.changes).toEqual([expect.objectContaining({ kind: 'header-edited', expert: '丙', to: '王五' })]);
  }, 60_000);

  it('check --json has a committee section built from the summary: experts, 回避 with reason, figures, recommendation, decision', () => {
    const r = run(['check', typed, '-o', join(dir, 'json.xlsx'), '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    const c = j.committee;
    expect(c.experts.map((x: { name: string }) => x.name)).toEqual(['甲', '乙', '丙']);
    const jia = c.experts[0];
    expect(jia.scores['1']).toBe(18);
    expect(jia.total).toBe(18 + WEIGHTS.slice(1).reduce((a, w) => a + w - 2, 0));
    expect(c.experts[1]).toMatchObject({ name: '乙', conflicted: true, reason: '曾任该集群顾问', total: null });
    expect(c.experts[2]).toMatchObject({ name: '丙', signature: '丙', total: null });
    expect(c.n).toBe(1);
    expect(c.score).toBe(jia.total);
    expect(c.recommendation).toBe('pending');
    expect(c.reason).toBe('experts');
    expect(c.decision).toEqual({ decision: '建议推荐', rationale: '', date: '' });
    expect(c.rule.combine).toBe('trimmed-mean');
    // A first check (no summary yet) has none.
    const first = run(['check', join(dir, 'a.xlsx'), '-o', join(dir, 'first.xlsx'), '--json']);
    expect(JSON.parse(first.out).committee).toBeUndefined();
  }, 60_000);
});

describe('tally --update-copies on real files', () => {
  it('writes scores, 回避 with reason and the experts’ opinions into each reviewed copy; every other cell kept; the copy replaced whole', async () => {
    const d = tempDir();
    await writeExample(d, '01-passing', {}, 'a.xlsx');
    await writeExample(d, '02-failing', {}, 'c.xlsx');
    writeFileSync(join(d, 'conflicts.csv'), 'expert,application,reason\n丙,c.xlsx,曾在该集群任职\n');
    const sheets = join(d, 'sheets');
    expect(run(['scoresheets', join(d, 'a.xlsx'), join(d, 'c.xlsx'), '--experts', '甲,乙,丙', '--conflicts', join(d, 'conflicts.csv'), '-o', sheets, '--all']).code).toBe(0);
    const copies = join(d, 'copies');
    const made = run(['check', join(d, 'a.xlsx'), join(d, 'c.xlsx'), '--experts', '甲,乙,丙', '-o', copiesDir(copies)]);
    expect(made.code).toBe(1); // c fails its automated check
    const copy = join(copies, 'c.reviewed.xlsx');
    // The applicant's data and the flags (fill and note) as the check left them.
    const before = await load(copy);
    const data = before.getWorksheet('指标表')!;
    const flagged: Array<[string, string | undefined, string | null]> = [];
    data.eachRow((row) => row.eachCell((c) => void (argbOf(c) && flagged.push([c.address, argbOf(c), noteOf(c)]))));
    expect(flagged.length).toBeGreaterThan(0);
    const values: Array<[string, unknown]> = [];
    data.eachRow((row) => row.eachCell((c) => void values.push([c.address, c.value])));

    const w = (t: number) => WEIGHTS.map((x) => Math.round((x * t) / 100));
    await fillScoresheet(join(sheets, '专家评分表-甲.xlsx'), { a: { scores: w(90), opinion: '特色鲜明，建议推荐' }, c: { scores: w(50), notes: { '1': '规模偏小' }, opinion: '指标未达标' } }, { signature: '甲' });
    await fillScoresheet(join(sheets, '专家评分表-乙.xlsx'), { a: { scores: w(80) }, c: { scores: w(40), opinion: '不建议' } }, { signature: '乙' });
    await fillScoresheet(join(sheets, '专家评分表-丙.xlsx'), { a: { scores: w(85) } }, { signature: '丙' });
    const inode = statSync(copy).ino;
    const r = run(['tally', copies, sheets, '-o', join(d, 'rollup.xlsx'), '--update-copies']);
    expect([0, 1]).toContain(r.code);
    expect(r.err).not.toContain('错误');

    const { wb, layout, at } = await summaryOf(copy);
    const col = (n: string) => colOf(layout, n)!;
    const first = layout.criteriaRows['1']!;
    expect(at(first, col('甲')).value).toBe(w(50)[0]);
    expect(at(first, col('乙')).value).toBe(w(40)[0]);
    expect(at(first, col('丙')).value).toBeNull();
    expect(at(layout.conflictRow, col('丙')).value).toBe('是');
    expect(at(layout.reasonRow!, col('丙')).value).toBe('曾在该集群任职');
    expect(at(totalRow(layout), col('丙')).result).toBe('回避，不计入');
    const op = (name: string) => layout.opinions!.rows.find((x) => x.name === name)!.row;
    expect(at(op('甲'), layout.opinions!.opinion).value).toBe('指标未达标');
    expect(at(op('甲'), layout.opinions!.notes).value).toBe('1：规模偏小');
    expect(at(op('乙'), layout.opinions!.opinion).value).toBe('不建议');
    expect(at(layout.signatureRow, col('甲')).value).toBe('甲');

    // Every other cell kept: the applicant's data, the flags with their notes.
    const after = wb.getWorksheet('指标表')!;
    for (const [addr, v] of values) expect(after.getCell(addr).value, addr).toEqual(v);
    for (const [addr, fill, note] of flagged) {
      expect(argbOf(after.getCell(addr)), addr).toBe(fill);
      expect(noteOf(after.getCell(addr)), addr).toBe(note);
    }
    // Replaced whole (a new file renamed over the copy), with no temporary file left beside it.
    expect(statSync(copy).ino).not.toBe(inode);
    expect(readdirSync(copies).sort()).toEqual(['a.reviewed.xlsx', 'c.reviewed.xlsx']);

    // A later check of the updated copy keeps the opinions.
    const again = join(d, 'c.again.xlsx');
    copyFileSync(copy, join(d, 'c.copy.xlsx'));
    expect(run(['check', join(d, 'c.copy.xlsx'), '-o', again]).code).toBe(1);
    const kept = await summaryOf(again);
    expect(kept.at(kept.layout.opinions!.rows.find((x) => x.name === '甲')!.row, kept.layout.opinions!.opinion).value).toBe('指标未达标');
  }, 180_000);
});

describe('tally --update-copies with scores it cannot use', () => {
  it('writes "十八" and an out-of-range 25 into the copy as typed (its figures leave them out), never a silent blank; a second tally sees no conflict', async () => {
    const d = tempDir();
    await writeExample(d, '01-passing', {}, 'a.xlsx');
    const sheets = join(d, 'sheets');
    expect(run(['scoresheets', join(d, 'a.xlsx'), '--experts', '甲,乙', '-o', sheets]).code).toBe(0);
    const copies = copiesDir(join(d, 'copies'));
    const copy = join(copies, 'a.reviewed.xlsx');
    expect(run(['check', join(d, 'a.xlsx'), '--experts', '甲,乙', '-o', copy]).code).toBe(0);
    await fillScoresheet(join(sheets, '专家评分表-甲.xlsx'), { a: { scores: ['十八', 25, -1, 12, 8, 8, 8, 8] } }, { signature: '甲' });
    const r = run(['tally', copies, sheets, '-o', join(d, 'rollup.xlsx'), '--update-copies', '--json']);
    expect([0, 1]).toContain(r.code);
    const problems = (JSON.parse(r.out) as { problems: Array<{ code: string; criterion?: string }> }).problems.map((p) => `${p.code}:${p.criterion}`);
    expect(problems).toEqual(expect.arrayContaining(['not-a-number:1', 'out-of-range:2', 'out-of-range:3']));
    const { layout, at } = await summaryOf(copy);
    expect(at(layout.criteriaRows['1']!, colOf(layout, '甲')!).value).toBe('十八');
    expect(String(at(layout.criteriaRows['2']!, colOf(layout, '甲')!).value)).toBe('25');
    // A negative score goes back as the number it was (text "-1" would not read as a number: a false conflict).
    expect(at(layout.criteriaRows['3']!, colOf(layout, '甲')!).value).toBe(-1);
    expect(at(layout.criteriaRows['4']!, colOf(layout, '甲')!).value).toBe(12);
    // The copy and the score sheet say the same: read together again, no conflict.
    const again = run(['tally', copies, sheets, '-o', join(d, 'rollup2.xlsx'), '--json']);
    const codes = (JSON.parse(again.out) as { problems: Array<{ code: string }> }).problems.map((p) => p.code);
    expect(codes).not.toContain('conflict');
    expect(codes.filter((c) => c === 'out-of-range').length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

function copiesDir(path: string): string {
  if (!existsSync(path)) spawnSync('mkdir', ['-p', path]);
  return path;
}
