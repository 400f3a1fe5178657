/**
 * Task pane entry: paint the shell at once, load office.js without blocking (src/taskpane/office-loader.ts),
 * then connect to Excel (or learn that we are outside it) and render. office.js that cannot load is said in
 * words, distinct from "请在 Excel 中使用"; a failure is shown in words.
 */
import { createRoot } from 'react-dom/client';
import { nationalRulebook } from '../core/index.js';
import { App } from './App.js';
import { OfficeUnreachable, Shell } from './components/Boot.js';
import { ErrorBoundary, Failure } from './ErrorBoundary.js';
import { connectHost, wpsHost } from './host.js';
import { langFromDisplay } from './lang.js';
import { loadOfficeJs } from './office-loader.js';

const root = createRoot(document.getElementById('root')!);
const browserLang = langFromDisplay(navigator.language);

async function start(): Promise<void> {
  try {
    const rb = nationalRulebook();
    const host = await connectHost();
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
}

root.render(<Shell lang={browserLang} />);
// In WPS there is no office.js to load: the pane starts at once.
if (wpsHost()) await start();
else {
  // A very slow network may deliver office.js after the message: then the pane starts after all.
  const loaded = await loadOfficeJs({ onLate: () => void start() });
  if (loaded === 'loaded') await start();
  else root.render(<OfficeUnreachable lang={browserLang} />);
}
