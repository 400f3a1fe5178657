/**
 * The roster of recognised clusters the province keeps (`monitor --roster`): one row per cluster — 集群名称, 所在省,
 * 所在县, 认定年份, and where known 最近一次通过复核年份 and 复核结果 — found by header words, or taken from the
 * recognised applications themselves. It is the province's own record: its recognition year establishes an Art. 17
 * ground the form alone only suggests, and a rostered cluster that sent no form still has its row (未收到信息表).
 */
import { qualified } from '../address.js';
import { SheetCells, sheetEntries } from '../sheet/sparse.js';
import { normaliseText } from '../sheet/values.js';
import type { RawCell, Snapshot } from '../types.js';
import type { MonitoringFacts } from './checks.js';
import type { RegisterEntry, RosterEntry } from './register.js';

// The roster's row type lives with the register it feeds (one direction of import between the two).
export type { RosterEntry } from './register.js';

const HEADER_WORDS = {
  name: ['集群名称', '名称', 'cluster'],
  province: ['所在省', '省份', 'province'],
  county: ['所在县', '县', 'county'],
  year: ['认定年份', '认定批次', '认定年度', 'recognised', 'recognition year'],
  renewal: ['复核年份', '通过复核', 'renewal year'],
  result: ['复核结果', '复核结论', 'renewal result'],
} as const;
type Col = keyof typeof HEADER_WORDS;

const text = (c: RawCell | undefined): string | null => {
  const v = c?.value;
  if (v === null || v === undefined || typeof v === 'object') return null;
  const s = normaliseText(String(v));
  return s === '' ? null : s;
};
const year = (c: RawCell | undefined): number | null => {
  const s = text(c)?.replace(/年$/, '');
  const n = s === undefined ? NaN : Number(s);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
};

/** The roster sheet's clusters, with the rows that could not be used named (`problems`, as cells). */
export function readRoster(snapshot: Snapshot): { entries: RosterEntry[]; problems: string[] } {
  const cells = new SheetCells(sheetEntries(snapshot));
  let header: { row: number; cols: Partial<Record<Col, number>> } | null = null;
  for (const r of cells.rows.slice(0, 20)) {
    const cols: Partial<Record<Col, number>> = {};
    for (const [c, cell] of cells.row(r)!) {
      const h = text(cell)?.toLowerCase();
      if (!h) continue;
      // The more specific words first: 复核年份 before 认定年份's 年份, 集群名称 before 名称.
      for (const key of ['result', 'renewal', 'year', 'name', 'province', 'county'] as Col[])
        if (cols[key] === undefined && HEADER_WORDS[key].some((w) => h.includes(w))) {
          cols[key] = c;
          break;
        }
    }
    if (cols.name !== undefined && cols.year !== undefined) {
      header = { row: r, cols };
      break;
    }
  }
  if (!header) return { entries: [], problems: [qualified(snapshot.sheet, 0, 0)] };
  const { cols } = header;
  const at = (r: number, col: Col) => (cols[col] === undefined ? undefined : cells.at(r, cols[col]));
  const entries: RosterEntry[] = [];
  const problems: string[] = [];
  for (const r of cells.rows) {
    if (r <= header.row) continue;
    const name = text(at(r, 'name'));
    const y = year(at(r, 'year'));
    if (name === null && y === null) continue;
    if (name === null || y === null) {
      problems.push(qualified(snapshot.sheet, r, cols[name === null ? 'name' : 'year']!));
      continue;
    }
    const entry: RosterEntry = { name, province: text(at(r, 'province')), county: text(at(r, 'county')), recognitionYear: y, source: qualified(snapshot.sheet, r, cols.name!) };
    const renewal = year(at(r, 'renewal'));
    if (renewal !== null) entry.lastRenewal = renewal;
    const result = text(at(r, 'result'));
    if (result !== null && /未通过|不通过|fail/i.test(result)) entry.renewalFailed = true;
    entries.push(entry);
  }
  return { entries, problems };
}

const key = (s: string | null) => (s ?? '').replace(/\s+/g, '');

/** The roster row of a cluster: the same name, and the same county where both give one. */
export function rosterEntryOf(roster: readonly RosterEntry[], cluster: { name: string | null; county: string | null }): RosterEntry | undefined {
  return roster.find((e) => key(e.name) === key(cluster.name) && (!e.county || !cluster.county || key(e.county) === key(cluster.county)));
}

/** What the roster says of the cluster a form is from: the facts reviewMonitoring takes. */
export function rosterFacts(roster: readonly RosterEntry[]): (cluster: { name: string | null; county: string | null }) => MonitoringFacts {
  return (cluster) => {
    const e = rosterEntryOf(roster, cluster);
    if (!e) return {};
    return { recognitionYear: e.recognitionYear, ...(e.lastRenewal !== undefined ? { lastRenewal: e.lastRenewal } : {}), ...(e.renewalFailed ? { renewalFailed: true } : {}) };
  };
}

/** The register's entries with a row for each rostered cluster no form came from (未收到信息表). */
export function withRoster(entries: readonly RegisterEntry[], roster: readonly RosterEntry[]): RegisterEntry[] {
  const reported = entries.flatMap((e) => (e.report ? [e.report.cluster] : []));
  const silent = roster.filter((r) => !reported.some((c) => rosterEntryOf([r], c)));
  return [...entries, ...silent.map((r) => ({ file: r.source, notReceived: r }))];
}
