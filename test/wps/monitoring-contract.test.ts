/**
 * The contract, three adapters, for the annual monitoring form: each monitoring example is checked like an
 * application through the .xlsx adapter (a flagged reviewed copy), the Office.js adapter (strict fake Excel) and
 * the WPS adapter (strict fake WPS), all built from the same file: identical findings and verdict, the same cells
 * flagged in the same colours with the same notes, and a re-check or "clear flags" lifting exactly what was written.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FLAG_FILL, isMonitoringReport, parseQualified, toA1, type CellFlag, type LegendCell, type Report } from '../../src/core/index.js';
import { readRecord } from '../../src/xlsx/meta.js';
import { FULL_CAPABILITIES } from '../../src/office/capabilities.js';
import { checkWorkbook as officeCheck, clearFlags as officeClear, OfficeError, writeSummary as officeSummary } from '../../src/office/workbook.js';
import { fromBgr } from '../../src/wps/colour.js';
import { checkWorkbook, clearFlags, writeSummary } from '../../src/wps/workbook.js';
import { writeMonitoringCopy } from '../../src/xlsx/monitoring.js';
import type { FakeWorkbook } from '../support/fake-excel.js';
import { fakeFromExcelJS } from '../support/fake-from-xlsx.js';
import { load, noteOf, rb, tempDir } from '../support/files.js';
import { copyFlags, wpsFlags } from './flags.js';
import { fakeWpsFromExcelJS, wpsMeta } from './from-xlsx.js';

const dir = tempDir();
const WHEN = '2025-06-01 09:30';
const strip = (r: Report) => ({ ...r, source: { sheet: r.source.sheet } });
const SHEET = '培育情况表';

/** The monitoring verdict in the exact words, the application verdict it maps to, and cells that must carry a flag's colour. */
const EXPECTED: Record<string, { zh: string; en: string; verdict: Report['verdict']; colours: Record<string, string>; flagged: (n: number) => boolean }> = {
  '01-normal': { zh: '正常', en: 'Normal', verdict: 'passed', colours: {}, flagged: (n) => n === 0 },
  '02-late-target-missed': {
    // Late by the province's receipt date: an established ground (issue 19 item 5).
    zh: '建议撤销认定（第十七条第三项）',
    en: 'Revocation recommended (Art. 17 (3))',
    verdict: 'vetoed',
    // R3 received 2025-05-12, after 2025-04-30: veto; 1.6 reported 55.2 below its target 60: warn (both cells).
    colours: { R3: FLAG_FILL.veto, '1.6': FLAG_FILL.warn },
    flagged: (n) => n >= 2,
  },
  '03-veto-event': { zh: '建议撤销认定（第十七条第五项）', en: 'Revocation recommended (Art. 17 (5))', verdict: 'vetoed', colours: {}, flagged: (n) => n >= 1 },
};

/** The reported-value cell of a code on the form (column E; the code in column A). */
function cellOfCode(wb: ExcelJS.Workbook, code: string): string {
  const ws = wb.getWorksheet(SHEET)!;
  let found = '';
  ws.eachRow((row, r) => {
    if (String(row.getCell(1).value ?? '').trim() === code) found = `${SHEET}!${toA1(r - 1, 4)}`;
  });
  expect(found, code).not.toBe('');
  return found;
}

