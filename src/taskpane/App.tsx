/**
 * The task pane: rulebook in force, the check with progress, the verdict, findings grouped by the eight
 * criteria plus eligibility and veto (filterable by status; a click selects the cell), writing the summary,
 * clearing flags, inserting the template. Every failure is a plain message bar; nothing is ever blank.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  FluentProvider,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  ToggleButton,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { STATUSES, uiText, type Lang, type LoadedRulebook, type Report, type ReportFinding, type Status } from '../core/index.js';
import { checkWorkbook, clearFlags, insertTemplate, OfficeError, selectCell, writeSummary, type Session } from '../office/workbook.js';
import type { Host } from '../office/host.js';
import { str } from './strings.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', minWidth: '0', maxWidth: '100%', boxSizing: 'border-box' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '8px' },
  title: { display: 'flex', flexDirection: 'column', minWidth: '0' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  finding: {
    display: 'flex',
    gap: '8px',
    alignItems: 'flex-start',
    width: '100%',
    textAlign: 'start',
    background: 'none',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    cursor: 'pointer',
    font: 'inherit',
    color: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  message: { overflowWrap: 'anywhere', flex: '1', minWidth: '0' },
  groupHeader: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<Status, { color: 'danger' | 'severe' | 'warning' | 'important' | 'informative' | 'success' | 'subtle' | 'brand'; appearance: 'filled' | 'tint' | 'outline' }> = {
  veto: { color: 'danger', appearance: 'filled' },
  fail: { color: 'severe', appearance: 'filled' },
  invalid: { color: 'important', appearance: 'filled' },
  missing: { color: 'warning', appearance: 'filled' },
  warn: { color: 'informative', appearance: 'tint' },
  review: { color: 'brand', appearance: 'tint' },
  pass: { color: 'success', appearance: 'tint' },
  na: { color: 'subtle', appearance: 'outline' },
};

const ISSUES: Status[] = ['veto', 'fail', 'invalid', 'missing', 'warn', 'review'];
const RESULT_INTENT = { pass: 'success', fail: 'error', incomplete: 'warning', veto: 'error' } as const;
const VERDICT_INTENT = { passed: 'success', incomplete: 'warning', failed: 'error', ineligible: 'error', vetoed: 'error' } as const;

type Busy = null | 'check' | 'summary' | 'clear' | 'template';
interface Notice {
  intent: 'success' | 'info' | 'error' | 'warning';
  title?: string;
  text: string;
}

function errorText(e: unknown, lang: Lang): Notice {
  if (e instanceof OfficeError) {
    if (e.code === 'no-indicator-sheet') return { intent: 'warning', text: str('noIndicatorSheet', lang, { sheets: (e.params.sheets as string[]).join(lang === 'zh-CN' ? '、' : ', ') || str('none', lang) }) };
    return { intent: 'error', title: str('errorTitle', lang), text: str('sheetProtected', lang, { sheet: String(e.params.sheet ?? '') }) };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { intent: 'error', title: str('errorTitle', lang), text: str('excelError', lang, { detail }) };
}

const now = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export function App({ host, rb, initialLang }: { host: Host; rb: LoadedRulebook; initialLang: Lang }) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [busy, setBusy] = useState<Busy>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [noSheet, setNoSheet] = useState(false);
  const [shown, setShown] = useState<Set<Status>>(new Set(ISSUES));
  const [experts, setExperts] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const t = (k: Parameters<typeof str>[0], p?: Record<string, string | number>) => str(k, lang, p);

  const act = useCallback(
    async (kind: Exclude<Busy, null>, fn: (session: Session) => Promise<Notice[]>) => {
      if (host.kind !== 'excel') return;
      setBusy(kind);
      setNotices([]);
      try {
        const out = await host.run((ctx) => fn({ ctx, rb, lang, caps: host.caps }));
        setNotices(out);
      } catch (e) {
        if (e instanceof OfficeError && e.code === 'no-indicator-sheet') setNoSheet(true);
        setNotices([errorText(e, lang)]);
      } finally {
        setBusy(null);
      }
    },
    [host, rb, lang],
  );

  const onCheck = () =>
    act('check', async (session) => {
      const r = await checkWorkbook(session, { checkedAt: now() });
      setReport(r.report);
      setNoSheet(false);
      const out: Notice[] = [{ intent: 'info', text: t('flagged', { n: r.flagged }) + (r.restored ? ` ${t('restored', { n: r.restored })}` : '') }];
      return out;
    });
  const onSummary = () =>
    act('summary', async (session) => {
      const names = experts.split(/[,，、;；]/).map((x) => x.trim()).filter(Boolean);
      const r = await writeSummary(session, { experts: names, checkedAt: now() });
      setReport(r.report);
      setNoSheet(false);
      return [{ intent: 'success', text: t('summaryWritten', { sheet: r.sheet }) }];
    });
  const onClear = () =>
    act('clear', async (session) => {
      const n = await clearFlags(session);
      return [{ intent: 'success', text: t('cleared', { n }) }];
    });
  const onTemplate = () =>
    act('template', async (session) => {
      const y = Number(year);
      const sheet = await insertTemplate(session, Number.isInteger(y) && y >= 2022 && y <= 2100 ? y : new Date().getFullYear());
      setNoSheet(false);
      return [{ intent: 'success', text: t('templateInserted', { sheet }) }];
    });
  const onSelect = (f: ReportFinding) => {
    const cell = f.cells[0];
    if (host.kind === 'excel' && cell) host.run((ctx) => selectCell(ctx, cell)).catch((e: unknown) => setNotices([errorText(e, lang)]));
  };

  const byKey = useMemo(() => new Map((report?.findings ?? []).map((f) => [f.key, f])), [report]);
  const counts = report?.counts;

  if (host.kind !== 'excel')
    return (
      <FluentProvider theme={webLightTheme} lang={lang}>
        <main className={s.root}>
          <MessageBar intent="info" data-testid="outside">
            <MessageBarBody>
              <MessageBarTitle>{t('outsideTitle')}</MessageBarTitle>
              {t('outsideBody')}
            </MessageBarBody>
          </MessageBar>
        </main>
      </FluentProvider>
    );

  const busyLabel = busy && { check: t('checking'), summary: t('writingSummary'), clear: t('clearing'), template: t('inserting') }[busy];
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.root} aria-busy={busy !== null}>
        <header className={s.header}>
          <div className={s.title}>
            <Text as="h1" weight="semibold" size={500}>
              {t('appName')}
            </Text>
            <Caption1 className={s.muted}>{t('appTagline')}</Caption1>
          </div>
          <Button size="small" appearance="subtle" aria-label={t('languageLabel')} onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')} data-testid="lang">
            {t('language')}
          </Button>
        </header>

        <section aria-label={t('rulebook')}>
          <Caption1 className={s.muted}>{t('rulebook')}</Caption1>
          <Text as="p" block data-testid="rulebook">
            {pick(rb.data.name)} · {rb.data.edition} · {t('fingerprint')} <code>{rb.fingerprint.slice(0, 12)}</code>
          </Text>
        </section>

        {host.caps.explanations !== 'notes' && (
          <MessageBar intent="info">
            <MessageBarBody>{t(host.caps.explanations === 'comments' ? 'explanationsComments' : 'explanationsNone')}</MessageBarBody>
          </MessageBar>
        )}

        <div className={s.actions}>
          <Button appearance="primary" onClick={onCheck} disabled={busy !== null} data-testid="check">
            {t('check')}
          </Button>
          <Button onClick={onSummary} disabled={busy !== null} data-testid="summary">
            {t('writeSummary')}
          </Button>
          <Button onClick={onClear} disabled={busy !== null} data-testid="clear">
            {t('clearFlags')}
          </Button>
        </div>
        <Field label={t('experts')}>
          <Input value={experts} onChange={(_e, d) => setExperts(d.value)} placeholder="张三,李四,王五" data-testid="experts" />
        </Field>

        {busyLabel && <Spinner size="tiny" label={busyLabel} role="status" />}

        <div aria-live="polite" data-testid="notices">
          {notices.map((n, i) => (
            <MessageBar key={i} intent={n.intent}>
              <MessageBarBody>
                {n.title && <MessageBarTitle>{n.title}</MessageBarTitle>}
                {n.text}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>

        {noSheet && (
          <div className={s.actions}>
            <Field label={t('year')}>
              <Input type="number" value={year} onChange={(_e, d) => setYear(d.value)} data-testid="year" />
            </Field>
            <Button onClick={onTemplate} disabled={busy !== null} data-testid="template">
              {t('insertTemplate')}
            </Button>
          </div>
        )}

        {report && counts && (
          <>
            <MessageBar intent={VERDICT_INTENT[report.verdict]} data-testid="verdict" role="status">
              <MessageBarBody>
                <MessageBarTitle>{report.verdictText[lang]}</MessageBarTitle>
                {report.cluster.name ?? ''} {t('counts', { fail: counts.fail + counts.veto, missing: counts.missing + counts.invalid, warn: counts.warn, review: counts.review })}
              </MessageBarBody>
            </MessageBar>

            <div className={s.filters} role="group" aria-label={t('filter')}>
              <ToggleButton size="small" checked={shown.size === STATUSES.length} onClick={() => setShown(new Set(shown.size === STATUSES.length ? ISSUES : STATUSES))}>
                {t('all')}
              </ToggleButton>
              {STATUSES.filter((st) => counts[st] > 0).map((st) => (
                <ToggleButton
                  key={st}
                  size="small"
                  checked={shown.has(st)}
                  data-testid={`filter-${st}`}
                  onClick={() => {
                    const next = new Set(shown);
                    if (next.has(st)) next.delete(st);
                    else next.add(st);
                    setShown(next);
                  }}
                >
                  {uiText(`status.${st}`, lang)} {counts[st]}
                </ToggleButton>
              ))}
            </div>

            <Accordion multiple collapsible defaultOpenItems={report.criteria.filter((g) => g.result !== 'pass').map((g) => g.id)} data-testid="groups">
              {report.criteria.map((g) => {
                const items = g.findings.map((k) => byKey.get(k)!).filter((f) => shown.has(f.status));
                return (
                  <AccordionItem key={g.id} value={g.id} data-testid={`group-${g.id}`}>
                    <AccordionHeader>
                      <span className={s.groupHeader}>
                        <span>
                          {/^\d+$/.test(g.id) ? `${g.id}. ` : ''}
                          {pick(g.title)}
                        </span>
                        <Badge appearance="tint" color={RESULT_INTENT[g.result] === 'success' ? 'success' : RESULT_INTENT[g.result] === 'warning' ? 'warning' : 'danger'}>
                          {g.resultText[lang]}
                        </Badge>
                      </span>
                    </AccordionHeader>
                    <AccordionPanel>
                      {items.length === 0 ? (
                        <Caption1 className={s.muted}>{t('noFindings')}</Caption1>
                      ) : (
                        <ul className={s.list}>
                          {items.map((f) => (
                            <li key={f.key}>
                              <button
                                type="button"
                                className={s.finding}
                                onClick={() => onSelect(f)}
                                disabled={!f.cells.length}
                                data-testid="finding"
                                data-status={f.status}
                                data-cell={f.cells[0] ?? ''}
                                title={f.cells[0] ? `${t('goToCell')} ${f.cells[0]}` : undefined}
                              >
                                <Badge {...BADGE[f.status]}>{uiText(`status.${f.status}`, lang)}</Badge>
                                <span className={s.message}>{f.messages[lang]}</span>
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </AccordionPanel>
                  </AccordionItem>
                );
              })}
            </Accordion>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
