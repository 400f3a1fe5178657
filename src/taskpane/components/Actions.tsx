/** The actions (check, write summary, clear flags), the experts for the summary, and the template offer. */
import { Button, Caption1, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import { useStyles } from '../styles.js';
import { summaryUnavailable, type Review } from '../useReview.js';

export function Actions({ review, lang }: { review: Review; lang: Lang }) {
  const s = useStyles();
  const [experts, setExperts] = useState('');
  const disabled = review.busy !== null;
  // A monitoring form has no committee summary: the button is off and says why.
  const unavailable = summaryUnavailable(review.report, lang);
  return (
    <>
      <div className={s.actions}>
        <Button appearance="primary" onClick={review.check} disabled={disabled} data-testid="check">
          {t('pane.check', lang)}
        </Button>
        <Button onClick={() => review.summary(experts)} disabled={disabled || unavailable !== null} aria-describedby={unavailable ? 'summary-unavailable' : undefined} data-testid="summary">
          {t('pane.write-summary', lang)}
        </Button>
        <Button onClick={review.clear} disabled={disabled} data-testid="clear">
          {t('pane.clear-flags', lang)}
        </Button>
      </div>
      {unavailable && (
        <Caption1 id="summary-unavailable" className={s.muted} data-testid="summary-unavailable">
          {unavailable}
        </Caption1>
      )}
      {!unavailable && (
        <Field label={t('pane.experts', lang)}>
          <Input value={experts} onChange={(_e, d) => setExperts(d.value)} placeholder={t('pane.experts-placeholder', lang)} data-testid="experts" />
        </Field>
      )}
    </>
  );
}

/** Shown when the workbook has no indicator sheet: insert the standard template for a year. */
export function TemplateOffer({ review, lang }: { review: Review; lang: Lang }) {
  const s = useStyles();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  return (
    <div className={s.actions}>
      <Field label={t('pane.year', lang)}>
        <Input type="number" value={year} onChange={(_e, d) => setYear(d.value)} data-testid="year" />
      </Field>
      <Button onClick={() => review.template(year)} disabled={review.busy !== null} data-testid="template">
        {t('pane.insert-template', lang)}
      </Button>
    </div>
  );
}
