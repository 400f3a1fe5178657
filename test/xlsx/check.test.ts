/** `check` through real .xlsx files: flags in place, the summary sheet, re-runs that keep every expert input. */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLAG_FILL, INDICATOR_SHEET, META_SHEET, standardLayout, type Report, type SummaryLayout } from '../../src/core/index.js';
import { readMeta, writeMeta } from '../../src/xlsx/meta.js';
import { argbOf, cli, load, noteOf, rb, sha, tempDir, writeExample } from '../support/files.js';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const layout = standardLayout(rb, 2025);
const rowOf = (code: string) => layout.rows.find((r) => r.indicator.code === code)!.row + 1;

function summaryLayout(wb: ExcelJS.Workbook): SummaryLayout {
  const s = readMeta(wb)?.review?.summary;
  if (!s) throw new Error('no summary layout recorded');
  return s;
}

describe('check writes a reviewed copy', () => {
  const dir = tempDir();
  let input: string;
  let output: string;
  let before: string;
  let src: ExcelJS.Workbook;
  let wb: ExcelJS.Workbook;
  let report: Report;
  let run: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    input = await writeExample(dir, '02-failing');
    before = sha(input);
    run = await cli(['check', input, '--experts', '张三,李四,王五', '--json']);
    output = join(dir, '02-failing.reviewed.xlsx');
    src = await load(input);
    wb = await load(output);
    report = JSON.parse(run.out) as Report;
  });

  it('exits 1 for a failed application, never touches the input, prints the JSON report', () => {
    expect(run.code).toBe(1);
    expect(sha(input)).toBe(before);
    expect(existsSync(output)).toBe(true);
    expect(report.format).toBe('cluster-review/report@1');
    expect(report.verdict).toBe('failed');
    expect(run.err).toContain('02-failing.reviewed.xlsx');
  });

  it("keeps every applicant value and formula of the indicator sheet", () => {
    const a = src.getWorksheet(INDICATOR_SHEET)!;
    const b = wb.getWorksheet(INDICATOR_SHEET)!;
    for (let r = 1; r <= a.rowCount; r++) for (let c = 1; c <= 7; c++) expect(b.getCell(r, c).value, `${r},${c}`).toEqual(a.getCell(r, c).value);
  });

  it('flags each non-passing cell with its status colour and a note; passing cells keep their fill', () => {
    const ws = wb.getWorksheet(INDICATOR_SHEET)!;
    // 5.1 is 12% (< 15%): a fail on its one cell.
    const fail = ws.getCell(rowOf('5.1'), 6);
    expect(argbOf(fail)).toBe(argb(FLAG_FILL.fail));
    expect(noteOf(fail)).toMatch(/^【集群评审助手】\n不达标：工业互联网平台应用普及率为12%/);
    // An earlier year's share below 70% is a warning on the cells it was computed from.
    expect(argbOf(ws.getCell(rowOf('1.7'), 5))).toBe(argb(FLAG_FILL.warn));
    // 1.1 (是) passes: its cell keeps the template's input fill and gets no note.
    expect(argbOf(ws.getCell(rowOf('1.1'), 6))).toBe('FFFFF7D6');
    expect(noteOf(ws.getCell(rowOf('1.1'), 6))).toBeNull();
    for (const f of report.findings) {
      if (!['fail', 'veto', 'invalid', 'missing', 'warn'].includes(f.status)) continue;
      for (const cell of f.cells) {
        const addr = cell.slice(cell.indexOf('!') + 1);
        expect(argbOf(ws.getCell(addr)), `${f.key} at ${addr}`).not.toBe('FFFFF7D6');
        expect(noteOf(ws.getCell(addr)), `${f.key} at ${addr}`).toContain(f.messages['zh-CN']);
      }
    }
  });

  it('the five flag colours are distinct', () => {
    expect(new Set(Object.values(FLAG_FILL)).size).toBe(5);
  });

  it('writes 评审汇总 with identity, rulebook, verdict, criteria, expert columns and live committee formulas', () => {
    const ws = wb.getWorksheet('评审汇总')!;
    expect(ws).toBeDefined();
    const text = ws.getSheetValues().flat().map((v) => (typeof v === 'object' && v ? JSON.stringify(v) : String(v ?? ''))).join('\n');
    for (const s of ['示例市五金工具产业集群', '中小企业特色产业集群认定标准（2022年版）', rb.fingerprint, '未达标', '张三', '李四', '王五', '回避', '平均分', '中位数', '极差', '待讨论', '审定结果', '专家签名'])
      expect(text).toContain(s);
    const s = summaryLayout(wb);
    expect(s.experts.map((e) => e.name)).toEqual(['张三', '李四', '王五']);
    expect(Object.keys(s.criteriaRows)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const row = s.criteriaRows['1']! + 1;
    const meanCol = s.experts[2]!.col + 2;
    const mean = ws.getCell(row, meanCol).value as ExcelJS.CellFormulaValue;
    expect(mean.formula).toMatch(/AVERAGE\([A-Z]+\d+:[A-Z]+\d+\)/);
    const median = ws.getCell(row, meanCol + 1).value as ExcelJS.CellFormulaValue;
    expect(median.formula).toContain('MEDIAN');
    // The helper cells behind them (score when it counts) sit in hidden columns.
    const helper = ws.getCell(row, meanCol + 4);
    // 回避 first, then the score as the tool reads it (scoreFormula: full-width digits included).
    const f = (helper.value as ExcelJS.CellFormulaValue).formula;
    expect(f).toMatch(/^IF\(TRIM\(F\d+\)="是","",IF\(ISNUMBER\(F\d+\),IF\(AND\(F\d+>=0,F\d+<=\d+\),F\d+,""\),/);
    expect(f).toContain('SUBSTITUTE(');
    expect(f).toContain('"１","1"');
    expect(ws.getColumn(meanCol + 4).hidden).toBe(true);
    // Expert cells are unlocked inputs with a 0..weight validation; the sheet is protected.
    const score = ws.getCell(row, s.experts[0]!.col + 1);
    expect(score.protection?.locked).toBe(false);
    expect(score.dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 20] });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
  });

  it('links every finding in the list to its cell', () => {
    const ws = wb.getWorksheet('评审汇总')!;
    const links: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => {
      const v = c.value as { hyperlink?: string } | null;
      if (v && typeof v === 'object' && v.hyperlink) links.push(v.hyperlink);
    }));
    expect(links).toContain(`#'指标表'!F${rowOf('5.1')}`);
    expect(links).toContain(`#'指标表'!D${rowOf('1.6')}`);
  });

  it('a re-run never replaces the first copy: the default is the next free name; an explicit -o needs --force', async () => {
    const first = input.replace(/\.xlsx$/, '.reviewed.xlsx');
    const before = sha(first);
    const again = await cli(['check', input]);
    expect(again.code).toBe(1);
    expect(sha(first)).toBe(before);
    expect(existsSync(input.replace(/\.xlsx$/, '.reviewed-2.xlsx'))).toBe(true);
    const explicit = await cli(['check', input, '-o', first]);
    expect(explicit.code).toBe(2);
    expect(explicit.err).toContain('--force');
    expect((await cli(['check', input, '-o', first, '--force'])).code).toBe(1);
  });

  it('the output is never the input', async () => {
    const r = await cli(['check', input, '-o', input]);
    expect(r.code).toBe(2);
    expect(sha(input)).toBe(before);
  });
});

