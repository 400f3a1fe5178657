/** A committee round and an expert's score entries, for the core's tally tests, under the national rulebook unless said. */
import { loadRulebook, type LoadedRulebook, type Round, type ScoreEntry } from '../../src/core/index.js';
import { NATIONAL_2022 } from './rulebooks.js';

const rb = loadRulebook(NATIONAL_2022);
const CRITS = rb.data.criteria.map((c) => c.id);

export interface RoundApplication {
  id: string;
  verdict?: Round['applications'][number]['verdict'];
  /** Its data fingerprint (default `fp-<id>`). */
  fp?: string;
  /** Its cluster's name (default its id). */
  cluster?: string;
  /** Where it is (default none given; the city only when given). */
  province?: string;
  county?: string;
  city?: string;
}

/** A round for 2025 of the national rulebook (or `book`): each application `<id>.xlsx`, passed unless said. */
export function testRound(apps: RoundApplication[], experts: string[], conflicts: Round['conflicts'] = [], book: LoadedRulebook = rb): Round {
  return {
    format: 'cluster-review/round@1',
    id: 'r1',
    year: 2025,
    rulebook: { id: book.data.id, edition: book.data.edition, fingerprint: book.fingerprint },
    experts,
    conflicts,
    applications: apps.map((a) => ({
      id: a.id,
      file: `${a.id}.xlsx`,
      cluster: a.cluster ?? a.id,
      province: a.province ?? '',
      county: a.county ?? '',
      ...(a.city ? { city: a.city } : {}),
      verdict: a.verdict ?? 'passed',
      reasons: [],
      fingerprint: a.fp ?? `fp-${a.id}`,
    })),
  };
}

/** An expert's sheet for an application: `scores` in the order of the criteria, read from `<expert>.xlsx` unless said. */
export function scoreEntries(expert: string, app: string, scores: Array<number | string | null>, opts: { file?: string; time?: string; fp?: string; kind?: 'scoresheet' | 'summary' } = {}): ScoreEntry[] {
  return scores.map((v, i) => ({
    expert,
    application: app,
    kind: 'score' as const,
    criterion: CRITS[i]!,
    value: v,
    fingerprint: opts.fp ?? `fp-${app}`,
    source: { kind: opts.kind ?? 'scoresheet', file: opts.file ?? `${expert}.xlsx`, time: opts.time ?? '2025-06-01T00:00:00Z', cell: `S!A${i + 1}` },
  }));
}
