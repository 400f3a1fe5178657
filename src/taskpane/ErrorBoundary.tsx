/** If rendering itself fails, the pane still says so in words (never a blank pane, never a stack trace). */
import { Component, type ReactNode } from 'react';
import { t } from '../core/text/index.js';

export class ErrorBoundary extends Component<{ children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(e: unknown): { message: string } {
    return { message: e instanceof Error ? e.message : String(e) };
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return <Failure detail={this.state.message} />;
  }
}

/** Plain HTML, so it shows even when the UI library is what failed. */
export function Failure({ detail }: { detail: string }) {
  return (
    <div role="alert" data-testid="failure" style={{ margin: 12, padding: 12, border: '1px solid #d13438', borderRadius: 4, background: '#fdf3f4', font: '14px sans-serif' }}>
      {/* Both languages: the failure may come before the pane knows Office's display language. */}
      <strong>
        {t('pane.failure.title', 'zh-CN')} · {t('pane.failure.title', 'en-US')}
      </strong>
      <p style={{ margin: '8px 0 0' }}>
        {t('pane.failure.body', 'zh-CN')} {t('pane.failure.body', 'en-US')}
      </p>
      <p style={{ margin: '8px 0 0', color: '#616161' }}>{detail}</p>
    </div>
  );
}
