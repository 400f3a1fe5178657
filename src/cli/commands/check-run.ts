/**
 * What `cluster-review check` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./check.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { isoDay, type Lang, type MonitoringReport, type Report } from '../../core/index.js';
import { t, tAny } from '../../core/text/index.js';
import { FileError } from '../../xlsx/errors.js';
import { withRunInputs } from '../../xlsx/output.js';
import { planCheckOutputs } from '../files.js';
import { commandPath } from '../help.js';
import { pad, stamp, UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { fileErrorText } from '../text.js';
import { inputsOf, terminal, type Terminal } from '../run-command.js';
import { expertLimit, splitNames } from './round-inputs.js';

interface Options {
  output?: string;
  rulebook?: string;
  experts?: string;
  json?: boolean;
  force?: boolean;
  renameExpert?: string[];
  removeExpert?: string[];
  forceRemove?: boolean;
}

/** "旧=新" (or with a full-width ＝): both names non-blank. */
function renamePair(v: string): [string, string] | null {
  const i = v.search(/[=＝]/);
  if (i < 0) return null;
  const from = v.slice(0, i).trim();
  const to = v.slice(i + 1).trim();
  return from && to ? [from, to] : null;
}

const SHOWN = new Set(['veto', 'fail', 'invalid', 'missing']);

/** The findings a reviewer must see first, at most `max`, then how many more there are. */
function issueLines(report: Report, lang: Lang, max: number, say: Terminal['say']): void {
  const shown = report.findings.filter((f) => SHOWN.has(f.status));
  // Messages quote cell text: escaped by the writer, so a cell cannot drive the terminal.
  for (const f of shown.slice(0, max)) say`    · ${tAny(`status.${f.status}`, lang)}  ${f.messages[lang]}`;
  if (shown.length > max) say`    · ${t('cli.check.more', lang, { n: shown.length - max })}`;
}

/**
 * `check` on an annual monitoring form: the reviewed copy with its failing and warning cells flagged (the same flags
 * as an application's, no 评审汇总), and its monitoring verdict (正常 / 需关注 / 建议撤销认定 with the Art. 17 ground)
 * printed. `monitor` rolls many forms up; this is one form, as the add-in checks it.
 */
async function checkMonitoringForm(
  file: string,
  output: string,
  o: { rb: Awaited<ReturnType<typeof rulebookFrom>>; lang: Lang; checkedAt: string; today: string; force?: boolean; term: Terminal },
): Promise<MonitoringReport> {
  const [{ writeMonitoringCopy }, { openFindings }] = await Promise.all([import('../../xlsx/monitoring.js'), import('../../core/monitoring/review.js')]);
  const { lang, term } = o;
  const { say } = term;
  const r = await writeMonitoringCopy(file, o.rb, { lang, output, checkedAt: o.checkedAt, force: o.force, today: o.today });
  for (const w of r.warnings) term.fileWarning({ ...w, file });
  const m = r.report;
  verdictLines(say, m.verdict === 'normal', file, output, lang, m.verdictText[lang], r.checkReport.counts, t('cli.check.monitoring-form', lang, { year: m.monitoringYear ?? '—' }));
  const open = openFindings(m);
  for (const f of open.slice(0, 8)) say`    · ${tAny(`status.${f.status}`, lang)}  ${f.messages[lang]}`;
  if (open.length > 8) say`    · ${t('cli.check.monitoring-more', lang, { n: open.length - 8 })}`;
  return m;
}

/** The head of a checked file's lines, for an application and a monitoring form alike: ✓/✗, where it went, the verdict and counts. */
function verdictLines(say: Terminal['say'], ok: boolean, file: string, output: string, lang: Lang, verdict: string, c: { veto: number; fail: number; missing: number; invalid: number; warn: number }, kind?: string): void {
  say`${ok ? '✓' : '✗'} ${file} → ${output}`;
  if (kind) say`  ${kind}`;
  say`  ${pad(t('cli.check.verdict', lang), 12)}${verdict}    ${t('cli.check.counts', lang, { veto: c.veto, fail: c.fail, missing: c.missing + c.invalid, warn: c.warn })}`;
}

