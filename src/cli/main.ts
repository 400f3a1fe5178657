/**
 * The cluster-review CLI: template, check, batch, rulebook. Everything the add-in does, on .xlsx files, for
 * reviewers with WPS, old Office or no network. Exit codes: 0 success (every checked application passed),
 * 1 a checked application is not `passed`, 2 a usage or file error.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import {
  loadRulebook,
  nationalRulebook,
  RulebookError,
  uiText,
  type Lang,
  type LoadedRulebook,
  type Report,
  type RollupEntry,
  forRollup,
} from '../core/index.js';
import { makeMsgCtx } from '../core/messages/context.js';
import { FileError } from '../xlsx/errors.js';
import { defaultOutput, reviewFile, writeReviewedCopy, writeRollup, writeTemplate } from '../xlsx/workbook.js';
import { progress } from './progress.js';
import { fileErrorText, warningText, word } from './text.js';

export const VERSION = '0.1.0';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), now: () => new Date() };

class UsageError extends Error {}

const langOf = (v: string | undefined): Lang => (v === 'en' || v === 'en-US' ? 'en-US' : 'zh-CN');

async function rulebookFrom(file: string | undefined): Promise<LoadedRulebook> {
  if (!file) return nationalRulebook();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new FileError('rulebook-unreadable', file, { detail: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : String(e) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FileError('rulebook-unreadable', file, { detail: `not JSON: ${(e as Error).message}` });
  }
  return loadRulebook(json, file);
}

const WORKBOOK_EXT = new Set(['.xlsx', '.xlsm', '.xls']);

async function expandInputs(items: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const item of items) {
    let isDir = false;
    try {
      isDir = (await stat(item)).isDirectory();
    } catch {
      // Not there: kept, so the review reports it by name.
    }
    if (!isDir) {
      files.push(item);
      continue;
    }
    const names = (await readdir(item)).filter((n) => WORKBOOK_EXT.has(extname(n).toLowerCase()) && !n.startsWith('~$')).sort();
    // A reviewed copy beside its original is the same application: count it once.
    const present = new Set(names);
    const original = (n: string) => n.replace(/\.reviewed(-\d+)?\.xlsx$/i, '');
    const kept = names.filter((n) => original(n) === n || !['.xlsx', '.xlsm'].some((ext) => present.has(original(n) + ext)));
    files.push(...kept.map((n) => join(item, n)));
  }
  return files;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function pad(s: string, n: number): string {
  // CJK characters take two columns in a terminal.
  const w = [...s].reduce((a, ch) => a + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
}

function issues(report: Report, lang: Lang, max: number): string[] {
  const shown = report.findings.filter((f) => f.status === 'veto' || f.status === 'fail' || f.status === 'invalid' || f.status === 'missing');
  const lines = shown.slice(0, max).map((f) => `    · ${uiText(`status.${f.status}`, lang)}  ${f.messages[lang]}`);
  if (shown.length > max) lines.push(`    · … ${shown.length - max} ${lang === 'zh-CN' ? '项更多，见核验副本的评审汇总' : 'more; see the summary sheet of the reviewed copy'}`);
  return lines;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exit = 0;
  let lang: Lang = 'zh-CN';
  const program = new Command();
  program
    .name('cluster-review')
    .description('集群评审助手 — 中小企业特色产业集群申报核验 / review applications for SME characteristic industrial clusters')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .addHelpText('after', '\nExit codes: 0 success · 1 a checked application is not “passed” · 2 usage or file error');

  const langOption = () => new Option('--lang <zh|en>', 'language of the workbook and messages').choices(['zh', 'en', 'zh-CN', 'en-US']).default('zh');

  program
    .command('template')
    .description('write the standard indicator workbook (填表说明 + 指标表) built from the rulebook')
    .requiredOption('-o, --output <file.xlsx>', 'the template to write')
    .option('--year <Y>', 'application year (the columns are Y-3, Y-2, Y-1)', String(new Date().getFullYear()))
    .option('--rulebook <file.json>', 'a provincial rulebook instead of the built-in national 2022 edition')
    .option('--password <p>', 'protect the sheets with a password (default: protected without one)')
    .option('--force', 'overwrite an existing output')
    .addOption(langOption())
    .action(async (o: { output: string; year: string; rulebook?: string; password?: string; force?: boolean; lang: string }) => {
      lang = langOf(o.lang);
      const year = Number(o.year);
      if (!Number.isInteger(year) || year < 2022 || year > 2100) throw new UsageError(lang === 'zh-CN' ? `--year 应为2022至2100之间的年份，收到“${o.year}”` : `--year must be a year from 2022 to 2100, got "${o.year}"`);
      const rb = await rulebookFrom(o.rulebook);
      await writeTemplate(rb, year, lang, o.output, { force: o.force, password: o.password });
      io.err(`${word('wrote', lang)} ${word('template', lang)}: ${o.output}  (${rb.data.id} ${rb.data.edition}, ${rb.fingerprint.slice(0, 12)}; ${year - 3}–${year - 1})\n`);
    });

  program
    .command('check')
    .description('check workbooks and write reviewed copies with flagged cells and the 评审汇总 summary sheet')
    .argument('<files...>', 'submitted .xlsx workbooks')
    .option('-o, --output <path>', 'output file (one input) or folder (several); default <input>.reviewed.xlsx')
    .option('--rulebook <file.json>', 'a provincial rulebook instead of the built-in national 2022 edition')
    .option('--experts <names>', 'expert names for the score columns, comma-separated, e.g. "张三,李四,王五"')
    .option('--json', 'print the JSON report to stdout (an array for several files)')
    .option('--force', 'overwrite existing outputs')
    .addOption(langOption())
    .action(async (files: string[], o: { output?: string; rulebook?: string; experts?: string; json?: boolean; force?: boolean; lang: string }) => {
      lang = langOf(o.lang);
      const rb = await rulebookFrom(o.rulebook);
      const experts = o.experts ? o.experts.split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean) : undefined;
      let outDir: string | undefined;
      if (o.output && files.length > 1) {
        const isDir = await stat(o.output).then((s) => s.isDirectory()).catch(() => false);
        if (!isDir) throw new UsageError(lang === 'zh-CN' ? '检查多个文件时，-o 应为已存在的文件夹' : 'With several files, -o must be an existing folder');
        outDir = o.output;
      }
      const reports: Array<Report | { file: string; error: { code: string; message: string } }> = [];
      const say = o.json ? io.err : io.out;
      for (const file of files) {
        try {
          const fr = await reviewFile(file, rb);
          for (const w of fr.warnings) io.err(`${word('warning', lang)}: ${warningText(w, lang)}\n`);
          const output = outDir ? join(outDir, basename(await defaultOutput(file))) : (o.output ?? (await defaultOutput(file)));
          const { committee } = await writeReviewedCopy(fr, { rb, lang, output, experts, force: o.force, checkedAt: stamp(io.now()) });
          reports.push(fr.report);
          const r = fr.report;
          say(`${r.verdict === 'passed' ? '✓' : '✗'} ${file} → ${output}\n`);
          say(`  ${pad(word('verdict', lang), 12)}${r.verdictText[lang]}    ${word('fails', lang)} ${r.counts.fail + r.counts.veto} · ${word('missing', lang)} ${r.counts.missing + r.counts.invalid} · ${word('warnings', lang)} ${r.counts.warn}\n`);
          for (const line of issues(r, lang, 8)) say(`${line}\n`);
          for (const p of committee.problems) say(`    · ${word('scoreProblems', lang)}: ${p.expert} ${p.criterion} = ${p.value} (0–${p.max})\n`);
          if (r.verdict !== 'passed') exit = Math.max(exit, 1);
        } catch (e) {
          if (!(e instanceof FileError)) throw e;
          io.err(`${word('error', lang)}: ${fileErrorText(e, lang)}\n`);
          reports.push({ file, error: { code: e.code, message: fileErrorText(e, lang) } });
          exit = 2;
        }
      }
      if (o.json) {
        const good = reports.filter((r) => !('error' in r) || files.length > 1);
        if (files.length === 1 && good.length === 1) io.out(`${JSON.stringify(good[0], null, 2)}\n`);
        else if (files.length > 1) io.out(`${JSON.stringify(reports, null, 2)}\n`);
      }
    });

  program
    .command('batch')
    .description('roll up every application of a round into one ranked workbook (推荐汇总)')
    .argument('<inputs...>', 'a folder of workbooks, or workbook files')
    .requiredOption('-o, --output <rollup.xlsx>', 'the roll-up workbook to write')
    .option('--rulebook <file.json>', 'a provincial rulebook instead of the built-in national 2022 edition')
    .option('--quota <N>', 'flag a province with more than N applications')
    .option('--force', 'overwrite an existing output')
    .addOption(langOption())
    .action(async (inputs: string[], o: { output: string; rulebook?: string; quota?: string; force?: boolean; lang: string }) => {
      lang = langOf(o.lang);
      const quota = o.quota === undefined ? undefined : Number(o.quota);
      if (quota !== undefined && (!Number.isInteger(quota) || quota < 0)) throw new UsageError(lang === 'zh-CN' ? `--quota 应为非负整数，收到“${o.quota}”` : `--quota must be a whole number, got "${o.quota}"`);
      const rb = await rulebookFrom(o.rulebook);
      const files = await expandInputs(inputs);
      if (!files.length) throw new UsageError(lang === 'zh-CN' ? '没有找到要汇总的工作簿（.xlsx）' : 'No workbooks (.xlsx) to roll up');
      const bar = progress(files.length);
      const entries: RollupEntry[] = [];
      for (const file of files) {
        bar.tick(basename(file));
        try {
          const fr = await reviewFile(file, rb);
          entries.push({ file, report: forRollup(fr.report) });
        } catch (e) {
          if (!(e instanceof FileError)) throw e;
          entries.push({ file, error: fileErrorText(e, lang) });
        }
      }
      bar.done();
      await writeRollup(entries, lang, o.output, { quota, force: o.force, inputs: files });
      const counts = new Map<string, number>();
      for (const e of entries) {
        const k = e.report ? e.report.verdictText[lang] : word('unreadable', lang);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      io.out(`${word('wrote', lang)} ${word('rollup', lang)}: ${o.output}  (${entries.length}: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')})\n`);
      for (const e of entries) if (e.error) io.err(`${word('unreadable', lang)}: ${e.error}\n`);
      if (entries.some((e) => e.error)) exit = 2;
      else if (entries.some((e) => e.report!.verdict !== 'passed')) exit = 1;
    });

  const rulebookCmd = program.command('rulebook').description('validate a rulebook file, or show what a rulebook sets');
  rulebookCmd
    .command('validate')
    .argument('<file.json>')
    .addOption(langOption())
    .action(async (file: string, o: { lang: string }) => {
      lang = langOf(o.lang);
      const rb = await rulebookFrom(file);
      io.out(`${word('rulebookOk', lang)}: ${file}\n  ${rb.data.id} · ${rb.data.name[lang === 'zh-CN' ? 'zh' : 'en']} · ${rb.data.edition}\n  fingerprint ${rb.fingerprint}\n`);
    });
  rulebookCmd
    .command('show')
    .argument('[file.json]', 'default: the built-in national 2022 edition')
    .option('--json', 'print the whole rulebook as JSON (a starting point for a province)')
    .addOption(langOption())
    .action(async (file: string | undefined, o: { json?: boolean; lang: string }) => {
      lang = langOf(o.lang);
      const rb = await rulebookFrom(file);
      if (o.json) {
        io.out(`${JSON.stringify(rb.data, null, 2)}\n`);
        return;
      }
      io.out(describeRulebook(rb, lang));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.err(`${word('error', lang)}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof FileError) {
      io.err(`${word('error', lang)}: ${fileErrorText(e, lang)}\n`);
      return 2;
    }
    if (e instanceof RulebookError) {
      io.err(`${word('rulebookBad', lang)}:\n${e.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}\n`);
      return 2;
    }
    io.err(`${word('internal', lang)}: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.CLUSTER_REVIEW_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 2;
  }
  return exit;
}

export function describeRulebook(rb: LoadedRulebook, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const pick = (x: { zh: string; en: string }) => (zh ? x.zh : x.en);
  const d = rb.data;
  // The same requirement text the messages quote, bounds filled in from the rulebook.
  const requirement = makeMsgCtx(rb, lang).requirement;
  const lines = [
    `${pick(d.name)}`,
    `  id ${d.id} · ${zh ? '版本' : 'edition'} ${d.edition} · ${pick(d.authority)}`,
    `  ${zh ? '指纹' : 'fingerprint'} ${rb.fingerprint}`,
    `  ${zh ? '首批申报年度' : 'first batch'} ≤ ${d.settings.firstBatchYear} · ${zh ? '增速算法' : 'growth'} ${d.settings.growthMethod} · ${zh ? '年度监测截止' : 'monitoring deadline'} ${d.settings.monitoringDeadline}`,
    `  ${zh ? '评分' : 'scoring'}: ${d.criteria.map((c) => `${c.id}=${c.weight}`).join(' ')} · ${zh ? '极差超过分值的' : 'discuss when spread >'} ${d.scoring.spreadShare * 100}%${zh ? '待讨论' : ' of weight'} · ${zh ? '推荐' : 'recommend'}: ${d.scoring.recommendation.verdict} & ≥ ${d.scoring.recommendation.minMeanTotal}`,
    '',
    `  ${zh ? '检查项' : 'checks'} (${d.checks.length}):`,
    ...d.checks.map((c) => `    ${pad(c.id, 5)} ${pad(c.criterion, 2)} ${pick(c.title)}${c.requirement ? ` — ${requirement(c.id)}` : ''}`),
  ];
  return `${lines.join('\n')}\n`;
}
