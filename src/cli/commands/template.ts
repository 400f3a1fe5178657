/**
 * `cluster-review template`: the standard indicator workbook, built from the rulebook in force.
 * The definition (options, help: a CommandSpec, ../define.ts); what it does is ./template-run.ts, loaded when it runs.
 */
import { LIMITS } from '../../core/limits.js';
import type { CommandSpec } from '../define.js';
import { lazyRun } from '../lazy.js';

export const template: CommandSpec = {
  name: 'template',
  description: 'cli.template.description',
  options: [
    ['-o, --output <file.xlsx>', 'cli.template.output', { required: true }],
    ['--year <Y>', 'cli.template.year', { default: (ctx) => String(ctx.io.now().getFullYear()) }],
    'rulebook',
    ['--password <p>', 'cli.template.password'],
    ['--enterprises <n>', 'cli.template.enterprises', { params: { max: LIMITS.listRows } }],
    'force',
    'lang',
  ],
  run: lazyRun(() => import('./template-run.js'), 'runTemplate'),
};
