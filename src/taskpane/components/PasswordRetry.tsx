/**
 * The sheet password, asked for when a check could not flag a password-protected sheet (its review is shown
 * read-only). The password goes to one check and is gone: the field is cleared as it is sent, autocomplete is off,
 * and nothing keeps it (not the pane's state after the check, not the workbook, not the browser).
 */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Lang } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import { useStyles } from '../styles.js';
import type { Review } from '../useReview.js';

export function PasswordRetry({ review, lang }: { review: Review; lang: Lang }) {
  const s = useStyles();
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!password || review.busy !== null) return;
    const given = password;
    setPassword('');
    review.checkWithPassword(given);
  };
  return (
    <form className={s.actions} onSubmit={submit} autoComplete="off" data-testid="password-form">
      <Field label={t('pane.password.label', lang)} hint={t('pane.password.hint', lang)}>
        <Input type="password" autoComplete="off" value={password} onChange={(_e, d) => setPassword(d.value)} data-testid="password" />
      </Field>
      <Button type="submit" appearance="primary" disabled={!password || review.busy !== null} data-testid="password-submit">
        {t('pane.password.submit', lang)}
      </Button>
    </form>
  );
}
