/** The legend of flag colours as the core plans and records it, without any workbook. */
import { describe, expect, it } from 'vitest';
import {
  examine,
  finishCheck,
  finishClear,
  FLAG_FILL,
  INDICATOR_SHEET,
  mergeMeta,
  metaModel,
  nextMeta,
  parseQualified,
  pickIndicatorSheet,
  planCheck,
  planClear,
  readMetaRecord,
  renderWarning,
  sheetEntries,
  type Covered,
  type LegendCell,
  type Reading,
  type SparseSnapshot,
  type WorkbookMeta,
} from '../../src/core/index.js';
import { rb } from '../support/review.js';
import { buildSnapshot, passingValues, pct, type Values } from '../support/sheet.js';

function reading(values: Values = {}, extra: Partial<Reading> = {}): Reading {
  const snapshot = buildSnapshot(rb, { ...passingValues(), ...values });
  return { names: [INDICATOR_SHEET], meta: null, found: pickIndicatorSheet([snapshot], rb), merges: null, summaryAt: null, ...extra };
}
const none: Covered = { cells: new Map() };
const stamp = { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint };

/** The same sheet with the legend as the plan wrote it (what an adapter reads back on the next action). */
function withLegend(r: Reading, legend: LegendCell[], meta: WorkbookMeta): Reading {
  const snap = r.found!.snapshot;
  const entries = [...sheetEntries(snap), ...legend.filter((c) => c.value !== null).map((c) => ({ ...parseQualified(c.cell), cell: { value: c.value } }))];
  const snapshot: SparseSnapshot = { sheet: snap.sheet, entries };
  return { ...r, meta, found: { snapshot, review: r.found!.review } };
}

describe('the legend of flag colours, planned by the core', () => {
  it('lists the colours the flags use, most severe first, below the last row, and is recorded; no note line without notes', () => {
    const r = reading({ '5.1': pct(0.12), '4.5': 'abc' });
    const draft = planCheck(r, examine(r, rb)!, 'en-US', 'none');
    const plan = finishCheck(r, draft, none, rb, 'en-US');
    const legend = plan.meta.review!.legend!;
    const last = Math.max(...sheetEntries(r.found!.snapshot).map((e) => e.row));
    expect(parseQualified(legend[0]!.cell).row).toBe(last + 2);
    expect(legend.map((c) => c.value)).toEqual(['Flag colours', null, 'Fail', null, 'Invalid']);
    expect(legend.filter((c) => c.fill).map((c) => c.fill!.placed)).toEqual([FLAG_FILL.fail, FLAG_FILL.invalid]);
    // The swatches' fills were asked for in phase one, and the writes set values and fills only.
    for (const c of legend.filter((x) => x.fill)) expect(draft.read.fills).toContain(c.cell);
    const writes = plan.writes.filter((w) => legend.some((c) => c.cell === w.cell));
    expect(writes).toHaveLength(legend.length);
    for (const w of writes) expect(w.note).toBeUndefined();
  });

  it('is recorded and read back; a record that does not fit the schema is dropped and said', () => {
    const r = reading({ '5.1': pct(0.12) });
    const plan = finishCheck(r, planCheck(r, examine(r, rb)!, 'zh-CN', 'notes'), none, rb, 'zh-CN');
    const rows = (m: WorkbookMeta) => metaModel(m).cells.reduce<Array<[unknown, unknown]>>((acc, c) => ((acc[c.row] ??= [null, null])[c.col] = c.value, acc), []);
    expect(readMetaRecord(rows(plan.meta)).meta!.review!.legend).toEqual(plan.meta.review!.legend);
    const forged = { ...plan.meta, review: { ...plan.meta.review!, legend: [{ cell: `${INDICATOR_SHEET}!A1`, value: 'x', fill: { placed: 'red', covered: null } }] } };
    const back = readMetaRecord(rows(forged));
    expect(back.damaged).toBe(true);
    expect(back.meta!.review).toBeUndefined();
  });

  it('is kept by a step that does not say otherwise (the summary), and by a merge with another person’s record', () => {
    const legend: LegendCell[] = [{ cell: `${INDICATOR_SHEET}!A90`, value: '标记颜色说明' }];
    const before: WorkbookMeta = { format: 'cluster-review/meta@1', review: { rulebook: stamp, verdict: 'failed', flags: [], legend } };
    expect(nextMeta(before, { rulebook: stamp, verdict: 'failed' }).review!.legend).toEqual(legend);
    expect(nextMeta(before, { rulebook: stamp, verdict: 'failed', legend: null }).review!.legend).toBeUndefined();
    const theirs: WorkbookMeta = { ...before, review: { ...before.review!, checkedAt: 'x' } };
    expect(mergeMeta(before, before, theirs).review!.legend).toEqual(legend);
  });

  it('a re-check places it again in the same cells; clearing takes back only what still shows the tool’s writing', () => {
    const r = reading({ '5.1': pct(0.12) });
    const first = finishCheck(r, planCheck(r, examine(r, rb)!, 'zh-CN', 'notes'), none, rb, 'zh-CN');
    const legend = first.meta.review!.legend!;
    const swatch = legend.find((c) => c.fill)!;
    const r2 = withLegend(r, legend, first.meta);
    const fills = new Map(legend.filter((c) => c.fill).map((c) => [c.cell, { fill: c.fill!.placed }]));
    const again = finishCheck(r2, planCheck(r2, examine(r2, rb)!, 'zh-CN', 'notes'), { cells: fills }, rb, 'zh-CN');
    expect(again.meta.review!.legend).toEqual(legend);
    expect(again.warnings.map((w) => w.code)).not.toContain('legend-edited');

    // A person recoloured the swatch: the clear leaves their colour, says so, and still takes the words back.
    const draft = planClear(r2, 'notes')!;
    expect(draft.sheets).toEqual([INDICATOR_SHEET]);
    const cleared = finishClear(r2, draft, { cells: new Map([[swatch.cell, { fill: '#123456' }]]) }, 'zh-CN');
    expect(cleared.meta.review!.legend).toBeUndefined();
    expect(cleared.writes.find((w) => w.cell === swatch.cell)).toBeUndefined();
    for (const c of legend.filter((x) => x.value !== null)) expect(cleared.writes.find((w) => w.cell === c.cell)).toEqual({ cell: c.cell, value: null });
    const edited = cleared.warnings.find((w) => w.code === 'legend-edited')!;
    expect(edited.params.cells).toEqual([swatch.cell]);
    expect(renderWarning(edited, 'zh-CN')).toContain('标记颜色说明');
  });
});
