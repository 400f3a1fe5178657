/**
 * Task pane entry: paint the shell at once, load office.js without blocking (src/taskpane/office-loader.ts),
 * then connect to Excel (or learn that we are outside it) and render. office.js that cannot load is said in
 * words, distinct from "请在 Excel 中使用"; a failure is shown in words.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { OfficeUnreachable, Shell } from './components/Boot.js';
import { DeploymentRefused } from './components/RulebookSection.js';
import { startDeployment } from './deployment.js';
import { ErrorBoundary, Failure } from './ErrorBoundary.js';
import { connectHost, wpsHost } from './host.js';
import { langFromDisplay } from './lang.js';
import { loadOfficeJs } from './office-loader.js';

const root = createRoot(document.getElementById('root')!);
const browserLang = langFromDisplay(navigator.language);
// The deployment's rulebooks (rulebooks/index.json) are fetched while office.js loads.
const deployment = startDeployment();

async function start(): Promise<void> {
  try {
    const host = await connectHost();
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

root.render(<Shell lang={browserLang} />);
// In WPS there is no office.js to load: the pane starts at once.
if (wpsHost()) await start();
else {
  // A very slow network may deliver office.js after the message: then the pane starts after all.
  const loaded = await loadOfficeJs({ onLate: () => void start() });
  if (loaded === 'loaded') await start();
  else root.render(<OfficeUnreachable lang={browserLang} />);
}
