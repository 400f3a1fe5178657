/** The pane's styles, shared by its components. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', minWidth: '0', maxWidth: '100%', boxSizing: 'border-box' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '8px' },
  title: { display: 'flex', flexDirection: 'column', minWidth: '0' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  finding: {
    display: 'flex',
    gap: '8px',
    alignItems: 'flex-start',
    width: '100%',
    textAlign: 'start',
    background: 'none',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    cursor: 'pointer',
    font: 'inherit',
    color: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  message: { overflowWrap: 'anywhere', flex: '1', minWidth: '0' },
  groupHeader: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { margin: '0' },
  // A section label that is a heading for screen readers but looks like the caption it was.
  sectionLabel: { margin: '0', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  // A pressed filter shows a check mark and is filled (an unpressed one is outlined), not only a different colour.
  pressedMark: { fontWeight: tokens.fontWeightBold },
});
