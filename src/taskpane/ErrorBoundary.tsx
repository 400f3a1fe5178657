/** If rendering itself fails, the pane still says so in words (never a blank pane, never a stack trace). */
import { Component, type ReactNode } from 'react';

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
      <strong>集群评审助手无法显示 · cluster-review could not start</strong>
      <p style={{ margin: '8px 0 0' }}>请关闭并重新打开任务窗格；如仍出现，请将以下信息告知维护者。Close and reopen the pane; if this persists, report the text below.</p>
      <p style={{ margin: '8px 0 0', color: '#616161' }}>{detail}</p>
    </div>
  );
}
