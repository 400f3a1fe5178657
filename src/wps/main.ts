/**
 * The WPS 加载项's entry module: WPS opens index.html at start, which includes main.js (written by the build), which
 * loads this module; WPS then calls the ribbon's functions (ribbon.xml) through `window.ribbon`.
 */
import { ribbon } from './ribbon.js';

(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
