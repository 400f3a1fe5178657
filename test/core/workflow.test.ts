/** The review workflow's plans, without any workbook: what to read, restore, flag, record and warn about. */
import { describe, expect, it } from 'vitest';
import {
  coveredColor,
  examine,
  finishCheck,
  finishClear,
  FLAG_FILL,
  INDICATOR_SHEET,
  META_FORMAT,
  metaModel,
  NOTE_MARK,
  parseMeta,
  pickIndicatorSheet,
  planCheck,
  planClear,
  planSummary,
  qualified,
  readRequest,
  recordedColor,
  renderWarning,
  standardLayout,
  type CellValue,
  type Covered,
  type SheetModel,
  type FlagRecord,
  type Reading,
  type WorkbookMeta,
} from '../../src/core/index.js';
import { rb } from '../support/review.js';
import { buildSnapshot, passingValues, pct, type Values } from '../support/sheet.js';

const layout = standardLayout(rb, 2025);
const rowOf = (code: string) => layout.rows.find((r) => r.indicator.code === code)!.row;
/** The latest year's cell of an indicator (column F). */
const cellOf = (code: string, col = 5) => qualified(INDICATOR_SHEET, rowOf(code), col);
const stamp = { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint };

function reading(values: Values = {}, extra: Partial<Reading> = {}): Reading {
  const snapshot = buildSnapshot(rb, { ...passingValues(), ...values });
  return { names: [INDICATOR_SHEET], meta: null, found: pickIndicatorSheet([snapshot], rb), merges: null, summaryAt: null, ...extra };
}

/** A sheet as written from its model, with what people typed over it ("row,col" → value). */
function sheetAt(model: SheetModel, typed: Map<string, CellValue> = new Map()): (row: number, col: number) => CellValue {
  const cells = new Map(model.cells.map((c) => [`${c.row},${c.col}`, c.formula !== undefined ? (c.result ?? null) : (c.value ?? null)]));
  return (row, col) => {
    const k = `${row},${col}`;
    return typed.has(k) ? typed.get(k)! : (cells.get(k) ?? null);
  };
}

function metaWith(flags: FlagRecord[], extra: Partial<WorkbookMeta> = {}): WorkbookMeta {
  return { format: META_FORMAT, review: { rulebook: stamp, verdict: 'failed', flags }, ...extra };
}

const covered = (cells: Record<string, { fill?: string | null; note?: string | null }>, comments?: Covered['comments']): Covered => ({
  cells: new Map(Object.entries(cells)),
  ...(comments ? { comments } : {}),
});

describe('what to read', () => {
  it('reads 指标表 first and the other sheets only if it has no codes; never the metadata or summary sheets', () => {
    const req = readRequest(['封面', INDICATOR_SHEET, '评审汇总', '评审汇总 (2)', '_cluster_review', '申报数据']);
    expect(req.stages).toEqual([[INDICATOR_SHEET], ['封面', '申报数据']]);
    expect(req.meta).toBe('_cluster_review');
    expect(req.summaries).toEqual(['评审汇总', '评审汇总 (2)']);
    expect(readRequest(['封面', '申报数据']).stages).toEqual([['封面', '申报数据']]);
  });

  it('a sheet named 指标表 without codes does not hide the real indicator sheet', () => {
    const named = { sheet: INDICATOR_SHEET, cells: [[{ value: '见“申报数据”工作表' }]] };
    const real = buildSnapshot(rb, passingValues(), { sheet: '申报数据' });
    const found = pickIndicatorSheet([named, real], rb);
    expect(found?.snapshot.sheet).toBe('申报数据');
  });
});

