/** Styles of the scoring panel (beside the pane's shared styles). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useScoringStyles = makeStyles({
  // Field and its Save button side by side; they wrap at 320 px instead of running off the side.
  scoreRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '8px' },
  grow: { flex: '1 1 160px', minWidth: '0' },
  criterion: { display: 'flex', flexDirection: 'column', gap: '6px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
});
