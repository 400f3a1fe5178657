/**
 * `cluster-review tally`: a round's applications, returned score sheets and reviewed copies → the committee's
 * list 推荐汇总 (with 评审意见, 评分记录, 专家总分), optionally each reviewed copy's 评审汇总 updated, and `--json`.
 * Files that cannot belong to the round (another round or rulebook, edited rows, damaged) stop it with exit 2 and
 * nothing written; problems the committee can resolve are listed (exit 1); a clean round exits 0.
 * The definition (options, help: a CommandSpec, ../define.ts); what it does is ./tally-run.ts, loaded when it runs.
 */
import type { CommandSpec } from '../define.js';
import { lazyRun } from '../lazy.js';

export const tally: CommandSpec = {
  name: 'tally',
  description: 'committee.cli.tally.description',
  arguments: [['<inputs...>', 'committee.cli.tally.inputs']],
  options: [
    ['-o, --output <rollup.xlsx>', 'committee.cli.tally.output', { required: true }],
    'panel',
    'round',
    ['--quota <N>', 'committee.cli.quota'],
    ['--prefer <newer>', 'committee.cli.prefer', { choices: ['newer'] }],
    ['--update-copies', 'committee.cli.update-copies'],
    // The round's documents (评审文件), written with the list when --papers names their folder.
    ['--papers <folder>', 'papers.cli.output'],
    ['--chair <name>', 'papers.cli.chair'],
    ['--date <YYYY-MM-DD>', 'papers.cli.date'],
    ['--venue <text>', 'papers.cli.venue'],
    ['--unit <text>', 'papers.cli.unit'],
    ['--json', 'committee.cli.json'],
    'rulebook',
    'force',
    'lang',
  ],
  run: lazyRun(() => import('./tally-run.js'), 'runTally'),
};
