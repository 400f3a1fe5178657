/**
 * `npm run demo`: the main job on the bundled example applications. Checks every examples/*.xlsx, writes a
 * reviewed copy of each and the provincial roll-up into out/, and prints a short table of verdicts. The inputs
 * are never touched; out/ is the demo's own folder, so its files are replaced on every run.
 */
import { mkdir, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { main } from '../src/cli/main.js';
import { saveWorkbook } from '../src/xlsx/workbook.js';
import { filledWorkbook, type ExampleData } from './fill.js';
import { fillScoresheet } from './fill-scores.js';
import { nationalRulebook, type RollupEntry } from '../src/core/index.js';
import { FileError } from '../src/xlsx/errors.js';
import { reviewFile, writeReviewedCopy, writeRollup } from '../src/xlsx/workbook.js';
import { reviewMonitoringFile, writeRegister } from '../src/xlsx/monitoring.js';
import type { RegisterEntry } from '../src/core/index.js';

const EXAMPLES = 'examples';
const OUT = 'out';

const width = (s: string) => [...s].reduce((a, ch) => a + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

async function demo(): Promise<number> {
  const rb = nationalRulebook();
  await mkdir(OUT, { recursive: true });
  const files = (await readdir(EXAMPLES)).filter((n) => n.endsWith('.xlsx')).sort();
  const entries: RollupEntry[] = [];
  const rows: string[][] = [];
  for (const name of files) {
    const input = join(EXAMPLES, name);
    const output = join(OUT, name.replace(/\.xlsx$/, '.reviewed.xlsx'));
    try {
      const fr = await reviewFile(input, rb);
      await writeReviewedCopy(fr, { rb, lang: 'zh-CN', output, experts: ['专家1', '专家2', '专家3'], force: true });
      entries.push({ file: name, report: fr.report });
      const c = fr.report.counts;
      rows.push([name, fr.report.cluster.name ?? '', fr.report.verdictText['zh-CN'], `${c.veto}`, `${c.fail}`, `${c.missing + c.invalid}`, `${c.warn}`, output]);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      entries.push({ file: name, error: e.code });
      rows.push([name, '', `无法读取 (${e.code})`, '', '', '', '', '']);
    }
  }
  const rollup = join(OUT, '推荐汇总.xlsx');
  await writeRollup(entries, 'zh-CN', rollup, { force: true });

  const head = ['文件 file', '集群 cluster', '结论 verdict', '一票否决', '不达标', '缺失', '提示', '核验副本 reviewed copy'];
  const all = [head, ...rows];
  const widths = head.map((_h, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  console.log(`集群评审助手 demo — ${rb.data.name.zh}（规则校验码 ${rb.fingerprint.slice(0, 12)}）\n`);
  for (const [i, r] of all.entries()) {
    console.log(r.map((cell, j) => pad(cell, widths[j]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
  console.log(`\n推荐汇总 roll-up: ${rollup}`);
  console.log(`打开 ${basename(rows[0]?.[7] ?? '')} 等文件的“评审汇总”工作表查看结论、评分区和核验明细。`);
  const code = await committeeRound(rb);
  await monitoring();
  return code;
}

interface DemoRound {
  round: string;
  quota: number;
  experts: string[];
  conflicts: Array<{ expert: string; application: string; reason: string }>;
  applications: Array<{ id: string; from: string; values: ExampleData['values'] }>;
  scores: Record<string, Record<string, Array<number | string | null>>>;
  opinions: Record<string, Record<string, string>>;
  correction: { expert: string; application: string; criterion: number; value: number };
  /** The meeting, for the round's documents (tally --papers). */
  papers: { chair: string; date: string; venue: string; unit: string };
}

/**
 * A whole committee round on the examples (examples/round/round.json, readable): applications made from the
 * example data, score sheets for five experts (the size panels practise), their scores typed in (one recusal, one full-width score), one
 * expert's corrected sheet returned later (a conflict the newer file resolves, said so), the tally and the list.
 */
async function committeeRound(rb: ReturnType<typeof nationalRulebook>): Promise<number> {
  const data = JSON.parse(await readFile(join(EXAMPLES, 'round', 'round.json'), 'utf8')) as DemoRound;
  const dir = join(OUT, 'round');
  await rm(dir, { recursive: true, force: true });
  const apps = join(dir, 'applications');
  const sheets = join(dir, 'sheets');
  await mkdir(apps, { recursive: true });
  for (const a of data.applications) {
    const base = JSON.parse(await readFile(join(EXAMPLES, 'data', `${a.from}.json`), 'utf8')) as ExampleData;
    base.values = { ...base.values, ...a.values };
    await saveWorkbook(await filledWorkbook(rb, base), join(apps, `${a.id}.xlsx`), { force: true });
  }
  await mkdir(dir, { recursive: true });
  const conflicts = join(dir, 'conflicts.csv');
  await (await import('node:fs/promises')).writeFile(conflicts, `expert,application,reason\n${data.conflicts.map((c) => `${c.expert},${c.application},${c.reason}`).join('\n')}\n`);
  const quiet = { out: () => undefined, err: (s: string) => void process.stderr.write(s), now: () => new Date() };
  let code = await main(['scoresheets', apps, '--experts', data.experts.join(','), '--conflicts', conflicts, '--round', data.round, '-o', sheets], quiet);
  if (code !== 0) return code;
  const day = (n: number) => new Date(Date.UTC(2025, 5, n, 9));
  for (const expert of data.experts) {
    const file = join(sheets, `专家评分表-${expert}.xlsx`);
    const rows = Object.fromEntries(Object.entries(data.scores[expert] ?? {}).map(([id, scores]) => [id, { scores, ...(data.opinions[expert]?.[id] ? { opinion: data.opinions[expert]![id]! } : {}) }]));
    await fillScoresheet(file, rows, { signature: expert, date: '2025-06-10' });
    await utimes(file, day(10), day(10));
  }
  // The correction: a second, later file of the same expert with one score changed.
  const c = data.correction;
  const corrected = [...data.scores[c.expert]![c.application]!];
  corrected[c.criterion] = c.value;
  const second = join(sheets, `专家评分表-${c.expert}-更正.xlsx`);
  await fillScoresheet(join(sheets, `专家评分表-${c.expert}.xlsx`), { [c.application]: { scores: corrected } }, { output: second });
  await utimes(second, day(11), day(11));
  const rollup = join(dir, '推荐汇总.xlsx');
  const papers = join(dir, '评审文件');
  console.log(`\n评审委员会汇总 committee round ${data.round}: ${data.applications.length} 份申报，专家 ${data.experts.join('、')}，推荐名额 ${data.quota}\n`);
  // Each application's reviewed copy, its 评审汇总 filled in by the tally (--update-copies): its chart shows the scores.
  for (const a of data.applications) {
    code = await main(['check', join(apps, `${a.id}.xlsx`), '-o', join(apps, `${a.id}.reviewed.xlsx`), '--experts', data.experts.join(',')], quiet);
    if (code === 2) return code;
  }
  const p = data.papers;
  code = await main(['tally', apps, sheets, '-o', rollup, '--quota', String(data.quota), '--prefer', 'newer', '--update-copies', '--papers', papers, '--chair', p.chair, '--date', p.date, '--venue', p.venue, '--unit', p.unit], { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s), now: () => new Date() });
  console.log(`\n评分表 score sheets: ${sheets}\n推荐汇总 committee list: ${rollup}（工作表 推荐汇总、评审意见、评分记录、专家总分）\n评审汇总 summaries with the committee's scores: ${apps}/*.reviewed.xlsx\n评审文件 documents to print and sign: ${papers}`);
  return code === 2 ? 2 : 0;
}

/** The annual monitoring of recognised clusters: examples/monitoring/*.xlsx into the register out/监测汇总.xlsx. */
async function monitoring(): Promise<void> {
  const rb = nationalRulebook();
  const dir = join(EXAMPLES, 'monitoring');
  const files = (await readdir(dir)).filter((n) => n.endsWith('.xlsx')).sort();
  const entries: RegisterEntry[] = [];
  const rows: string[][] = [];
  for (const name of files) {
    const input = join(dir, name);
    try {
      const r = await reviewMonitoringFile(input, rb);
      if ('application' in r) {
        entries.push({ file: name, application: true });
        continue;
      }
      entries.push({ file: name, report: r.report });
      rows.push([name, r.report.cluster.name ?? '', String(r.report.monitoringYear ?? ''), r.report.submitted ?? '', r.report.verdictText['zh-CN']]);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      entries.push({ file: name, error: e.code });
      rows.push([name, '', '', '', `无法读取 (${e.code})`]);
    }
  }
  const register = join(OUT, '监测汇总.xlsx');
  await writeRegister(rb, entries, 'zh-CN', 2025, register, { force: true });
  const head = ['文件 file', '集群 cluster', '监测年度', '报送日期', '监测结论 monitoring verdict'];
  const all = [head, ...rows];
  const widths = head.map((_h, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  console.log(`\n年度监测 annual monitoring（截止日期每年${rb.data.settings.monitoringDeadline}，2025年）\n`);
  for (const [i, r] of all.entries()) {
    console.log(r.map((cell, j) => pad(cell, widths[j]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
  console.log(`\n监测汇总 register: ${register}`);
}

process.exitCode = await demo();