describe('recorded fills', () => {
  it('one decoder reads plain colours and the records of earlier versions', () => {
    expect(recordedColor('#fff7d6')).toBe('#FFF7D6');
    expect(recordedColor(null)).toBeNull();
    // The command line used to store ExcelJS's fill object.
    expect(recordedColor({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCCE5FF' }, bgColor: { argb: 'FFCCE5FF' } })).toBe('#CCE5FF');
    expect(recordedColor({ type: 'pattern', pattern: 'none' })).toBeNull();
    expect(recordedColor({ type: 'gradient', stops: [] })).toBeNull();
    expect(recordedColor('red')).toBeNull();
  });

  it('Excel reports no fill as white (and mixed fills as null): both are recorded as no fill', () => {
    expect(coveredColor('#FFFFFF')).toBeNull();
    expect(coveredColor('#ffffff')).toBeNull();
    expect(coveredColor(null)).toBeNull();
    expect(coveredColor('#ccE5ff')).toBe('#CCE5FF');
  });

  it('metadata written by an earlier version is read back with plain colours', () => {
    const legacy = metaModel({
      format: META_FORMAT,
      review: { rulebook: stamp, verdict: 'failed', flags: [{ cell: cellOf('5.1'), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } } as unknown as string, note: null }] },
    });
    const rows = legacy.cells.reduce<Array<[unknown, unknown]>>((acc, c) => ((acc[c.row] ??= [null, null])[c.col] = c.value, acc), []);
    expect(parseMeta(rows)?.review?.flags).toEqual([{ cell: cellOf('5.1'), fill: '#FFF7D6', note: null }]);
  });
});

describe('the check plan', () => {
  it('first run: reads the covered cells, flags them, records what they had and keeps the applicant note under the tool’s', () => {
    const r = reading({ '5.1': pct(0.12), '4.5': 'abc' });
    const draft = planCheck(r, examine(r, rb)!, 'zh-CN', 'notes');
    const cell = cellOf('5.1');
    expect(draft.report.verdict).toBe('failed');
    expect(draft.read.fills).toContain(cell);
    expect(draft.read.notes).toContain(cell);
    expect(draft.sheets).toEqual([INDICATOR_SHEET]);
    const plan = finishCheck(r, draft, covered({ [cell]: { fill: '#FFF7D6', note: '数据来源：县统计局' }, [cellOf('4.5')]: { fill: '#FFFFFF', note: null } }), rb, 'zh-CN', { checkedAt: '2025-06-01 09:30' });
    const w = plan.writes.find((x) => x.cell === cell)!;
    expect(w.fill).toBe(FLAG_FILL.fail);
    expect(w.note?.kind).toBe('replace');
    expect(w.note && 'text' in w.note ? w.note.text : '').toMatch(/^【集群评审助手】\n不达标：[\s\S]*—— 原批注 ——\n数据来源：县统计局$/);
    expect(plan.meta.review?.flags.find((f) => f.cell === cell)).toMatchObject({ cell, fill: '#FFF7D6', note: '数据来源：县统计局', placed: { fill: FLAG_FILL.fail } });
    expect(plan.meta.review).toMatchObject({ verdict: 'failed', checkedAt: '2025-06-01 09:30', rulebook: stamp });
    // A cell without a note gets one added; a cell with no fill (reported white) is recorded as no fill.
    const other = plan.writes.find((x) => x.cell !== cell)!;
    expect(other.note?.kind).toBe('add');
    expect(plan.meta.review?.flags.find((f) => f.cell === other.cell)?.fill).toBeNull();
  });

  it('a re-run restores cells no longer flagged from their records, and keeps the first original of cells still flagged', () => {
    const fixed = cellOf('5.1');
    const still = cellOf('4.5');
    const gone = qualified('已删除', 3, 3);
    // 5.1 was flagged with a legacy record; 4.5 is flagged again; a record on a sheet since deleted is skipped.
    const meta = metaWith([
      { cell: fixed, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } } as unknown as string, note: '数据来源：县统计局' },
      { cell: still, fill: '#CCE5FF', note: null },
      { cell: gone, fill: null, note: null },
    ]);
    const r = reading({ '4.5': 'abc' }, { meta });
    const draft = planCheck(r, examine(r, rb)!, 'zh-CN', 'notes');
    expect(draft.restore.map((x) => x.cell)).toEqual([fixed]);
    // Every cell flagged before is read: does it still show the tool's flag?
    expect(draft.read.fills).toContain(still);
    const plan = finishCheck(r, draft, covered({ [fixed]: { fill: FLAG_FILL.fail, note: '【集群评审助手】\n不达标：…' }, [still]: { fill: FLAG_FILL.invalid, note: '【集群评审助手】\n无效：…' } }), rb, 'zh-CN');
    expect(plan.writes[0]).toEqual({ cell: fixed, fill: '#FFF7D6', note: { kind: 'replace', text: '数据来源：县统计局' } });
    expect(plan.restored).toBe(1);
    // The cell still flagged keeps the fill recorded the first time, never the tool's own flag colour.
    expect(plan.meta.review?.flags.find((f) => f.cell === still)).toMatchObject({ cell: still, fill: '#CCE5FF', note: null });
    expect(plan.warnings).toEqual([]);
    expect(plan.writes.find((x) => x.cell === still)?.note?.kind).toBe('replace');
  });

  it('a note of the tool’s left without a record is not taken for the applicant’s', () => {
    const r = reading({ '5.1': pct(0.12) });
    const draft = planCheck(r, examine(r, rb)!, 'en-US', 'notes');
    const cell = cellOf('5.1');
    const plan = finishCheck(r, draft, covered({ [cell]: { fill: '#FFFFFF', note: `${NOTE_MARK['zh-CN']}\n不达标：old` } }), rb, 'en-US');
    expect(plan.meta.review?.flags.find((f) => f.cell === cell)).toMatchObject({ cell, fill: null, note: null });
  });

  it('a restored cell whose flag note a person removed keeps that (only the tool’s fill goes); one unchanged loses the tool’s note', () => {
    const a = cellOf('5.1');
    const b = cellOf('4.5');
    const r = reading({}, { meta: metaWith([{ cell: a, fill: null, note: '原有批注' }, { cell: b, fill: '#FFF7D6', note: null }]) });
    const draft = planCheck(r, examine(r, rb)!, 'zh-CN', 'notes');
    const plan = finishCheck(r, draft, covered({ [a]: { fill: FLAG_FILL.fail, note: null }, [b]: { fill: FLAG_FILL.invalid, note: '【集群评审助手】\n…' } }), rb, 'zh-CN');
    expect(plan.writes).toEqual([
      { cell: a, fill: null },
      { cell: b, fill: '#FFF7D6', note: { kind: 'delete' } },
    ]);
    expect(plan.warnings).toEqual([{ code: 'flag-edited', params: { cells: [a] } }]);
  });

  it('threaded comments: never on someone else’s thread; the tool’s own is updated, or added again when deleted', () => {
    const theirs = cellOf('5.1');
    const mine = cellOf('4.5');
    const lost = cellOf('8.3');
    const r = reading({ '5.1': pct(0.12), '4.5': 'abc', '8.3': pct(0.5) }, { meta: metaWith([{ cell: mine, fill: null, note: null, comment: 'c-1' }, { cell: lost, fill: null, note: null, comment: 'c-2' }]) });
    const draft = planCheck(r, examine(r, rb)!, 'zh-CN', 'comments');
    expect(draft.read).toMatchObject({ notes: [], comments: true });
    const plan = finishCheck(r, draft, covered({}, { ids: new Set(['c-1', 'theirs']), at: [`${INDICATOR_SHEET}!${theirs.split('!')[1]}`, mine] }), rb, 'zh-CN');
    const byCell = new Map(plan.writes.map((w) => [w.cell, w]));
    expect(byCell.get(theirs)?.comment).toBeUndefined();
    expect(byCell.get(theirs)?.note).toBeUndefined();
    expect(byCell.get(mine)?.comment).toMatchObject({ kind: 'update', id: 'c-1' });
    expect(byCell.get(lost)?.comment).toMatchObject({ kind: 'add' });
    expect(plan.meta.review?.flags.find((f) => f.cell === mine)?.comment).toBe('c-1');
  });

  it('clearing restores every recorded cell and empties the records; nothing to do without records', () => {
    expect(planClear(reading(), 'notes')).toBeNull();
    const a = cellOf('5.1');
    const r = reading({}, { meta: metaWith([{ cell: a, fill: '#CCE5FF', note: null, comment: 'c-9' }]) });
    const draft = planClear(r, 'comments')!;
    const out = finishClear(r, draft, covered({ [a]: { fill: FLAG_FILL.fail } }, { ids: new Set(['c-9']), at: [] }), 'zh-CN');
    expect(out.writes).toEqual([{ cell: a, fill: '#CCE5FF', comment: { kind: 'delete', id: 'c-9' } }]);
    expect(out.meta.review?.flags).toEqual([]);
    expect(out.meta.review?.verdict).toBe('failed');
  });
});

