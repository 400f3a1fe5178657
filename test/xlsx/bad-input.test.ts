/** Files the CLI cannot review: each gets a plain message naming the file and what was expected, and exit 2. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it } from 'vitest';
import { INDICATOR_SHEET, standardLayout } from '../../src/core/index.js';
import { cli, load, rb, sha, tempDir, writeExample } from '../support/files.js';

const dir = tempDir();
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

async function expectRefused(file: string, pattern: RegExp, lang: 'zh' | 'en' = 'zh'): Promise<string> {
  const r = await cli(['check', file, '--lang', lang]);
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err).toContain(file);
  noStack(r.err);
  return r.err;
}

async function rezip(src: string, dest: string, edit: (zip: JSZip) => void): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(src));
  edit(zip);
  writeFileSync(dest, await zip.generateAsync({ type: 'nodebuffer' }));
  return dest;
}

describe('bad input', () => {
  it('a file that does not exist', async () => {
    await expectRefused(join(dir, 'nope.xlsx'), /找不到文件/);
  });

  it('a folder', async () => {
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    await expectRefused(folder, /不是文件/);
  });

  it('not a zip', async () => {
    const f = join(dir, 'text.xlsx');
    writeFileSync(f, '集群名称,产值\n示例,40\n');
    await expectRefused(f, /不是 \.xlsx 工作簿/);
    await expectRefused(f, /is not an \.xlsx workbook/, 'en');
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const f = join(dir, 'other.xlsx');
    writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    await expectRefused(f, /不是 \.xlsx 工作簿/);
  });

  it('an old .xls workbook', async () => {
    await expectRefused(join('test', 'fixtures', 'legacy-format.xls'), /旧版 \.xls 格式.*另存为/);
  });

  it('a password-encrypted workbook', async () => {
    const src = await writeExample(dir, '01-passing', {}, 'plain.xlsx');
    const f = join(dir, 'encrypted.xlsx');
    writeFileSync(f, await officeCrypto.encrypt(readFileSync(src), { password: 'secret' }));
    await expectRefused(f, /设置了打开密码/);
    await expectRefused(f, /password-encrypted/, 'en');
  });

  it('a workbook without an indicator sheet names the sheets it has', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('封面').getCell('A1').value = '申报书';
    wb.addWorksheet('Sheet2').getCell('B2').value = 42;
    const f = join(dir, 'no-sheet.xlsx');
    await wb.xlsx.writeFile(f);
    const err = await expectRefused(f, /没有标准指标表/);
    expect(err).toContain('封面、Sheet2');
  });

  it('merged cells over input cells are named in a warning', async () => {
    const f = await writeExample(dir, '01-passing', {}, 'merged.xlsx');
    const wb = await load(f);
    const row = standardLayout(rb, 2025).rows.find((r) => r.indicator.code === '1.6')!.row + 1;
    wb.getWorksheet(INDICATOR_SHEET)!.mergeCells(`D${row}:E${row}`);
    await wb.xlsx.writeFile(f);
    // A warning now (the same in Excel): only the top-left cell is read, so the merged-over year is missing.
    const r = await cli(['check', f]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/合并单元格/);
    expect(r.err).toContain(`D${row}:E${row}`);
    expect(r.err).toContain('指标表');
    noStack(r.err);
  });

  it('an .xlsm is checked, its macros never run, and the copy says it drops them', async () => {
    const src = await writeExample(dir, '01-passing', {}, 'macro-src.xlsx');
    const f = await rezip(src, join(dir, 'macro.xlsm'), (zip) => zip.file('xl/vbaProject.bin', Buffer.from('not really VBA')));
    const r = await cli(['check', f]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/含宏.*从不运行宏.*不含宏/);
    const out = join(dir, 'macro.reviewed.xlsx');
    const names = Object.keys((await JSZip.loadAsync(readFileSync(out))).files);
    expect(names).not.toContain('xl/vbaProject.bin');
  });

  it('content the library cannot carry over is named in a warning; the original is untouched', async () => {
    const src = await writeExample(dir, '01-passing', {}, 'chart-src.xlsx');
    // A chart sheet (a sheet of its own) and a pivot table: neither ExcelJS nor the graft of drawings carries them.
    // Charts on worksheets are carried (test/xlsx/other-writers.test.ts), so they are not named.
    const f = await rezip(src, join(dir, 'chart.xlsx'), (zip) => {
      zip.file('xl/chartsheets/sheet1.xml', '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
      zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
      zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    });
    const before = sha(f);
    const r = await cli(['check', f]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/含图表工作表、数据透视表，核验副本中将不包含这些内容/);
    expect(sha(f)).toBe(before);
  });

  it('usage errors: no files, an unknown option, a bad --quota, -o not a folder for several files', async () => {
    const cases: Array<[string[], string]> = [
      [['check'], '错误：缺少参数 <files>'],
      [['check', 'a.xlsx', '--bogus'], '错误：未知选项 --bogus'],
      [['batch', dir, '-o', join(dir, 'r.xlsx'), '--quota', 'x'], '错误：--quota 应为非负整数，收到“x”'],
      [['check', 'a.xlsx', 'b.xlsx', '-o', join(dir, 'nofolder')], '错误：核验多个文件时，-o 应为已存在的文件夹'],
      [['frobnicate'], '错误：未知命令 frobnicate'],
    ];
    for (const [args, words] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(words);
      noStack(r.err);
    }
  });

  it('an invalid rulebook lists every problem, naming the criterion by id and title', async () => {
    const f = join(dir, 'bad-rulebook.json');
    const data = JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8'));
    data.scoring.spreadShare = 3;
    data.criteria[0].weight = -1;
    writeFileSync(f, JSON.stringify(data));
    const r = await cli(['check', 'x.xlsx', '--rulebook', f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`规则文件无效：${f}`);
    expect(r.err).toContain('极差占分值比例（scoring.spreadShare）');
    expect(r.err).toContain('标准 1（具有较强核心竞争力）的分值（weight）');
    noStack(r.err);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ nope');
    const r2 = await cli(['rulebook', 'validate', notJson]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain(`规则文件 ${notJson} 不是有效的 JSON`);
    const r3 = await cli(['rulebook', 'validate', notJson, '--lang', 'en']);
    expect(r3.err).toContain(`Rulebook ${notJson} is not valid JSON`);
  });
});
