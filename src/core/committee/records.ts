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
  /** 所在地级市（州、盟）, when the application gives one (absent in rounds made before the provincial tier). */
  city?: string;
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

/** One file of a round, as far as its identity goes. */
export interface IdentityItem {
  /** The file's path or name. */
  file: string;
  /** The name of the folder it is in (what tells two counties' 申报表.xlsx apart in words). */
  folder: string;
  /** Its data fingerprint (dataFingerprint). */
  fingerprint: string;
  /** For a reviewed copy, the original's file name it records; null for an application as the county sent it. */
  copyOf: string | null;
}

export interface Identities {
  /** Per item, in the order given: its application id, and the item it is one application with (or null). */
  items: Array<{ id: string; sameAs: number | null }>;
  /** Applications whose files share a name but not their data: each kept, under an id of its own. */
  clashes: Array<{ files: string[]; ids: string[] }>;
}

/**
 * Which files of a round are one application, and the id of each. Identity is the data, never the file stem
 * alone: an application and its reviewed copy (same stem, or the copy recording the original's name) with the
 * same data fingerprint are one application; the same file given twice is one; two originals of one stem with
 * different data (县A/申报表.xlsx, 县B/申报表.xlsx) are two, each id made distinct by its folder, and the clash is
 * listed. A reviewed copy whose data differ from its original's is still that application (its scores are then
 * stale, which the tally says). Originals come first, so the application's record is the original's.
 */
export function applicationIdentities(items: readonly IdentityItem[]): Identities {
  const stem = (x: IdentityItem) => applicationId(x.file);
  const source = (x: IdentityItem) => applicationId(x.copyOf ?? x.file);
  const related = (x: IdentityItem, y: IdentityItem) => stem(x) === stem(y) || source(x) === source(y);
  const order = items.map((_x, i) => i).sort((a, b) => Number(items[a]!.copyOf !== null) - Number(items[b]!.copyOf !== null) || a - b);
  const out = items.map(() => ({ id: '', sameAs: null as number | null }));
  const kept: number[] = [];
  for (const i of order) {
    const x = items[i]!;
    const same =
      kept.find((j) => items[j]!.fingerprint === x.fingerprint && related(x, items[j]!)) ??
      (x.copyOf !== null ? kept.find((j) => items[j]!.copyOf === null && source(x) === stem(items[j]!)) : undefined);
    if (same !== undefined) {
      out[i] = { id: out[same]!.id, sameAs: same };
      continue;
    }
    out[i] = { id: x.copyOf !== null ? stem(x) : source(x), sameAs: null };
    kept.push(i);
  }
  // Distinct applications sharing an id: each gets its folder in its id (and a number if the folders agree too).
  const clashes: Identities['clashes'] = [];
  const byId = new Map<string, number[]>();
  for (const i of kept) byId.set(out[i]!.id, [...(byId.get(out[i]!.id) ?? []), i]);
  const taken = new Set(kept.map((i) => out[i]!.id));
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    const ids: string[] = [];
    for (const i of group) {
      const base = `${id}（${items[i]!.folder || '.'}）`;
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
      taken.add(name);
      out[i]!.id = name;
      ids.push(name);
    }
    clashes.push({ files: group.map((i) => items[i]!.file), ids });
  }
  for (const x of out) if (x.sameAs !== null) x.id = out[x.sameAs]!.id;
  return { items: out, clashes };
}