describe('warnings', () => {
  it('a template stamped by another rulebook', () => {
    const other = { id: 'cn-zj-2024', edition: '2024', fingerprint: 'ab'.repeat(32) };
    const r = reading({}, { meta: { format: META_FORMAT, template: { version: '2025.1', applicationYear: 2025, rulebook: other, lang: 'zh-CN' } } });
    const ex = examine(r, rb)!;
    expect(ex.warnings).toEqual([{ code: 'template-rulebook-differs', params: { id: 'cn-zj-2024', edition: '2024', fingerprint: 'abababababab' } }]);
    expect(renderWarning(ex.warnings[0]!, 'zh-CN')).toBe('模板所依据规则为 cn-zj-2024 2024（abababababab），与适用规则不同；已按适用规则核验');
    expect(renderWarning(ex.warnings[0]!, 'en-US', 'a.xlsx')).toMatch(/^a\.xlsx: the template was built from rulebook cn-zj-2024 2024 \(abababababab\)/);
    expect(examine(reading({}, { meta: { format: META_FORMAT, template: { version: '2025.1', applicationYear: 2025, rulebook: stamp, lang: 'zh-CN' } } }), rb)!.warnings).toEqual([]);
  });

  it('merged input cells: named, and only the top-left cell is read (as Excel gives it)', () => {
    const row = rowOf('1.6') + 1;
    const ex = examine(reading({}, { merges: [`D${row}:E${row}`, 'A1:G1'] }), rb)!;
    expect(ex.warnings).toEqual([{ code: 'merged-inputs', params: { sheet: INDICATOR_SHEET, ranges: [`D${row}:E${row}`] } }]);
    expect(ex.report.findings.find((f) => f.status === 'missing' && f.cells.includes(qualified(INDICATOR_SHEET, row - 1, 4)))).toBeDefined();
    expect(renderWarning(ex.warnings[0]!, 'zh-CN', 'x.xlsx')).toBe(
      `x.xlsx：工作表“指标表”在填报单元格上有合并单元格：D${row}:E${row}；合并区域只读取左上角单元格，其余视为未填写。请取消合并，每个年度一个单元格`,
    );
    // A merged title over no input cell is no concern; unknown merges (null) are none.
    expect(examine(reading({}, { merges: ['A1:G1'] }), rb)!.warnings).toEqual([]);
    expect(examine(reading({}, { merges: null }), rb)!.report.verdict).toBe('passed');
  });

  it('content the .xlsx adapter cannot carry over is named in the language', () => {
    const w = { code: 'unsupported-content' as const, params: { parts: ['charts', 'pivot-tables', 'mystery'] } };
    expect(renderWarning(w, 'zh-CN', 'a.xlsx')).toBe('a.xlsx：含图表、数据透视表、mystery，核验副本中将不包含这些内容（原文件不受影响）');
    expect(renderWarning(w, 'en-US')).toBe('contains charts, pivot tables, mystery; the reviewed copy omits them (the original is untouched)');
    expect(renderWarning({ code: 'macros-dropped', params: {} }, 'zh-CN', 'm.xlsm')).toMatch(/^m\.xlsm：含宏.*从不运行宏.*不含宏$/);
  });
});

