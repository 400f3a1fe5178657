/**
 * What the tool remembers inside a workbook, on a very hidden sheet both adapters can read: the template's
 * rulebook identity, and after a review the flags it placed (with the fills and notes they covered, to restore
 * them) and where the summary's expert cells are. JSON in cells, chunked below Excel's 32,767-character limit.
 */
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
}

export interface WorkbookMeta {
  format: typeof META_FORMAT;
  template?: { version: string; applicationYear: number; rulebook: RulebookStamp; lang: string };
  /** `source`: the original application's file name, kept by a reviewed copy of a reviewed copy (来源文件). */
  review?: { rulebook: RulebookStamp; verdict: string; checkedAt?: string; flags: FlagRecord[]; summary?: SummaryLayout; source?: string };
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

/** Reads the key/value rows back; anything unreadable is simply absent (the tool then treats the workbook as new). */
export function parseMeta(rows: Array<[unknown, unknown]>): WorkbookMeta | null {
  const parts = new Map<string, string[]>();
  let format: unknown;
  for (const [k, v] of rows) {
    if (typeof k !== 'string') continue;
    if (k === 'format') format = v;
    const m = /^(template|review)#(\d+)$/.exec(k);
    if (m && typeof v === 'string') {
      const list = parts.get(m[1]!) ?? [];
      list[Number(m[2])] = v;
      parts.set(m[1]!, list);
    }
  }
  if (format !== META_FORMAT) return null;
  const meta: WorkbookMeta = { format: META_FORMAT };
  for (const key of ['template', 'review'] as const) {
    const list = parts.get(key);
    if (!list) continue;
    try {
      (meta as unknown as Record<string, unknown>)[key] = JSON.parse(list.join(''));
      // Records of earlier versions hold an ExcelJS fill object or a colour string: one decoder makes them colours.
      if (key === 'review' && Array.isArray(meta.review?.flags)) meta.review.flags = meta.review.flags.map((r) => ({ ...r, fill: recordedColor(r.fill) }));
    } catch {
      // A damaged record is dropped: the flags it described can no longer be restored, so say nothing false.
    }
  }
  return meta;
}

/** The metadata after a review step: what is not given is kept from before (a summary keeps the flags, and so on). */
export function nextMeta(
  prev: WorkbookMeta | null,
  update: { rulebook: RulebookStamp; verdict: string; checkedAt?: string; flags?: FlagRecord[]; summary?: SummaryLayout | null; source?: string },
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
