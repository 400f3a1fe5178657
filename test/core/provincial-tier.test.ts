/**
 * The provincial tier (issue 19 item 2): the form's new rows (所在地级市, 规上企业数, the contact's 职务/手机/邮箱) and its
 * stamp blocks, the rulebook's 市级推荐 stage (a quota per city), and the batch roll-up and committee list counting
 * applications by city and flagging every city over its quota — at the quota is fine, one over is flagged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cityCounts,
  loadRulebook,
  rollupModel,
  tally,
  tallyModels,
  templateModels,
  validateRulebook,
  type CellModel,
  type Report,
  type SheetModel,
} from '../../src/core/index.js';
import { diffRulebooks } from '../../src/core/rulebook/diff.js';
import { rulebookSheetModels } from '../../src/core/report/rulebook-sheet.js';
import { rulebookFromSheets } from '../../src/core/rulebook/sheet-import.js';
import type { SheetGrid } from '../../src/core/rulebook/sheet-form.js';
import { NATIONAL_2022, nationalCopy } from '../support/rulebooks.js';
import { review } from '../support/review.js';
import { testRound } from '../support/round.js';

const YUNNAN = JSON.parse(readFileSync(fileURLToPath(new URL('../../rulebooks/yunnan-2023.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
const national = loadRulebook(NATIONAL_2022);
const yunnan = loadRulebook(YUNNAN);
const NEW_ROWS = ['B20', 'B21', 'B22', 'B23', 'B24'];

const textOf = (m: SheetModel) => m.cells.map((c) => (typeof c.value === 'string' ? c.value : '')).join('\n');
const input = (r: Report, code: string) => r.findings.filter((f) => f.source === 'input' && f.indicator === code);

describe('the application form’s new rows', () => {
  it('the template asks for 所在地级市（州、盟）, 规上企业数 and the contact’s 职务, 手机, 邮箱, after the existing basic rows', () => {
    const sheet = templateModels(national, 2025).sheets.find((s) => s.name === '指标表')!;
    const rowOf = (code: string) => sheet.cells.find((c) => c.col === 0 && c.value === code)?.row;
    for (const code of NEW_ROWS) expect(rowOf(code), code).toBeDefined();
    const labels = NEW_ROWS.map((code) => sheet.cells.find((c) => c.col === 1 && c.row === rowOf(code))?.value);
    expect(labels).toEqual(['其中：规模以上企业数量（选填）', '所在地级市（州、盟）（选填）', '联系人职务（选填）', '联系人手机（选填）', '联系人电子邮箱（选填）']);
    // Appended after the basic rows: B1–B17 keep their rows, the new ones come straight after B17.
    expect(rowOf('B20')).toBe(rowOf('B17')! + 1);
    expect(NEW_ROWS.map(rowOf)).toEqual(NEW_ROWS.map((_c, i) => rowOf('B17')! + 1 + i));
    const b20 = sheet.cells.find((c) => c.row === rowOf('B20') && c.input === 'applicant');
    expect(b20?.numberFormat).toBe('0');
  });

  it('in the Yunnan rulebook (a city quota) 所在地级市 is required', () => {
    const sheet = templateModels(yunnan, 2025).sheets.find((s) => s.name === '指标表')!;
    const row = sheet.cells.find((c) => c.col === 0 && c.value === 'B21')!.row;
    expect(sheet.cells.find((c) => c.col === 1 && c.row === row)?.value).toBe('所在地级市（州、盟）');
  });

  it('the reader reads them into the report: the city into the cluster’s identity', () => {
    const r = review({ B21: ' 昆明市 ', B20: 36 });
    expect(r.cluster.city).toBe('昆明市');
    expect(r.verdict).toBe('passed');
    expect(r.findings.filter((f) => NEW_ROWS.includes(f.indicator ?? '') && f.status !== 'pass')).toEqual([]);
  });

  it('a mobile of 11 digits beginning with 1 and an e-mail with one @ and a dot in its domain pass; others are warnings', () => {
    for (const ok of ['13812345678', '138 1234 5678', '+86 138-1234-5678', '１３８１２３４５６７８']) expect(input(review({ B23: ok }), 'B23'), ok).toEqual([]);
    for (const bad of ['1381234567', '23812345678', '0571-12345678', '138123456789', '手机']) {
      const r = review({ B23: bad });
      expect(input(r, 'B23').map((f) => [f.code, f.status]), bad).toEqual([['mobile-format', 'warn']]);
      expect(r.verdict).toBe('passed');
    }
    expect(input(review({ B23: '1381234567' }), 'B23')[0]!.messages['zh-CN']).toContain('不是11位手机号码');
    for (const ok of ['wangwu@example.gov.cn', 'a.b@mail.example.com']) expect(input(review({ B24: ok }), 'B24'), ok).toEqual([]);
    for (const bad of ['wangwu.example.gov.cn', 'wangwu@example', 'a@b@example.cn', '@example.cn', 'wang wu@example.cn', 'wangwu@.cn']) {
      const r = review({ B24: bad });
      expect(input(r, 'B24').map((f) => [f.code, f.status]), bad).toEqual([['email-format', 'warn']]);
      expect(r.verdict).toBe('passed');
    }
  });

  it('an old form without the new rows still reads and passes under the national rulebook', () => {
    const r = review({}, { omit: NEW_ROWS });
    expect(r.verdict).toBe('passed');
    expect(r.cluster.city).toBeNull();
    expect(r.findings.filter((f) => NEW_ROWS.includes(f.indicator ?? ''))).toEqual([]);
  });

  it('under a rulebook with city quotas, an old form without 所在地级市 says so (未填写) and nothing else of the new rows', () => {
    const r = review({}, { omit: NEW_ROWS }, yunnan);
    expect(r.findings.filter((f) => NEW_ROWS.includes(f.indicator ?? '')).map((f) => [f.indicator, f.code, f.status])).toEqual([['B21', 'indicator-row-missing', 'missing']]);
    const blank = review({ B21: undefined }, {}, yunnan);
    expect(input(blank, 'B21').map((f) => [f.code, f.status])).toEqual([['missing-input', 'missing']]);
  });

  it('the form ends with the 申报单位（盖章） and 推荐单位意见（盖章、日期） blocks, kept together on a page of their own', () => {
    const sheet = templateModels(national, 2025).sheets.find((s) => s.name === '指标表')!;
    const text = textOf(sheet);
    for (const w of ['申报单位（盖章）', '推荐单位意见（盖章、日期）', '负责人（签字）：', '推荐意见：', '年    月    日']) expect(text).toContain(w);
    const lastCode = Math.max(...sheet.cells.filter((c) => c.col === 0 && typeof c.value === 'string' && national.indicators.has(c.value)).map((c) => c.row));
    const first = sheet.cells.find((c) => c.value === '申报单位（盖章）')!.row;
    const last = Math.max(...sheet.cells.map((c: CellModel) => c.row));
    expect(first).toBe(lastCode + 2);
    // Rows with room for a seal; the blocks begin a page and no page break falls inside them.
    const seal = sheet.cells.find((c) => typeof c.value === 'string' && c.value.startsWith('（盖章）'))!;
    expect(sheet.heights?.[seal.row] ?? 0).toBeGreaterThanOrEqual(60);
    expect((sheet.print?.rowBreaks ?? []).filter((r) => r >= first && r <= last)).toEqual([first]);
  });
});

describe('the rulebook’s 市级推荐 stage', () => {
  it('the national rulebook sets none; the Yunnan example sets 昆明市 3 and every other 州市 2', () => {
    expect(national.data.cityRecommendation).toBeUndefined();
    expect(yunnan.data.cityRecommendation).toEqual({ quotas: { default: 2, byCity: { 昆明市: 3 } } });
    expect(yunnan.data.settings.identity.city).toBe('B21');
  });

  const withQuota = (quotas: unknown) => ({ ...nationalCopy(), cityRecommendation: { quotas } });
  it('refuses a negative or non-integer quota, by default and by city', () => {
    for (const quotas of [{ default: -1 }, { default: 2.5 }, { default: 2, byCity: { 昆明市: -3 } }, { default: 2, byCity: { 昆明市: 1.5 } }, { default: '2' }]) {
      const v = validateRulebook(withQuota(quotas));
      expect(v.ok, JSON.stringify(quotas)).toBe(false);
      if (!v.ok) expect(v.problems.some((p) => p.path.startsWith('$.cityRecommendation.quotas'))).toBe(true);
    }
    expect(validateRulebook(withQuota({ default: 0, byCity: { 昆明市: 3 } })).ok).toBe(true);
  });

  it('refuses quotas with no indicator naming the city, and a city called __proto__', () => {
    const copy = withQuota({ default: 2 }) as ReturnType<typeof nationalCopy>;
    delete (copy.settings as { identity: Record<string, string> }).identity.city;
    const v = validateRulebook(copy);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.code)).toEqual(['city-needs-indicator']);
    const proto = withQuota(JSON.parse('{"default": 2, "byCity": {"__proto__": 1}}'));
    expect(validateRulebook(proto).ok).toBe(false);
  });

  const grids = (models: SheetModel[], edit?: (name: string, grid: Array<Array<string | number | boolean | null>>) => void): Map<string, SheetGrid> => {
    const out = new Map<string, SheetGrid>();
    for (const m of models) {
      const grid: Array<Array<string | number | boolean | null>> = [];
      for (const c of m.cells) {
        (grid[c.row] ??= [])[c.col] = c.formula !== undefined ? ((c.result as string | number | null | undefined) ?? null) : ((c.value as string | number | boolean | null | undefined) ?? null);
      }
      for (let r = 0; r < grid.length; r++) grid[r] ??= [];
      edit?.(m.name, grid);
      out.set(m.name, grid);
    }
    return out;
  };

  it('the rulebook as a workbook shows the quotas, and an unchanged export imports back to the same rulebook', () => {
    const models = rulebookSheetModels(yunnan, 'zh-CN');
    const settings = textOf(models.find((m) => m.name === '设置')!);
    expect(settings).toContain('市级推荐名额');
    expect(settings).toContain('昆明市');
    const back = rulebookFromSheets(grids(models), 'zh-CN');
    expect(back.problems).toEqual([]);
    expect(back.rulebook!.cityRecommendation).toEqual({ quotas: { default: 2, byCity: { 昆明市: 3 } } });
    expect(loadRulebook(back.rulebook).fingerprint).toBe(yunnan.fingerprint);
  });

  it('quotas edited in the workbook are imported: a new city, a changed default; a bad quota is named by its cell', () => {
    const models = rulebookSheetModels(yunnan, 'zh-CN');
    const edited = grids(models, (name, grid) => {
      if (name !== '设置') return;
      const def = grid.findIndex((row) => row[0] === '其他地级市（州、盟）');
      grid[def]![2] = 1;
      grid[def + 2]![1] = '曲靖市';
      grid[def + 2]![2] = 4;
    });
    const back = rulebookFromSheets(edited, 'zh-CN');
    expect(back.problems).toEqual([]);
    expect(back.rulebook!.cityRecommendation).toEqual({ quotas: { default: 1, byCity: { 昆明市: 3, 曲靖市: 4 } } });
    const bad = grids(models, (name, grid) => {
      if (name !== '设置') return;
      const def = grid.findIndex((row) => row[0] === '其他地级市（州、盟）');
      grid[def + 1]![2] = -1;
    });
    const refused = rulebookFromSheets(bad, 'zh-CN');
    expect(refused.problems.map((p) => p.code)).toEqual(['negative']);
    expect(refused.problems[0]!.message).toContain('设置!C');
  });

  it('a national export shows the block empty and imports back without quotas', () => {
    const back = rulebookFromSheets(grids(rulebookSheetModels(national, 'zh-CN')), 'zh-CN');
    expect(back.problems).toEqual([]);
    expect(back.rulebook!.cityRecommendation).toBeUndefined();
    expect(loadRulebook(back.rulebook).fingerprint).toBe(national.fingerprint);
  });

  it('rulebook diff says the city quotas a rulebook adds or changes', () => {
    const withStage = { ...nationalCopy(), cityRecommendation: { quotas: { default: 2, byCity: { 昆明市: 3 } } } };
    const changes = diffRulebooks(national.source, loadRulebook(withStage).source, 'zh-CN');
    expect(changes.filter((c) => c.setting === 'cityRecommendation').map((c) => c.message)).toEqual(['市级推荐名额：由 （未设置） 改为 昆明市3个，其他地级市（州、盟）2个']);
    const changed = { ...nationalCopy(), cityRecommendation: { quotas: { default: 2, byCity: { 昆明市: 4 } } } };
    expect(diffRulebooks(loadRulebook(withStage).source, loadRulebook(changed).source, 'zh-CN').map((c) => c.message)).toEqual(['市级推荐名额：由 昆明市3个，其他地级市（州、盟）2个 改为 昆明市4个，其他地级市（州、盟）2个']);
  });
});

/** Reports of applications from these cities (null: no city given). */
function reports(cities: Array<string | null>): Array<{ file: string; report: Report }> {
  const base = review();
  return cities.map((city, i) => ({ file: `${i + 1}.xlsx`, report: { ...base, cluster: { ...base.cluster, name: `集群${i + 1}`, nicheSector: `细分${i + 1}`, city } } }));
}
const rollupText = (cities: Array<string | null>) => textOf(rollupModel(reports(cities), 'zh-CN', undefined, yunnan.data.cityRecommendation));
const stage = yunnan.data.cityRecommendation;

