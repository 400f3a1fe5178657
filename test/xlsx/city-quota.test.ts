/**
 * The provincial tier through real files (issue 19 item 2): `batch` under the Yunnan rulebook (昆明市 ≤ 3, other
 * 州市 ≤ 2) shows each application's city and flags a city one over its quota, on its rows and on the terminal;
 * exactly at the quota nothing is flagged.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, headedRows as rows, load, tempDir, writeExample } from '../support/files.js';

const YUNNAN = join('rulebooks', 'yunnan-2023.json');

describe('batch under city quotas', () => {
  const dir = tempDir();
  const apps = join(dir, 'apps');
  let over: Awaited<ReturnType<typeof cli>>;
  let within: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    mkdirSync(apps);
    const cities = ['昆明市', '昆明市', '昆明市', '昆明', '曲靖市', '曲靖市'];
    for (const [i, city] of cities.entries()) await writeExample(apps, '01-passing', { B1: `示例${i}号产业集群`, B5: `细分${i}`, B21: city }, `${i}.xlsx`);
    await writeExample(apps, '01-passing', { B1: '未填城市的产业集群', B5: '细分x', B21: null }, 'x.xlsx');
    over = await cli(['batch', apps, '-o', join(dir, 'over.xlsx'), '--rulebook', YUNNAN]);
    rmSync(join(apps, '3.xlsx'));
    within = await cli(['batch', apps, '-o', join(dir, 'within.xlsx'), '--rulebook', YUNNAN]);
  }, 120_000);

  it('昆明市 4 (one written 昆明) is one over its quota of 3: said on the terminal and flagged on each of its rows', async () => {
    expect(over.err).toContain('提示：昆明市推荐4个，超过限额3个');
    expect(over.err).not.toContain('曲靖市推荐');
    const ws = (await load(join(dir, 'over.xlsx'))).getWorksheet('推荐汇总')!;
    const table = rows(ws);
    expect(table.map((r) => r['地级市（州、盟）']).sort()).toEqual(['昆明', '昆明市', '昆明市', '昆明市', '曲靖市', '曲靖市', '未填写'].sort());
    for (const r of table) expect(String(r['关注事项'] ?? '').includes('昆明市推荐4个，超过限额3个'), String(r['地级市（州、盟）'])).toBe(String(r['地级市（州、盟）']).startsWith('昆明'));
    const below: string[] = [];
    ws.eachRow((row, n) => {
      if (n > table.length + 3) below.push(String(row.getCell(1).value ?? ''));
    });
    expect(below).toContain('市级推荐名额：昆明市4个（限额3个，超出）、曲靖市2个（限额2个）、未填写1个');
  });

  it('昆明市 3 and 曲靖市 2, exactly at their quotas, are not flagged; the application without a city is 未填写', async () => {
    expect(within.err).not.toContain('超过限额');
    const table = rows((await load(join(dir, 'within.xlsx'))).getWorksheet('推荐汇总')!);
    expect(table.filter((r) => String(r['关注事项'] ?? '').includes('限额'))).toEqual([]);
    expect(table.filter((r) => r['地级市（州、盟）'] === '未填写')).toHaveLength(1);
  });
});
