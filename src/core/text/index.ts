/**
 * Every user-facing word, in tables keyed by id (one file per part of the product, each key prefixed by its
 * part), rendered by one formatter. `t('summary.title', lang, { year })`.
 */
import type { Lang } from '../types.js';
import { CHART_TEXT } from './chart.js';
import { CLI_TEXT } from './cli.js';
import { COMMITTEE_TEXT } from './committee.js';
import { ERROR_TEXT } from './errors.js';
import { fill, type TextParams, type TextTable } from './format.js';
import { MONITORING_TEXT } from './monitoring.js';
import { PANE_TEXT } from './pane.js';
import { PAPERS_TEXT } from './papers.js';
import { ROLLUP_TEXT } from './rollup.js';
import { RULEBOOK_TEXT } from './rulebook.js';
import { SUMMARY_TEXT } from './summary.js';
import { TEMPLATE_TEXT } from './template.js';
import { UI_TEXT } from './ui.js';
import { WORKFLOW_TEXT } from './workflow.js';

/** The tables by part; a test checks that keys carry their part's prefix, so no two tables share a key. */
export const TEXT_TABLES = {
  ui: UI_TEXT,
  cli: CLI_TEXT,
  pane: PANE_TEXT,
  error: ERROR_TEXT,
  summary: SUMMARY_TEXT,
  template: TEMPLATE_TEXT,
  rollup: ROLLUP_TEXT,
  rulebook: RULEBOOK_TEXT,
  warning: WORKFLOW_TEXT,
  committee: COMMITTEE_TEXT,
  monitoring: MONITORING_TEXT,
  papers: PAPERS_TEXT,
  chart: CHART_TEXT,
} as const satisfies Record<string, TextTable>;

export const TEXT = {
  ...UI_TEXT,
  ...CLI_TEXT,
  ...PANE_TEXT,
  ...ERROR_TEXT,
  ...SUMMARY_TEXT,
  ...TEMPLATE_TEXT,
  ...ROLLUP_TEXT,
  ...RULEBOOK_TEXT,
  ...WORKFLOW_TEXT,
  ...COMMITTEE_TEXT,
  ...MONITORING_TEXT,
  ...PAPERS_TEXT,
  ...CHART_TEXT,
} as const satisfies TextTable;

export type TextKey = keyof typeof TEXT;

/** The one formatter: the entry for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(key: TextKey, lang: Lang, params?: TextParams): string {
  return fill(TEXT[key][lang], lang, params);
}

/** For keys built at run time (e.g. `status.${s}`); an unknown key is shown as itself rather than crashing. */
export function tAny(key: string, lang: Lang, params?: TextParams): string {
  const e = (TEXT as TextTable)[key];
  return e ? fill(e[lang], lang, params) : key;
}
export { UI_TEXT };
export { fill, listSep, pageDate, type TextEntry, type TextParams, type TextTable } from './format.js';