export async function runCheck(ctx: CommandContext, files: string[], o: Options, cmd: Command): Promise<void> {
  const { lang, io } = ctx;
  const experts = o.experts ? splitNames(o.experts) : undefined;
  if (experts) expertLimit(experts, commandPath(cmd));
  // One file given twice (a.xlsx and .//a.xlsx, or a link to it) is checked once, and said: it was refused as two
  // files of one name to rename, which names the wrong cause.
  files = await onceEach(files, (file, of) => terminal(ctx, { json: o.json }).err('cli.check.given-twice', { file, of }));
  const rb = await rulebookFrom(o.rulebook, lang);
  const rename: Array<[string, string]> = [];
  for (const v of o.renameExpert ?? []) {
    const pair = renamePair(v);
    if (!pair) throw new UsageError('cli.usage.rename-expert', { value: v }, commandPath(cmd));
    rename.push(pair);
  }
  const remove = (o.removeExpert ?? []).map((s) => s.trim()).filter(Boolean);
  const committeeOps = rename.length || remove.length ? { rename, remove, forceRemove: !!o.forceRemove } : undefined;
  let outDir: string | undefined;
  if (o.output && files.length > 1) {
    const isDir = await stat(o.output).then((s) => s.isDirectory()).catch(() => false);
    if (!isDir) throw new UsageError('cli.usage.output-folder', {}, commandPath(cmd));
    outDir = o.output;
  }
  // Every input of the run is guarded for the whole run, the rulebook included: no output, default or
  // given, with or without --force, may reach any of them.
  await withRunInputs(inputsOf(files, o.rulebook), async () => {
    // ExcelJS is loaded here, not at start-up: --help stays fast.
    const { reviewFile, writeReviewedCopy } = await import('../../xlsx/workbook.js');
    const { committeeJson } = await import('../../core/committee/summary.js');
    const plan = await planCheckOutputs(files, { output: o.output, outDir });
    const reports: Array<(Report & { committee?: ReturnType<typeof committeeJson> }) | MonitoringReport | { file: string; error: { code: string; message: string } }> = [];
    const term = terminal(ctx, { json: o.json });
    const { say } = term;
    for (const planned of plan) {
      const { file } = planned;
      try {
        if ('error' in planned) throw planned.error;
        const { output } = planned;
        let fr: Awaited<ReturnType<typeof reviewFile>>;
        try {
          fr = await reviewFile(file, rb);
        } catch (e) {
          if (!(e instanceof FileError) || e.code !== 'monitoring-form') throw e;
          // A monitoring form is checked as one: its cells flagged in a reviewed copy, its monitoring verdict said.
          const m = await checkMonitoringForm(file, output, { rb, lang, checkedAt: stamp(io.now()), today: isoDay(io.now()), force: o.force, term });
          if (experts || committeeOps) term.warning(t('cli.check.monitoring-no-summary', lang));
          reports.push(m);
          if (m.verdict !== 'normal') ctx.exit(1);
          continue;
        }
        for (const w of fr.warnings) term.fileWarning(w);
        const hadSummary = !!fr.examined.summary;
        const { committee, warnings, preserved, refusal } = await writeReviewedCopy(fr, {
          rb,
          lang,
          output,
          experts,
          force: o.force,
          checkedAt: stamp(io.now()),
          ...(committeeOps ? { committee: committeeOps } : {}) });
        if (refusal) {
          // Nothing was written: the expert operation cannot be done as asked.
          const message = tAny(`committee.experts.refused.${refusal.code}`, lang, { expert: refusal.expert, to: refusal.to ?? '', had: refusal.had ?? 0 });
          term.error(`${file}: ${message}`);
          reports.push({ file, error: { code: `expert-${refusal.code}`, message } });
          ctx.exit(2);
          continue;
        }
        for (const w of warnings) term.fileWarning(w);
        // The committee section: when the workbook had a summary of the tool's (its experts' inputs read back).
        reports.push(hadSummary && preserved ? { ...fr.report, committee: committeeJson(preserved, fr.report, rb, lang, basename(file)) } : fr.report);
        const r = fr.report;
        verdictLines(say, r.verdict === 'passed', file, output, lang, r.verdictText[lang], r.counts);
        issueLines(r, lang, 8, say);
        for (const p of committee.problems) say`    · ${term.words('cli.check.score-problem', { expert: p.expert, criterion: p.criterion, value: String(p.value), max: p.max })}`;
        if (r.verdict !== 'passed') ctx.exit(1);
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
        const message = fileErrorText(e, lang);
        term.error(message);
        reports.push({ file, error: { code: e.code, message } });
        ctx.exit(2);
      }
    }
    if (o.json) {
      if (files.length > 1) term.json(reports);
      else if (reports.length === 1 && !('error' in reports[0]!)) term.json(reports[0]);
    }
  });
}

/** The files in order, each file (by device and inode, links followed) once; `twice` is told of each repeat. */
async function onceEach(files: readonly string[], twice: (file: string, of: string) => void): Promise<string[]> {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const file of files) {
    const s = await stat(file).catch(() => null);
    const key = s ? `${s.dev}:${s.ino}` : null;
    const of = key === null ? undefined : seen.get(key);
    if (of !== undefined) {
      twice(file, of);
      continue;
    }
    if (key !== null) seen.set(key, file);
    out.push(file);
  }
  return out;
}
