/**
 * `cluster-review check`: reviewed copies with flagged cells and the 评审汇总 summary sheet; JSON reports on request.
 * The definition (options, help: a CommandSpec, ../define.ts); what it does is ./check-run.ts, loaded when it runs.
 */
import type { CommandSpec } from '../define.js';
import { lazyRun } from '../lazy.js';

export const check: CommandSpec = {
  name: 'check',
  description: 'cli.check.description',
  arguments: [['<files...>', 'cli.check.files']],
  options: [
    ['-o, --output <path>', 'cli.check.output'],
    'rulebook',
    'experts',
    ['--json', 'cli.check.json'],
    // Its own words: several inputs make several outputs.
    ['--force', 'cli.check.force'],
    ['--rename-expert <old=new>', 'cli.check.rename-expert', { repeat: {} }],
    ['--remove-expert <name>', 'cli.check.remove-expert', { repeat: {} }],
    ['--force-remove', 'cli.check.force-remove'],
    'lang',
  ],
  run: lazyRun(() => import('./check-run.js'), 'runCheck'),
};
