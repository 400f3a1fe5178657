/** The flags each host holds after a check, as "Sheet!A1" → "#RRGGBB", for the contract tests to compare. */
import type ExcelJS from 'exceljs';
import { toA1 } from '../../src/core/index.js';
import { fromBgr } from '../../src/wps/colour.js';
import type { FakeWps } from '../support/fake-wps.js';
import { wpsMeta } from './from-xlsx.js';

/**
 * A reviewed copy's flags: on every sheet of the source (the indicator sheet and the name lists), each cell with a
 * fill the copy has and the source had not, the legend's swatches aside.
 */
export function copyFlags(copy: ExcelJS.Workbook, source: ExcelJS.Workbook, legend: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const src of source.worksheets) {
    copy.getWorksheet(src.name)!.eachRow((row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        const was = (src.getCell(r, c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        const at = `${src.name}!${toA1(r - 1, c - 1)}`;
        if (argb && argb !== was && !legend.has(at)) out.set(at, `#${argb.slice(2)}`);
      }),
    );
  }
  return out;
}

/** The flags the WPS adapter recorded, each with the colour the cell holds now (WPS's BGR read back). */
export const wpsFlags = (wps: FakeWps): Map<string, string> => new Map(wpsMeta(wps)!.review!.flags.map((rec) => [rec.cell, fromBgr(wps.at(rec.cell)!.color)!] as const));
