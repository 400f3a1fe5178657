/**
 * Issue #9, items 3, 4 and 6 as an attacker (and a committee) would try them: each case is a small generated
 * workbook run through the real command (`node bin/cluster-review.js`, a child process with a time limit). Each
 * asserts the exit code, a message, no stack trace, the input unchanged, and a valid output: every cell within
 * Excel's limits, finite numbers, sheet names ≤ 31, read back by ExcelJS and opened by LibreOffice.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { META_SHEET, type SummaryLayout } from '../../src/core/index.js';
import { readMeta } from '../../src/xlsx/meta.js';
import { load, noteOf, sha, tempDir, writeExample } from '../support/files.js';
import { expectOpensInLibreOffice, expectValid, runCli } from './support.js';

const SENTENCE = '提交的文件中已含评审内容，请核实来源';
/** The command as a user runs it (the suite's shared runner), killed after `limit` ms. */
async function run(args: string[], limit = 20_000): Promise<{ code: number | null; out: string; err: string }> {
  const r = await runCli(args, { timeoutMs: limit });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|TypeError|RangeError|Maximum call stack/);

function layoutOf(wb: ExcelJS.Workbook): SummaryLayout {
  return readMeta(wb)!.review!.summary!;
}

/** A reviewed copy, with a function to type into its summary and save it as a new input. */
async function reviewed(dir: string, experts: string): Promise<{ path: string; wb: ExcelJS.Workbook; layout: SummaryLayout }> {
  const input = await writeExample(dir, '01-passing');
  const path = join(dir, 'round1.xlsx');
  const r = await run(['check', input, '-o', path, '--experts', experts]);
  expect(r.code).toBe(0);
  const wb = await load(path);
  return { path, wb, layout: layoutOf(wb) };
}

async function recheck(dir: string, wb: ExcelJS.Workbook, name: string, extra: string[] = []) {
  const input = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(input);
  const before = sha(input);
  const output = join(dir, `${name}.out.xlsx`);
  const r = await run(['check', input, '-o', output, ...extra]);
  noStack(r.err);
  expect(sha(input)).toBe(before);
  return { r, output, out: await expectValid(output) };
}

