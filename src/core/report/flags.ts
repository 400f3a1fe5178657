/**
 * Which cells to flag in place, in what colour, with what note: one flag per cell, coloured by its most severe
 * finding, the note listing every finding on that cell. pass, na and review findings are not flagged.
 */
import { tAny } from '../text/index.js';
import { severity, type Lang } from '../types.js';
import type { Report } from './json.js';
import { FLAG_FILL, FLAGGED_STATUSES } from './sheet-model.js';

export interface CellFlag {
  /** Sheet-qualified A1 address. */
  cell: string;
  status: 'veto' | 'fail' | 'invalid' | 'missing' | 'warn';
  fill: string;
  note: string;
  /** Keys of the findings behind this flag. */
  findings: string[];
}

/** First line of every note the tool writes: how a re-run recognises its own notes, and how a person does. */
export const NOTE_MARK: Record<Lang, string> = { 'zh-CN': '【集群评审助手】', 'en-US': '[cluster-review]' };


export function flagPlan(report: Report, lang: Lang): CellFlag[] {
  const byCell = new Map<string, CellFlag>();
  for (const f of report.findings) {
    if (!FLAGGED_STATUSES.includes(f.status)) continue;
    const status = f.status as CellFlag['status'];
    for (const cell of f.cells) {
      const line = `${tAny(`status.${status}`, lang)}：${f.messages[lang]}`;
      const existing = byCell.get(cell);
      if (!existing) {
        byCell.set(cell, { cell, status, fill: FLAG_FILL[status], note: `${NOTE_MARK[lang]}\n${line}`, findings: [f.key] });
        continue;
      }
      if (severity(status) < severity(existing.status)) {
        existing.status = status;
        existing.fill = FLAG_FILL[status];
      }
      existing.note += `\n${line}`;
      existing.findings.push(f.key);
    }
  }
  return [...byCell.values()];
}

/** Heading of the applicant's own note when a flag note is written over it; restored alone when the flag goes. */
const ORIGINAL_NOTE_MARK: Record<Lang, string> = { 'zh-CN': '—— 原批注 ——', 'en-US': '—— original note ——' };

/** A note the tool wrote (its first line is the tool's mark): never mistaken for the applicant's. */
export const isOwnNote = (text: string | null | undefined): boolean => !!text && Object.values(NOTE_MARK).some((m) => text.startsWith(m));

/** The flag's note, with the applicant's own note kept below it. */
export function flagNote(flag: CellFlag, original: string | null, lang: Lang): string {
  return original ? `${flag.note}\n${ORIGINAL_NOTE_MARK[lang]}\n${original}` : flag.note;
}
