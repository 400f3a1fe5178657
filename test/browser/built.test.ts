/**
 * The build: every file a built page or the production manifest references is in dist/ (office.js's own tree
 * included), and `--office-js cdn` (OFFICE_JS=cdn) points the pages at Microsoft's CDN instead of copying the tree.
 * The shipped office.js is read as Excel will load it: every Excel member the adapter uses (src/office/surface.ts) is
 * there, or behind a gate (src/office/capabilities.ts) that asks the host's requirement set AND the library.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzippedSize, INITIAL_GOAL, initialScripts, lazyScripts } from '../../bench/pane-size.js';
import { PRODUCTION_ID, productionManifest } from '../../scripts/build-manifest.js';
import { OFFICE_JS_CDN, officeJsFileNeeded } from '../../vite.config.js';
import { BUNDLED_OFFICE_JS_LACKS } from '../support/fake-excel.js';
import { excelHostFiles, readExcelLibrary, surfaceMembers, ungated } from '../support/office-library.js';
import { buildPane } from './harness.js';

const PAGES = ['taskpane/taskpane.html', 'commands/commands.html', 'commands/result.html', 'help/index.html'];

/** Every local URL a page references (script src, link href, img src), as a path inside dist/. */
function references(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  const urls = [...html.matchAll(/<(?:script|link|img)\b[^>]*?\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  return urls.filter((u) => !/^(https?:|#|data:)/.test(u)).map((u) => posix.normalize(posix.join(posix.dirname(page), u.split(/[?#]/)[0]!)));
}

describe('the built add-in', () => {
  let dist: string;
  beforeAll(async () => {
    // As `npm run build` builds it: under vitest NODE_ENV is "test", which would bundle React's development build.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      dist = await buildPane();
    } finally {
      process.env.NODE_ENV = env;
    }
  }, 120_000);

  it('every file a built page references is in dist/, office.js self-hosted', () => {
    for (const page of PAGES) expect(existsSync(join(dist, page)), page).toBe(true);
    const pane = references(dist, 'taskpane/taskpane.html');
    expect(pane).toContain('office-js/office.js');
    expect(references(dist, 'commands/commands.html')).toContain('office-js/office.js');
    for (const page of PAGES) for (const ref of references(dist, page)) expect(existsSync(join(dist, ref)), `${page} → ${ref}`).toBe(true);
    // Nothing in the pages reaches Microsoft's CDN in the default build.
    for (const page of PAGES) expect(readFileSync(join(dist, page), 'utf8')).not.toContain('appsforoffice.microsoft.com');
  });

  it('the pane downloads ≤ 250 KB of JavaScript gzipped at start; the review engine, the findings and scoring come after', () => {
    const initial = initialScripts(dist);
    expect(gzippedSize(initial)).toBeLessThanOrEqual(INITIAL_GOAL);
    // The parts loaded after the first paint are their own files, none of them in the first download.
    const lazy = lazyScripts(dist, initial);
    expect(lazy.map((l) => l.name)).toEqual(expect.arrayContaining(['office-adapter', 'FindingsList', 'ScoringPanel', 'pane']));
    // The review engine (reader, checks, plans, summary, the workbook record) comes with Excel's adapter, about
    // 55 KB: were it pulled into the first download (through the core's index, say), the adapter's own files
    // would be a few KB.
    expect(gzippedSize(lazy.find((l) => l.name === 'office-adapter')!.files)).toBeGreaterThan(30 * 1024);
  });

  it("office.js's own tree is there: host files, the mapping table, locale strings; no debug or other hosts' files", () => {
    const root = join(dist, 'office-js');
    for (const f of ['office.js', 'o15apptofilemappingtable.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js'])
      expect(existsSync(join(root, f)), f).toBe(true);
    const top = readdirSync(root);
    expect(top.filter((f) => f.endsWith('.debug.js'))).toEqual([]);
    expect(top.filter((f) => /^(word|outlook|powerpoint)/.test(f))).toEqual([]);
    expect(officeJsFileNeeded('excel-win32-16.01.js')).toBe(true);
    expect(officeJsFileNeeded('word-win32-16.01.js')).toBe(false);
    expect(officeJsFileNeeded('office.debug.js')).toBe(false);
  });

  it('every Excel member the adapter uses is in the shipped office.js, or used only behind a gate (host set AND library)', () => {
    const root = join(dist, 'office-js');
    // The host files office.js itself loads (its map: excel-<platform>-<version>.js), each shipped.
    const files = excelHostFiles(root);
    expect(files).toEqual(expect.arrayContaining(['excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js']));
    const members = surfaceMembers();
    expect(members.length).toBeGreaterThan(100);
    for (const file of files) {
      const lib = readExcelLibrary(join(root, file));
      // Read as a library, not as text: the classes are there, with their members.
      expect(lib.classes.get('Range')?.has('values'), file).toBe(true);
      expect(ungated(lib, members), file).toEqual([]);
      // What the fake's "bundled office.js" host lacks is what this copy lacks, no more, no less.
      const lacking = members.filter((m) => !lib.classes.get(m.cls)?.has(m.member)).map((m) => `${m.cls}.${m.member}`);
      const claimed = members.filter((m) => BUNDLED_OFFICE_JS_LACKS.includes(m.cls) || BUNDLED_OFFICE_JS_LACKS.includes(`${m.cls}.${m.member}`)).map((m) => `${m.cls}.${m.member}`);
      expect(lacking.sort(), file).toEqual(claimed.sort());
    }
  });

  it('a bundled build names no CDN anywhere but inside the office.js package it copies', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'office-js' && dir === dist ? [] : files(join(dir, e.name))) : [join(dir, e.name)]));
    const named = files(dist).filter((f) => /\.(html|js|css|xml|json)$/.test(f) && readFileSync(f, 'utf8').includes('appsforoffice.microsoft.com'));
    expect(named).toEqual([]);
  });

  it('`npm run build -- --office-js` takes bundled or cdn, and refuses anything else before building', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--office-js', 'local'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('office.js must be "bundled" (default) or "cdn", not "local"');
  });

  it('the production manifest: its own Id, origin-only AppDomain, SupportUrl the help page — every URL into the build exists', () => {
    const base = 'https://review.example.gov.cn/cluster-review';
    const xml = productionManifest(readFileSync('manifest.xml', 'utf8'), `${base}/`);
    expect(xml).toContain(`<Id>${PRODUCTION_ID}</Id>`);
    expect(xml).not.toContain('9af2037d-e5c4-4661-a47d-2f0431eb57df');
    expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://review.example.gov.cn']);
    expect(xml).toContain(`<SupportUrl DefaultValue="${base}/help/index.html"/>`);
    const urls = [...xml.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]!).filter((u) => u.startsWith(`${base}/`));
    expect(urls.length).toBeGreaterThan(6);
    for (const u of urls) expect(existsSync(join(dist, u.slice(base.length + 1).split(/[?#]/)[0]!)), u).toBe(true);
    // An explicit Id for a second deployment; never the development Id, never a non-GUID.
    expect(productionManifest(readFileSync('manifest.xml', 'utf8'), base, '11111111-2222-4333-8444-555555555555')).toContain('<Id>11111111-2222-4333-8444-555555555555</Id>');
    expect(() => productionManifest(readFileSync('manifest.xml', 'utf8'), base, '9af2037d-e5c4-4661-a47d-2f0431eb57df')).toThrow(/ADDIN_ID/);
    expect(() => productionManifest(readFileSync('manifest.xml', 'utf8'), base, 'not-a-guid')).toThrow(/ADDIN_ID/);
  });

  describe('--office-js cdn (OFFICE_JS=cdn)', () => {
    let cdn: string;
    beforeAll(async () => {
      process.env.OFFICE_JS = 'cdn';
      try {
        cdn = await buildPane();
      } finally {
        delete process.env.OFFICE_JS;
      }
    }, 120_000);
    afterAll(() => delete process.env.OFFICE_JS);

    it("points the pages at Microsoft's CDN and copies no tree", () => {
      expect(readFileSync(join(cdn, 'taskpane/taskpane.html'), 'utf8')).toContain(`href="${OFFICE_JS_CDN}"`);
      expect(existsSync(join(cdn, 'office-js'))).toBe(false);
      for (const page of PAGES) for (const ref of references(cdn, page)) expect(existsSync(join(cdn, ref)), `${page} → ${ref}`).toBe(true);
    });
  });
});