describe('counting by city against the quotas', () => {
  it('Yunnan: 昆明市 3 is within its quota, 4 is one over; another 州 2 is within, 3 over', () => {
    expect(cityCounts(['昆明市', '昆明市', '昆明市', '曲靖市', '曲靖市'], stage).findings).toEqual([]);
    expect(cityCounts(['昆明市', '昆明市', '昆明市', '昆明市', '曲靖市', '曲靖市'], stage).findings).toEqual([{ code: 'city-over-quota', city: '昆明市', count: 4, quota: 3 }]);
    expect(cityCounts(['楚雄彝族自治州', '楚雄彝族自治州', '楚雄彝族自治州', '昆明市'], stage).findings).toEqual([{ code: 'city-over-quota', city: '楚雄彝族自治州', count: 3, quota: 2 }]);
  });

  it('an application with no city counts under 未填写, which has no quota; “昆明” and “昆明市” are one city', () => {
    const { counts, findings } = cityCounts(['昆明', null, ' 昆明市', '', '昆明市 ', '昆明市'], stage);
    expect(counts).toEqual([
      { city: '昆明市', count: 4, quota: 3, over: true },
      { city: null, count: 2, quota: null, over: false },
    ]);
    expect(findings).toEqual([{ code: 'city-over-quota', city: '昆明市', count: 4, quota: 3 }]);
  });

  it('an invisible character in a city’s name does not make it a city of its own (it escaped the quota)', () => {
    const { findings } = cityCounts(['昆明市', '昆\u200b明市', '昆明\u202e市', '\ufeff昆明'], stage);
    expect(findings).toEqual([{ code: 'city-over-quota', city: '昆明市', count: 4, quota: 3 }]);
  });

  it('without quotas (the national rulebook) cities are counted and none is over', () => {
    expect(cityCounts(['昆明市', '昆明市', '昆明市', '昆明市'], undefined)).toEqual({ counts: [{ city: '昆明市', count: 4, quota: null, over: false }], findings: [] });
  });

  it('the batch roll-up shows each application’s city and flags every city over its quota, in words naming city, count and quota', () => {
    const over = rollupModel(reports(['昆明市', '昆明市', '昆明市', '昆明市', null]), 'zh-CN', undefined, stage);
    const header = over.cells.find((c) => c.row === 2 && c.value === '地级市（州、盟）')!;
    expect(over.cells.filter((c) => c.col === header.col && c.row > 2 && c.row < 8).map((c) => c.value)).toEqual(['昆明市', '昆明市', '昆明市', '昆明市', '未填写']);
    const text = textOf(over);
    expect(text).toContain('昆明市推荐4个，超过限额3个');
    expect(text).toContain('市级推荐名额：昆明市4个（限额3个，超出）、未填写1个');
    const flags = over.cells.find((c) => c.row === 2 && c.value === '关注事项')!;
    expect(over.cells.filter((c) => c.col === flags.col && c.row > 2 && c.row < 8).map((c) => c.style)).toEqual(['status.warn', 'status.warn', 'status.warn', 'status.warn', 'wrap']);
    expect(rollupText(['昆明市', '昆明市', '昆明市', '曲靖市', '曲靖市'])).not.toContain('超过限额');
    expect(rollupText(['曲靖市', '曲靖市', '曲靖市'])).toContain('曲靖市推荐3个，超过限额2个');
    expect(textOf(rollupModel(reports(['昆明市', '昆明市', '昆明市', '昆明市']), 'en-US', undefined, stage))).toContain('昆明市 recommends 4, over its quota of 3');
  });

  it('the committee list shows each application’s city and flags a city over its quota', () => {
    const cities = ['昆明市', '昆明市', '昆明市', '昆明市', '曲靖市', '曲靖市', null];
    const apps = cities.map((city, i) => ({ id: `a${i}`, cluster: `集群${i}`, province: '云南省', county: `县${i}`, ...(city ? { city } : {}), fp: `fp${i}` }));
    const round = testRound(apps, ['甲', '乙', '丙'], [], yunnan);
    const result = tally(round, [], [], yunnan, { time: 't' });
    const list = tallyModels(result, yunnan, 'zh-CN')[0]!;
    const header = list.cells.find((c) => c.row === 2 && c.value === '地级市（州、盟）')!;
    expect(list.cells.filter((c) => c.col === header.col && c.row > 2 && c.row < 10).map((c) => c.value).sort()).toEqual(['昆明市', '昆明市', '昆明市', '昆明市', '曲靖市', '曲靖市', '未填写'].sort());
    const text = textOf(list);
    expect(text).toContain('昆明市推荐4个，超过限额3个');
    expect(text).not.toContain('曲靖市推荐');
    expect(text).toContain('未填写1个');
  });
});
