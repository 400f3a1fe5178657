/**
 * What the pane shows before it knows the host: the shell while office.js loads (painted at once, never waiting
 * for the network), and the plain message when office.js cannot load. Both languages: the display language is
 * only known from office.js.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import { useStyles } from '../styles.js';

export function Shell({ lang }: { lang: Lang }) {
  const s = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.root} aria-busy data-testid="shell">
        <Text as="h1" weight="semibold" size={500}>
          {t('pane.app-name', lang)}
        </Text>
        <Spinner size="tiny" label={t('pane.connecting', lang)} role="status" />
      </main>
    </FluentProvider>
  );
}

export function OfficeUnreachable({ lang }: { lang: Lang }) {
  const s = useStyles();
  const other: Lang = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.root}>
        <Text as="h1" weight="semibold" size={500}>
          {t('pane.app-name', lang)}
        </Text>
        <MessageBar intent="error" data-testid="office-unreachable" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.office-unreachable-title', lang)}</MessageBarTitle>
            {t('pane.office-unreachable-body', lang)}
          </MessageBarBody>
        </MessageBar>
        <MessageBar intent="error" layout="multiline" lang={other}>
          <MessageBarBody>
            <MessageBarTitle>{t('pane.office-unreachable-title', other)}</MessageBarTitle>
            {t('pane.office-unreachable-body', other)}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
