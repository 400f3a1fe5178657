/**
 * Set by boot.js (src/wps/boot.ts), the first script of every WPS page, when the browser is older than the WPS
 * build is for: then it has already shown why, and the page's own script must not start (it would half-run, or
 * overwrite the message).
 */
export const UNSUPPORTED_GLOBAL = '__CLUSTER_REVIEW_UNSUPPORTED__';

export const browserUnsupported = (): boolean => Boolean((window as unknown as Record<string, unknown>)[UNSUPPORTED_GLOBAL]);
