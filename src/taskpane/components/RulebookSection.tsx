/**
 * The rulebook in force: its name, edition and fingerprint; where the deployment provides several
 * (rulebooks/index.json), a select to choose one, remembered on this machine — a file that does not match its
 * fingerprint is refused in words and the rulebook in force stays. The rulebook stamped in the open workbook's
 * template is shown when it differs, never used.
 */
import { Caption1, FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Lang, LoadedRulebook, RulebookStamp } from '../../core/index.js';
import type { Refusal } from '../../core/rulebook/deployment.js';
import { t } from '../../core/text/index.js';
import { readStamp, type Host } from '../host.js';
import { loadDeployed, refusalText, rememberChoice, type Deployment } from '../../common/deployment.js';
import { useStyles } from '../styles.js';

const useSelectStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: '0' },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  select: {
    maxWidth: '100%',
    minHeight: '24px',
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '2px 4px',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/** The whole pane when the deployment has no rulebook it can verify: every refusal, and whom to tell. */
export function DeploymentRefused({ refusals, lang }: { refusals: readonly Refusal[]; lang: Lang }) {
  const s = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.root}>
        <Text as="h1" weight="semibold" size={500}>
          {t('pane.app-name', lang)}
        </Text>
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="rulebook-none">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.deploy.none-title', lang)}</MessageBarTitle>
            {refusals.map((r, i) => (
              <Text as="p" block key={i}>
                {refusalText(r, lang)}
              </Text>
            ))}
            <Text as="p" block>
              {t('pane.deploy.none-body', lang)}
            </Text>
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}

export function RulebookSection({
  host,
  rb,
  lang,
  deployment,
  onChange,
  refresh,
}: {
  host: Host;
  rb: LoadedRulebook;
  lang: Lang;
  deployment?: Deployment;
  onChange: (rb: LoadedRulebook) => void;
  /** Changes after each action: the workbook's stamp is read again (a template may have been inserted). */
  refresh?: unknown;
}) {
  const s = useStyles();
  const c = useSelectStyles();
  const pick = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const [refusals, setRefusals] = useState<readonly Refusal[]>(deployment?.kind === 'deployed' ? deployment.refusals : []);
  const [loading, setLoading] = useState(false);
  const [stamp, setStamp] = useState<RulebookStamp | null>(null);

  useEffect(() => {
    if (host.kind !== 'excel') return;
    let live = true;
    // Shown only; a workbook the stamp cannot be read from simply shows none.
    host.run(readStamp).then((x) => live && setStamp(x), () => live && setStamp(null));
    return () => void (live = false);
  }, [host, refresh]);

  const offered = deployment?.kind === 'deployed' ? deployment.index : null;
  const choose = async (id: string) => {
    const entry = offered?.rulebooks.find((r) => r.id === id);
    if (!entry || id === rb.source.id) return;
    setLoading(true);
    const r = await loadDeployed(entry);
    setLoading(false);
    if (!r.ok) return setRefusals([r.refusal]);
    setRefusals([]);
    rememberChoice(id);
    onChange(r.rulebook);
  };

  return (
    <section aria-labelledby="rulebook-heading" className={s.section}>
      <Caption1 as="h2" id="rulebook-heading" className={s.sectionLabel}>
        {t('pane.rulebook', lang)}
      </Caption1>
      <Text as="p" block data-testid="rulebook">
        {pick(rb.data.name)} · {rb.data.edition} · {t('pane.fingerprint', lang)} <code>{rb.fingerprint.slice(0, 12)}</code>
      </Text>
      {offered && offered.rulebooks.length > 1 && (
        // A native select, labelled: Fluent's Field and Select would add to the pane's initial script (goal ≤ 250 KB).
        <div className={c.field}>
          <label htmlFor="rulebook-select" className={c.label}>
            {t('pane.deploy.choose', lang)}
          </label>
          <select id="rulebook-select" className={c.select} value={rb.source.id} disabled={loading} onChange={(e) => void choose(e.target.value)} data-testid="rulebook-select">
            {offered.rulebooks.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id === offered.default ? t('pane.deploy.default', lang, { name: `${pick(r.name)} · ${r.edition}` }) : `${pick(r.name)} · ${r.edition}`}
              </option>
            ))}
          </select>
        </div>
      )}
      {loading && <Spinner size="tiny" label={t('pane.deploy.loading', lang)} role="status" />}
      {refusals.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="rulebook-refused">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.deploy.refused-title', lang)}</MessageBarTitle>
            {refusals.map((r) => refusalText(r, lang)).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {stamp && stamp.fingerprint !== rb.fingerprint && (
        <MessageBar intent="warning" layout="multiline" data-testid="workbook-rulebook">
          <MessageBarBody>{t('pane.stamp.differs', lang, { id: stamp.id, edition: stamp.edition, fingerprint: stamp.fingerprint.slice(0, 12) })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
