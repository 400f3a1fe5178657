/**
 * Hostile (issue 20, item 2): `renewal` given two forms for one year lists them and says which it used; the
 * choice never depends on the order of the arguments.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, runCli } from './support.js';

const EX = 'examples/monitoring';

describe('renewal with two forms for one year', () => {
  it('lists them, says the choice, and takes the same form whatever the order', async () => {
    const dir = tempDir();
    const app = await writeExample(dir, '01-passing', { B1: '某县汽车制动系统中小企业特色产业集群', B3: '甲县' }, 'app.xlsx');
    const [x, y] = [join(dir, '2024-甲.xlsx'), join(dir, '2024-乙.xlsx')];
    copyFileSync(join(EX, '01-normal.xlsx'), x);
    copyFileSync(join(EX, '01-normal.xlsx'), y);
    const verdicts: string[] = [];
    const chosen: string[] = [];
    for (const [n, order] of [[1, [x, y]], [2, [y, x]]] as const) {
      const out = join(dir, `r${n}.xlsx`);
      const r = await runCli(['renewal', app, join(EX, '01-normal-2023.xlsx'), ...order, '-o', out, '--year', '2025']);
      expectNoCrash(r);
      expect(r.stderr).toMatch(/2024年度有多份培育情况信息表.*2024-乙\.xlsx、2024-甲\.xlsx.*采用/);
      chosen.push(/采用报送日期最晚的 (\S+)，/.exec(r.stderr)?.[1] ?? '');
      const wb = await load(out);
      const ws = wb.getWorksheet('复核监测记录')!;
      const cells: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
      verdicts.push(cells.join('|'));
    }
    expect(verdicts[0]).toBe(verdicts[1]);
    expect(chosen[0]).toBe('2024-甲.xlsx');
    expect(chosen[1]).toBe(chosen[0]);
  }, 120_000);
});
