/**
 * The pane's own way into a fake Excel: `Office` (onReady, requirement sets) and `Excel` (run, and the classes of
 * the loaded office.js) installed as globals from a FakeWorkbook and its host, then src/office/host.ts's `connect`
 * and src/office/scoring.ts's `detectScoringCaps` asked what this Excel can do — the code path the pane takes, so
 * a test of a host is a test of how the add-in decides, not of capabilities typed in by hand.
 */
import type { Capabilities } from '../../src/office/capabilities.js';
import { connect } from '../../src/office/host.js';
import { detectScoringCaps, type ScoringCaps } from '../../src/office/scoring.js';
import type { FakeWorkbook } from './fake-excel.js';

type Globals = { Office?: unknown; Excel?: unknown };

/** Runs `fn` with Office and Excel standing for `fake`'s host, then puts the globals back. */
export async function withOffice<T>(fake: FakeWorkbook, fn: () => Promise<T> | T): Promise<T> {
  const g = globalThis as Globals;
  const saved = { Office: g.Office, Excel: g.Excel };
  g.Office = {
    HostType: { Excel: 'Excel' },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'PC' };
      setTimeout(() => cb?.(info), 0);
      return Promise.resolve(info);
    },
    context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: (name: string, v: string) => fake.isSetSupported(name, v) } },
  };
  g.Excel = { ...fake.excelNamespace(), run: (f: (ctx: unknown) => Promise<unknown>) => f(fake.context()) };
  try {
    return await fn();
  } finally {
    g.Office = saved.Office;
    g.Excel = saved.Excel;
  }
}

/** What the pane decides this host can do: the check's capabilities and the scoring panel's. */
export async function hostCaps(fake: FakeWorkbook): Promise<{ caps: Capabilities; scoring: ScoringCaps }> {
  return withOffice(fake, async () => {
    const host = await connect(1000);
    if (host.kind !== 'excel') throw new Error(`connect gave ${host.kind}`);
    return { caps: host.caps, scoring: detectScoringCaps() };
  });
}
