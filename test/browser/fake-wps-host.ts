/**
 * Stands in for WPS on the browser test page: `window.Application` (and `wps`) is the strict fake WPS's
 * application, present before any of the page's scripts run, as WPS provides it, with the add-in root's calls the
 * ribbon uses (CreateTaskPane, GetTaskPane, ShowDialog, PluginStorage) recorded. The fixture comes from the test
 * (window.__CLUSTER_REVIEW_WPS__); the fake and the record stay reachable as window.__fakeWps and __wpsHost.
 */
import { FakeWps, type WpsState } from '../support/fake-wps.js';

interface HostLog {
  panes: Array<{ url: string; title?: string; ID: number; Visible: boolean }>;
  dialogs: Array<{ url: string; title?: string }>;
  storage: Record<string, string>;
}

const w = window as unknown as { __CLUSTER_REVIEW_WPS__: WpsState; __fakeWps: FakeWps; __wpsHost: HostLog; Application: unknown; wps: unknown };
const fake = new FakeWps(w.__CLUSTER_REVIEW_WPS__);
const log: HostLog = { panes: [], dialogs: [], storage: {} };
w.__fakeWps = fake;
w.__wpsHost = log;
// The application's own properties (the object model) and the add-in root's calls, on one object as WPS gives it.
const root = Object.defineProperties(
  {
    CreateTaskPane(url: string, title?: string) {
      const pane = { url, title, ID: log.panes.length + 1, Visible: false };
      log.panes.push(pane);
      return pane;
    },
    GetTaskPane(id: number) {
      return log.panes.find((p) => p.ID === id) ?? null;
    },
    ShowDialog(url: string, title?: string) {
      log.dialogs.push({ url, title });
    },
    PluginStorage: {
      setItem: (k: string, v: unknown) => void (log.storage[k] = String(v)),
      getItem: (k: string) => log.storage[k] ?? null,
    },
  },
  Object.getOwnPropertyDescriptors(fake.application),
);
w.Application = Object.preventExtensions(root);
w.wps = w.Application;
