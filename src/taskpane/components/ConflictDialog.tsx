/**
 * A cell changed since the pane showed it: both values shown, the expert chooses (never a silent overwrite).
 * Inline in the pane rather than a modal: at 320 px a modal hides what it asks about, and the choice gets focus.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { auditItemText } from '../../core/committee/audit-sheet.js';
import { itemKey } from '../../core/committee/pane.js';
import type { Lang } from '../../core/index.js';
import { t } from '../../core/text/index.js';
import type { Conflict } from '../useScoring.js';

export function ConflictDialog({ conflict, lang, onSettle }: { conflict: Conflict; lang: Lang; onSettle(choice: 'mine' | 'theirs'): void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [conflict]);
  const blank = t('pane.score.blank', lang);
  const show = (v: string) => (v === '' ? blank : v);
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="conflict" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('pane.conflict.title', lang)}</MessageBarTitle>
        {t('pane.conflict.body', lang, { item: auditItemText(itemKey(conflict.item), lang), seen: show(conflict.seen), theirs: show(conflict.theirs), mine: show(conflict.mine) })}
      </MessageBarBody>
      <MessageBarActions>
        <Button ref={first} appearance="primary" onClick={() => onSettle('mine')} data-testid="conflict-mine">
          {t('pane.conflict.mine', lang, { mine: show(conflict.mine) })}
        </Button>
        <Button onClick={() => onSettle('theirs')} data-testid="conflict-theirs">
          {t('pane.conflict.theirs', lang, { theirs: show(conflict.theirs) })}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
