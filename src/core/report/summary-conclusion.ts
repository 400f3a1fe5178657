/**
 * 四、of the summary 评审汇总: the committee's conclusion — each expert's notes and opinion (专家意见), the
 * decision, rationale, date and signatures, and the committee's change record — all expert input, kept on re-runs.
 */
import type { ExpertChange, SummaryLayout } from './meta.js';
import type { StyleKey } from './sheet-model.js';
import { inputKey, noteOf, plain, type PreservedInputs } from './summary-inputs.js';
import { COL, CONCLUSION, section, type Ctx } from './summary-layout.js';
import type { TextKey } from '../text/index.js';

export interface ConclusionRows {
  decisionRow: number;
  rationaleRow: number;
  dateRow: number;
  signatureRow: number;
  opinions: NonNullable<SummaryLayout['opinions']>;
}

/** The 专家意见 block's columns: the expert, the notes on the criteria, the opinion (to the last column). */
const OPINIONS = { name: COL.label, notes: COL.weight, notesEnd: COL.auto, opinion: COL.reasons } as const;

/**
 * 专家意见: each expert's notes on the criteria and opinion on the application, so the committee deliberates from
 * one record. Written by the tally (`tally --update-copies`) from the score sheets, or typed here; kept on re-runs.
 */
function opinionRows(ctx: Ctx, experts: string[], preserved: PreservedInputs | null, recused: (e: number) => boolean): NonNullable<SummaryLayout['opinions']> {
  const { b, cols } = ctx;
  const head = b.next();
  b.set(head, COL.no, { value: ctx.w('summary.opinionsHead'), style: 'label' });
  b.set(head, OPINIONS.name, { value: ctx.w('summary.colExpert'), style: 'header' });
  b.set(head, OPINIONS.notes, { value: ctx.w('summary.colNotes'), style: 'header' });
  b.merge(head, OPINIONS.notes, head, OPINIONS.notesEnd);
  b.set(head, OPINIONS.opinion, { value: ctx.w('summary.colOpinion'), style: 'header' });
  b.merge(head, OPINIONS.opinion, head, cols.last);
  const rows: Array<{ name: string; row: number }> = [];
  experts.forEach((name, e) => {
    const row = b.next();
    rows.push({ name, row });
    const grey: StyleKey = recused(e) ? 'locked' : 'wrap';
    b.set(row, OPINIONS.name, { value: name, style: recused(e) ? 'locked' : 'label' });
    const notes = plain(preserved?.expertNotes?.get(name));
    const opinion = plain(preserved?.opinions?.get(name));
    b.set(row, OPINIONS.notes, { value: notes, ...noteOf(preserved, inputKey.expertNotes(name)), input: 'expert', style: grey });
    b.merge(row, OPINIONS.notes, row, OPINIONS.notesEnd);
    b.set(row, OPINIONS.opinion, { value: opinion, ...noteOf(preserved, inputKey.opinion(name)), input: 'expert', style: grey });
    b.merge(row, OPINIONS.opinion, row, cols.last);
    b.fit(row, typeof notes === 'string' ? notes : '', ctx.spanWidth(OPINIONS.notes, OPINIONS.notesEnd));
    b.fit(row, typeof opinion === 'string' ? opinion : '', ctx.spanWidth(OPINIONS.opinion, cols.last));
  });
  return { notes: OPINIONS.notes, opinion: OPINIONS.opinion, rows };
}

/** The committee's change record (renames, removals) in words, under the signatures; only when there is one. */
function changeRows(ctx: Ctx, changes: readonly ExpertChange[]): void {
  const { b, cols } = ctx;
  if (!changes.length) return;
  const head = b.next();
  b.set(head, COL.no, { value: ctx.w('summary.changesHead'), style: 'label' });
  b.merge(head, COL.no, head, cols.last);
  for (const c of changes) {
    const row = b.next();
    const text = ctx.w(`summary.change.${c.kind}`, { expert: c.expert, to: c.to ?? '', had: c.had ?? 0 }) + (c.forced ? ctx.w('summary.change.forced') : '');
    b.set(row, COL.no, { value: c.time, style: 'text' });
    b.merge(row, COL.no, row, COL.label);
    b.set(row, COL.weight, { value: text, style: 'wrap' });
    b.merge(row, COL.weight, row, cols.last);
    b.fit(row, text, ctx.spanWidth(COL.weight, cols.last));
  }
}

/** 四、the committee's decision, rationale, date and signatures: expert inputs, kept on every re-run. */
export function conclusionSection(ctx: Ctx, experts: string[], preserved: PreservedInputs | null, recused: (e: number) => boolean): ConclusionRows {
  const { b, cols } = ctx;
  section(ctx, 'summary.conclusionSection');
  const opinions = opinionRows(ctx, experts, preserved, recused);
  const labelled = (key: TextKey) => {
    const row = b.next();
    b.set(row, CONCLUSION.label, { value: ctx.w(key), style: 'label' });
    b.merge(row, CONCLUSION.label, row, CONCLUSION.labelEnd);
    return row;
  };
  const decisionRow = labelled('summary.decision');
  b.set(decisionRow, CONCLUSION.input, {
    value: plain(preserved?.decision),
    ...noteOf(preserved, inputKey.decision),
    input: 'expert',
    style: 'input',
    validation: { kind: 'list', values: [ctx.w('summary.decisionRecommend'), ctx.w('summary.decisionReject'), ctx.w('summary.decisionDefer')], severity: 'warning' },
  });
  b.merge(decisionRow, CONCLUSION.input, decisionRow, CONCLUSION.inputEnd);
  const rationaleRow = labelled('summary.rationale');
  b.set(rationaleRow, CONCLUSION.input, { value: plain(preserved?.rationale), ...noteOf(preserved, inputKey.rationale), input: 'expert', style: 'input' });
  b.merge(rationaleRow, CONCLUSION.input, rationaleRow, cols.last);
  b.heights[rationaleRow] = 90;
  const dateRow = labelled('summary.date');
  b.set(dateRow, CONCLUSION.input, { value: plain(preserved?.date), ...noteOf(preserved, inputKey.date), input: 'expert', style: 'input' });
  b.merge(dateRow, CONCLUSION.input, dateRow, CONCLUSION.inputEnd);
  const signatureRow = b.next();
  b.set(signatureRow, CONCLUSION.label, { value: ctx.w('summary.signatures'), style: 'label' });
  b.merge(signatureRow, CONCLUSION.label, signatureRow, CONCLUSION.inputEnd);
  experts.forEach((name, e) => b.set(signatureRow, cols.expert(e), { value: plain(preserved?.signatures.get(name)), ...noteOf(preserved, inputKey.signature(name)), input: 'expert', style: 'input' }));
  b.heights[signatureRow] = 30;
  changeRows(ctx, preserved?.changes ?? []);
  b.next();
  return { decisionRow, rationaleRow, dateRow, signatureRow, opinions };
}
