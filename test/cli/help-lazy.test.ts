/** `cluster-review --help` starts without ExcelJS: the workbook adapter is imported inside the command actions. */
import { describe, expect, it, vi } from 'vitest';

const loaded = vi.hoisted(() => ({ exceljs: false }));
vi.mock('exceljs', async (importOriginal) => {
  loaded.exceljs = true;
  return importOriginal();
});

describe('start-up', () => {
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
