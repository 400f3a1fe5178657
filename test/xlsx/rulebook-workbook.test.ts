/**
 * The rulebook workbook as files, from the command line: export → import gives the same fingerprint (national
 * and Yunnan); the file is protected without a password with its inputs unlocked and validated, prints on A4
 * landscape; bad input is refused in Chinese naming the cell; an official's round trip through LibreOffice
 * (three thresholds and a weight changed) imports and checks the examples; `rulebook diff` lists the changes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadRulebook, revisedIdentity } from '../../src/core/index.js';
import { cli, load, rb, tempDir, writeExample } from '../support/files.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const YUNNAN = 'rulebooks/yunnan-2023.json';
const fingerprintOfFile = (file: string) => loadRulebook(JSON.parse(readFileSync(file, 'utf8'))).fingerprint;

/** The national rulebook exported by the CLI to `dir/name` and opened as an official would edit it; a rule's row by its id. */
async function exportedRulebook(dir: string, name: string): Promise<{ exported: string; wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; rowOf: (id: string) => number }> {
  const exported = join(dir, name);
  expect((await cli(['rulebook', 'export', '-o', exported])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported);
  const ws = wb.getWorksheet('规则表')!;
  return { exported, wb, ws, rowOf: (id) => ws.getColumn(1).values.findIndex((v) => v === id) };
}

describe('rulebook export / import', () => {
  it('the round trip gives the same fingerprint: national and Yunnan', async () => {
    const dir = tempDir();
    for (const [name, args, fingerprint] of [
      ['national', [], rb.fingerprint],
      ['yunnan', ['--rulebook', YUNNAN], fingerprintOfFile(YUNNAN)],
    ] as const) {
      const xlsx = join(dir, `${name}.xlsx`);
      const json = join(dir, `${name}.json`);
      const e = await cli(['rulebook', 'export', ...args, '-o', xlsx]);
      expect(e.code, e.err).toBe(0);
      expect(e.err).toContain('已写入规则表');
      const i = await cli(['rulebook', 'import', xlsx, '-o', json]);
      expect(i.code, i.err).toBe(0);
      expect(i.err).toContain(fingerprint.slice(0, 12));
      expect(fingerprintOfFile(json)).toBe(fingerprint);
      const d = await cli(['rulebook', 'diff', YUNNAN, json]);
      expect(d.out).toContain(name === 'yunnan' ? '两份规则的内容相同' : '阈值由 10亿元 改为 40亿元');
    }
  });

  it('the file: protected without a password, inputs unlocked and validated, A4 landscape, the copy very hidden', async () => {
    const dir = tempDir();
    const xlsx = join(dir, '规则表.xlsx');
    expect((await cli(['rulebook', 'export', '-o', xlsx])).code).toBe(0);
    const wb = await load(xlsx);
    const ws = wb.getWorksheet('规则表')!;
    expect(ws.getCell('E12').value).toBe(0.7);
    expect(ws.getCell('E12').numFmt).toBe('0.0%');
    expect(ws.getCell('E12').protection?.locked).toBe(false);
    expect(ws.getCell('A12').protection?.locked).not.toBe(false);
    expect(ws.getCell('D12').dataValidation).toMatchObject({ type: 'list', formulae: ['"不低于,高于,不高于,低于"'] });
    expect(ws.getCell('E12').dataValidation).toMatchObject({ type: 'decimal' });
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean; password?: string } }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection?: { password?: string } }).sheetProtection?.password).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(wb.getWorksheet('_rulebook')!.state).toBe('veryHidden');
    // The output is never written over an existing file or an input.
    expect((await cli(['rulebook', 'export', '-o', xlsx])).code).toBe(2);
    expect((await cli(['rulebook', 'import', xlsx, '-o', xlsx, '--force'])).code).toBe(2);
  });

  it('bad input is refused with every problem in Chinese, naming the check and the cell', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'r.xlsx');
    await cli(['rulebook', 'export', '-o', xlsx]);
    const wb = await load(xlsx);
    wb.getWorksheet('规则表')!.getCell('E12').value = '五十';
    wb.getWorksheet('规则表')!.getCell('E11').value = 1.2;
    const settings = wb.getWorksheet('设置')!;
    const deadline = settings.getColumn(1).values.findIndex((v) => v === '年度监测截止日');
    settings.getCell(`B${deadline}`).value = '13-45';
    await wb.xlsx.writeFile(xlsx);
    const r = await cli(['rulebook', 'import', xlsx, '-o', join(dir, 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('检查 1.8（主导产业产值占比）的阈值（规则表!E12）：“五十”不是数字');
    expect(r.err).toContain('检查 1.7（中小企业产值占比）的阈值（规则表!E11）：百分比不能超过 100%（填写的是 120%）');
    // Listed with the others, in the same form (where, with the cell, then what).
    expect(r.err).toContain(`设置“年度监测截止日”（设置!B${deadline}）：“13-45”不是日期：写作 月-日，例如 04-30`);
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
    const en = await cli(['rulebook', 'import', xlsx, '-o', join(dir, 'r.json'), '--lang', 'en']);
    expect(en.err).toContain('check 1.8 (Leading-industry share of output), Threshold (规则表!E12): "五十" is not a number');
  });

  it('rulebook diff --json', async () => {
    const r = await cli(['rulebook', 'diff', 'rulebooks/national-2022.json', YUNNAN, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { a: { id: string }; b: { id: string; fingerprint: string }; changes: Array<{ code: string; check?: string; from?: unknown; to?: unknown }> };
    expect(out.b).toMatchObject({ id: 'cn-yn-2023', fingerprint: fingerprintOfFile(YUNNAN) });
    const thresholds = out.changes.filter((c) => c.code === 'threshold').map((c) => [c.check, c.from, c.to]);
    expect(thresholds).toEqual([
      ['1.6', 40, 10],
      ['1.7', 0.7, 0.5],
      ['1.8', 0.7, 0.6],
      ['1.9', 0.1, 0.03],
      ['2.A', 10, 3],
      ['4.1', 0.1, 0.05],
      ['5.1', 0.15, 0.1],
    ]);
    expect(out.changes.filter((c) => c.code === 'off').map((c) => c.check)).toEqual(['4.4', '4.6']);
    expect(out.changes.find((c) => c.code === 'setting' && (c as { setting?: string }).setting === 'round')).toMatchObject({ from: 'national-recommendation', to: 'provincial-recognition' });
  });
});

// .ci/run installs LibreOffice; a machine without it skips this one suite with this reason.
describe.skipIf(!soffice)('an official’s round trip through LibreOffice (needs LibreOffice)', () => {
  it('the list, plan and evidence rows survive LibreOffice: unchanged gives the same fingerprint, L4 switched off comes back off', async () => {
    const dir = tempDir();
    const { exported, wb, ws, rowOf } = await exportedRulebook(dir, 'same.xlsx');
    ws.getCell(`H${rowOf('L4')}`).value = '停用';
    const edited = join(dir, 'off.xlsx');
    await wb.xlsx.writeFile(edited);
    const outDir = join(dir, 'lo');
    execFileSync(soffice!, ['--headless', '--convert-to', 'xlsx', '--outdir', outDir, exported, edited], { stdio: 'ignore', timeout: 120_000 });
    const same = join(dir, 'same.json');
    const i = await cli(['rulebook', 'import', join(outDir, 'same.xlsx'), '-o', same]);
    expect(i.code, i.err).toBe(0);
    expect(fingerprintOfFile(same)).toBe(rb.fingerprint);
    const resaved = new ExcelJS.Workbook();
    await resaved.xlsx.readFile(join(outDir, 'same.xlsx'));
    const rs = resaved.getWorksheet('规则表')!;
    const measuresOf = (id: string) => rs.getCell(`J${rs.getColumn(1).values.findIndex((v) => v === id)}`).text;
    expect(measuresOf('L2')).toContain('2.1');
    expect(measuresOf('L9')).toContain('2.6');
    expect(measuresOf('P1')).toContain('规划目标');
    const off = join(dir, 'off.json');
    expect((await cli(['rulebook', 'import', join(outDir, 'off.xlsx'), '-o', off, '--province', '浙江省'])).code).toBe(0);
    const expected = structuredClone(rb.source);
    expected.checks.find((c) => c.id === 'L4')!.enabled = false;
    // Switched off, it is a province's revision: its own id, name and issuer (issue 19 item 4).
    expect(fingerprintOfFile(off)).toBe(loadRulebook(revisedIdentity(loadRulebook(expected).source, rb, '浙江省')).fingerprint);
  }, 180_000);

  it('three thresholds and a weight changed, re-saved by LibreOffice, imported, the examples checked in Chinese', async () => {
    const dir = tempDir();
    // The edits, as the official types them: 1.6 30 亿元, 1.7 66%, 5.1 10%; criterion 1 weighs 25 and the total is 105.
    const { wb, ws, rowOf } = await exportedRulebook(dir, '规则表.xlsx');
    ws.getCell(`E${rowOf('1.6')}`).value = 30;
    ws.getCell(`E${rowOf('1.7')}`).value = 0.66;
    ws.getCell(`E${rowOf('5.1')}`).value = 0.1;
    const set = wb.getWorksheet('设置')!;
    const setRow = (label: string) => set.getColumn(1).values.findIndex((v) => v === label);
    set.getCell(`C${setRow('1')}`).value = 25;
    set.getCell(`B${setRow('满分合计')}`).value = 105;
    // And how the committee decides: the median, at least 3 experts, 8 recommendations.
    set.getCell(`B${setRow('评分合成方式')}`).value = '中位数';
    set.getCell(`B${setRow('最少专家人数')}`).value = 4;
    set.getCell(`B${setRow('推荐数量')}`).value = 8;
    const edited = join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const outDir = join(dir, 'lo');
    execFileSync(soffice!, ['--headless', '--convert-to', 'xlsx', '--outdir', outDir, edited], { stdio: 'ignore', timeout: 120_000 });
    const resaved = join(outDir, 'edited.xlsx');
    expect(existsSync(resaved)).toBe(true);

    const json = join(dir, '本省规则.json');
    // Edited, it may not keep the national identity (issue 19 item 4): the province's revision.
    const i = await cli(['rulebook', 'import', resaved, '-o', json, '--province', '浙江省']);
    expect(i.code, i.err).toBe(0);
    const imported = loadRulebook(JSON.parse(readFileSync(json, 'utf8')));
    const bound = (id: string) => (imported.checks.find((c) => c.id === id)!.rule as { bound: number }).bound;
    expect([bound('1.6'), bound('1.7'), bound('5.1')]).toEqual([30, 0.66, 0.1]);
    expect(imported.data.criteria.find((c) => c.id === '1')!.weight).toBe(25);
    expect(imported.data.scoring).toMatchObject({ combine: 'median', minimumExperts: 4, recommendations: 8 });
    const shown = await cli(['rulebook', 'show', '--rulebook', json]);
    expect(shown.out).toContain('推荐：结论为“通过自动核验”且专家组评分（中位数）≥ 60');
    expect(shown.out).toContain('评分合成方式：中位数 · 最少专家人数 4 · 推荐数量 8');

    const d = await cli(['rulebook', 'diff', 'rulebooks/national-2022.json', json]);
    expect(d.out.split('\n').filter((l) => l.startsWith('  · ') && !/编号|名称|发布机关/.test(l))).toEqual([
      '  · 评分合成方式：由 去掉一个最高分和一个最低分后的平均分 改为 中位数',
      '  · 最少专家人数：由 3 改为 4',
      '  · 推荐数量：由 不限 改为 8',
      '  · 评分标准 1（具有较强核心竞争力）：分值由 20 改为 25',
      '  · 检查 1.6（集群总产值）：阈值由 40亿元 改为 30亿元',
      '  · 检查 1.7（中小企业产值占比）：阈值由 70% 改为 66%',
      '  · 检查 5.1（工业互联网平台应用普及率）：阈值由 15% 改为 10%',
    ]);

    // The failing example: 1.6 (38.2–44.8 亿元) and 5.1 (12%) now pass under the imported rulebook; 1.7 (65% in the latest year) still fails 66%.
    const input = await writeExample(dir, '02-failing');
    const national = JSON.parse((await cli(['check', input, '-o', join(dir, 'n.xlsx'), '--json'])).out) as { findings: Array<{ check: string; status: string }> };
    const c = await cli(['check', input, '--rulebook', json, '-o', join(dir, 'p.xlsx'), '--json']);
    expect(c.code).toBe(1);
    const report = JSON.parse(c.out) as { verdict: string; findings: Array<{ check: string; status: string }>; rulebook: { fingerprint: string } };
    expect(report.rulebook.fingerprint).toBe(imported.fingerprint);
    const failing = (r: { findings: Array<{ check: string; status: string }> }) => [...new Set(r.findings.filter((f) => f.status === 'fail').map((f) => f.check))];
    expect(failing(national)).toEqual(expect.arrayContaining(['1.6', '1.7', '5.1']));
    expect(failing(report)).not.toContain('1.6');
    expect(failing(report)).not.toContain('5.1');
    expect(failing(report)).toContain('1.7');
    // Messages in Chinese, quoting the imported thresholds.
    const words = await cli(['check', input, '--rulebook', json, '-o', join(dir, 'p2.xlsx')]);
    expect(words.out + words.err).toContain('未达标');
    expect(words.out + words.err).toContain('中小企业产值占集群总产值66%以上');
  }, 180_000);
});

describe('an edited rulebook never wears the national name (issue 19 item 4)', () => {
  it('1.6 changed from 40 to 30 and imported: refused with the national identity; --province derives （XX省修订） and says so; diff names both', async () => {
    const dir = tempDir();
    const { wb, ws, rowOf } = await exportedRulebook(dir, '规则表.xlsx');
    ws.getCell(`E${rowOf('1.6')}`).value = 30;
    const edited = join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const json = join(dir, 'zj.json');
    const refused = await cli(['rulebook', 'import', edited, '-o', json]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('仍使用国家版的规则编号、规则名称、发布单位');
    expect(existsSync(json)).toBe(false);
    const ok = await cli(['rulebook', 'import', edited, '-o', json, '--province', '浙江省']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err).toContain('已改用本省的规则编号、规则名称、发布单位：中小企业特色产业集群认定标准（2022年版）（浙江省修订）');
    const zj = loadRulebook(JSON.parse(readFileSync(json, 'utf8')));
    expect(zj.data.id).not.toBe('cn-miit-2022');
    expect(zj.data.authority.zh).toBe('浙江省中小企业主管部门');
    const d = await cli(['rulebook', 'diff', 'rulebooks/national-2022.json', json]);
    expect(d.out).toContain('（浙江省修订）');
    // The kit refuses a rulebook still wearing the national identity.
    const bad = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    bad.id = 'cn-miit-2022';
    const badFile = join(dir, 'bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(badFile, JSON.stringify(bad));
    const kit = await cli(['kit', '--rulebook', badFile, '--year', '2025', '--base-url', 'https://example.org/', '-o', join(dir, 'kit')]);
    expect(kit.code).toBe(2);
    expect(kit.err).toContain('仍使用国家版的规则编号');
  });

  it('--province on a rulebook it cannot apply to is said, never ignored without a word', async () => {
    const dir = tempDir();
    const { wb } = await exportedRulebook(dir, '规则表.xlsx');
    const same = join(dir, 'same.xlsx');
    await wb.xlsx.writeFile(same);
    const json = join(dir, 'same.json');
    const r = await cli(['rulebook', 'import', same, '-o', json, '--province', '浙江省']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('--province 浙江省 未使用：该规则与国家2022年版内容相同，保留国家版的规则编号、名称和发布单位');
    expect(loadRulebook(JSON.parse(readFileSync(json, 'utf8'))).data.id).toBe('cn-miit-2022');
    const yn = join(dir, 'yn.xlsx');
    expect((await cli(['rulebook', 'export', '--rulebook', YUNNAN, '-o', yn])).code).toBe(0);
    const r2 = await cli(['rulebook', 'import', yn, '-o', join(dir, 'yn.json'), '--province', '浙江省']);
    expect(r2.code, r2.err).toBe(0);
    expect(r2.err).toContain('--province 浙江省 未使用：该规则已有自己的规则编号、名称和发布单位');
  });
});
