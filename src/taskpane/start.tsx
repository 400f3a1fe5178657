/**
 * How the pane starts, in Excel (main.tsx, after office.js) and in WPS (src/wps/pane-page.tsx): the deployment's
 * rulebooks are read at once, the host is connected, and the pane is shown — or, in words, why it cannot be: no
 * host, or a deployment whose rulebooks cannot be verified (never a review under a rulebook nobody chose).
 */
import { createRoot, type Root } from 'react-dom/client';
import type { Lang } from '../core/index.js';
import { App } from './App.js';
import { OfficeUnreachable } from './components/Boot.js';
import { DeploymentRefused } from './components/RulebookSection.js';
import { startDeployment } from '../common/deployment.js';
import { ErrorBoundary, Failure } from './ErrorBoundary.js';
import type { Host } from './host.js';
import { langFromDisplay } from '../common/lang.js';

export interface PaneStart {
  root: Root;
  /** The browser's language: the pane's until the host tells its own. */
  browserLang: Lang;
  /** Connects (`connect`) and renders the pane. */
  start(): Promise<void>;
}

export function paneStart(connect: () => Promise<Host>): PaneStart {
  const root = createRoot(document.getElementById('root')!);
  const browserLang = langFromDisplay(navigator.language);
  // The deployment's rulebooks are read while the host connects (office.js loads, in Excel).
  const deployment = startDeployment();
  async function start(): Promise<void> {
    try {
      const host = await connect();
      if (host.kind === 'unreachable') return root.render(<OfficeUnreachable lang={browserLang} part="host" />);
      const lang = langFromDisplay(host.kind === 'excel' ? host.displayLanguage : navigator.language);
      document.documentElement.lang = lang;
      const d = await deployment;
      // A deployment whose rulebooks cannot be verified reviews nothing: never under a rulebook nobody chose.
      if (d.kind === 'refused') return void root.render(<DeploymentRefused refusals={d.refusals} lang={lang} />);
      root.render(
        <ErrorBoundary>
          <App host={host} rb={d.rb} initialLang={lang} deployment={d} />
        </ErrorBoundary>,
      );
    } catch (e) {
      root.render(<Failure detail={e instanceof Error ? e.message : String(e)} />);
    }
  }
  return { root, browserLang, start };
}
