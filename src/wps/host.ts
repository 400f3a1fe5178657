/**
 * WPS as the pane's host: detection, the session the pane runs its actions in, and the add-in root's own calls
 * (task pane, dialog, storage shared by the add-in's pages). In a WPS 加载项 page WPS provides `window.Application`
 * (and `wps`, the same root) synchronously, before any script runs — the toolkit's templates (npm `wpsjs`,
 * packages/@wps-jsapi/et*) call `window.Application.ActiveWorkbook`, `CreateTaskPane(url)`, `GetTaskPane(id)`,
 * `ShowDialog(url, title, width, height, modal)` and `PluginStorage` on it. Only this folder touches those globals.
 */
import type { WApplication } from './surface.js';

/** The add-in root's calls the pane and ribbon use (npm `et-jsapi-declare`, index.d.ts: WPS.AddonRoot). */
export interface WAddinRoot {
  CreateTaskPane(url: string, title?: string): { ID: number; Visible: boolean };
  GetTaskPane(id: number): { ID: number; Visible: boolean } | null;
  ShowDialog(url: string, title?: string, width?: number, height?: number, isModal?: boolean): void;
  readonly PluginStorage: { setItem(key: string, value: string | number | boolean): void; getItem(key: string): string | null };
}

type Root = WApplication & Partial<WAddinRoot>;

/**
 * The WPS spreadsheet application, when this page runs inside WPS 表格: `window.Application` with a workbook
 * property (WPS 文字 and 演示 have none: the pane is for spreadsheets). Null in Excel or a plain browser.
 */
export function wpsApplication(): Root | null {
  const g = globalThis as { Application?: unknown; wps?: unknown };
  const app = (g.Application ?? g.wps) as Root | undefined;
  if (!app || typeof app !== 'object') return null;
  try {
    return 'ActiveWorkbook' in app ? app : null;
  } catch {
    return null;
  }
}

/** Runs an action against WPS. The object model is synchronous; the pane's actions are promises like Excel's. */
export async function runInWps<T>(app: WApplication, fn: (app: WApplication) => T | Promise<T>): Promise<T> {
  // One turn of the event loop first, so the pane paints its spinner before WPS is busy.
  await new Promise((r) => setTimeout(r, 0));
  return fn(app);
}

/** WPS's display language is not in the object model the adapter uses: the page's (WPS's Chromium follows WPS's UI). */
export const wpsDisplayLanguage = (): string => (typeof navigator === 'undefined' ? 'zh-CN' : navigator.language || 'zh-CN');

/**
 * What WPS lets the pane's scoring do beyond scores (src/wps/scoring.ts): texts also as comments (its notes); no
 * threaded comments ("讨论" is not offered) and no change events (the pane refreshes when asked). Here, not in
 * scoring.ts, so the pane knows it before that module loads. Same shape as src/office/scoring.ts ScoringCaps.
 */
export const WPS_SCORING_CAPS = { events: false, threads: false, resolved: false, notes: true } as const;
