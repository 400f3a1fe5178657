/**
 * The summary rewritten in place in WPS, as the Office adapter writes it (issue 18): only the tool's own cells are
 * written (the plan's inPlace.keep / inPlace.clear), so what another expert types meanwhile — WPS co-editing
 * delivers their edit between two calls of the object model, here between the tool's read and its first write
 * (`FakeWps.beforeNextWrite`) — survives: a score, a note (WPS comment) and a 评审意见.
 */
import { describe, expect, it } from 'vitest';
import { writeSummary, type WpsSession } from '../../src/wps/workbook.js';
import type { FakeWps, WpsSheet } from '../support/fake-wps.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';
import { fakeWpsFromExcelJS, wpsMeta } from './from-xlsx.js';

const dir = tempDir();
const EXPERTS = ['张三', '李四', '王五'];
const session = (fake: FakeWps): WpsSession => ({ app: fake.application, rb, lang: 'zh-CN' });

async function summarised(): Promise<FakeWps> {
  const fake = fakeWpsFromExcelJS(await load(await writeExample(dir, '02-failing', {}, `c-${Math.random().toString(36).slice(2)}.xlsx`)));
  writeSummary(session(fake), { experts: EXPERTS });
  return fake;
}

describe('写入评审汇总 in WPS while another expert types in the summary', () => {
  it('a score, a note and a 评审意见 李四 enters between the read and the write all survive; the tool’s cells are rewritten', async () => {
    const fake = await summarised();
    const layout = wpsMeta(fake)!.review!.summary!;
    const li = layout.experts.find((e) => e.name === '李四')!;
    const scoreAt = `${layout.criteriaRows['1']!},${li.col}`;
    const opinionRow = layout.opinions!.rows.find((r) => r.name === '李四')!.row;
    const opinionAt = `${opinionRow},${layout.opinions!.opinion}`;
    const noteAt = `${layout.criteriaRows['2']!},${li.col}`;
    const before = structuredClone(fake.sheet(layout.sheet).cells);
    fake.beforeNextWrite(layout.sheet, (s: WpsSheet) => {
      s.cells[scoreAt] = { ...s.cells[scoreAt], value: 18 };
      s.cells[opinionAt] = { ...s.cells[opinionAt], value: '李四：建议认定' };
      s.cells[noteAt] = { ...(s.cells[noteAt] ?? { value: null }), comment: '李四：产值需核实' };
    });
    const done = writeSummary(session(fake));
    expect(done.sheet).toBe(layout.sheet);
    const cells = fake.sheet(layout.sheet).cells;
    expect(cells[scoreAt]?.value).toBe(18);
    expect(cells[opinionAt]?.value).toBe('李四：建议认定');
    expect(cells[noteAt]?.comment).toBe('李四：产值需核实');
    // Everything the tool wrote is there again (labels, formulas), and still protected.
    for (const [k, c] of Object.entries(before)) {
      if (k === scoreAt || k === opinionAt) continue;
      expect(cells[k]?.formula, k).toBe(c.formula);
      if (c.formula === undefined) expect(cells[k]?.value ?? null, k).toBe(c.value);
    }
    expect(fake.sheet(layout.sheet).protection).not.toBeNull();
    expect(fake.state.sheets.filter((s) => s.name.startsWith('评审汇总'))).toHaveLength(1);
  });

  it('a score an expert entered as a formula (=9+9, calculated 18) stays a formula when the summary is rewritten', async () => {
    const fake = await summarised();
    const layout = wpsMeta(fake)!.review!.summary!;
    const at = `${layout.criteriaRows['1']!},${layout.experts[0]!.col}`;
    const cells = fake.sheet(layout.sheet).cells;
    cells[at] = { ...cells[at], value: 18, formula: '9+9' };
    writeSummary(session(fake));
    expect(fake.sheet(layout.sheet).cells[at]).toMatchObject({ value: 18, formula: '9+9' });
  });

  it('an expert added before any score: the columns that moved right leave no formula of the tool in the new expert’s cells', async () => {
    const fake = await summarised();
    writeSummary(session(fake), { experts: ['赵六'] });
    const l = wpsMeta(fake)!.review!.summary!;
    const cells = fake.sheet(l.sheet).cells;
    const zhao = l.experts.find((e) => e.name === '赵六')!;
    // The committee mean there said "" (no score yet), so it read as empty: it is the tool's, and goes.
    for (const row of [...Object.values(l.criteriaRows), l.conflictRow, l.signatureRow]) expect(cells[`${row},${zhao.col}`]?.formula, `${row},${zhao.col}`).toBeUndefined();
  });
});
