/** Words of the task pane (keys pane.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const PANE_TEXT = {
} as const satisfies TextTable;
