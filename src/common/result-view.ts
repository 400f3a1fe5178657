/**
 * The result of "直接检查" in its dialog (commands/result.html?…): the words come from the command. Shared by
 * Excel's page (./result.ts) and WPS's (src/wps/result-page.ts); plain DOM of an age every WPS browser knows.
 */
import { t } from '../core/text/index.js';
import { localTime, outcomeFromQuery } from './outcome.js';

/** Shows the outcome the query carries; `close` ends the dialog (true if it did). */
export function showOutcome(search: string, close: () => boolean): void {
  const main = document.getElementById('result')!;
  const o = outcomeFromQuery(search);
  if (!o) return;
  document.documentElement.lang = o.lang;
  main.className = o.ok ? 'ok' : 'failed';
  main.setAttribute('data-ok', String(o.ok));
  main.textContent = '';
  const h = document.createElement('h1');
  h.textContent = o.title;
  const p = document.createElement('p');
  p.setAttribute('role', o.ok ? 'status' : 'alert');
  p.textContent = o.text;
  const when = document.createElement('p');
  when.className = 'muted';
  when.textContent = localTime(o.at);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('pane.command.close', o.lang);
  button.setAttribute('data-testid', 'close');
  // Without a host's dialog API (or outside a dialog) the button has nothing to tell; the dialog's own X still closes it.
  button.addEventListener('click', () => close() || window.close());
  for (const el of [h, p, when, button]) main.appendChild(el);
  button.focus();
}
