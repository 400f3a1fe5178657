/**
 * Excel's side of the pane's actions, as one module the host layer (host.ts) imports on first use: one lazy entry
 * keeps the bundler from splitting the shared core differently for each part (as src/wps/pane.ts does for WPS).
 */
export { readTemplateStamp } from '../office/stamp.js';
export { checkWorkbook, clearFlags, insertTemplate, selectCell, writeSummary } from '../office/workbook.js';
