/** A monitoring form in Excel: read as for a check, examined by the core's monitoring step (the same as the CLI's). */
import { examineMonitoring, isoDay, type MonitoringExamined } from '../core/index.js';
import { readWorkbook, type Session } from './workbook.js';

/** The open workbook's monitoring review; null when it is not a monitoring form. Two syncs, as a check's first read. */
export async function examineMonitoringWorkbook(s: Session): Promise<MonitoringExamined | null> {
  const reading = await readWorkbook(s.ctx, s.rb, s.caps);
  return examineMonitoring(reading, s.rb, {}, [], {}, isoDay(new Date()));
}
