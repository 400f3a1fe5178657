/**
 * What the tool remembers inside a workbook, on a very hidden sheet both adapters can read: the template's
 * rulebook identity, and after a review the flags it placed (with the fills and notes they covered, to restore
 * them) and where the summary's expert cells are. JSON in cells, chunked below Excel's 32,767-character limit.
 *
 * Safe under co-authoring (issue #11): the record is never cleared and rewritten in place. Each write appends a
 * versioned block below what the sheet holds — a header row `@n.hash` (the version, the sha256 of the whole JSON
 * and its number of chunks) and its chunks `@n.hash#i` — and the reader takes the highest complete block whose
 * chunks hash to its header. Two people writing at once cannot produce a mixed record: a block overwritten in part
 * fails its hash, and the writer that sees another block appear (the version it re-reads in the same batch as its
 * write) merges the two (mergeMeta) and appends again. Older blocks are cleared once superseded, keeping the one
 * the writer read. Custom XML parts would do as well in Excel, but ExcelJS drops them, so the .xlsx adapter
 * could not keep the record: both adapters use the same rows. Records of earlier versions (plain key/value rows,
 * META_FORMAT_V1) are still read.
 *
 * This file holds what the record is, its writing and the merge of two writers' records; reading it back, as
 * evidence, is ./meta-read.ts.
 */
import { sha256Hex } from '../rulebook/sha256.js';
import type { CellModel, SheetModel } from './sheet-model.js';

export const META_SHEET = '_cluster_review';

export const META_FORMAT = 'cluster-review/meta@1';

/** The sheet's header in versions that append blocks (the record inside keeps META_FORMAT). */
export const META_FORMAT_V2 = 'cluster-review/meta@2';

/** Rows the sheet's header takes; blocks start below. */
export const META_HEADER_ROWS = 2;

export const TEMPLATE_VERSION = '2025.1';

const CHUNK = 30000;

export interface RulebookStamp {
  id: string;
  edition: string;
  fingerprint: string;
}

export interface FlagRecord {
  cell: string;
  /** Id of the threaded comment the tool added (Excel with ExcelApi 1.10 but not 1.18 notes). */
  comment?: string;
  /** The fill colour the cell had before the flag, "#RRGGBB" (null: no fill). Older records are decoded on reading. */
  fill: string | null;
  /** The note the cell had before the flag, restored when the flag goes. */
  note: string | null;
  /**
   * What the tool itself wrote: its fill and the sha256 of its note (null: no note). A cell is given back its
   * original only where it still shows exactly this; what a person changed since is theirs and is kept.
   * Records of earlier versions lack it: the tool's palette and note mark stand in.
   */
  placed?: { fill: string; note: string | null };
}

/**
 * One cell of the legend of flag colours the tool wrote on the indicator sheet: the text it wrote (null: none, a
 * colour swatch) and, for a swatch, the fill it placed and the fill the cell had before. A re-check or a clear
 * takes back only what still shows exactly this; what a person typed or coloured over it is theirs and is kept.
 */
export interface LegendCell {
  cell: string;
  value: string | null;
  fill?: { placed: string; covered: string | null };
}

export interface SummaryLayout {
  sheet: string;
  /** Worksheet.id of the summary in Excel (found by it when renamed); absent from the command line. */
  sheetId?: string;
  /**
   * The tool's block: rows 0…height−1 and columns 0…width−1 are the tool's; everything outside is the committee's
   * (rows added below, columns to the right) and is never written.
   */
  height?: number;
  width?: number;
  experts: Array<{ name: string; col: number }>;
  criteriaRows: Record<string, number>;
  conflictRow: number;
  signatureRow: number;
  decision: [number, number];
  rationale: [number, number];
  date: [number, number];
  /**
   * The tool's mark on the sheet it wrote: the sha256 of the locked label cells at `cells` (zero-based), which no
   * one can change without unprotecting the sheet. A sheet that does not show it is not the tool's: never
   * deleted, rewritten or read as the committee's input.
   */
  mark?: { cells: Array<[number, number]>; sha256: string };
  /** The 回避 reasons, one cell per expert in that row (summaries written before it have none). */
  reasonRow?: number;
  /** The 专家意见 block: one row per expert, a notes cell and an opinion cell. */
  opinions?: { notes: number; opinion: number; rows: Array<{ name: string; row: number }> };
  /** Experts renamed or removed, oldest first: the summary's small change record (shown, and read by the tally). */
  changes?: ExpertChange[];
}

