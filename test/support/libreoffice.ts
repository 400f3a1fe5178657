/**
 * LibreOffice (headless) for the tests that let a real spreadsheet engine compute or print what the tool writes:
 * conversion with one profile per suite file (parallel suites never share one; the tests of a file, one after
 * another, do: a fresh profile costs LibreOffice its first-start set-up on every conversion), one sheet as CSV at full precision,
 * and a workbook's cached formula results dropped so that the engine must compute every formula itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { csvRows } from '../../src/core/sheet/csv.js';

/** .ci/run installs LibreOffice (Debian libreoffice-calc-nogui); a machine without it skips the suites that need it. */
export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

let profile: string | undefined;
/** This suite file's LibreOffice profile (module state: vitest gives each file its own), made on first use. */
export function suiteProfile(): string {
  return (profile ??= join(mkdtempSync(join(tmpdir(), 'cluster-review-lo-')), 'lo-profile'));
}

/**
 * Converts a file with LibreOffice into outDir (`to` is the filter, e.g. "pdf", "xlsx" or a CSV filter with its
 * options); the profile is the suite file's (suiteProfile), or profileDir/lo-profile when given.
 */
export function libreofficeConvert(file: string, to: string, outDir: string, opts: { profileDir?: string; timeoutMs?: number } = {}): void {
  const profile = opts.profileDir ? join(opts.profileDir, 'lo-profile') : suiteProfile();
  execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', outDir, file], { stdio: 'ignore', timeout: opts.timeoutMs ?? 120_000 });
}

/**
 * One sheet (numbered from 1) of a workbook as LibreOffice computes it, as CSV rows: full precision (not as shown),
 * UTF-8, the first row included. The CSV is written to outDir; the profile lives beside it (see libreofficeConvert).
 */
export function libreofficeCsv(file: string, sheetNo: number, outDir: string, opts: { profileDir?: string } = {}): string[][] {
  libreofficeConvert(file, `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetNo}`, outDir, opts);
  const stem = basename(file, extname(file));
  const csv = readdirSync(outDir).find((n) => n.startsWith(stem) && n.endsWith('.csv'))!;
  // Read as the product reads a CSV (src/core/sheet/csv.ts).
  return csvRows(readFileSync(join(outDir, csv), 'utf8'));
}


/**
 * Drops every cached formula result of a worksheet, so that the engine must compute them all, and returns how many
 * formulas there were. No array formulas. `shared`: a column's repeated formula may be stored once (a score sheet);
 * each such cell is written back as its own formula as ExcelJS translates it. Without it only plain formulas may
 * stand (what the Office.js adapter writes is what is computed).
 */
export function dropFormulaResults(ws: ExcelJS.Worksheet, opts: { shared?: boolean } = {}): number {
  let n = 0;
  ws.eachRow((r) =>
    r.eachCell((c) => {
      const v = c.value as (ExcelJS.CellFormulaValue & { shareType?: string }) | ExcelJS.CellSharedFormulaValue | null;
      if (!v || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return;
      // A merged cell's formula is its master's: dropped there once (writing it on the others would wipe it).
      if (c.isMerged && c.master !== c) return;
      const shareType = (v as { shareType?: string }).shareType;
      if (opts.shared) expect(shareType === undefined || shareType === 'shared').toBe(true);
      else expect({ shareType, shared: 'sharedFormula' in v }).toEqual({ shareType: undefined, shared: false });
      c.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
      n++;
    }),
  );
  return n;
}
