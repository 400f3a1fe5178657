/** Task pane entry: connect to Excel (or learn that we are outside it), then render; a failure is shown in words. */
import { createRoot } from 'react-dom/client';
import { nationalRulebook } from '../core/index.js';
import { connect } from '../office/host.js';
import { App } from './App.js';
import { ErrorBoundary, Failure } from './ErrorBoundary.js';
import { langFromDisplay } from './lang.js';

const root = createRoot(document.getElementById('root')!);
try {
  const rb = nationalRulebook();
  const host = await connect();
  const lang = langFromDisplay(host.kind === 'excel' ? host.displayLanguage : navigator.language);
  document.documentElement.lang = lang;
  root.render(
    <ErrorBoundary>
      <App host={host} rb={rb} initialLang={lang} />
    </ErrorBoundary>,
  );
} catch (e) {
  root.render(<Failure detail={e instanceof Error ? e.message : String(e)} />);
}
