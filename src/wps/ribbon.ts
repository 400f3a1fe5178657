/**
 * The ribbon of the WPS 加载项 (ribbon.xml beside index.html): the group 集群评审 with the same two buttons as in
 * Excel — 评审助手 opens (or hides) the task pane, 直接检查 checks without it and shows the result in a small
 * dialog (commands/result.html, as in Excel), kept on this machine for the pane too. 直接检查 checks with the
 * rulebook the pane would use (the deployment's: rulebooks/rulebooks.js beside this page) and says which. WPS calls
 * these through the global `ribbon` object the entry page sets (onLoad="ribbon.OnAddinLoad",
 * onAction="ribbon.OnAction"), as the toolkit's React template does.
 */
import type { Lang } from '../core/index.js';
import { t } from '../core/text/index.js';
import { checkedText, outcomeQuery, saveOutcome, type CommandOutcome } from '../common/outcome.js';
import { noRulebookText, rulebookInForce } from '../common/deployment.js';
import { langFromDisplay } from '../common/lang.js';
import { wpsApplication, wpsDisplayLanguage } from './host.js';
import { checkWorkbook } from './workbook.js';

const PANE_KEY = 'cluster-review:taskpane-id';

/** A page of the add-in by its path from the add-in's root (where index.html is). */
const pageUrl = (path: string) => new URL(path, location.href).href;

/** "直接检查": the same check as the pane's, its result in words (the pane's words for an error, loaded only then). */
async function runCheck(): Promise<CommandOutcome> {
  const lang: Lang = langFromDisplay(wpsDisplayLanguage());
  const at = new Date().toISOString();
  try {
    const app = wpsApplication();
    if (!app) throw new Error('WPS');
    const inForce = await rulebookInForce();
    if (!inForce.ok) return { at, ok: false, lang, title: t('pane.command.failed', lang), text: noRulebookText(inForce.refusals, lang) };
    const r = checkWorkbook({ app, rb: inForce.rb, lang });
    return { at, ok: true, lang, title: t('pane.command.title', lang), text: checkedText(r, inForce.rb, lang) };
  } catch (e) {
    const { errorNotice } = await import('../common/notice.js');
    return { at, ok: false, lang, title: t('pane.command.failed', lang), text: errorNotice(e, lang).text };
  }
}

/** Runs the check, keeps its result for the pane, and shows it in the result dialog (an alert where there is none). */
async function directCheck(app: NonNullable<ReturnType<typeof wpsApplication>>): Promise<CommandOutcome> {
  const outcome = await runCheck();
  saveOutcome(outcome);
  const url = pageUrl(`commands/result.html?${outcomeQuery(outcome)}`);
  if (app.ShowDialog) app.ShowDialog(url, outcome.title, 420, 240, false);
  else alert(`${outcome.title}\n${outcome.text}`);
  return outcome;
}

export const ribbon = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: { Id: string }): boolean {
    const app = wpsApplication();
    if (!app) return false;
    if (control.Id === 'crOpenPane') {
      const id = Number(app.PluginStorage?.getItem(PANE_KEY) ?? NaN);
      const existing = Number.isFinite(id) && id > 0 ? app.GetTaskPane?.(id) : null;
      if (existing) existing.Visible = !existing.Visible;
      else if (app.CreateTaskPane) {
        const pane = app.CreateTaskPane(pageUrl('taskpane/taskpane.html'), t('pane.app-name', langFromDisplay(wpsDisplayLanguage())));
        app.PluginStorage?.setItem(PANE_KEY, pane.ID);
        pane.Visible = true;
      }
    } else if (control.Id === 'crRunCheck') void directCheck(app);
    return true;
  },
  GetImage(control: { Id: string }): string {
    return control.Id === 'crRunCheck' ? 'icon-32.png' : 'icon-80.png';
  },
};
