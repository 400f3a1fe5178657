/**
 * The workbook's record read back (see ./meta.ts for what it holds and how it is written): the highest complete
 * versioned block whose chunks hash to its header, blocks of one version written at once merged, a record of an
 * earlier version read as such — and every part validated as evidence, in the exact shape the tool writes and
 * within bounds (zod), a part that does not fit dropped and said (`damaged`).
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { sha256Hex } from '../rulebook/sha256.js';
import { recordedColor } from './colour.js';
import { META_FORMAT, META_FORMAT_V2, mergeMeta, rowsRecord, type WorkbookMeta } from './meta.js';

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
  duplicates: z.array(SummaryLayoutSchema).max(4).optional(),
});

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
      const { summary, duplicates, ...rest } = r.data;
      const layout = (l: z.infer<typeof SummaryLayoutSchema>) => ({ ...l, criteriaRows: rowsRecord(l.criteriaRows) });
      meta.review = { ...rest, ...(summary ? { summary: layout(summary) } : {}), ...(duplicates?.length ? { duplicates: duplicates.map(layout) } : {}) };
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
