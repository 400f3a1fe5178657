/**
 * The cluster-review CLI: template, check, batch, rulebook. Everything the add-in does, on .xlsx files, for
 * reviewers with WPS, old Office or no network. This file only wires the commands (one file each under
 * ./commands, each a CommandSpec that ./define.ts builds) and turns errors into words and exit codes: 0 success
 * (every checked application passed), 1 a checked application is not `passed`, 2 a usage or file error. Never a
 * stack trace.
 *
 * Start-up: each command's definition (./commands/X.ts: options and help) is light and loaded here; what a
 * command does (./commands/X-run.ts, with the core, zod, the rulebook and ExcelJS) is imported only when it runs
 * (./lazy.ts), so `--help`, a command's own help and a usage error load none of it.
 */
import { CommanderError } from 'commander';
import { t } from '../core/text/index.js';
import { FileError } from '../xlsx/errors.js';
import { batch } from './commands/batch.js';
import { check } from './commands/check.js';
import { kit } from './commands/kit.js';
import { monitor, monitorTemplate, renewal } from './commands/monitor.js';
import { rulebook } from './commands/rulebook.js';
import { scoresheets } from './commands/scoresheets.js';
import { tally } from './commands/tally.js';
import { template } from './commands/template.js';
import { defineCommand } from './define.js';
import { langOption, localiseHelp, LocalCommand } from './help.js';
import { BadRulebook, defaultIo, langFromArgv, usageText, UsageError, type CommandContext, type Io } from './common.js';
import { escapeForTerminal, escapeLines } from './terminal.js';

export type { Io } from './common.js';

const VERSION = '0.1.0';

/** The program in the context's language, with every command defined. */
function buildProgram(ctx: CommandContext): LocalCommand {
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
  // In the order `--help` lists them.
  for (const spec of [template, check, batch, rulebook, scoresheets, tally, monitorTemplate, monitor, renewal, kit]) defineCommand(program, ctx, spec);
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

  const program = buildProgram(ctx);

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
