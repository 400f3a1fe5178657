/**
 * The committee round's plain records (docs: /docs/REPORT.md "The round"). Every way a score enters — an expert's
 * score sheet, a reviewed copy's 评审汇总, the pane — becomes ScoreEntries; one pure tally decides from them.
 */
import { canonicalJson, sha256Hex } from '../rulebook/sha256.js';
import { formData } from '../sheet/form-data.js';
import type { FormLists } from '../sheet/lists.js';
import type { SheetInputs } from '../sheet/reader.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { Lang, Verdict } from '../types.js';

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
  /** The application's texts by indicator code (主导产业, 运营管理机构 …), for the round's documents (./papers.ts). */
  texts?: Record<string, string>;
  /** What is missing or invalid, for the 补正材料通知 of an application whose data is incomplete. */
  material?: MaterialItem[];
  /** The automated result of each criterion in words, by criterion id (评审意见表). */
  criteria?: Record<string, string>;
}

/** One item an incomplete application must supply again: the indicator, its year, the cell and what is wrong. */
export interface MaterialItem {
  indicator: string | null;
  label: string;
  year: number | null;
  /** "Sheet!A1", or "" when the item has no cell (a whole sheet missing). */
  cell: string;
  status: 'missing' | 'invalid';
  message: string;
}

/** The application's texts and, when incomplete, the items to supply again: from its report, for the documents. */
export function applicationPapers(
  report: {
    verdict: Verdict;
    findings: ReadonlyArray<{ status: string; indicator?: string | null; year?: number | null; cells: readonly string[]; messages: Readonly<Record<Lang, string>> }>;
    criteria: ReadonlyArray<{ id: string; kind: string; resultText: Readonly<Record<Lang, string>> }>;
  },
  inputs: Pick<SheetInputs, 'indicators'>,
  rb: LoadedRulebook,
  lang: Lang,
): Pick<RoundApplication, 'texts' | 'material' | 'criteria'> {
  const texts: Record<string, string> = {};
  for (const ind of rb.data.indicators) {
    if (ind.kind !== 'text') continue;
    const c = inputs.indicators.get(ind.code)?.single;
    if (c?.state === 'ok' && String(c.value ?? '').trim()) texts[ind.code] = String(c.value).trim();
  }
  const criteria = Object.fromEntries(report.criteria.filter((g) => g.kind === 'criterion').map((g) => [g.id, g.resultText[lang]]));
  if (report.verdict !== 'incomplete') return { texts, criteria };
  const label = new Map(rb.data.indicators.map((i) => [i.code, lang === 'zh-CN' ? i.label.zh : i.label.en]));
  const material: MaterialItem[] = report.findings
    .filter((f): f is typeof f & { status: 'missing' | 'invalid' } => f.status === 'missing' || f.status === 'invalid')
    .map((f) => ({ indicator: f.indicator ?? null, label: (f.indicator && label.get(f.indicator)) || '', year: f.year ?? null, cell: f.cells[0] ?? '', status: f.status, message: f.messages[lang] }));
  return { texts, material, criteria };
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
