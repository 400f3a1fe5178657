/** `cluster-review template`: the standard indicator workbook, built from the rulebook in force. */
import type { Command } from 'commander';
import { LIMITS } from '../../core/limits.js';
import { t } from '../../core/text/index.js';
import { commandPath, langOption, rulebookOption } from '../help.js';
import { withRunInputs } from '../../xlsx/output.js';
import { rulebookFrom, UsageError, type CommandContext } from '../common.js';
import { terminal, yearOption, inputsOf } from '../run-command.js';

interface Options {
  output: string;
  year: string;
  rulebook?: string;
  password?: string;
  enterprises?: string;
  force?: boolean;
}

export function templateCommand(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  const term = terminal(ctx);
  const thisYear = String(ctx.io.now().getFullYear());
  program
    .command('template')
    .description(t('cli.template.description', lang))
    .requiredOption('-o, --output <file.xlsx>', t('cli.template.output', lang))
    .option('--year <Y>', t('cli.template.year', lang), thisYear)
    .addOption(rulebookOption(lang))
    .option('--password <p>', t('cli.template.password', lang))
    .option('--enterprises <n>', t('cli.template.enterprises', lang, { max: LIMITS.listRows }))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(async (o: Options, cmd: Command) => {
      const year = yearOption(o.year, cmd);
      const enterprises = o.enterprises === undefined ? undefined : Number(o.enterprises);
      if (enterprises !== undefined && (!Number.isInteger(enterprises) || enterprises < 1)) throw new UsageError('cli.usage.enterprises', { value: o.enterprises! }, commandPath(cmd));
      const rb = await rulebookFrom(o.rulebook, lang);
      // ExcelJS is loaded here, not at start-up: --help stays fast.
      const { writeTemplate } = await import('../../xlsx/workbook.js');
      // The rulebook is an input of the run: the template may not be written over it.
      await withRunInputs(inputsOf(o.rulebook), () => writeTemplate(rb, year, lang, o.output, { force: o.force, password: o.password, ...(enterprises === undefined ? {} : { enterprises }) }));
      term.err('cli.template.wrote', { file: o.output, id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint.slice(0, 12), from: year - 3, to: year - 1 });
    });
}

