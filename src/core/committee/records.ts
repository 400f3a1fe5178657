/**
 * The committee round's plain records (docs: /docs/REPORT.md "The round"). Every way a score enters — an expert's
 * score sheet, a reviewed copy's 评审汇总, the pane — becomes ScoreEntries; one pure tally decides from them.
 */
import { canonicalJson, sha256Hex } from '../rulebook/sha256.js';
import { formData } from '../sheet/form-data.js';
import type { FormLists } from '../sheet/lists.js';
import type { SheetInputs } from '../sheet/reader.js';
import type { Verdict } from '../types.js';

export interface RoundApplication {
  /** Stable id: the original file's name without extension (a reviewed copy keeps its original's). */
  id: string;
  file: string;
  cluster: string;
  province: string;
  county: string;
  verdict: Verdict;
  /** The automated verdict's main reasons, in the round's language. */
  reasons: string[];
  /** sha256 of the application's data as read (dataFingerprint). */
  fingerprint: string;
  /** The same data's fingerprints in earlier versions (dataFingerprintV1): score sheets made before version 2 carry them. */
  earlier?: string[];
}

export interface RoundConflict {
  expert: string;
  application: string;
  reason: string;
}

export interface Round {
  format: 'cluster-review/round@1';
  id: string;
  year: number | null;
  rulebook: { id: string; edition: string; fingerprint: string };
  experts: string[];
  conflicts: RoundConflict[];
  applications: RoundApplication[];
}

export type EntryKind = 'score' | 'note' | 'opinion' | 'recusal' | 'signature' | 'date';
export type SourceKind = 'scoresheet' | 'summary' | 'pane';

export interface EntrySource {
  kind: SourceKind;
  file: string;
  sha256?: string;
  /** "Sheet!A1" */
  cell?: string;
  /** The file's modification time (ISO), or when the pane wrote. */
  time?: string;
}

export interface ScoreEntry {
  expert: string;
  application: string;
  kind: EntryKind;
  /** For scores and notes. */
  criterion?: string;
  /** As typed: a score's text stays text until the tally normalises it. For a recusal, true/false. */
  value: string | number | boolean | null;
  /** A recusal's reason. */
  reason?: string;
  /** The application's data fingerprint the expert scored against (from the score sheet or the copy). */
  fingerprint?: string;
  source: EntrySource;
}

export type AuditOutcome = 'used' | 'conflict' | 'newer-file' | 'stale' | 'recused' | 'out-of-range' | 'not-a-number' | 'unknown-expert' | 'removed' | 'renamed';

export interface AuditRow {
  time: string;
  expert: string;
  application: string;
  /** Criterion id, or "opinion", "recusal", "note:<id>". */
  item: string;
  old: string | null;
  new: string | null;
  source: string;
  sha256: string;
  fileTime: string;
  outcome: AuditOutcome;
}

/**
 * A fingerprint of an application's data as read, version 2: the indicators' codes and values, not cell positions,
 * so moving rows or restyling keeps it, and any changed figure changes it; with the name lists, the plan's targets
 * and the index of supporting documents by value (../sheet/form-data.ts), so a target or a list row edited after
 * scoring makes the scores stale.
 */
export function dataFingerprint(inputs: Pick<SheetInputs, 'indicators' | 'applicationYear'>, lists: FormLists | null | undefined): string {
  return sha256Hex(canonicalJson({ version: 2, year: inputs.applicationYear, values: indicatorValues(inputs), form: formData(lists, { cells: false }) }));
}

/** Version 1 (the indicators only), which score sheets made before version 2 carry: still accepted for the same data. */
export function dataFingerprintV1(inputs: Pick<SheetInputs, 'indicators' | 'applicationYear'>): string {
  return sha256Hex(canonicalJson({ year: inputs.applicationYear, values: indicatorValues(inputs) }));
}

function indicatorValues(inputs: Pick<SheetInputs, 'indicators'>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [code, ind] of inputs.indicators) {
    const cell = (c: { state: string; value?: unknown } | undefined) => (c ? (c.state === 'ok' ? (c.value ?? null) : c.state === 'invalid' ? { invalid: String(c.value ?? '') } : null) : null);
    if (ind.single) values[code] = cell(ind.single);
    else if (ind.years.size) values[code] = Object.fromEntries([...ind.years].map(([y, c]) => [String(y), cell(c)]));
  }
  return values;
}

/** The application id of a file name: "a.xlsx", "a.reviewed.xlsx" and "a.reviewed-2.xlsx" are one application "a". */
export function applicationId(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  return base.replace(/\.(xlsx|xlsm|xls)$/i, '').replace(/\.reviewed(-\d+)?$/i, '');
}
