/**
 * What `cluster-review tally` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./tally.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command } from 'commander';
import { checkRound, cityCounts, cityFindingText, committeeSize, problemText, recommendationText, roundJson, tally, type Lang, type Round, type RoundApplication, type ScoreEntry } from '../../core/index.js';
// Every parameter escaped for the terminal (tSafe): names, ids and rounds come from files.
import { listSep } from '../../core/text/index.js';
import { tSafe as t } from '../terminal.js';
import { FileError } from '../../xlsx/errors.js';
import { commandPath } from '../help.js';
import { outputFolder, pad, stamp, UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { fileErrorText, warningText } from '../text.js';
import { escapeForTerminal } from '../terminal.js';
import { terminal, type Terminal, inputsOf, identityLines } from '../run-command.js';
import { committeeNames, roundFiles, splitNames } from './round-inputs.js';
import { roundYear } from './scoresheets-run.js';

interface Options {
  output: string;
  experts?: string;
  round?: string;
  quota?: string;
  prefer?: 'newer';
  updateCopies?: boolean;
  papers?: string;
  chair?: string;
  date?: string;
  venue?: string;
  unit?: string;
  json?: boolean;
  rulebook?: string;
  force?: boolean;
}

/** Memory at the tally's stages on stderr, when CLUSTER_REVIEW_STAGES is set (the round benchmark reads it). */
const stageMeter = (term: Terminal) => (name: string): void => {
  if (!process.env.CLUSTER_REVIEW_STAGES) return;
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  term.err`stage ${name} ${(performance.now() / 1000).toFixed(1)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s): rss ${(m.rss / 2 ** 20).toFixed(0)} MB, heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MB, external ${((m.external + m.arrayBuffers) / 2 ** 20).toFixed(0)} MB`;
};

