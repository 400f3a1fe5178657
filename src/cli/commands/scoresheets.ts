/**
 * `cluster-review scoresheets`: one 专家评分表 per expert for a round's applications, and the round's record.
 * The definition (options, help); what it does is ./scoresheets-run.ts, loaded when it runs.
 */
import type { Command } from 'commander';
// Every parameter escaped for the terminal (tSafe): names, ids and rounds come from files.
import { tSafe as t } from '../terminal.js';
import { langOption, rulebookOption } from '../help.js';
import type { CommandContext } from '../common.js';
import { lazyAction } from '../lazy.js';

export function scoresheetsCommand(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('scoresheets')
    .description(t('committee.cli.scoresheets.description', lang))
    .argument('<inputs...>', t('committee.cli.inputs', lang))
    .requiredOption('--experts <names>', t('committee.cli.experts', lang))
    .requiredOption('-o, --output <folder>', t('committee.cli.scoresheets.output', lang))
    .option('--conflicts <file>', t('committee.cli.conflicts', lang))
    .option('--round <id>', t('committee.cli.round', lang))
    .option('--all', t('committee.cli.scoresheets.all', lang))
    .addOption(rulebookOption(lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./scoresheets-run.js'), 'runScoresheets'));
}
