/** The bundled examples: each is what its readable data generates, and each shows the verdict it is named for. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_SHEET } from '../../src/core/index.js';
import { filledWorkbook, type ExampleData } from '../../scripts/fill.js';
import { reviewFile } from '../../src/xlsx/workbook.js';
import { load, rb } from '../support/files.js';

const names = readdirSync(join('examples', 'data')).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, '')).sort();
const expected: Record<string, string> = {
  '01-passing': 'passed',
  '02-failing': 'failed',
  '03-vetoed': 'vetoed',
  '04-incomplete': 'incomplete',
  '05-provincial-rows': 'passed',
};

describe('examples', () => {
  it('are the five the demo promises', () => {
    expect(names).toEqual(Object.keys(expected));
  });

  for (const name of names) {
    it(`${name}.xlsx is up to date with data/${name}.json (npm run examples) and is ${expected[name]}`, async () => {
      const data = JSON.parse(readFileSync(join('examples', 'data', `${name}.json`), 'utf8')) as ExampleData;
      const fresh = (await filledWorkbook(rb, data)).getWorksheet(INDICATOR_SHEET)!;
      const file = (await load(join('examples', `${name}.xlsx`))).getWorksheet(INDICATOR_SHEET)!;
      expect(file.rowCount).toBe(fresh.rowCount);
      for (let r = 1; r <= fresh.rowCount; r++) for (let c = 1; c <= 7; c++) expect(file.getCell(r, c).value, `${name} ${r},${c}`).toEqual(fresh.getCell(r, c).value);
      expect((await reviewFile(join('examples', `${name}.xlsx`), rb)).report.verdict).toBe(expected[name]);
    });
  }

  it('the provincial example has rows of its own that the reader passes over', async () => {
    const fr = await reviewFile(join('examples', '05-provincial-rows.xlsx'), rb);
    const codes = new Set<string>();
    fr.opened.wb.getWorksheet(INDICATOR_SHEET)!.eachRow((row) => codes.add(String(row.getCell(1).value ?? '')));
    const own = [...codes].filter((c) => /^[A-Z0-9.]+$/.test(c) && !rb.data.indicators.some((i) => i.code === c));
    expect(own.length).toBeGreaterThan(0);
    expect(fr.report.findings.every((f) => !own.includes(f.indicator ?? ''))).toBe(true);
  });
});
