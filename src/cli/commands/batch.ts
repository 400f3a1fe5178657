/**
 * `cluster-review batch`: every application of a round in one ranked roll-up workbook (推荐汇总).
 * The definition (options, help); what it does is ./batch-run.ts, loaded when it runs.
 */
import type { Command } from 'commander';
import { t } from '../../core/text/index.js';
import { langOption, rulebookOption } from '../help.js';
import type { CommandContext } from '../common.js';
import { lazyAction } from '../lazy.js';

export function batchCommand(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('batch')
    .description(t('cli.batch.description', lang))
    .argument('<inputs...>', t('cli.batch.inputs', lang))
    .requiredOption('-o, --output <rollup.xlsx>', t('cli.batch.output', lang))
    .addOption(rulebookOption(lang))
    .option('--quota <N>', t('cli.batch.quota', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./batch-run.js'), 'runBatch'));
}
