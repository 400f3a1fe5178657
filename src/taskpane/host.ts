/**
 * The pane's host layer: the same React pane runs in Excel (Office.js, src/office) and in WPS 表格 (its object
 * model, src/wps). `connectHost` detects WPS first — WPS gives its add-in pages `window.Application` before any
 * script runs, so no office.js is loaded there — and otherwise waits for Office.onReady as before. The actions
 * (`ops`) take a session whose context is either host's and call that host's adapter: both apply the same core
 * plans, so the pane shows the same findings and writes the same summary whichever it runs in. The template stamp
 * and the password retry go the same way; scoring's routing is in scoring-host.ts, loaded with the scoring panel
 * after the first paint (a dynamic import of Excel's scoring from here would split the core out of the shared
 * chunk and grow the first download). Excel's adapter (the check, the summary and the core's review engine they
 * bring) is itself loaded after the first paint (`officeAdapter`): the first download carries the shell only.
 */
import type { Lang, LoadedRulebook, RulebookStamp } from '../core/index.js';
import { FULL_CAPABILITIES, type Capabilities } from '../office/capabilities.js';
import { connect, type Host as OfficeHost } from '../office/host.js';
import type { XContext } from '../office/surface.js';
import type * as office from '../office/workbook.js';
import { runInWps, wpsApplication, wpsDisplayLanguage } from '../wps/host.js';
import type { WApplication } from '../wps/surface.js';
import type { WpsSession } from '../wps/workbook.js';

/**
 * The WPS adapter, loaded only in WPS: Excel's pane does not carry it in its first download (goal ≤ 250 KB). One
 * module for all of it (src/wps/pane.ts): a lazy entry per part would make the bundler split the shared core.
 */
export const wpsAdapter = () => import('../wps/pane.js');

/**
 * Excel's adapter and the stamp reader, loaded after the first paint (main.tsx asks for them once the pane is
 * shown, so a click on 检查 rarely waits): with them the review engine (checks, reader, plans, the workbook
 * record's zod schemas) leaves the first download (goal ≤ 250 KB gzipped, `npm run bench addin`).
 */
export const officeAdapter = () => import('./office-adapter.js');

/** What an action runs against: an Excel request context, or the WPS application. */
export type PaneContext = XContext | { wps: WApplication };

export type Host =
  | { kind: 'excel'; suite: 'excel' | 'wps'; displayLanguage: string; caps: Capabilities; run<T>(fn: (ctx: PaneContext) => Promise<T>): Promise<T> }
  | { kind: 'outside' }
  | { kind: 'unreachable' };

/** WPS has comments (Excel's notes), data validation, multi-area ranges, page setup and merged areas. */
const WPS_CAPABILITIES: Capabilities = FULL_CAPABILITIES;

/** The WPS host, when this page runs in WPS 表格; null otherwise (no call into WPS is made to find out). */
export function wpsHost(): Host | null {
  const app = wpsApplication();
  if (!app) return null;
  return { kind: 'excel', suite: 'wps', displayLanguage: wpsDisplayLanguage(), caps: WPS_CAPABILITIES, run: (fn) => runInWps(app, (a) => fn({ wps: a })) };
}

/** WPS if present, else Excel through Office.js (or outside both). */
export async function connectHost(timeoutMs?: number): Promise<Host> {
  const w = wpsHost();
  if (w) return w;
  const h: OfficeHost = await connect(timeoutMs);
  return h.kind === 'excel' ? { ...h, suite: 'excel', run: (fn) => h.run((ctx) => fn(ctx)) } : h;
}

export const isWps = (ctx: PaneContext): ctx is { wps: WApplication } => 'wps' in ctx;

/** A pane action's session, in either host. */
export interface Session {
  ctx: PaneContext;
  rb: LoadedRulebook;
  lang: Lang;
  caps: Capabilities;
}

const inWps = (s: Session & { ctx: { wps: WApplication } }): WpsSession => ({ app: s.ctx.wps, rb: s.rb, lang: s.lang });
const inExcel = (s: Session): office.Session => ({ ...s, ctx: s.ctx as XContext });

export { isOfficeError, type OfficeError } from '../common/results.js';

/** In WPS as in Excel, a sheet whose password the tool lacks gives the review read-only, and the pane asks for it. */
export async function checkWorkbook(s: Session, opts: { checkedAt?: string; password?: string } = {}): ReturnType<typeof office.checkWorkbook> {
  return isWps(s.ctx) ? (await wpsAdapter()).checkForPane(inWps(s as Session & { ctx: { wps: WApplication } }), opts) : (await officeAdapter()).checkWorkbook(inExcel(s), opts);
}

export async function writeSummary(s: Session, opts: { experts?: string[]; checkedAt?: string; sourceFile?: string } = {}): ReturnType<typeof office.writeSummary> {
  return isWps(s.ctx) ? (await wpsAdapter()).writeSummary(inWps(s as Session & { ctx: { wps: WApplication } }), opts) : (await officeAdapter()).writeSummary(inExcel(s), opts);
}

export async function clearFlags(s: Session): Promise<number> {
  return isWps(s.ctx) ? (await wpsAdapter()).clearFlags(inWps(s as Session & { ctx: { wps: WApplication } })) : (await officeAdapter()).clearFlags(inExcel(s));
}

export async function insertTemplate(s: Session, year: number): Promise<string> {
  return isWps(s.ctx) ? (await wpsAdapter()).insertTemplate(inWps(s as Session & { ctx: { wps: WApplication } }), year) : (await officeAdapter()).insertTemplate(inExcel(s), year);
}

export async function selectCell(ctx: PaneContext, address: string): Promise<void> {
  if (isWps(ctx)) (await wpsAdapter()).selectCell(ctx.wps, address);
  else await (await officeAdapter()).selectCell(ctx, address);
}

/** The rulebook stamped in the open workbook's template (shown when it differs from the one in force). */
export async function readStamp(ctx: PaneContext): Promise<RulebookStamp | null> {
  return isWps(ctx) ? (await wpsAdapter()).readTemplateStamp(ctx.wps) : (await officeAdapter()).readTemplateStamp(ctx);
}
