/**
 * `npm run demo`: the main job on the bundled example applications. Checks every examples/*.xlsx, writes a
 * reviewed copy of each and the provincial roll-up into out/, and prints a short table of verdicts. The inputs
 * are never touched; out/ is the demo's own folder, so its files are replaced on every run.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
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
      rows.push([name, fr.report.cluster.name ?? '', fr.report.verdictText['zh-CN'], `${c.fail + c.veto}`, `${c.missing + c.invalid}`, `${c.warn}`, output]);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      entries.push({ file: name, error: e.code });
      rows.push([name, '', `无法读取 (${e.code})`, '', '', '', '']);
    }
  }
  const rollup = join(OUT, '推荐汇总.xlsx');
  await writeRollup(entries, 'zh-CN', rollup, { force: true });

  const head = ['文件 file', '集群 cluster', '结论 verdict', '不达标', '缺失', '提示', '核验副本 reviewed copy'];
  const all = [head, ...rows];
  const widths = head.map((_h, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  console.log(`集群评审助手 demo — ${rb.data.name.zh}（指纹 ${rb.fingerprint.slice(0, 12)}）\n`);
  for (const [i, r] of all.entries()) {
    console.log(r.map((cell, j) => pad(cell, widths[j]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
  console.log(`\n推荐汇总 roll-up: ${rollup}`);
  console.log(`打开 ${basename(rows[0]?.[6] ?? '')} 等文件的“评审汇总”工作表查看结论、评分区和核验明细。`);
  await monitoring();
  return 0;
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
