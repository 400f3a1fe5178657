/**
 * The result of the ribbon's "直接检查", as plain data: shown in a small dialog (result.html) where Excel has
 * the Dialog API, and kept on this machine so the pane shows it when opened (every Excel, even without dialogs).
 */
import type { Lang, LoadedRulebook } from '../core/index.js';
import { t } from '../core/text/index.js';

export interface CommandOutcome {
  /** ISO time of the check. */
  at: string;
  ok: boolean;
  lang: Lang;
  title: string;
  text: string;
}

/**
 * What a finished check says, in Excel and in WPS alike: the verdict, the cells flagged (and restored), and the
 * rulebook it used — the deployment's, as the pane's (src/common/deployment.ts `rulebookInForce`).
 */
export function checkedText(r: { report: { verdictText: Record<Lang, string> }; sheet: string; flagged: number; restored: number }, rb: LoadedRulebook, lang: Lang): string {
  const restored = r.restored ? ` ${t('pane.restored', lang, { n: r.restored })}` : '';
  const rulebook = t('pane.command.rulebook', lang, { name: rb.source.name[lang === 'zh-CN' ? 'zh' : 'en'], id: rb.source.id });
  return `${t('pane.command.done', lang, { verdict: r.report.verdictText[lang], sheet: r.sheet, n: r.flagged })}${restored} ${rulebook}`;
}

const LAST_OUTCOME_KEY = 'cluster-review:last-command';
/** A dialog URL stays well below what browsers and Office accept; an Excel error text can be long. */
const MAX_TEXT = 1200;

export function saveOutcome(o: CommandOutcome, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(LAST_OUTCOME_KEY, JSON.stringify(o));
  } catch {
    // Storage may be disabled by policy; the dialog (or the cells) still carry the result.
  }
}

function parse(raw: unknown): CommandOutcome | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.at !== 'string' || typeof o.ok !== 'boolean' || typeof o.title !== 'string' || typeof o.text !== 'string') return null;
  if (o.lang !== 'zh-CN' && o.lang !== 'en-US') return null;
  return { at: o.at, ok: o.ok, lang: o.lang, title: o.title, text: o.text };
}

/** The last outcome, if recent (an old one would be news about another workbook). */
export function lastOutcome(now = Date.now(), maxAgeMs = 30 * 60_000, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): CommandOutcome | null {
  try {
    const o = parse(JSON.parse(storage?.getItem(LAST_OUTCOME_KEY) ?? 'null'));
    if (!o) return null;
    const age = now - Date.parse(o.at);
    return age >= 0 && age <= maxAgeMs ? o : null;
  } catch {
    return null;
  }
}

export function outcomeQuery(o: CommandOutcome): string {
  return new URLSearchParams({ at: o.at, ok: o.ok ? '1' : '0', lang: o.lang, title: o.title, text: o.text.slice(0, MAX_TEXT) }).toString();
}

export function outcomeFromQuery(search: string): CommandOutcome | null {
  const q = new URLSearchParams(search);
  return parse({ at: q.get('at'), ok: q.get('ok') === '1', lang: q.get('lang'), title: q.get('title'), text: q.get('text') });
}

/** "2026-11-30 14:05" in local time, for the pane's notice. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
