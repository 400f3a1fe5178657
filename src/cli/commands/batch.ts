/** `cluster-review batch`: every application of a round in one ranked roll-up workbook (推荐汇总). */
import { lstat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { applicationIdentities, cityCounts, cityFindingText, type RollupEntry } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import { FileError } from '../../xlsx/errors.js';
import { refuseRunInput, withRunInputs } from '../../xlsx/output.js';
import { commandPath, langOption, rulebookOption } from '../help.js';
import { reviewFiles, startWorker, type FileIdentity, type StartedWorker } from '../pool.js';
import { progress } from '../progress.js';
import { expandWorkbooks, rulebookFrom, UsageError, type CommandContext } from '../common.js';
import { escapeForTerminal } from '../terminal.js';
import { fileErrorText } from '../text.js';

interface Options {
  output: string;
  rulebook?: string;
  quota?: string;
  force?: boolean;
}

export function batchCommand(program: Command, ctx: CommandContext): void {
  const { lang, io } = ctx;
  program
    .command('batch')
    .description(t('cli.batch.description', lang))
    .argument('<inputs...>', t('cli.batch.inputs', lang))
    .requiredOption('-o, --output <rollup.xlsx>', t('cli.batch.output', lang))
    .addOption(rulebookOption(lang))
    .option('--quota <N>', t('cli.batch.quota', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(async (inputs: string[], o: Options, cmd: Command) => {
      const quota = o.quota === undefined ? undefined : Number(o.quota);
      if (quota !== undefined && (!Number.isInteger(quota) || quota < 0)) throw new UsageError('cli.usage.quota', { value: o.quota }, commandPath(cmd));
      // The first worker loads ExcelJS and the core while this thread reads the rulebook and finds the files.
      const started = startWorker();
      try {
        await run(inputs, o, quota, cmd, started);
      } finally {
        await started?.stop();
      }
    });

  async function run(inputs: string[], o: Options, quota: number | undefined, cmd: Command, started: StartedWorker | null): Promise<void> {
    const rb = await rulebookFrom(o.rulebook, lang);
    const files = await expandWorkbooks(inputs, { onePerApplication: true });
    if (!files.length) throw new UsageError('cli.usage.no-workbooks', {}, commandPath(cmd));
    // Every input guarded for the whole run, the rulebook included; refused before 260 files are read.
    await withRunInputs([...files, ...(o.rulebook ? [o.rulebook] : [])], async () => {
      await refuseRunInput(o.output);
      if (!o.force && (await lstat(o.output).then(() => true, () => false))) throw new FileError('output-exists', o.output);
      // ExcelJS is loaded here, not at start-up: --help stays fast; it loads while the worker starts.
      const adapter = import('../../xlsx/rollup.js');
      const bar = progress(files.length);
      // Each file in a worker with memory and time limits: a file that fails in any way becomes its row.
      const outcomes = await reviewFiles(files, rb, { started, onStart: (f) => bar.tick(escapeForTerminal(basename(f))) });
      const { writeRollupNative } = await adapter;
      bar.done();
      // One application given twice (an original in apps/, its reviewed copy in reviewed/) is one row, and said.
      const ok = outcomes.flatMap((r, i) => ('report' in r && r.identity.fingerprint ? [i] : []));
      const ident = applicationIdentities(ok.map((i) => ({ file: files[i]!, folder: basename(dirname(files[i]!)), ...(outcomes[i] as { identity: FileIdentity }).identity })));
      const dropped = new Set<number>();
      ident.items.forEach((x, k) => {
        if (x.sameAs === null) return;
        dropped.add(ok[k]!);
        io.err(`${t('committee.cli.same-application', lang, { file: escapeForTerminal(files[ok[k]!]!), of: escapeForTerminal(files[ok[x.sameAs]!]!) })}\n`);
      });
      const entries: RollupEntry[] = outcomes.flatMap((r, i) => (dropped.has(i) ? [] : ['report' in r ? { file: files[i]!, report: r.report } : { file: files[i]!, error: fileErrorText(r.error, lang) }]));
      const cities = rb.data.cityRecommendation;
      await writeRollupNative(entries, lang, o.output, { quota, cities, force: o.force, inputs: files });
      const unreadable = t('cli.batch.unreadable', lang);
      const counts = new Map<string, number>();
      for (const e of entries) {
        const k = e.report ? e.report.verdictText[lang] : unreadable;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      io.out(`${t('cli.batch.wrote', lang, { file: escapeForTerminal(o.output), n: entries.length, counts: [...counts].map(([k, n]) => `${k} ${n}`) })}\n`);
      // 市级推荐: every city over its quota, said here too (the roll-up flags its rows).
      if (cities) for (const f of cityCounts(entries.map((e) => e.report?.cluster.city ?? null), cities).findings) io.err(`${t('cli.warning', lang, { text: escapeForTerminal(cityFindingText(f, lang)) })}\n`);
      for (const e of entries) if (e.error) io.err(`${t('cli.batch.unreadable-line', lang, { text: escapeForTerminal(e.error) })}\n`);
      if (entries.some((e) => e.error)) ctx.exit(2);
      else if (entries.some((e) => e.report!.verdict !== 'passed')) ctx.exit(1);
    });
  }
}
