/** The result dialog of "直接检查" in the WPS 加载项 (commands/result.html): shown as in Excel, without office.js. */
import './polyfills.js';
import { showOutcome } from '../common/result-view.js';
import { browserUnsupported } from './unsupported.js';

if (!browserUnsupported()) showOutcome(location.search, () => false);
