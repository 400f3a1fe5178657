/**
 * What `cluster-review kit` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./kit.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import type { Command } from 'commander';
import { nationalIdentityWorn, nationalRulebook } from '../../core/index.js';
import { t, type TextKey } from '../../core/text/index.js';
import { commandPath } from '../help.js';
import { UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { terminal, yearOption, inputsOf } from '../run-command.js';
import type { KitErrorCode } from '../../xlsx/kit.js';

interface Options {
  output: string;
  year: string;
  baseUrl: string;
  rulebook?: string;
  addin?: string;
  national: boolean;
  officeJs?: string;
}

const KIT_ERRORS: Record<KitErrorCode, TextKey> = {
  'addin-link': 'cli.kit.addin-link',
  'out-link': 'cli.kit.out-link',
  'out-inside-addin': 'cli.kit.out-inside-addin',
  'out-not-empty': 'cli.kit.out-not-empty',
  'out-not-folder': 'cli.kit.out-not-folder',
  'addin-not-built': 'cli.kit.addin-not-built',
  'no-vite': 'cli.kit.no-vite',
  'base-url': 'cli.kit.base-url-invalid',
  'office-js-mismatch': 'cli.kit.office-js-mismatch' };

export async function runKit(ctx: CommandContext, o: Options, cmd: Command): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  const year = yearOption(o.year, cmd);
  const officeJs = o.officeJs;
  if (officeJs !== undefined && officeJs !== 'bundled' && officeJs !== 'cdn') throw new UsageError('cli.kit.office-js-invalid', { value: officeJs }, commandPath(cmd));
  const rb = await rulebookFrom(o.rulebook, lang);
  // A province's rulebook wearing the national id, name or issuer would replace the real national edition in the
  // kit (and every summary would say the national standard applies): refused, as `rulebook import` refuses it.
  const worn = nationalIdentityWorn(rb.source, nationalRulebook());
  if (worn.length)
    throw new UsageError('rulebook.import.national-identity', { fields: worn.map((k) => t(`rulebook.identity.${k}`, lang)).join(lang === 'zh-CN' ? '、' : ', ') }, commandPath(cmd));
  // ExcelJS (and vite, if it builds) load here, not at start-up: --help stays fast.
  const { writeKit, KitError } = await import('../../xlsx/kit.js');
  const { withRunInputs } = await import('../../xlsx/output.js');
  let result;
  try {
    // The rulebook is an input of the run: no kit file may reach it (each goes through the guarded writer).
    result = await withRunInputs(inputsOf(o.rulebook), () => writeKit({
      rulebook: rb,
      // The national edition is offered beside a province's, for a national recommendation round.
      others: o.national ? [nationalRulebook()] : [],
      year,
      baseUrl: o.baseUrl,
      lang,
      out: o.output,
      addin: o.addin,
      ...(officeJs ? { officeJs } : {}),
      onBuild: () => term.err('cli.kit.building'),
    }));
  } catch (e) {
    if (e instanceof KitError) throw new UsageError(KIT_ERRORS[e.code], e.params, commandPath(cmd));
    throw e;
  }
  term.err('cli.kit.wrote', { dir: o.output, id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint.slice(0, 12), url: o.baseUrl });
  for (const f of Object.values(result.files)) term.err`  ${f}`;
  if (result.officeJs === 'cdn') term.err('cli.kit.cdn');
  else term.err('cli.kit.bundled', { version: result.officeJsVersion });
}
