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
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { sha256Hex } from '../rulebook/sha256.js';
import { recordedColor } from './colour.js';
import type { CellModel, SheetModel } from './sheet-model.js';

export const META_SHEET = '_cluster_review';
export const META_FORMAT = 'cluster-review/meta@1';
/** The sheet's header in versions that append blocks (the record inside keeps META_FORMAT). */
const META_FORMAT_V2 = 'cluster-review/meta@2';
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
  review?: { rulebook: RulebookStamp; verdict: string; checkedAt?: string; flags: FlagRecord[]; summary?: SummaryLayout; data?: DataStamp; /** the legend of flag colours the tool wrote (see LegendCell) */ legend?: LegendCell[]; /** the original application's file name, kept by a reviewed copy of a reviewed copy (来源文件) */ source?: string };
}

/*
 * The record is evidence, not instructions: anyone can write the hidden sheet. Each part is validated; a part
 * that does not fit is dropped (and said), never trusted in part. Lengths are bounded so a forged record cannot
 * make the tool do unbounded work.
 */
const Hex = z.string().regex(/^[0-9a-f]{64}$/);
/**
 * A cell as the tool records it: `Sheet!A1` (the sheet quoted as Excel writes it when needed), within Excel's grid.
 * A forged address ("garbage") makes the record damaged, said as such, never an internal error later.
 */
/** Characters of a record at most: the flags' limit (LIMITS.findings × 5) at about 400 characters each, with room. */
const META_RECORD_CHARS = LIMITS.findings * 5 * 400 + 1_000_000;

const Cell = z
  .string()
  .min(1)
  .max(300)
  .regex(/^.+!\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/);
