/**
 * Hostile (issue 20, item 3): 17,000 experts are refused at once with the limit named (they took 2 GB, then
 * "Set maximum size exceeded").
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { expectRefused, runCli, expectWithinGoal } from './support.js';

const many = Array.from({ length: 17_000 }, (_x, i) => `e${i}`).join(',');

describe('a committee beyond the limit', () => {
  for (const command of ['scoresheets', 'tally', 'check'] as const)
    it(`${command} --experts with 17,000 names is refused at once, the limit named`, async () => {
      const dir = tempDir();
      const input = await writeExample(dir, '01-passing', {}, 'a.xlsx');
      const r = await runCli([command, input, '--experts', many, '-o', join(dir, command === 'check' ? 'c.xlsx' : command === 'tally' ? 'l.xlsx' : 's')], { timeoutMs: 60_000, measureRss: true });
      expectRefused(r, /专家人数 17000，超过上限 200/);
      expectWithinGoal(r);
    }, 120_000);
});
