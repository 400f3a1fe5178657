/**
 * A command's action loaded when it runs: each command's definition (its name, options and help, in
 * ./commands/X.ts) is light and always loaded, so `--help` and argument parsing cost no more than commander and
 * the words; what the action does (./commands/X-run.ts: the core, zod, the rulebook, ExcelJS) is imported only
 * once commander has parsed the arguments and calls it.
 */
import type { CommandContext } from './common.js';

type Run = (ctx: CommandContext, ...args: never[]) => Promise<void>;

/** The action `name` of the module `load` imports, called with the context and commander's arguments. */
export function lazyAction<M extends Record<K, Run>, K extends string>(ctx: CommandContext, load: () => Promise<M>, name: K): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const run = (await load())[name] as unknown as (ctx: CommandContext, ...args: unknown[]) => Promise<void>;
    await run(ctx, ...args);
  };
}

/** A command's action as its definition names it (./define.ts): made into commander's action once the context is known. */
export type LazyRun = (ctx: CommandContext) => (...args: unknown[]) => Promise<void>;

/** The action `name` of the module `load` imports, for a CommandSpec. */
export const lazyRun =
  <M extends Record<K, Run>, K extends string>(load: () => Promise<M>, name: K): LazyRun =>
  (ctx) =>
    lazyAction(ctx, load, name);