/** One change to the summary's committee: a rename (`to`), a removal (`had`: what the expert had entered). */
export interface ExpertChange {
  time: string;
  kind: 'rename' | 'remove' | 'header-edited';
  expert: string;
  to?: string;
  had?: number;
  forced?: boolean;
}

/** The indicator data as first checked: the sha256 of every input the reader used (see dataFingerprint). */
export interface DataStamp {
  sheet: string;
  sha256: string;
  checkedAt?: string;
}

export interface WorkbookMeta {
  format: typeof META_FORMAT;
  /** `form`: which form the workbook is; absent on an application (the annual monitoring form says 'monitoring'). */
  template?: { version: string; applicationYear: number; rulebook: RulebookStamp; lang: string; form?: 'monitoring' };
  review?: {
    rulebook: RulebookStamp;
    verdict: string;
    checkedAt?: string;
    flags: FlagRecord[];
    summary?: SummaryLayout;
    data?: DataStamp;
    /** the legend of flag colours the tool wrote (see LegendCell) */
    legend?: LegendCell[];
    /** the original application's file name, kept by a reviewed copy of a reviewed copy (来源文件) */
    source?: string;
    /**
     * Summaries the tool wrote that lost to `summary` when two writers' records merged: two first summaries added at
     * once on two co-authors' copies, both kept by Excel's merge ("评审汇总 (2)"). The next summary folds them back.
     */
    duplicates?: SummaryLayout[];
  };
}

/** Duplicate summaries a record keeps at most (two or three people adding the first summary at once). */
const MAX_DUPLICATES = 4;

/**
 * The summaries both writers recorded, `winner` kept as the summary: the other's, when it is another sheet (both
 * known by their sheet ids, which differ), is a duplicate — with those either record already listed.
 */
function duplicatesOf(winner: SummaryLayout | undefined, ...records: Array<NonNullable<WorkbookMeta['review']> | undefined>): SummaryLayout[] {
  const out: SummaryLayout[] = [];
  const add = (l: SummaryLayout | undefined) => {
    if (!l?.sheetId || !winner?.sheetId || l.sheetId === winner.sheetId || out.some((x) => x.sheetId === l.sheetId)) return;
    out.push(l);
  };
  for (const r of records) {
    add(r?.summary);
    for (const d of r?.duplicates ?? []) add(d);
  }
  return out.slice(0, MAX_DUPLICATES);
}

/** Criterion id → row, as a record with no prototype (ids are data, never property names of Object). */
export function rowsRecord(pairs: Iterable<[string, number]>): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const [k, v] of pairs) out[k] = v;
  return out;
}

/** The record's JSON: what a block stores, and what its hash covers. */
const recordJson = (meta: WorkbookMeta): string => JSON.stringify({ ...(meta.template ? { template: meta.template } : {}), ...(meta.review ? { review: meta.review } : {}) });

/** The header rows of the record sheet (format and a word to people). */
export function metaHeader(): Array<[string, string]> {
  return [
    ['format', META_FORMAT_V2],
    ['note', 'Written by cluster-review (集群评审助手). Do not edit: it records the rulebook and the flags the tool placed. Each action appends a version.'],
  ];
}

/**
 * A versioned block: its label (`n.hash`, unique to its content) and its rows, header first. `parents`: the labels
 * of the blocks the writer read (its lineage): two blocks of one version written at once by two people are merged
 * by the reader, with what they both read as the base.
 */
