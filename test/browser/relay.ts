/**
 * One workbook for several pages: the test keeps it (a FakeWorkbook in Node) and each page's fake Excel pulls it
 * before a batch and pushes it back after, one batch at a time (as Excel applies one request at a time), then
 * the other pages get the change events. Two panes on two pages are two experts co-authoring one workbook.
 */
import type { Page } from 'playwright-core';
import { FakeWorkbook, type FakeChange, type FakeState } from '../support/fake-excel.js';

export class Relay {
  readonly wb: FakeWorkbook;
  private readonly pages: Page[] = [];
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  /** Batches applied, by page index (for assertions). */
  readonly batches: number[] = [];

  constructor(state: FakeState) {
    this.wb = new FakeWorkbook(structuredClone(state));
  }

  /** Exposes the pull and push to a page (before it navigates). */
  async attach(page: Page): Promise<void> {
    const index = this.pages.length;
    this.pages.push(page);
    this.batches.push(0);
    // A page that navigates away (reload) mid-batch never pushes: its hold and its waiting pulls are dropped, as
    // Excel drops a session that is gone.
    let generation = 0;
    let holding = false;
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      generation++;
      if (holding) {
        holding = false;
        this.free();
      }
    });
    await page.exposeFunction('__relayPull', async () => {
      const mine = generation;
      for (;;) {
        const prev = this.tail;
        let done!: () => void;
        const next = new Promise<void>((ok) => (done = ok));
        this.tail = prev.then(() => next);
        await prev;
        this.release = done;
        if (mine === generation) break;
        this.free();
        return this.wb.state;
      }
      holding = true;
      return this.wb.state;
    });
    await page.exposeFunction('__relayPush', async (state: FakeState | null, changes: FakeChange[]) => {
      if (state) this.wb.state = state;
      this.batches[index]!++;
      holding = false;
      this.free();
      if (!changes.length) return;
      for (const other of this.pages)
        if (other !== page && !other.isClosed()) void other.evaluate((ch) => (window as unknown as { __fake: FakeWorkbook }).__fake.deliver(ch), changes).catch(() => undefined);
    });
  }

  private free(): void {
    const release = this.release;
    this.release = null;
    release?.();
  }
}
