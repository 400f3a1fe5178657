/**
 * Builds the WPS 加载项's folder, dist/wps/ (run by vite.config.ts after the Office pages; Node only, never in a
 * page). WPS loads it from an intranet server (publish.xml) or, offline, from its jsaddons folder over file://,
 * where Chromium refuses module scripts and fetch(). So, unlike the Office build, every page here is classic
 * scripts in order — rulebooks/rulebooks.js (the deployment's rulebooks, embedded), boot.js (is this browser new
 * enough?), then the page's one bundle — with no module, no dynamic import and no top-level await, and the
 * JavaScript is lowered to the Chromium inside the WPS builds still in use:
 *
 * - WPS 2023 and later (12.x, to 12.9 in 2025, the 12.8.2 professional edition among them) carry Chromium 104 (their
 *   user agent: "Chrome/104.0.5112.102 … WpsOfficeApp/12.x");
 * - WPS 2019 (11.x: 11.1 on Windows, 11.8.2 on UOS and Kylin), still on many government machines, carries an older
 *   CEF whose version WPS does not document.
 *
 * The target is therefore the oldest Chromium the pane's libraries can run in at all: Chromium 67, the first with
 * BigInt, which zod uses as it loads — nothing can stand in for it. Syntax is lowered to Chromium 67 (ES2019) by
 * esbuild; newer standard functions come from core-js and WeakRef (Chromium 84, Fluent UI's focus handling) from a
 * stand-in (./polyfills.ts). A browser older than that gets boot.js's message, in both languages, not a pane that
 * never starts.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { t } from '../core/text/index.js';
import { withOnlineUrl } from '../common/publish.js';
import { EMBEDDED_RULEBOOKS_FILE, rulebooksScript } from '../common/rulebooks-script.js';
import { UNSUPPORTED_GLOBAL } from './unsupported.js';

/** The add-in's folder inside dist/. */
export const WPS_DIR = 'wps';
/** The add-in's name in publish.xml and the offline folder's name (cluster-review_<version>). */
export const WPS_ADDIN_NAME = 'cluster-review';
/** The oldest Chromium the WPS build runs in (see above), and the JavaScript it is written in for it. */
export const WPS_MIN_CHROMIUM = 67;

/** One bundle of the folder: its entry in src/ and where it goes (a content hash fills [hash]). */
const BUNDLES = [
  { entry: 'src/wps/main.ts', out: 'main.js' },
  { entry: 'src/wps/pane-page.tsx', out: 'assets/wps-pane-[hash].js' },
  { entry: 'src/wps/result-page.ts', out: 'assets/wps-result-[hash].js' },
] as const;

/** Bundles one entry as a classic script for the target; returns the file written, relative to the folder. */
async function bundle(root: string, wps: string, entry: string, out: string, options: BuildOptions = {}): Promise<string> {
  const r = await build({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    // One self-contained classic script: dynamic import() is bundled in place, nothing is loaded later.
    format: 'iife',
    target: [`chrome${WPS_MIN_CHROMIUM}`],
    platform: 'browser',
    minify: true,
    charset: 'utf8',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
    ...options,
  });
  const code = r.outputFiles![0]!.contents;
  const file = out.replace('[hash]', createHash('sha256').update(code).digest('hex').slice(0, 8));
  mkdirSync(dirname(join(wps, file)), { recursive: true });
  writeFileSync(join(wps, file), code);
  return file;
}

/** boot.js: ES5, with the message's words from the text system and the target. */
function bootOptions(): BuildOptions {
  const found = { min: String(WPS_MIN_CHROMIUM), found: '{found}' };
  const words = { zhTitle: t('pane.wps.too-old-title', 'zh-CN'), zhBody: t('pane.wps.too-old-body', 'zh-CN', found), enTitle: t('pane.wps.too-old-title', 'en-US'), enBody: t('pane.wps.too-old-body', 'en-US', found) };
  return { target: ['es5'], define: { __MIN_CHROMIUM__: String(WPS_MIN_CHROMIUM), __UNSUPPORTED_GLOBAL__: JSON.stringify(UNSUPPORTED_GLOBAL), __TOO_OLD__: JSON.stringify(words) } };
}

/**
 * A page of the source (an Office page or src/wps/index.html) as a WPS page: its module script and comments (which
 * speak of office.js and modules) taken out, these classic scripts put at the end of the body, in order.
 */
