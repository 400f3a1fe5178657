/**
 * `cluster-review tally`: a round's applications, returned score sheets and reviewed copies → the committee's
 * list 推荐汇总 (with 评审意见, 评分记录, 专家总分), optionally each reviewed copy's 评审汇总 updated, and `--json`.
 * Files that cannot belong to the round (another round or rulebook, edited rows, damaged) stop it with exit 2 and
 * nothing written; problems the committee can resolve are listed (exit 1); a clean round exits 0.
 * The definition (options, help); what it does is ./tally-run.ts, loaded when it runs.
 */
import { Option, type Command } from 'commander';
// Every parameter escaped for the terminal (tSafe): names, ids and rounds come from files.
import { tSafe as t } from '../terminal.js';
import { langOption, rulebookOption } from '../help.js';
import type { CommandContext } from '../common.js';
import { lazyAction } from '../lazy.js';

export function tallyCommand(program: Command, ctx: CommandContext): void {
  const { lang } = ctx;
  program
    .command('tally')
    .description(t('committee.cli.tally.description', lang))
    .argument('<inputs...>', t('committee.cli.tally.inputs', lang))
    .requiredOption('-o, --output <rollup.xlsx>', t('committee.cli.tally.output', lang))
    .option('--experts <names>', t('committee.cli.experts', lang))
    .option('--round <id>', t('committee.cli.round', lang))
    .option('--quota <N>', t('committee.cli.quota', lang))
    .addOption(new Option('--prefer <newer>', t('committee.cli.prefer', lang)).choices(['newer']))
    .option('--update-copies', t('committee.cli.update-copies', lang))
    .option('--papers <folder>', t('papers.cli.output', lang))
    .option('--chair <name>', t('papers.cli.chair', lang))
    .option('--date <YYYY-MM-DD>', t('papers.cli.date', lang))
    .option('--venue <text>', t('papers.cli.venue', lang))
    .option('--unit <text>', t('papers.cli.unit', lang))
    .option('--json', t('committee.cli.json', lang))
    .addOption(rulebookOption(lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(lazyAction(ctx, () => import('./tally-run.js'), 'runTally'));
}
