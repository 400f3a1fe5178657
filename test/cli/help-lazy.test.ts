/**
 * `cluster-review --help` starts without ExcelJS, zod or any command's action: each command's definition is light,
 * what it does (./commands/X-run.ts) is imported when it runs (issue 23, item 6).
 */
import { describe, expect, it, vi } from 'vitest';

const loaded = vi.hoisted(() => ({ exceljs: false, zod: false }));
vi.mock('exceljs', async (importOriginal) => {
  loaded.exceljs = true;
  return importOriginal();
});
vi.mock('zod', async (importOriginal) => {
  loaded.zod = true;
  return importOriginal();
});

const quiet = { out: () => undefined, err: () => undefined, now: () => new Date(2025, 5, 1) };

describe('start-up', () => {
  // First in this file: the modules it must not load are not loaded yet.
  it("--help, a command's own help and usage errors load no command's action and not zod; running one does", async () => {
    const { main } = await import('../../src/cli/main.js');
    expect(await main(['--help'], quiet)).toBe(0);
    expect(await main(['--lang', 'en', '--help'], quiet)).toBe(0);
    expect(await main(['check', '--help'], quiet)).toBe(0);
    expect(await main(['help', 'tally'], quiet)).toBe(0);
    expect(await main(['rulebook', 'diff', '--help'], quiet)).toBe(0);
    expect(await main(['chek'], quiet)).toBe(2);
    expect(await main(['check'], quiet)).toBe(2);
    expect(await main(['template'], quiet)).toBe(2);
    expect(loaded.zod).toBe(false);
    // The same probe sees zod once an action runs (it reads the rulebook in force), so the assertion above can fail.
    expect(await main(['rulebook', 'validate', 'no-such-rulebook.json'], quiet)).toBe(2);
    expect(loaded.zod).toBe(true);
  });

  it('--help and rulebook show do not load ExcelJS; a check does', async () => {
    const { main } = await import('../../src/cli/main.js');
    const io = { out: () => undefined, err: () => undefined, now: () => new Date(2025, 5, 1) };
    expect(await main(['--help'], io)).toBe(0);
    expect(await main(['check', '--help'], io)).toBe(0);
    expect(await main(['rulebook', 'show'], io)).toBe(0);
    expect(loaded.exceljs).toBe(false);
    // The same probe sees ExcelJS when a command needs it, so the assertion above can fail.
    expect(await main(['check', 'no-such-file.xlsx'], io)).toBe(2);
    expect(loaded.exceljs).toBe(true);
  });
});
