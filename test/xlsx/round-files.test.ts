/**
 * How the round's large files are written (issue 10, item 9): the tally's roll-up streamed row by row must hold
 * exactly what rendering it whole holds; a score sheet's repeated formulas are stored once per column (shared)
 * and still read, by ExcelJS and by LibreOffice, as the formula each row had, full-width digits included.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoresheetModels, scoreNumber, tally, tallyModels, type Round, type ScoreEntry } from '../../src/core/index.js';
import { renderSheet } from '../../src/xlsx/render.js';
import { writeScoresheet, writeTally } from '../../src/xlsx/round.js';
import { fillScoresheet } from '../../scripts/fill-scores.js';
import { load, rb, tempDir } from '../support/files.js';
import { libreofficeCsv, SOFFICE } from '../support/libreoffice.js';

const CRITS = rb.data.criteria.map((c) => c.id);

function round(ids: string[], conflicts: Round['conflicts'] = []): Round {
  return {
    format: 'cluster-review/round@1',
    id: '2025-test',
    year: 2025,
    rulebook: { id: rb.data.id, edition: rb.data.edition, fingerprint: rb.fingerprint },
    experts: ['甲', '乙', '丙'],
    conflicts,
    applications: ids.map((id, i) => ({ id, file: `${id}.xlsx`, cluster: `${id}集群`, province: '云南省', county: `${id}县`, verdict: i === 3 ? 'failed' : 'passed', reasons: i === 3 ? ['产值占比未达到'] : [], fingerprint: `fp-${id}` })),
  };
}

const entry = (expert: string, application: string, rest: Partial<ScoreEntry> & Pick<ScoreEntry, 'kind'>, cell: string): ScoreEntry =>
  ({ expert, application, fingerprint: `fp-${application}`, value: null, source: { kind: 'scoresheet', file: `专家评分表-${expert}.xlsx`, sha256: 'ab'.repeat(32), time: '2025-06-01T08:00:00.000Z', cell }, ...rest }) as ScoreEntry;

/** Scores, a text score in full width, notes, opinions, a recusal, a score out of range: every kind of row. */
function entries(): ScoreEntry[] {
  const out: ScoreEntry[] = [];
  const totals: Record<string, number[]> = { a: [88, 86, 84], b: [80, 82, 0], c: [70, 75, 72], d: [60, 50, 40], e: [90, 91, 95] };
  for (const [app, list] of Object.entries(totals))
    ['甲', '乙', '丙'].forEach((x, e) => {
      if (app === 'b' && x === '丙') return out.push(entry(x, app, { kind: 'recusal', value: true, reason: '曾在该集群任职' }, 'W5'));
      let left = list[e]!;
      rb.data.criteria.forEach((c, k) => {
        const v = k === CRITS.length - 1 ? left : Math.min(c.weight, left);
        left -= v;
        out.push(entry(x, app, { kind: 'score', criterion: c.id, value: app === 'a' && k === 0 && x === '甲' ? '１８' : app === 'e' && k === 0 && x === '乙' ? 99 : v }, `F${k}`));
      });
      out.push(entry(x, app, { kind: 'note', criterion: CRITS[0]!, value: `${x}对${app}的备注` }, 'G4'));
      out.push(entry(x, app, { kind: 'opinion', value: `${x}：特色鲜明，建议推荐。`.repeat(app === 'c' ? 12 : 1) }, 'Y4'));
    });
  return out;
}

