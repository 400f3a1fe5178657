/**
 * Everything the pane calls in WPS, as one module the host layer (src/taskpane/host.ts) imports on first use: one
 * lazy entry for the whole WPS side keeps the bundler from splitting the shared core differently for each part,
 * which would make Excel's first download larger (measured by `npm run bench addin`).
 */
export { checkForPane } from './pane-check.js';
export { enterScore, readScoring } from './scoring.js';
export { readTemplateStamp } from './stamp.js';
export { clearFlags, insertTemplate, selectCell, writeSummary } from './workbook.js';
