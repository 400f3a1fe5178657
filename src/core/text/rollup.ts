/** Words of the roll-up 推荐汇总 (keys rollup.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const ROLLUP_TEXT = {
} as const satisfies TextTable;