function order(saved: Round, a: RoundApplication): number {
  const i = saved.applications.findIndex((x) => x.id === a.id);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

function printTable(result: ReturnType<typeof tally>, lang: Lang, say: Terminal['say']): void {
  const head = [t('committee.col.rank', lang), t('committee.col.cluster', lang), t('committee.col.score', lang), t('committee.col.n', lang), t('committee.col.recommendation', lang)];
  const rows = result.applications.map((r) => [
    r.rank === null ? '—' : `${r.rank}${r.tie ? '=' : ''}`,
    escapeForTerminal(r.application.cluster || r.application.id),
    r.score === null ? '—' : r.score.toFixed(2),
    String(r.n),
    recommendationText(r, lang),
  ]);
  const width = (s: string) => [...s].reduce((a, ch) => a + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((_h, i) => Math.max(...[head, ...rows].map((r) => width(r[i]!))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  say`${line(head)}`;
  rows.forEach((r, i) => {
    say`${line(r)}`;
    if (result.lineAfter === i) say`${'─'.repeat(widths.reduce((a, w) => a + w + 2, 0))}`;
  });
  for (const p of result.problems) say`  · ${problemText(p, lang)}`;
}

export async function runTally(ctx: CommandContext, inputs: string[], o: Options, cmd: Command): Promise<void> {
  const { lang, io } = ctx;
  const term = terminal(ctx);
  const stage = stageMeter(term);
  const command = commandPath(cmd);
  const quota = o.quota === undefined ? undefined : Number(o.quota);
  if (quota !== undefined && (!Number.isInteger(quota) || quota < 0)) throw new UsageError('cli.usage.quota', { value: o.quota }, command);
  if (o.experts) committeeNames(splitNames(o.experts), command);
  // The round's documents into a folder this tally reads: the next tally would take them for applications
  // (每份“没有标准指标表”, exit 2). Compared by identity (links and other spellings of the path included).
  if (o.papers) {
    const papers = await stat(o.papers).catch(() => null);
    for (const input of inputs) {
      const s = await stat(input).catch(() => null);
      if (papers && s?.isDirectory() && s.dev === papers.dev && s.ino === papers.ino) throw new UsageError('papers.usage.input-folder', { folder: o.papers }, command);
    }
  }
  const rb = await rulebookFrom(o.rulebook, lang);
  const files = await roundFiles(inputs);
  let saved: Round | null = null;
  for (const f of files.rounds) {
    try {
      // Only the exact shape the tool writes: experts given as text, or a list of 10^6, is a damaged record.
      saved = checkRound(JSON.parse(await readFile(f, 'utf8')));
      if (!saved) throw new Error('format');
    } catch {
      throw new UsageError('committee.usage.round-file', { file: f }, command);
    }
  }
  const experts = committeeNames(o.experts ? splitNames(o.experts) : (saved?.experts ?? []), command);
  if (!experts.length) throw new UsageError('committee.usage.no-committee', {}, command);
  // What the documents to sign print is what was asked, or nothing is written: a day the calendar has not
  // (2025-02-30 printed as 2025年2月30日), or a chair who is not on the committee (once replaced by the first
  // expert without a word).
  if (o.date !== undefined && !calendarDate(o.date)) throw new UsageError('papers.usage.date', { value: o.date }, command);
  if (o.chair !== undefined && !experts.includes(o.chair))
    throw new UsageError('papers.usage.chair', { chair: o.chair, experts: experts.join(listSep(lang)) }, command);
  const { arrivedReview, readRoundInput, scoresheetInput, summaryEntries, copyChanges, previousTally, writeTally, updateCopy, identify, RoundFileError } = await import('../../xlsx/round.js');
  type Input = Awaited<ReturnType<typeof readRoundInput>>;
  const read: Input[] = [];
  const errors: string[] = [];
  const roundError = (e: InstanceType<typeof RoundFileError>) =>
    t(`committee.error.${e.code}` as 'committee.error.other-round', lang, { file: e.file, ...e.params });
  stage('start');
  for (const path of files.workbooks) {
    try {
      read.push(await readRoundInput(path, rb, lang));
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      errors.push(fileErrorText(e, lang));
    }
  }
  stage('read');
  const apps = read.filter((x) => x.kind === 'application');
  // Identity by data: an original and its reviewed copy are one application, two files of one name are two.
  const ident = identify(apps, Array.isArray(saved?.applications) ? saved.applications : []);
  const applications: RoundApplication[] = ident.distinct.map((x) => x.app);
  identityLines(term, ident);
  const year = saved?.year ?? roundYear(apps);
  const round: Round = {
    format: 'cluster-review/round@1',
    id: o.round ?? saved?.id ?? `${year ?? 'round'}-${rb.data.id}`,
    year,
    rulebook: { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint },
    experts,
    conflicts: saved?.conflicts ?? [],
    applications: saved ? [...applications].sort((a, b) => order(saved!, a) - order(saved!, b)) : applications };
  const entries: ScoreEntry[] = [];
  const sheetsOf = new Map<string, string[]>();
  // What the round knows of each row, to check the sheets' rows against: the names and fingerprints round.json
  // kept when the sheets were issued (else the applications as read now).
  const known = Array.isArray(saved?.applications) ? saved.applications : round.applications;
  const expectRows = {
    names: new Map(known.map((a) => [a.id, a.cluster || a.id])),
    ...(saved ? { issued: new Map(saved.applications.map((a) => [a.id, a.fingerprint])) } : {}) };
  const trust: string[] = [];
  const originals = new Set(apps.filter((x) => !x.copy).map((x) => x.app.id));
  const issuedFrom = new Map((saved?.applications ?? []).map((a) => [a.id, a.file]));
  const besideOriginal = (x: Input & { kind: 'application' }) => originals.has(x.app.id) || (issuedFrom.has(x.app.id) && issuedFrom.get(x.app.id) !== basename(x.path));
  for (const x of read) {
    try {
      if (x.kind === 'scoresheet') {
        const got = await scoresheetInput(x, round, rb, expectRows);
        entries.push(...got.entries);
        for (const c of got.clashes) trust.push(t(`committee.cli.tally.identity-${c.where}`, lang, { file: basename(x.path), expert: x.record.expert, other: c.other }));
        for (const m of got.mismatches) trust.push(t(`committee.cli.tally.row-${m.kind}`, lang, { file: basename(x.path), cell: m.cell, application: m.application, found: m.found, expected: m.expected }));
        // Its values are entries now: let them go before the roll-up is built (a round's peak memory).
        x.cells = null;
        sheetsOf.set(x.record.expert, [...(sheetsOf.get(x.record.expert) ?? []), basename(x.path)]);
      } else if (x.kind === 'application' && x.copy) {
        // A workbook that arrived with review content: said as check says it, its scores never counted.
        for (const w of arrivedReview(x)) trust.push(warningText(w, lang));
        // What a tally of this round wrote into the copy is the tool's, not an entry (a rerun changes nothing).
        const got = await summaryEntries(x, round.id);
        // A copy is the committee's own summary only beside its original: the original among the inputs, or the round
        // having issued the application from another file. Given as the application itself, the scores in it arrived
        // with it: said, never counted; only the round's score sheets count.
        if (got.length && !besideOriginal(x)) trust.push(t('committee.cli.copy-arrived', lang, { file: x.path }));
        else entries.push(...got);
      }
    } catch (e) {
      if (!(e instanceof RoundFileError)) throw e;
      errors.push(roundError(e));
    }
  }
  stage('entries');
  // Every input of the run is guarded, --force or not: the output may only be this round's own roll-up (the
  // previous tally, rewritten with the new figures), never a score sheet, an application, round.json or the rulebook.
  const ownRollups = new Set(read.filter((x) => x.kind === 'rollup' && x.record.round.id === round.id).map((x) => x.path));
  const guarded = inputsOf(files.workbooks.filter((f) => !ownRollups.has(f)), files.rounds, o.rulebook);
  const { refuseRunInput } = await import('../../xlsx/output.js');
  try {
    await refuseRunInput(o.output, guarded);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    term.fileError(e);
    return ctx.exit(2);
  }
  // The previous tally: the output itself when it is this round's roll-up, or a roll-up among the inputs.
  let previous = read.find((x) => x.kind === 'rollup');
  const outputExists = existsSync(o.output);
  if (outputExists) {
    try {
      const x = await readRoundInput(o.output, rb, lang);
      if (x.kind === 'rollup') previous = x;
      else if (!o.force) errors.push(t('committee.error.other-rollup', lang, { file: o.output, round: '' }));
    } catch (e) {
      if (!(e instanceof FileError) || !o.force) errors.push(e instanceof FileError ? fileErrorText(e, lang) : String(e));
    }
  }
  if (previous && previous.kind === 'rollup' && previous.record.round.id !== round.id) {
    if (!o.force) errors.push(t('committee.error.other-rollup', lang, { file: previous.path, round: previous.record.round.id }));
    previous = undefined;
  }
  if (errors.length) {
    for (const m of errors) term.error(m);
    return ctx.exit(2);
  }
  // What a sheet says about itself that disagrees with the round: listed, that sheet or row not counted (exit 1).
  for (const m of trust) term.warning(m);
  // Score cells that hold no readable value are named; the committee fixes them (exit 1), never a silent blank.
  let unread = trust.length > 0;
  for (const x of read)
    if (x.kind === 'scoresheet' && x.unread.length) {
      unread = true;
      term.warning(t('committee.cli.tally.unread-scores', lang, { file: basename(x.path), cells: x.unread }));
    }
  const small = committeeSize(round.experts.length, rb);
  if (small) term.warning(t('committee.cli.small-committee', lang, { n: small.n, recommended: small.recommended }));
  for (const [expert, list] of sheetsOf) if (list.length > 1) term.err('committee.cli.tally.two-files', { expert, files: list });
  const prev = previous && previous.kind === 'rollup' ? previousTally(previous) : null;
  const now = stamp(io.now());
  // Experts renamed or removed in a reviewed copy's summary: recorded in 评分记录 the first time a tally sees them.
  const expertChanges = apps.flatMap((x) => (x.copy ? copyChanges(x) : []));
  const result = tally(round, entries, prev?.record.audit ?? [], rb, {
    time: now,
    preferNewer: o.prefer === 'newer',
    ...(quota !== undefined ? { quota } : {}),
    decisions: prev?.decisions ?? {},
    expertChanges });
  // The entries are in the result now (18,720 for 260 applications × 9 experts): not kept while writing.
  entries.length = 0;
  stage('tally');
  const papersOpts = { ...(o.chair ? { chair: o.chair } : {}), ...(o.date ? { date: o.date } : {}), ...(o.venue ? { venue: o.venue } : {}), ...(o.unit ? { unit: o.unit } : {}) };
  // A link planted where a document goes is refused before anything of the round is written.
  if (o.papers) await (await import('../../xlsx/papers.js')).refusePaperLinks(result, rb, lang, o.papers, papersOpts);
  await writeTally(result, rb, lang, o.output, { force: o.force || !!prev, inputs: guarded });
  stage('written');
  const { say } = terminal(ctx, { json: o.json });
  // Each copy rewritten is named (the files people have open change under them).
  if (o.updateCopies)
    for (const x of apps) {
      if (!x.copy) continue;
      const u = await updateCopy(x, result, rb, lang, now);
      const key = u.status === 'updated' ? 'committee.cli.tally.copy-updated' : u.status === 'no-summary' ? 'committee.cli.tally.copy-not-updated' : (`committee.cli.tally.copy-${u.status}` as const);
      say(key, { file: x.path, lock: u.status === 'open' ? u.lock : '' });
    }
  if (o.papers) {
    const { writePapers } = await import('../../xlsx/papers.js');
    await outputFolder(o.papers);
    const written = await writePapers(result, rb, lang, o.papers, { ...papersOpts, force: true, inputs: guarded });
    for (const f of [...written.workbooks, ...written.letters]) say('papers.cli.wrote', { file: f });
  }
  if (o.json) term.json(roundJson(result, rb, lang));
  printTable(result, lang, say);
  // 市级推荐: every city over the rulebook's quota, said as the list flags it.
  if (rb.data.cityRecommendation)
    for (const f of cityCounts(result.applications.map((r) => r.application.city ?? null), rb.data.cityRecommendation).findings) term.warning(cityFindingText(f, lang));
  // The first tally of a round has nothing to compare with: its scores are not "changes since the last tally".
  if (prev) say('committee.cli.tally.wrote', { file: o.output, n: result.applications.length, changes: result.changes.length });
  else say('committee.cli.tally.wrote-first', { file: o.output, n: result.applications.length, scores: result.changes.length });
  if (result.problems.length || unread) ctx.exit(1);
}

/** YYYY-MM-DD naming a day the calendar has. */
function calendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}
