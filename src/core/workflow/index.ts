/** The one review workflow: adapters read what it asks, and apply the plans it returns. */
export { coveredColor, recordedColor } from '../report/colour.js';
export { renderWarning, type WarningCode, type WorkflowWarning } from './warnings.js';
export { examine, previousSummarySheet, listsFrom, readRequest, sheetsForError, type DuplicateReading, type Examined, type Reading, type ReadRequest } from './read.js';
export { draftFlags, finishFlags, withCommentIds, type CellState, type CellWrite, type CommentWrite, type Covered, type Explanations, type FlagDraft, type NoteWrite } from './flags.js';
export { draftLegend, finishLegend, type LegendDraft } from './legend.js';
export { planExperts, type ExpertOps, type ExpertPlan, type ExpertRefusal } from './experts.js';
export { finishCheck, finishClear, planCheck, planClear, planSummary, planTemplate, type CheckDraft, type CheckPlan, type SummaryPlan } from './plan.js';
// The annual monitoring form: which form a workbook is, and its review (both adapters apply the same step).
export { examineMonitoring, formKind, type FormKind, type MonitoringExamined } from '../monitoring/index.js';
