/**
 * `cluster-review check`: reviewed copies with flagged cells and the 评审汇总 summary sheet; JSON reports on request.
 * The definition (options, help); what it does is ./check-run.ts, loaded when it runs.
 */
import type { Command } from 'commander';
import { t } from '../../core/text/index.js';
import { langOption, rulebookOption } from '../help.js';
import type { CommandContext } from '../common.js';
import { lazyAction } from '../lazy.js';

const collect = (v: string, all: string[] = []): string[] => [...all, v];

export function checkCommand(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('check')
    .description(t('cli.check.description', lang))
    .argument('<files...>', t('cli.check.files', lang))
    .option('-o, --output <path>', t('cli.check.output', lang))
    .addOption(rulebookOption(lang))
    .option('--experts <names>', t('cli.check.experts', lang))
    .option('--json', t('cli.check.json', lang))
    .option('--force', t('cli.check.force', lang))
    .option('--rename-expert <old=new>', t('cli.check.rename-expert', lang), collect)
    .option('--remove-expert <name>', t('cli.check.remove-expert', lang), collect)
    .option('--force-remove', t('cli.check.force-remove', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./check-run.js'), 'runCheck'));
}
