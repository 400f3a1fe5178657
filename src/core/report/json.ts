/**
 * The JSON report of one application: what `check --json` prints and what later tools read.
 * Its shape is documented in docs/REPORT.md; `format` changes when the shape does.
 */
import { renderMessage } from '../messages/index.js';
import { tAny } from '../text/index.js';
import type { LoadedRulebook } from '../rulebook/load.js';
import type { LocalText } from '../rulebook/schema.js';
import type { Review } from '../review.js';
import type { Finding, Lang, Status, Verdict } from '../types.js';
import { emptyCounts, type GroupResult } from '../verdict.js';

export const REPORT_FORMAT = 'cluster-review/report@1';

export type Texts = Record<Lang, string>;

export interface ReportFinding extends Finding {
  /** Stable across re-runs of the same data: check, code, indicator, year. */
  key: string;
  messages: Texts;
}

export interface ReportGroup {
  id: string;
  kind: 'criterion' | 'group';
  title: LocalText;
  weight: number | null;
  result: GroupResult;
  resultText: Texts;
  counts: Record<Status, number>;
  /** Keys of this group's findings, and of those explaining a non-pass result (most severe first). */
  findings: string[];
  reasons: string[];
}

export interface ClusterIdentity {
  name: string | null;
  province: string | null;
  county: string | null;
  /** 所在地级市（州、盟）, where the rulebook names the row (settings.identity.city); null when blank or not asked. */
  city: string | null;
  leadingIndustry: string | null;
  nicheSector: string | null;
  applicationYear: number | null;
  dataYears: number[] | null;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  rulebook: { id: string; name: LocalText; edition: string; authority: LocalText; fingerprint: string };
  source: { sheet: string; file?: string };
  cluster: ClusterIdentity;
  verdict: Verdict;
  verdictText: Texts;
  criteria: ReportGroup[];
  counts: Record<Status, number>;
  findings: ReportFinding[];
}

export function findingKey(f: Finding): string {
  return `${f.check ?? '-'}:${f.code}:${f.indicator ?? '-'}:${f.year ?? '-'}`;
}

const texts = (fn: (lang: Lang) => string): Texts => ({ 'zh-CN': fn('zh-CN'), 'en-US': fn('en-US') });

function identity(review: Review, rb: LoadedRulebook): ClusterIdentity {
  const id = rb.data.settings.identity;
  const text = (code: string): string | null => {
    const c = review.inputs.indicators.get(code)?.single;
    return c?.state === 'ok' ? String(c.value) : null;
  };
  return {
    name: text(id.name),
    province: text(id.province),
    county: text(id.county),
    city: id.city === undefined ? null : text(id.city),
    leadingIndustry: text(id.leadingIndustry),
    nicheSector: text(id.nicheSector),
    applicationYear: review.inputs.applicationYear,
    dataYears: review.inputs.dataYears,
  };
}

export function buildReport(review: Review, rb: LoadedRulebook, source: { file?: string } = {}): Report {
  const seen = new Map<string, number>();
  const findings: ReportFinding[] = review.findings.map((f) => {
    let key = findingKey(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key = `${key}#${n}`;
    return {
      key,
      code: f.code,
      status: f.status,
      source: f.source,
      check: f.check,
      indicator: f.indicator,
      year: f.year,
      cells: f.cells,
      params: f.params,
      messages: { 'zh-CN': renderMessage(f, rb, 'zh-CN'), 'en-US': renderMessage(f, rb, 'en-US') },
    };
  });
  const counts = emptyCounts();
  for (const f of findings) counts[f.status]++;
  const titleOf = new Map<string, LocalText>([
    ...rb.data.criteria.map((c) => [c.id, c.title] as const),
    ...rb.data.groups.map((g) => [g.id, g.title] as const),
  ]);
  const d = rb.data;
  return {
    format: REPORT_FORMAT,
    rulebook: { id: d.id, name: d.name, edition: d.edition, authority: d.authority, fingerprint: rb.fingerprint },
    source: { sheet: review.inputs.sheet, ...(source.file !== undefined ? { file: source.file } : {}) },
    cluster: identity(review, rb),
    verdict: review.verdict,
    verdictText: texts((l) => tAny(`verdict.${review.verdict}`, l)),
    criteria: review.groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      title: titleOf.get(g.id)!,
      weight: g.weight,
      result: g.result,
      resultText: texts((l) => tAny(`result.${g.result}`, l)),
      counts: g.counts,
      findings: g.findings.map((i) => findings[i]!.key),
      reasons: g.reasons.map((i) => findings[i]!.key),
    })),
    counts,
    findings,
  };
}
