/**
 * Hostile (issue 20, item 3): hostile rulebooks are answered quickly with the limit named (each ≤ 10 s, ≤ 500 MB):
 * a 50 MB file, 200,000 indicators, a 50-million-character guidance text, an id of 300 characters.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeExample } from '../support/files.js';
import { expectNoCrash, runCli, expectWithinGoal } from './support.js';

const national = () => JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8')) as Record<string, unknown> & { indicators: unknown[]; criteria: unknown[]; checks: unknown[]; description?: unknown };

/** The national rulebook with `n` copies of the first entry of `list`, each told apart by `key`: `${prefix}${i}`. */
function withMany(list: 'indicators' | 'criteria' | 'checks', n: number, key: string, prefix: string): ReturnType<typeof national> {
  const rb = national();
  const one = rb[list][0] as Record<string, unknown>;
  rb[list] = Array.from({ length: n }, (_x, i) => ({ ...one, [key]: `${prefix}${i}` }));
  return rb;
}

async function tryRulebook(rb: unknown, name: string): Promise<Awaited<ReturnType<typeof runCli>>> {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, typeof rb === 'string' ? rb : JSON.stringify(rb));
  const input = await writeExample(dir, '01-passing', {}, 'a.xlsx');
  const r = await runCli(['check', input, '--rulebook', file, '-o', join(dir, 'out.xlsx')], { timeoutMs: 60_000, measureRss: true });
  expectNoCrash(r);
  expect(r.code).toBe(2);
  expectWithinGoal(r);
  return r;
}

describe('hostile rulebooks are bounded', () => {
  it('a 50 MB rulebook file is refused by its size, the limit named', async () => {
    const rb = national();
    rb.description = { zh: 'x'.repeat(25 * 1024 * 1024), en: 'y'.repeat(25 * 1024 * 1024) };
    const r = await tryRulebook(rb, 'big.json');
    expect(r.stderr).toMatch(/超过上限 4 MB/);
  }, 120_000);

  it('200,000 indicators are refused before validation, the limit named', async () => {
    const rb = withMany('indicators', 200_000, 'code', 'Z');
    const r = await tryRulebook(rb, 'many.json');
    expect(r.stderr).toMatch(/规则文件过大|超过上限/);
  }, 120_000);

  it('a guidance text of 3 million characters (within the file size) is refused, the limit named', async () => {
    const rb = national();
    rb.description = { zh: '说'.repeat(1_000_000), en: 'x' };
    const r = await tryRulebook(rb, 'long.json');
    expect(r.stderr).toMatch(/文字过长/);
  }, 120_000);

  it('20,000 criteria (3.4 GB and 53 s before) are refused by the count of values, the limit named', async () => {
    const rb = withMany('criteria', 20_000, 'id', 'c');
    const r = await tryRulebook(rb, 'criteria.json');
    expect(r.stderr).toMatch(/规则文件过大（超过 100000 个值/);
  }, 120_000);

  it('20,000 checks (21 s before) are refused within the limits', async () => {
    const rb = withMany('checks', 20_000, 'id', 'k');
    const r = await tryRulebook(rb, 'checks.json');
    expect(r.stderr).toMatch(/规则文件过大|超过上限/);
  }, 120_000);
});
