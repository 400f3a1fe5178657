/**
 * `cluster-review kit --rulebook FILE --year Y --base-url URL -o DIR`: what a province hands out — the protected,
 * stamped template, the rulebook (JSON and workbook), the add-in configured for URL with the rulebook as its
 * default, the manifest, and a README for the province's IT. The folder's layout: src/xlsx/kit.ts.
 * The definition (options, help); what it does is ./kit-run.ts, loaded when it runs.
 */
import type { Command } from 'commander';
import { t } from '../../core/text/index.js';
import { langOption, rulebookOption } from '../help.js';
import type { CommandContext } from '../common.js';
import { lazyAction } from '../lazy.js';

export function kitCommand(program: Command, ctx: CommandContext): void {
  const { lang, io } = ctx;
  program
    .command('kit')
    .description(t('cli.kit.description', lang))
    .requiredOption('-o, --output <dir>', t('cli.kit.output', lang))
    .requiredOption('--base-url <https-url>', t('cli.kit.base-url', lang))
    .option('--year <Y>', t('cli.template.year', lang), String(io.now().getFullYear()))
    .addOption(rulebookOption(lang))
    .option('--addin <dir>', t('cli.kit.addin', lang))
    .option('--no-national', t('cli.kit.no-national', lang))
    .option('--office-js <bundled|cdn>', t('cli.kit.office-js', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./kit-run.js'), 'runKit'));
}
