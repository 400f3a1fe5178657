/** `npm run bench [core|cli|files|addin|round|wps]`: prints figures; asserts nothing (timed assertions flake on a busy machine). */
import { loadavg } from 'node:os';
import { benchAddin } from './addin.js';
import { benchCli, type CliFigures } from './cli.js';
import { benchCore } from './core.js';
import { benchFiles, type FileFigures } from './files.js';
import { benchRound } from './round.js';
import { benchWps } from './wps.js';

const only = process.argv[2];
const all = !only;
// The machine's load goes with the figures: whole-process times on a shared machine are only comparable at a like load.
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`cluster-review benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${load()}\n`);
let cli: CliFigures | undefined;
let files: FileFigures | undefined;
if (all || only === 'core') benchCore(Number(process.env.BENCH_COUNT ?? 2000));
if (all) console.log('');
if (all || only === 'cli') cli = await benchCli();
if (all) console.log('');
if (all || only === 'files') files = await benchFiles(Number(process.env.BENCH_FILES ?? 260));
if (all) console.log('');
if (all || only === 'addin') await benchAddin();
if (all) console.log('');
if (all || only === 'round') await benchRound(Number(process.env.BENCH_FILES ?? 260));
if (all) console.log('');
if (all || only === 'wps') await benchWps();
console.log(`\nload average at the end ${load()}`);
if (cli || files) {
  // The command line's three goals together (issue #8): each a whole process against bare ExcelJS.
  console.log('\ncommand-line goals');
  if (cli) console.log(`  check / bare ExcelJS read + write   ${cli.checkRatio.toFixed(2)}    (goal ≤ 1.3; in CPU time ${cli.checkCpuRatio.toFixed(2)})`);
  if (cli) console.log(`  --help                              ${cli.helpSeconds.toFixed(2)} s  (goal ≤ 0.3 s; CPU ${cli.helpCpuSeconds.toFixed(2)} s)`);
  if (files) console.log(`  batch / bare ExcelJS loading        ${files.batchRatio.toFixed(2)}    (goal ≤ 1.5)`);
  if (files) console.log(`  batch with hostile files            ${files.hostile.seconds.toFixed(2)} s, ${files.hostile.maxRssMb.toFixed(0)} MB  (goal: roll-up written, ≤ 500 MB)`);
}
