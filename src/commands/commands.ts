/**
 * Ribbon command "直接检查" (check without opening the pane): reviews the workbook and flags cells in place.
 * A command has no UI of its own, so the result is in the cells and their notes; the pane shows the rest.
 */
import { nationalRulebook } from '../core/index.js';
import { detectCapabilities } from '../office/capabilities.js';
import type { XContext } from '../office/surface.js';
import { checkWorkbook } from '../office/workbook.js';
import { langFromDisplay } from '../taskpane/strings.js';

async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const caps = detectCapabilities((name, v) => Office.context.requirements.isSetSupported(name, v));
    const lang = langFromDisplay(Office.context.displayLanguage);
    await Excel.run((ctx) => checkWorkbook({ ctx: ctx as unknown as XContext, rb: nationalRulebook(), lang, caps }));
  } catch {
    // Without a pane there is nowhere to explain a failure; the pane's check says what went wrong in words.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('runCheck', runCheck);
});
