/** Words of the application template: 填表说明 and 指标表 (keys template.*). zh-CN first, en-US second; `{name}` is filled from params by ./format.ts. */
import type { TextTable } from './format.js';

export const TEMPLATE_TEXT = {
} as const satisfies TextTable;
