/**
 * `cluster-review --help` starts without ExcelJS, zod or any command's module: the workbook adapter is imported
 * inside the command actions, and a command's module only when the command is named (issue 23, item 6).
 */
import { describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../src/cli/common.js';

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
  it('--help loads no command module and not zod (the rulebook loader); naming a command loads it', async () => {
    const { main } = await import('../../src/cli/main.js');
    expect(await main(['--help'], quiet)).toBe(0);
    expect(await main(['--lang', 'en', '--help'], quiet)).toBe(0);
    expect(await main(['chek'], quiet)).toBe(2);
    expect(loaded.zod).toBe(false);
    expect(await main(['check', '--help'], quiet)).toBe(0);
    expect(loaded.zod).toBe(true);
  });

  it.each(['zh-CN', 'en-US'] as const)('the program help in %s lists each command as its module defines it', async (lang) => {
    const { buildProgram } = await import('../../src/cli/main.js');
    const ctx: CommandContext = { io: quiet, lang, exit: () => undefined };
    const listed = (await buildProgram(ctx, null)).helpInformation();
    const defined = (await buildProgram(ctx, 'all')).helpInformation();
    expect(listed).toBe(defined);
    // Each command listed once, the named one from its module among the others as listed.
    expect((await buildProgram(ctx, 'monitor')).commands.map((c) => c.name())).toEqual((await buildProgram(ctx, 'all')).commands.map((c) => c.name()));
    expect((await buildProgram(ctx, 'renewal')).helpInformation()).toBe(defined);
  });

  it('the command named is the first word after the program options, or the one `help` names', async () => {
    const { namedCommand } = await import('../../src/cli/main.js');
    expect(namedCommand(['--lang', 'en', 'check', 'a.xlsx'])).toBe('check');
    expect(namedCommand(['--lang=en', 'help', 'tally'])).toBe('tally');
    expect(namedCommand(['-h'])).toBeNull();
    expect(namedCommand(['help'])).toBeNull();
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
