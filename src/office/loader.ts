/**
 * Loads office.js without ever blocking the page: the pane paints first, then this adds the script. A network
 * error, a refused request or a request that hangs ends in 'unreachable' (the pane then says so in words),
 * distinct from office.js loaded outside Excel. The URL comes from the build's preload hint (vite.config.ts):
 * the add-in's own copy by default, Microsoft's CDN when built with OFFICE_JS=cdn.
 */

export type OfficeLoad = 'loaded' | 'unreachable';

/** How long office.js itself may take to arrive (≈ 60 KB; the host files it loads next have their own wait). */
const OFFICE_JS_TIMEOUT_MS = 15_000;

const FALLBACK = '../office-js/office.js';

/** The office.js URL the build put in the page, absolute. */
function officeJsUrl(doc: Document = document): string {
  const link = doc.querySelector<HTMLLinkElement>('link[data-office-js]');
  return link?.href || new URL(FALLBACK, doc.baseURI).href;
}

/** The wait before 'unreachable'; a test may shorten it (window.__CLUSTER_REVIEW_OFFICE_JS_TIMEOUT_MS__). */
function officeJsTimeout(): number {
  const v = (globalThis as { __CLUSTER_REVIEW_OFFICE_JS_TIMEOUT_MS__?: unknown }).__CLUSTER_REVIEW_OFFICE_JS_TIMEOUT_MS__;
  return typeof v === 'number' && v > 0 ? v : OFFICE_JS_TIMEOUT_MS;
}

const present = () => typeof (globalThis as { Office?: { onReady?: unknown } }).Office?.onReady === 'function';

/**
 * Adds office.js to the page and resolves once it has run ('loaded') or cannot ('unreachable'). If it arrives
 * after the timeout (a very slow network), `onLate` is called so the pane can still start.
 */
export function loadOfficeJs(opts: { url?: string; timeoutMs?: number; onLate?: () => void } = {}): Promise<OfficeLoad> {
  if (present()) return Promise.resolve('loaded');
  const url = opts.url ?? officeJsUrl();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: OfficeLoad) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => settle('unreachable'), opts.timeoutMs ?? officeJsTimeout());
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => {
      // A page that answers with something else than office.js (a proxy's block page) is unreachable too.
      if (!present()) return settle('unreachable');
      if (settled) opts.onLate?.();
      else settle('loaded');
    };
    script.onerror = () => settle('unreachable');
    document.head.appendChild(script);
  });
}
