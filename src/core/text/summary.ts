/** Words of the summary sheet 评审汇总 (keys summary.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const SUMMARY_TEXT = {
} as const satisfies TextTable;
