/**
 * Problems with the program's use (a file that is not a workbook, an output that exists): typed errors with
 * structured fields, caught at the CLI edge and shown as a plain message (words: error.file.<code> in
 * src/core/text/errors.ts). Problems in an applicant's data are
 * findings, never these.
 */
import type { WorkflowWarning } from '../core/index.js';

export type FileErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'not-xlsx'
  | 'old-xls'
  | 'encrypted'
  | 'corrupt'
  | 'no-indicator-sheet'
  | 'merged-inputs'
  | 'output-exists'
  | 'output-is-input'
  | 'write-failed'
  | 'rulebook-unreadable'
  | 'rulebook-not-found'
  | 'rulebook-not-json'
  /** A limit of LIMITS (src/core/limits.ts) reached; params {what, limit, actual}. */
  | 'too-large'
  /** A batch file whose review failed unexpectedly (it becomes its row; the batch goes on); params {detail}. */
  | 'review-failed';

export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly file: string,
    readonly params: Record<string, string | number | string[]> = {},
  ) {
    super(`${code}: ${file}`);
    this.name = 'FileError';
  }
}

/** Something the reviewer should know about a file that was still processed: a workflow warning naming its file. */
export interface FileWarning extends WorkflowWarning {
  file: string;
}
