/**
 * Builds the task pane, serves it on 127.0.0.1, and opens it in Debian's Chromium (playwright-core) with the
 * fake Excel host standing in for office.js. Used by the browser test and by `npm run bench`.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import { META_SHEET, readMetaRecord, type SummaryLayout } from '../../src/core/index.js';
import type { FakeState } from '../support/fake-excel.js';
import { fakeFromExcelJS, metaRows } from '../support/fake-from-xlsx.js';
import { load, tempDir, writeExample } from '../support/files.js';
import type { Fixture } from './fake-host.js';

export type { Fixture };

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/';
/** The pages' office.js: the self-hosted copy (dist/office-js/office.js) or Microsoft's CDN. */
const isOfficeJs = (u: string) => u.startsWith(OFFICE_CDN) || /\/office-js\/office\.js(\?|$)/.test(u);

/** How office.js answers: the fake host (default), a refused request, or a request that never ends. */
export type OfficeJsMode = 'fake' | 'abort' | 'hang' | 'real';

export async function buildPane(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'cluster-review-dist-'));
  await build({ configFile: resolve('vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Everything the pane's build reads, hashed: the sources, the build's configuration and lockfile, the environment it reads. */
function paneInputs(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(`${p}\0`).update(readFileSync(p));
    }
  };
  walk('src');
  for (const f of ['vite.config.ts', 'package-lock.json', 'tsconfig.json', 'manifest.xml']) h.update(`${f}\0`).update(readFileSync(f));
  for (const v of ['NODE_ENV', 'OFFICE_JS', 'WPS_BASE_URL', 'ADDIN_BASE_URL']) h.update(`${v}=${process.env[v] ?? ''}\0`);
  return h.digest('hex').slice(0, 16);
}

const PANE_CACHE = resolve('node_modules/.cache/cluster-review');

/**
 * The pane built once and shared by every browser suite of a run (each suite file built its own before: seven
 * production builds, the largest single cost of the browser suites on two cores). Keyed by paneInputs(), so any
 * change to what the build reads builds afresh; the suites only read the folder. Suites run in parallel workers:
 * the first to take the lock builds, the others wait for its mark (a lock left by a killed run is taken over).
 */
export async function sharedPane(): Promise<string> {
  const key = paneInputs();
  const dir = join(PANE_CACHE, `pane-${key}`);
  const done = join(dir, '.built');
  const lock = `${dir}.lock`;
  mkdirSync(PANE_CACHE, { recursive: true });
  for (;;) {
    if (existsSync(done)) return dir;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building: wait for the mark; a lock older than the build's timeout is a killed build's.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
  try {
    if (existsSync(done)) return dir;
    const out = await buildPane();
    rmSync(dir, { recursive: true, force: true });
    renameSync(out, dir);
    writeFileSync(done, key);
    // Earlier builds of this working copy (other sources) are of no more use.
    for (const n of readdirSync(PANE_CACHE)) if (n.startsWith('pane-') && n !== `pane-${key}` && !n.endsWith('.lock') && !existsSync(join(PANE_CACHE, `${n}.lock`))) rmSync(join(PANE_CACHE, n), { recursive: true, force: true });
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The fake host bundled for the page: Excel's (standing in for office.js) by default, or another, e.g. fake-wps-host.ts. */
export async function fakeHostScript(entry = 'test/browser/fake-host.ts'): Promise<string> {
  const out = await esbuild({ entryPoints: [resolve(entry)], bundle: true, format: 'iife', write: false, target: 'es2022', platform: 'browser' });
  return out.outputFiles[0]!.text;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** A page with the fake host for office.js; every other request off this machine is refused and recorded. */
export async function openPane(
  browser: Browser,
  url: string,
  host: string,
  fixture: Fixture | null,
  viewport = { width: 360, height: 900 },
  opts: { officeJs?: OfficeJsMode; officeJsTimeoutMs?: number } = {},
): Promise<{ page: Page; external: string[]; officeJsRequests: string[] }> {
  const page = await browser.newPage({ viewport });
  const external: string[] = [];
  const officeJsRequests: string[] = [];
  const mode = opts.officeJs ?? (fixture ? 'fake' : 'abort');
  if (fixture) await page.addInitScript((f) => ((window as unknown as { __CLUSTER_REVIEW_FIXTURE__: unknown }).__CLUSTER_REVIEW_FIXTURE__ = f), fixture);
  if (opts.officeJsTimeoutMs)
    await page.addInitScript((ms) => ((window as unknown as { __CLUSTER_REVIEW_OFFICE_JS_TIMEOUT_MS__: number }).__CLUSTER_REVIEW_OFFICE_JS_TIMEOUT_MS__ = ms), opts.officeJsTimeoutMs);
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (isOfficeJs(u)) {
      officeJsRequests.push(u);
      if (mode === 'fake') return route.fulfill({ contentType: 'text/javascript', body: host });
      if (mode === 'hang') return; // never answered: the page's own timeout must end the wait
      if (mode === 'real' && u.startsWith(url)) return route.continue(); // the self-hosted copy, as built
      if (!u.startsWith(url)) external.push(u);
      return route.abort('connectionrefused');
    }
    if (u.startsWith(url)) return route.continue();
    external.push(u);
    return route.abort();
  });
  return { page, external, officeJsRequests };
}

/** A pane served and Chromium open on it: what every browser suite starts with. */
export interface PaneServer {
  browser: Browser;
  /** The served folder. */
  dist: string;
  url: string;
  /** The fake host's script, given to every page opened. */
  host: string;
  /** openPane on this browser, server and host. */
  open(fixture: Fixture | null, viewport?: { width: number; height: number }, opts?: Parameters<typeof openPane>[5]): ReturnType<typeof openPane>;
  close(): Promise<void>;
}

/**
 * Every browser suite's set-up: the pane built (or a folder given, e.g. a kit's add-in folder) and the fake host
 * bundled side by side, the folder served on 127.0.0.1, Chromium launched; test-artifacts/ exists for screenshots.
 */
export async function startPane(opts: { dir?: string; hostEntry?: string } = {}): Promise<PaneServer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const [dist, host] = await Promise.all([opts.dir ?? sharedPane(), fakeHostScript(opts.hostEntry)]);
  const { server, url } = await serve(dist);
  let browser: Browser;
  try {
    browser = await launch();
  } catch (e) {
    server.close(); // the suite's afterAll has nothing to close when the set-up fails halfway
    throw e;
  }
  return {
    browser,
    dist,
    url,
    host,
    open: (fixture, viewport, o) => openPane(browser, url, host, fixture, viewport, o),
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/**
 * startPane for a describe block: started before its tests, closed after them. The object is filled in by the hook,
 * so its fields are read inside tests only. `dir` may first make the folder to serve (e.g. a kit's add-in folder).
 */
export function paneSuite(opts: { dir?: () => Promise<string>; hostEntry?: string; timeoutMs?: number } = {}): PaneServer {
  const env = {} as PaneServer;
  beforeAll(async () => {
    Object.assign(env, await startPane({ dir: await opts.dir?.(), hostEntry: opts.hostEntry }));
  }, opts.timeoutMs ?? 120_000);
  afterAll(async () => {
    if ('close' in env) await env.close();
  });
  return env;
}

/** Where the browser suites leave their screenshots. */
export const ARTIFACTS = 'test-artifacts';
/** The narrowest task pane. */
export const NARROW = { width: 320, height: 800 };

/** A full-page screenshot at 320 px wide (the narrowest task pane) as taskpane-320-<name>.png, then the width the page had. */
export async function snap(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize(NARROW);
  await page.screenshot({ path: join(ARTIFACTS, `taskpane-320-${name}.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** After a password was used to flag the cells: its field is gone and the password is in no storage of the page. */
export async function expectPasswordForgotten(page: Page, password: string): Promise<void> {
  expect(await page.getByTestId('password').count()).toBe(0);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(password);
}

/** The fake Excel workbook as the page's fake host holds it now. */
export const fakeState = (page: Page): Promise<FakeState> => page.evaluate(() => (window as unknown as { __fake: { state: FakeState } }).__fake.state);

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is shown: the serious and critical violations as "state · rule: element" lines (empty
 * is good). The pointer is moved off what was last clicked and every transition and animation is finished first,
 * so colours are measured as they settle, not halfway through a hover or press transition.
 */
export async function axeViolations(page: Page, state = ''): Promise<string[]> {
  await page.mouse.move(0, 0);
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 160)}`));
  });
  return violations.map((v) => (state ? `${state} · ${v}` : v));
}

/**
 * An example application as the fake host's workbook state, made once before the suite's tests (writing and
 * reading the example takes seconds); each call gives a copy a test may change.
 */
export function exampleState(name: '01-passing' | '02-failing'): () => FakeState {
  let state: FakeState | undefined;
  beforeAll(async () => {
    state = fakeFromExcelJS(await load(await writeExample(tempDir(), name))).state;
  }, 120_000);
  return () => structuredClone(state!);
}

/** The summary's layout, as the record on the metadata sheet gives it. */
export function summaryLayoutOf(state: FakeState): SummaryLayout {
  return readMetaRecord(metaRows(state.sheets.find((s) => s.name === META_SHEET)!.cells)).meta!.review!.summary!;
}

/**
 * The pane's "office.js cannot load" message: it appears within `timeout` ms with its words in both languages
 * (`words`: zh-CN, en-US), and the page never says it is outside Excel (请在 Excel 中使用).
 */
export async function expectOfficeUnreachable(page: Page, words: [string, string], timeout: number): Promise<void> {
  const message = page.getByTestId('office-unreachable');
  await message.waitFor({ timeout });
  const text = await message.textContent();
  for (const w of words) expect(text).toContain(w);
  expect(await page.locator('body').textContent()).not.toContain('请在 Excel 中使用');
}
