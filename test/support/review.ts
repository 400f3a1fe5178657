import { nationalRulebook, reviewToReport, type LoadedRulebook, type Report, type ReportFinding, type Status } from '../../src/core/index.js';
import { buildSnapshot, passingValues, type BuildOptions, type Values } from './sheet.js';

export const rb = nationalRulebook();

/** Reviews the passing application with some values replaced (undefined removes a value). */
export function review(overrides: Values = {}, opts: BuildOptions = {}, rulebook: LoadedRulebook = rb): Report {
  const values = { ...passingValues(), ...overrides };
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete values[k];
  return reviewToReport(buildSnapshot(rulebook, values, opts), rulebook);
}

export function byCheck(r: Report, check: string, year?: number): ReportFinding[] {
  return r.findings.filter((f) => f.check === check && (year === undefined || f.year === year));
}

/** Statuses of a check's findings, sorted, e.g. ['pass'] or ['pass', 'warn']. */
export function statuses(r: Report, check: string, year?: number): Status[] {
  return byCheck(r, check, year)
    .map((f) => f.status)
    .sort();
}

export function codes(r: Report, check: string): string[] {
  return byCheck(r, check)
    .map((f) => f.code)
    .sort();
}
