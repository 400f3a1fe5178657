/**
 * The layers of src/ as data, and the check that every import runs down them: the rule of docs/ARCHITECTURE.md
 * ("Layers"), tested by test/layers.test.ts. Imports are read with TypeScript's own pre-processor (static, type-only,
 * `export … from` and dynamic `import()` alike), resolved to files, and judged by the unit each file belongs to.
 *
 * Two rules: an import may only go to a unit the importing unit is allowed (LAYERS: the folder table, lowest
 * first), and no files import each other, directly or round a longer circle (type-only imports count: a circle of
 * types is still two files that cannot be read one without the other).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';

/**
 * The units, lowest first; each may import itself and the units it names (and npm packages, which the eslint
 * rules in eslint.config.js police). A unit is a folder, or a file where one file sits on another layer than its
 * folder (the WPS pane's entry). The first unit whose prefix matches a file is its unit: files before folders.
 */
export const LAYERS: ReadonlyArray<{ unit: string; may: readonly string[] }> = [
  // The core, bottom up: words and base types; the rulebook; reading sheets; rule kinds and messages; the review;
  // reports and sheet models; the committee, monitoring and the workflow (peers); the core's index.
  { unit: 'src/core/text/', may: ['src/core/base'] },
  { unit: 'src/core/base', may: ['src/core/text/'] },
  { unit: 'src/core/rulebook/', may: ['src/core/base', 'src/core/text/'] },
  { unit: 'src/core/sheet/', may: ['src/core/base', 'src/core/text/', 'src/core/rulebook/', 'src/core/template/'] },
  { unit: 'src/core/template/', may: ['src/core/base', 'src/core/text/', 'src/core/rulebook/', 'src/core/sheet/'] },
  { unit: 'src/core/checks/', may: ['src/core/base', 'src/core/text/', 'src/core/rulebook/', 'src/core/sheet/', 'src/core/template/', 'src/core/messages/'] },
  { unit: 'src/core/messages/', may: ['src/core/base', 'src/core/text/', 'src/core/rulebook/', 'src/core/sheet/', 'src/core/template/', 'src/core/checks/'] },
  { unit: 'src/core/review', may: ['src/core/base', 'src/core/text/', 'src/core/rulebook/', 'src/core/sheet/', 'src/core/template/', 'src/core/checks/', 'src/core/messages/'] },
  { unit: 'src/core/report/', may: ['src/core/base', 'src/core/text/', 'src/core/rulebook/', 'src/core/sheet/', 'src/core/template/', 'src/core/checks/', 'src/core/messages/', 'src/core/review'] },
  ...['committee', 'monitoring', 'workflow'].map((u) => ({
    unit: `src/core/${u}/`,
    may: ['src/core/base', 'src/core/text/', 'src/core/rulebook/', 'src/core/sheet/', 'src/core/template/', 'src/core/checks/', 'src/core/messages/', 'src/core/review', 'src/core/report/', 'src/core/committee/', 'src/core/monitoring/', 'src/core/workflow/'],
  })),
  { unit: 'src/core/index.ts', may: ['src/core/'] },
  // Above the core: what both spreadsheet hosts, the pane and the ribbon share; the three adapters (none imports
  // another); the pane and the Excel ribbon's commands; the WPS pane's entry (the pane, in WPS); the CLI.
  { unit: 'src/common/', may: ['src/core/'] },
  { unit: 'src/xlsx/', may: ['src/core/', 'src/common/'] },
  { unit: 'src/office/', may: ['src/core/', 'src/common/'] },
  { unit: 'src/wps/pane-page.tsx', may: ['src/core/', 'src/common/', 'src/wps/', 'src/taskpane/'] },
  { unit: 'src/wps/', may: ['src/core/', 'src/common/'] },
  { unit: 'src/taskpane/', may: ['src/core/', 'src/common/', 'src/office/', 'src/wps/'] },
  { unit: 'src/commands/', may: ['src/core/', 'src/common/', 'src/office/'] },
  { unit: 'src/cli/', may: ['src/core/', 'src/common/', 'src/xlsx/'] },
];

