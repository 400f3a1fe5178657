/**
 * What `cluster-review check` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./check.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Lang, MonitoringReport, Report } from '../../core/index.js';
import { t, tAny } from '../../core/text/index.js';
import { FileError } from '../../xlsx/errors.js';
import { withRunInputs } from '../../xlsx/output.js';
import { planCheckOutputs } from '../files.js';
import { commandPath } from '../help.js';
import { pad, stamp, UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { escapeForTerminal, jsonForTerminal } from '../terminal.js';
import { fileErrorText, warningText } from '../text.js';
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
function issueLines(report: Report, lang: Lang, max: number): string[] {
  const shown = report.findings.filter((f) => SHOWN.has(f.status));
  // Messages quote cell text: escaped, so a cell cannot drive the terminal.
  const lines = shown.slice(0, max).map((f) => `    · ${tAny(`status.${f.status}`, lang)}  ${escapeForTerminal(f.messages[lang])}`);
  if (shown.length > max) lines.push(`    · ${t('cli.check.more', lang, { n: shown.length - max })}`);
  return lines;
}

/**
 * `check` on an annual monitoring form: the reviewed copy with its failing and warning cells flagged (the same flags
 * as an application's, no 评审汇总), and its monitoring verdict (正常 / 需关注 / 建议撤销认定 with the Art. 17 ground)
 * printed. `monitor` rolls many forms up; this is one form, as the add-in checks it.
 */
async function checkMonitoringForm(
  file: string,
  output: string,
  o: { rb: Awaited<ReturnType<typeof rulebookFrom>>; lang: Lang; checkedAt: string; force?: boolean; say: (s: string) => void; warn: (text: string) => void },
): Promise<MonitoringReport> {
  const [{ writeMonitoringCopy }, { openFindings }] = await Promise.all([import('../../xlsx/monitoring.js'), import('../../core/monitoring/review.js')]);
  const { lang, say } = o;
  const r = await writeMonitoringCopy(file, o.rb, { lang, output, checkedAt: o.checkedAt, force: o.force });
  for (const w of r.warnings) o.warn(escapeForTerminal(warningText({ ...w, file }, lang)));
  const m = r.report;
  say(`${m.verdict === 'normal' ? '✓' : '✗'} ${escapeForTerminal(file)} → ${escapeForTerminal(output)}\n`);
  say(`  ${t('cli.check.monitoring-form', lang, { year: m.monitoringYear ?? '—' })}\n`);
  const c = r.checkReport.counts;
  say(`  ${pad(t('cli.check.verdict', lang), 12)}${m.verdictText[lang]}    ${t('cli.check.counts', lang, { veto: c.veto, fail: c.fail, missing: c.missing + c.invalid, warn: c.warn })}\n`);
  const open = openFindings(m);
  for (const f of open.slice(0, 8)) say(`    · ${tAny(`status.${f.status}`, lang)}  ${escapeForTerminal(f.messages[lang])}\n`);
  if (open.length > 8) say(`    · ${t('cli.check.monitoring-more', lang, { n: open.length - 8 })}\n`);
  return m;
}

export async function runCheck(ctx: CommandContext, files: string[], o: Options, cmd: Command): Promise<void> {
  const { lang, io } = ctx;
  const experts = o.experts ? splitNames(o.experts) : undefined;
  if (experts) expertLimit(experts, commandPath(cmd));
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
  await withRunInputs([...files, ...(o.rulebook ? [o.rulebook] : [])], async () => {
    // ExcelJS is loaded here, not at start-up: --help stays fast.
    const { reviewFile, writeReviewedCopy } = await import('../../xlsx/workbook.js');
    const { committeeJson } = await import('../../core/committee/summary.js');
    const plan = await planCheckOutputs(files, { output: o.output, outDir });
    const reports: Array<(Report & { committee?: ReturnType<typeof committeeJson> }) | MonitoringReport | { file: string; error: { code: string; message: string } }> = [];
    const say = o.json ? io.err : io.out;
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
          const m = await checkMonitoringForm(file, output, { rb, lang, checkedAt: stamp(io.now()), force: o.force, say, warn: (text) => io.err(`${t('cli.warning', lang, { text })}\n`) });
          if (experts || committeeOps) io.err(`${t('cli.warning', lang, { text: t('cli.check.monitoring-no-summary', lang) })}\n`);
          reports.push(m);
          if (m.verdict !== 'normal') ctx.exit(1);
          continue;
        }
        for (const w of fr.warnings) io.err(`${t('cli.warning', lang, { text: escapeForTerminal(warningText(w, lang)) })}\n`);
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
          io.err(`${t('cli.error', lang, { text: `${escapeForTerminal(file)}: ${escapeForTerminal(message)}` })}\n`);
          reports.push({ file, error: { code: `expert-${refusal.code}`, message } });
          ctx.exit(2);
          continue;
        }
        for (const w of warnings) io.err(`${t('cli.warning', lang, { text: escapeForTerminal(warningText(w, lang)) })}\n`);
        // The committee section: when the workbook had a summary of the tool's (its experts' inputs read back).
        reports.push(hadSummary && preserved ? { ...fr.report, committee: committeeJson(preserved, fr.report, rb, lang, basename(file)) } : fr.report);
        const r = fr.report;
        say(`${r.verdict === 'passed' ? '✓' : '✗'} ${escapeForTerminal(file)} → ${escapeForTerminal(output)}\n`);
        const counts = t('cli.check.counts', lang, { veto: r.counts.veto, fail: r.counts.fail, missing: r.counts.missing + r.counts.invalid, warn: r.counts.warn });
        say(`  ${pad(t('cli.check.verdict', lang), 12)}${r.verdictText[lang]}    ${counts}\n`);
        for (const line of issueLines(r, lang, 8)) say(`${line}\n`);
        for (const p of committee.problems)
          say(
            `    · ${t('cli.check.score-problem', lang, { expert: escapeForTerminal(p.expert), criterion: escapeForTerminal(p.criterion), value: escapeForTerminal(String(p.value)), max: p.max })}\n`,
          );
        if (r.verdict !== 'passed') ctx.exit(1);
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
        const message = fileErrorText(e, lang);
        io.err(`${t('cli.error', lang, { text: escapeForTerminal(message) })}\n`);
        reports.push({ file, error: { code: e.code, message } });
        ctx.exit(2);
      }
    }
    if (o.json) {
      if (files.length > 1) io.out(`${jsonForTerminal(reports)}\n`);
      else if (reports.length === 1 && !('error' in reports[0]!)) io.out(`${jsonForTerminal(reports[0])}\n`);
    }
  });
}
