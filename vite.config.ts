/**
 * Builds the add-in's pages (task pane, ribbon commands, the command's result dialog, the help page) to static
 * files in dist/ that any HTTPS server can host. `npm run dev-server` serves them on https://localhost:3000 with
 * the Office development certificate.
 *
 * office.js, `npm run build -- --office-js bundled|cdn` (scripts/build.ts; `cluster-review kit --office-js` too):
 * - `bundled` (default): the add-in serves its own copy (dist/office-js/, from the @microsoft/office-js package), so
 *   a pane on an intranet that cannot reach Microsoft's CDN still starts. The copy is frozen at the package's
 *   version (1.1.110, no notes), older than the Excel it runs in: the adapter uses an API only where the host
 *   reports it AND this copy defines it (src/office/capabilities.ts), so notes become threads there.
 * - `cdn`: the pages load office.js from appsforoffice.microsoft.com, Microsoft's supported way, always current
 *   (what a Marketplace listing requires; the machines must reach Microsoft).
 * The choice reaches this config as OFFICE_JS (also settable directly, as before: OFFICE_JS=cdn npm run build).
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, posix, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { buildWpsAddin, WPS_DIR } from './src/wps/build.js';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the self-hosted copy goes inside dist/ (and where the dev server serves it). */
export const OFFICE_JS_DIR = 'office-js';
const OFFICE_JS_PACKAGE = resolve(import.meta.dirname, 'node_modules', '@microsoft', 'office-js', 'dist');

/**
 * The files of the package's dist/ tree that office.js can load for this add-in. office.js loads, relative to
 * itself, the host file for the running Excel (excel-win32-16.01.js, excel-web-16.00.js, …), the
 * o15apptofilemappingtable.js helper, telemetry and error pages, and <locale>/office_strings.js. It never loads
 * the *.debug.js variants (only office.debug.js does), the IntelliSense files, nor other hosts' files (Word,
 * Outlook, PowerPoint, OneNote, Project, Access): those are left out, halving the copy (≈ 13 MB, not 86 MB).
 */
export function officeJsFileNeeded(rel: string): boolean {
  const p = rel.split(sep).join('/');
  if (/\.debug\.js$|vsdoc|\.d\.ts$/.test(p)) return false;
  if (/^(word|outlook|powerpoint|onenote|project|access)[^/]*$/.test(p)) return false;
  if (/\/outlook_strings\.js$/.test(p)) return false;
  return true;
}

export type OfficeJsSource = 'bundled' | 'cdn';

/** The office.js choice from OFFICE_JS ("self", the earlier name of "bundled", still accepted). */
export function officeJsSource(value: string | undefined = process.env.OFFICE_JS): OfficeJsSource {
  if (value === undefined || value === '' || value === 'bundled' || value === 'self') return 'bundled';
  if (value === 'cdn') return 'cdn';
  throw new Error(`office.js must be "bundled" (default) or "cdn", not "${value}"`);
}

/** Loads office.js without blocking the page: a preload hint the pane's loader picks up (src/office/loader.ts). */
function officeJs(source: OfficeJsSource): Plugin {
  let outDir = '';
  return {
    name: 'cluster-review-office-js',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (ctx.path.startsWith('/help/')) return [];
        // Pages live one folder deep (taskpane/, commands/); the link is relative so any base path works.
        const href = source === 'cdn' ? OFFICE_JS_CDN : posix.relative(posix.dirname(ctx.path), `/${OFFICE_JS_DIR}/office.js`);
        return [{ tag: 'link', attrs: { rel: 'preload', as: 'script', href, 'data-office-js': source }, injectTo: 'head-prepend' }];
      },
    },
    configureServer(server) {
      if (source === 'cdn') return;
      server.middlewares.use(`/${OFFICE_JS_DIR}/`, (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '');
        const file = resolve(OFFICE_JS_PACKAGE, rel);
        if (!file.startsWith(OFFICE_JS_PACKAGE + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('content-type', extname(file) === '.js' ? 'text/javascript' : extname(file) === '.css' ? 'text/css' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      if (source === 'cdn') return;
      if (!existsSync(join(OFFICE_JS_PACKAGE, 'office.js')))
        throw new Error(`${OFFICE_JS_PACKAGE}/office.js is missing: run npm install (package @microsoft/office-js), or build with --office-js cdn`);
      cpSync(OFFICE_JS_PACKAGE, join(outDir, OFFICE_JS_DIR), { recursive: true, filter: (src) => src === OFFICE_JS_PACKAGE || officeJsFileNeeded(relative(OFFICE_JS_PACKAGE, src)) });
    },
  };
}

/**
 * dist/wps/, the WPS 加载项 beside the Office build: built after it from the same sources by src/wps/build.ts, as
 * classic scripts for the older Chromium inside WPS (offline, WPS loads it over file://, where module scripts are
 * refused), with its publish.xml for an intranet server (WPS_BASE_URL, default ADDIN_BASE_URL + /wps).
 */
function wpsAddin(): Plugin {
  let outDir = '';
  return {
    name: 'cluster-review-wps-addin',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    async closeBundle() {
      const base = process.env.WPS_BASE_URL ?? (process.env.ADDIN_BASE_URL ? `${process.env.ADDIN_BASE_URL.replace(/\/+$/, '')}/${WPS_DIR}` : undefined);
      await buildWpsAddin({ root: import.meta.dirname, outDir, baseUrl: base });
    },
  };
}

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  let https: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer } | undefined;
  if (command === 'serve' && mode !== 'test') {
    // Installs (once, with the user's consent) and returns the localhost certificate Office trusts.
    const devCerts = await import('office-addin-dev-certs');
    https = await devCerts.getHttpsServerOptions();
  }
  const source = officeJsSource();
  return {
    root: resolve(import.meta.dirname, 'src'),
    base: './',
    publicDir: resolve(import.meta.dirname, 'assets'),
    plugins: [react(), officeJs(source), wpsAddin()],
    build: {
      outDir: resolve(import.meta.dirname, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Fluent UI is most of the pane; its size is measured by npm run bench (goal ≤ 250 KB gzipped).
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        input: {
          taskpane: resolve(import.meta.dirname, 'src/taskpane/taskpane.html'),
          commands: resolve(import.meta.dirname, 'src/commands/commands.html'),
          result: resolve(import.meta.dirname, 'src/commands/result.html'),
          help: resolve(import.meta.dirname, 'src/help/index.html'),
        },
      },
    },
    server: { port: 3000, strictPort: true, https },
  };
});
