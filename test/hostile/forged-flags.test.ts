/**
 * Hostile (issue 20, item 5): a forged flag address in a reviewed copy's record ("garbage" has no sheet name) is
 * said as a damaged record, never an internal error; and 100,000 forged flags are refused by the record's limit.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeta, writeMeta } from '../../src/xlsx/meta.js';
import { load, tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, runCli, expectWithinGoal } from './support.js';

async function forgedCopy(edit: (flags: Array<{ cell: string }>) => Array<{ cell: string }>): Promise<{ dir: string; copy: string }> {
  const dir = tempDir();
  const input = await writeExample(dir, '02-failing');
  const copy = join(dir, 'r1.xlsx');
  expect((await runCli(['check', input, '-o', copy])).code).toBe(1);
  const wb = await load(copy);
  const meta = readMeta(wb)!;
  (meta.review as unknown as { flags: Array<{ cell: string }> }).flags = edit(meta.review!.flags as unknown as Array<{ cell: string }>);
  await writeMeta(wb, meta);
  await wb.xlsx.writeFile(copy);
  return { dir, copy };
}

describe('forged flag records', () => {
  it('a flag whose address is "garbage" is no internal error', async () => {
    const { dir, copy } = await forgedCopy((flags) => [{ ...flags[0]!, cell: 'garbage' }, ...flags.slice(1)]);
    const r = await runCli(['check', copy, '-o', join(dir, 'r2.xlsx')]);
    expectNoCrash(r);
    expect([1, 2]).toContain(r.code);
  }, 120_000);

  it('100,000 forged flags are answered within 10 s and 500 MB', async () => {
    const { dir, copy } = await forgedCopy((flags) => Array.from({ length: 100_000 }, (_x, i) => ({ ...flags[0]!, cell: `指标表!A${(i % 1000) + 1}` })));
    const r = await runCli(['check', copy, '-o', join(dir, 'r2.xlsx')], { timeoutMs: 60_000, measureRss: true });
    expectNoCrash(r);
    expectWithinGoal(r);
  }, 120_000);
});
