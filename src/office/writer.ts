/**
 * Queues writes and syncs in as few round trips as the payload allows: Excel on the web refuses a request over
 * 5 MB, so writes are cut into chunks below a budget, measured by an estimate of what each command sends.
 */
import type { XContext } from './surface.js';

const PAYLOAD_BUDGET = 4_000_000;

export class Writer {
  private pending = 0;
  syncs = 0;

  constructor(
    private readonly ctx: XContext,
    private readonly budget = PAYLOAD_BUDGET,
  ) {}

  /** Size of a command's arguments as they travel (JSON), plus a fixed cost per command. */
  static size(v: unknown): number {
    return 64 + (v === undefined ? 0 : JSON.stringify(v).length * 2);
  }

  /** Runs `queue` (which only queues commands), syncing first when its payload would pass the budget. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    queue();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    this.syncs++;
    await this.ctx.sync();
  }
}
