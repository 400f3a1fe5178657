/**
 * Hostile (issue 20, item 1): an expert's note on a cell the tool maintains (平均分 of a criterion, of the total)
 * is kept by a re-check, on the same cell of the new summary, even when a new expert moves the column.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SummaryLayout } from '../../src/core/index.js';
import { readRecord } from '../../src/xlsx/meta.js';
import { load, noteOf } from '../support/files.js';
import { reviewedExample, runCli } from './support.js';

const meanCol = (layout: SummaryLayout) => Math.max(...layout.experts.map((x) => x.col)) + 1;
const totalRow = (layout: SummaryLayout) => Math.max(...Object.values(layout.criteriaRows)) + 1;

describe('notes on tool-maintained summary cells', () => {
  it('a note on 平均分 survives a re-check that adds an expert', async () => {
    const { dir: d, copy, wb, ws, layout } = await reviewedExample('甲,乙');
    const first = layout.criteriaRows['1']!;
    ws.getCell(first + 1, meanCol(layout) + 1).note = '平均分请复核：乙的分数待确认';
    ws.getCell(totalRow(layout) + 1, meanCol(layout) + 1).note = '总分以会议纪要为准';
    await wb.xlsx.writeFile(copy);
    const out = join(d, 'again.xlsx');
    const r = await runCli(['check', copy, '--experts', '甲,乙,丙', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const after = await load(out);
    const l2 = readRecord(after).meta!.review!.summary!;
    const ws2 = after.getWorksheet(l2.sheet)!;
    expect(meanCol(l2)).toBe(meanCol(layout) + 1);
    expect(noteOf(ws2.getCell(l2.criteriaRows['1']! + 1, meanCol(l2) + 1))).toBe('平均分请复核：乙的分数待确认');
    expect(noteOf(ws2.getCell(totalRow(l2) + 1, meanCol(l2) + 1))).toBe('总分以会议纪要为准');
  }, 120_000);
});
