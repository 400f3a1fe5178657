/**
 * Issue #8 on the bundled examples, through the command line: the reviewed copies' summary cells and flag notes
 * hold the official words (item 5), and the roll-up's figures equal the values the checks computed (item 6).
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPUTED_VALUE_CODES, INDICATOR_SHEET, type Report } from '../../src/core/index.js';
import { cli, load, noteOf, rb, tempDir } from '../support/files.js';

const names = readdirSync('examples').filter((n) => n.endsWith('.xlsx')).sort();
const text = (c: ExcelJS.Cell): string => {
  const v = c.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'result' in v) return String((v as { result: unknown }).result ?? '');
  if (typeof v === 'object' && v !== null && 'text' in v) return String((v as { text: unknown }).text);
  return String(v);
};
/** Every row of a sheet as its cells' text, by one-based column. */
const rowsOf = (ws: ExcelJS.Worksheet): string[][] => {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => (cells[col] = text(c)));
    out[n] = cells;
  });
  return out;
};

/** Words the issue names as wrong: none may appear in a summary or a note. */
const BANNED = [/(未高于|低于|超过|未低于)“/, /：满足（：/, /；为\d/, /规则指纹/, /工作簿模板依据/, /按1\.6核验为/, /去重合计的一致性/, /之间，一致/];

