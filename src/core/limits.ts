/**
 * The limits of the work one application may cost, in one table. Each is far beyond any real application (the
 * standard indicator workbook is about 15 KB, 100 rows and 600 cells with content; a province's own rows add
 * tens), so only a damaged or hostile file reaches one, and it is refused with a message naming the limit
 * (words: `error.limit.<name>` in src/core/text/errors.ts) instead of taking minutes or gigabytes.
 */

export const LIMITS = {
  /** Bytes of the file. A filled workbook is under 1 MB; 20 MB still takes scanned attachments pasted in. */
  fileBytes: 20 * 1024 * 1024,
  /**
   * Bytes of the package once inflated: the sum of its parts' sizes (from the zip directory, and enforced again
   * while inflating, since the directory may lie). Real workbooks inflate to a few MB; 64 MB takes pictures and
   * still keeps the spreadsheet library within a few hundred MB (it holds about 20 bytes per inflated byte of
   * sheet XML), while a zip bomb (1 GB of zeros in 1 MB) stops at the limit.
   */
  inflatedBytes: 64 * 1024 * 1024,
  /**
   * Cells of the workbook's sheets (counted in the sheet XML before the spreadsheet library reads it, with the
   * cells merged areas cover, and the cells with content of a sheet in the reader). 100,000 is 150 times the standard sheet; the library needs
   * about 2.5 KB per cell, so the limit also keeps one file under about 300 MB.
   */
  cells: 100_000,
  /**
   * Merged areas of a workbook. The standard sheets have a few dozen, a reviewed copy's summary up to about one
   * per finding; the spreadsheet library compares each new merge with every earlier one (the square of their count).
   */
  merges: 5_000,
  /** Rows of a sheet (rows holding content in the reader; row elements of the sheet XML). The standard sheet has about 100. */
  rows: 20_000,
  /**
   * Findings of one application: every indicator and year of the national rulebook failing at once gives a few
   * hundred. Beyond 1,000 the file repeats rows (duplicated codes), and its report would only bury the reviewer.
   */
  findings: 1_000,
  /**
   * Input rows of a name-list sheet the template makes (a large cluster lists hundreds of 专精特新 and high-tech
   * enterprises; a list takes as many rows as the cluster has enterprises, up to this).
   */
  listRows: 2_000,
  /** Seconds one file of a batch may take (open, read, review): a real one takes well under one second. */
  fileSeconds: 60,
  /**
   * Memory of the process while a batch reviews a file, in MB (resident, checked every 50 ms): the last guard, for
   * what the limits above do not foresee; the file's worker is then ended and the file is a row of the roll-up.
   * A batch of 260 real files peaks near 200 MB, the largest file within the limits near 400 MB. Watched from
   * outside rather than set as the worker's heap limit: V8 sizes its collection from that limit, and a limit of
   * this order made a batch of real files spend a quarter more CPU time (measured with `npm run bench`).
   */
  batchMemoryMb: 1024,
  /**
   * A round: applications and experts (a province's round has a few hundred applications and about a dozen
   * experts); a record naming more is forged, and refused before any work is sized by it.
   */
  roundApplications: 5_000,
  roundExperts: 200,
  /**
   * A recusal list (回避清单): its file's bytes and the characters of one reason. A round's list has a few dozen
   * lines; a reason is a sentence. A reason must fit the score sheet's cell and come back whole from round.json (one
   * of 40,000 characters was cut in the sheet and made the tool's own round.json unreadable), and a list of a
   * million lines cost 868 MB and a round.json of 89 MB.
   */
  conflictsBytes: 1024 * 1024,
  conflictReason: 500,
  /**
   * A rulebook: its file's bytes (the national edition is 51 KB), the values in it (objects, lists, texts and
   * numbers; the national edition has about 5,000) and the characters of one text (its longest is under 300).
   * Checked before the rulebook is validated, so a 50 MB file, 200,000 indicators or a 50-million-character
   * guidance text are refused with the limit named, in well under a second, instead of gigabytes and minutes.
   */
  rulebookBytes: 4 * 1024 * 1024,
  rulebookValues: 100_000,
  rulebookText: 20_000,
  /**
   * Indicators and checks of one rulebook (the national edition has about 80 and 60): a valid rulebook of 10,400
   * checks made one \`check\` take 28 s and 509 MB.
   */
  rulebookIndicators: 1_000,
  rulebookChecks: 1_000,
  /**
   * Characters of one text in a workbook (a cell, a shared string, a note): Excel's own limit for a cell, so only a
   * forged file goes beyond. Measured in the package's XML before the spreadsheet library reads it: one text of 50
   * million characters (50 MB inflated, well within the limits above, 78 KB zipped) cost 690 MB and 7 s before it
   * reached the rulebook's own limit of characters.
   */
  cellText: 32_767,
  /** Rows and columns of a rulebook workbook's sheet read back (its 规则表 has about 150 rows and 20 columns). */
  rulebookRows: 5_000,
  rulebookColumns: 256,
  /** Rows of a roll-up's audit trail (评分记录): 260 applications × 9 experts × 20 items is about 47,000. */
  auditRows: 500_000,
} as const;

/** What a limit counts: its words are `error.limit.<what>`. */
export type LimitName = 'file' | 'inflated' | 'cells' | 'rows' | 'merges' | 'findings' | 'time' | 'memory' | 'rulebook' | 'text';

/**
 * A limit reached, found by the core or an adapter: `limit` and `actual` in the limit's unit (MB for sizes and
 * memory, seconds for time, a count otherwise). `actual` may be a lower bound ("at least") when counting stopped.
 */
export class LimitError extends Error {
  constructor(
    readonly what: LimitName,
    readonly limit: number,
    readonly actual: number,
  ) {
    super(`limit reached: ${what} ${actual} > ${limit}`);
    this.name = 'LimitError';
  }
}

/** Bytes in MB with one decimal, for messages. */
export const megabytes = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10;
