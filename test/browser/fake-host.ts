/**
 * Stands in for office.js on the browser test page: Office.onReady reports Excel, Excel.run hands the pane a
 * context of the strict fake workbook. The fixture state and requirement sets come from the test
 * (window.__CLUSTER_REVIEW_FIXTURE__); the fake stays reachable as window.__fake for assertions.
 */
import { FakeWorkbook, type FakeState } from '../support/fake-excel.js';

interface Fixture {
  state: FakeState;
  displayLanguage: string;
  /** Highest ExcelApi version the fake host supports, e.g. "1.18". */
  excelApi: string;
  /** "outside": behave like office.js opened in a plain browser (host null). */
  host?: 'excel' | 'outside';
}

const w = window as unknown as { __CLUSTER_REVIEW_FIXTURE__: Fixture; __fake: FakeWorkbook; Office: unknown; Excel: unknown };
const fixture = w.__CLUSTER_REVIEW_FIXTURE__;
const fake = new FakeWorkbook(fixture.state);
w.__fake = fake;
const num = (v: string) => v.split('.').map(Number) as [number, number];
const supports = (name: string, v: string) => {
  if (name !== 'ExcelApi') return false;
  const [a, b] = num(v);
  const [x, y] = num(fixture.excelApi);
  return a < x || (a === x && b <= y);
};

w.Office = {
  HostType: { Excel: 'Excel' },
  onReady(cb?: (info: { host: string | null; platform: string | null }) => void) {
    const info = fixture.host === 'outside' ? { host: null, platform: null } : { host: 'Excel', platform: 'OfficeOnline' };
    setTimeout(() => cb?.(info), 0);
    return Promise.resolve(info);
  },
  context: { displayLanguage: fixture.displayLanguage, requirements: { isSetSupported: supports } },
  actions: { associate() {} },
};
w.Excel = { run: (fn: (ctx: unknown) => Promise<unknown>) => fn(fake.context()) };
