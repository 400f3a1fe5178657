/** Words of the command line: help, usage, progress, tables (keys cli.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const CLI_TEXT = {
} as const satisfies TextTable;
