/** The pane's language from Office's display language: English for en-*, Chinese otherwise. */
import type { Lang } from '../core/index.js';

export function langFromDisplay(displayLanguage: string | undefined): Lang {
  return /^en/i.test(displayLanguage ?? '') ? 'en-US' : 'zh-CN';
}
