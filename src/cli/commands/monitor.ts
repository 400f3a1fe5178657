/**
 * `cluster-review monitor-template`: the annual monitoring form 年度培育情况信息表, built from the rulebook.
 * `cluster-review monitor`: the register 监测汇总 of recognised clusters from their monitoring forms; an
 * application given by mistake or an unreadable file keeps a row saying so. Exit 0 when every cluster is 正常,
 * 1 when one needs attention or revocation is recommended, 2 when a file could not be used.
 */
import { lstat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { clusterRecords, deadlineFor, renewalRulebook, rosterFacts, withRoster, type RosterEntry, monitoringForm, monitoringPrefill, planTargetsOf, recordStatusText, renewalModel, renewalRecord, type MonitoringPrefill, type MonitoringReport, type RegisterEntry } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import { FileError } from '../../xlsx/errors.js';
import { refuseRunInput, withRunInputs } from '../../xlsx/output.js';
import { commandPath, langOption, rulebookOption } from '../help.js';
import { expandWorkbooks, rulebookFrom, stamp, UsageError, type CommandContext } from '../common.js';
import { escapeForTerminal, jsonForTerminal } from '../terminal.js';
import { fileErrorText } from '../text.js';
import { splitNames } from './round-inputs.js';

const yearOf = (value: string, cmd: Command): number => {
  const y = Number(value);
  if (!Number.isInteger(y) || y < 2022 || y > 2100) throw new UsageError('monitoring.cli.usage.year', { value }, commandPath(cmd));
  return y;
};

export function monitorCommands(program: Command, ctx: CommandContext): void {
  const { lang, io } = ctx;
  const thisYear = ctx.io.now().getFullYear();
  program
    .command('monitor-template')
    .description(t('monitoring.cli.template.description', lang))
    .requiredOption('-o, --output <file.xlsx>', t('monitoring.cli.template.output', lang))
    .option('--year <Y>', t('monitoring.cli.template.year', lang), String(thisYear - 1))
    .option('--application <file.xlsx>', t('monitoring.cli.template.application', lang))
    .addOption(rulebookOption(lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(async (o: { output: string; year: string; application?: string; rulebook?: string; force?: boolean }, cmd: Command) => {
      const year = yearOf(o.year, cmd);
      const rb = await rulebookFrom(o.rulebook, lang);
      const { writeMonitoringTemplate } = await import('../../xlsx/monitoring.js');
      const inputs = [...(o.application ? [o.application] : []), ...(o.rulebook ? [o.rulebook] : [])];
      await withRunInputs(inputs, async () => {
        let prefill: MonitoringPrefill | undefined;
        if (o.application) {
          // The application as `check` reads it (a monitoring form given here is refused in words); its plan sheet through the core.
          await refuseRunInput(o.output);
          const { reviewFile } = await import('../../xlsx/workbook.js');
          const fr = await reviewFile(o.application, rb);
          const form = monitoringForm(rb);
          prefill = monitoringPrefill(form, fr.review, year, basename(o.application));
          const file = escapeForTerminal(o.application);
          const warn = (text: string) => io.err(`${t('cli.warning', lang, { text })}\n`);
          if (!prefill.planYears.length) warn(t('monitoring.cli.template.noPlan', lang, { file }));
          else if (prefill.missing.length) warn(t('monitoring.cli.template.noTargets', lang, { file, year, years: prefill.planYears, codes: prefill.missing }));
        }
        await writeMonitoringTemplate(rb, year, lang, o.output, { force: o.force, ...(prefill ? { prefill } : {}) });
        if (prefill && o.application) {
          const name = escapeForTerminal(String(prefill.values.get(rb.data.settings.identity.name) ?? ''));
          io.err(`${t('monitoring.cli.template.prefilled', lang, { file: escapeForTerminal(o.application), name, year, targets: prefill.targets.size })}\n`);
        }
      });
      const [id, edition] = [rb.data.id, rb.data.edition].map(escapeForTerminal);
      io.err(`${t('monitoring.cli.template.wrote', lang, { file: escapeForTerminal(o.output), year, deadline: deadlineFor(monitoringForm(rb), year), id, edition })}\n`);
    });

  program
    .command('monitor')
    .description(t('monitoring.cli.monitor.description', lang))
    .argument('<inputs...>', t('monitoring.cli.monitor.inputs', lang))
    .requiredOption('-o, --output <register.xlsx>', t('monitoring.cli.monitor.output', lang))
    .option('--year <Y>', t('monitoring.cli.monitor.year', lang), String(thisYear))
    .addOption(rulebookOption(lang))
    .option('--roster <file.xlsx>', t('monitoring.cli.monitor.roster', lang), (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--json', t('monitoring.cli.monitor.json', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(async (inputs: string[], o: { output: string; year: string; rulebook?: string; roster: string[]; json?: boolean; force?: boolean }, cmd: Command) => {
      const year = yearOf(o.year, cmd);
      const rb = await rulebookFrom(o.rulebook, lang);
      const files = await expandWorkbooks(inputs);
      if (!files.length && !o.roster.length) throw new UsageError('monitoring.cli.usage.no-workbooks', {}, commandPath(cmd));
      await withRunInputs([...files, ...o.roster, ...(o.rulebook ? [o.rulebook] : [])], async () => {
        await refuseRunInput(o.output);
        if (!o.force && (await lstat(o.output).then(() => true, () => false))) throw new FileError('output-exists', o.output);
        const { readRosterFile, reviewMonitoringFile, writeRegister } = await import('../../xlsx/monitoring.js');
        // The province's own record of its recognised clusters: it establishes what the forms only say.
        const roster: RosterEntry[] = [];
        for (const file of await expandWorkbooks(o.roster)) {
          const r = await readRosterFile(file, rb);
          roster.push(...r.entries);
          for (const where of r.problems) io.err(`${t('cli.warning', lang, { text: escapeForTerminal(t('monitoring.cli.monitor.rosterRow', lang, { where })) })}\n`);
        }
        const facts = roster.length ? rosterFacts(roster) : {};
        const entries: RegisterEntry[] = [];
        const say = o.json ? io.err : io.out;
        for (const file of files) {
          try {
            const r = await reviewMonitoringFile(file, rb, facts);
            if ('application' in r) {
              entries.push({ file, application: true });
              io.err(`${t('monitoring.cli.monitor.skipped', lang, { file: escapeForTerminal(file), text: t('monitoring.register.notMonitoring', lang) })}\n`);
              continue;
            }
            entries.push({ file, report: r.report });
            const rep = r.report;
            say(`${rep.verdict === 'normal' ? '✓' : '✗'} ${t('monitoring.cli.monitor.line', lang, { name: escapeForTerminal(rep.cluster.name ?? basename(file)), year: rep.monitoringYear ?? '?', verdict: rep.verdictText[lang] })}\n`);
          } catch (e) {
            if (!(e instanceof FileError)) throw e;
            const text = fileErrorText(e, lang);
            entries.push({ file, error: text });
            io.err(`${t('cli.error', lang, { text: escapeForTerminal(text) })}\n`);
          }
        }
        const all = roster.length ? withRoster(entries, roster) : entries;
        for (const e of all)
          if (e.notReceived) say(`✗ ${t('monitoring.cli.monitor.line', lang, { name: escapeForTerminal(e.notReceived.name), year: year - 1, verdict: t('monitoring.register.notReceived', lang) })}\n`);
        await writeRegister(rb, all, lang, year, o.output, { force: o.force, inputs: [...files, ...o.roster] });
        const records = clusterRecords(entries);
        const due = records.filter((r) => r.renewalYear === year).map((r) => escapeForTerminal(r.name));
        if (due.length) say(`${t('monitoring.cli.monitor.due', lang, { year, names: due })}\n`);
        say(`${t('monitoring.cli.monitor.wrote', lang, { file: escapeForTerminal(o.output), clusters: records.length, forms: entries.filter((e) => e.report).length })}\n`);
        // A rostered cluster that sent nothing is a row of the JSON as of the register (监测结论 未收到信息表).
        const notReceived = (r: RosterEntry) => ({
          file: r.source,
          notReceived: true,
          cluster: { name: r.name, province: r.province, county: r.county },
          recognitionYear: r.recognitionYear,
          monitoringYear: year - 1,
          verdict: 'not-received',
          verdictText: { 'zh-CN': t('monitoring.register.notReceived', 'zh-CN'), 'en-US': t('monitoring.register.notReceived', 'en-US') },
        });
        if (o.json) io.out(`${jsonForTerminal(all.map((e) => (e.notReceived ? notReceived(e.notReceived) : (e.report ?? { file: e.file, ...(e.application ? { application: true } : { error: e.error }) }))))}\n`);
        if (entries.some((e) => !e.report)) ctx.exit(2);
        else if (records.some((r) => r.latest.verdict !== 'normal') || all.some((e) => e.notReceived)) ctx.exit(1);
      });
    });

  program
    .command('renewal')
    .description(t('monitoring.cli.renewal.description', lang))
    .argument('<application>', t('monitoring.cli.renewal.application', lang))
    .argument('<forms...>', t('monitoring.cli.renewal.forms', lang))
    .option('-o, --output <file.xlsx>', t('monitoring.cli.renewal.output', lang))
    .option('--year <Y>', t('monitoring.cli.renewal.year', lang))
    .option('--experts <names>', t('cli.check.experts', lang))
    .option('--recognised <file.xlsx>', t('monitoring.cli.renewal.recognised', lang))
    .addOption(rulebookOption(lang))
    .option('--json', t('monitoring.cli.renewal.json', lang))
    .option('--force', t('cli.option.force', lang))
    .addOption(langOption(lang))
    .action(async (application: string, forms: string[], o: { output?: string; year?: string; experts?: string; recognised?: string; rulebook?: string; json?: boolean; force?: boolean }, cmd: Command) => {
      const given = o.year === undefined ? undefined : yearOf(o.year, cmd);
      const base = await rulebookFrom(o.rulebook, lang);
      // The cluster is already recognised: the first application's eligibility (E2) is out of force (Art. 15).
      const rb = renewalRulebook(base);
      const files = await expandWorkbooks(forms);
      const experts = o.experts ? splitNames(o.experts) : undefined;
      const say = o.json ? io.err : io.out;
      await withRunInputs([application, ...files, ...(o.recognised ? [o.recognised] : []), ...(o.rulebook ? [o.rulebook] : [])], async () => {
        const { reviewFile, writeReviewedCopy, defaultOutput } = await import('../../xlsx/workbook.js');
        const { reviewMonitoringFile } = await import('../../xlsx/monitoring.js');
        const output = o.output ?? (await defaultOutput(application));
        await refuseRunInput(output);
        const fr = await reviewFile(application, rb);
        // Art. 15 checks the plan submitted at recognition: the recognised application's, not the cluster's later forms.
        const recognisedApp = o.recognised ? await reviewFile(o.recognised, base) : null;
        if (!recognisedApp) io.err(`${t('cli.warning', lang, { text: t('monitoring.renewal.noRecognised', lang) })}\n`);
        const year = given ?? fr.review.inputs.applicationYear ?? thisYear;
        const reports: MonitoringReport[] = [];
        for (const file of files) {
          try {
            const r = await reviewMonitoringFile(file, rb);
            if ('application' in r) io.err(`${t('monitoring.cli.monitor.skipped', lang, { file: escapeForTerminal(file), text: t('monitoring.register.notMonitoring', lang) })}\n`);
            else reports.push(r.report);
          } catch (e) {
            if (!(e instanceof FileError)) throw e;
            io.err(`${t('cli.error', lang, { text: escapeForTerminal(fileErrorText(e, lang)) })}\n`);
            ctx.exit(2);
          }
        }
        const name = fr.report.cluster.name ?? null;
        const form = monitoringForm(base);
        // With the recognised application, its plan replaces the forms' targets and its year is the recognition year;
        // without it, forms without targets take the current application's plan for their year.
        const planFrom = recognisedApp ?? fr;
        const record = renewalRecord(
          name,
          reports,
          year,
          recognisedApp?.review.inputs.applicationYear ?? undefined,
          { targets: planTargetsOf(planFrom.review.lists), better: form.better, recognised: recognisedApp !== null, threeYear: form.threeYear },
          { province: fr.report.cluster.province, county: fr.report.cluster.county },
        );
        for (const f of record.foreign)
          io.err(`${t('cli.warning', lang, { text: escapeForTerminal(t('monitoring.renewal.otherCluster', lang, { file: f.file ?? '', name: [f.cluster.province, f.cluster.county, f.cluster.name].filter(Boolean).join(' ') })) })}\n`);
        for (const x of record.twice)
          io.err(`${t('cli.warning', lang, { text: escapeForTerminal(t('monitoring.renewal.twice', lang, { year: x.year, files: x.files, chosen: x.chosen })) })}\n`);
        for (const f of record.outside)
          io.err(`${t('cli.warning', lang, { text: escapeForTerminal(t('monitoring.renewal.notDue', lang, { file: f.file ?? '', year: f.monitoringYear ?? '—', renewal: year })) })}\n`);
        const recognised = recognisedApp?.review.inputs.applicationYear ?? record.reports.find((x) => x.recognitionYear !== null)?.recognitionYear ?? null;
        // One commit of the finished workbook: the reviewed copy with its record in it, never one without the other.
        const renewal = renewalModel(record, { name: name ?? basename(application), recognitionYear: recognised }, year, lang, form);
        await writeReviewedCopy(fr, { rb, lang, output, experts, force: o.force, checkedAt: stamp(io.now()), renewal: true, extraSheets: [renewal] });
        const h = record.history;
        const words = t('monitoring.renewal.history', lang, { expected: h.expected.length, reported: h.reported.length, onTime: h.onTime, met: h.targetsMet, total: h.targetsTotal, verdicts: h.verdicts.map((v) => `${v.year} ${v.text[lang]}`) });
        say(`${t('monitoring.renewal.wrote', lang, { file: escapeForTerminal(output), verdict: fr.report.verdictText[lang], record: escapeForTerminal(words) })}\n`);
        say(`  ${escapeForTerminal(recordStatusText(record, year, lang))}\n`);
        const judged = record.plan.filter((p) => p.met !== null);
        say(`  ${escapeForTerminal(t(record.planFromRecognised ? 'monitoring.renewal.planRecognised' : 'monitoring.renewal.planCurrent', lang, { file: basename(planFrom.opened.path), met: judged.filter((p) => p.met).length, total: judged.length }))}\n`);
        if (o.json) io.out(`${jsonForTerminal({ file: output, verdict: fr.report.verdict, recognitionYear: recognised, renewalYear: year, complete: record.complete, history: record.history, plan: record.plan, planFromRecognised: record.planFromRecognised })}\n`);
        if (fr.report.verdict !== 'passed' || !record.complete) ctx.exit(1);
      });
    });
}
