/**
 * The cluster-review CLI: template, check, batch, rulebook. Everything the add-in does, on .xlsx files, for
 * reviewers with WPS, old Office or no network. This file only wires the commands (one file each under
 * ./commands) and turns errors into words and exit codes: 0 success (every checked application passed),
 * 1 a checked application is not `passed`, 2 a usage or file error. Never a stack trace.
 *
 * Start-up: a command's module (and with it the core, zod and the rulebook) is loaded only when that command is
 * named on the command line. `cluster-review --help` lists every command from COMMANDS (name, description and
 * arguments, as each command defines them: test/cli/lazy.test.ts holds the two help texts equal) and loads none.
 */
import { CommanderError, type Command } from 'commander';
import { t, type TextKey } from '../core/text/index.js';
import { FileError } from '../xlsx/errors.js';
import { langOption, localiseHelp, LocalCommand } from './help.js';
import { BadRulebook, defaultIo, langFromArgv, usageText, UsageError, type CommandContext, type Io } from './common.js';
import { escapeForTerminal, escapeLines } from './terminal.js';

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * Every command, in the order the help lists them: what the program's help says of it (its description and
 * arguments), and the module that defines it, loaded when it runs or shows its own help. One module may define
 * several commands (monitor-template, monitor and renewal).
 */
export const COMMANDS: ReadonlyArray<{ name: string; description: TextKey; args: readonly string[]; load: () => Promise<Register> }> = [
  { name: 'template', description: 'cli.template.description', args: [], load: async () => (await import('./commands/template.js')).templateCommand },
  { name: 'check', description: 'cli.check.description', args: ['<files...>'], load: async () => (await import('./commands/check.js')).checkCommand },
  { name: 'batch', description: 'cli.batch.description', args: ['<inputs...>'], load: async () => (await import('./commands/batch.js')).batchCommand },
  { name: 'rulebook', description: 'cli.rulebook.description', args: [], load: async () => (await import('./commands/rulebook.js')).rulebookCommand },
  { name: 'scoresheets', description: 'committee.cli.scoresheets.description', args: ['<inputs...>'], load: async () => (await import('./commands/scoresheets.js')).scoresheetsCommand },
  { name: 'tally', description: 'committee.cli.tally.description', args: ['<inputs...>'], load: async () => (await import('./commands/tally.js')).tallyCommand },
  { name: 'monitor-template', description: 'monitoring.cli.template.description', args: [], load: monitorModule },
  { name: 'monitor', description: 'monitoring.cli.monitor.description', args: ['<inputs...>'], load: monitorModule },
  { name: 'renewal', description: 'monitoring.cli.renewal.description', args: ['<application>', '<forms...>'], load: monitorModule },
  { name: 'kit', description: 'cli.kit.description', args: [], load: async () => (await import('./commands/kit.js')).kitCommand },
];

async function monitorModule(): Promise<Register> {
  return (await import('./commands/monitor.js')).monitorCommands;
}

/** The command argv names (`help X` names X), or null: the program's own options come first and take no command. */
export function namedCommand(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') i++;
    else if (a.startsWith('-')) continue;
    else return a === 'help' ? (argv[i + 1] ?? null) : a;
  }
  return null;
}

/**
 * The program's commands: the named one (or, with `all`, every one) from its module; the others as their help
 * lists them, enough to list them and to suggest a name for a mistyped one.
 */
async function addCommands(program: Command, ctx: CommandContext, named: string | null | 'all'): Promise<void> {
  const wanted = new Set(COMMANDS.filter((c) => named === 'all' || c.name === named).map((c) => c.load));
  const registers = new Map(await Promise.all([...wanted].map(async (load) => [load, await load()] as const)));
  const done = new Set<Register>();
  for (const c of COMMANDS) {
    const register = registers.get(c.load);
    if (!register) {
      const stub = program.command(c.name).description(t(c.description, ctx.lang)).addOption(langOption(ctx.lang));
      for (const a of c.args) stub.argument(a);
    } else if (!done.has(register)) {
      // Every command of its module, at the place of its first (the modules define them in COMMANDS' order).
      register(program, ctx);
      done.add(register);
    }
  }
}

export type { Io } from './common.js';

const VERSION = '0.1.0';

/** The program in the context's language, with the command `named` defined by its module (see addCommands). */
export async function buildProgram(ctx: CommandContext, named: string | null | 'all'): Promise<LocalCommand> {
  const program = new LocalCommand('cluster-review');
  localiseHelp(program, ctx.lang);
  program
    .description(t('cli.program.description', ctx.lang))
    .version(VERSION, '-V, --version', t('cli.option.version', ctx.lang))
    .addOption(langOption(ctx.lang))
    // The program's --lang comes before a command; after it, the command's own --lang (so errors name the command).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.out, writeErr: ctx.io.err, outputError: () => undefined })
    .addHelpText('after', `\n${t('cli.program.exit-codes', ctx.lang)}`);
  await addCommands(program, ctx, named);
  return program;
}

export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  // The last line of defence: whatever reaches the terminal has no control characters but our own newlines
  // and tabs. Text from workbooks, rulebooks and file names is escaped piece by piece where it is put in.
  const io: Io = { ...rawIo, out: (s) => rawIo.out(escapeLines(s)), err: (s) => rawIo.err(escapeLines(s)) };
  // The language is read before commander parses, so its help and its errors are already in it.
  const lang = langFromArgv(argv);
  let exit: 0 | 1 | 2 = 0;
  const ctx: CommandContext = { io, lang, exit: (code) => void (exit = Math.max(exit, code) as 0 | 1 | 2) };

  const program = await buildProgram(ctx, namedCommand(argv));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    // --help and --version end here with code 0; `cluster-review` alone shows the help and is a usage error.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.err(`${t('cli.error', lang, { text: escapeForTerminal(usageText(e, lang)) })}\n${t('cli.usage.hint', lang, { command: e.command ?? program.name() })}\n`);
      return 2;
    }
    if (e instanceof FileError) {
      const { fileErrorText } = await import('./text.js');
      io.err(`${t('cli.error', lang, { text: escapeForTerminal(fileErrorText(e, lang)) })}\n`);
      return 2;
    }
    if (e instanceof BadRulebook) {
      io.err(`${t('cli.rulebook.invalid', lang, { file: escapeForTerminal(e.file) })}\n${e.problems.map((p) => `  · ${escapeForTerminal(p.message)}`).join('\n')}\n`);
      return 2;
    }
    io.err(`${t('cli.internal', lang, { detail: escapeForTerminal(e instanceof Error ? e.message : String(e)) })}\n`);
    if (process.env.CLUSTER_REVIEW_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 2;
  }
  return exit;
}
