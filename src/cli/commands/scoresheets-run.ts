/**
 * What `cluster-review scoresheets` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./scoresheets.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { committeeSize, scoresheetFileName, type Round, type RoundApplication } from '../../core/index.js';
// Every parameter escaped for the terminal (tSafe): names, ids and rounds come from files.
import { tSafe as t } from '../terminal.js';
import { checkNameLength, FileError } from '../../xlsx/errors.js';
import { commandPath } from '../help.js';
import { outputFolder, UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { terminal, inputsOf, identityLines } from '../run-command.js';
import { fileErrorText } from '../text.js';
import { committeeNames, readConflicts, roundFiles, splitNames } from './round-inputs.js';

interface Options {
  output: string;
  experts: string;
  conflicts?: string;
  round?: string;
  all?: boolean;
  rulebook?: string;
  force?: boolean;
}

/** The round's year: the application year most applications give. */
export function roundYear(apps: Array<{ year: number | null }>): number | null {
  const counts = new Map<number, number>();
  for (const a of apps) if (a.year !== null) counts.set(a.year, (counts.get(a.year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

export async function runScoresheets(ctx: CommandContext, inputs: string[], o: Options, cmd: Command): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  const command = commandPath(cmd);
  const experts = committeeNames(splitNames(o.experts), command);
  if (!experts.length) throw new UsageError('committee.usage.no-experts', {}, command);
  const rb = await rulebookFrom(o.rulebook, lang);
  // A committee smaller than panels practise is said, not refused.
  const small = committeeSize(experts.length, rb);
  if (small) term.warning(t('committee.cli.small-committee', lang, { n: small.n, recommended: small.recommended }));
  const { workbooks } = await roundFiles(inputs);
  if (!workbooks.length) throw new UsageError('cli.usage.no-workbooks', {}, command);
  const { readRoundInput, writeScoresheet, identify, copyHoldsReview } = await import('../../xlsx/round.js');
  const apps: RoundApplication[] = [];
  const left: RoundApplication[] = [];
  const years: Array<{ year: number | null }> = [];
  const read: Array<Extract<Awaited<ReturnType<typeof readRoundInput>>, { kind: 'application' }>> = [];
  let failed = false;
  for (const path of workbooks) {
    try {
      const input = await readRoundInput(path, rb, lang);
      if (input.kind === 'application') read.push(input);
      // A score sheet or a committee list among the applications is said and left out, as check says it.
      else term.warning(fileErrorText(new FileError(input.kind === 'scoresheet' ? 'scoresheet-given' : 'rollup-given', path), lang));
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      term.fileError(e);
      failed = true;
    }
  }
  if (failed) return ctx.exit(2);
  // Identity by data, never by file stem alone: one application given twice is one row, two of one name are two.
  const ident = identify(read);
  identityLines(term, ident);
  // A reviewed copy given without its original holds review content it arrived with: said now, as tally says it
  // (which never counts those scores: only the score sheets issued here count).
  const originals = new Set(read.filter((x) => !x.copy).map((x) => x.app.id));
  for (const x of read) if (x.copy && x.fr && !originals.has(x.app.id) && copyHoldsReview(x.fr)) term.warning(t('committee.cli.copy-arrived', lang, { file: x.path }));
  // The same data under unrelated names (not an original and its copy): both kept, as the tally keeps them, but said
  // now, before experts are asked to score one application twice.
  const firstOf = new Map<string, string>();
  for (const input of ident.distinct) {
    const of = firstOf.get(input.app.fingerprint);
    if (of !== undefined) term.warning(t('committee.cli.same-data', lang, { file: input.path, of }));
    else firstOf.set(input.app.fingerprint, input.path);
  }
  for (const input of ident.distinct) {
    // Only what passed the automated check is scored, unless --all: a vetoed application is not put to experts.
    if (!o.all && input.app.verdict !== rb.data.scoring.recommendation.verdict) {
      left.push(input.app);
      continue;
    }
    apps.push(input.app);
    years.push({ year: input.year });
  }
  if (left.length)
    term.out('committee.cli.scoresheets.left-out', { apps: left.map((a) => t('committee.appWithVerdict', lang, { id: a.id, verdict: t(`committee.verdict.${a.verdict}`, lang) })) });
  if (!apps.length) throw new UsageError('committee.usage.none-passed', {}, command);
  const conflicts = o.conflicts ? await readConflicts(o.conflicts, command) : [];
  for (const c of conflicts) {
    if (!experts.includes(c.expert)) throw new UsageError('committee.usage.conflict-expert', { expert: c.expert, file: o.conflicts! }, command);
    if (!apps.some((a) => a.id === c.application)) throw new UsageError('committee.usage.conflict-application', { application: c.application, file: o.conflicts! }, command);
  }
  const year = roundYear(years);
  const round: Round = {
    format: 'cluster-review/round@1',
    id: o.round ?? `${year ?? 'round'}-${rb.data.id}`,
    year,
    rulebook: { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint },
    experts,
    conflicts,
    applications: apps };
  // Every file is named and checked before the first is written: two experts whose names make one file name
  // (a/b and a_b; Zhang and zhang where the file system ignores case) are refused, never one sheet over another.
  const outputs = experts.map((expert) => ({ expert, out: join(o.output, scoresheetFileName(expert, lang)) }));
  const fold = (p: string) => p.normalize('NFKC').toLowerCase();
  for (const [i, x] of outputs.entries()) {
    const other = outputs.findIndex((y) => fold(y.out) === fold(x.out));
    if (other !== i) throw new UsageError('committee.usage.expert-files-collide', { a: outputs[other]!.expert, b: x.expert, file: x.out }, command);
  }
  // Every name checked before anything is made: a name too long for the file system is said as such, and no
  // sheet is written before the error (it was once reported as the input unreadable, after 甲's sheet).
  const roundFile = join(o.output, 'round.json');
  for (const f of [roundFile, ...outputs.map((x) => x.out)]) checkNameLength(f);
  await outputFolder(o.output);
  const { scoresheetAt } = await import('../../xlsx/round.js');
  // The round.json there before, if it is ours: the recusals the tool wrote into the sheets it issued.
  // Anything but our own JSON there (a link, a workbook, broken text) is not a previous round: refused below
  // unless --force, and never read through a link.
  const previous = await lstat(roundFile).then(
    (st) => (st.isFile() ? readFile(roundFile, 'utf8').then((x) => JSON.parse(x) as Partial<Round>) : null),
    () => null,
  ).catch(() => null);
  const ours = previous?.format === 'cluster-review/round@1';
  const presetOf = (expert: string) =>
    new Set([...(ours && Array.isArray(previous.conflicts) ? previous.conflicts : []), ...conflicts].filter((c) => c?.expert === expert).map((c) => String(c.application)));
  // Every sheet is looked at before the first is written. A sheet holding an expert's input is never replaced,
  // --force or not; a blank one of ours is replaced with --force; a re-run writes the sheets that are new.
  const plan: Array<{ expert: string; out: string; write: boolean }> = [];
  // A blank sheet of ours without --force is left too (it may already be in the expert's hands), so adding
  // experts needs no --force; it once refused the whole run as 输出文件已存在, though a filled sheet is left.
  for (const { expert, out } of outputs) {
    const at = await scoresheetAt(out, presetOf(expert));
    const keep = at.state === 'kept' || (at.state === 'blank' && !o.force);
    if (keep) {
      const missing = apps.filter((a) => !at.applications.includes(a.id)).map((a) => a.id);
      const key = at.state === 'kept' ? 'committee.cli.scoresheets.kept' : 'committee.cli.scoresheets.kept-blank';
      term.out(missing.length ? `${key}-missing` : key, { expert, file: out, apps: missing });
    }
    plan.push({ expert, out, write: !keep });
  }
  // round.json is the tool's own record: a later run replaces it; anything else by that name only with --force.
  const { existsSync } = await import('node:fs');
  if (!o.force && !ours && existsSync(roundFile)) throw new FileError('output-exists', roundFile);
  const { withRunInputs, writeOutput } = await import('../../xlsx/output.js');
  await withRunInputs(inputsOf(workbooks, o.conflicts, o.rulebook), async () => {
    for (const { expert, out, write } of plan) {
      if (!write) continue;
      await writeScoresheet(round, expert, rb, lang, out, { force: o.force });
      term.out('committee.cli.scoresheets.wrote', { expert, file: out, n: apps.length, recused: conflicts.filter((c) => c.expert === expert).length });
    }
    // Through the one guarded writer: a temporary of its own, never a planted `round.json.tmp`, and never an input.
    await writeOutput(roundFile, async (h) => void (await h.writeFile(`${JSON.stringify(round, null, 2)}\n`, 'utf8')), { force: true });
  });
  term.out('committee.cli.scoresheets.round', { file: roundFile, round: round.id });
}
