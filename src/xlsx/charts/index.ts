/**
 * What the tool adds to a package after ExcelJS wrote it (ExcelJS writes no charts, its issue #141): the
 * applicant's drawings grafted back (./drawing.ts) and the live charts the sheet models plan (./chart-xml.ts).
 * One entry point for every workbook the tool writes.
 */
import type { SheetModel } from '../../core/index.js';
import type { ValueAt } from './chart-xml.js';
import { addCharts, graftDrawings } from './drawing.js';
import { OoxmlPackage } from './package.js';

export { OoxmlPackage } from './package.js';
export { chartXml, rangeFormula } from './chart-xml.js';

export interface FinishOptions {
  /** The models written, whose charts are added (and whose cells give the charts' cached values). */
  models?: readonly SheetModel[];
  /** The workbook as it was read: its drawings are carried into the copy (the graft). */
  original?: Buffer;
}

/** The values the models' cells show, by sheet, row and column. */
function valuesOf(models: readonly SheetModel[]): ValueAt {
  const bySheet = new Map<string, Map<string, SheetModel['cells'][number]>>();
  for (const m of models) bySheet.set(m.name, new Map(m.cells.map((c) => [`${c.row},${c.col}`, c])));
  return (sheet, row, col) => {
    const c = bySheet.get(sheet)?.get(`${row},${col}`);
    return c ? (c.formula !== undefined ? (c.result ?? null) : (c.value ?? null)) : null;
  };
}

/**
 * The graft, unless the original's zip is one this reader does not take (zip64, a part beyond its end): ExcelJS read
 * it, so the copy is still written, without the graft, rather than not at all.
 */
function graftFrom(original: Buffer, pkg: OoxmlPackage, replanned: ReadonlySet<string>): string[] {
  let from: OoxmlPackage;
  try {
    from = OoxmlPackage.read(original);
  } catch {
    return [];
  }
  return graftDrawings(from, pkg, replanned);
}

/** The package `written` (as ExcelJS wrote it) with the original's drawings and the models' charts; unchanged when there is nothing to add. */
export function finishPackage(written: Buffer, opts: FinishOptions): { bytes: Buffer; grafted: string[] } {
  const withCharts = (opts.models ?? []).filter((m) => m.charts?.length);
  if (!withCharts.length && !opts.original) return { bytes: written, grafted: [] };
  const pkg = OoxmlPackage.read(written);
  const grafted = opts.original ? graftFrom(opts.original, pkg, new Set(withCharts.map((m) => m.name))) : [];
  if (!withCharts.length && !grafted.length) return { bytes: written, grafted };
  const at = valuesOf(opts.models ?? []);
  for (const m of withCharts) addCharts(pkg, m.name, m.charts!, at);
  return { bytes: pkg.toBuffer(), grafted };
}
