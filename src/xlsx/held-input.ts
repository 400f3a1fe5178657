/**
 * Whether an existing file holds what people put there, so that an explicit `-o FILE --force` of another command
 * never replaces it (README: a score sheet or reviewed copy holding an expert's input is never replaced, `--force`
 * or not): a reviewed copy whose 评审汇总 has a score, 回避 mark or reason, signature, expert's notes or opinion, or
 * the committee's decision, rationale or date; a committee list with a decision typed; a score sheet with an
 * expert's input (or a round's record the tool cannot read: kept, as `scoresheets` keeps it). A file that is not a workbook holds nothing of the kind.
 */
import { nationalRulebook, preservedHasInput, readPreserved, ROUND_SHEET } from '../core/index.js';
import { readRecord } from './meta.js';
import { openWorkbook } from './open.js';
import { plainValue } from './snapshot.js';

export async function holdsExpertInput(path: string): Promise<boolean> {
  const opened = await openWorkbook(path).catch(() => null);
  if (!opened) return false;
  if (opened.wb.getWorksheet(ROUND_SHEET)) {
    const { readRoundInput, scoresheetAt } = await import('./round.js');
    // A committee list keeps the decisions, dates and meetings typed into it; a score sheet its expert's input.
    const given = await readRoundInput(path, nationalRulebook(), 'zh-CN').catch(() => null);
    if (given?.kind === 'rollup') return Object.keys(given.decisions).length > 0;
    return (await scoresheetAt(path, new Set())).state === 'kept';
  }
  const layout = readRecord(opened.wb).meta?.review?.summary;
  const ws = layout ? opened.wb.getWorksheet(layout.sheet) : undefined;
  if (!layout || !ws) return false;
  return preservedHasInput(readPreserved(layout, (r, c) => plainValue(ws.getCell(r + 1, c + 1))));
}
