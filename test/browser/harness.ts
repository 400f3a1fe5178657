/**
 * Builds the task pane, serves it on 127.0.0.1, and opens it in Debian's Chromium (playwright-core) with the
 * fake Excel host standing in for office.js. Used by the browser test and by `npm run bench`.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { FakeState } from '../support/fake-excel.js';

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

export async function fakeHostScript(): Promise<string> {
  const out = await esbuild({ entryPoints: [resolve('test/browser/fake-host.ts')], bundle: true, format: 'iife', write: false, target: 'es2022', platform: 'browser' });
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

export interface Fixture {
  state: FakeState;
  displayLanguage: string;
  excelApi: string;
  host?: 'excel' | 'outside';
  /** Requirement sets other than ExcelApi, e.g. { DialogApi: '1.1' }. */
  sets?: Record<string, string>;
  /** One workbook shared with other pages through the test (see relay.ts). */
  relay?: boolean;
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
