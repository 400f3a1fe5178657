/**
 * `cluster-review monitor-template`: the annual monitoring form 年度培育情况信息表, built from the rulebook.
 * `cluster-review monitor`: the register 监测汇总 of recognised clusters from their monitoring forms; an
 * application given by mistake or an unreadable file keeps a row saying so. Exit 0 when every cluster is 正常,
 * 1 when one needs attention or revocation is recommended, 2 when a file could not be used.
 * The definition (options, help); what it does is ./monitor-run.ts, loaded when it runs.
 */
import type { Command } from 'commander';
import { t } from '../../core/text/index.js';
import { langOption, rulebookOption } from '../help.js';
import type { CommandContext } from '../common.js';
import { lazyAction } from '../lazy.js';

export function monitorCommands(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  const thisYear = ctx.io.now().getFullYear();
  program
    .command('monitor-template')
    .description(t('monitoring.cli.template.description', lang))
    .requiredOption('-o, --output <file.xlsx>', t('monitoring.cli.template.output', lang))
    .option('--year <Y>', t('monitoring.cli.template.year', lang), String(thisYear - 1))
    .option('--application <file.xlsx>', t('monitoring.cli.template.application', lang))
    .addOption(rulebookOption(lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./monitor-run.js'), 'runMonitorTemplate'));

  program
    .command('monitor')
    .description(t('monitoring.cli.monitor.description', lang))
    .argument('<inputs...>', t('monitoring.cli.monitor.inputs', lang))
    .requiredOption('-o, --output <register.xlsx>', t('monitoring.cli.monitor.output', lang))
    .option('--year <Y>', t('monitoring.cli.monitor.year', lang), String(thisYear))
    .addOption(rulebookOption(lang))
    .option('--roster <file.xlsx>', t('monitoring.cli.monitor.roster', lang), (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--json', t('monitoring.cli.monitor.json', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./monitor-run.js'), 'runMonitor'));

  program
    .command('renewal')
    .description(t('monitoring.cli.renewal.description', lang))
    .argument('<application>', t('monitoring.cli.renewal.application', lang))
    .argument('<forms...>', t('monitoring.cli.renewal.forms', lang))
    .option('-o, --output <file.xlsx>', t('monitoring.cli.renewal.output', lang))
    .option('--year <Y>', t('monitoring.cli.renewal.year', lang))
    .option('--experts <names>', t('cli.check.experts', lang))
    .option('--recognised <file.xlsx>', t('monitoring.cli.renewal.recognised', lang))
    .addOption(rulebookOption(lang))
    .option('--json', t('monitoring.cli.renewal.json', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./monitor-run.js'), 'runRenewal'));
}
