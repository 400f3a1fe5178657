/**
 * The task pane's entry in the WPS 加载项 (assets/wps-pane-*.js after boot.js): the same pane as in Excel, started
 * at once (WPS gives the page its object model before any script runs; there is no office.js to wait for).
 */
import './polyfills.js';
import { Shell } from '../taskpane/components/Boot.js';
import { wpsHost } from '../taskpane/host.js';
import { paneStart } from '../taskpane/start.js';
import { browserUnsupported } from './unsupported.js';

if (!browserUnsupported()) {
  const { root, browserLang, start } = paneStart(async () => wpsHost() ?? { kind: 'outside' });
  root.render(<Shell lang={browserLang} suite="wps" />);
  void start();
}
