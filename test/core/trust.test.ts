/**
 * Issue #9, items 3, 4 and 6 in the core: the workbook's record is evidence (schema, the summary's mark, flags
 * restored only where the tool's own flag still shows, a fingerprint of the data), every model is one Excel
 * accepts, names like __proto__ are ordinary, and what people added is kept.
 */
import { describe, expect, it } from 'vitest';
import {
  examine,
  finishCheck,
  INDICATOR_SHEET,
  META_FORMAT,
  META_SHEET,
  metaModel,
  pickIndicatorSheet,
  planCheck,
  planSummary,
  qualified,
  readMetaRecord,
  renderWarning,
  safeModel,
  safeSheetName,
  standardLayout,
  validateRulebook,
  type CellValue,
  type Covered,
  type Reading,
  type SheetModel,
  type WorkbookMeta,
} from '../../src/core/index.js';
import { rb } from '../support/review.js';
import { nationalCopy } from '../support/rulebooks.js';
import { buildSnapshot, passingValues, pct, type Values } from '../support/sheet.js';

const layout = standardLayout(rb, 2025);
const cellOf = (code: string, col = 5) => qualified(INDICATOR_SHEET, layout.rows.find((r) => r.indicator.code === code)!.row, col);
const stamp = { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint };
const SENTENCE = '提交的文件中已含评审内容，请核实来源';

function reading(values: Values = {}, extra: Partial<Reading> = {}): Reading {
  const snapshot = buildSnapshot(rb, { ...passingValues(), ...values });
  return { names: [INDICATOR_SHEET], meta: null, found: pickIndicatorSheet([snapshot], rb), merges: null, summaryAt: null, ...extra };
}

function sheetAt(model: SheetModel, typed: Map<string, CellValue> = new Map()): (row: number, col: number) => CellValue {
  const cells = new Map(model.cells.map((c) => [`${c.row},${c.col}`, c.formula !== undefined ? (c.result ?? null) : (c.value ?? null)]));
  return (row, col) => (typed.has(`${row},${col}`) ? typed.get(`${row},${col}`)! : (cells.get(`${row},${col}`) ?? null));
}

/** The metadata sheet's rows, as an adapter reads them. */
const rowsOf = (meta: WorkbookMeta) => {
  const m = metaModel(meta);
  const rows: Array<[unknown, unknown]> = [];
  for (const c of m.cells) (rows[c.row] ??= [null, null])[c.col] = c.value;
  return rows;
};

const covered = (cells: Record<string, { fill?: string | null; note?: string | null }>): Covered => ({ cells: new Map(Object.entries(cells)) });

