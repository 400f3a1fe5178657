/**
 * What the pane shows before it knows the host: the shell while office.js loads (painted at once, never waiting
 * for the network), and the plain message when office.js cannot load. Both languages: the display language is
 * only known from office.js. Inside WPS the shell says WPS (it knows at once: WPS gives the page its object model).
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import { useStyles } from '../styles.js';

export function Shell({ lang, suite = 'excel' }: { lang: Lang; suite?: 'excel' | 'wps' }) {
  const s = useStyles();
  const key = suite === 'wps' ? 'pane.connecting-wps' : 'pane.connecting';
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.root} aria-busy data-testid="shell">
        <Text as="h1" weight="semibold" size={500}>
          {t('pane.app-name', lang)}
        </Text>
        <Spinner size="tiny" label={`${t(key, 'zh-CN')} ${t(key, 'en-US')}`} role="status" />
      </main>
    </FluentProvider>
  );
}

/**
 * Chinese first, English second (the official language first, whatever the browser's). `host`: office.js ran but
 * its Excel host file did not arrive (src/office/host.ts), said in words of its own.
 */
export function OfficeUnreachable({ lang, part = 'script' }: { lang: Lang; part?: 'script' | 'host' }) {
  const s = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.root} data-testid="office-unreachable">
        <Text as="h1" weight="semibold" size={500}>
          {t('pane.app-name', lang)}
        </Text>
        {(['zh-CN', 'en-US'] as const).map((l) => (
          <MessageBar key={l} intent="error" layout="multiline" lang={l} role={l === 'zh-CN' ? 'alert' : undefined}>
            <MessageBarBody>
              <MessageBarTitle>{t(part === 'host' ? 'pane.office-host-blocked-title' : 'pane.office-unreachable-title', l)}</MessageBarTitle>
              {t(part === 'host' ? 'pane.office-host-blocked-body' : 'pane.office-unreachable-body', l)}
            </MessageBarBody>
          </MessageBar>
        ))}
      </main>
    </FluentProvider>
  );
}
