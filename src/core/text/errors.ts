/** Words of file, workbook and Office errors shown as plain messages (keys error.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const ERROR_TEXT = {
} as const satisfies TextTable;
