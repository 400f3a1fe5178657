/**
 * `npm run build [-- --office-js bundled|cdn]`: the add-in's static files in dist/ (vite build, vite.config.ts), then
 * dist/manifest.xml for ADDIN_BASE_URL (scripts/build-manifest.ts).
 *
 * --office-js bundled (default): dist/office-js/ holds a copy of office.js and the pages load it — the pane starts
 *   on an intranet with no route to Microsoft. The copy is @microsoft/office-js as pinned in package.json (1.1.110,
 *   the last on npm), older than the Excel it runs in: it has no notes (ExcelApi 1.18), so explanations go into
 *   comment threads there, and a newer API is used only where the copy defines it.
 * --office-js cdn: the pages load https://appsforoffice.microsoft.com/lib/1/hosted/office.js, Microsoft's supported
 *   and always current office.js; no copy is made, and the reviewers' machines must reach Microsoft.
 * OFFICE_JS=cdn|bundled in the environment does the same when the option is not given.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { officeJsSource } from '../vite.config.js';
import { writeProductionManifest } from './build-manifest.js';

try {
  const { values } = parseArgs({ options: { 'office-js': { type: 'string' } }, strict: true });
  // Validated before the build starts; the config reads the choice from OFFICE_JS.
  process.env.OFFICE_JS = officeJsSource(values['office-js'] ?? process.env.OFFICE_JS);
  await build({ configFile: resolve(import.meta.dirname, '..', 'vite.config.ts'), mode: 'production' });
  console.log(`office.js: ${process.env.OFFICE_JS === 'cdn' ? 'from Microsoft’s CDN' : 'bundled copy in dist/office-js/'}`);
  writeProductionManifest();
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exitCode = 2;
}
