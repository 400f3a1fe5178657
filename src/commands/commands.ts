/**
 * Ribbon command "直接检查" (check without opening the pane): reviews the workbook and flags cells in place.
 * A command has no UI of its own, so the result is in the cells and their notes; the pane shows the rest.
 */
import { nationalRulebook } from '../core/index.js';
import { onCommandsReady, runCommand } from '../office/host.js';
import { checkWorkbook } from '../office/workbook.js';
import { langFromDisplay } from '../taskpane/lang.js';

onCommandsReady('runCheck', async (event) => {
  try {
    await runCommand((ctx, { caps, displayLanguage }) => checkWorkbook({ ctx, rb: nationalRulebook(), lang: langFromDisplay(displayLanguage), caps }));
  } catch {
    // Without a pane there is nowhere to explain a failure; the pane's check says what went wrong in words.
  } finally {
    event.completed();
  }
});