export function classicPage(html: string, scripts: readonly string[], comment: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/\s*<script\b[^>]*\btype="module"[^>]*><\/script>/g, '')
    .replace(/<link\b[^>]*\bdata-office-js\b[^>]*>\s*/g, '');
  const tags = scripts.map((s) => `    <script src="${s}"></script>\n`).join('');
  return body.replace('<body>', `<body>\n    <!-- ${comment} -->`).replace(/\s*<\/body>/, `\n${tags}  </body>`);
}

export interface WpsBuild {
  /** The repository root (src/, package.json). */
  root: string;
  /** The Office build's output: its help page and icons are copied; dist/wps/ is written inside it. */
  outDir: string;
  /** The intranet address the online list entry (publish.xml) names; a placeholder without one. */
  baseUrl?: string;
}

/** Writes outDir/wps/: the pages, their scripts, the empty rulebooks, the ribbon, the help page, the list entries. */
export async function buildWpsAddin(o: WpsBuild): Promise<void> {
  const wps = join(o.outDir, WPS_DIR);
  rmSync(wps, { recursive: true, force: true });
  mkdirSync(wps, { recursive: true });
  const [main, pane, result, boot] = await Promise.all([...BUNDLES.map((b) => bundle(o.root, wps, b.entry, b.out)), bundle(o.root, wps, 'src/wps/boot.ts', 'boot.js', bootOptions())]);

  // The plain build's rulebooks: none (the built-in national edition); a kit writes its own (src/xlsx/kit.ts).
  mkdirSync(join(wps, dirname(EMBEDDED_RULEBOOKS_FILE)), { recursive: true });
  writeFileSync(join(wps, EMBEDDED_RULEBOOKS_FILE), rulebooksScript({}));

  const source = (path: string) => readFileSync(join(o.root, path), 'utf8');
  // The entry WPS opens (hidden) at its start; WPS then calls the ribbon through window.ribbon.
  writeFileSync(join(wps, 'index.html'), classicPage(source('src/wps/index.html'), [`./${EMBEDDED_RULEBOOKS_FILE}`, `./${boot}`, `./${main}`], 'The WPS 加载项’s entry page: WPS loads it (hidden) when it starts and calls the ribbon (ribbon.xml) through window.ribbon, which main.js sets.'));
  const connecting = `${t('pane.connecting-wps', 'zh-CN')} ${t('pane.connecting-wps', 'en-US')}`;
  const paneHtml = classicPage(source('src/taskpane/taskpane.html'), [`../${EMBEDDED_RULEBOOKS_FILE}`, `../${boot}`, `../${pane}`], 'The task pane in WPS: classic scripts, loaded over file:// offline.').replace(/(<p id="boot">)[^<]*(<\/p>)/, `$1${connecting}$2`);
  if (!paneHtml.includes(connecting)) throw new Error('src/taskpane/taskpane.html: no <p id="boot"> to say WPS in');
  mkdirSync(join(wps, 'taskpane'), { recursive: true });
  writeFileSync(join(wps, 'taskpane', 'taskpane.html'), paneHtml);
  mkdirSync(join(wps, 'commands'), { recursive: true });
  writeFileSync(join(wps, 'commands', 'result.html'), classicPage(source('src/commands/result.html'), [`../${boot}`, `../${result}`], 'The result of 直接检查 in WPS.'));

  if (existsSync(join(o.outDir, 'help'))) cpSync(join(o.outDir, 'help'), join(wps, 'help'), { recursive: true });
  for (const f of readdirSync(o.outDir)) if (/^icon-\d+\.png$/.test(f)) cpSync(join(o.outDir, f), join(wps, f));
  cpSync(join(o.root, 'src', 'wps', 'ribbon.xml'), join(wps, 'ribbon.xml'));

  const version = (JSON.parse(source('package.json')) as { version: string }).version;
  writeFileSync(join(wps, 'publish.xml'), withOnlineUrl(source('src/wps/publish.xml'), (o.baseUrl ?? '__WPS_BASE_URL__').replace(/\/+$/, '')));
  writeFileSync(
    join(wps, 'publish.offline.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Offline installation: this file as publish.xml in the jsaddons folder (Windows: %APPDATA%\\kingsoft\\wps\\jsaddons\\; UOS, Kylin and other Linux: ~/.local/share/Kingsoft/wps/jsaddons/), beside the folder ${WPS_ADDIN_NAME}_${version} (a copy of this one); then restart WPS. -->\n<jsplugins>\n  <jsplugin name="${WPS_ADDIN_NAME}" type="et" url="${WPS_ADDIN_NAME}_${version}" version="${version}" enable="enable_dev" install="null" />\n</jsplugins>\n`,
  );
}
