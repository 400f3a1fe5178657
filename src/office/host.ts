/**
 * Connects the pane to Excel: waits for Office.js, never forever. Outside Office (a plain browser, or office.js
 * blocked) the pane says it runs inside Excel instead of hanging.
 */
import { detectCapabilities, type Capabilities } from './capabilities.js';
import type { XContext } from './surface.js';

export type Host =
  | { kind: 'excel'; displayLanguage: string; caps: Capabilities; run<T>(fn: (ctx: XContext) => Promise<T>): Promise<T> }
  | { kind: 'outside' };

export function connect(timeoutMs = 10_000): Promise<Host> {
  return new Promise((resolve) => {
    const outside = () => resolve({ kind: 'outside' });
    const timer = setTimeout(outside, timeoutMs);
    const start = () => {
      if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false;
      Office.onReady((info) => {
        clearTimeout(timer);
        if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') return outside();
        resolve({
          kind: 'excel',
          displayLanguage: Office.context.displayLanguage ?? 'zh-CN',
          caps: detectCapabilities((name, v) => Office.context.requirements.isSetSupported(name, v)),
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
  const caps = detectCapabilities((name, v) => Office.context.requirements.isSetSupported(name, v));
  return Excel.run((ctx) => fn(ctx as unknown as XContext, { caps, displayLanguage: Office.context.displayLanguage ?? 'zh-CN' }));
}

/** Registers a ribbon command's function once Office is ready. */
export function onCommandsReady(name: string, fn: (event: Office.AddinCommands.Event) => Promise<void>): void {
  Office.onReady(() => Office.actions.associate(name, fn));
}
