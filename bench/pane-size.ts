/**
 * What the built task pane downloads at start and what it loads later, read from the built files: the bench
 * (`npm run bench addin`) prints it, and test/browser/built.test.ts holds the first download to its goal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The pane's first download must stay within this many bytes gzipped (issue #4). */
export const INITIAL_GOAL = 250 * 1024;

export const gzippedSize = (files: readonly string[]): number => files.reduce((a, f) => a + gzipSync(readFileSync(f), { level: 9 }).length, 0);

/** The scripts the pane's HTML loads at start, and what they import statically. */
export function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'taskpane', 'taskpane.html'), 'utf8');
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const file = join(dist, rel.replace(/^(\.\.\/)+/, '').replace(/^\//, ''));
    if (seen.has(file)) return;
    seen.add(file);
    const js = readFileSync(file, 'utf8');
    for (const m of js.matchAll(/(?:^|[;\s])import\s*(?:[^'"]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(join('assets', m[1]!));
  };
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) if (!m[1]!.startsWith('http')) visit(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) visit(m[1]!);
  return [...seen];
}

/**
 * What the pane loads after its first paint: each dynamic import reachable from the initial scripts (Excel's
 * adapter, the findings list, the scoring panel, WPS's adapter), with the files it brings beyond the initial ones.
 */
export function lazyScripts(dist: string, initial: readonly string[]): { name: string; files: string[] }[] {
  const assets = join(dist, 'assets');
  const staticDeps = (file: string, into: Set<string>) => {
    if (into.has(file) || initial.includes(file)) return;
    into.add(file);
    const js = readFileSync(file, 'utf8');
    for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'"`]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) staticDeps(join(assets, m[1]!), into);
  };
  const out: { name: string; files: string[] }[] = [];
  const seen = new Set<string>();
  const scan = (file: string) => {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)) {
      const target = join(assets, m[1]!);
      if (seen.has(target) || initial.includes(target)) continue;
      seen.add(target);
      const files = new Set<string>();
      staticDeps(target, files);
      out.push({ name: m[1]!.replace(/-[\w-]{8}\.js$/, ''), files: [...files] });
      for (const f of files) scan(f);
    }
  };
  for (const f of initial) scan(f);
  return out;
}
