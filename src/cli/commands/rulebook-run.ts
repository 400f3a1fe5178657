/**
 * What `cluster-review rulebook validate`, `show`, `export`, `import` and `diff` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./rulebook.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import type { Command } from 'commander';
import { nationalIdentityWorn, nationalRulebook, revisedIdentity, type Lang, type LoadedRulebook } from '../../core/index.js';
import { makeMsgCtx } from '../../core/messages/context.js';
import { loadRulebook } from '../../core/rulebook/load.js';
import { roundOf } from '../../core/rulebook/round.js';
import { t, tAny } from '../../core/text/index.js';
import { commandPath } from '../help.js';
import { cityQuotasText, diffRulebooks, rulebookWarnings } from '../../core/rulebook/diff.js';
import { BadRulebook, local, pad, UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { terminal, inputsOf } from '../run-command.js';

/** What a rulebook sets, in `lang`: identity, fingerprint, settings, scoring, every check with its requirement. */
function describeRulebook(rb: LoadedRulebook, lang: Lang): string[] {
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
      quota: d.scoring.recommendations ?? t('rulebook.show.no-quota', lang) })}`,
    ...(d.cityRecommendation ? [`  ${t('rulebook.sheet.cities', lang)}${lang === 'zh-CN' ? '：' : ': '}${cityQuotasText(d, lang)}`] : []),
    '',
    `  ${t('rulebook.show.checks', lang, { n: d.checks.length })}`,
    ...d.checks.map((c) => `    ${pad(c.id, 5)} ${pad(c.criterion, 2)} ${pick(c.title)}${c.requirement ? ` — ${requirement(c.id)}` : ''}`),
    // Checks the file keeps but this round does not evaluate (switched off, or for another kind of round).
    ...rb.source.checks.filter((c) => !d.checks.includes(c)).map((c) => `    ${pad(c.id, 5)} ${pad(c.criterion, 2)} ${pick(c.title)} — ${t('rulebook.sheet.off', lang)}`),
  ];
  // Names and titles are the rulebook file's text: each line escaped, so a title cannot drive the terminal.
  return lines;
}

export async function runValidate(ctx: CommandContext, file: string): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  const rb = await rulebookFrom(file, lang);
  term.out('cli.rulebook.valid', { file });
  term.out`  ${rb.data.id} · ${local(rb.data.name, lang)} · ${rb.data.edition}`;
  term.out`  ${t('cli.rulebook.fingerprint', lang, { fingerprint: rb.fingerprint })}`;
}

export async function runShow(ctx: CommandContext, file: string | undefined, o: { rulebook?: string; json?: boolean }, cmd: Command): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  // Like every other command, --rulebook names the file; a positional file is still accepted.
  if (file && o.rulebook && file !== o.rulebook) throw new UsageError('cli.usage.two-rulebooks', { a: file, b: o.rulebook }, commandPath(cmd));
  const rb = await rulebookFrom(o.rulebook ?? file, lang);
  // The whole file (checks switched off included), whose fingerprint is shown.
  if (o.json) term.json(rb.source);
  else for (const line of describeRulebook(rb, lang)) term.out`${line}`;
}

export async function runExport(ctx: CommandContext, o: { output: string; rulebook?: string; english: boolean; force?: boolean }): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  const rb = await rulebookFrom(o.rulebook, lang);
  const { writeRulebookWorkbook } = await import('../../xlsx/rulebook-sheet.js');
  const { withRunInputs } = await import('../../xlsx/output.js');
  await withRunInputs(inputsOf(o.rulebook), () => writeRulebookWorkbook(rb, lang, o.output, { english: o.english, force: o.force }));
  term.err('rulebook.cmd.export.wrote', { file: o.output, id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint.slice(0, 12) });
}

export async function runImport(ctx: CommandContext, file: string, o: { output: string; province?: string; force?: boolean }, cmd: Command): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
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
      term.warning(t('rulebook.import.revised', lang, { fields, name: local(data.name, lang), id: data.id }));
    } else if (o.province?.trim()) {
      // Nothing of the national identity to replace: the option asked for something not done, so say it.
      const reason = t(data.id === nationalRulebook().data.id ? 'rulebook.import.province-unused.national' : 'rulebook.import.province-unused.own', lang);
      term.warning(t('rulebook.import.province-unused', lang, { province: o.province.trim(), reason }));
    }
    const rb = loadRulebook(data, file, lang);
    const json = `${JSON.stringify(data, null, 2)}\n`;
    await writeOutput(o.output, async (h) => void (await h.writeFile(json, 'utf8')), { force: o.force, inputs: [file] });
    term.err('rulebook.cmd.import.wrote', { file: o.output, id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint.slice(0, 12) });
  });
}

export async function runDiff(ctx: CommandContext, fileA: string, fileB: string, o: { json?: boolean }): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  const [a, b] = [await rulebookFrom(fileA, lang), await rulebookFrom(fileB, lang)];
  const changes = diffRulebooks(a.source, b.source, lang);
  // What the new rulebook sets that a committee should think twice about (a minimum below 3 experts).
  for (const text of rulebookWarnings(b.source, lang)) term.warning(text);
  if (o.json) {
    const who = (rb: typeof a, file: string) => ({ file, id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint });
    term.json({ a: who(a, fileA), b: who(b, fileB), changes });
    return;
  }
  if (!changes.length) return term.out('rulebook.diff.none');
  term.out('rulebook.diff.head', { a: local(a.data.name, lang), b: local(b.data.name, lang), n: changes.length });
  for (const c of changes) term.out`  · ${c.message}`;
}
