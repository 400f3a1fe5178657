/**
 * What `cluster-review template` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./template.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import type { Command } from 'commander';
import { t } from '../../core/text/index.js';
import { commandPath } from '../help.js';
import { withRunInputs } from '../../xlsx/output.js';
import { UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { escapeForTerminal } from '../terminal.js';

interface Options {
  output: string;
  year: string;
  rulebook?: string;
  password?: string;
  enterprises?: string;
  force?: boolean;
}

export async function runTemplate(ctx: CommandContext, o: Options, cmd: Command): Promise<void> {
  const { lang, io } = ctx;
  const year = Number(o.year);
  if (!Number.isInteger(year) || year < 2022 || year > 2100) throw new UsageError('cli.usage.year', { value: o.year }, commandPath(cmd));
  const enterprises = o.enterprises === undefined ? undefined : Number(o.enterprises);
  if (enterprises !== undefined && (!Number.isInteger(enterprises) || enterprises < 1)) throw new UsageError('cli.usage.enterprises', { value: o.enterprises! }, commandPath(cmd));
  const rb = await rulebookFrom(o.rulebook, lang);
  // ExcelJS is loaded here, not at start-up: --help stays fast.
  const { writeTemplate } = await import('../../xlsx/workbook.js');
  // The rulebook is an input of the run: the template may not be written over it.
  await withRunInputs(o.rulebook ? [o.rulebook] : [], () => writeTemplate(rb, year, lang, o.output, { force: o.force, password: o.password, ...(enterprises === undefined ? {} : { enterprises }) }));
  const file = escapeForTerminal(o.output);
  const [id, edition] = [rb.data.id, rb.data.edition].map(escapeForTerminal);
  io.err(`${t('cli.template.wrote', lang, { file, id, edition, fingerprint: rb.fingerprint.slice(0, 12), from: year - 3, to: year - 1 })}\n`);
}
