/**
 * The Office.js adapter's actions (the only code that touches Excel is src/office): 检查本工作簿, 清除标记,
 * 插入标准模板 and selecting a finding's cell, each reading what the core's workflow asks for (./read.ts) and
 * applying the plan the core returns (./apply.ts): every decision — which sheet, which flags, what to restore, what
 * to record, what to warn about — is the core's. 写入评审汇总 is ./summary.ts; this file is the entry the pane, the
 * ribbon command and the tests import. A small, fixed number of syncs whatever the sheet's size.
 */
import {
  finishCheck,
  finishClear,
  META_SHEET,
  parseQualified,
  planCheck,
  planClear,
  planTemplate,
  toA1,
  withCommentIds,
} from '../core/index.js';
import { isProtectionError } from './errors.js';
import { renderModel } from './render.js';
import type { XComment, XContext, XWorksheet } from './surface.js';
import { Writer } from './writer.js';
import { OfficeError, type CheckResult, type ReadOnly } from '../common/results.js';
import { examinedForCheck } from '../common/examine.js';
import { readWorkbook } from './read.js';
import { addThreads, applyWrites, passwordRefusal, protectAgain, readCovered, settleThreads, threadRefused, withUnprotected, writeMeta, type Session, type ThreadAdd } from './apply.js';
// Host-neutral: the WPS adapter returns and throws the same (src/common/results.ts).
export { OfficeError, type CheckResult, type ReadOnly } from '../common/results.js';
export { readWorkbook, type OfficeReading } from './read.js';
export { writeSummary } from './summary.js';
export type { Session } from './apply.js';

/**
 * "检查本工作簿": review the indicator sheet and flag every failing cell in place, as the core's check plan says.
 * Syncs: 2 to read, 1 for the state of the cells the plan covers (and sheet protection), 1 to write (more only
 * past the payload budget); threaded comments add 2 (their places, then the new ids). When the flags cannot be
 * written (a password, a protected structure) the whole review comes back read-only, with the reason.
 */
export async function checkWorkbook(s: Session, opts: { checkedAt?: string; password?: string } = {}): Promise<CheckResult> {
  const { ctx, rb, lang, caps } = s;
  const reading = await readWorkbook(ctx, rb, caps);
  const draft = planCheck(reading, examinedForCheck(reading, rb), lang, caps.explanations);
  const { covered, notes, locked } = await readCovered(ctx, draft);
  const plan = finishCheck(reading, draft, covered, rb, lang, opts);
  const w = new Writer(ctx);
  let adds: ThreadAdd[] = [];
  let added = new Map<string, XComment>();
  let refused: string[] = [];
  const result = { report: plan.report, review: plan.review, sheet: plan.sheet, warnings: plan.warnings };
  const readOnly = (why: ReadOnly): CheckResult => ({ ...result, flagged: 0, restored: 0, readOnly: why });
  // Said before anything is written: flags without their record could never be lifted.
  if (reading.structureProtected && !reading.names.includes(META_SHEET)) return readOnly({ reason: 'workbook-protected' });
  try {
    await withUnprotected(
      ctx,
      locked,
      w,
      async () => {
        adds = await applyWrites(ctx, plan.writes, notes, w, caps);
        added = await addThreads(ctx, adds, w);
      },
      opts.password,
    );
    let meta = plan.meta;
    if (adds.length) {
      let ids: Map<string, string>;
      try {
        await w.flush();
        ids = new Map([...added].map(([cell, c]) => [cell, c.id]));
      } catch (e) {
        if (isProtectionError(e)) throw passwordRefusal(e, locked);
        ({ ids, refused } = await settleThreads(ctx, e, adds, covered.comments?.ids ?? new Set(), locked, opts.password));
      }
      meta = withCommentIds(meta, ids);
    }
    await writeMeta(ctx, reading, meta, w, locked);
  } catch (e) {
    // The review is whole even when the flags cannot be written: the pane shows it read-only.
    const refusal = passwordRefusal(e, locked);
    if (refusal instanceof OfficeError && refusal.code === 'sheet-protected') return readOnly({ reason: 'sheet-protected', sheet: String(refusal.params.sheet ?? ''), passwordTried: opts.password !== undefined });
    if (e instanceof OfficeError) throw new OfficeError(e.code, e.params, { ...e.extra, review: result });
    // Anything else failed halfway: the sheets the check unprotected are not left so.
    await protectAgain(ctx, locked, opts.password);
    throw e;
  }
  const warnings = refused.length ? [...plan.warnings, threadRefused(refused)] : plan.warnings;
  return { report: plan.report, review: plan.review, sheet: plan.sheet, flagged: plan.flagged, restored: plan.restored, warnings };
}

/** "清除标记": every flag goes, and each cell gets back the fill and note it had. */
export async function clearFlags(s: Session): Promise<number> {
  const { ctx, rb, lang, caps } = s;
  const reading = await readWorkbook(ctx, rb, caps);
  const draft = planClear(reading, caps.explanations);
  if (!draft) return 0;
  const { covered, notes, locked } = await readCovered(ctx, draft);
  const plan = finishClear(reading, draft, covered, lang);
  const w = new Writer(ctx);
  // A clear adds no thread: it deletes the tool's own, or resolves one people replied to.
  await withUnprotected(ctx, locked, w, async () => void (await applyWrites(ctx, plan.writes, notes, w, caps)));
  await writeMeta(ctx, reading, plan.meta, w, locked);
  return plan.restored;
}

/** "插入标准模板": the instructions and indicator sheets from the rulebook, added beside what the workbook has. */
export async function insertTemplate(s: Session, year: number): Promise<string> {
  const { ctx, rb, lang, caps } = s;
  const reading = await readWorkbook(ctx, rb);
  const plan = planTemplate(reading.names, reading.meta, rb, year, lang);
  // Detected before any sheet is added: a half-inserted template is worse than none.
  if (reading.structureProtected) throw new OfficeError('workbook-protected', { sheet: plan.sheets.map((m) => m.name).join('、') });
  const w = new Writer(ctx);
  let first: XWorksheet | undefined;
  for (const model of plan.sheets) {
    let ws: XWorksheet;
    await w.add(96, () => (ws = ctx.workbook.worksheets.add(model.name)));
    await renderModel(ws!, model, caps, w);
    if (model.name === plan.indicator) first = ws!;
  }
  if (first) await w.add(96, () => first!.activate());
  await writeMeta(ctx, reading, plan.meta, w);
  return plan.indicator;
}

/** Selects and scrolls to a finding's cell. One sync. */
export async function selectCell(ctx: XContext, address: string): Promise<void> {
  const p = parseQualified(address);
  const ws = ctx.workbook.worksheets.getItem(p.sheet);
  ws.activate();
  ws.getRange(toA1(p.row, p.col)).select();
  await ctx.sync();
}
