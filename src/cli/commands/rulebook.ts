/**
 * `cluster-review rulebook validate FILE`, `rulebook show [--rulebook FILE] [--json]`, and the workbook form:
 * `rulebook export [--rulebook FILE] -o 规则表.xlsx`, `rulebook import 规则表.xlsx -o 本省规则.json`,
 * `rulebook diff A B [--json]`. ExcelJS is loaded inside the actions only.
 * The definition (options, help); what it does is ./rulebook-run.ts, loaded when it runs.
 */
import type { Command } from 'commander';
import { t } from '../../core/text/index.js';
import { langOption, rulebookOption } from '../help.js';
import type { CommandContext } from '../common.js';
import { lazyAction } from '../lazy.js';

export function rulebookCommand(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  const group = program.command('rulebook').description(t('cli.rulebook.description', lang)).addOption(langOption(lang));
  group
    .command('validate')
    .description(t('cli.rulebook.validate.description', lang))
    .argument('<file.json>', t('cli.rulebook.validate.file', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./rulebook-run.js'), 'runValidate'));
  group
    .command('show')
    .description(t('cli.rulebook.show.description', lang))
    .argument('[file.json]', t('cli.rulebook.show.file', lang))
    .addOption(rulebookOption(lang))
    .option('--json', t('cli.rulebook.show.json', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./rulebook-run.js'), 'runShow'));
  group
    .command('export')
    .description(t('rulebook.cmd.export.description', lang))
    .requiredOption('-o, --output <file.xlsx>', t('rulebook.cmd.export.output', lang))
    .addOption(rulebookOption(lang))
    .option('--no-english', t('rulebook.cmd.export.no-english', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./rulebook-run.js'), 'runExport'));
  group
    .command('import')
    .description(t('rulebook.cmd.import.description', lang))
    .argument('<file.xlsx>', t('rulebook.cmd.import.file', lang))
    .requiredOption('-o, --output <file.json>', t('rulebook.cmd.import.output', lang))
    .option('--province <name>', t('rulebook.cmd.import.province', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./rulebook-run.js'), 'runImport'));
  group
    .command('diff')
    .description(t('rulebook.cmd.diff.description', lang))
    .argument('<a.json>', t('rulebook.cmd.diff.a', lang))
    .argument('<b.json>', t('rulebook.cmd.diff.b', lang))
    .option('--json', t('rulebook.cmd.diff.json', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./rulebook-run.js'), 'runDiff'));
}
