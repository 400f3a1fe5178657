/** Words of rulebook problems and rulebook show (keys rulebook.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const RULEBOOK_TEXT = {
} as const satisfies TextTable;
