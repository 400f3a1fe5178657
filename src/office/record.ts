/**
 * The tool's record in Excel, safe under co-authoring: every write appends a versioned block (see
 * src/core/report/meta.ts) and re-reads the record sheet in the same batch, just before its own rows. If another
 * person's block appeared since the record was read, the two are merged (mergeMeta) and appended again — nothing
 * another writer recorded is lost, and no sync is added when no one else wrote.
 */
import { META_HEADER_ROWS, META_SHEET, mergeMeta, metaBlock, metaHeader, readMetaRecord, type MetaRecord, type Reading, type WorkbookMeta } from '../core/index.js';
import type { XContext, XRange } from './surface.js';
import { errorCode } from './errors.js';
import { Writer } from './writer.js';
import { spans } from '../common/cells.js';

type Position = Pick<MetaRecord, 'block' | 'end' | 'stale'>;

/**
 * Record sheets a co-authoring merge renamed ("_cluster_review (2)"): two people added the record sheet at once and
 * Excel kept both. A few at most are read.
 */
export function strayRecordSheets(names: readonly string[]): string[] {
  return names.filter((n) => n.startsWith(`${META_SHEET} (`) && /^ \(\d{1,3}\)$/.test(n.slice(META_SHEET.length))).slice(0, 4);
}

/**
 * The record with what the stray record sheets hold merged in: a block lost to a merge is read, and the next write
 * appends it to the record (and retires the stray sheet). Where both say something of one part, the record's wins.
 */
export function withStrays(main: MetaRecord, strays: ReadonlyArray<MetaRecord>): MetaRecord {
  let meta = main.meta;
  for (const s of strays) if (s.meta) meta = meta ? mergeMeta(null, meta, s.meta) : s.meta;
  return { ...main, meta, damaged: main.damaged || strays.some((s) => s.damaged) };
}

/** A loaded used range of a record sheet, read (nothing when the sheet is empty). */
export function recordOfRange(r: XRange | null): MetaRecord {
  return r && !r.isNullObject ? readMetaRecord(r.values.map((x) => [x[0], x[1]] as [unknown, unknown]), r.rowIndex) : { meta: null, damaged: false };
}
type Rows = Array<[unknown, unknown]>;

/** The record sheet as it will be once a batch's rows are applied (to know what the next re-read should show). */
function applied(rows: Rows, first: number, writes: Array<{ row: number; rows: Array<[string, string]> }>, cleared: Array<[number, number]>): Rows {
  const out: Rows = [];
  for (let i = 0; i < rows.length; i++) out[first + i] = rows[i]!;
  for (const [a, b] of cleared) for (let r = a; r <= b; r++) out[r] = [null, null];
  for (const w of writes) w.rows.forEach((x, i) => (out[w.row + i] = x));
  return Array.from(out, (x) => x ?? [null, null]);
}

const sameSpot = (a: Position | undefined, b: Position): boolean => (a?.block?.label ?? null) === (b.block?.label ?? null) && (a?.end ?? 0) === (b.end ?? 0);

/** What an append wrote: the record (merged if someone else wrote) and where it now stands, for a next append. */
export interface Written {
  meta: WorkbookMeta;
  record: Position;
}

/**
 * Appends `meta` as the record's next version. `reading` is what the record was when read; `w` holds the writes of
 * the same action, flushed with it (one batch). Returns the record as written (merged if someone else wrote).
 */
export async function writeRecord(
  ctx: XContext,
  reading: Pick<Reading, 'names' | 'meta' | 'record'> & { strays?: readonly string[] },
  meta: WorkbookMeta,
  w: Writer,
): Promise<Written> {
  const written = await appendRecord(ctx, reading, meta, w);
  // Stray record sheets read into `reading.meta` are retired once their content is in the record: in a sync of
  // their own, as a co-author may be retiring them at once (then ItemNotFound: already gone, which is the aim).
  const strays = reading.strays ?? [];
  if (strays.length) {
    for (const name of strays) ctx.workbook.worksheets.getItem(name).delete();
    try {
      await ctx.sync();
    } catch (e) {
      if (errorCode(e) !== 'ItemNotFound') throw e;
    }
  }
  return written;
}

