/**
 * Stands in for office.js on the browser test page: Office.onReady reports Excel, Excel.run hands the pane a
 * context of the strict fake workbook, and `Excel`'s classes are those the fixture's office.js defines (`lacks`). The fixture state and requirement sets come from the test
 * (window.__CLUSTER_REVIEW_FIXTURE__); the fake stays reachable as window.__fake for assertions.
 */
import { FakeWorkbook, type FakeChange, type FakeState } from '../support/fake-excel.js';

/** What the test gives the page (see harness.ts openPane). */
export interface Fixture {
  state: FakeState;
  displayLanguage: string;
  /** Highest ExcelApi version the fake host supports, e.g. "1.18". */
  excelApi: string;
  /**
   * What the loaded office.js lacks ("Class" or "Class.member"), e.g. BUNDLED_OFFICE_JS_LACKS: the host reports its
   * sets, the library defines less (the bundled copy). Absent: a current office.js, as from Microsoft's CDN.
   */
  lacks?: readonly string[];
  /** "outside": behave like office.js opened in a plain browser (host null). */
  host?: 'excel' | 'outside';
  /** Requirement sets other than ExcelApi the host supports, e.g. { DialogApi: '1.1' }. */
  sets?: Record<string, string>;
  /**
   * One workbook shared with other pages (people co-authoring): every sync pulls it from the test and pushes it
   * back through the functions the test exposes (window.__relayPull / __relayPush); others' changes arrive as
   * change events through window.__fake.deliver.
   */
  relay?: boolean;
  /** false: the office.js loaded has no chart API (Excel.ChartType undefined), as an old bundled copy may not. */
  chartApi?: boolean;
}

type Handler = (arg: unknown) => void;
/** What the host recorded: ribbon functions associated, dialogs opened (and their handlers), for assertions. */
interface HostLog {
  actions: Record<string, (event: { completed(): void }) => unknown>;
  dialogs: { url: string; options: unknown; closed: boolean; handlers: Record<string, Handler[]> }[];
  messages: string[];
}

const w = window as unknown as {
  __CLUSTER_REVIEW_FIXTURE__: Fixture;
  __fake: FakeWorkbook;
  __host: HostLog;
  Office: unknown;
  Excel: unknown;
  __relayPull?: (ops: string[]) => Promise<FakeState | null>;
  __relayPush?: (state: FakeState | null, changes: FakeChange[]) => Promise<void>;
};
const fixture = w.__CLUSTER_REVIEW_FIXTURE__;
const fake = new FakeWorkbook(fixture.state);
fake.host = { name: `fake host (ExcelApi ${fixture.excelApi})`, excelApi: fixture.excelApi, lacks: fixture.lacks ?? [] };
w.__fake = fake;
if (fixture.relay)
  fake.relay = {
    pull: (ops) => w.__relayPull!(ops),
    push: (state, changes) => w.__relayPush!(state, changes),
  };
const num = (v: string) => v.split('.').map(Number) as [number, number];
const supports = (name: string, v: string) => {
  if (name === 'ExcelApi') return fake.isSetSupported(name, v);
  const have = fixture.sets?.[name];
  if (!have) return false;
  const [a, b] = num(v);
  const [x, y] = num(have);
  return a < x || (a === x && b <= y);
};
const log: HostLog = { actions: {}, dialogs: [], messages: [] };
w.__host = log;

w.Office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  onReady(cb?: (info: { host: string | null; platform: string | null }) => void) {
    const info = fixture.host === 'outside' ? { host: null, platform: null } : { host: 'Excel', platform: 'OfficeOnline' };
    setTimeout(() => cb?.(info), 0);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: fixture.displayLanguage,
    requirements: { isSetSupported: supports },
    ui: {
      // The Dialog API as Office gives it: a callback with an AsyncResult whose value is the dialog.
      displayDialogAsync(url: string, options: unknown, cb: (r: { status: string; value: unknown }) => void) {
        const d = { url, options, closed: false, handlers: {} as Record<string, Handler[]> };
        log.dialogs.push(d);
        const dialog = {
          close() {
            d.closed = true;
          },
          addEventHandler(type: string, h: Handler) {
            (d.handlers[type] ??= []).push(h);
          },
        };
        setTimeout(() => cb({ status: 'succeeded', value: dialog }), 0);
      },
      messageParent(message: string) {
        log.messages.push(message);
      },
    },
  },
  actions: {
    associate(name: string, fn: HostLog['actions'][string]) {
      log.actions[name] = fn;
    },
  },
};
// The loaded office.js: Excel.run, the classes its host file defines (what the pane inspects before using an API), and
// the enums office.js defines for charts (ExcelApi 1.1), unless the test's library has none.
w.Excel = {
  ...fake.excelNamespace(),
  run: (fn: (ctx: unknown) => Promise<unknown>) => fn(fake.context()),
  ...(fixture.chartApi === false ? {} : { ChartType: { columnClustered: 'ColumnClustered' }, ChartSeriesBy: { rows: 'Rows', columns: 'Columns', auto: 'Auto' } }),
};
