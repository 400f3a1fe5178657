/**
 * `cluster-review scoresheets`: one 专家评分表 per expert for a round's applications, and the round's record.
 * The definition (options, help: a CommandSpec, ../define.ts); what it does is ./scoresheets-run.ts, loaded when it runs.
 */
import type { CommandSpec } from '../define.js';
import { lazyRun } from '../lazy.js';

export const scoresheets: CommandSpec = {
  name: 'scoresheets',
  description: 'committee.cli.scoresheets.description',
  arguments: [['<inputs...>', 'committee.cli.inputs']],
  options: [
    ['--experts <names>', 'committee.cli.experts', { required: true }],
    ['-o, --output <folder>', 'committee.cli.scoresheets.output', { required: true }],
    ['--conflicts <file>', 'committee.cli.conflicts'],
    'round',
    ['--all', 'committee.cli.scoresheets.all'],
    'rulebook',
    'force',
    'lang',
  ],
  run: lazyRun(() => import('./scoresheets-run.js'), 'runScoresheets'),
};