async function appendRecord(ctx: XContext, reading: Pick<Reading, 'names' | 'meta' | 'record'>, meta: WorkbookMeta, w: Writer): Promise<Written> {
  const sheets = ctx.workbook.worksheets;
  let base = reading.meta;
  let mine = meta;
  let expected: Position = reading.record ?? { block: null, end: 0, stale: [] };
  let exists = reading.names.includes(META_SHEET);
  for (let attempt = 0; attempt < 6; attempt++) {
    const version = (expected.block?.version ?? 0) + 1;
    const parents = expected.block ? (expected.block.labels ?? [expected.block.label]) : [];
    const block = metaBlock(mine, version, parents);
    const start = Math.max(expected.end ?? 0, META_HEADER_ROWS);
    let probe: XRange | null = null;
    const ws = exists ? sheets.getItem(META_SHEET) : null;
    if (!ws) {
      // A new sheet: the header and the first block, very hidden. A second person adding it at once fails the batch
      // (the name exists): then the sheet is read and the record appended like any other time.
      const rows = [...metaHeader(), ...block.rows];
      await w.add(96, () => {
        const s = sheets.add(META_SHEET);
        s.visibility = 'VeryHidden';
      });
      await w.add(Writer.size(rows), () => {
        const r = sheets.getItem(META_SHEET).getRangeByIndexes(0, 0, rows.length, 2);
        r.numberFormat = rows.map(() => ['@', '@']);
        r.values = rows.map(([k, v]) => [`'${k}`, `'${v}`]);
      });
    } else {
      const cleared = spans(expected.stale ?? []).filter(([a]) => a >= META_HEADER_ROWS && a < start);
      await w.add(64, () => {
        probe = ws.getUsedRangeOrNullObject();
        probe.load('values,rowIndex');
      });
      const header = metaHeader();
      await w.add(Writer.size(header) + Writer.size(block.rows), () => {
        const h = ws.getRangeByIndexes(0, 0, header.length, 2);
        h.numberFormat = header.map(() => ['@', '@']);
        h.values = header.map(([k, v]) => [`'${k}`, `'${v}`]);
        // Rows inserted for this block: a co-author appending at the same place at once gets rows of its own
        // (Excel's merge keeps inserted rows of both), never the same cells, which the merge gives to one of them.
        ws.getRangeByIndexes(start, 0, block.rows.length, 16384).insert('Down');
        const r = ws.getRangeByIndexes(start, 0, block.rows.length, 2);
        r.numberFormat = block.rows.map(() => ['@', '@']);
        r.values = block.rows.map(([k, v]) => [`'${k}`, `'${v}`]);
      });
      // Superseded content goes (never the block just read, nor anything below where this one starts).
      for (const [a, b] of cleared) await w.add(96, () => ws.getRangeByIndexes(a, 0, b - a + 1, 2).clear('Contents'));
      await w.flush();
      const p = probe as XRange | null;
      const rows: Rows = !p || p.isNullObject ? [] : p.values.map((r) => [r[0], r[1]]);
      const first = !p || p.isNullObject ? 0 : p.rowIndex;
      const now = readMetaRecord(rows, first);
      const after = readMetaRecord(applied(rows, first, [{ row: 0, rows: header }, { row: start, rows: block.rows }], cleared), 0);
      if (sameSpot(expected, now)) return { meta: mine, record: { block: after.block ?? null, end: after.end ?? 0, stale: after.stale ?? [] } };
      // Someone wrote between the read and this batch: merge theirs into mine and append once more.
      mine = mergeMeta(base, mine, now.meta);
      base = now.meta;
      expected = { block: after.block ?? null, end: after.end ?? 0, stale: [] };
      continue;
    }
    try {
      await w.flush();
      const rows = [...metaHeader(), ...block.rows];
      const after = readMetaRecord(applied([], 0, [{ row: 0, rows }], []), 0);
      return { meta: mine, record: { block: after.block ?? null, end: after.end ?? 0, stale: after.stale ?? [] } };
    } catch (e) {
      if (errorCode(e) !== 'ItemAlreadyExists' || attempt > 0) throw e;
      // Added meanwhile by someone else: read it and append to it.
      const s = sheets.getItem(META_SHEET).getUsedRangeOrNullObject();
      s.load('values,rowIndex');
      await ctx.sync();
      const now = s.isNullObject ? readMetaRecord([]) : readMetaRecord(s.values.map((r) => [r[0], r[1]] as [unknown, unknown]), s.rowIndex);
      mine = mergeMeta(base, mine, now.meta);
      base = now.meta;
      expected = { block: now.block ?? null, end: now.end ?? 0, stale: now.stale ?? [] };
      exists = true;
    }
  }
  return { meta: mine, record: expected };
}
