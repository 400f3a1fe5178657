/**
 * What the pane's scoring reads off the summary besides the experts' cells, decided once for every adapter (Excel
 * and WPS read the same summary): the application's name for 评分记录, and the rows of 评分记录 below its header.
 */
import type { SummaryLayout } from '../report/meta.js';
import type { CellValue } from '../report/sheet-model.js';
import { t } from '../text/index.js';

/** The cluster's name as the summary's identity rows give it (the first value right of its label), else the title cell. */
export function summaryApplication(layout: SummaryLayout, at: (r: number, c: number) => CellValue): string {
  const top = Math.min(...Object.values(layout.criteriaRows));
  for (let r = 0; r < Math.min(top, 12); r++) {
    const label = at(r, 0);
    if (label === t('summary.name', 'zh-CN') || label === t('summary.name', 'en-US')) {
      const v = at(r, 2);
      if (typeof v === 'string' && v) return v;
      break;
    }
  }
  const name = at(0, 0);
  return typeof name === 'string' ? name : '';
}

/** 评分记录's sheet names, in either language (the pane finds the sheet whichever language started it). */
export const AUDIT_SHEET_NAMES: readonly string[] = [t('committee.audit.sheet', 'zh-CN'), t('committee.audit.sheet', 'en-US')];
