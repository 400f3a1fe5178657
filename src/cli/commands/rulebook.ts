/** `cluster-review rulebook validate FILE` and `rulebook show [--rulebook FILE] [--json]`. */
import type { Command } from 'commander';
import type { Lang, LoadedRulebook } from '../../core/index.js';
import { makeMsgCtx } from '../../core/messages/context.js';
import { t, tAny } from '../../core/text/index.js';
import { commandPath, langOption, rulebookOption } from '../help.js';
import { local, pad, rulebookFrom, UsageError, type CommandContext } from '../common.js';
import { escapeForTerminal, jsonForTerminal } from '../terminal.js';

/** What a rulebook sets, in `lang`: identity, fingerprint, settings, scoring, every check with its requirement. */
export function describeRulebook(rb: LoadedRulebook, lang: Lang): string {
  const pick = (x: { zh: string; en: string }) => local(x, lang);
  const d = rb.data;
  // The same requirement text the messages quote, bounds filled in from the rulebook.
  const requirement = makeMsgCtx(rb, lang).requirement;
  const s = d.settings;
  const lines = [
    pick(d.name),
    `  id ${d.id} · ${t('rulebook.show.edition', lang)} ${d.edition} · ${pick(d.authority)}`,
    `  ${t('rulebook.show.fingerprint', lang)} ${rb.fingerprint}`,
    `  ${t('rulebook.show.first-batch', lang)} ≤ ${s.firstBatchYear} · ${t('rulebook.show.growth', lang)} ${tAny(`rulebook.show.growth.${s.growthMethod}`, lang)} · ${t('rulebook.show.deadline', lang)} ${s.monitoringDeadline}`,
    `  ${t('rulebook.show.scoring', lang, { weights: d.criteria.map((c) => `${c.id}=${c.weight}`).join(' ') })} · ${t('rulebook.show.spread', lang, { share: d.scoring.spreadShare * 100 })} · ${t('rulebook.show.recommend', lang, { verdict: tAny(`verdict.${d.scoring.recommendation.verdict}`, lang), min: d.scoring.recommendation.minMeanTotal })}`,
    '',
    `  ${t('rulebook.show.checks', lang, { n: d.checks.length })}`,
    ...d.checks.map((c) => `    ${pad(c.id, 5)} ${pad(c.criterion, 2)} ${pick(c.title)}${c.requirement ? ` — ${requirement(c.id)}` : ''}`),
  ];
  // Names and titles are the rulebook file's text: each line escaped, so a title cannot drive the terminal.
  return `${lines.map(escapeForTerminal).join('\n')}\n`;
}

export function rulebookCommand(program: Command, ctx: CommandContext): void {
  const { lang, io } = ctx;
  const group = program.command('rulebook').description(t('cli.rulebook.description', lang)).addOption(langOption(lang));
  group
    .command('validate')
    .description(t('cli.rulebook.validate.description', lang))
    .argument('<file.json>', t('cli.rulebook.validate.file', lang))
    .addOption(langOption(lang))
    .action(async (file: string) => {
      const rb = await rulebookFrom(file, lang);
      const [shown, id, name, edition] = [file, rb.data.id, local(rb.data.name, lang), rb.data.edition].map(escapeForTerminal);
      io.out(`${t('cli.rulebook.valid', lang, { file: shown })}\n  ${id} · ${name} · ${edition}\n  ${t('cli.rulebook.fingerprint', lang, { fingerprint: rb.fingerprint })}\n`);
    });
  group
    .command('show')
    .description(t('cli.rulebook.show.description', lang))
    .argument('[file.json]', t('cli.rulebook.show.file', lang))
    .addOption(rulebookOption(lang))
    .option('--json', t('cli.rulebook.show.json', lang))
    .addOption(langOption(lang))
    .action(async (file: string | undefined, o: { rulebook?: string; json?: boolean }, cmd: Command) => {
      // Like every other command, --rulebook names the file; a positional file is still accepted.
      if (file && o.rulebook && file !== o.rulebook) throw new UsageError('cli.usage.two-rulebooks', { a: file, b: o.rulebook }, commandPath(cmd));
      const rb = await rulebookFrom(o.rulebook ?? file, lang);
      io.out(o.json ? `${jsonForTerminal(rb.data)}\n` : describeRulebook(rb, lang));
    });
}
