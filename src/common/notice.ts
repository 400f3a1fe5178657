/**
 * Notices in words for what an action ended in — the adapter's plain error, a review shown read-only — shared by
 * the pane (src/taskpane) and the ribbon's commands in Excel (src/commands) and WPS (src/wps/ribbon.ts).
 */
import type { Lang } from '../core/index.js';
import { t } from '../core/text/index.js';
import { isOfficeError, type ReadOnly } from './results.js';

export interface Notice {
  intent: 'success' | 'info' | 'error' | 'warning';
  title?: string;
  text: string;
}

/** An error from Excel or the adapter, in words (never a stack trace). */
export function errorNotice(e: unknown, lang: Lang): Notice {
  if (isOfficeError(e)) {
    if (e.code === 'no-indicator-sheet') return { intent: 'warning', text: t('error.office.no-indicator-sheet', lang, { sheets: e.params.sheets as string[] }) };
    if (e.code === 'workbook-protected') return { intent: 'warning', title: t('error.office.title', lang), text: t('error.office.workbook-protected', lang, { sheet: String(e.params.sheet ?? '') }) };
    if (e.code === 'summary-busy') return { intent: 'warning', title: t('error.office.title', lang), text: t('error.office.summary-busy', lang, { sheet: String(e.params.sheet ?? '') }) };
    if (e.code === 'monitoring-form') return { intent: 'warning', text: t('error.office.monitoring-form', lang, { year: String(e.params.year ?? ''), verdict: String(e.params[lang] ?? '') }) };
    return { intent: 'error', title: t('error.office.title', lang), text: t('error.office.sheet-protected', lang, { sheet: String(e.params.sheet ?? '') }) };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { intent: 'error', title: t('error.office.title', lang), text: t('error.office.excel', lang, { detail }) };
}

/** Why a check's review is shown read-only, in words (the pane's notice, the ribbon command's result). */
export function readOnlyText(r: ReadOnly, lang: Lang): string {
  if (r.reason === 'workbook-protected') return t('pane.read-only.workbook-protected', lang);
  const text = t('pane.read-only.sheet-protected', lang, { sheet: r.sheet });
  return r.passwordTried ? `${t('pane.read-only.wrong-password', lang)} ${text}` : text;
}
