/**
 * What the tool remembers inside a workbook, on a very hidden sheet both adapters can read: the template's
 * rulebook identity, and after a review the flags it placed (with the fills and notes they covered, to restore
 * them) and where the summary's expert cells are. JSON in cells, chunked below Excel's 32,767-character limit.
 */
import { z } from 'zod';
import { recordedColor } from '../workflow/colour.js';
import type { CellModel, SheetModel } from './sheet-model.js';

export const META_SHEET = '_cluster_review';
export const META_FORMAT = 'cluster-review/meta@1';
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

export interface SummaryLayout {
  sheet: string;
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
  review?: { rulebook: RulebookStamp; verdict: string; checkedAt?: string; flags: FlagRecord[]; summary?: SummaryLayout; data?: DataStamp; /** the original application's file name, kept by a reviewed copy of a reviewed copy (来源文件) */ source?: string };
}

/*
 * The record is evidence, not instructions: anyone can write the hidden sheet. Each part is validated; a part
 * that does not fit is dropped (and said), never trusted in part. Lengths are bounded so a forged record cannot
 * make the tool do unbounded work.
 */
const Hex = z.string().regex(/^[0-9a-f]{64}$/);
const Cell = z.string().min(1).max(300);
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
const CriteriaRows = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : v),
  z.array(z.tuple([z.string().min(1).max(200), Index])).max(1000),
);
const Pair = z.tuple([Index, Index]);
const SummaryLayoutSchema = z.object({
  sheet: z.string().min(1).max(31),
  experts: z.array(z.object({ name: Text, col: Index })).max(1000),
  criteriaRows: CriteriaRows,
  conflictRow: Index,
  signatureRow: Index,
  decision: Pair,
  rationale: Pair,
  date: Pair,
  mark: z.object({ cells: z.array(Pair).max(10000), sha256: Hex }).optional(),
});
const TemplateSchema = z.object({ version: z.string().max(100), applicationYear: z.number().int(), rulebook: Stamp, lang: z.string().max(20), form: z.literal('monitoring').optional() });
const ReviewSchema = z.object({
  rulebook: Stamp,
  verdict: z.string().max(100),
  checkedAt: z.string().max(100).optional(),
  flags: z.array(FlagRecordSchema).max(100000),
  summary: SummaryLayoutSchema.optional(),
  data: z.object({ sheet: z.string().max(100), sha256: Hex, checkedAt: z.string().max(100).optional() }).optional(),
  source: z.string().max(300).optional(),
});

/** Criterion id → row, as a record with no prototype (ids are data, never property names of Object). */
export function rowsRecord(pairs: Iterable<[string, number]>): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const [k, v] of pairs) out[k] = v;
  return out;
}

export function metaModel(meta: WorkbookMeta): SheetModel {
  const cells: CellModel[] = [
    { row: 0, col: 0, value: 'format' },
    { row: 0, col: 1, value: META_FORMAT },
    { row: 1, col: 0, value: 'note' },
    { row: 1, col: 1, value: 'Written by cluster-review (集群评审助手). Do not edit: it records the rulebook and the flags the tool placed.' },
  ];
  let row = 2;
  for (const key of ['template', 'review'] as const) {
    const v = meta[key];
    if (v === undefined) continue;
    const json = JSON.stringify(v);
    for (let i = 0, part = 0; i < json.length || part === 0; i += CHUNK, part++) {
      cells.push({ row, col: 0, value: `${key}#${part}` }, { row, col: 1, value: json.slice(i, i + CHUNK) });
      row++;
    }
  }
  return { name: META_SHEET, cells, state: 'veryHidden', widths: [14, 100] };
}

/** The record read back, and whether a part of it was damaged (so dropped: the reviewer is told). */
export interface MetaRecord {
  meta: WorkbookMeta | null;
  damaged: boolean;
}

/** Reads the key/value rows back through the schema: a part that does not fit is dropped and reported. */
export function readMetaRecord(rows: ReadonlyArray<readonly [unknown, unknown]>): MetaRecord {
  const parts = new Map<string, string[]>();
  let format: unknown;
  let damaged = false;
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
  if (format !== META_FORMAT) return { meta: null, damaged: format !== undefined || parts.size > 0 };
  const meta: WorkbookMeta = { format: META_FORMAT };
  for (const key of ['template', 'review'] as const) {
    const list = parts.get(key);
    if (!list) continue;
    let raw: unknown;
    try {
      // A missing chunk (a hole in the list) makes the JSON unreadable, as it should.
      raw = JSON.parse(Array.from(list, (x) => x ?? '\u0000').join(''));
    } catch {
      damaged = true;
      continue;
    }
    if (key === 'template') {
      const r = TemplateSchema.safeParse(raw);
      if (r.success) meta.template = r.data;
      else damaged = true;
    } else {
      const r = ReviewSchema.safeParse(raw);
      if (!r.success) {
        damaged = true;
        continue;
      }
      const { summary, ...rest } = r.data;
      meta.review = { ...rest, ...(summary ? { summary: { ...summary, criteriaRows: rowsRecord(summary.criteriaRows) } } : {}) };
    }
  }
  return { meta, damaged };
}

/** The record, or null when there is none (a damaged part is simply absent; see readMetaRecord for the warning). */
export function parseMeta(rows: ReadonlyArray<readonly [unknown, unknown]>): WorkbookMeta | null {
  return readMetaRecord(rows).meta;
}

/** The metadata after a review step: what is not given is kept from before (a summary keeps the flags, and so on). */
export function nextMeta(
  prev: WorkbookMeta | null,
  update: { rulebook: RulebookStamp; verdict: string; checkedAt?: string; flags?: FlagRecord[]; summary?: SummaryLayout | null; data?: DataStamp; source?: string },
): WorkbookMeta {
  const old = prev?.review;
  const summary = update.summary === undefined ? old?.summary : (update.summary ?? undefined);
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
    },
  };
}

/** A sheet name not yet taken: "评审汇总", then "评审汇总 (2)", … (never replace a sheet of the applicant's). */
export function freeSheetName(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base} (${n})`;
  return name;
}
