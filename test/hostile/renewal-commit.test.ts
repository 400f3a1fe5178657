/**
 * Hostile (issue 20, item 1): `renewal` writes its output in one commit. Committing the reviewed copy and then
 * reopening it to add 复核监测记录 leaves, if the run is killed between, an output that looks complete without
 * its record.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as OutputModule from '../../src/xlsx/output.js';
import { cli, load, tempDir, writeExample } from '../support/files.js';

/** Every commit of a file through the guarded writer, by path. */
const commits = vi.hoisted(() => [] as string[]);
vi.mock('../../src/xlsx/output.js', async (importOriginal) => {
  const real = await importOriginal<typeof OutputModule>();
  return {
    ...real,
    writeOutput: async (...args: Parameters<typeof real.writeOutput>) => {
      await real.writeOutput(...args);
      commits.push(args[0]);
    },
  };
});

const EX = 'examples/monitoring';

describe('renewal', () => {
  it('commits the finished workbook once: the reviewed copy with 复核监测记录 in it', async () => {
    const dir = tempDir();
    const app = await writeExample(dir, '01-passing', {}, 'app.xlsx');
    const out = join(dir, 'renewal.xlsx');
    commits.length = 0;
    const r = await cli(['renewal', app, join(EX, '01-normal-2023.xlsx'), join(EX, '01-normal.xlsx'), '-o', out, '--year', '2025']);
    expect(r.code, r.err).not.toBe(2);
    expect(commits.filter((p) => p === out)).toHaveLength(1);
    const wb = await load(out);
    expect(wb.getWorksheet('复核监测记录')).toBeDefined();
    expect(wb.getWorksheet('评审汇总')).toBeDefined();
  }, 120_000);
});