/** The core's own files at its top: types, addresses, units, limits and number comparison at its base; the review, its verdict and score figures above the rule kinds. */
const CORE_BASE = ['types', 'address', 'units', 'limits', 'numbers'].map((n) => `src/core/${n}.ts`);
const CORE_REVIEW = ['review', 'verdict', 'scoring'].map((n) => `src/core/${n}.ts`);

/**
 * Imports known to run up a layer, each to be moved (issue 23): an import matching one here is let through, and
 * the list may only shrink — an entry that no longer matches fails the test, so a fix removes its entry.
 */
export const KNOWN_UPWARD: ReadonlyArray<KnownUpward> = [];

export interface KnownUpward {
  from: string;
  to: string;
  why: string;
}

export type Sources = ReadonlyMap<string, string>;

/** Every .ts/.tsx file under src/, by path relative to the repository ("src/…", forward slashes). */
export function readSources(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const p = posix.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.set(p, readFileSync(join(root, p), 'utf8'));
    }
  };
  walk('src');
  return out;
}

/** The file a relative specifier names ("./x.js" is ./x.ts or ./x.tsx; a folder its index), or null if none. */
function resolveSpec(from: string, spec: string, files: Sources): string | null {
  const base = posix.normalize(posix.join(dirname(from).replaceAll('\\', '/'), spec));
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '');
  for (const c of [base, `${stem}.ts`, `${stem}.tsx`, `${base}/index.ts`]) if (files.has(c)) return c;
  return null;
}

/** Every import of every file between files of src/. */
export function importEdges(files: Sources): Array<{ from: string; to: string }> {
  const edges: Array<{ from: string; to: string }> = [];
  for (const [from, text] of files) {
    for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imp.fileName.startsWith('.')) continue;
      const to = resolveSpec(from, imp.fileName, files);
      if (to) edges.push({ from, to });
    }
  }
  return edges;
}

export function unitOf(file: string): string | null {
  if (CORE_BASE.includes(file)) return 'src/core/base';
  if (CORE_REVIEW.includes(file)) return 'src/core/review';
  return LAYERS.find((l) => l.unit !== 'src/core/base' && l.unit !== 'src/core/review' && file.startsWith(l.unit))?.unit ?? null;
}

/** Is `to` within what `unit` may import? (A "may" entry is a unit or a prefix of units: "src/core/" is all of the core.) */
function allowed(unit: string, toUnit: string): boolean {
  if (unit === toUnit) return true;
  const may = LAYERS.find((l) => l.unit === unit)!.may;
  return may.some((m) => toUnit === m || toUnit.startsWith(m));
}

export interface Verdict {
  /** Imports that run up a layer or across to a peer the table does not allow ("from -> to"). */
  upward: string[];
  /** Files of src/ that belong to no unit (a new folder: add it to the table, and to docs/ARCHITECTURE.md). */
  unplaced: string[];
  /** Circles of files importing each other, each as its files. */
  circles: string[][];
  /** KNOWN_UPWARD entries that match no import any more (remove them). */
  stale: string[];
}

export function checkLayers(files: Sources, known: ReadonlyArray<KnownUpward> = KNOWN_UPWARD): Verdict {
  const edges = importEdges(files);
  const unplaced = [...files.keys()].filter((f) => unitOf(f) === null);
  const used = new Set<string>();
  const upward: string[] = [];
  for (const { from, to } of edges) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (!a || !b || allowed(a, b)) continue;
    const listed = known.find((k) => k.from === from && k.to === to);
    if (listed) used.add(`${from} -> ${to}`);
    else upward.push(`${from} -> ${to}`);
  }
  const stale = known.map((k) => `${k.from} -> ${k.to}`).filter((k) => !used.has(k));
  return { upward, unplaced, circles: circles(edges), stale };
}

/** Strongly connected components of more than one file (Tarjan's algorithm, iterative-free: src/ is small). */
function circles(edges: ReadonlyArray<{ from: string; to: string }>): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) if (from !== to) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let i = 0;
  const visit = (v: string) => {
    index.set(v, i);
    low.set(v, i++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}