export function metaBlock(meta: WorkbookMeta, version: number, parents: readonly string[] = []): { label: string; version: number; rows: Array<[string, string]> } {
  const json = recordJson(meta);
  const sha = sha256Hex(json);
  const label = `${version}.${sha.slice(0, 12)}`;
  const chunks: string[] = [];
  for (let i = 0; i < json.length || i === 0; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  const head = { parts: chunks.length, sha256: sha, ...(parents.length ? { parents: [...parents] } : {}) };
  return { label, version, rows: [[`@${label}`, JSON.stringify(head)], ...chunks.map((c, i) => [`@${label}#${i}`, c] as [string, string])] };
}

/** A new record sheet: the header, then one block. */
export function metaModel(meta: WorkbookMeta, version = 1): SheetModel {
  const rows = [...metaHeader(), ...metaBlock(meta, version).rows];
  const cells: CellModel[] = rows.flatMap(([k, v], row) => [
    { row, col: 0, value: k },
    { row, col: 1, value: v },
  ]);
  return { name: META_SHEET, cells, state: 'veryHidden', widths: [14, 100] };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Three-way pick: my change wins, else theirs. */
const pick = <T>(base: T, mine: T, theirs: T): T => (same(mine, base) ? theirs : mine);

/**
 * Two people wrote the record at once: `mine` was made from `base`, `theirs` appeared meanwhile. What either changed
 * is kept; where both changed a part, mine (the later writer's) wins. Flag records merge per cell, so the flags
 * another person placed keep their originals.
 */
export function mergeMeta(base: WorkbookMeta | null, mine: WorkbookMeta, theirs: WorkbookMeta | null): WorkbookMeta {
  const out: WorkbookMeta = { format: META_FORMAT };
  const template = pick(base?.template, mine.template, theirs?.template);
  if (template) out.template = template;
  const b = base?.review;
  const m = mine.review;
  const t = theirs?.review;
  const review = pick(b, m, t);
  if (!m || !t || review === undefined) {
    if (review) out.review = review;
    return out;
  }
  const field = <K extends keyof NonNullable<WorkbookMeta['review']>>(k: K) => pick(b?.[k], m[k], t[k]);
  const byCell = (list: readonly FlagRecord[] | undefined) => new Map((list ?? []).map((r) => [r.cell, r]));
  const [bf, mf, tf] = [byCell(b?.flags), byCell(m.flags), byCell(t.flags)];
  const flags: FlagRecord[] = [];
  for (const cell of new Set([...mf.keys(), ...tf.keys(), ...bf.keys()])) {
    const r = pick(bf.get(cell), mf.get(cell), tf.get(cell));
    if (r) flags.push(r);
  }
  const summary = field('summary');
  // Both wrote a summary of their own (each added the sheet on its copy): the other's is kept as a duplicate.
  const duplicates = duplicatesOf(summary, m, t);
  const data = field('data');
  const checkedAt = field('checkedAt');
  const legend = field('legend');
  out.review = {
    rulebook: field('rulebook') ?? m.rulebook,
    verdict: field('verdict') ?? m.verdict,
    ...(checkedAt ? { checkedAt } : {}),
    flags,
    ...(summary ? { summary } : {}),
    ...(data ? { data } : {}),
    ...(legend?.length ? { legend } : {}),
    ...(duplicates.length ? { duplicates } : {}),
  };
  return out;
}

/** The metadata after a review step: what is not given is kept from before (a summary keeps the flags, and so on). */
export function nextMeta(
  prev: WorkbookMeta | null,
  update: {
    rulebook: RulebookStamp;
    verdict: string;
    checkedAt?: string;
    flags?: FlagRecord[];
    summary?: SummaryLayout | null;
    data?: DataStamp;
    source?: string;
    legend?: LegendCell[] | null;
    /** Duplicate summaries still to fold back (null or empty: none; absent: kept from before). */
    duplicates?: SummaryLayout[] | null;
  },
): WorkbookMeta {
  const old = prev?.review;
  const summary = update.summary === undefined ? old?.summary : (update.summary ?? undefined);
  // Like the flags: kept unless the step says what the legend is now (null or empty: none).
  const legend = update.legend === undefined ? old?.legend : (update.legend ?? undefined);
  const duplicates = update.duplicates === undefined ? old?.duplicates : (update.duplicates ?? undefined);
  return {
    format: META_FORMAT,
    ...(prev?.template ? { template: prev.template } : {}),
    review: {
      rulebook: update.rulebook,
      verdict: update.verdict,
      ...(update.checkedAt ? { checkedAt: update.checkedAt } : old?.checkedAt ? { checkedAt: old.checkedAt } : {}),
      flags: update.flags ?? old?.flags ?? [],
      ...(summary ? { summary } : {}),
      // The data as first checked is kept: later checks compare with it (see examine).
      ...(old?.data ? { data: old.data } : update.data ? { data: update.data } : {}),
      ...(update.source ? { source: update.source } : old?.source ? { source: old.source } : {}),
      ...(legend?.length ? { legend } : {}),
      ...(duplicates?.length ? { duplicates } : {}),
    },
  };
}

/** A sheet name not yet taken: "评审汇总", then "评审汇总 (2)", … (never replace a sheet of the applicant's). */
export function freeSheetName(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base} (${n})`;
  return name;
}
