/**
 * What a tally says, as data: the problems it lists (with their codes), each application's result (experts,
 * criteria, figures, rank, recommendation and why), the options it takes, and the values as they stand with the
 * audit rows. The computation is ./tally.ts; the sheets, papers, the round's JSON and the pane read these types.
 */
import type { AuditOutcome, AuditRow, Round, RoundApplication } from './records.js';

export type ProblemCode =
  | 'conflict'
  | 'stale'
  | 'recused-scored'
  | 'out-of-range'
  | 'not-a-number'
  | 'missing-expert'
  | 'duplicate'
  | 'unknown-expert'
  | 'unknown-application'
  | 'tie';

export interface RoundProblem {
  code: ProblemCode;
  expert?: string;
  application?: string;
  criterion?: string;
  value?: string;
  max?: number;
  /** Where the values came from (a conflict lists both files and cells). */
  sources?: Array<{ value: string; file: string; cell?: string }>;
  /** The criterion's title (its words name it: 第6项（…）). */
  criterionTitle?: { zh: string; en: string };
  /** A conflict settled by `preferNewer`. */
  resolved?: 'newer-file';
  duplicateOf?: string;
  /** The application's cluster name, for the words. */
  cluster?: string;
}

export type RecommendationCode = 'recommended' | 'beyond-quota' | 'below-cut' | 'not-eligible' | 'pending';

/** Why an application is pending, in the order the one `reason` is chosen from them (docs/REPORT.md). */
export const PENDING_ORDER = ['incomplete', 'conflict', 'stale', 'experts', 'tie'] as const;

export type PendingReason = (typeof PENDING_ORDER)[number];

export interface ExpertResult {
  name: string;
  conflicted: boolean;
  reason: string | null;
  /** The expert returned something for this application (a score, note, opinion or 回避; blank cells say nothing). */
  returned: boolean;
  scores: Record<string, number | null>;
  notes: Record<string, string>;
  opinion: string;
  total: number | null;
  signature: string;
  date: string;
}

export interface CriterionResult {
  id: string;
  weight: number;
  n: number;
  score: number | null;
  mean: number | null;
  median: number | null;
  spread: number | null;
  toDiscuss: boolean;
}

export interface Decision {
  decision: string;
  date: string;
  meeting: string;
}

export interface ApplicationResult {
  application: RoundApplication;
  duplicateOf: string | null;
  experts: ExpertResult[];
  criteria: CriterionResult[];
  n: number;
  score: number | null;
  mean: number | null;
  median: number | null;
  spread: number | null;
  /** Criteria whose spread is over the rulebook's share of their weight (待讨论). */
  toDiscuss: string[];
  rank: number | null;
  /** Shares its rank with another application. */
  tie: boolean;
  recommendation: RecommendationCode;
  /** not-eligible: the verdict or "duplicate"; pending: the first of `pending` (PENDING_ORDER). One code, never a list. */
  reason: string | null;
  /** Every reason an application is pending, in PENDING_ORDER. */
  pending: PendingReason[];
  decision: Decision | null;
}

export interface TallyOptions {
  /** Overrides the rulebook's `recommendations`. */
  quota?: number;
  preferNewer?: boolean;
  /** When this tally runs (audit rows). */
  time: string;
  /** The committee's decisions kept from the previous roll-up, by application id. */
  decisions?: Record<string, Decision>;
  /**
   * Experts renamed or removed in reviewed copies' 评审汇总 (check --rename-expert/--remove-expert, an edited header):
   * each becomes one audit row (item "expert") the first time a tally sees it.
   */
  expertChanges?: ReadonlyArray<{ application: string; file: string; time: string; kind: 'rename' | 'remove' | 'header-edited'; expert: string; to?: string }>;
}

export interface TallyResult {
  round: Round;
  /** Ranked first (by rank), then pending, below the cut line, not eligible. */
  applications: ApplicationResult[];
  problems: RoundProblem[];
  /** The full trail: the previous rows, then this tally's. */
  audit: AuditRow[];
  /** This tally's rows only. */
  changes: AuditRow[];
  notReturned: string[];
  quota: number | null;
  /** Index in `applications` of the last recommended one (the line is drawn after it), or null. */
  lineAfter: number | null;
  /** The rows of every current value, for the 评分记录 sheet. */
  current: CurrentValue[];
}

/** A value as it stands after this tally, with its source and what the tally did with it. */
export interface CurrentValue {
  expert: string;
  application: string;
  item: string;
  value: string;
  source: string;
  cell: string;
  sha256: string;
  fileTime: string;
  outcome: AuditOutcome;
  /** "old → new" since the previous tally, or "" (or "new" when first seen). */
  change: { old: string | null } | null;
}
