/**
 * Imports run one way, down the layers of docs/ARCHITECTURE.md, and no files import each other: the rule
 * (test/support/layers.ts) holds for src/ as it is, and fails on each kind of violation planted into a copy of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLayers, KNOWN_UPWARD, LAYERS, readSources } from './support/layers.js';

const src = readSources('.');
const planted = (files: Record<string, string>, base: ReadonlyMap<string, string> = src) => checkLayers(new Map([...base, ...Object.entries(files)]));

describe('layers', () => {
  it('src/ imports only down the layers, with no circles (known upward imports listed, each to be moved)', () => {
    expect(checkLayers(src)).toEqual({ upward: [], unplaced: [], circles: [], stale: [] });
  });

  it.each([
    ['src/core/report/planted.ts', "import { tally } from '../committee/tally.js';", 'src/core/committee/tally.ts'],
    ['src/core/rulebook/planted.ts', "import type { Report } from '../report/json.js';", 'src/core/report/json.ts'],
    ['src/core/checks/planted.ts', "import { checkWorkbook } from '../../office/workbook.js';", 'src/office/workbook.ts'],
    ['src/xlsx/planted.ts', "import { main } from '../cli/main.js';", 'src/cli/main.ts'],
    ['src/wps/planted.ts', "import { OfficeError } from '../office/workbook.js';", 'src/office/workbook.ts'],
    ['src/office/planted.ts', "export { wpsApplication } from '../wps/host.js';", 'src/wps/host.ts'],
    ['src/common/planted.ts', "const m = () => import('../taskpane/host.js');\nexport { m };", 'src/taskpane/host.ts'],
    ['src/commands/planted.ts', "import { useReview } from '../taskpane/useReview.js';", 'src/taskpane/useReview.ts'],
    ['src/taskpane/planted.ts', "import { main } from '../cli/main.js';", 'src/cli/main.ts'],
  ])('a planted %s importing up (%s) fails', (file, code, to) => {
    const v = planted({ [file]: `${code}\n` });
    expect(v.upward).toEqual([`${file} -> ${to}`]);
  });

  it('a new file in a known folder may import down', () => {
    expect(planted({ 'src/taskpane/planted.ts': "import { t } from '../core/text/index.js';\nimport { literal } from '../common/cells.js';\n" }).upward).toEqual([]);
  });

  it('a planted pair of files importing each other fails, types included', () => {
    const v = planted({
      'src/core/workflow/planted-a.ts': "import type { B } from './planted-b.js';\nexport type A = { b?: B };\n",
      'src/core/workflow/planted-b.ts': "import type { A } from './planted-a.js';\nexport type B = { a?: A };\n",
    });
    expect(v.circles).toEqual([['src/core/workflow/planted-a.ts', 'src/core/workflow/planted-b.ts']]);
  });

  it('a circle through three files fails too', () => {
    const v = planted({
      'src/xlsx/planted-a.ts': "import './planted-b.js';\n",
      'src/xlsx/planted-b.ts': "import './planted-c.js';\n",
      'src/xlsx/planted-c.ts': "export * from './planted-a.js';\n",
    });
    expect(v.circles).toEqual([['src/xlsx/planted-a.ts', 'src/xlsx/planted-b.ts', 'src/xlsx/planted-c.ts']]);
  });

  it('a folder the table does not place fails (add it to the table and to docs/ARCHITECTURE.md)', () => {
    expect(planted({ 'src/extra/planted.ts': 'export const x = 1;\n' }).unplaced).toEqual(['src/extra/planted.ts']);
  });

  it('a known upward import is let through while it exists, and must leave the list once moved (it only shrinks)', () => {
    const known = [{ from: 'src/core/report/planted.ts', to: 'src/core/committee/tally.ts', why: 'planted' }];
    const upward = { 'src/core/report/planted.ts': "import { tally } from '../committee/tally.js';\nexport { tally };\n" };
    expect(checkLayers(new Map([...src, ...Object.entries(upward)]), known)).toMatchObject({ upward: [], stale: [] });
    expect(checkLayers(new Map([...src, ['src/core/report/planted.ts', 'export const moved = 1;\n']]), known).stale).toEqual(['src/core/report/planted.ts -> src/core/committee/tally.ts']);
  });

  it('no upward import is left to move (issue 23: the list is empty)', () => {
    expect(KNOWN_UPWARD).toEqual([]);
  });

  it('docs/ARCHITECTURE.md gives each folder above the core the imports the rule allows', () => {
    const doc = readFileSync('docs/ARCHITECTURE.md', 'utf8');
    const section = doc.slice(doc.indexOf('\n## Layers'), doc.indexOf('\n## ', doc.indexOf('\n## Layers') + 1));
    const rows = new Map([...section.matchAll(/^\| `(src\/[^`]+)` \| [^|]* \| ([^|]*) \|$/gm)].map((m) => [m[1]!, [...m[2]!.matchAll(/`(src\/[^`]+)`/g)].map((x) => x[1]!).sort()]));
    const above = LAYERS.filter((l) => !l.unit.startsWith('src/core/'));
    for (const l of above) expect([l.unit, rows.get(l.unit)]).toEqual([l.unit, [...l.may].sort()]);
  });
});