describe('the reviewed examples', () => {
  const dir = tempDir();
  const reports = new Map<string, Report>();
  const summaries = new Map<string, string[][]>();
  const notes = new Map<string, Map<string, string>>();
  beforeAll(async () => {
    for (const name of names) {
      const input = join(dir, name);
      cpSync(join('examples', name), input);
      const out = join(dir, name.replace(/\.xlsx$/, '.reviewed.xlsx'));
      const r = await cli(['check', input, '-o', out, '--json']);
      expect(r.code, r.err).toBeLessThan(2);
      reports.set(name, JSON.parse(r.out) as Report);
      const wb = await load(out);
      summaries.set(name, rowsOf(wb.getWorksheet('评审汇总')!));
      const byCell = new Map<string, string>();
      wb.getWorksheet(INDICATOR_SHEET)!.eachRow((row) =>
        row.eachCell((c) => {
          const n = noteOf(c);
          if (n) byCell.set(c.address, n);
        }),
      );
      notes.set(name, byCell);
    }
  }, 120_000);

  const row = (name: string, first: string) => summaries.get(name)!.find((r) => r?.[1] === first)!;
  const all = (name: string) => summaries.get(name)!.flatMap((r) => r ?? []).join('\n');

  it('say 规则校验码, 模板所依据规则, 核验项目, and none of the old words, in summaries and notes', () => {
    for (const name of names) {
      const s = all(name);
      for (const w of ['规则校验码', '模板所依据规则', '核验项目']) expect(s, name).toContain(w);
      for (const bad of BANNED) expect(s, `${name}: ${bad}`).not.toMatch(bad);
      for (const [cell, n] of notes.get(name)!) for (const bad of BANNED) expect(n, `${name} ${cell}`).not.toMatch(bad);
    }
  });
  it('02: a failed comparison reads 为8.29%，未达到“……高于10%”的要求, in the summary and on the cell', () => {
    const words = '产值年均增速为8.29%，未达到“近三年产值年均增速高于10%”的要求';
    expect(all('02-failing.xlsx')).toContain(words);
    expect([...notes.get('02-failing.xlsx')!.values()].some((n) => n.includes(`不达标：${words}`))).toBe(true);
  });
  it('03: the veto answer, 一票否决 on its D row and 未发生 on the others', () => {
    const words = '近三年是否发生较大及以上环境污染事故：是。属于认定标准规定的一票否决情形，不予推荐。';
    expect(row('03-vetoed.xlsx', 'D3')[3]).toBe('一票否决');
    expect(row('03-vetoed.xlsx', 'D3')[4]).toBe(words);
    for (const id of ['D1', 'D2', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9']) expect(row('03-vetoed.xlsx', id)[3], id).toBe('未发生');
    expect([...notes.get('03-vetoed.xlsx')!.values()].some((n) => n.includes(words))).toBe(true);
  });
  it('01: E2 names its indicator, 2.6 says 数据一致, 2.A quotes 小巨人 as ‘’ inside “”', () => {
    expect(row('01-passing.xlsx', 'E2')[5]).toBe('已认定为省级集群（2023年，浙经信企业〔2023〕12号），符合申报条件');
    expect(all('01-passing.xlsx')).toMatch(/去重合计为\d+家，在\d+家（最大单项）至\d+家（各项之和）之间，数据一致/);
    expect(all('01-passing.xlsx')).toContain('2.A 优质中小企业梯度培育');
    for (const name of names) expect(all(name), name).not.toMatch(/“[^”]*“/);
  });
  it('04: a blank veto question is 缺失 in the table; no check is 不适用 unless its condition does not hold', () => {
    expect(row('04-incomplete.xlsx', 'D5')[3]).toBe('缺失');
    for (const name of names) {
      const na = reports.get(name)!.findings.filter((f) => f.status === 'na');
      expect(na.every((f) => f.code === 'not-applicable'), name).toBe(true);
    }
  });

  it('the roll-up shows, for every example, the figures its checks computed', async () => {
    const out = join(dir, '推荐汇总.xlsx');
    const r = await cli(['batch', ...names.map((n) => join(dir, n)), '-o', out]);
    expect(r.code, r.err).toBeLessThan(2);
    const rows = rowsOf((await load(out)).worksheets[0]!);
    const head = rows[3]!;
    const col = (prefix: string) => head.findIndex((h) => h?.startsWith(prefix));
    const computed = (rep: Report, check: string, year?: number): number | null => {
      const f = rep.findings.find((x) => x.check === check && x.source === 'check' && COMPUTED_VALUE_CODES.has(x.code) && (year === undefined || x.year === year));
      return f ? (f.params.value as number) : null;
    };
    const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
    let seen = 0;
    for (const rep of reports.values()) {
      const line = rows.find((x) => x?.[col('集群名称')] === rep.cluster.name)!;
      expect(line, rep.cluster.name ?? '').toBeDefined();
      const latest = rep.cluster.dataYears!.at(-1)!;
      const expected: Array<[string, number | null]> = [
        ['中小企业产值占比', computed(rep, '1.7', latest)],
        ['主导产业产值占比', computed(rep, '1.8', latest)],
        ['产值年均增速', computed(rep, '1.9')],
        ['研发经费年均增长', computed(rep, '4.1')],
        ['有效发明专利年均增长率', computed(rep, '4.4')],
        ['工业互联网平台应用普及率', computed(rep, '5.1')],
      ];
      for (const [h, v] of expected) {
        const got = num(line[col(h)]);
        if (v === null) expect(got, `${rep.cluster.name} ${h}`).toBeNull();
        else expect(got, `${rep.cluster.name} ${h}`).toBeCloseTo(v, 9);
      }
      seen++;
    }
    expect(seen).toBe(names.length);
    // Example 04 typed 2.1亿元 in a 万元 row: its R&D growth is 16.67%, not the converted 21000.
    const four = rows.find((x) => x?.[col('集群名称')] === reports.get('04-incomplete.xlsx')!.cluster.name)!;
    expect(num(four[col('研发经费年均增长')])).toBeCloseTo(0.1667, 4);
  }, 120_000);
});

describe('rulebook in force', () => {
  it('the examples were generated from this rulebook (regenerate with npm run examples)', async () => {
    const r = await cli(['check', join('examples', '01-passing.xlsx'), '-o', join(tempDir(), 'x.xlsx'), '--json']);
    expect((JSON.parse(r.out) as Report).rulebook.fingerprint).toBe(rb.fingerprint);
  });
});
