/**
 * The pane's check in WPS, with the same outcome as in Excel (src/office/workbook.ts `checkWorkbook`): when a sheet
 * has a password the tool was not given (or a wrong one), the whole review comes back read-only with the reason,
 * so the pane shows it and asks for the password (PasswordRetry); given it, the check runs again with it for that
 * check only. The adapter's own check says the same by raising (the ribbon's "直接检查" shows that in words).
 */
import type { CheckResult } from '../common/results.js';
import { checkWorkbook, WorkbookError, type WpsSession } from './workbook.js';

export function checkForPane(s: WpsSession, opts: { checkedAt?: string; password?: string } = {}): CheckResult {
  try {
    return checkWorkbook(s, opts);
  } catch (e) {
    const review = e instanceof WorkbookError && e.code === 'sheet-protected' ? e.extra.review : undefined;
    if (!review || !(e instanceof WorkbookError)) throw e;
    return { ...review, flagged: 0, restored: 0, readOnly: { reason: 'sheet-protected', sheet: String(e.params.sheet ?? ''), passwordTried: opts.password !== undefined } };
  }
}
