/**
 * Task pane entry: paint the shell at once, load office.js without blocking (src/office/loader.ts),
 * then connect to Excel (or learn that we are outside it) and render (./start.tsx). office.js that cannot load is
 * said in words, distinct from "请在 Excel 中使用"; a failure is shown in words. The WPS 加载项 has its own entry
 * (src/wps/pane-page.tsx, classic scripts), but this page also finds WPS when it is opened there.
 */
import { OfficeUnreachable, Shell } from './components/Boot.js';
import { connectHost, wpsHost } from './host.js';
import { loadOfficeJs } from '../office/loader.js';
import { paneStart } from './start.js';

const { root, browserLang, start } = paneStart(() => connectHost());
const inWps = wpsHost() !== null;
root.render(<Shell lang={browserLang} suite={inWps ? 'wps' : 'excel'} />);
// In WPS there is no office.js to load: the pane starts at once.
if (inWps) await start();
else {
  // A very slow network may deliver office.js after the message: then the pane starts after all.
  const loaded = await loadOfficeJs({ onLate: () => void start() });
  if (loaded === 'loaded') await start();
  else root.render(<OfficeUnreachable lang={browserLang} />);
}