describe('checking a reviewed copy again', () => {
  const dir = tempDir();
  let first: string;
  let second: string;
  let wb2: ExcelJS.Workbook;
  let layout1: SummaryLayout;

  beforeAll(async () => {
    const input = await writeExample(dir, '02-failing');
    // The applicant left a note of their own on a cell that will be flagged.
    const src = await load(input);
    src.getWorksheet(INDICATOR_SHEET)!.getCell(rowOf('5.1'), 6).note = '数据来源：县统计局';
    await src.xlsx.writeFile(input);
    first = join(dir, 'first.xlsx');
    expect((await cli(['check', input, '-o', first, '--experts', '张三,李四'])).code).toBe(1);
    // Experts type scores, a conflict mark and the conclusion; the applicant corrects 5.1 (12% → 20%).
    const wb = await load(first);
    layout1 = summaryLayout(wb);
    const sum = wb.getWorksheet(layout1.sheet)!;
    const [zhang, li] = layout1.experts;
    Object.entries(layout1.criteriaRows).forEach(([id, row], i) => {
      sum.getCell(row + 1, zhang!.col + 1).value = 5 + i;
      sum.getCell(row + 1, li!.col + 1).value = id === '1' ? 25 : 4;
    });
    sum.getCell(layout1.conflictRow + 1, li!.col + 1).value = '是';
    sum.getCell(layout1.decision[0] + 1, layout1.decision[1] + 1).value = '补充材料后再议';
    sum.getCell(layout1.rationale[0] + 1, layout1.rationale[1] + 1).value = '=1+1 是专家写的文字';
    sum.getCell(layout1.signatureRow + 1, zhang!.col + 1).value = '张三';
    const flagged = wb.getWorksheet(INDICATOR_SHEET)!.getCell(rowOf('5.1'), 6);
    expect(noteOf(flagged)).toMatch(/^【集群评审助手】[\s\S]*原批注[\s\S]*数据来源：县统计局$/);
    flagged.value = 0.2;
    await wb.xlsx.writeFile(first);
    second = join(dir, 'second.xlsx');
    expect((await cli(['check', first, '-o', second, '--experts', '王五'])).code).toBe(1);
    wb2 = await load(second);
  });

  it('keeps every score, conflict mark, signature and the conclusion; adds the new expert', () => {
    const s = summaryLayout(wb2);
    expect(s.experts.map((e) => e.name)).toEqual(['张三', '李四', '王五']);
    const sum = wb2.getWorksheet(s.sheet)!;
    Object.entries(s.criteriaRows).forEach(([id, row], i) => {
      expect(sum.getCell(row + 1, s.experts[0]!.col + 1).value).toBe(5 + i);
      expect(sum.getCell(row + 1, s.experts[1]!.col + 1).value).toBe(id === '1' ? 25 : 4);
      expect(sum.getCell(row + 1, s.experts[2]!.col + 1).value).toBeNull();
    });
    expect(sum.getCell(s.conflictRow + 1, s.experts[1]!.col + 1).value).toBe('是');
    expect(sum.getCell(s.decision[0] + 1, s.decision[1] + 1).value).toBe('补充材料后再议');
    // Typed text that looks like a formula stays text.
    expect(sum.getCell(s.rationale[0] + 1, s.rationale[1] + 1).value).toBe('=1+1 是专家写的文字');
    expect(sum.getCell(s.signatureRow + 1, s.experts[0]!.col + 1).value).toBe('张三');
  });

  it('has exactly one summary sheet and one metadata sheet', () => {
    const names = wb2.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('评审汇总'))).toEqual(['评审汇总']);
    expect(names.filter((n) => n === META_SHEET)).toHaveLength(1);
  });

  it('restores the original fill and removes the note of a cell no longer flagged; keeps flagging the rest', () => {
    const ws = wb2.getWorksheet(INDICATOR_SHEET)!;
    const fixed = ws.getCell(rowOf('5.1'), 6);
    expect(fixed.value).toBe(0.2);
    expect(argbOf(fixed)).toBe('FFFFF7D6');
    expect(noteOf(fixed)).toBe('数据来源：县统计局');
    // 1.7's latest share still fails.
    expect(argbOf(ws.getCell(rowOf('1.7'), 6))).toBe(argb(FLAG_FILL.fail));
  });

  it('computes the committee figures without the conflicted expert (cached results)', () => {
    const s = summaryLayout(wb2);
    const sum = wb2.getWorksheet(s.sheet)!;
    const meanCol = s.experts[2]!.col + 2;
    const row1 = s.criteriaRows['1']! + 1;
    expect((sum.getCell(row1, meanCol).value as ExcelJS.CellFormulaValue).result).toBe(5);
    // 李四's 25 on a 20-point criterion is reported in the items to discuss, not clamped.
    expect(sum.getCell(row1, s.experts[1]!.col + 1).value).toBe(25);
    const text = sum.getSheetValues().flat().map((v) => String(v ?? '')).join('\n');
    expect(text).toContain('评分超出范围：李四对标准1给出25（应为0至20）');
  });

  it('a reviewed copy re-checked without -o gets a new name, never itself', async () => {
    const copy = join(dir, 'app.reviewed.xlsx');
    copyFileSync(second, copy);
    const before = sha(copy);
    const r = await cli(['check', copy]);
    expect(r.code).toBe(1);
    expect(sha(copy)).toBe(before);
    expect(existsSync(join(dir, 'app.reviewed-2.xlsx'))).toBe(true);
  });
});

