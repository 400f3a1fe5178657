/**
 * Whether an existing file holds what people put there, so that an explicit `-o FILE --force` of another command
 * never replaces it (README: a score sheet or reviewed copy holding an expert's input is never replaced, `--force`
 * or not): a reviewed copy whose 评审汇总 has a score, 回避 mark or reason, signature, expert's notes or opinion, or
 * the committee's decision, rationale or date; a committee list with a decision typed; a score sheet with an
 * expert's input (or a round's record the tool cannot read: kept, as `scoresheets` keeps it). A file that is not a workbook holds nothing of the kind.
 */
import { nationalRulebook, preservedHasInput, readPreserved, recordFormat, ROUND_SHEET, SCORESHEET_FORMAT } from '../core/index.js';
import { recordRows } from './copy-state.js';
import { readRecord } from './meta.js';
import { openWorkbook } from './open.js';
import { plainValue } from './snapshot.js';

export async function holdsExpertInput(path: string): Promise<boolean> {
  const opened = await openWorkbook(path).catch(() => null);
  if (!opened) return false;
  if (opened.wb.getWorksheet(ROUND_SHEET)) {
    const { readRoundInput, scoresheetState } = await import('./round.js');
    // A score sheet keeps its expert's input (read from the workbook already open); a committee list the decisions,
    // dates and meetings typed into it.
    const rows = recordRows(opened.wb);
    if (rows && recordFormat(rows) === SCORESHEET_FORMAT) return scoresheetState(opened.wb, new Set()).state === 'kept';
    const given = await readRoundInput(path, nationalRulebook(), 'zh-CN').catch(() => null);
    if (given?.kind === 'rollup') return Object.keys(given.decisions).length > 0;
    return scoresheetState(opened.wb, new Set()).state === 'kept';
  }
  const layout = readRecord(opened.wb).meta?.review?.summary;
  const ws = layout ? opened.wb.getWorksheet(layout.sheet) : undefined;
  if (!layout || !ws) return false;
  return preservedHasInput(readPreserved(layout, (r, c) => plainValue(ws.getCell(r + 1, c + 1))));
}
