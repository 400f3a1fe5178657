/** `npm run bench [core|files|addin]`: prints figures; asserts nothing (timed assertions flake on a busy machine). */
import { benchAddin } from './addin.js';
import { benchCore } from './core.js';
import { benchFiles } from './files.js';

const only = process.argv[2];
console.log(`cluster-review benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
if (!only || only === 'core') benchCore(Number(process.env.BENCH_COUNT ?? 2000));
if (!only) console.log('');
if (!only || only === 'files') await benchFiles(Number(process.env.BENCH_FILES ?? 260));
if (!only) console.log('');
if (!only || only === 'addin') await benchAddin();
