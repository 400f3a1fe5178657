/**
 * The WPS 加载项's entry script: WPS opens index.html when it starts, whose classic scripts are rulebooks.js,
 * boot.js and this (built as main.js, src/wps/build.ts); WPS then calls the ribbon's functions (ribbon.xml)
 * through `window.ribbon`, set here as the script runs. In a browser too old for the add-in boot.js has set a
 * ribbon that says so instead.
 */
import './polyfills.js';
import { ribbon } from './ribbon.js';
import { browserUnsupported } from './unsupported.js';

if (!browserUnsupported()) (window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
