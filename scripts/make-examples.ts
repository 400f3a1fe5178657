/** Regenerates examples/*.xlsx from the readable data in examples/data/*.json. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nationalRulebook } from '../src/core/index.js';
import { filledWorkbook, type ExampleData } from './fill.js';
import { saveWorkbook } from '../src/xlsx/workbook.js';
import { filledMonitoringForm, type MonitoringExample } from './fill-monitoring.js';

export async function makeExamples(dir = 'examples'): Promise<string[]> {
  const rb = nationalRulebook();
  const written: string[] = [];
  for (const name of (await readdir(join(dir, 'data'))).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(await readFile(join(dir, 'data', name), 'utf8')) as ExampleData;
    const out = join(dir, name.replace(/\.json$/, '.xlsx'));
    await saveWorkbook(await filledWorkbook(rb, data), out, { force: true });
    written.push(out);
  }
  written.push(...(await makeMonitoringExamples(join(dir, 'monitoring'))));
  return written;
}

/** examples/monitoring/*.xlsx: annual monitoring forms of recognised clusters, from examples/monitoring/*.json. */
export async function makeMonitoringExamples(dir = 'examples/monitoring'): Promise<string[]> {
  const rb = nationalRulebook();
  const written: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(await readFile(join(dir, name), 'utf8')) as MonitoringExample;
    const out = join(dir, name.replace(/\.json$/, '.xlsx'));
    await saveWorkbook(await filledMonitoringForm(rb, data), out, { force: true });
    written.push(out);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await makeExamples()) console.log(`wrote ${f}`);
}