describe('workbook text is written as text', () => {
  it('a cluster name beginning with =, +, - or @ stays text in the summary', async () => {
    const dir = tempDir();
    for (const name of ['=HYPERLINK("http://example.invalid","点击")', '+86 集群', '-集群', '@集群']) {
      const input = await writeExample(dir, '01-passing', { B1: name }, 'a.xlsx');
      const out = join(dir, 'a.out.xlsx');
      expect((await cli(['check', input, '-o', out, '--force'])).code).toBe(0);
      const ws = (await load(out)).getWorksheet('评审汇总')!;
      const cells: ExcelJS.Cell[] = [];
      // Merged cells repeat their master's value; the master is the one written.
      ws.eachRow((r) => r.eachCell((c) => void (c.value === name && (!c.isMerged || c.master === c) && cells.push(c))));
      expect(cells.length, name).toBeGreaterThan(0);
      for (const c of cells) expect(c.type, name).toBe(3 /* ValueType.String */);
    }
  });
});

describe('flag records and warnings of the command line', () => {
  it('records plain colours (a theme fill as the colour it shows) and puts them back when the cell is corrected', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '02-failing');
    const src = await load(input);
    const cell = src.getWorksheet(INDICATOR_SHEET)!.getCell(rowOf('5.1'), 6);
    // Accent 2, 25% darker, as Excel's palette writes it; this workbook's theme (ExcelJS's, Office 2007) has C0504D.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { theme: 5, tint: -0.249977111117893 } as unknown as ExcelJS.Color } };
    await src.xlsx.writeFile(input);
    const first = join(dir, 'first.xlsx');
    expect((await cli(['check', input, '-o', first])).code).toBe(1);
    const wb = await load(first);
    expect(readMeta(wb)!.review!.flags.find((f) => f.cell.endsWith(`!F${rowOf('5.1')}`))?.fill).toBe('#953735');
    wb.getWorksheet(INDICATOR_SHEET)!.getCell(rowOf('5.1'), 6).value = 0.2;
    await wb.xlsx.writeFile(first);
    const second = join(dir, 'second.xlsx');
    expect((await cli(['check', first, '-o', second])).code).toBe(1);
    expect(argbOf((await load(second)).getWorksheet(INDICATOR_SHEET)!.getCell(rowOf('5.1'), 6))).toBe('FF953735');
  });

  it('warns when the workbook’s template was built from another rulebook, in the chosen language', async () => {
    const dir = tempDir();
    const input = await writeExample(dir, '01-passing');
    const wb = await load(input);
    const meta = readMeta(wb)!;
    meta.template!.rulebook = { id: 'cn-zj-2024', edition: '2024', fingerprint: 'cd'.repeat(32) };
    await writeMeta(wb, meta);
    await wb.xlsx.writeFile(input);
    const zh = await cli(['check', input, '-o', join(dir, 'zh.xlsx')]);
    expect(zh.code).toBe(0);
    expect(zh.err).toContain(`${input}：模板所依据规则为 cn-zj-2024 2024（cdcdcdcdcdcd），与适用规则不同；已按适用规则核验`);
    const en = await cli(['check', input, '-o', join(dir, 'en.xlsx'), '--lang', 'en']);
    expect(en.err).toContain(`${input}: the template was built from rulebook cn-zj-2024 2024 (cdcdcdcdcdcd), not the rulebook in force`);
  });
});
