/** The WPS 加载项's entry page script: WPS loads index.html at start and calls the ribbon through `window.ribbon`. */
import { ribbon } from './ribbon.js';

(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
