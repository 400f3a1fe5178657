/**
 * How a ribbon function command tells its result (issue #11): Excel gives a function command no UI of its own.
 * Best available, feature-detected, in this order:
 *   1. SharedRuntime 1.1 with Office.addin.showAsTaskpane: open the pane, which shows the last result. (This
 *      manifest uses no shared runtime, so today this path stays unused; it is here for when it does.)
 *   2. DialogApi 1.1: a small dialog (commands/result.html) with the result; the command completes when the
 *      reader closes it (Office keeps a function command's runtime only until event.completed()).
 *   3. Otherwise nothing more than the flagged cells; the pane shows the last result when opened.
 */
export type NotifyPath = 'taskpane' | 'dialog' | 'none';

interface Dialog {
  close(): void;
  addEventHandler(type: unknown, handler: (arg: unknown) => void): void;
}

/** Waits at most this long for the reader to close the dialog, then completes the command anyway. */
const DIALOG_WAIT_MS = 4 * 60_000;

function notifyPath(): NotifyPath {
  if (typeof Office === 'undefined') return 'none';
  const supports = (set: string, v: string) => {
    try {
      return Office.context.requirements.isSetSupported(set, v);
    } catch {
      return false;
    }
  };
  const addin = (Office as unknown as { addin?: { showAsTaskpane?: unknown } }).addin;
  if (supports('SharedRuntime', '1.1') && typeof addin?.showAsTaskpane === 'function') return 'taskpane';
  if (supports('DialogApi', '1.1') && typeof Office.context.ui?.displayDialogAsync === 'function') return 'dialog';
  return 'none';
}

/** Shows the result by the best path; resolves when the command may complete. Never throws. */
export async function notifyCommandResult(dialogUrl: string): Promise<NotifyPath> {
  const path = notifyPath();
  try {
    if (path === 'taskpane') await (Office as unknown as { addin: { showAsTaskpane(): Promise<void> } }).addin.showAsTaskpane();
    if (path === 'dialog') await showDialog(dialogUrl);
  } catch {
    // The result is still in the cells and shown by the pane; a failed notification must not fail the command.
  }
  return path;
}

function showDialog(url: string): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = res.value as unknown as Dialog;
      const timer = setTimeout(() => finish(true), DIALOG_WAIT_MS);
      function finish(close: boolean) {
        clearTimeout(timer);
        if (close) {
          try {
            dialog.close();
          } catch {
            // already closed
          }
        }
        resolve();
      }
      // The dialog's Close button sends a message; closing it with its X raises DialogEventReceived.
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(true));
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(false));
    });
  });
}

/** For the result dialog's Close button: tell the command (the dialog's parent) to close it. */
export function closeFromDialog(): boolean {
  if (typeof Office === 'undefined' || typeof Office.context?.ui?.messageParent !== 'function') return false;
  try {
    Office.context.ui.messageParent('close');
    return true;
  } catch {
    return false;
  }
}

/** The dialog page must initialise office.js before it can message its parent. */
export function readyInDialog(): void {
  if (typeof Office !== 'undefined') void Office.onReady();
}
