/**
 * The WPS 加载项 as WPS really loads it offline: the add-in folder copied into a jsaddons folder with its list entry
 * (publish.offline.xml as publish.xml), its pages opened over file:// in Chromium with default security (no flag that
 * relaxes file access: module scripts and fetch() are refused there, as in WPS), the strict fake WPS standing in for
 * window.Application. Every script error, console error and failed load of a page is recorded, so a page that
 * half-starts fails its test.
 */
import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { WpsState } from '../support/fake-wps.js';
import { tempDir } from '../support/files.js';

/**
 * Installs an add-in folder (dist/wps, or a kit's addin/wps) as the README says for offline machines: copied into
 * jsaddons as the folder the offline list entry names, that entry as jsaddons/publish.xml. Returns the folder.
 */
export function installOffline(wpsDir: string): string {
  const jsaddons = join(tempDir(), 'jsaddons');
  const entry = readFileSync(join(wpsDir, 'publish.offline.xml'), 'utf8');
  const name = /<jsplugin\b[^>]*\burl="([^"/\\]+)"/.exec(entry)?.[1];
  expect(name, 'publish.offline.xml names the folder').toMatch(/^cluster-review_\d+\.\d+\.\d+$/);
  const folder = join(jsaddons, name!);
  cpSync(wpsDir, folder, { recursive: true });
  copyFileSync(join(wpsDir, 'publish.offline.xml'), join(jsaddons, 'publish.xml'));
  expect(basename(folder)).toBe(name);
  return folder;
}

/** A page of an installed folder, as WPS opens it: a file:// URL. */
export const fileUrl = (folder: string, page: string): string => pathToFileURL(join(folder, ...page.split('/'))).href;

export interface WpsPage {
  page: Page;
  /** Script errors, console errors and failed loads, in order. */
  problems: string[];
}

/**
 * A page in Chromium with the fake WPS (host: the bundled test/browser/fake-wps-host.ts) holding a copy of `state`.
 * `beforePage` scripts run once the fake is in place and before the page's own scripts (e.g. taking away what an
 * older Chromium lacks: the fake stands for WPS's own code, which is not JavaScript, so it is set up first).
 */
export async function wpsPage(browser: Browser, host: string, state: WpsState, opts: { context?: BrowserContextOptions; beforePage?: string[] } = {}): Promise<WpsPage> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 }, ...opts.context });
  const page = await context.newPage();
  // The context goes with its page. At a suite's end the browser may close first: the context is then gone
  // already, and its close() rejects — not a failure of any test (left unhandled, it failed a whole run).
  page.on('close', () => void context.close().catch(() => undefined));
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.addInitScript((st) => ((window as unknown as { __CLUSTER_REVIEW_WPS__: unknown }).__CLUSTER_REVIEW_WPS__ = st), structuredClone(state));
  await page.addInitScript({ content: host });
  for (const content of opts.beforePage ?? []) await page.addInitScript({ content });
  return { page, problems };
}

/** What the fake WPS on the page holds now. */
export const wpsState = (page: Page): Promise<WpsState> => page.evaluate(() => (window as unknown as { __fakeWps: { state: WpsState } }).__fakeWps.state);

/** The fake host's record of the add-in root's calls (panes created, dialogs shown). */
export interface WpsHostLog {
  panes: Array<{ url: string; Visible: boolean }>;
  dialogs: Array<{ url: string; title?: string }>;
}
export const wpsHostLog = (page: Page): Promise<WpsHostLog> => page.evaluate(() => (window as unknown as { __wpsHost: WpsHostLog }).__wpsHost);

/** Presses a ribbon button as WPS does: through window.ribbon, set by the entry page's scripts. */
export async function pressRibbon(page: Page, id: 'crOpenPane' | 'crRunCheck'): Promise<void> {
  await page.waitForFunction(() => typeof (window as unknown as { ribbon?: { OnAction?: unknown } }).ribbon?.OnAction === 'function', undefined, { timeout: 15_000 });
  await page.evaluate((control) => (window as unknown as { ribbon: { OnAction(c: { Id: string }): boolean } }).ribbon.OnAction({ Id: control }), id);
}

/**
 * Takes away, before any script of the page runs (beforePage), the standard-library functions Chromium added after the WPS
 * build's target (Chromium 67), so the page runs with only what that Chromium had of them: the add-in's polyfills
 * must stand in for each one its code or its libraries use. DOM methods newer than the target are taken away too:
 * no polyfill brings those, so the add-in must not use them.
 */
export const OLDER_CHROMIUM = `(() => {
  const drop = (o, names) => { for (const n of names) { try { delete o[n]; } catch (e) { /* not configurable: left */ } } };
  drop(Array.prototype, ['flat', 'flatMap', 'at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with']);
  drop(String.prototype, ['replaceAll', 'matchAll', 'trimStart', 'trimEnd', 'at', 'isWellFormed', 'toWellFormed']);
  drop(Object, ['fromEntries', 'hasOwn', 'groupBy']);
  drop(Promise, ['allSettled', 'any', 'withResolvers']);
  drop(Map, ['groupBy']);
  drop(Symbol.prototype, ['description']);
  drop(window, ['globalThis', 'queueMicrotask', 'structuredClone', 'WeakRef', 'FinalizationRegistry', 'AggregateError']);
  drop(Element.prototype, ['replaceChildren', 'toggleAttribute']);
  drop(Document.prototype, ['replaceChildren']);
  drop(DocumentFragment.prototype, ['replaceChildren']);
})();`;
