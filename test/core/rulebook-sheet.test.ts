/**
 * The rulebook workbook, without files: the models an official edits (one row per threshold, words for the
 * comparisons, percentages as percent-formatted fractions, inputs unlocked and validated, the rest protected,
 * A4 landscape), the round trip to the same fingerprint, and every bad input named by check and cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromA1, type CellModel, type SheetModel } from '../../src/core/index.js';
import { diffRulebooks } from '../../src/core/rulebook/diff.js';
import { fingerprintOf } from '../../src/core/rulebook/load.js';
import { rulebookSheetModels } from '../../src/core/report/rulebook-sheet.js';
import { RULEBOOK_SHEET, type SheetCell, type SheetGrid } from '../../src/core/rulebook/sheet-form.js';
import { rulebookFromSheets } from '../../src/core/rulebook/sheet-import.js';
import { loadRulebook } from '../support/rulebooks.js';
import { rb as national } from '../support/review.js';

const yunnan = loadRulebook(JSON.parse(readFileSync('rulebooks/yunnan-2023.json', 'utf8')));

/** The grid a spreadsheet gives back for a model: values, formula results. */
function gridOf(model: SheetModel): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (const c of model.cells) {
    (rows[c.row] ??= [])[c.col] = c.formula !== undefined ? (c.result ?? null) : (c.value ?? null);
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null));
}

function sheetsOf(models: SheetModel[]): Map<string, SheetCell[][]> {
  return new Map(models.map((m) => [m.name, gridOf(m)]));
}

const set = (sheets: Map<string, SheetCell[][]>, ref: string, value: SheetCell) => {
  const [sheet, a1] = ref.split('!') as [string, string];
  const { row, col } = fromA1(a1);
  (sheets.get(sheet)![row] ??= [])[col] = value;
};
const find = (sheets: Map<string, SheetCell[][]>, sheet: string, firstCol: string, col = 1): string => {
  const r = sheets.get(sheet)!.findIndex((row) => row[0] === firstCol);
  return `${sheet}!${String.fromCharCode(65 + col)}${r + 1}`;
};
const cellAt = (model: SheetModel, a1: string): CellModel => {
  const { row, col } = fromA1(a1);
  return model.cells.find((c) => c.row === row && c.col === col)!;
};

