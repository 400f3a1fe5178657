/**
 * The review core's public surface. Pure: no I/O, no Office.js, React, Fluent UI or xlsx imports (lint-enforced).
 * Adapters hand in a Snapshot and render the Report / SheetModels that come out.
 */
export * from './types.js';
export * from './address.js';
export { unitById, unitByText } from './units.js';
export * from './rulebook/schema.js';
export { loadRulebook, validateRulebook, RulebookError, fingerprintOf, type LoadedRulebook, type RulebookProblem } from './rulebook/load.js';
export { nationalRulebook } from './rulebook/builtin.js';
export { canonicalJson, sha256Hex } from './rulebook/sha256.js';
export { readIndicatorSheet, type SheetInputs, type IndicatorInput, type CellInput, type SheetLayout } from './sheet/reader.js';
export { parseCell, normaliseCode } from './sheet/values.js';
export { gridEntries, sheetEntries, sparseFromGrid, withoutCells } from './sheet/sparse.js';
export { csvRows } from './sheet/csv.js';
export { readLists, readListSheet, listSheetNames, entryKey, type FormLists, type ListInput, type ListEntry, type EntryProblem } from './sheet/lists.js';
export { checkCreditCode, withCheckChar, creditCodeFor, organisationCheckChar, CREDIT_CODE_WEIGHTS, CREDIT_CODE_TYPES, type CreditCodeResult } from './sheet/credit-code.js';
export { LIMITS, LimitError, megabytes, type LimitName } from './limits.js';
export { runChecks } from './checks/evaluate.js';
export { RULE_KINDS } from './checks/registry.js';
export { verdictOf, summariseGroups, blocksVerdict, type GroupSummary, type GroupResult } from './verdict.js';
export { pickIndicatorSheet, reviewSnapshot, type Review } from './review.js';
export { committeeFigures, median, type ExpertScores, type CommitteeResult, type Figures, type ScoreProblem, type Recommendation } from './scoring.js';
export { renderMessage, MESSAGE_TABLES, UI_TEXT, fmtValue } from './messages/index.js';
export { buildReport, REPORT_FORMAT, type Report, type ReportFinding, type ReportGroup, type ClusterIdentity } from './report/json.js';

import { buildReport, type Report } from './report/json.js';
import { reviewSnapshot } from './review.js';
import type { LoadedRulebook } from './rulebook/load.js';
import type { Snapshot } from './types.js';

/** Snapshot in, JSON report out: the whole core in one call. */
export function reviewToReport(snapshot: Snapshot, rb: LoadedRulebook, source: { file?: string } = {}): Report {
  return buildReport(reviewSnapshot(snapshot, rb), rb, source);
}
export * from './template/layout.js';
export * from './template/lists.js';
export * from './template/plan.js';
export { readPlanSheet, readEvidenceSheet, type PlanInput, type EvidenceInput, type EvidenceEntry, type TargetCell } from './sheet/plan.js';
export * from './report/sheet-model.js';
export * from './report/print.js';
export * from './report/row-heights.js';
export * from './report/charts.js';
export * from './report/rollup-charts.js';
export * from './report/flags.js';
export * from './report/meta.js';
export * from './report/meta-read.js';
export * from './report/summary.js';
export * from './report/template.js';
export * from './report/rollup.js';
export * from './report/cities.js';
export * from './workflow/index.js';
export * from './committee/index.js';
export * from './monitoring/index.js';
export { RECOMMENDED_EXPERTS, rulebookWarnings } from './rulebook/diff.js';
export { nationalIdentityWorn, revisedIdentity } from './rulebook/identity.js';