describe('hostile workbooks: the record is evidence, outputs are valid, people’s work is kept', { timeout: 240_000 }, () => {
  it('a record naming 指标表 as the old summary: the indicator sheet is neither deleted nor rewritten', async () => {
    const dir = tempDir();
    const { wb, layout } = await reviewed(dir, '甲');
    const meta = readMeta(wb)!;
    meta.review!.summary = { ...layout, sheet: '指标表' };
    const { writeMeta } = await import('../../src/xlsx/meta.js');
    await writeMeta(wb, meta);
    const values = wb.getWorksheet('指标表')!.getSheetValues();
    const { r, out } = await recheck(dir, wb, 'forged');
    expect(r.code).toBe(0);
    expect(out.getWorksheet('指标表')!.getSheetValues()).toEqual(values);
    expectOpensInLibreOffice(join(dir, 'forged.out.xlsx'), dir);
  });

  it('a damaged record: a warning, not an internal error', async () => {
    const dir = tempDir();
    const { wb } = await reviewed(dir, '甲');
    // The newest version's last chunk (records are appended blocks: issue #11).
    const meta = wb.getWorksheet(META_SHEET)!;
    meta.getCell(meta.rowCount, 2).value = '{"rulebook": [broken';
    const { r } = await recheck(dir, wb, 'damaged');
    expect(r.code).toBe(0);
    expect(r.err).toContain('评审记录');
  });

  it('arriving with scores, a decision and signatures but no record: said plainly, not carried', async () => {
    const dir = tempDir();
    const { wb, layout } = await reviewed(dir, '甲,乙');
    const ws = wb.getWorksheet(layout.sheet)!;
    for (const row of Object.values(layout.criteriaRows)) ws.getCell(row + 1, layout.experts[0]!.col + 1).value = 1;
    ws.getCell(layout.decision[0] + 1, layout.decision[1] + 1).value = '建议推荐';
    ws.getCell(layout.signatureRow + 1, layout.experts[0]!.col + 1).value = '甲（签）';
    wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id);
    const { r, out } = await recheck(dir, wb, 'foreign');
    expect(r.err).toContain(SENTENCE);
    // The foreign sheet is left as it was; the new summary beside it carries nothing from it.
    expect(out.getWorksheet('评审汇总')!.getCell(layout.decision[0] + 1, layout.decision[1] + 1).value).toBe('建议推荐');
    const fresh = layoutOf(out);
    expect(fresh.sheet).toBe('评审汇总 (2)');
    const ns = out.getWorksheet(fresh.sheet)!;
    expect(ns.getCell(fresh.decision[0] + 1, fresh.decision[1] + 1).value ?? null).toBeNull();
    const texts: string[] = [];
    ns.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts.some((t) => t.startsWith(SENTENCE))).toBe(true);
  });

  it('English: the same said in English', async () => {
    const dir = tempDir();
    const { wb } = await reviewed(dir, '甲');
    wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id);
    const { r } = await recheck(dir, wb, 'foreign-en', ['--lang', 'en-US']);
    expect(r.err).toContain('already contains review content; verify where it came from');
  });

  it('two scores of 9e307, a 40,000-character expert name, and two 32,767-character inputs: a valid workbook', async () => {
    const dir = tempDir();
    const { wb, layout } = await reviewed(dir, '甲,乙');
    const ws = wb.getWorksheet(layout.sheet)!;
    for (const e of layout.experts) for (const row of Object.values(layout.criteriaRows)) ws.getCell(row + 1, e.col + 1).value = 9e307;
    const ind = wb.getWorksheet('指标表')!;
    let n = 0;
    ind.eachRow((row) =>
      row.eachCell((c) => {
        if (n < 2 && typeof c.value === 'number' && Number(c.col) >= 4) {
          c.value = `${'９'.repeat(32766)}x`;
          n++;
        }
      }),
    );
    const { r, output } = await recheck(dir, wb, 'huge', ['--experts', '名'.repeat(40000)]);
    expect([0, 1]).toContain(r.code);
    expectOpensInLibreOffice(output, dir);
  });

  it('an expert named __proto__ keeps 回避 and signature; constructor can be added', async () => {
    const dir = tempDir();
    const { wb, layout } = await reviewed(dir, '__proto__,李四');
    const ws = wb.getWorksheet(layout.sheet)!;
    const col = layout.experts.find((e) => e.name === '__proto__')!.col + 1;
    ws.getCell(layout.conflictRow + 1, col).value = '是';
    ws.getCell(layout.signatureRow + 1, col).value = '签名';
    const { r, out } = await recheck(dir, wb, 'proto', ['--experts', 'constructor']);
    expect(r.code).toBe(0);
    const l2 = layoutOf(out);
    expect(l2.experts.map((e) => e.name)).toEqual(['__proto__', '李四', 'constructor']);
    const ws2 = out.getWorksheet(l2.sheet)!;
    const c2 = l2.experts[0]!.col + 1;
    expect(ws2.getCell(l2.conflictRow + 1, c2).value).toBe('是');
    expect(ws2.getCell(l2.signatureRow + 1, c2).value).toBe('签名');
  });

  it('notes experts added on the summary, and a reviewer’s edit to a flag’s note, survive a re-check', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '02-failing');
    const first = join(dir, 'r1.xlsx');
    expect((await run(['check', input, '-o', first, '--experts', '甲'])).code).toBe(1);
    const wb = await load(first);
    const layout = layoutOf(wb);
    const ws = wb.getWorksheet(layout.sheet)!;
    const score = ws.getCell(layout.criteriaRows['1']! + 1, layout.experts[0]!.col + 1);
    score.note = '请补充佐证材料';
    // The reviewer edits the note of the first flag the tool placed.
    const flag = readMeta(wb)!.review!.flags[0]!;
    const [, a1] = flag.cell.split('!');
    const flagged = wb.getWorksheet('指标表')!.getCell(a1!.replace(/\$/g, ''));
    const edited = `${noteOf(flagged)}\n复核意见：已核实`;
    flagged.note = edited;
    const { r, out } = await recheck(dir, wb, 'notes');
    expect(r.code).toBe(1);
    const l2 = layoutOf(out);
    expect(noteOf(out.getWorksheet(l2.sheet)!.getCell(l2.criteriaRows['1']! + 1, l2.experts[0]!.col + 1))).toBe('请补充佐证材料');
    // Still flagged: the reviewer's edited note is kept below the new flag, and said.
    expect(noteOf(out.getWorksheet('指标表')!.getCell(a1!.replace(/\$/g, '')))).toContain('复核意见：已核实');
    expect(r.err).toContain('修改内容予以保留');
  });
});