describe('export: the sheets an official edits', () => {
  const [checks, settings, base] = rulebookSheetModels(national, 'zh-CN');

  it('one row per threshold, with the words of the criteria', () => {
    expect(checks!.name).toBe('规则表');
    expect(gridOf(checks!)[0]!.slice(0, 10)).toEqual(['编号', '分项', '名称', '比较', '阈值', '单位', '年份', '启用', '要求', '比较对象']);
    // 1.8 on row 12: 高于 70%, a percent-formatted fraction; requirement with its placeholder.
    expect(cellAt(checks!, 'A12').value).toBe('1.8');
    expect(cellAt(checks!, 'D12').value).toBe('高于');
    expect(cellAt(checks!, 'E12')).toMatchObject({ value: 0.7, numberFormat: '0.0%', input: 'applicant' });
    expect(cellAt(checks!, 'I12').value).toBe('主导产业占集群总产值比例高于[阈值]');
    expect(cellAt(checks!, 'A10')).toMatchObject({ value: '1.6' });
    expect(cellAt(checks!, 'D10').value).toBe('不低于');
    expect(cellAt(checks!, 'E10').value).toBe(40);
    expect(cellAt(checks!, 'F10').value).toBe('亿元');
    expect(cellAt(checks!, 'G10').value).toBe('近三年每年');
    // 2.A: two branches, two rows.
    const twoA = checks!.cells.filter((c) => c.col === 0 && c.value === '2.A').map((c) => cellAt(checks!, `B${c.row + 1}`).value);
    expect(twoA).toEqual([1, 2]);
    // 1.5: 不高于; the four words are the drop-down.
    const r15 = checks!.cells.find((c) => c.col === 0 && c.value === '1.5')!.row + 1;
    expect(cellAt(checks!, `D${r15}`)).toMatchObject({ value: '不高于', validation: { kind: 'list', values: ['不低于', '高于', '不高于', '低于'] } });
    expect(cellAt(checks!, `H${r15}`)).toMatchObject({ value: '启用', validation: { kind: 'list', values: ['启用', '停用'] } });
  });

  it('inputs unlocked and validated, the rest protected without a password, A4 landscape', () => {
    for (const m of [checks!, settings!]) expect(m.protect).toEqual({});
    // The checks sheet prints its Chinese columns one page wide (the English ones are for editing: with them it would
    // not fit one legible page); the settings fit one page wide.
    expect(checks!.print).toMatchObject({ landscape: true, fitToWidth: true, repeatRows: [0, 0] });
    expect(checks!.print!.area?.[3]).toBe(9);
    expect(settings!.print).toMatchObject({ landscape: true, fitToWidth: true });
    expect(cellAt(checks!, 'A12').input).toBeUndefined();
    expect(cellAt(checks!, 'E12').validation).toMatchObject({ kind: 'decimal', min: 0, max: 1 });
    expect(base).toMatchObject({ name: '_rulebook', state: 'veryHidden' });
  });

  it('settings: round, first-batch year, deadline, spread share, cut line, total and weights', () => {
    const g = gridOf(settings!);
    const row = (label: string) => g.find((r) => r[0] === label)!;
    expect(row('评审类型')[1]).toBe('全国推荐');
    expect(row('首批申报年度')[1]).toBe(2022);
    expect(row('年度监测截止日')[1]).toBe('04-30');
    expect(row('极差占分值比例')[1]).toBe(0.3);
    expect(row('推荐分数线')[1]).toBe(60);
    expect(row('满分合计')[1]).toBe(100);
    // The scoring settings, editable: how scores combine (a drop-down), the trimmed mean's minimum, the minimum of
    // experts, the number of recommendations (blank: no cap).
    expect(row('评分合成方式')[1]).toBe('去掉一个最高分和一个最低分后的平均分');
    expect(row('去掉最高最低分的最少评分数')[1]).toBe(5);
    expect(row('最少专家人数')[1]).toBe(3);
    expect(row('推荐数量')[1]).toBeNull();
    const input = (label: string) => settings!.cells.find((c) => c.col === 1 && c.row === gridOf(settings!).findIndex((r) => r[0] === label))!;
    expect(input('评分合成方式')).toMatchObject({ input: 'applicant', validation: { kind: 'list', values: ['平均分', '去掉一个最高分和一个最低分后的平均分', '中位数'] } });
    expect(input('最少专家人数')).toMatchObject({ input: 'applicant', validation: { kind: 'whole', min: 1 } });
    expect(input('推荐数量')).toMatchObject({ input: 'applicant', validation: { kind: 'whole', min: 0 } });
    expect(row('1')[2]).toBe(20);
    expect(row('合计')[2]).toBe(100);
  });

  it('English headings with --lang en, English columns optional', () => {
    const [en] = rulebookSheetModels(national, 'en-US');
    expect(gridOf(en!)[0]).toContain('Threshold');
    const [noEn] = rulebookSheetModels(national, 'zh-CN', { english: false });
    expect(gridOf(noEn!)[0]).not.toContain('名称（英文）');
  });
});

