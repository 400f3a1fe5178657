/**
 * Generated applications for benchmarks: seeded, so every run measures the same work. Each is the passing
 * example with a random share of values perturbed, blanked or written in the forms applicants use.
 */
import { nationalRulebook, snapshotFromValues, type ApplicationValues, type CellSpec, type Snapshot } from '../src/core/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function exampleValues(name: string): { applicationYear: number; values: ApplicationValues } {
  const data = JSON.parse(readFileSync(fileURLToPath(new URL(`../examples/data/${name}.json`, import.meta.url)), 'utf8'));
  return { applicationYear: data.applicationYear, values: data.values };
}

export function generateApplications(count: number, seed = 1): Array<{ name: string; applicationYear: number; values: ApplicationValues }> {
  const rand = rng(seed);
  const base = exampleValues('01-passing');
  const apps = [];
  for (let i = 0; i < count; i++) {
    const values: ApplicationValues = structuredClone(base.values);
    values.B1 = `生成集群${String(i + 1).padStart(4, '0')}`;
    values.B5 = `细分领域${Math.floor(rand() * 200)}`;
    for (const [code, v] of Object.entries(values)) {
      const r = rand();
      const jiggle = (x: CellSpec): CellSpec => (typeof x === 'number' ? Math.round(x * (0.6 + rand() * 0.8) * 100) / 100 : x);
      if (r < 0.004) values[code] = undefined;
      else if (r < 0.15) values[code] = Array.isArray(v) ? v.map(jiggle) : jiggle(v as CellSpec);
      else if (r < 0.18 && typeof v === 'number') values[code] = `${v}`;
    }
    if (rand() < 0.05) values[`D${1 + Math.floor(rand() * 9)}`] = '是';
    apps.push({ name: `app-${i + 1}`, applicationYear: base.applicationYear, values });
  }
  return apps;
}

export function generateSnapshots(count: number, seed = 1): Snapshot[] {
  const rb = nationalRulebook();
  return generateApplications(count, seed).map((a) => snapshotFromValues(rb, a.applicationYear, a.values));
}

/**
 * A province's extra indicator rows added below the template's (90 per step of `scale` above 1), three years of
 * figures each, into a fake host's sheet cells ("row,col" → { value, numberFormat }): the adapters' benchmarks
 * measure how their work grows with rows. `alternate`: every other row in another number format (the worst case
 * for a reader of formats by blocks).
 */
export function addProvinceRows(cells: Record<string, unknown>, scale: number, alternate = false): void {
  for (let i = 0; i < (scale - 1) * 90; i++) {
    const r = 200 + i;
    cells[`${r},0`] = { value: `P${i}` };
    cells[`${r},1`] = { value: `本省补充指标${i}` };
    for (const c of [3, 4, 5]) cells[`${r},${c}`] = { value: i * c, ...(alternate && i % 2 ? { numberFormat: '0.0%' } : {}) };
  }
}