/** Fills the Office fake shows that the source did not have, by "Sheet!A1" (the legend's swatches aside). */
function officeFills(fake: FakeWorkbook, source: ExcelJS.Workbook, legend: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of fake.state.sheets)
    for (const [k, c] of Object.entries(s.cells)) {
      const [r, col] = k.split(',').map(Number) as [number, number];
      const was = (source.getWorksheet(s.name)?.getCell(r + 1, col + 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      const at = `${s.name}!${toA1(r, col)}`;
      if (c.fill && c.fill !== (was ? `#${was.slice(2)}` : undefined) && !legend.has(at)) out.set(at, c.fill);
    }
  return out;
}

describe('contract: a monitoring form is checked and flagged alike by the .xlsx, Office.js and WPS adapters', () => {
  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name}: ${want.zh}; same findings, same flagged cells, colours and notes; re-check and clear lift exactly the flags`, async () => {
      const path = join('examples', 'monitoring', `${name}.xlsx`);
      const source = await load(path);
      // .xlsx: the reviewed copy.
      const out = join(dir, `${name}.reviewed.xlsx`);
      const x = await writeMonitoringCopy(path, rb, { lang: 'zh-CN', output: out, checkedAt: WHEN });
      const xwb = await load(out);
      // Office.js
      const office = fakeFromExcelJS(await load(path));
      const oSession = { ctx: office.context(), rb, lang: 'zh-CN' as const, caps: FULL_CAPABILITIES };
      const o = await officeCheck(oSession, { checkedAt: WHEN });
      // WPS
      const wps = fakeWpsFromExcelJS(await load(path));
      const session = { app: wps.application, rb, lang: 'zh-CN' as const };
      const w = checkWorkbook(session, { checkedAt: WHEN });

      // Findings and verdict: the monitoring verdict in its exact words, recognised as a monitoring form.
      expect(isMonitoringReport(o.report)).toBe(true);
      expect(isMonitoringReport(w.report)).toBe(true);
      expect(strip(w.report)).toEqual(strip(x.checkReport));
      expect(strip(o.report)).toEqual(strip(x.checkReport));
      expect(o.report.verdictText['zh-CN']).toBe(want.zh);
      expect(o.report.verdictText['en-US']).toBe(want.en);
      expect(o.report.verdict).toBe(want.verdict);
      expect(x.report.verdictText['zh-CN']).toBe(want.zh);
      expect(o.report.criteria.map((g) => g.id)).toEqual(['M', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
      expect(w.warnings).toEqual(x.warnings);
      expect(o.warnings).toEqual(x.warnings);

      // The legend of flag colours: the same record in the three hosts, under the form, one swatch per status used.
      const xLegend: LegendCell[] = readRecord(xwb).meta?.review?.legend ?? [];
      expect(xLegend.length > 0).toBe(w.flagged > 0);
      expect(wpsMeta(wps)?.review?.legend ?? []).toEqual(xLegend);
      const legendCells = new Set(xLegend.map((c) => c.cell));

      // Flagged cells and colours: the copy's new fills, Excel's fills and WPS's (BGR read back) are the same.
      const xFlags = copyFlags(xwb, source, legendCells);
      const wFlags = wpsFlags(wps);
      const oFlags = officeFills(office, source, legendCells);
      expect([...wFlags].sort()).toEqual([...xFlags].sort());
      expect([...oFlags].sort()).toEqual([...xFlags].sort());
      expect(wFlags.size).toBe(w.flagged);
      expect(o.flagged).toBe(w.flagged);
      expect(x.flagged).toBe(w.flagged);
      expect(want.flagged(w.flagged), `flagged ${w.flagged}`).toBe(true);
      // Every flag is on the form's sheet, in the palette of its most severe finding's status.
      const palette = new Set(Object.values(FLAG_FILL));
      for (const [cell, colour] of wFlags) {
        expect(parseQualified(cell).sheet).toBe(SHEET);
        expect(palette.has(colour), `${cell} ${colour}`).toBe(true);
      }
      for (const [code, colour] of Object.entries(want.colours)) expect(wFlags.get(cellOfCode(source, code)), code).toBe(colour);
      if (name === '03-veto-event') expect([...wFlags.values()]).toContain(FLAG_FILL.veto);
      // Notes: the same explanation on the same cells in the copy, in Excel and in WPS.
      for (const cell of wFlags.keys()) {
        const p = parseQualified(cell);
        expect(wps.at(cell)?.comment).toMatch(/^【集群评审助手】/);
        expect(wps.at(cell)?.comment).toBe(office.state.notes[cell]);
        expect(noteOf(xwb.getWorksheet(p.sheet)!.getCell(p.row + 1, p.col + 1))).toBe(office.state.notes[cell]);
      }
      // The record names the flags (and the verdict the colours follow) in every adapter.
      expect(wpsMeta(wps)!.review!.verdict).toBe(want.verdict);

      // A monitoring form has no 评审汇总: writing one is refused in words, in both hosts.
      expect(() => writeSummary(session)).toThrow(OfficeError);
      await expect(officeSummary(oSession)).rejects.toMatchObject({ code: 'monitoring-form' });

      // A re-check changes nothing; clearing gives every cell back what it had (no fill, no note), both hosts.
      const w2 = checkWorkbook(session, { checkedAt: WHEN });
      expect(w2.flagged).toBe(w.flagged);
      expect(w2.warnings).toEqual([]);
      expect(wpsFlags(wps)).toEqual(wFlags);
      const o2 = await officeCheck(oSession, { checkedAt: WHEN });
      expect(o2.flagged).toBe(o.flagged);
      expect(officeFills(office, source, legendCells)).toEqual(oFlags);
      expect(clearFlags(session)).toBe(w.flagged);
      expect(await officeClear(oSession)).toBe(o.flagged);
      for (const cell of wFlags.keys()) {
        // The fill the form's input cell had (the template's light yellow), and no note.
        const p = parseQualified(cell);
        const was = (source.getWorksheet(p.sheet)!.getCell(p.row + 1, p.col + 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        expect(was, cell).toBeDefined();
        expect(fromBgr(wps.at(cell)!.color), cell).toBe(`#${was!.slice(2)}`);
        expect(wps.at(cell)?.comment).toBeUndefined();
        expect(office.state.notes[cell]).toBeUndefined();
      }
      expect(officeFills(office, source).size).toBe(0);
      expect(wpsMeta(wps)!.review!.flags).toEqual([]);
      // The legend went with the flags, in both hosts.
      expect(wpsMeta(wps)!.review!.legend ?? []).toEqual([]);
      for (const cell of legendCells) expect(wps.at(cell)?.value ?? null, cell).toBeNull();
    });
  }
});

// CellFlag's statuses are the palette's keys: a status added to one and not the other fails to compile here.
const _statuses: Array<CellFlag['status']> = Object.keys(FLAG_FILL) as Array<keyof typeof FLAG_FILL>;
void _statuses;
