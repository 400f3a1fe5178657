/** The verdict in a banner: its words, the cluster's name, and the counts that matter. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang, Report } from '../../core/index.js';
import { t } from '../../core/text/index.js';

const VERDICT_INTENT = { passed: 'success', incomplete: 'warning', failed: 'error', ineligible: 'error', vetoed: 'error' } as const;

export function VerdictBanner({ report, lang }: { report: Report; lang: Lang }) {
  const c = report.counts;
  return (
    <MessageBar intent={VERDICT_INTENT[report.verdict]} data-testid="verdict" role="status">
      <MessageBarBody>
        <MessageBarTitle>{report.verdictText[lang]}</MessageBarTitle>
        {report.cluster.name ?? ''} {t('pane.counts', lang, { fail: c.fail + c.veto, missing: c.missing + c.invalid, warn: c.warn, review: c.review })}
      </MessageBarBody>
    </MessageBar>
  );
}
