/**
 * A clone of this repository alone must build, test and run: nothing the project runs may read the sibling
 * folder of reading material that sits beside the working copy on the machine it was written on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve('.');
const SIBLING = 'shared';
// Built from parts, so this file does not name the folder it looks for.
const NEEDLES = [['..', SIBLING].join('/'), ['..', SIBLING].join('\\'), resolve(root, '..', SIBLING) + '/'];
// path.join and resolve name it with two quoted parts and no slash.
const JOINED = new RegExp(`['"\`]\\.\\.['"\`]\\s*,\\s*['"\`]${SIBLING}['"\`]`);

const FOLDERS = ['src', 'test', 'scripts', 'bench', '.ci', 'bin'];
const ROOT_FILES = /^(package\.json|tsconfig.*\.json|vite\.config\.ts|vitest\.config\.ts|eslint\.config\.js)$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return e.isFile() ? [p] : [];
  });
}

/** The places in a text that name the sibling folder. */
export function namesSibling(text: string): string[] {
  const hits = NEEDLES.filter((n) => text.includes(n));
  const m = JOINED.exec(text);
  return m ? [...hits, m[0]] : hits;
}

const files = [...FOLDERS.flatMap((f) => walk(join(root, f))), ...readdirSync(root).filter((n) => ROOT_FILES.test(n)).map((n) => join(root, n))];

describe('self-contained', () => {
  it('the detector finds the folder named with a slash, a backslash, path.join or its absolute path', () => {
    expect(namesSibling(`readFileSync('${NEEDLES[0]}/x.xsd')`)).toHaveLength(1);
    expect(namesSibling(`const p = "${NEEDLES[1]}\\x";`)).toHaveLength(1);
    expect(namesSibling(`resolve('..', '${SIBLING}', 'office-manifest-xsd')`)).toHaveLength(1);
    expect(namesSibling(`read("${NEEDLES[2]}standard/indicators-2022.md")`)).toHaveLength(1);
    expect(namesSibling(`resolve('..', 'examples'); const ${SIBLING}Formula = 1;`)).toEqual([]);
  });

  it('no source, test, script, benchmark, CI or config file names the sibling folder', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((f) => basename(f))).toContain('package.json');
    const offenders: string[] = [];
    for (const f of files) {
      if (statSync(f).size > 2_000_000) continue;
      const text = readFileSync(f, 'utf8');
      if (text.includes('\u0000')) continue; // binary fixtures
      for (const hit of namesSibling(text)) offenders.push(`${relative(root, f)}: ${hit}`);
    }
    expect(offenders).toEqual([]);
  });
});
