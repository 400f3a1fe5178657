/** The dialog "直接检查" opens with its result (commands/result.html?…): the words come from the command. */
import { t } from '../core/text/index.js';
import { closeFromDialog, readyInDialog } from '../office/notify.js';
import { loadOfficeJs } from '../taskpane/office-loader.js';
import { localTime, outcomeFromQuery } from './outcome.js';

const main = document.getElementById('result')!;
const o = outcomeFromQuery(location.search);
if (o) {
  document.documentElement.lang = o.lang;
  main.className = o.ok ? 'ok' : 'failed';
  main.dataset.ok = String(o.ok);
  main.replaceChildren();
  const h = document.createElement('h1');
  h.textContent = o.title;
  const p = document.createElement('p');
  p.setAttribute('role', o.ok ? 'status' : 'alert');
  p.textContent = o.text;
  const when = document.createElement('p');
  when.className = 'muted';
  when.textContent = localTime(o.at);
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('pane.command.close', o.lang);
  close.dataset.testid = 'close';
  // Without office.js (or outside a dialog) the button has nothing to tell; the dialog's own X still closes it.
  close.addEventListener('click', () => closeFromDialog() || window.close());
  main.append(h, p, when, close);
  close.focus();
}
void loadOfficeJs().then((r) => {
  if (r === 'loaded') readyInDialog();
});
