/** Regenerates examples/*.xlsx from the readable data in examples/data/*.json. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nationalRulebook } from '../src/core/index.js';
import { filledWorkbook, type ExampleData } from './fill.js';
import { saveWorkbook } from '../src/xlsx/workbook.js';

export async function makeExamples(dir = 'examples'): Promise<string[]> {
  const rb = nationalRulebook();
  const written: string[] = [];
  for (const name of (await readdir(join(dir, 'data'))).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(await readFile(join(dir, 'data', name), 'utf8')) as ExampleData;
    const out = join(dir, name.replace(/\.json$/, '.xlsx'));
    await saveWorkbook(await filledWorkbook(rb, data), out, { force: true });
    written.push(out);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await makeExamples()) console.log(`wrote ${f}`);
}
