/**
 * The pane's actions as one hook: check, write the summary, clear flags, insert the template, select a cell.
 * Each runs in Excel through the host, shows a spinner while it runs, and ends in notices in words (an Office
 * error included); the components only render what this returns.
 */
import { useCallback, useState } from 'react';
import type { Lang, LoadedRulebook, Report, ReportFinding, WorkflowWarning } from '../core/index.js';
import { isMonitoringReport } from '../core/monitoring/is-report.js';
import { renderWarning } from '../core/workflow/warnings.js';
import { t, type TextKey } from '../core/text/index.js';
// The host layer: Excel (Office.js) or WPS, the same actions (src/taskpane/host.ts).
import { checkWorkbook, clearFlags, insertTemplate, selectCell, writeSummary, type Host, type Session } from './host.js';
import { errorNotice, readOnlyText, type Notice } from '../common/notice.js';
import { isOfficeError, type ReadOnly } from '../common/results.js';
// The pane's notices, shared with the ribbon's commands (src/common/notice.ts).
export { errorNotice, readOnlyText, type Notice } from '../common/notice.js';

export type Busy = null | 'check' | 'summary' | 'clear' | 'template';

export const BUSY_TEXT: Record<Exclude<Busy, null>, TextKey> = {
  check: 'pane.checking',
  summary: 'pane.writing-summary',
  clear: 'pane.clearing',
  template: 'pane.inserting',
};

/** Why "写入评审汇总" is not offered for the checked workbook (a monitoring form has no committee summary), or null. */
export function summaryUnavailable(report: Report | null, lang: Lang): string | null {
  return isMonitoringReport(report) ? t('pane.monitoring.no-summary', lang) : null;
}

/** What the workflow warned about (another rulebook's template, merged input cells…), one notice each. */
const warningNotices = (warnings: readonly WorkflowWarning[], lang: Lang): Notice[] => warnings.map((w) => ({ intent: 'warning', text: renderWarning(w, lang) }));

const now = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export interface Review {
  busy: Busy;
  report: Report | null;
  notices: Notice[];
  /** The last check found no indicator sheet: offer the template. */
  noSheet: boolean;
  /** The last check's review could not be written (shown read-only): why. */
  readOnly: ReadOnly | null;
  check(): void;
  /** Checks again with the sheet password the reviewer typed (used for this check only, never kept). */
  checkWithPassword(password: string): void;
  summary(experts: string): void;
  clear(): void;
  template(year: string): void;
  select(f: ReportFinding): void;
}

export function useReview(host: Host, rb: LoadedRulebook, lang: Lang): Review {
  const [busy, setBusy] = useState<Busy>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [noSheet, setNoSheet] = useState(false);
  const [readOnly, setReadOnly] = useState<ReadOnly | null>(null);

  const runCheck = async (session: Session, password?: string): Promise<Notice[]> => {
    const r = await checkWorkbook(session, { checkedAt: now(), ...(password !== undefined ? { password } : {}) });
    setReport(r.report);
    setNoSheet(false);
    setReadOnly(r.readOnly ?? null);
    if (r.readOnly) return [{ intent: 'warning', title: t('pane.read-only.title', lang), text: readOnlyText(r.readOnly, lang) }, ...warningNotices(r.warnings, lang)];
    const done = password !== undefined ? t('pane.password.flagged', lang, { sheet: r.sheet, n: r.flagged }) : t('pane.flagged', lang, { n: r.flagged });
    const text = done + (r.restored ? ` ${t('pane.restored', lang, { n: r.restored })}` : '');
    return [{ intent: password !== undefined ? 'success' : 'info', text }, ...warningNotices(r.warnings, lang)];
  };

  const act = useCallback(
    async (kind: Exclude<Busy, null>, fn: (session: Session) => Promise<Notice[]>) => {
      if (host.kind !== 'excel') return;
      setBusy(kind);
      setNotices([]);
      try {
        const out = await host.run((ctx) => fn({ ctx, rb, lang, caps: host.caps }));
        setNotices(out);
      } catch (e) {
        if (isOfficeError(e) && e.code === 'no-indicator-sheet') setNoSheet(true);
        setNotices([errorNotice(e, lang)]);
      } finally {
        setBusy(null);
      }
    },
    [host, rb, lang],
  );

  return {
    busy,
    report,
    notices,
    noSheet,
    readOnly,
    check: () => void act('check', (session) => runCheck(session)),
    checkWithPassword: (password) => void act('check', (session) => runCheck(session, password)),
    summary: (experts) =>
      void act('summary', async (session) => {
        // Offered disabled, with the reason, for a monitoring form; said again should it be called.
        const unavailable = summaryUnavailable(report, lang);
        if (unavailable) return [{ intent: 'info', text: unavailable }];
        const names = experts.split(/[,，、;；]/).map((x) => x.trim()).filter(Boolean);
        const r = await writeSummary(session, { experts: names, checkedAt: now() });
        setReport(r.report);
        setNoSheet(false);
        return [{ intent: 'success', text: t('pane.summary-written', lang, { sheet: r.sheet }) }, ...warningNotices(r.warnings, lang)];
      }),
    clear: () =>
      void act('clear', async (session) => {
        const n = await clearFlags(session);
        return [{ intent: 'success', text: t('pane.cleared', lang, { n }) }];
      }),
    template: (year) =>
      void act('template', async (session) => {
        const y = Number(year);
        const sheet = await insertTemplate(session, Number.isInteger(y) && y >= 2022 && y <= 2100 ? y : new Date().getFullYear());
        setNoSheet(false);
        return [{ intent: 'success', text: t('pane.template-inserted', lang, { sheet }) }];
      }),
    select: (f) => {
      const cell = f.cells[0];
      if (host.kind === 'excel' && cell) host.run((ctx) => selectCell(ctx, cell)).catch((e: unknown) => setNotices([errorNotice(e, lang)]));
    },
  };
}
