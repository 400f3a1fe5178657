/**
 * `cluster-review batch`: every application of a round in one ranked roll-up workbook (推荐汇总).
 * The definition (options, help: a CommandSpec, ../define.ts); what it does is ./batch-run.ts, loaded when it runs.
 */
import type { CommandSpec } from '../define.js';
import { lazyRun } from '../lazy.js';

export const batch: CommandSpec = {
  name: 'batch',
  description: 'cli.batch.description',
  arguments: [['<inputs...>', 'cli.batch.inputs']],
  options: [['-o, --output <rollup.xlsx>', 'cli.batch.output', { required: true }], 'rulebook', ['--quota <N>', 'cli.batch.quota'], 'force', 'lang'],
  run: lazyRun(() => import('./batch-run.js'), 'runBatch'),
};
