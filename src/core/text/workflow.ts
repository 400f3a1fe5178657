/** Words of warnings of the review workflow shared by every adapter (keys warning.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const WORKFLOW_TEXT = {
} as const satisfies TextTable;
