/** The dialog "直接检查" opens with its result (commands/result.html?…), in Excel: shown at once, office.js after. */
import { closeFromDialog, readyInDialog } from '../office/notify.js';
import { loadOfficeJs } from '../office/loader.js';
import { showOutcome } from '../common/result-view.js';

showOutcome(location.search, closeFromDialog);
void loadOfficeJs().then((r) => {
  if (r === 'loaded') readyInDialog();
});
