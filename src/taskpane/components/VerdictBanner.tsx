/** The verdict in a banner: its words, the cluster's name, and the counts that matter; a monitoring form's says which form it is. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang, Report } from '../../core/index.js';
import { isMonitoringReport } from '../../core/monitoring/is-report.js';
import { t } from '../../core/text/index.js';

const VERDICT_INTENT = { passed: 'success', incomplete: 'warning', failed: 'error', ineligible: 'error', vetoed: 'error' } as const;
/** 正常 reads as success, 需关注 as a warning, 存在撤销认定情形（待核实）and 建议撤销认定 as errors. */
const MONITORING_INTENT = { normal: 'success', attention: 'warning', verify: 'error', revoke: 'error' } as const;

export function VerdictBanner({ report, lang }: { report: Report; lang: Lang }) {
  const c = report.counts;
  const monitoring = isMonitoringReport(report) ? report.monitoring : null;
  return (
    <MessageBar intent={monitoring ? MONITORING_INTENT[monitoring.verdict] : VERDICT_INTENT[report.verdict]} layout={monitoring ? 'multiline' : 'auto'} data-testid="verdict" role="status">
      <MessageBarBody>
        <MessageBarTitle>{report.verdictText[lang]}</MessageBarTitle>
        {monitoring && <div data-testid="form-kind">{t('pane.monitoring.form', lang, { year: monitoring.monitoringYear ?? '—' })}</div>}
        {report.cluster.name ?? ''} {t('pane.counts', lang, { fail: c.fail + c.veto, missing: c.missing + c.invalid, warn: c.warn, review: c.review })}
      </MessageBarBody>
    </MessageBar>
  );
}
