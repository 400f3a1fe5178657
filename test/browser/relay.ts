/**
 * One workbook for several pages: the test keeps it (a FakeWorkbook in Node) and each page's fake Excel pulls it
 * before a batch and pushes it back after, one batch at a time (as Excel applies one request at a time), then
 * the other pages get the change events. Two panes on two pages are two experts co-authoring one workbook.
 */
import type { Page } from 'playwright-core';
import { FakeWorkbook, type FakeChange, type FakeState } from '../support/fake-excel.js';

export class Relay {
  private readonly shared: FakeWorkbook;
  /** The workbook, for the test to read or edit behind the panes' backs: every access counts as a change, so the next pull of every page gets it. */
  get wb(): FakeWorkbook {
    this.version++;
    return this.shared;
  }
  private readonly pages: Page[] = [];
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  /** Batches applied, by page index (for assertions). */
  readonly batches: number[] = [];
  /** Bumped by every batch that changed the workbook; a page that saw the latest is not sent it again. */
  private version = 0;
  /** Pages whose next batch registering a change handler waits (holdWatch). */
  private readonly holds = new Map<Page, { reached: () => void; released: Promise<void> }>();

  constructor(state: FakeState) {
    this.shared = new FakeWorkbook(structuredClone(state));
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
    // The version this page's fake holds (-1: none, e.g. after a reload, which starts from the page's fixture).
    let seen = -1;
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      generation++;
      seen = -1;
      if (holding) {
        holding = false;
        this.free();
      }
    });
    await page.exposeFunction('__relayPull', async (ops: string[] = []) => {
      const hold = this.holds.get(page);
      if (hold && ops.includes('onChanged.add')) {
        this.holds.delete(page);
        hold.reached();
        await hold.released;
      }
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
        return this.shared.state;
      }
      holding = true;
      if (seen === this.version) return null;
      seen = this.version;
      return this.shared.state;
    });
    await page.exposeFunction('__relayPush', async (state: FakeState | null, changes: FakeChange[]) => {
      if (state) {
        this.shared.state = state;
        seen = ++this.version;
      }
      this.batches[index]!++;
      holding = false;
      this.free();
      if (!changes.length) return;
      for (const other of this.pages)
        if (other !== page && !other.isClosed()) void other.evaluate((ch) => (window as unknown as { __fake: FakeWorkbook }).__fake.deliver(ch), changes).catch(() => undefined);
    });
  }

  /**
   * Holds the page's next batch that registers a Worksheet.onChanged handler (before it takes the workbook, so the
   * others' batches go on): `reached` resolves when it is held, `release` lets it go. What a change landing while
   * a pane renews its watch looks like, made certain rather than left to the machine's timing. A page that makes
   * no such batch within `within` ms fails `reached`, saying so, rather than leaving the test to its own timeout.
   */
  holdWatch(page: Page, within = 30_000): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const r = new Promise<void>((ok, no) => {
      const late = setTimeout(() => {
        this.holds.delete(page);
        no(new Error(`page ${this.pages.indexOf(page)} registered no change handler within ${within} ms: its pane renewed no watch`));
      }, within);
      reached = () => {
        clearTimeout(late);
        ok();
      };
    });
    this.holds.set(page, { reached, released: new Promise<void>((ok) => (release = ok)) });
    return { reached: r, release };
  }

  private free(): void {
    const release = this.release;
    this.release = null;
    release?.();
  }
}
