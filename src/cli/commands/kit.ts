/**
 * `cluster-review kit --rulebook FILE --year Y --base-url URL -o DIR`: what a province hands out — the protected,
 * stamped template, the rulebook (JSON and workbook), the add-in configured for URL with the rulebook as its
 * default, the manifest, and a README for the province's IT. The folder's layout: src/xlsx/kit.ts.
 * The definition (options, help: a CommandSpec, ../define.ts); what it does is ./kit-run.ts, loaded when it runs.
 */
import type { CommandContext } from '../common.js';
import type { CommandSpec } from '../define.js';
import { lazyRun } from '../lazy.js';

const thisYear = (ctx: CommandContext): string => String(ctx.io.now().getFullYear());

export const kit: CommandSpec = {
  name: 'kit',
  description: 'cli.kit.description',
  options: [
    ['-o, --output <dir>', 'cli.kit.output', { required: true }],
    ['--base-url <https-url>', 'cli.kit.base-url', { required: true }],
    ['--year <Y>', 'cli.template.year', { default: thisYear }],
    'rulebook',
    ['--addin <dir>', 'cli.kit.addin'],
    ['--no-national', 'cli.kit.no-national'],
    ['--office-js <bundled|cdn>', 'cli.kit.office-js'],
    'lang',
  ],
  run: lazyRun(() => import('./kit-run.js'), 'runKit'),
};
