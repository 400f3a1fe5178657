/** The ribbon's "直接检查" in tests: Excel's command on its page (commands/commands.html) against the fake Excel host, and the rulebook a check recorded. */
import type { Page } from 'playwright-core';
import { META_SHEET, parseMeta } from '../../src/core/index.js';
import { metaRows } from '../support/fake-from-xlsx.js';

export interface CommandHostLog {
  dialogs: { url: string; closed: boolean }[];
  messages: string[];
}

/** Runs the associated ribbon function with an event that records completed(). */
export async function pressCheckNow(page: Page): Promise<void> {
  await page.waitForFunction(() => 'runCheck' in ((window as unknown as { __host?: { actions: object } }).__host?.actions ?? {}));
  await page.evaluate(() => {
    const w = window as unknown as { __host: { actions: Record<string, (e: { completed(): void }) => unknown> }; __completed: number };
    w.__completed = 0;
    void w.__host.actions.runCheck!({ completed: () => void w.__completed++ });
  });
}

/** How many times the command said it completed. */
export const commandCompleted = (page: Page) => page.evaluate(() => (window as unknown as { __completed: number }).__completed);
/** The dialogs the command opened and the messages dialogs sent, as the fake host recorded them. */
export const commandHostLog = (page: Page) => page.evaluate(() => (window as unknown as { __host: CommandHostLog }).__host);

/** The rulebook the tool recorded for its last review in the workbook's hidden record (either fake's sheets). */
export function recordedRulebook(sheets: ReadonlyArray<{ name: string; cells: Record<string, { value?: unknown }> }>): string | undefined {
  const sheet = sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return undefined;
  return parseMeta(metaRows(sheet.cells))?.review?.rulebook.id;
}