const Text = z.string().max(40000);
const Index = z.number().int().min(0).max(1_048_575);
const Stamp = z.object({ id: z.string().max(200), edition: z.string().max(200), fingerprint: z.string().max(200) });
const FlagRecordSchema = z.object({
  cell: Cell,
  comment: z.string().max(200).optional(),
  // Earlier versions recorded ExcelJS fill objects or colour strings: one decoder reads them all.
  fill: z.unknown().transform((f) => recordedColor(f)),
  note: Text.nullable(),
  placed: z.object({ fill: z.string().regex(/^#[0-9A-F]{6}$/), note: Hex.nullable() }).optional(),
});
const LegendCellSchema = z.object({
  cell: Cell,
  value: z.string().max(200).nullable(),
  fill: z.object({ placed: z.string().regex(/^#[0-9A-F]{6}$/), covered: z.unknown().transform((f) => recordedColor(f)) }).optional(),
});
const CriteriaRows = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : v),
  z.array(z.tuple([z.string().min(1).max(200), Index])).max(1000),
);
const Pair = z.tuple([Index, Index]);
const SummaryLayoutSchema = z.object({
  sheet: z.string().min(1).max(31),
  sheetId: z.string().max(200).optional(),
  height: Index.optional(),
  width: z.number().int().min(0).max(16384).optional(),
  experts: z.array(z.object({ name: Text, col: Index })).max(1000),
  criteriaRows: CriteriaRows,
  conflictRow: Index,
  signatureRow: Index,
  decision: Pair,
  rationale: Pair,
  date: Pair,
  mark: z.object({ cells: z.array(Pair).max(10000), sha256: Hex }).optional(),
  reasonRow: Index.optional(),
  opinions: z.object({ notes: Index, opinion: Index, rows: z.array(z.object({ name: Text, row: Index })).max(1000) }).optional(),
  changes: z
    .array(
      z.object({
        time: z.string().max(100),
        kind: z.enum(['rename', 'remove', 'header-edited']),
        expert: Text,
        to: Text.optional(),
        had: z.number().int().min(0).max(100000).optional(),
        forced: z.boolean().optional(),
      }),
    )
    .max(1000)
    .optional(),
});
const TemplateSchema = z.object({ version: z.string().max(100), applicationYear: z.number().int(), rulebook: Stamp, lang: z.string().max(20), form: z.literal('monitoring').optional() });
const ReviewSchema = z.object({
  rulebook: Stamp,
  verdict: z.string().max(100),
  checkedAt: z.string().max(100).optional(),
  // A real copy has at most a few flags per finding (LIMITS.findings): 100,000 forged ones cost 650 MB to restore.
  flags: z.array(FlagRecordSchema).max(LIMITS.findings * 5),
  summary: SummaryLayoutSchema.optional(),
  data: z.object({ sheet: z.string().max(100), sha256: Hex, checkedAt: z.string().max(100).optional() }).optional(),
  source: z.string().max(300).optional(),
  legend: z.array(LegendCellSchema).max(50).optional(),
});

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

/** The record read back, and whether a part of it was damaged (so dropped: the reviewer is told). */
export interface MetaRecord {
  meta: WorkbookMeta | null;
  damaged: boolean;
  /**
   * The block read (its label and version); null for a record of an earlier version, or none. Where several
   * writers appended a block of the same version at once, `labels` names them all (merged into `meta`): the next
   * block names them as its parents.
   */
  block?: { label: string; version: number; first: number; last: number; labels?: string[] } | null;
  /** Rows (zero-based, of the sheet) that hold record content: the first free row after them is `end`. */
  end?: number;
  /** Rows of earlier, superseded content (older blocks, the earlier versions' key/value rows). */
  stale?: Array<[number, number]>;
}

/** The JSON parts validated by the schema; a part that does not fit is dropped (and said). */
function validated(raw: unknown): { meta: WorkbookMeta; damaged: boolean } {
  const meta: WorkbookMeta = { format: META_FORMAT };
  let damaged = false;
  if (!raw || typeof raw !== 'object') return { meta, damaged: true };
  const o = raw as { template?: unknown; review?: unknown };
  if (o.template !== undefined) {
    const r = TemplateSchema.safeParse(o.template);
    if (r.success) meta.template = r.data;
    else damaged = true;
  }
  if (o.review !== undefined) {
    const r = ReviewSchema.safeParse(o.review);
    if (!r.success) damaged = true;
    else {
      const { summary, ...rest } = r.data;
      meta.review = { ...rest, ...(summary ? { summary: { ...summary, criteriaRows: rowsRecord(summary.criteriaRows) } } : {}) };
    }
  }
  return { meta, damaged };
}

/** Blocks of one version merged at most (written at once by that many people). */
const MAX_SAME_VERSION = 16;

/** Rows of the record read at most (the last ones: blocks are appended). */
const MAX_RECORD_ROWS = 4096;

/**
 * Reads the record rows back (`first` is the sheet row of rows[0]): the highest complete block, else a record of
 * an earlier version (key/value rows), validated by the schema.
 */
export function readMetaRecord(rows: ReadonlyArray<readonly [unknown, unknown]>, first = 0): MetaRecord {
  type Block = { label: string; version: number; parts: number; sha: string; head: number; parents: string[]; chunks: Map<number, { row: number; text: string }> };
  const blocks = new Map<string, Block>();
  const legacy: Array<readonly [unknown, unknown]> = [];
  const legacyRows: number[] = [];
  let end = 0;
  let seen = 0;
  for (let i = rows.length - 1; i >= 0 && seen < MAX_RECORD_ROWS; i--) {
    const [k, v] = rows[i]!;
    if (k === null || k === undefined || k === '') continue;
    seen++;
    const row = first + i;
    if (end === 0) end = row + 1;
    const m = typeof k === 'string' ? /^@((\d{1,9})\.([0-9a-f]{12}))(?:#(\d{1,5}))?$/.exec(k) : null;
    if (!m) {
      if (k !== 'format' && k !== 'note') legacyRows.push(row);
      legacy.unshift([k, v]);
      continue;
    }
    const label = m[1]!;
    let b = blocks.get(label);
    if (!b) blocks.set(label, (b = { label, version: Number(m[2]), parts: -1, sha: '', head: -1, parents: [], chunks: new Map() }));
    if (m[4] === undefined) {
      try {
        const h = JSON.parse(String(v)) as { parts?: unknown; sha256?: unknown; parents?: unknown };
        const parents = Array.isArray(h.parents) ? h.parents.filter((x): x is string => typeof x === 'string').slice(0, 16) : [];
        if (typeof h.parts === 'number' && typeof h.sha256 === 'string') Object.assign(b, { parts: h.parts, sha: h.sha256, head: row, parents });
      } catch {
        /* an unreadable header: the block is incomplete */
      }
    } else if (typeof v === 'string' && !b.chunks.has(Number(m[4]))) b.chunks.set(Number(m[4]), { row, text: v });
  }
  let best: { block: Block; json: string } | null = null;
  let newestIncomplete = -1;
  const whole = new Map<string, string>();
  for (const b of blocks.values()) {
    let json: string | null = null;
    if (b.parts > 0 && b.parts <= 10000) {
      const parts: string[] = [];
      for (let i = 0; i < b.parts && parts.length === i; i++) {
        const c = b.chunks.get(i);
        if (c) parts.push(c.text);
      }
      if (parts.length === b.parts && sha256Hex(parts.join('')) === b.sha && b.label.endsWith(b.sha.slice(0, 12))) json = parts.join('');
    }
    if (json === null) {
      newestIncomplete = Math.max(newestIncomplete, b.version);
      continue;
    }
    whole.set(b.label, json);
    if (!best || b.version > best.block.version || (b.version === best.block.version && b.head > best.block.head)) best = { block: b, json };
  }
  const stale: Array<[number, number]> = [];
  const rowsOf = (b: Block) => [b.head, ...[...b.chunks.values()].map((c) => c.row)].filter((r) => r >= 0);
  if (best) {
    const top = best.block.version;
    // Every whole block of the top version (people who wrote at once), oldest row first; kept with their parents.
    // Bounded: a forged record of many blocks of one version merges the last few only (people writing at once are few).
    const tops = [...blocks.values()]
      .filter((b) => b.version === top && whole.has(b.label))
      .sort((a, b) => a.head - b.head)
      .slice(-MAX_SAME_VERSION);
    const kept = new Set(tops.flatMap((b) => [b.label, ...b.parents]));
    const own = new Set([...blocks.values()].filter((b) => kept.has(b.label)).flatMap(rowsOf));
    for (const b of blocks.values()) if (!kept.has(b.label)) for (const r of rowsOf(b)) if (!own.has(r)) stale.push([r, r]);
    for (const r of legacyRows) stale.push([r, r]);
    const parse = (label: string): { meta: WorkbookMeta; damaged: boolean } => {
      let raw: unknown;
      try {
        // A record beyond any the tool writes (its flags are bounded) is damaged before it is parsed: 100,000 forged
        // flags are 30 MB of text and several hundred MB as objects.
        const json = whole.get(label)!;
        if (json.length > META_RECORD_CHARS) {
          // Not a record this tool wrote: its rows are cleared by the next write, not carried into every copy.
          for (const r of rowsOf(blocks.get(label)!)) stale.push([r, r]);
          raw = null;
        } else raw = JSON.parse(json);
      } catch {
        raw = null;
      }
      return validated(raw);
    };
    /** Blocks of one version merged, each over what its writer read (the parents' record, merged one level down). */
    const mergedOf = (list: readonly Block[], depth: number): { meta: WorkbookMeta; damaged: boolean } => {
      let acc = parse(list[0]!.label);
      for (const b of list.slice(1)) {
        const next = parse(b.label);
        const parents = depth > 0 ? b.parents.map((l) => blocks.get(l)).filter((x): x is Block => !!x && whole.has(x.label)) : [];
        const base = parents.length ? mergedOf(parents, depth - 1).meta : null;
        acc = { meta: mergeMeta(base, next.meta, acc.meta), damaged: acc.damaged || next.damaged };
      }
      return acc;
    };
    const { meta, damaged } = mergedOf(tops, 1);
    const own2 = rowsOf(best.block);
    return {
      meta,
      damaged: damaged || newestIncomplete > top,
      block: { label: best.block.label, version: top, first: Math.min(...own2), last: Math.max(...own2), ...(tops.length > 1 ? { labels: tops.map((b) => b.label) } : {}) },
      end,
      stale,
    };
  }
  for (const b of blocks.values()) for (const r of rowsOf(b)) stale.push([r, r]);
  for (const r of legacyRows) stale.push([r, r]);
  const old = readLegacyRecord(legacy);
  return { ...old, damaged: old.damaged || blocks.size > 0, block: null, end, stale };
}

/** Records of earlier versions: `format` = META_FORMAT, then `template#i` / `review#i` chunks of JSON. */
function readLegacyRecord(rows: ReadonlyArray<readonly [unknown, unknown]>): MetaRecord {
  const parts = new Map<string, string[]>();
  let format: unknown;
  for (const [k, v] of rows) {
    if (typeof k !== 'string') continue;
    if (k === 'format') format = v;
    const m = /^(template|review)#(\d{1,4})$/.exec(k);
    if (m && typeof v === 'string') {
      const list = parts.get(m[1]!) ?? [];
      list[Number(m[2])] = v;
      parts.set(m[1]!, list);
    }
  }
  if (format !== META_FORMAT) return { meta: null, damaged: (format !== undefined && format !== META_FORMAT_V2) || parts.size > 0 };
  const raw: Record<string, unknown> = {};
  let damaged = false;
  for (const key of ['template', 'review'] as const) {
    const list = parts.get(key);
    if (!list) continue;
    try {
      // A missing chunk (a hole in the list) makes the JSON unreadable, as it should.
      raw[key] = JSON.parse(Array.from(list, (x) => x ?? '\u0000').join(''));
    } catch {
      damaged = true;
    }
  }
  const v = validated(raw);
  return { meta: v.meta, damaged: damaged || v.damaged };
}

/** The record, or null when there is none (a damaged part is simply absent; see readMetaRecord for the warning). */
export function parseMeta(rows: ReadonlyArray<readonly [unknown, unknown]>): WorkbookMeta | null {
  return readMetaRecord(rows).meta;
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
  };
  return out;
}

/** The metadata after a review step: what is not given is kept from before (a summary keeps the flags, and so on). */
export function nextMeta(
  prev: WorkbookMeta | null,
  update: { rulebook: RulebookStamp; verdict: string; checkedAt?: string; flags?: FlagRecord[]; summary?: SummaryLayout | null; data?: DataStamp; source?: string; legend?: LegendCell[] | null },
): WorkbookMeta {
  const old = prev?.review;
  const summary = update.summary === undefined ? old?.summary : (update.summary ?? undefined);
  // Like the flags: kept unless the step says what the legend is now (null or empty: none).
  const legend = update.legend === undefined ? old?.legend : (update.legend ?? undefined);
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
    },
  };
}

/** A sheet name not yet taken: "评审汇总", then "评审汇总 (2)", … (never replace a sheet of the applicant's). */
export function freeSheetName(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base} (${n})`;
  return name;
}