describe('the roll-up streamed row by row', () => {
  it('holds every cell, style, merge, validation, column, row height and print setting that rendering it whole holds', async () => {
    const dir = tempDir();
    const r = round(['a', 'b', 'c', 'd', 'e'], [{ expert: '丙', application: 'b', reason: '曾在该集群任职' }]);
    const result = tally(r, entries(), [], rb, { time: '2025-06-02 10:00', quota: 2, decisions: { a: { decision: '推荐', date: '2025-06-03', meeting: '第1次会议' } } });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.lineAfter).not.toBeNull();
    const streamed = join(dir, 'streamed.xlsx');
    await writeTally(result, rb, 'zh-CN', streamed);
    const whole = new ExcelJS.Workbook();
    for (const m of tallyModels(result, rb, 'zh-CN')) await renderSheet(whole.addWorksheet(m.name), m);
    const wholePath = join(dir, 'whole.xlsx');
    await whole.xlsx.writeFile(wholePath);

    const [a, b] = [await load(streamed), await load(wholePath)];
    const j = (x: unknown) => JSON.stringify(x);
    expect(a.worksheets.map((w) => [w.name, w.state])).toEqual(b.worksheets.map((w) => [w.name, w.state]));
    expect(j(a.definedNames.model)).toBe(j(b.definedNames.model));
    let compared = 0;
    for (const x of b.worksheets) {
      const y = a.getWorksheet(x.name)!;
      for (const k of ['pageSetup', 'headerFooter', 'views', 'properties', 'sheetProtection', 'rowBreaks'] as const) expect(j(y[k as keyof ExcelJS.Worksheet]), `${x.name} ${k}`).toBe(j(x[k as keyof ExcelJS.Worksheet]));
      const merges = (w: ExcelJS.Worksheet) => Object.keys((w as unknown as { _merges: object })._merges).sort();
      expect(merges(y), `${x.name} merges`).toEqual(merges(x));
      const validations = (w: ExcelJS.Worksheet) => (w as unknown as { dataValidations: { model: unknown } }).dataValidations.model;
      expect(j(validations(y)), `${x.name} validations`).toBe(j(validations(x)));
      expect(y.rowCount).toBe(x.rowCount);
      for (let c = 1; c <= Math.max(x.columnCount, y.columnCount); c++) {
        expect([y.getColumn(c).width, !!y.getColumn(c).hidden], `${x.name} column ${c}`).toEqual([x.getColumn(c).width, !!x.getColumn(c).hidden]);
      }
      for (let r = 1; r <= x.rowCount; r++) {
        expect(y.getRow(r).height, `${x.name} row ${r}`).toBe(x.getRow(r).height);
        for (let c = 1; c <= Math.max(x.getRow(r).cellCount, y.getRow(r).cellCount); c++) {
          const [p, q] = [x.getCell(r, c), y.getCell(r, c)];
          expect([q.type, j(q.value), j(q.style)], `${x.name}!${p.address}`).toEqual([p.type, j(p.value), j(p.style)]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 60_000);
});

describe('score sheets: repeated formulas stored once per column', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const r = round(ids, [{ expert: '甲', application: 'c', reason: '回避' }]);

  it('each cell still reads as the formula the model gave it, with the text of one formula per column', async () => {
    const dir = tempDir();
    const out = join(dir, 'sheet.xlsx');
    await writeScoresheet(r, '甲', rb, 'zh-CN', out);
    const ws = (await load(out)).getWorksheet('专家评分表')!;
    const model = scoresheetModels(r, '甲', rb, 'zh-CN').sheets[0]!;
    const formulas = model.cells.filter((m) => m.formula !== undefined);
    // Per row: the total and three hidden cells per criterion.
    expect(formulas).toHaveLength(ids.length * (1 + 3 * CRITS.length));
    let shared = 0;
    for (const m of formulas) {
      const cell = ws.getCell(m.row + 1, m.col + 1);
      expect(cell.formula, cell.address).toBe(m.formula);
      if ('sharedFormula' in (cell.value as object)) shared++;
    }
    // Every row but the first refers to the first row's formula.
    expect(shared).toBe((ids.length - 1) * (1 + 3 * CRITS.length));
  });

  it.skipIf(!SOFFICE)('LibreOffice computes every row the way the tool reads it, full-width text included (needs LibreOffice)', async () => {
    const dir = tempDir();
    const out = join(dir, 'sheet.xlsx');
    await writeScoresheet(r, '甲', rb, 'zh-CN', out);
    const rows: Record<string, Array<number | string>> = {
      a: [18, 12.5, 8, 10, 8, 8, 9, 9],
      b: ['１８', ' 12.5 ', '８', '１０．５', 8, 8, '\u3000９\u3000', 9],
      // What experts type: "18分", "12 分", "8.0", "１０分" are 18, 12, 8, 10 for the tool and the formulas alike.
      d: ['18分', '12 分', '8.0', '１０分', 8, 8, 9, 9],
    };
    await fillScoresheet(out, Object.fromEntries(Object.entries(rows).map(([id, scores]) => [id, { scores }])));
    const csv = libreofficeCsv(out, 1, join(dir, 'csv'));
    const total = 5 + 2 * CRITS.length;
    ids.forEach((id, i) => {
      const scores = rows[id];
      const read = scores?.map(scoreNumber) ?? [];
      const expected = scores && read.every((v) => v !== null) ? read.reduce((x, y) => x! + y!, 0) : null;
      const got = csv[3 + i]![total]!.replace(/"/g, '');
      if (expected === null) expect(got, id).toBe('');
      else expect(Number(got), id).toBe(expected);
    });
    // b (second row, a shared formula) counts its full-width text as the tool does: 18 + 12.5 + 8 + 10.5 + 8 + 8 + 9 + 9.
    expect(Number(csv[4]![total])).toBe(83);
    expect(Number(csv[3 + ids.indexOf('d')]![total])).toBe(82);
  }, 240_000);
});
