/**
 * "写入评审汇总" in Excel: the summary sheet rebuilt from a fresh review (src/core/workflow planSummary), in place
 * when the tool provably wrote the one there — only its own cells written (src/common/model-write.ts, as in WPS) —
 * else added with 评分记录; the race of two first summaries at once settled into one sheet.
 */
import {
  isSummarySheet,
  META_SHEET,
  type WorkbookMeta,
  planSummary,
  type CommitteeResult,
  type Report,
  type WorkflowWarning,
} from '../core/index.js';
import { onceMoreOnRace } from './errors.js';
import { addAuditSheet, hasAuditSheet } from './scoring.js';
import { renderModel } from './render.js';
import type { XWorksheet } from './surface.js';
import { Writer } from './writer.js';
import { inPlaceSteps } from '../common/model-write.js';
import { OfficeError } from '../common/results.js';
import { requireExamined } from '../common/examine.js';
import { readDuplicateExtras, readSummaryNotes, readWorkbook, type OfficeReading } from './read.js';
import { errorCode } from './errors.js';
import { writeMeta, type Session } from './apply.js';

type SummaryResult = { report: Report; committee: CommitteeResult; sheet: string; warnings: WorkflowWarning[] };

/**
 * "写入评审汇总": rebuild the summary sheet from a fresh review, keeping every expert input. 3 syncs. A co-author's
 * sheet added or deleted between the read and the write fails the batch at its first command (the sheet adds come
 * first): read again, once. When what met the batch is a co-author's own first summary, not finished yet (its sheet
 * there, its record not: no summary the tool can prove it wrote), it is waited for (summaryRaced) and then updated
 * in place with this expert's work — never a second "评审汇总 (2)".
 */
export async function writeSummary(s: Session, opts: { experts?: string[]; checkedAt?: string; sourceFile?: string } = {}): Promise<SummaryResult> {
  let before: readonly string[] = [];
  return onceMoreOnRace((again) =>
    writeSummaryOnce(s, opts, async (reading) => {
      if (!again) {
        before = reading.names;
        return reading;
      }
      return summaryRaced(s, reading, before);
    }),
  );
}

/** Pauses (ms) before each read again of a co-author's first summary that is not finished yet: about 6 s in all. */
const RACE_WAITS = [200, 400, 800, 1600, 3200];
const pause = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/**
 * After a race: a summary sheet that was not there at the first read and that the tool cannot yet prove it wrote is
 * a co-author's first summary on its way (its record comes in its next batch). It is read again until it shows its
 * record and mark; if it never does, nothing is written and the expert is asked to try again (summary-busy).
 */
async function summaryRaced(s: Session, first: OfficeReading, before: readonly string[]): Promise<OfficeReading> {
  const isNew = (r: OfficeReading) => r.names.some((n) => isSummarySheet(n) && !before.includes(n));
  let reading = first;
  for (const ms of RACE_WAITS) {
    if (!isNew(reading) || requireExamined(reading, s.rb).summary) return reading;
    await pause(ms);
    reading = await readWorkbook(s.ctx, s.rb, s.caps);
  }
  if (!isNew(reading) || requireExamined(reading, s.rb).summary) return reading;
  throw new OfficeError('summary-busy', { sheet: reading.names.find((n) => isSummarySheet(n) && !before.includes(n)) ?? '' });
}

