/**
 * What `cluster-review batch` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./batch.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { applicationIdentities, cityCounts, cityFindingText, type RollupEntry } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import { withRunInputs } from '../../xlsx/output.js';
import { commandPath } from '../help.js';
import { reviewFiles, startWorker, type FileIdentity, type StartedWorker } from '../pool.js';
import { progress } from '../progress.js';
import { expandWorkbooks, UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { escapeForTerminal } from '../terminal.js';
import { claimOutput, inputsOf, terminal } from '../run-command.js';
import { fileErrorText } from '../text.js';

interface Options {
  output: string;
  rulebook?: string;
  quota?: string;
  force?: boolean;
}

export async function runBatch(ctx: CommandContext, inputs: string[], o: Options, cmd: Command): Promise<void> {
  const quota = o.quota === undefined ? undefined : Number(o.quota);
  if (quota !== undefined && (!Number.isInteger(quota) || quota < 0)) throw new UsageError('cli.usage.quota', { value: o.quota }, commandPath(cmd));
  // The first worker loads ExcelJS and the core while this thread reads the rulebook and finds the files.
  const started = startWorker();
  try {
    await run(ctx, inputs, o, quota, cmd, started);
  } finally {
    await started?.stop();
  }
}

async function run(ctx: CommandContext, inputs: string[], o: Options, quota: number | undefined, cmd: Command, started: StartedWorker | null): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  const rb = await rulebookFrom(o.rulebook, lang);
  const files = await expandWorkbooks(inputs, { onePerApplication: true });
  if (!files.length) throw new UsageError('cli.usage.no-workbooks', {}, commandPath(cmd));
  // Every input guarded for the whole run, the rulebook included; refused before 260 files are read.
  await withRunInputs(inputsOf(files, o.rulebook), async () => {
    await claimOutput(o.output, o.force);
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
    // The roll-up lists applications, not files: the same data under an unrelated name (a byte-identical copy
    // renamed) is one row too, the first given kept, and said.
    const firstOf = new Map<string, number>();
    ident.items.forEach((x, k) => {
      const fp = (outcomes[ok[k]!] as { identity: FileIdentity }).identity.fingerprint;
      const of = x.sameAs ?? firstOf.get(fp);
      if (of === undefined) return void firstOf.set(fp, k);
      dropped.add(ok[k]!);
      term.err('committee.cli.same-application', { file: files[ok[k]!]!, of: files[ok[of]!]! });
    });
    // A reviewed copy given without its original holds review content it arrived with: said as tally says it.
    const originals = new Set(ident.items.flatMap((x, k) => ((outcomes[ok[k]!] as { identity: FileIdentity }).identity.copyOf === null ? [x.id] : [])));
    ident.items.forEach((x, k) => {
      const id = (outcomes[ok[k]!] as { identity: FileIdentity }).identity;
      if (id.copyOf !== null && id.holdsReview && !originals.has(x.id)) term.warning(t('committee.cli.copy-arrived', lang, { file: files[ok[k]!]! }));
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
    term.out('cli.batch.wrote', { file: o.output, n: entries.length, counts: [...counts].map(([k, n]) => `${k} ${n}`) });
    // 市级推荐: every city over its quota, said here too (the roll-up flags its rows).
    if (cities) for (const f of cityCounts(entries.map((e) => e.report?.cluster.city ?? null), cities).findings) term.warning(cityFindingText(f, lang));
    for (const e of entries) if (e.error) term.err('cli.batch.unreadable-line', { text: e.error });
    if (entries.some((e) => e.error)) ctx.exit(2);
    else if (entries.some((e) => e.report!.verdict !== 'passed')) ctx.exit(1);
  });
}
