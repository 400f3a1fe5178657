/**
 * What the WPS build needs of the JavaScript standard library, in the older Chromium inside WPS (from Chromium 67,
 * src/wps/build.ts): imported first by each WPS entry, so it runs before any library's own code. core-js adds each
 * standard function the browser lacks (Object.fromEntries, Array.prototype.flat, structuredClone, …) and leaves
 * those it has; the syntax is lowered by the build itself (esbuild's target).
 */
import 'core-js/stable';

/**
 * WeakRef (Chromium 84), which Fluent UI's focus handling (tabster, keyborg) uses to remember elements. No code can
 * make a reference weak; a strong one is what an engine that never collects those elements gives — deref() goes on
 * answering, which the language allows — at the cost of keeping the few elements those libraries track for the life
 * of the pane.
 */
if (typeof (window as { WeakRef?: unknown }).WeakRef !== 'function') {
  class StrongRef<T extends object> {
    constructor(private readonly target: T) {}
    deref(): T {
      return this.target;
    }
  }
  Object.defineProperty(window, 'WeakRef', { value: StrongRef, writable: true, configurable: true });
}
