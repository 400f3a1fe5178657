/**
 * The columns of the 评分记录 sheet, one model for the CLI's tally (rollup.ts) and the pane (pane.ts): who, which
 * application, which item, the value, what was done with it, the change (old → new), where it came from and when.
 * The pane appends rows in this shape to the reviewed workbook; the tally writes the whole sheet of a roll-up.
 */
import type { CellValue } from '../report/sheet-model.js';
import { t, tAny, type TextKey } from '../text/index.js';
import { LANGS, type Lang } from '../types.js';
import type { AuditRow } from './records.js';
import { EXPERT_ITEM } from './tally.js';

export const AUDIT_COLUMNS: readonly TextKey[] = [
  'committee.audit.expert',
  'committee.audit.application',
  'committee.audit.item',
  'committee.audit.value',
  'committee.audit.outcome',
  'committee.audit.change',
  'committee.audit.file',
  'committee.audit.cell',
  'committee.audit.sha256',
  'committee.audit.fileTime',
];

/** Column index of each field (zero-based), for readers of the sheet. */
export const AUDIT_COL = { expert: 0, application: 1, item: 2, value: 3, outcome: 4, change: 5, file: 6, cell: 7, sha256: 8, fileTime: 9 } as const;

export const AUDIT_WIDTHS = [10, 24, 12, 10, 10, 14, 28, 12, 20, 18];

/** The words of an audit item: a criterion id as it is, "C1 备注", 专家意见, 回避, 回避理由, 专家签名. */
export function auditItemText(item: string, lang: Lang): string {
  if (item.startsWith('note:')) return t('committee.audit.noteOf', lang, { id: item.slice(5) });
  if (item === 'opinion') return t('committee.col.opinion', lang);
  if (item === 'recusal') return t('committee.col.recusal', lang);
  if (item === 'recusal-reason') return t('committee.col.recusalReason', lang);
  if (item === 'signature') return t('committee.signature', lang);
  // An expert renamed or removed (the change record of `check --rename-expert` / `--remove-expert`).
  if (item === EXPERT_ITEM) return t('committee.audit.expertItem', lang);
  return item;
}

/** The item an audit cell names, in either language (the sheet may have been written in the other). */
export function auditItemOf(text: string, criteria: readonly string[]): string | null {
  if (criteria.includes(text)) return text;
  for (const lang of LANGS) {
    for (const item of ['opinion', 'recusal', 'recusal-reason', 'signature']) if (auditItemText(item, lang) === text) return item;
    for (const id of criteria) if (auditItemText(`note:${id}`, lang) === text) return `note:${id}`;
  }
  return null;
}

/** "old → new", 新增 (first value), "old → 已删除"; "" when there is no change to say. */
export function auditChangeText(old: string | null | undefined, now: string | null, lang: Lang): string {
  return old === undefined ? '' : old === null ? t('committee.audit.new', lang) : now === null ? t('committee.audit.removedFrom', lang, { old }) : `${old} → ${now}`;
}

/** One row of the sheet from an AuditRow (the application shown by its cluster name when known). */
export function auditRowCells(row: AuditRow, lang: Lang, opts: { application?: string; cell?: string } = {}): CellValue[] {
  return [
    row.expert,
    opts.application ?? row.application,
    auditItemText(row.item, lang),
    row.new ?? '',
    tAny(`committee.outcome.${row.outcome}`, lang),
    auditChangeText(row.old, row.new, lang),
    row.source,
    opts.cell ?? '',
    row.sha256,
    row.fileTime,
  ];
}

export const auditHeader = (lang: Lang): string[] => AUDIT_COLUMNS.map((k) => t(k, lang));
