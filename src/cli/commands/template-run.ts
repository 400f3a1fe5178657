/**
 * What `cluster-review template` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./template.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import type { Command } from 'commander';
import { LIMITS } from '../../core/limits.js';
import { t } from '../../core/text/index.js';
import { commandPath } from '../help.js';
import { withRunInputs } from '../../xlsx/output.js';
import { UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { terminal, yearOption, inputsOf } from '../run-command.js';

interface Options {
  output: string;
  year: string;
  rulebook?: string;
  password?: string;
  enterprises?: string;
  force?: boolean;
}

export async function runTemplate(ctx: CommandContext, o: Options, cmd: Command): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  const year = yearOption(o.year, cmd);
  const enterprises = o.enterprises === undefined ? undefined : Number(o.enterprises);
  if (enterprises !== undefined && (!Number.isInteger(enterprises) || enterprises < 1)) throw new UsageError('cli.usage.enterprises', { value: o.enterprises! }, commandPath(cmd));
  const rb = await rulebookFrom(o.rulebook, lang);
  // ExcelJS is loaded here, not at start-up: --help stays fast.
  const { writeTemplate } = await import('../../xlsx/workbook.js');
  // The rulebook is an input of the run: the template may not be written over it.
  await withRunInputs(inputsOf(o.rulebook), () => writeTemplate(rb, year, lang, o.output, { force: o.force, password: o.password, ...(enterprises === undefined ? {} : { enterprises }) }));
  // More enterprises than the template gives rows: said, never cut silently (the reader takes rows added below).
  if (enterprises !== undefined && enterprises > LIMITS.listRows) term.warning(t('cli.template.enterprises-capped', lang, { n: enterprises, max: LIMITS.listRows }));
  term.err('cli.template.wrote', { file: o.output, id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint.slice(0, 12), from: year - 3, to: year - 1 });
}
