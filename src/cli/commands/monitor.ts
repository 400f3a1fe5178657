/**
 * `cluster-review monitor-template`: the annual monitoring form 年度培育情况信息表, built from the rulebook.
 * `cluster-review monitor`: the register 监测汇总 of recognised clusters from their monitoring forms; an
 * application given by mistake or an unreadable file keeps a row saying so. Exit 0 when every cluster is 正常,
 * 1 when one needs attention or revocation is recommended, 2 when a file could not be used.
 * The definition (options, help: a CommandSpec, ../define.ts); what it does is ./monitor-run.ts, loaded when it runs.
 */
import type { CommandContext } from '../common.js';
import type { CommandSpec } from '../define.js';
import { lazyRun } from '../lazy.js';

const year = (ctx: CommandContext, offset = 0): string => String(ctx.io.now().getFullYear() + offset);

export const monitorTemplate: CommandSpec = {
  name: 'monitor-template',
  description: 'monitoring.cli.template.description',
  options: [
    ['-o, --output <file.xlsx>', 'monitoring.cli.template.output', { required: true }],
    // The form reports on the year just ended.
    ['--year <Y>', 'monitoring.cli.template.year', { default: (ctx) => year(ctx, -1) }],
    ['--application <file.xlsx>', 'monitoring.cli.template.application'],
    'rulebook',
    'force',
    'lang',
  ],
  run: lazyRun(() => import('./monitor-run.js'), 'runMonitorTemplate'),
};

export const monitor: CommandSpec = {
  name: 'monitor',
  description: 'monitoring.cli.monitor.description',
  arguments: [['<inputs...>', 'monitoring.cli.monitor.inputs']],
  options: [
    ['-o, --output <register.xlsx>', 'monitoring.cli.monitor.output', { required: true }],
    ['--year <Y>', 'monitoring.cli.monitor.year', { default: (ctx) => year(ctx) }],
    'rulebook',
    ['--roster <file.xlsx>', 'monitoring.cli.monitor.roster', { repeat: { start: [] } }],
    ['--json', 'monitoring.cli.monitor.json'],
    'force',
    'lang',
  ],
  run: lazyRun(() => import('./monitor-run.js'), 'runMonitor'),
};

export const renewal: CommandSpec = {
  name: 'renewal',
  description: 'monitoring.cli.renewal.description',
  arguments: [
    ['<application>', 'monitoring.cli.renewal.application'],
    ['<forms...>', 'monitoring.cli.renewal.forms'],
  ],
  options: [
    ['-o, --output <file.xlsx>', 'monitoring.cli.renewal.output'],
    ['--year <Y>', 'monitoring.cli.renewal.year'],
    'experts',
    ['--recognised <file.xlsx>', 'monitoring.cli.renewal.recognised'],
    'rulebook',
    ['--json', 'monitoring.cli.renewal.json'],
    'force',
    'lang',
  ],
  run: lazyRun(() => import('./monitor-run.js'), 'runRenewal'),
};