async function writeSummaryOnce(
  s: Session,
  opts: { experts?: string[]; checkedAt?: string; sourceFile?: string },
  settle: (reading: OfficeReading) => Promise<OfficeReading>,
): Promise<SummaryResult> {
  const { ctx, rb, lang, caps } = s;
  let reading: OfficeReading = await settle(await readWorkbook(ctx, rb, caps));
  let examined = requireExamined(reading, rb);
  if (caps.explanations === 'notes') reading = await readSummaryNotes(ctx, reading, examined.summary);
  // Duplicates left by two first summaries at once: their notes and threads read too, before they are folded back.
  if (examined.duplicates?.length) examined = { ...examined, duplicates: await readDuplicateExtras(ctx, examined.duplicates, caps) };
  const plan = planSummary(reading, examined, rb, lang, opts);
  const w = new Writer(ctx);
  let ws: XWorksheet;
  let meta = plan.meta;
  const place = inPlaceSteps(plan);
  if (place) {
    // In place: only the tool's block is rewritten (the steps and the cells written are WPS's too:
    // src/common/model-write.ts). Rows are inserted at its foot when it grows, so rows the committee added below
    // move down; threads, notes, images and references to the sheet stay.
    ws = ctx.workbook.worksheets.getItem(place.sheet);
    await w.add(96, () => ws.protection.unprotect());
    const grow = place.grow;
    if (grow) await w.add(96, () => ws.getRangeByIndexes(grow.at, 0, grow.rows, 16384).insert('Down'));
    await w.add(200, () => {
      const block = ws.getRangeByIndexes(0, 0, place.rows, place.width);
      block.unmerge();
      // Formats only: the values are written cell by cell below — the tool's own, never an expert cell it did not
      // change (a co-author's score typed since the read would be reverted by writing back what was read).
      block.clear('Formats');
      // Helper columns move with the experts: the block's columns are shown, then the model hides its own.
      ws.getRangeByIndexes(0, 0, 1, place.width).columnHidden = false;
    });
    for (const [r, c] of place.clear) await w.add(96, () => ws.getRangeByIndexes(r, c, 1, 1).clear('Contents'));
    // People's notes are on their cells already (Excel keeps them): none is added again, but for those carried from
    // a duplicate summary folded into this one.
    const carried = new Set((plan.inPlace?.notes ?? []).map((n) => `${n.row},${n.col}`));
    await renderModel(ws, plan.model, caps, w, carried.size && caps.explanations === 'notes' ? ctx.workbook.notes : undefined, place.keep, carried);
  } else {
    if (reading.structureProtected) throw new OfficeError('workbook-protected', { sheet: plan.sheet });
    // 评分记录 with its header first (see addAuditSheet).
    if (!hasAuditSheet(reading.names)) await w.add(400, () => addAuditSheet(ctx, lang));
    await w.add(96, () => {
      ws = ctx.workbook.worksheets.add(plan.sheet);
      ws.load('id');
    });
    // Notes only where this Excel and its office.js have them (elsewhere `workbook.notes` is absent, or throws).
    await renderModel(ws!, plan.model, caps, w, caps.explanations === 'notes' ? ctx.workbook.notes : undefined);
    const layout = meta.review?.summary;
    const withId = (m: WorkbookMeta): WorkbookMeta => (m.review && layout ? { ...m, review: { ...m.review, summary: { ...layout, sheetId: ws!.id } } } : m);
    if (!reading.names.includes(META_SHEET)) {
      // The new sheet's id is known after this sync: the record keeps it, so a renamed summary is found.
      await w.flush();
      meta = withId(meta);
    } else {
      // The record goes in the batch that adds the sheet (by its name: the id is known only after it), so a co-author
      // reading between this batch and the next finds a summary the tool can prove it wrote and updates it in place,
      // never an unknown sheet of that name beside which a second "评审汇总 (2)" would be added. The next batch adds
      // the id; given as both what was read and what is written, anything a co-author recorded meanwhile (their
      // read gave them the id already) wins over it in the merge.
      const first = await writeMeta(ctx, reading, meta, w);
      const next = withId(first.meta);
      await w.add(96, () => ws.activate());
      await writeMeta(ctx, { ...reading, strays: [], meta: next, record: first.record }, next, w);
      return { report: plan.report, committee: plan.committee, sheet: plan.sheet, warnings: plan.warnings };
    }
  }
  await w.add(96, () => ws.activate());
  await writeMeta(ctx, reading, meta, w);
  await removeDuplicates(s, plan.duplicates.remove);
  return { report: plan.report, committee: plan.committee, sheet: plan.sheet, warnings: plan.warnings };
}

/**
 * Duplicate summaries no one typed in, folded into the summary just written, are deleted: in a sync of their own, as
 * a co-author may be folding them at once (then ItemNotFound: already gone, which is the aim). Only after the
 * summary and its record are written, so nothing of theirs is ever only in a deleted sheet.
 */
async function removeDuplicates(s: Session, names: readonly string[]): Promise<void> {
  if (!names.length) return;
  for (const name of names) s.ctx.workbook.worksheets.getItem(name).delete();
  try {
    await s.ctx.sync();
  } catch (e) {
    if (errorCode(e) !== 'ItemNotFound') throw e;
  }
}
