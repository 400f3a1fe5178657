/**
 * A command's definition as data, and the one function that builds it into commander. Each ./commands/X.ts is a
 * CommandSpec: its name, words, arguments and options in the order --help lists them, and its action (loaded when
 * it runs, ./lazy.ts). The options several commands share are defined once here, with their words (SHARED), and a
 * command names them among its own; an option of one command is a row of its spec.
 *
 * Loaded by `--help`: it imports commander and the words only (test/cli/help-lazy.test.ts).
 */
import { Option, type Command } from 'commander';
import { t, type TextKey, type TextParams } from '../core/text/index.js';
import type { CommandContext } from './common.js';
import { langOption } from './help.js';
import type { LazyRun } from './lazy.js';

/** How an option differs from a plain flag or `--name <value>`: what commander is told besides its flags and words. */
interface OptionMore {
  /** Mandatory (commander's requiredOption). */
  required?: true;
  /** The default, or how to compute it when the program is built (a year from the clock). */
  default?: string | ((ctx: CommandContext) => string);
  choices?: readonly string[];
  /** May be given several times: the values are collected in a list (`start` is the list before the first). */
  repeat?: { start?: string[] };
  /** Parameters of the words. */
  params?: TextParams;
}

/** An option of one command: its flags, the key of its words, and what else commander is told. */
export type OwnOption = readonly [flags: string, words: TextKey, more?: OptionMore];

/**
 * The options several commands share, each with its words. `experts` is the summary's score columns (check,
 * renewal); `panel` is a round's experts (scoresheets, where it is mandatory, and tally).
 */
const SHARED = {
  rulebook: ['--rulebook <file.json>', 'cli.option.rulebook'],
  force: ['--force', 'cli.option.force'],
  experts: ['--experts <names>', 'cli.check.experts'],
  panel: ['--experts <names>', 'committee.cli.experts'],
  round: ['--round <id>', 'committee.cli.round'],
} as const satisfies Record<string, OwnOption>;

/** An option a command lists: one of SHARED or `lang` by name, or its own. */
export type OptionSpec = keyof typeof SHARED | 'lang' | OwnOption;

export interface CommandSpec {
  name: string;
  description: TextKey;
  arguments?: readonly (readonly [term: string, words: TextKey])[];
  options: readonly OptionSpec[];
  /** What the command does, loaded when it runs; a group (rulebook) has none and runs its subcommands. */
  run?: LazyRun;
  commands?: readonly CommandSpec[];
}

const collect = (v: string, all: string[] = []): string[] => [...all, v];

/** The commander Option an OptionSpec stands for, in the context's language. */
function toOption(spec: OptionSpec, ctx: CommandContext): Option {
  if (spec === 'lang') return langOption(ctx.lang);
  const [flags, words, more = {}] = typeof spec === 'string' ? (SHARED[spec] as OwnOption) : spec;
  const option = new Option(flags, t(words, ctx.lang, more.params));
  // The order of commander's own .option(flags, words, parser, start): the default first, then the parser.
  if (more.default !== undefined) option.default(typeof more.default === 'function' ? more.default(ctx) : more.default);
  if (more.repeat) {
    if (more.repeat.start) option.default(more.repeat.start);
    option.argParser(collect);
  }
  if (more.choices) option.choices(more.choices);
  if (more.required) option.makeOptionMandatory();
  return option;
}

/** Adds the command `spec` (and its subcommands) to `parent`. */
export function defineCommand(parent: Command, ctx: CommandContext, spec: CommandSpec): Command {
  const command = parent.command(spec.name).description(t(spec.description, ctx.lang));
  for (const [term, words] of spec.arguments ?? []) command.argument(term, t(words, ctx.lang));
  for (const option of spec.options) command.addOption(toOption(option, ctx));
  if (spec.run) command.action(spec.run(ctx));
  for (const sub of spec.commands ?? []) defineCommand(command, ctx, sub);
  return command;
}