describe('import: the round trip gives the same rulebook', () => {
  for (const [name, rb] of [
    ['national', national],
    ['Yunnan', yunnan],
  ] as const) {
    for (const lang of ['zh-CN', 'en-US'] as const)
      it(`${name}, exported in ${lang}`, () => {
        const r = rulebookFromSheets(sheetsOf(rulebookSheetModels(rb, lang)), 'zh-CN');
        expect(r.problems).toEqual([]);
        expect(fingerprintOf(r.rulebook!)).toBe(rb.fingerprint);
      });
  }

  it('the rows of the form’s own checks (name lists, 2.6 de-duplication, plan targets, evidence) are carried and say what they check', () => {
    const s = sheetsOf(rulebookSheetModels(national, 'zh-CN'));
    const g = s.get('规则表')!;
    const row = (id: string) => g.find((r) => r[0] === id)!;
    for (const id of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'P1', 'P2']) expect(row(id)[7], id).toBe('启用');
    expect(row('L1')[9]).toBe('工作表“龙头企业”：统一社会信用代码校验码、重复');
    expect(row('L2')[9]).toBe('工作表“制造业单项冠军企业”的家数与 2.1 一致；统一社会信用代码校验码、重复');
    expect(row('L9')[9]).toBe('“专精特新中小企业”、“创新型中小企业”、“国家级高新技术企业” 按统一社会信用代码去重合计与 2.6 一致');
    expect(row('P1')[9]).toBe('工作表“规划目标”：3 个规划年度的目标（22 项指标）');
    expect(row('P2')[9]).toBe('工作表“佐证材料目录”：标准 1、2、3、4、5、6、7、8 各有佐证材料');
    // Switched off and on again through the sheet: each keeps its rule, and the round trip its fingerprint.
    const r4 = g.findIndex((r) => r[0] === 'L4');
    const r9 = g.findIndex((r) => r[0] === 'P2');
    set(s, `规则表!H${r4 + 1}`, '停用');
    set(s, `规则表!H${r9 + 1}`, '停用');
    const off = rulebookFromSheets(s, 'zh-CN');
    expect(off.problems).toEqual([]);
    expect(off.rulebook!.checks.filter((c) => c.enabled === false).map((c) => c.id)).toEqual(['L4', 'P2']);
    expect(off.rulebook!.checks.find((c) => c.id === 'L9')!.rule).toEqual(national.source.checks.find((c) => c.id === 'L9')!.rule);
    const back = sheetsOf(rulebookSheetModels(loadRulebook(off.rulebook!), 'zh-CN'));
    set(back, `规则表!H${r4 + 1}`, '启用');
    set(back, `规则表!H${r9 + 1}`, '启用');
    expect(fingerprintOf(rulebookFromSheets(back, 'zh-CN').rulebook!)).toBe(national.fingerprint);
  });

  it('without the English columns too', () => {
    const r = rulebookFromSheets(sheetsOf(rulebookSheetModels(yunnan, 'zh-CN', { english: false })), 'zh-CN');
    expect(fingerprintOf(r.rulebook!)).toBe(yunnan.fingerprint);
  });

  it('edits come through: thresholds, comparison, on/off, round, weights, requirement placeholder', () => {
    const s = sheetsOf(rulebookSheetModels(national, 'zh-CN'));
    set(s, '规则表!E10', 10);
    set(s, '规则表!E12', '60%');
    set(s, '规则表!D12', '不低于');
    set(s, '规则表!I12', '主导产业占比不低于[阈值]');
    const r44 = s.get('规则表')!.findIndex((r) => r[0] === '4.4');
    set(s, `规则表!H${r44 + 1}`, '停用');
    set(s, find(s, '设置', '评审类型'), '省级认定');
    set(s, find(s, '设置', '首批申报年度'), null);
    set(s, find(s, '设置', '1', 2), 25);
    set(s, find(s, '设置', '2', 2), 10);
    const r = rulebookFromSheets(s, 'zh-CN');
    expect(r.problems).toEqual([]);
    const out = loadRulebook(r.rulebook!);
    expect(out.data.round).toBe('provincial-recognition');
    expect(out.checks.map((c) => c.id)).not.toContain('E2');
    const c18 = out.checks.find((c) => c.id === '1.8')!;
    expect(c18.rule).toMatchObject({ op: '>=', bound: 0.6 });
    expect(c18.requirement!.zh).toBe('主导产业占比不低于{bound}');
    expect(out.source.checks.find((c) => c.id === '4.4')!.enabled).toBe(false);
    expect(diffRulebooks(national.source, out.source, 'zh-CN').map((c) => [c.code, c.check ?? c.criterion ?? c.setting])).toEqual([
      ['setting', 'round'],
      ['setting', 'firstBatchYear'],
      ['weight', '1'],
      ['weight', '2'],
      ['threshold', '1.6'],
      ['requirement', '1.8'],
      ['op', '1.8'],
      ['threshold', '1.8'],
      ['off', '4.4'],
    ]);
  });
});

