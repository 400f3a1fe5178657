/**
 * `cluster-review rulebook validate FILE`, `rulebook show [--rulebook FILE] [--json]`, and the workbook form:
 * `rulebook export [--rulebook FILE] -o 规则表.xlsx`, `rulebook import 规则表.xlsx -o 本省规则.json`,
 * `rulebook diff A B [--json]`. ExcelJS is loaded inside the actions only.
 * The definition (options, help: a CommandSpec, ../define.ts); what it does is ./rulebook-run.ts, loaded when it runs.
 */
import type { CommandSpec } from '../define.js';
import { lazyRun } from '../lazy.js';

const run = <K extends 'runValidate' | 'runShow' | 'runExport' | 'runImport' | 'runDiff'>(name: K) => lazyRun(() => import('./rulebook-run.js'), name);

export const rulebook: CommandSpec = {
  name: 'rulebook',
  description: 'cli.rulebook.description',
  options: ['lang'],
  commands: [
    { name: 'validate', description: 'cli.rulebook.validate.description', arguments: [['<file.json>', 'cli.rulebook.validate.file']], options: ['lang'], run: run('runValidate') },
    {
      name: 'show',
      description: 'cli.rulebook.show.description',
      arguments: [['[file.json]', 'cli.rulebook.show.file']],
      options: ['rulebook', ['--json', 'cli.rulebook.show.json'], 'lang'],
      run: run('runShow'),
    },
    {
      name: 'export',
      description: 'rulebook.cmd.export.description',
      options: [['-o, --output <file.xlsx>', 'rulebook.cmd.export.output', { required: true }], 'rulebook', ['--no-english', 'rulebook.cmd.export.no-english'], 'force', 'lang'],
      run: run('runExport'),
    },
    {
      name: 'import',
      description: 'rulebook.cmd.import.description',
      arguments: [['<file.xlsx>', 'rulebook.cmd.import.file']],
      options: [['-o, --output <file.json>', 'rulebook.cmd.import.output', { required: true }], ['--province <name>', 'rulebook.cmd.import.province'], 'force', 'lang'],
      run: run('runImport'),
    },
    {
      name: 'diff',
      description: 'rulebook.cmd.diff.description',
      arguments: [
        ['<a.json>', 'rulebook.cmd.diff.a'],
        ['<b.json>', 'rulebook.cmd.diff.b'],
      ],
      options: [['--json', 'rulebook.cmd.diff.json'], 'lang'],
      run: run('runDiff'),
    },
  ],
};
