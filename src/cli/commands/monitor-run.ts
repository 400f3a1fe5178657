/**
 * What `cluster-review monitor-template`, `monitor` and `renewal` does once commander has parsed its arguments: loaded only then (the definition, with its options
 * and help, is ./monitor.ts; see ../lazy.ts), so it may import the core, the rulebook and the workbook adapter.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { clusterRecords, deadlineFor, isoDay, renewalRulebook, rosterFacts, withRoster, type RosterEntry, monitoringForm, monitoringPrefill, planTargetsOf, recordStatusText, renewalModel, renewalRecord, type MonitoringPrefill, type MonitoringReport, type RegisterEntry } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import { FileError } from '../../xlsx/errors.js';
import { refuseRunInput, withRunInputs } from '../../xlsx/output.js';
import { commandPath } from '../help.js';
import { expandWorkbooks, stamp, UsageError, type CommandContext } from '../common.js';
import { rulebookFrom } from '../rulebook-file.js';
import { claimOutput, inputsOf, terminal, yearOption } from '../run-command.js';
import { fileErrorText } from '../text.js';
import { splitNames } from './round-inputs.js';

const yearOf = (value: string, cmd: Command): number => yearOption(value, cmd, 'monitoring.cli.usage.year');

export async function runMonitorTemplate(ctx: CommandContext, o: { output: string; year: string; application?: string; rulebook?: string; force?: boolean }, cmd: Command): Promise<void> {
  const { lang } = ctx;
  const term = terminal(ctx);
  const year = yearOf(o.year, cmd);
  const rb = await rulebookFrom(o.rulebook, lang);
  const { writeMonitoringTemplate } = await import('../../xlsx/monitoring.js');
  const inputs = inputsOf(o.application, o.rulebook);
  await withRunInputs(inputs, async () => {
    let prefill: MonitoringPrefill | undefined;
    if (o.application) {
      // The application as `check` reads it (a monitoring form given here is refused in words); its plan sheet through the core.
      await refuseRunInput(o.output);
      const { reviewFile } = await import('../../xlsx/workbook.js');
      const fr = await reviewFile(o.application, rb);
      const form = monitoringForm(rb);
      prefill = monitoringPrefill(form, fr.review, year, basename(o.application));
      const file = o.application;
      if (!prefill.planYears.length) term.warning(t('monitoring.cli.template.noPlan', lang, { file }));
      else if (prefill.missing.length) term.warning(t('monitoring.cli.template.noTargets', lang, { file, year, years: prefill.planYears, codes: prefill.missing }));
    }
    await writeMonitoringTemplate(rb, year, lang, o.output, { force: o.force, ...(prefill ? { prefill } : {}) });
    if (prefill && o.application) {
      const name = String(prefill.values.get(rb.data.settings.identity.name) ?? '');
      term.err('monitoring.cli.template.prefilled', { file: o.application, name, year, targets: prefill.targets.size });
    }
  });
  term.err('monitoring.cli.template.wrote', { file: o.output, year, deadline: deadlineFor(monitoringForm(rb), year), id: rb.data.id, edition: rb.data.edition });
}

export async function runMonitor(ctx: CommandContext, inputs: string[], o: { output: string; year: string; rulebook?: string; roster: string[]; json?: boolean; force?: boolean }, cmd: Command): Promise<void> {
  const { lang, io } = ctx;
  const term = terminal(ctx);
  const year = yearOf(o.year, cmd);
  const rb = await rulebookFrom(o.rulebook, lang);
  const files = await expandWorkbooks(inputs);
  if (!files.length && !o.roster.length) throw new UsageError('monitoring.cli.usage.no-workbooks', {}, commandPath(cmd));
  await withRunInputs(inputsOf(files, o.roster, o.rulebook), async () => {
    await claimOutput(o.output, o.force);
    const { readRosterFile, reviewMonitoringFile, writeRegister } = await import('../../xlsx/monitoring.js');
    // The province's own record of its recognised clusters: it establishes what the forms only say.
    const roster: RosterEntry[] = [];
    for (const file of await expandWorkbooks(o.roster)) {
      const r = await readRosterFile(file, rb);
      roster.push(...r.entries);
      for (const where of r.problems) term.warning(t('monitoring.cli.monitor.rosterRow', lang, { where }));
    }
    const facts = roster.length ? rosterFacts(roster) : {};
    const entries: RegisterEntry[] = [];
    const out = terminal(ctx, { json: o.json });
    const { say } = out;
    for (const file of files) {
      try {
        const r = await reviewMonitoringFile(file, rb, facts, isoDay(io.now()));
        if ('application' in r) {
          entries.push({ file, application: true });
          term.err('monitoring.cli.monitor.skipped', { file, text: t('monitoring.register.notMonitoring', lang) });
          continue;
        }
        entries.push({ file, report: r.report });
        const rep = r.report;
        say`${rep.verdict === 'normal' ? '✓' : '✗'} ${term.words('monitoring.cli.monitor.line', { name: rep.cluster.name ?? basename(file), year: rep.monitoringYear ?? '?', verdict: rep.verdictText[lang] })}`;
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
        const text = fileErrorText(e, lang);
        entries.push({ file, error: text });
        term.error(text);
      }
    }
    const all = roster.length ? withRoster(entries, roster) : entries;
    for (const e of all)
      if (e.notReceived) say`✗ ${term.words('monitoring.cli.monitor.line', { name: e.notReceived.name, year: year - 1, verdict: t('monitoring.register.notReceived', lang) })}`;
    await writeRegister(rb, all, lang, year, o.output, { force: o.force, inputs: [...files, ...o.roster] });
    const records = clusterRecords(entries);
    // Two forms for one year: the rule decides (the one received last, then the name), never the order given; said.
    for (const r of records)
      for (const x of r.duplicates) term.warning(t('monitoring.renewal.twice', lang, { year: x.year, files: x.files.map((f) => basename(f)), chosen: basename(x.chosen) }));
    const due = records.filter((r) => r.renewalYear === year).map((r) => r.name);
    if (due.length) say('monitoring.cli.monitor.due', { year, names: due });
    say('monitoring.cli.monitor.wrote', { file: o.output, clusters: records.length, forms: entries.filter((e) => e.report).length });
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
    if (o.json) out.json(all.map((e) => (e.notReceived ? notReceived(e.notReceived) : (e.report ?? { file: e.file, ...(e.application ? { application: true } : { error: e.error }) }))));
    if (entries.some((e) => !e.report)) ctx.exit(2);
    else if (records.some((r) => r.latest.verdict !== 'normal') || all.some((e) => e.notReceived)) ctx.exit(1);
  });
}

export async function runRenewal(ctx: CommandContext, application: string, forms: string[], o: { output?: string; year?: string; experts?: string; recognised?: string; rulebook?: string; json?: boolean; force?: boolean }, cmd: Command): Promise<void> {
  const { lang, io } = ctx;
  const term = terminal(ctx);
  const given = o.year === undefined ? undefined : yearOf(o.year, cmd);
  const base = await rulebookFrom(o.rulebook, lang);
  // The cluster is already recognised: the first application's eligibility (E2) is out of force (Art. 15).
  const rb = renewalRulebook(base);
  const files = await expandWorkbooks(forms);
  const experts = o.experts ? splitNames(o.experts) : undefined;
  const out = terminal(ctx, { json: o.json });
  const { say } = out;
  await withRunInputs(inputsOf(application, files, o.recognised, o.rulebook), async () => {
    const { reviewFile, writeReviewedCopy, defaultOutput } = await import('../../xlsx/workbook.js');
    const { reviewMonitoringFile } = await import('../../xlsx/monitoring.js');
    const output = o.output ?? (await defaultOutput(application));
    await refuseRunInput(output);
    // The application comes first: a monitoring form there is the arguments swapped, said as a usage error.
    const fr = await reviewFile(application, rb).catch((e: unknown) => {
      if (e instanceof FileError && e.code === 'monitoring-form') throw new UsageError('cli.usage.renewal-order', { file: application }, commandPath(cmd));
      throw e;
    });
    // Art. 15 checks the plan submitted at recognition: the recognised application's, not the cluster's later forms.
    const recognisedApp = o.recognised ? await reviewFile(o.recognised, base) : null;
    if (!recognisedApp) term.warning(t('monitoring.renewal.noRecognised', lang));
    const year = given ?? fr.review.inputs.applicationYear ?? ctx.io.now().getFullYear();
    const reports: MonitoringReport[] = [];
    for (const file of files) {
      try {
        const r = await reviewMonitoringFile(file, rb, {}, isoDay(io.now()));
        if ('application' in r) term.err('monitoring.cli.monitor.skipped', { file, text: t('monitoring.register.notMonitoring', lang) });
        else reports.push(r.report);
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
        term.fileError(e);
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
      term.warning(t('monitoring.renewal.otherCluster', lang, { file: f.file ?? '', name: [f.cluster.province, f.cluster.county, f.cluster.name].filter(Boolean).join(' ') }));
    for (const x of record.twice)
      term.warning(t('monitoring.renewal.twice', lang, { year: x.year, files: x.files, chosen: x.chosen }));
    for (const f of record.outside)
      term.warning(t('monitoring.renewal.notDue', lang, { file: f.file ?? '', year: f.monitoringYear ?? '—', renewal: year }));
    const recognised = recognisedApp?.review.inputs.applicationYear ?? record.reports.find((x) => x.recognitionYear !== null)?.recognitionYear ?? null;
    // One commit of the finished workbook: the reviewed copy with its record in it, never one without the other.
    const renewal = renewalModel(record, { name: name ?? basename(application), recognitionYear: recognised }, year, lang, form);
    await writeReviewedCopy(fr, { rb, lang, output, experts, force: o.force, checkedAt: stamp(io.now()), renewal: true, extraSheets: [renewal] });
    const h = record.history;
    const words = t('monitoring.renewal.history', lang, { expected: h.expected.length, reported: h.reported.length, onTime: h.onTime, met: h.targetsMet, total: h.targetsTotal, verdicts: h.verdicts.map((v) => `${v.year} ${v.text[lang]}`) });
    say('monitoring.renewal.wrote', { file: output, verdict: fr.report.verdictText[lang], record: words });
    say`  ${recordStatusText(record, year, lang)}`;
    const judged = record.plan.filter((p) => p.met !== null);
    say`  ${t(record.planFromRecognised ? 'monitoring.renewal.planRecognised' : 'monitoring.renewal.planCurrent', lang, { file: basename(planFrom.opened.path), met: judged.filter((p) => p.met).length, total: judged.length })}`;
    if (o.json) out.json({ file: output, verdict: fr.report.verdict, recognitionYear: recognised, renewalYear: year, complete: record.complete, history: record.history, plan: record.plan, planFromRecognised: record.planFromRecognised });
    if (fr.report.verdict !== 'passed' || !record.complete) ctx.exit(1);
  });
}
