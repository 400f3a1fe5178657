/**
 * `cluster-review rulebook validate FILE`, `rulebook show [--rulebook FILE] [--json]`, and the workbook form:
 * `rulebook export [--rulebook FILE] -o 规则表.xlsx`, `rulebook import 规则表.xlsx -o 本省规则.json`,
 * `rulebook diff A B [--json]`. ExcelJS is loaded inside the actions only.
 */
import type { Command } from 'commander';
import { nationalIdentityWorn, nationalRulebook, revisedIdentity, type Lang, type LoadedRulebook } from '../../core/index.js';
import { makeMsgCtx } from '../../core/messages/context.js';
import { loadRulebook } from '../../core/rulebook/load.js';
import { roundOf } from '../../core/rulebook/round.js';
import { t, tAny } from '../../core/text/index.js';
import { commandPath, langOption, rulebookOption } from '../help.js';
import { cityQuotasText, diffRulebooks, rulebookWarnings } from '../../core/rulebook/diff.js';
import { BadRulebook, local, pad, rulebookFrom, UsageError, type CommandContext } from '../common.js';
import { escapeForTerminal, jsonForTerminal } from '../terminal.js';

/** What a rulebook sets, in `lang`: identity, fingerprint, settings, scoring, every check with its requirement. */
function describeRulebook(rb: LoadedRulebook, lang: Lang): string {
  const pick = (x: { zh: string; en: string }) => local(x, lang);
  const d = rb.data;
  // The same requirement text the messages quote, bounds filled in from the rulebook.
  const requirement = makeMsgCtx(rb, lang).requirement;
  const s = d.settings;
  const rule = tAny(`rulebook.combine.${d.scoring.combine}`, lang);
  const lines = [
    pick(d.name),
    `  id ${d.id} · ${t('rulebook.show.edition', lang)} ${d.edition} · ${pick(d.authority)}`,
    `  ${t('rulebook.show.fingerprint', lang)} ${rb.fingerprint}`,
    `  ${t('rulebook.sheet.set.round', lang)} ${tAny(`rulebook.sheet.round.${roundOf(d)}`, lang)}${s.firstBatchYear === undefined ? '' : ` · ${t('rulebook.show.first-batch', lang)} ≤ ${s.firstBatchYear}`}`,
    `  ${t('rulebook.show.growth', lang)} ${tAny(`rulebook.show.growth.${s.growthMethod}`, lang)} · ${t('rulebook.show.deadline', lang)} ${s.monitoringDeadline}`,
    `  ${t('rulebook.show.scoring', lang, { weights: d.criteria.map((c) => `${c.id}=${c.weight}`).join(' ') })} · ${t('rulebook.show.spread', lang, { share: d.scoring.spreadShare * 100 })} · ${t('rulebook.show.recommend', lang, { verdict: tAny(`verdict.${d.scoring.recommendation.verdict}`, lang), rule, min: d.scoring.recommendation.minMeanTotal })}`,
    `  ${t('rulebook.show.committee', lang, {
      rule: d.scoring.combine === 'trimmed-mean' ? t('rulebook.show.trimmed-when', lang, { rule, n: d.scoring.trimmedMinimum }) : rule,
      minimum: d.scoring.minimumExperts,
      quota: d.scoring.recommendations ?? t('rulebook.show.no-quota', lang),
    })}`,
    ...(d.cityRecommendation ? [`  ${t('rulebook.sheet.cities', lang)}${lang === 'zh-CN' ? '：' : ': '}${cityQuotasText(d, lang)}`] : []),
    '',
    `  ${t('rulebook.show.checks', lang, { n: d.checks.length })}`,
    ...d.checks.map((c) => `    ${pad(c.id, 5)} ${pad(c.criterion, 2)} ${pick(c.title)}${c.requirement ? ` — ${requirement(c.id)}` : ''}`),
    // Checks the file keeps but this round does not evaluate (switched off, or for another kind of round).
    ...rb.source.checks.filter((c) => !d.checks.includes(c)).map((c) => `    ${pad(c.id, 5)} ${pad(c.criterion, 2)} ${pick(c.title)} — ${t('rulebook.sheet.off', lang)}`),
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
      // The whole file (checks switched off included), whose fingerprint is shown.
      io.out(o.json ? `${jsonForTerminal(rb.source)}\n` : describeRulebook(rb, lang));
    });
  group
    .command('export')
    .description(t('rulebook.cmd.export.description', lang))
    .requiredOption('-o, --output <file.xlsx>', t('rulebook.cmd.export.output', lang))
    .addOption(rulebookOption(lang))
    .option('--no-english', t('rulebook.cmd.export.no-english', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(async (o: { output: string; rulebook?: string; english: boolean; force?: boolean }) => {
      const rb = await rulebookFrom(o.rulebook, lang);
      const { writeRulebookWorkbook } = await import('../../xlsx/rulebook-sheet.js');
      const { withRunInputs } = await import('../../xlsx/output.js');
      await withRunInputs(o.rulebook ? [o.rulebook] : [], () => writeRulebookWorkbook(rb, lang, o.output, { english: o.english, force: o.force }));
      const [file, id, edition] = [o.output, rb.data.id, rb.data.edition].map(escapeForTerminal);
      io.err(`${t('rulebook.cmd.export.wrote', lang, { file, id, edition, fingerprint: rb.fingerprint.slice(0, 12) })}\n`);
    });
  group
    .command('import')
    .description(t('rulebook.cmd.import.description', lang))
    .argument('<file.xlsx>', t('rulebook.cmd.import.file', lang))
    .requiredOption('-o, --output <file.json>', t('rulebook.cmd.import.output', lang))
    .option('--province <name>', t('rulebook.cmd.import.province', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(async (file: string, o: { output: string; province?: string; force?: boolean }, cmd: Command) => {
      const { readRulebookWorkbook } = await import('../../xlsx/rulebook-sheet.js');
      const { withRunInputs, writeOutput } = await import('../../xlsx/output.js');
      await withRunInputs([file], async () => {
        const read = await readRulebookWorkbook(file, lang);
        if (!read.rulebook) throw new BadRulebook(file, read.problems);
        // An edited rulebook never wears the national name: new id, name and issuer, or derived for --province.
        let data = read.rulebook;
        const worn = nationalIdentityWorn(loadRulebook(data, file, lang).source, nationalRulebook());
        if (worn.length) {
          const fields = worn.map((k) => t(`rulebook.identity.${k}`, lang)).join(lang === 'zh-CN' ? '、' : ', ');
          if (!o.province?.trim()) throw new UsageError('rulebook.import.national-identity', { fields }, commandPath(cmd));
          data = revisedIdentity(loadRulebook(data, file, lang).source, nationalRulebook(), o.province.trim());
          io.err(`${t('cli.warning', lang, { text: escapeForTerminal(t('rulebook.import.revised', lang, { fields, name: local(data.name, lang), id: data.id })) })}\n`);
        }
        const rb = loadRulebook(data, file, lang);
        const json = `${JSON.stringify(data, null, 2)}\n`;
        await writeOutput(o.output, async (h) => void (await h.writeFile(json, 'utf8')), { force: o.force, inputs: [file] });
        const [shown, id, edition] = [o.output, rb.data.id, rb.data.edition].map(escapeForTerminal);
        io.err(`${t('rulebook.cmd.import.wrote', lang, { file: shown, id, edition, fingerprint: rb.fingerprint.slice(0, 12) })}\n`);
      });
    });
  group
    .command('diff')
    .description(t('rulebook.cmd.diff.description', lang))
    .argument('<a.json>', t('rulebook.cmd.diff.a', lang))
    .argument('<b.json>', t('rulebook.cmd.diff.b', lang))
    .option('--json', t('rulebook.cmd.diff.json', lang))
    .addOption(langOption(lang))
    .action(async (fileA: string, fileB: string, o: { json?: boolean }) => {
      const [a, b] = [await rulebookFrom(fileA, lang), await rulebookFrom(fileB, lang)];
      const changes = diffRulebooks(a.source, b.source, lang);
      // What the new rulebook sets that a committee should think twice about (a minimum below 3 experts).
      for (const text of rulebookWarnings(b.source, lang)) io.err(`${t('cli.warning', lang, { text: escapeForTerminal(text) })}\n`);
      if (o.json) {
        const who = (rb: typeof a, file: string) => ({ file, id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint });
        io.out(`${jsonForTerminal({ a: who(a, fileA), b: who(b, fileB), changes })}\n`);
        return;
      }
      const lines = changes.length
        ? [t('rulebook.diff.head', lang, { a: local(a.data.name, lang), b: local(b.data.name, lang), n: changes.length }), ...changes.map((c) => `  · ${c.message}`)]
        : [t('rulebook.diff.none', lang)];
      io.out(`${lines.map(escapeForTerminal).join('\n')}\n`);
    });
}
