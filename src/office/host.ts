/**
 * Connects the pane to Excel: waits for Office.js, never forever. Outside Office (a plain browser) office.js says
 * so at once and the pane says it runs inside Excel. office.js that runs but never becomes ready — the Excel host
 * file it loads next (excel-web-16.00.js, excel-win32-16.01.js…) blocked or dropped by the network — is
 * 'unreachable', said in the words of an office.js that cannot load, not "请在 Excel 中使用".
 */
import { detectCapabilities, loadedLibrary, type Capabilities } from './capabilities.js';
import type { XContext } from './surface.js';

export type Host =
  | { kind: 'excel'; displayLanguage: string; caps: Capabilities; run<T>(fn: (ctx: XContext) => Promise<T>): Promise<T> }
  | { kind: 'outside' }
  | { kind: 'unreachable' };

/** How long Office.onReady may take once office.js has run (it loads its host file first). */
const OFFICE_READY_TIMEOUT_MS = 10_000;

/** The wait for Office.onReady; a test may shorten it (window.__CLUSTER_REVIEW_OFFICE_READY_TIMEOUT_MS__). */
function officeReadyTimeout(): number {
  const v = (globalThis as { __CLUSTER_REVIEW_OFFICE_READY_TIMEOUT_MS__?: unknown }).__CLUSTER_REVIEW_OFFICE_READY_TIMEOUT_MS__;
  return typeof v === 'number' && v > 0 ? v : OFFICE_READY_TIMEOUT_MS;
}

export function connect(timeoutMs = officeReadyTimeout()): Promise<Host> {
  return new Promise((resolve) => {
    const outside = () => resolve({ kind: 'outside' });
    let waiting = false;
    // office.js present but silent: its host file did not arrive.
    const timer = setTimeout(() => resolve(waiting ? { kind: 'unreachable' } : { kind: 'outside' }), timeoutMs);
    const start = () => {
      if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false;
      waiting = true;
      Office.onReady((info) => {
        clearTimeout(timer);
        if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') return outside();
        resolve({
          kind: 'excel',
          displayLanguage: Office.context.displayLanguage ?? 'zh-CN',
          caps: detectCapabilities((name, v) => Office.context.requirements.isSetSupported(name, v), loadedLibrary()),
          run: (fn) => Excel.run((ctx) => fn(ctx as unknown as XContext)),
        });
      });
      return true;
    };
    if (start()) return;
    // office.js is loaded by a script tag before this module; give a slow network a moment, then say so.
    let tries = 0;
    const poll = setInterval(() => {
      if (start() || ++tries > 20) clearInterval(poll);
      if (tries > 20) {
        clearTimeout(timer);
        outside();
      }
    }, 100);
  });
}

/** For ribbon commands: run with the current Excel's context, capabilities and display language. */
export async function runCommand<T>(fn: (ctx: XContext, info: { caps: Capabilities; displayLanguage: string }) => Promise<T>): Promise<T> {
  const caps = detectCapabilities((name, v) => Office.context.requirements.isSetSupported(name, v), loadedLibrary());
  return Excel.run((ctx) => fn(ctx as unknown as XContext, { caps, displayLanguage: Office.context.displayLanguage ?? 'zh-CN' }));
}

/** Registers a ribbon command's function once Office is ready. */
export function onCommandsReady(name: string, fn: (event: Office.AddinCommands.Event) => Promise<void>): void {
  Office.onReady(() => Office.actions.associate(name, fn));
}