describe('import: the scoring settings', () => {
  it('how scores combine, the minimum of experts and the number of recommendations come through, and diff says them', () => {
    const s = sheetsOf(rulebookSheetModels(national, 'zh-CN'));
    set(s, find(s, '设置', '评分合成方式'), '平均分');
    set(s, find(s, '设置', '去掉最高最低分的最少评分数'), 4);
    set(s, find(s, '设置', '最少专家人数'), 4);
    set(s, find(s, '设置', '推荐数量'), 8);
    const r = rulebookFromSheets(s, 'zh-CN');
    expect(r.problems).toEqual([]);
    expect(r.rulebook!.scoring).toMatchObject({ combine: 'mean', trimmedMinimum: 4, minimumExperts: 4, recommendations: 8 });
    const back = rulebookFromSheets(sheetsOf(rulebookSheetModels(loadRulebook(r.rulebook!), 'en-US')), 'zh-CN');
    expect(fingerprintOf(back.rulebook!)).toBe(fingerprintOf(r.rulebook!));
    expect(diffRulebooks(national.source, r.rulebook!, 'zh-CN').map((c) => c.message)).toEqual([
      '评分合成方式：由 去掉一个最高分和一个最低分后的平均分 改为 平均分',
      '去掉最高最低分的最少评分数：由 5 改为 4',
      '最少专家人数：由 3 改为 4',
      '推荐数量：由 不限 改为 8',
    ]);
  });

  it('a blank number of recommendations is no cap; a workbook of an earlier version (placeholder rows) keeps the file’s values', () => {
    const withQuota = loadRulebook({ ...national.source, scoring: { ...national.source.scoring, recommendations: 5 } });
    const s = sheetsOf(rulebookSheetModels(withQuota, 'zh-CN'));
    set(s, find(s, '设置', '推荐数量'), null);
    expect(rulebookFromSheets(s, 'zh-CN').rulebook!.scoring.recommendations).toBeUndefined();
    // 不限, as show and diff say it, is the same as blank; full-width digits are read as numbers.
    set(s, find(s, '设置', '推荐数量'), '不限');
    expect(rulebookFromSheets(s, 'zh-CN').problems).toEqual([]);
    expect(rulebookFromSheets(s, 'zh-CN').rulebook!.scoring.recommendations).toBeUndefined();
    set(s, find(s, '设置', '推荐数量'), '１０');
    expect(rulebookFromSheets(s, 'zh-CN').rulebook!.scoring.recommendations).toBe(10);
    const old = sheetsOf(rulebookSheetModels(withQuota, 'zh-CN'));
    set(old, find(old, '设置', '评分合成方式'), '（本版规则格式尚无此项，导入时忽略）');
    set(old, find(old, '设置', '推荐数量'), '（本版规则格式尚无此项，导入时忽略）');
    expect(fingerprintOf(rulebookFromSheets(old, 'zh-CN').rulebook!)).toBe(withQuota.fingerprint);
  });

  it('bad values, each named by its cell in plain Chinese', () => {
    const s = sheetsOf(rulebookSheetModels(national, 'zh-CN'));
    set(s, find(s, '设置', '评分合成方式'), '随便');
    set(s, find(s, '设置', '去掉最高最低分的最少评分数'), 2);
    set(s, find(s, '设置', '最少专家人数'), 0);
    set(s, find(s, '设置', '推荐数量'), '八');
    const cell = (label: string) => find(s, '设置', label);
    expect(rulebookFromSheets(s, 'zh-CN').problems.map((x) => [x.code, x.path, x.message])).toEqual([
      ['not-one-of', cell('评分合成方式'), `设置“评分合成方式”（${cell('评分合成方式')}）：“随便”不是可选项之一：平均分、去掉一个最高分和一个最低分后的平均分、中位数`],
      ['below-minimum', cell('去掉最高最低分的最少评分数'), `设置“去掉最高最低分的最少评分数”（${cell('去掉最高最低分的最少评分数')}）：不能小于 3（填写的是 2）`],
      ['below-minimum', cell('最少专家人数'), `设置“最少专家人数”（${cell('最少专家人数')}）：不能小于 1（填写的是 0）`],
      ['not-number', cell('推荐数量'), `设置“推荐数量”（${cell('推荐数量')}）：“八”不是数字：请填写阿拉伯数字`],
    ]);
  });
});

