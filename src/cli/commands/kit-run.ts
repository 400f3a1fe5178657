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
import { escapeForTerminal } from '../terminal.js';

interface Options {
  output: string;
  year: string;
  baseUrl: string;
  rulebook?: string;
  addin?: string;
  national: boolean;
  officeJs?: string;
}

const KIT_ERRORS: Record<'out-not-empty' | 'addin-not-built' | 'no-vite' | 'base-url' | 'office-js-mismatch' | 'out-inside-addin', TextKey> = {
  'out-inside-addin': 'cli.kit.out-inside-addin',
  'out-not-empty': 'cli.kit.out-not-empty',
  'addin-not-built': 'cli.kit.addin-not-built',
  'no-vite': 'cli.kit.no-vite',
  'base-url': 'cli.kit.base-url-invalid',
  'office-js-mismatch': 'cli.kit.office-js-mismatch' };

export async function runKit(ctx: CommandContext, o: Options, cmd: Command): Promise<void> {
  const { lang, io } = ctx;
  const year = Number(o.year);
  if (!Number.isInteger(year) || year < 2022 || year > 2100) throw new UsageError('cli.usage.year', { value: o.year }, commandPath(cmd));
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
  let result;
  try {
    result = await writeKit({
      rulebook: rb,
      // The national edition is offered beside a province's, for a national recommendation round.
      others: o.national ? [nationalRulebook()] : [],
      year,
      baseUrl: o.baseUrl,
      lang,
      out: o.output,
      addin: o.addin,
      ...(officeJs ? { officeJs } : {}),
      onBuild: () => io.err(`${t('cli.kit.building', lang)}\n`) });
  } catch (e) {
    if (e instanceof KitError) throw new UsageError(KIT_ERRORS[e.code], e.params, commandPath(cmd));
    throw e;
  }
  const [dir, id, edition, url] = [o.output, rb.data.id, rb.data.edition, o.baseUrl].map(escapeForTerminal);
  io.err(`${t('cli.kit.wrote', lang, { dir, id, edition, fingerprint: rb.fingerprint.slice(0, 12), url })}\n`);
  for (const f of Object.values(result.files)) io.err(`  ${escapeForTerminal(f)}\n`);
  io.err(`${result.officeJs === 'cdn' ? t('cli.kit.cdn', lang) : t('cli.kit.bundled', lang, { version: result.officeJsVersion })}\n`);
}
