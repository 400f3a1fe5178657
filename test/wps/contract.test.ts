/**
 * The contract, three adapters: every example gives identical findings, flagged cells and colours, the legend of
 * flag colours (cells, words, swatches, record), and summary cells through the .xlsx adapter (ExcelJS), the Office.js adapter (strict fake Excel) and the WPS adapter (strict
 * fake WPS), all three built from the same ExcelJS workbook.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { META_SHEET, parseMeta, parseQualified, type LegendCell, type Report } from '../../src/core/index.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { checkWorkbook as officeCheck, writeSummary as officeSummary } from '../../src/office/workbook.js';
import { fromBgr } from '../../src/wps/colour.js';
import { checkWorkbook, writeSummary } from '../../src/wps/workbook.js';
import { readRecord } from '../../src/xlsx/meta.js';
import { reviewFile, writeReviewedCopy } from '../../src/xlsx/workbook.js';
import { cellsAsSeen, fakeFromExcelJS, metaRows } from '../support/fake-from-xlsx.js';
import { load, rb, tempDir, writeExample } from '../support/files.js';
import { copyFlags, wpsFlags } from './flags.js';
import { fakeWpsFromExcelJS, wpsMeta } from './from-xlsx.js';

const dir = tempDir();
const WHEN = '2025-06-01 09:30';
const strip = (r: Report) => ({ ...r, source: { sheet: r.source.sheet } });


describe('contract: the .xlsx, Office.js and WPS adapters agree', () => {
  for (const name of ['01-passing', '02-failing', '03-vetoed', '04-incomplete', '05-provincial-rows']) {
    it(`${name}: same findings, same flagged cells and colours, same summary cells`, async () => {
      const path = await writeExample(dir, name, {}, `wps-contract-${name}.xlsx`);
      // .xlsx
      const fr = await reviewFile(path, rb);
      const out = join(dir, `wps-contract-${name}.reviewed.xlsx`);
      await writeReviewedCopy(fr, { rb, lang: 'zh-CN', output: out, experts: ['甲', '乙'], force: true, checkedAt: WHEN });
      const xwb = await load(out);
      // Office.js
      const office = fakeFromExcelJS(await load(path));
      const oSession = { ctx: office.context(), rb, lang: 'zh-CN' as const, caps: FULL_CAPABILITIES };
      const o = await officeCheck(oSession, { checkedAt: WHEN });
      await officeSummary(oSession, { experts: ['甲', '乙'], checkedAt: WHEN, sourceFile: `wps-contract-${name}.xlsx` });
      // WPS
      const wps = fakeWpsFromExcelJS(await load(path));
      const session = { app: wps.application, rb, lang: 'zh-CN' as const };
      const w = checkWorkbook(session, { checkedAt: WHEN });
      writeSummary(session, { experts: ['甲', '乙'], checkedAt: WHEN, sourceFile: `wps-contract-${name}.xlsx` });

      // Findings.
      expect(strip(w.report)).toEqual(strip(fr.report));
      expect(strip(w.report)).toEqual(strip(o.report));
      expect(w.warnings).toEqual(fr.warnings.map(({ code, params }) => ({ code, params })));

      // The legend of flag colours: the same record in the three hosts, each cell showing what it records.
      const xLegend: LegendCell[] = readRecord(xwb).meta?.review?.legend ?? [];
      expect(parseMeta(metaRows(office.sheet(META_SHEET).cells))?.review?.legend ?? []).toEqual(xLegend);
      expect(wpsMeta(wps)?.review?.legend ?? []).toEqual(xLegend);
      expect(xLegend.length > 0).toBe(w.flagged > 0);
      const legendCells = new Set(xLegend.map((c) => c.cell));
      for (const rec of xLegend) {
        const p = parseQualified(rec.cell);
        const xc = xwb.getWorksheet(p.sheet)!.getCell(p.row + 1, p.col + 1);
        expect(xc.value ?? null, rec.cell).toBe(rec.value);
        expect(office.at(rec.cell)?.value ?? null, rec.cell).toBe(rec.value);
        expect(wps.at(rec.cell)?.value ?? null, rec.cell).toBe(rec.value);
        if (!rec.fill) continue;
        expect(`#${(xc.fill as ExcelJS.FillPattern).fgColor!.argb!.slice(2)}`).toBe(rec.fill.placed);
        expect(office.at(rec.cell)?.fill).toBe(rec.fill.placed);
        expect(fromBgr(wps.at(rec.cell)!.color)).toBe(rec.fill.placed);
      }
      if (xLegend.length) expect(xLegend[0]!.value).toBe('标记颜色说明');

      // Flagged cells and their colours (WPS's BGR read back as "#RRGGBB"), the legend's swatches aside.
      // Every sheet of the application (the indicator sheet and the name lists): a fill the copy has and the input had not.
      const xFlags = copyFlags(xwb, await load(path), legendCells);
      const wFlags = wpsFlags(wps);
      expect([...wFlags].sort()).toEqual([...xFlags].sort());
      expect(wFlags.size).toBe(w.flagged);
      // Notes: the same explanation on the same cells in WPS (comments) as in Excel (notes).
      for (const cell of wFlags.keys()) {
        expect(wps.at(cell)?.comment).toMatch(/^【集群评审助手】/);
        expect(wps.at(cell)?.comment).toBe(office.state.notes[cell]);
      }
      if (w.report.verdict !== 'passed') expect(wFlags.size).toBeGreaterThan(0);

      // Summary cells, value by value and formula by formula.
      const wsum = wps.sheet('评审汇总');
      const osum = office.sheet('评审汇总');
      const expected = cellsAsSeen(xwb.getWorksheet('评审汇总')!);
      for (const { key, at, seen } of expected) {
        const wc = wsum.cells[key];
        // Office.js is compared in full by test/office/adapter.test.ts; here its formulas and values.
        if ('formula' in seen) expect(osum.cells[key]?.formula, at).toBe(seen.formula);
        else if (!('link' in seen)) expect(osum.cells[key]?.value ?? null, at).toEqual(seen.value);
        const wseen = 'formula' in seen ? { formula: wc?.formula } : 'link' in seen ? { value: String(wc?.value), link: wc?.hyperlink?.subAddress } : { value: wc?.value ?? null };
        expect(wseen, at).toEqual(seen);
      }
      expect(expected.length).toBeGreaterThan(100);
      // The summary's own rules in WPS: protected, helper columns hidden, the sheet in front; the record very hidden.
      expect(wsum.protection).toEqual(expect.objectContaining({ password: '' }));
      expect(wsum.hiddenCols).toEqual(osum.hiddenCols);
      expect(wps.state.active).toBe('评审汇总');
      expect(wps.sheet(META_SHEET).visible).toBe(2);
    });
  }
});
