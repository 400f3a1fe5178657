/** `batch`: the provincial roll-up through real files; `rulebook validate|show`; several files with --json. */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { cli, headedRows as rows, load, rb, tempDir, writeExample } from '../support/files.js';

describe('batch', () => {
  const dir = tempDir();
  let ws: ExcelJS.Worksheet;
  let run: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    await writeExample(dir, '01-passing', {}, 'a-pass.xlsx');
    // Same province and niche sector as a-pass (浙江省, 精密轴承; a space does not matter), higher latest output.
    await writeExample(dir, '01-passing', { B1: '另一县轴承产业集群', B5: '精密 轴承', '1.6': [120, 135, 160] }, 'b-pass-bigger.xlsx');
    await writeExample(dir, '02-failing', {}, 'c-fail.xlsx');
    await writeExample(dir, '03-vetoed', {}, 'd-veto.xlsx');
    await writeExample(dir, '04-incomplete', {}, 'e-incomplete.xlsx');
    writeFileSync(join(dir, 'f-broken.xlsx'), 'not a workbook');
    writeFileSync(join(dir, '~$a-pass.xlsx'), 'an Office lock file');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    // A reviewed copy beside its original is the same application.
    copyFileSync(join(dir, 'a-pass.xlsx'), join(dir, 'a-pass.reviewed.xlsx'));
    run = await cli(['batch', dir, '-o', join(dir, 'rollup.xlsx'), '--quota', '1']);
    ws = (await load(join(dir, 'rollup.xlsx'))).getWorksheet('推荐汇总')!;
  });

  it('one row per application, an unreadable file included, and the batch goes on (exit 2)', () => {
    expect(run.code).toBe(2);
    expect(run.err).toContain('f-broken.xlsx');
    expect(rows(ws).map((r) => r['来源文件'])).toHaveLength(6);
  });

  it('sorts by verdict, then fewer fails, …, then higher latest output', () => {
    const files = rows(ws).map((r) => String(r['来源文件']).split('/').pop());
    expect(files).toEqual(['b-pass-bigger.xlsx', 'a-pass.xlsx', 'e-incomplete.xlsx', 'c-fail.xlsx', 'd-veto.xlsx', 'f-broken.xlsx']);
    expect(rows(ws).map((r) => r['核验结论'])).toEqual(['通过自动核验', '通过自动核验', '数据不全', '未达标', '一票否决', '无法读取']);
  });

  it('carries the key figures the checks computed', () => {
    const top = rows(ws)[0]!;
    expect(top['总产值（亿元） 2022年']).toBe(120);
    expect(top['总产值 2024年']).toBe(160);
    expect(top['产值年均增速']).toBeCloseTo(Math.sqrt(160 / 120) - 1, 10);
    expect(top['中小企业产值占比']).toBeCloseTo(118 / 160, 10);
    expect(top['主要问题']).toBe('');
  });

  it('flags two applications in one niche sector and a province over its quota', () => {
    const [b, a, e, c, d] = rows(ws);
    // a-pass, b-pass-bigger (浙江省) and d-veto (河南省) are all 精密轴承.
    expect(String(b!['关注事项'])).toContain('同一细分领域：与第2、5行相同');
    expect(String(a!['关注事项'])).toContain('同一细分领域：与第1、5行相同');
    expect(String(d!['关注事项'])).toContain('同一细分领域：与第1、2行相同');
    expect(String(c!['关注事项'] ?? '')).not.toContain('同一细分领域');
    // 浙江省 has two applications and a quota of 1: the quota caps, so only the second in order is beyond it.
    expect(String(a!['关注事项'])).toContain('超出所在省份推荐名额');
    for (const r of [b, c, d, e]) expect(String(r!['关注事项'] ?? '')).not.toContain('推荐名额');
  });

  it('an unreadable file says why in its row', () => {
    const broken = rows(ws).at(-1)!;
    expect(String(broken['主要问题'])).toContain('不是 .xlsx 工作簿');
  });

  it('exit 1 when every file is read and one is not passed; 0 when all pass', async () => {
    const d2 = tempDir();
    await writeExample(d2, '01-passing', {}, 'a.xlsx');
    expect((await cli(['batch', d2, '-o', join(d2, 'r.xlsx')])).code).toBe(0);
    await writeExample(d2, '02-failing', {}, 'b.xlsx');
    expect((await cli(['batch', join(d2, 'a.xlsx'), join(d2, 'b.xlsx'), '-o', join(d2, 'r2.xlsx')])).code).toBe(1);
    // An empty folder is a usage error.
    expect((await cli(['batch', tempDir(), '-o', join(d2, 'r3.xlsx')])).code).toBe(2);
  });
});

