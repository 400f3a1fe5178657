/** Renders a finding's message from its code and params, in one language. The only path from findings to prose. */
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Finding, Lang } from '../types.js';
import { makeMsgCtx, type MessageTable, type MsgCtx } from './context.js';
import { enUS } from './en-US.js';
import { zhCN } from './zh-CN.js';

export const MESSAGE_TABLES: Record<Lang, MessageTable> = { 'zh-CN': zhCN, 'en-US': enUS };

const cache = new WeakMap<LoadedRulebook, Partial<Record<Lang, MsgCtx>>>();

function ctxFor(rb: LoadedRulebook, lang: Lang): MsgCtx {
  let byLang = cache.get(rb);
  if (!byLang) cache.set(rb, (byLang = {}));
  return (byLang[lang] ??= makeMsgCtx(rb, lang));
}

export function renderMessage(f: Finding, rb: LoadedRulebook, lang: Lang): string {
  const template = MESSAGE_TABLES[lang][f.code];
  // An unknown code is a programming error, but a reviewer still gets a readable line rather than a crash.
  if (!template) return `${f.code}${f.cells.length ? ` (${f.cells.join(', ')})` : ''}`;
  return template(f, f.params, ctxFor(rb, lang));
}

export { fmtValue } from '../text/value.js';
export { UI_TEXT, t, tAny, TEXT_TABLES, type TextKey } from '../text/index.js';
