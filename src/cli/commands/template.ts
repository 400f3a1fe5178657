/**
 * `cluster-review template`: the standard indicator workbook, built from the rulebook in force.
 * The definition (options, help); what it does is ./template-run.ts, loaded when it runs.
 */
import type { Command } from 'commander';
import { LIMITS } from '../../core/limits.js';
import { t } from '../../core/text/index.js';
import { langOption, rulebookOption } from '../help.js';
import type { CommandContext } from '../common.js';
import { lazyAction } from '../lazy.js';

export function templateCommand(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
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
    .action(lazyAction(ctx, () => import('./template-run.js'), 'runTemplate'));
}