describe('check several files with --json', () => {
  it('prints an array in input order, an unreadable file as an error entry', async () => {
    const dir = tempDir();
    const a = await writeExample(dir, '01-passing', {}, 'a.xlsx');
    const b = await writeExample(dir, '03-vetoed', {}, 'b.xlsx');
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'x');
    const out = tempDir();
    const r = await cli(['check', a, bad, b, '-o', out, '--json']);
    expect(r.code).toBe(2);
    const list = JSON.parse(r.out) as Array<Report | { file: string; error: { code: string } }>;
    expect(list).toHaveLength(3);
    expect((list[0] as Report).verdict).toBe('passed');
    expect((list[1] as { error: { code: string } }).error.code).toBe('not-xlsx');
    expect((list[2] as Report).verdict).toBe('vetoed');
    // The JSON is the same report the core builds: deterministic across runs.
    const again = await cli(['check', a, bad, b, '-o', out, '--json', '--force']);
    expect(again.out).toBe(r.out);
  });
});

describe('rulebook', () => {
  it('validate prints the identity and fingerprint', async () => {
    const r = await cli(['rulebook', 'validate', 'rulebooks/national-2022.json']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(rb.fingerprint);
  });

  it('show lists settings and every check with its requirement; --json round-trips', async () => {
    const r = await cli(['rulebook', 'show']);
    expect(r.code).toBe(0);
    for (const id of ['E1', '1.6', '1.9', '2.A', '4.6', '6.4', 'D9']) expect(r.out).toMatch(new RegExp(`\\n\\s+${id.replace('.', '\\.')}\\s`));
    expect(r.out).toContain('40亿元以上');
    const j = await cli(['rulebook', 'show', '--json']);
    const dir = tempDir();
    const f = join(dir, 'copy.json');
    writeFileSync(f, j.out);
    const v = await cli(['rulebook', 'validate', f]);
    expect(v.code).toBe(0);
    expect(v.out).toContain(rb.fingerprint);
  });

  it('a provincial rulebook changes thresholds and the fingerprint the summary shows', async () => {
    const dir = tempDir();
    const data = JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8'));
    data.id = 'yn-2023';
    data.edition = '2023';
    const c16 = data.checks.find((c: { id: string }) => c.id === '1.6');
    c16.rule.bound = 10;
    const f = join(dir, 'yn.json');
    writeFileSync(f, JSON.stringify(data));
    // 38.2 fails the national ≥ 40 but passes a provincial ≥ 10.
    const input = await writeExample(dir, '01-passing', { '1.6': [38.2, 60, 70], '1.7': [27, 45, 52], '1.8': [30, 50, 60] }, 'a.xlsx');
    const national = JSON.parse((await cli(['check', input, '-o', join(dir, 'n.xlsx'), '--json'])).out) as Report;
    expect(national.findings.find((x) => x.check === '1.6' && x.year === 2022)!.status).toBe('fail');
    const r = await cli(['check', input, '-o', join(dir, 'p.xlsx'), '--json', '--rulebook', f]);
    const provincial = JSON.parse(r.out) as Report;
    expect(provincial.findings.find((x) => x.check === '1.6' && x.year === 2022)!.status).toBe('pass');
    expect(provincial.rulebook.id).toBe('yn-2023');
    expect(provincial.rulebook.fingerprint).not.toBe(rb.fingerprint);
    // The workbook's template was built from the national rulebook: the CLI says so.
    expect(r.err).toContain('cn-miit-2022');
  });
});
