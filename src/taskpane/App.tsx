/**
 * The task pane: rulebook in force, the actions (useReview) with progress, the verdict banner, findings by
 * criterion, and notices. Every failure is a plain message bar; nothing is ever blank.
 */
import { Button, Caption1, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Lang, LoadedRulebook } from '../core/index.js';
import { isMonitoringReport } from '../core/monitoring/is-report.js';
import { t } from '../core/text/index.js';
import type { Host } from './host.js';
import { lastOutcome, localTime } from '../common/outcome.js';
import { Actions, TemplateOffer } from './components/Actions.js';
import { PasswordRetry } from './components/PasswordRetry.js';
import { RulebookSection } from './components/RulebookSection.js';
import type { Deployment } from '../common/deployment.js';
import { VerdictBanner } from './components/VerdictBanner.js';
import { useStyles } from './styles.js';
import { BUSY_TEXT, useReview } from './useReview.js';

// Scoring (and the committee core it brings) loads after the pane has painted: the first download stays small.
const ScoringPanel = lazy(() => import('./components/ScoringPanel.js').then((m) => ({ default: m.ScoringPanel })));
// The findings list (and Fluent's accordion and badges it brings) is shown only after a check: it loads after the
// first paint too, asked for at once so it is there by the time a check ends.
const loadFindings = () => import('./components/FindingsList.js');
const FindingsList = lazy(() => loadFindings().then((m) => ({ default: m.FindingsList })));

/** What a lazily loaded part shows until it arrives: plain words, never a blank. */
function Loading({ lang }: { lang: Lang }) {
  const s = useStyles();
  return (
    <Caption1 className={s.muted} data-testid="part-loading">
      {t('pane.part-loading', lang)}
    </Caption1>
  );
}

export function App({ host, rb: initialRb, initialLang, deployment }: { host: Host; rb: LoadedRulebook; initialLang: Lang; deployment?: Deployment }) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  // The rulebook in force: the deployment's default or the one chosen on this machine (RulebookSection).
  const [rb, setRb] = useState(initialRb);
  const review = useReview(host, rb, lang);
  // The ribbon's "直接检查" leaves its last result on this machine; shown until this pane's own first check.
  const [lastCommand] = useState(() => (host.kind === 'excel' ? lastOutcome() : null));
  useEffect(() => {
    // A failed load is retried by the list itself when a check's findings are to be shown.
    if (host.kind === 'excel') loadFindings().catch(() => undefined);
  }, [host]);

  if (host.kind !== 'excel')
    return (
      <FluentProvider theme={webLightTheme} lang={lang}>
        <main className={s.root}>
          <MessageBar intent="info" data-testid="outside">
            <MessageBarBody>
              <MessageBarTitle>{t('pane.outside-title', lang)}</MessageBarTitle>
              {t('pane.outside-body', lang)}
            </MessageBarBody>
          </MessageBar>
        </main>
      </FluentProvider>
    );

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.root} aria-busy={review.busy !== null}>
        <header className={s.header}>
          <div className={s.title}>
            <Text as="h1" weight="semibold" size={500}>
              {t('pane.app-name', lang)}
            </Text>
            <Caption1 className={s.muted}>{t('pane.app-tagline', lang)}</Caption1>
          </div>
          <Button size="small" appearance="subtle" title={t('pane.language-label', lang)} lang={lang === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')} data-testid="lang">
            {t('pane.language', lang)}
          </Button>
        </header>

        <RulebookSection host={host} rb={rb} lang={lang} deployment={deployment} onChange={setRb} refresh={review.report} />

        {host.caps.explanations !== 'notes' && (
          <MessageBar intent="info">
            <MessageBarBody>
              {t(host.caps.explanations === 'none' ? 'pane.explanations-none' : host.caps.explanationsLimitedBy === 'library' ? 'pane.explanations-library' : 'pane.explanations-comments', lang)}
            </MessageBarBody>
          </MessageBar>
        )}

        <Actions review={review} lang={lang} />

        {review.busy && <Spinner size="tiny" label={t(BUSY_TEXT[review.busy], lang)} role="status" />}

        <div aria-live="polite" data-testid="notices">
          {review.notices.map((n, i) => (
            <MessageBar key={i} intent={n.intent}>
              <MessageBarBody>
                {n.title && <MessageBarTitle>{n.title}</MessageBarTitle>}
                {n.text}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>

        {review.readOnly?.reason === 'sheet-protected' && <PasswordRetry review={review} lang={lang} />}

        {lastCommand && !review.report && (
          <MessageBar intent={lastCommand.ok ? 'info' : 'warning'} layout="multiline" data-testid="last-command">
            <MessageBarBody>
              <MessageBarTitle>{t('pane.command.last', lang, { at: localTime(lastCommand.at) })}</MessageBarTitle>
              {lastCommand.text}
            </MessageBarBody>
          </MessageBar>
        )}

        {review.noSheet && <TemplateOffer review={review} lang={lang} />}

        {review.report && (
          <section aria-labelledby="findings-heading" className={s.section}>
            <Text as="h2" id="findings-heading" weight="semibold" size={400} className={s.heading}>
              {t('pane.findings-heading', lang)}
            </Text>
            {/* The verdict waits with the findings: they appear together, as one result. */}
            <Suspense fallback={<Loading lang={lang} />}>
              <VerdictBanner report={review.report} lang={lang} />
              <FindingsList report={review.report} lang={lang} onSelect={review.select} />
            </Suspense>
          </section>
        )}

        {/* A monitoring form is not scored by the committee (its renewal summary is): no scoring offered there. */}
        {!(review.report && isMonitoringReport(review.report)) && (
          <Suspense fallback={<Loading lang={lang} />}>
            <ScoringPanel host={host} rb={rb} lang={lang} />
          </Suspense>
        )}
      </main>
    </FluentProvider>
  );
}