describe('the summary plan', () => {
  it('keeps expert input through the recorded layout, and never replaces an applicant’s sheet of the same name', () => {
    const r0 = reading({}, { names: [INDICATOR_SHEET, '评审汇总'] });
    const first = planSummary(r0, examine(r0, rb)!, rb, 'zh-CN', { experts: ['张三'] });
    expect(first.remove).toBeNull();
    expect(first.sheet).toBe('评审汇总 (2)');
    expect(first.meta.review?.summary?.sheet).toBe('评审汇总 (2)');
    const lay = first.layout;
    const typed = new Map<string, number | string>([[`${lay.criteriaRows['1']},${lay.experts[0]!.col}`, 17], [`${lay.decision[0]},${lay.decision[1]}`, '建议推荐']]);
    const r1 = reading({}, { names: [INDICATOR_SHEET, '评审汇总', '评审汇总 (2)'], meta: first.meta, summaryAt: sheetAt(first.model, typed) });
    const again = planSummary(r1, examine(r1, rb)!, rb, 'zh-CN', { experts: ['李四'] });
    expect(again.remove).toBe('评审汇总 (2)');
    expect(again.sheet).toBe('评审汇总 (2)');
    expect(again.layout.experts.map((e) => e.name)).toEqual(['张三', '李四']);
    const scoreCell = again.model.cells.find((c) => c.row === again.layout.criteriaRows['1'] && c.col === again.layout.experts[0]!.col);
    expect(scoreCell?.value).toBe(17);
    expect(again.model.cells.find((c) => c.row === again.layout.decision[0] && c.col === again.layout.decision[1])?.value).toBe('建议推荐');
  });
});