describe('import: every problem in plain words, naming the check and the cell', () => {
  const fresh = () => sheetsOf(rulebookSheetModels(national, 'zh-CN'));
  const problems = (s: ReadonlyMap<string, SheetGrid>, lang: 'zh-CN' | 'en-US' = 'zh-CN') => rulebookFromSheets(s, lang).problems;

  it('a threshold typed as text', () => {
    const s = fresh();
    set(s, '规则表!E12', '五十');
    const p = problems(s);
    expect(p.map((x) => [x.code, x.check, x.path])).toEqual([['not-number', '1.8', '规则表!E12']]);
    expect(p[0]!.message).toBe('检查 1.8（主导产业产值占比）的阈值（规则表!E12）：“五十”不是数字：请填写阿拉伯数字');
    expect(problems(s, 'en-US')[0]!.message).toBe('check 1.8 (Leading-industry share of output), Threshold (规则表!E12): "五十" is not a number: type digits');
  });

  it('a percentage above 100%', () => {
    const s = fresh();
    set(s, '规则表!E12', 1.2);
    expect(problems(s).map((x) => x.message)).toEqual(['检查 1.8（主导产业产值占比）的阈值（规则表!E12）：百分比不能超过 100%（填写的是 120%）']);
  });

  it('a missing column', () => {
    const s = fresh();
    s.get('规则表')![0]![4] = null;
    expect(problems(s).map((x) => [x.code, x.message])).toEqual([['no-column', '工作表“规则表”缺少“阈值”列（第 1 行应为列标题）']]);
  });

  it('weights not summing to the total, and a cut line above the total', () => {
    const s = fresh();
    set(s, find(s, '设置', '1', 2), 15);
    expect(problems(s).map((x) => [x.code, x.path, x.message])).toEqual([['weights-sum', '设置!B15', '设置“满分合计”（设置!B15）：各标准分值合计为 95，与满分合计 100 不符']]);
    const t = fresh();
    set(t, find(t, '设置', '推荐分数线'), 120);
    expect(problems(t).map((x) => [x.code, x.message])).toEqual([['cut-above-total', '设置“推荐分数线”（设置!B14）：推荐分数线 120 高于满分合计 100']]);
  });

  it('a check id that does not exist', () => {
    const s = fresh();
    set(s, '规则表!A12', '9.9');
    expect(problems(s).map((x) => [x.code, x.message])).toEqual([['unknown-check', '规则中没有检查“9.9”（规则表!A12）：编号不可修改，也不能新增检查']]);
  });

  it('a comparison or on/off word that is not offered', () => {
    const s = fresh();
    set(s, '规则表!D12', '大于等于');
    set(s, '规则表!H12', '也许');
    expect(problems(s).map((x) => [x.code, x.path])).toEqual([
      ['bad-op', '规则表!D12'],
      ['bad-enabled', '规则表!H12'],
    ]);
  });

  it('what only the whole rulebook can say still names the cell', () => {
    const s = fresh();
    set(s, '规则表!E12', -0.1);
    expect(problems(s).map((x) => [x.code, x.path])).toEqual([['percent-below-0', '规则表!E12']]);
    const g = fresh();
    const r19 = g.get('规则表')!.findIndex((r) => r[0] === '1.9');
    set(g, `规则表!E${r19 + 1}`, -1);
    const p = problems(g);
    expect(p.map((x) => [x.code, x.path])).toEqual([['growth-bound', `规则表!E${r19 + 1}`]]);
    expect(p[0]!.message).toContain(`（规则表!E${r19 + 1}）`);
  });

  it('every problem at once, in one format (a bad deadline and a whole-rulebook problem among the others)', () => {
    const s = fresh();
    const r19 = s.get('规则表')!.findIndex((r) => r[0] === '1.9');
    set(s, '规则表!E12', '五十');
    set(s, '规则表!E11', 1.5);
    set(s, '规则表!D13', '大约');
    set(s, find(s, '设置', '1', 2), 25);
    set(s, find(s, '设置', '推荐分数线'), 120);
    set(s, find(s, '设置', '年度监测截止日'), '13-45');
    set(s, `规则表!E${r19 + 1}`, -1);
    const p = problems(s);
    expect(p.map((x) => x.code).sort()).toEqual(['bad-deadline', 'bad-op', 'cut-above-total', 'growth-bound', 'not-number', 'percent-above-100', 'weights-sum']);
    // Each begins with where it is, naming the cell, then what is wrong.
    for (const x of p) expect(x.message).toMatch(new RegExp(`^[^：]*（${x.path.replace('!', '!')}）：`));
    expect(p.find((x) => x.code === 'bad-deadline')!.message).toBe(`设置“年度监测截止日”（${find(s, '设置', '年度监测截止日')}）：“13-45”不是日期：写作 月-日，例如 04-30`);
  });

  it('a workbook that was not exported by the tool', () => {
    const s = fresh();
    s.delete(RULEBOOK_SHEET.base);
    expect(problems(s).map((x) => x.code)).toEqual(['no-base']);
    expect(problems(new Map<string, SheetGrid>())[0]!.message).toContain('rulebook export');
  });

  it('a monitoring deadline read back as a date is taken as its month and day', () => {
    const s = fresh();
    set(s, find(s, '设置', '年度监测截止日'), '2025-03-31');
    const r = rulebookFromSheets(s, 'zh-CN');
    expect(r.rulebook!.settings.monitoringDeadline).toBe('03-31');
    set(s, find(s, '设置', '年度监测截止日'), '四月底');
    expect(problems(s).map((x) => x.code)).toEqual(['bad-deadline']);
  });
});