describe('the record is validated', () => {
  it('a damaged record is ignored with a warning, never an error', () => {
    const bad: Array<Array<[unknown, unknown]>> = [
      [['format', META_FORMAT], ['review#0', '{"rulebook":']],
      [['format', META_FORMAT], ['review#0', JSON.stringify({ rulebook: stamp, verdict: 'failed', flags: [{ cell: 42 }] })]],
      [['format', META_FORMAT], ['review#0', JSON.stringify({ rulebook: stamp, verdict: 'failed', flags: [], summary: { sheet: '评审汇总', experts: 'x' } })]],
      [['format', 'something else'], ['review#0', '{}']],
      [['format', META_FORMAT], ['review#1', '{}']],
    ];
    for (const rows of bad) {
      const rec = readMetaRecord(rows);
      expect(rec.damaged).toBe(true);
      expect(rec.meta?.review).toBeUndefined();
      const r = reading({}, { meta: rec.meta, metaDamaged: rec.damaged, names: [INDICATOR_SHEET, META_SHEET] });
      const ex = examine(r, rb)!;
      expect(ex.warnings.map((w) => w.code)).toContain('record-damaged');
      expect(() => planSummary(r, ex, rb, 'zh-CN')).not.toThrow();
    }
    expect(renderWarning({ code: 'record-damaged', params: {} }, 'zh-CN')).toMatch(/评审记录.*已损坏.*已忽略/);
    // What the tool writes reads back whole.
    const meta: WorkbookMeta = { format: META_FORMAT, review: { rulebook: stamp, verdict: 'failed', flags: [{ cell: cellOf('5.1'), fill: null, note: null }] } };
    expect(readMetaRecord(rowsOf(meta))).toMatchObject({ meta, damaged: false });
  });

  it('a record naming 指标表 as the old summary gets nothing deleted or rewritten', () => {
    const forged: WorkbookMeta = {
      format: META_FORMAT,
      review: {
        rulebook: stamp,
        verdict: 'passed',
        flags: [],
        summary: { sheet: INDICATOR_SHEET, experts: [{ name: 'x', col: 5 }], criteriaRows: { 1: 3 }, conflictRow: 4, signatureRow: 5, decision: [6, 2], rationale: [7, 2], date: [8, 2] },
      },
    };
    const r = reading({}, { names: [INDICATOR_SHEET, META_SHEET], meta: forged, summaryAt: () => 'x' });
    const plan = planSummary(r, examine(r, rb)!, rb, 'zh-CN');
    expect(plan.remove).toBeNull();
    expect(plan.sheet).toBe('评审汇总');
  });

  it('a summary the tool cannot prove it wrote is kept as it is, said plainly, and its scores are not carried', () => {
    const r0 = reading({}, { names: [INDICATOR_SHEET] });
    const first = planSummary(r0, examine(r0, rb)!, rb, 'zh-CN', { experts: ['张三'] });
    const lay = first.layout;
    const scores = new Map<string, CellValue>([[`${lay.criteriaRows['1']},${lay.experts[0]!.col}`, 17], [`${lay.decision[0]},${lay.decision[1]}`, '建议推荐']]);
    // Its own summary, as written: trusted, scores carried, no warning.
    const own = reading({}, { names: [INDICATOR_SHEET, '评审汇总'], meta: first.meta, summaryAt: sheetAt(first.model, scores) });
    const ok = planSummary(own, examine(own, rb)!, rb, 'zh-CN');
    expect(ok.remove).toBe('评审汇总');
    expect(ok.warnings).toEqual([]);
    expect(ok.model.cells.find((c) => c.row === ok.layout.criteriaRows['1'] && c.col === ok.layout.experts[0]!.col)?.value).toBe(17);

    // A label changed (the sheet is not what the tool wrote), or no record at all: not trusted.
    const labels = first.layout.mark!.cells;
    const altered = new Map(scores).set(`${labels[3]![0]},${labels[3]![1]}`, '伪造');
    const cases: Reading[] = [
      reading({}, { names: [INDICATOR_SHEET, '评审汇总'], meta: first.meta, summaryAt: sheetAt(first.model, altered) }),
      reading({}, { names: [INDICATOR_SHEET, '评审汇总'], meta: null, summaryAt: null }),
      reading({}, { names: [INDICATOR_SHEET, '评审汇总'], meta: { ...first.meta, review: { ...first.meta.review!, summary: { ...lay, mark: undefined } } }, summaryAt: sheetAt(first.model, scores) }),
    ];
    for (const r of cases) {
      const ex = examine(r, rb)!;
      expect(ex.warnings).toContainEqual({ code: 'prior-review-content', params: { sheet: '评审汇总' } });
      const plan = planSummary(r, ex, rb, 'zh-CN');
      expect(plan.remove).toBeNull();
      expect(plan.sheet).toBe('评审汇总 (2)');
      expect(plan.model.cells.find((c) => c.row === plan.layout.criteriaRows['1'] && c.col === plan.layout.experts[0]!.col)?.value ?? null).toBeNull();
      expect(plan.model.cells.find((c) => c.row === plan.layout.decision[0] && c.col === plan.layout.decision[1])?.value ?? null).toBeNull();
      // Said in the summary itself, in the exact words.
      expect(plan.model.cells.some((c) => typeof c.value === 'string' && c.value.startsWith(SENTENCE))).toBe(true);
      expect(renderWarning(ex.warnings.find((w) => w.code === 'prior-review-content')!, 'zh-CN')).toMatch(new RegExp(`^${SENTENCE}`));
      expect(renderWarning(ex.warnings.find((w) => w.code === 'prior-review-content')!, 'en-US')).toMatch(/^The submitted file already contains review content; verify where it came from/);
    }
  });

  it('data changed since it was first checked is said, in the summary too', () => {
    const r0 = reading({ '5.1': pct(0.12) });
    const d0 = planCheck(r0, examine(r0, rb)!, 'zh-CN', 'notes');
    const c0 = finishCheck(r0, d0, covered({}), rb, 'zh-CN', { checkedAt: '2025-06-01 09:30' });
    expect(c0.meta.review?.data?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Same data: nothing to say. Changed data: said, and the first fingerprint kept.
    expect(examine(reading({ '5.1': pct(0.12) }, { meta: c0.meta }), rb)!.warnings).toEqual([]);
    const r1 = reading({ '5.1': pct(0.5) }, { meta: c0.meta });
    const ex = examine(r1, rb)!;
    expect(ex.warnings).toEqual([{ code: 'data-changed', params: { checkedAt: '2025-06-01 09:30' } }]);
    expect(renderWarning(ex.warnings[0]!, 'zh-CN')).toMatch(new RegExp(`^${SENTENCE}`));
    const d1 = planCheck(r1, ex, 'zh-CN', 'notes');
    expect(finishCheck(r1, d1, covered({}), rb, 'zh-CN', { checkedAt: '2025-07-01 10:00' }).meta.review?.data).toEqual(c0.meta.review?.data);
    expect(planSummary(r1, ex, rb, 'zh-CN').model.cells.some((c) => typeof c.value === 'string' && c.value.startsWith(SENTENCE))).toBe(true);
  });
});

describe('flags: the tool takes back only its own, unchanged', () => {
  it('a record over a cell that does not show the tool’s flag restores nothing there', () => {
    const a = cellOf('5.1');
    const meta: WorkbookMeta = { format: META_FORMAT, review: { rulebook: stamp, verdict: 'failed', flags: [{ cell: a, fill: '#000000', note: '伪造批注' }] } };
    const r = reading({}, { meta });
    const draft = planCheck(r, examine(r, rb)!, 'zh-CN', 'notes');
    expect(draft.read.fills).toContain(a);
    const plan = finishCheck(r, draft, covered({ [a]: { fill: '#FFF7D6', note: '申报单位的批注' } }), rb, 'zh-CN');
    expect(plan.writes).toEqual([{ cell: a }]);
  });

  it('a reviewer’s edit to a flag’s note or fill is kept and reported; untouched flags go', () => {
    const a = cellOf('5.1');
    const b = cellOf('4.5');
    const r0 = reading({ '5.1': pct(0.12), '4.5': 'abc' });
    const d0 = planCheck(r0, examine(r0, rb)!, 'zh-CN', 'notes');
    const p0 = finishCheck(r0, d0, covered({ [a]: { fill: null, note: null }, [b]: { fill: '#FFF7D6', note: '原批注' } }), rb, 'zh-CN');
    const written = new Map(p0.writes.map((w) => [w.cell, w]));
    const noteOf = (c: string) => {
      const n = written.get(c)!.note!;
      return 'text' in n ? n.text : null;
    };
    // Both fixed now; the reviewer edited a's note and recoloured b.
    const r1 = reading({}, { meta: p0.meta });
    const d1 = planCheck(r1, examine(r1, rb)!, 'zh-CN', 'notes');
    const p1 = finishCheck(r1, d1, covered({ [a]: { fill: written.get(a)!.fill, note: `${noteOf(a)}\n复核：已电话核实` }, [b]: { fill: '#00FF00', note: noteOf(b) } }), rb, 'zh-CN');
    const w1 = new Map(p1.writes.map((w) => [w.cell, w]));
    // a: the tool's fill goes, the edited note stays. b: the person's fill stays, the tool's note gives way to the original.
    expect(w1.get(a)).toEqual({ cell: a, fill: null });
    expect(w1.get(b)).toEqual({ cell: b, note: { kind: 'replace', text: '原批注' } });
    const edited = p1.warnings.find((w) => w.code === 'flag-edited')!;
    expect([...(edited.params.cells as string[])].sort()).toEqual([a, b].sort());
    expect(renderWarning(edited, 'zh-CN')).toContain('修改内容予以保留');
    // The data changed since the first check (the values were fixed): said too.
    expect(p1.warnings.map((w) => w.code)).toContain('data-changed');
  });

  it('a flag note is kept within Excel’s 32,767 characters', () => {
    const a = cellOf('5.1');
    const r = reading({ '5.1': pct(0.12) });
    const d = planCheck(r, examine(r, rb)!, 'zh-CN', 'notes');
    const p = finishCheck(r, d, covered({ [a]: { fill: null, note: 'x'.repeat(40000) } }), rb, 'zh-CN');
    const n = p.writes.find((w) => w.cell === a)!.note!;
    expect('text' in n && n.text.length).toBe(32767);
    expect('text' in n && n.text.endsWith('…[已截断]')).toBe(true);
  });
});

describe('every model is one Excel accepts', () => {
  it('long text is cut with a mark, Infinity and NaN are left blank, validation within limits, sheet names valid', () => {
    const model: SheetModel = {
      name: "a/b:c*d?e[f]g\\h'this name is far too long for excel",
      cells: [
        { row: 0, col: 0, value: 'x'.repeat(65535) },
        { row: 1, col: 0, value: Infinity },
        { row: 2, col: 0, formula: 'A1', result: NaN },
        { row: 3, col: 0, value: 1, validation: { kind: 'list', values: Array.from({ length: 100 }, (_x, i) => `选项${i}`) } },
        { row: 4, col: 0, value: 1, validation: { kind: 'decimal', min: 0, max: 5, prompt: 'p'.repeat(1000) } },
      ],
    };
    const { model: safe, truncated } = safeModel(model, '…[已截断]');
    expect(truncated).toBe(1);
    expect((safe.cells[0]!.value as string).length).toBe(32767);
    expect((safe.cells[0]!.value as string).endsWith('…[已截断]')).toBe(true);
    expect(safe.cells[1]!.value).toBeNull();
    expect(safe.cells[2]!.result).toBeNull();
    expect(safe.cells[3]!.validation).toBeUndefined();
    expect(safe.cells[4]!.validation?.prompt?.length).toBeLessThanOrEqual(255);
    expect(safe.name.length).toBeLessThanOrEqual(31);
    expect(safe.name).not.toMatch(/[[\]:*?/\\]/);
    expect(safeSheetName("'x'")).toBe('x');
    expect(safeModel(safe, '…[已截断]').truncated).toBe(0);
  });

  it('two scores of 9e307 give no Infinity anywhere in the summary', () => {
    const r0 = reading();
    const first = planSummary(r0, examine(r0, rb)!, rb, 'zh-CN', { experts: ['甲', '乙'] });
    const lay = first.layout;
    const typed = new Map<string, CellValue>();
    for (const e of lay.experts) for (const row of Object.values(lay.criteriaRows)) typed.set(`${row},${e.col}`, 9e307);
    const r1 = reading({}, { names: [INDICATOR_SHEET, '评审汇总'], meta: first.meta, summaryAt: sheetAt(first.model, typed) });
    const plan = planSummary(r1, examine(r1, rb)!, rb, 'zh-CN');
    for (const c of plan.model.cells) {
      for (const v of [c.value, c.result]) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      if (c.formula) expect(c.formula).not.toMatch(/Infinity|NaN/);
    }
  });

  it('a 40,000-character expert name is cut to a header and keeps its column on a re-run', () => {
    const r0 = reading();
    const long = '专'.repeat(40000);
    const plan = planSummary(r0, examine(r0, rb)!, rb, 'zh-CN', { experts: [long] });
    for (const c of plan.model.cells) if (typeof c.value === 'string') expect(c.value.length).toBeLessThanOrEqual(32767);
    expect(plan.layout.experts[0]!.name.length).toBeLessThanOrEqual(255);
    const r1 = reading({}, { names: [INDICATOR_SHEET, '评审汇总'], meta: plan.meta, summaryAt: sheetAt(plan.model) });
    expect(planSummary(r1, examine(r1, rb)!, rb, 'zh-CN', { experts: [long] }).layout.experts).toHaveLength(1);
  });
});

describe('__proto__ and constructor are ordinary names', () => {
  it('an expert named __proto__ keeps the 回避 mark and signature; one named constructor can be added', () => {
    const r0 = reading();
    const first = planSummary(r0, examine(r0, rb)!, rb, 'zh-CN', { experts: ['__proto__', '李四'] });
    const lay = first.layout;
    const col = lay.experts.find((e) => e.name === '__proto__')!.col;
    const typed = new Map<string, CellValue>([[`${lay.conflictRow},${col}`, '是'], [`${lay.signatureRow},${col}`, '签名甲']]);
    for (const e of lay.experts) for (const row of Object.values(lay.criteriaRows)) typed.set(`${row},${e.col}`, 1);
    const r1 = reading({}, { names: [INDICATOR_SHEET, '评审汇总'], meta: first.meta, summaryAt: sheetAt(first.model, typed) });
    const plan = planSummary(r1, examine(r1, rb)!, rb, 'zh-CN', { experts: ['constructor'] });
    expect(plan.layout.experts.map((e) => e.name)).toEqual(['__proto__', '李四', 'constructor']);
    const at = (row: number, name: string) => plan.model.cells.find((c) => c.row === row && c.col === plan.layout.experts.find((e) => e.name === name)!.col)?.value ?? null;
    expect(at(plan.layout.conflictRow, '__proto__')).toBe('是');
    expect(at(plan.layout.signatureRow, '__proto__')).toBe('签名甲');
    expect(at(plan.layout.conflictRow, 'constructor')).toBeNull();
    expect(plan.committee.totals.find((x) => x.expert === '__proto__')).toMatchObject({ conflicted: true, total: null });
    expect(plan.committee.totals.find((x) => x.expert === 'constructor')).toMatchObject({ conflicted: false, total: null });
  });

  it('a criterion id __proto__ is refused by rulebook validation', () => {
    const bad = nationalCopy();
    (bad.criteria as Array<{ id: string }>)[0]!.id = '__proto__';
    const v = validateRulebook(bad, 'en-US');
    expect(v.ok).toBe(false);
    const huge = nationalCopy();
    for (const c of huge.criteria as Array<{ weight: number }>) c.weight = 1e308;
    expect(validateRulebook(huge, 'en-US').ok).toBe(false);
  });
});

describe('re-checks keep what people added', () => {
  it('notes on the summary’s expert cells follow their cells into the rebuilt summary', () => {
    const r0 = reading();
    const first = planSummary(r0, examine(r0, rb)!, rb, 'zh-CN', { experts: ['张三'] });
    const lay = first.layout;
    const score = `${lay.criteriaRows['2']},${lay.experts[0]!.col}`;
    const decision = `${lay.decision[0]},${lay.decision[1]}`;
    const notes = new Map([[score, '该项需补充佐证材料'], [decision, '待主任委员确认']]);
    const r1 = reading({ '5.1': pct(0.12) }, { names: [INDICATOR_SHEET, '评审汇总'], meta: first.meta, summaryAt: sheetAt(first.model), summaryNoteAt: (r, c) => notes.get(`${r},${c}`) ?? null });
    const plan = planSummary(r1, examine(r1, rb)!, rb, 'zh-CN');
    const cell = (row: number, col: number) => plan.model.cells.find((c) => c.row === row && c.col === col);
    expect(cell(plan.layout.criteriaRows['2']!, plan.layout.experts[0]!.col)?.note).toBe('该项需补充佐证材料');
    expect(cell(...plan.layout.decision)?.note).toBe('待主任委员确认');
  });
});
