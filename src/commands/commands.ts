/**
 * Ribbon command "直接检查" (check without opening the pane): reviews the workbook and flags cells in place,
 * then reports its result, success or failure (src/office/notify.ts picks the best way this Excel offers).
 * It checks with the rulebook the pane would use (the deployment's, src/common/deployment.ts) and says which.
 * office.js is loaded like the pane's (self-hosted by default, never blocking).
 */
import type { Lang } from '../core/index.js';
import { t } from '../core/text/index.js';
import { onCommandsReady, runCommand } from '../office/host.js';
import { notifyCommandResult } from '../office/notify.js';
import { checkWorkbook } from '../office/workbook.js';
import { noRulebookText, rulebookInForce } from '../common/deployment.js';
import { langFromDisplay } from '../common/lang.js';
import { loadOfficeJs } from '../office/loader.js';
import { errorNotice, readOnlyText } from '../common/notice.js';
import { checkedText, outcomeQuery, saveOutcome, type CommandOutcome } from '../common/outcome.js';

async function runCheck(): Promise<CommandOutcome> {
  let lang: Lang = langFromDisplay(navigator.language);
  const at = new Date().toISOString();
  try {
    const inForce = await rulebookInForce();
    // Without a rulebook nothing is checked; the run still gives Excel's display language for the words.
    const r = await runCommand(async (ctx, { caps, displayLanguage }) => {
      lang = langFromDisplay(displayLanguage);
      return inForce.ok ? checkWorkbook({ ctx, rb: inForce.rb, lang, caps }) : null;
    });
    if (!inForce.ok || !r) return { at, ok: false, lang, title: t('pane.command.failed', lang), text: noRulebookText(inForce.ok ? [] : inForce.refusals, lang) };
    if (r.readOnly) return { at, ok: false, lang, title: t('pane.command.failed', lang), text: r.readOnly.reason === 'sheet-protected' ? t('error.office.sheet-protected', lang, { sheet: r.readOnly.sheet }) : readOnlyText(r.readOnly, lang) };
    return { at, ok: true, lang, title: t('pane.command.title', lang), text: checkedText(r, inForce.rb, lang) };
  } catch (e) {
    return { at, ok: false, lang, title: t('pane.command.failed', lang), text: errorNotice(e, lang).text };
  }
}

if ((await loadOfficeJs()) === 'loaded')
  onCommandsReady('runCheck', async (event) => {
    try {
      const outcome = await runCheck();
      saveOutcome(outcome);
      await notifyCommandResult(new URL(`result.html?${outcomeQuery(outcome)}`, location.href).href);
    } finally {
      event.completed();
    }
  });
