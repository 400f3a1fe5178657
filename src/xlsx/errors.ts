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
  // The cause of a file that cannot be read, named as it is (not "missing", not "damaged").
  | 'no-permission'
  | 'link-loop'
  | 'unreadable'
  // Set by the size limits (file, inflated size, cells…): params { detail } naming the limit and what was found.
  | 'not-xlsx'
  | 'old-xls'
  | 'encrypted'
  | 'corrupt'
  | 'no-indicator-sheet'
  // An annual monitoring form given to a command for applications (check, batch).
  | 'monitoring-form'
  // A score sheet or a roll-up of a round (its hidden record) given where an application is expected.
  | 'scoresheet-given'
  | 'rollup-given'
  // The hidden record of a score sheet or roll-up is not the shape the tool writes: damaged or forged, never used.
  | 'record-damaged'
  // An output folder (-o) that is a file.
  | 'output-not-folder'
  // A file name longer than the file system takes (255 bytes): params {bytes, limit}.
  | 'name-too-long'
  | 'merged-inputs'
  | 'output-exists'
  // A symbolic link where an output would go: never replaced by a file, never written through (even with --force).
  | 'output-is-link'
  // An existing output that holds experts' or the committee's input: never replaced, --force or not.
  | 'output-holds-input'
  // The file to be replaced changed since it was read (a person typed into it meanwhile): it is left as it is.
  | 'output-changed'
  | 'output-is-input'
  | 'outputs-collide'
  | 'output-no-permission'
  | 'output-folder-not-found'
  | 'write-failed'
  // Every temporary name the writer tried is taken by a file or link that is not its own: params {temp}.
  | 'temp-taken'
  | 'rulebook-unreadable'
  | 'rulebook-not-found'
  | 'rulebook-not-json'
  | 'rulebook-is-workbook'
  /** A limit of LIMITS (src/core/limits.ts) reached; params {what, limit, actual}. */
  | 'too-large'
  /** A batch file whose review failed unexpectedly (it becomes its row; the batch goes on); params {detail}. */
  | 'review-failed';

/**
 * The FileError for a failed read of `path` (stat, open, read), by errno: a missing file, a permission, a link
 * loop, a folder each say so; anything else is "cannot read" with the system's code, never "damaged".
 */
export function readError(e: unknown, path: string): FileError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new FileError('not-found', path);
    case 'EACCES':
    case 'EPERM':
      return new FileError('no-permission', path);
    case 'ELOOP':
      return new FileError('link-loop', path);
    case 'EISDIR':
      return new FileError('not-a-file', path);
    case 'ENAMETOOLONG':
      return nameTooLong(path);
    default:
      return new FileError('unreadable', path, { detail: code ?? (e instanceof Error ? e.message : String(e)) });
  }
}

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

/** The file system's limit on one name, in bytes (ext4, NTFS in UTF-16 units, APFS: 255). */
export const NAME_BYTES = 255;

/** `name-too-long` for the longest part of `path`. */
export function nameTooLong(path: string): FileError {
  const bytes = Math.max(...path.split(/[\\/]/).map((p) => Buffer.byteLength(p)));
  return new FileError('name-too-long', path, { bytes, limit: NAME_BYTES });
}

/** Throws `name-too-long` when a part of `path` is longer than a file system takes: checked before writing anything. */
export function checkNameLength(path: string): void {
  if (path.split(/[\\/]/).some((p) => Buffer.byteLength(p) > NAME_BYTES)) throw nameTooLong(path);
}
