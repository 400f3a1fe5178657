/**
 * Ribbon command "直接检查" (check without opening the pane): reviews the workbook and flags cells in place,
 * then reports its result, success or failure (src/office/notify.ts picks the best way this Excel offers).
 * office.js is loaded like the pane's (self-hosted by default, never blocking).
 */
import { nationalRulebook, type Lang } from '../core/index.js';
import { t } from '../core/text/index.js';
import { onCommandsReady, runCommand } from '../office/host.js';
import { notifyCommandResult } from '../office/notify.js';
import { checkWorkbook } from '../office/workbook.js';
import { langFromDisplay } from '../taskpane/lang.js';
import { loadOfficeJs } from '../taskpane/office-loader.js';
import { errorNotice, readOnlyText } from '../taskpane/useReview.js';
import { outcomeQuery, saveOutcome, type CommandOutcome } from './outcome.js';

async function runCheck(): Promise<CommandOutcome> {
  let lang: Lang = langFromDisplay(navigator.language);
  const at = new Date().toISOString();
  try {
    const r = await runCommand((ctx, { caps, displayLanguage }) => {
      lang = langFromDisplay(displayLanguage);
      return checkWorkbook({ ctx, rb: nationalRulebook(), lang, caps });
    });
    if (r.readOnly) return { at, ok: false, lang, title: t('pane.command.failed', lang), text: r.readOnly.reason === 'sheet-protected' ? t('error.office.sheet-protected', lang, { sheet: r.readOnly.sheet }) : readOnlyText(r.readOnly, lang) };
    const restored = r.restored ? ` ${t('pane.restored', lang, { n: r.restored })}` : '';
    return { at, ok: true, lang, title: t('pane.command.title', lang), text: t('pane.command.done', lang, { verdict: r.report.verdictText[lang], sheet: r.sheet, n: r.flagged }) + restored };
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
