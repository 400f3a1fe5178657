/**
 * The pure half of output safety: names of temporary files, default output names, and how two paths are
 * compared when a file system ignores case. No I/O here, so every rule is tested without touching a disk;
 * ./output.ts does the stats, links and renames.
 */

/** Marks our temporary files; the pid lets a later run tell a dead run's leftovers from a live run's work. */
const TEMP_TAG = 'cluster-review';

/**
 * `.<name>.cluster-review-<pid>-<n>.tmp` beside the output: hidden, never mistaken for a workbook (it does not
 * end in .xlsx, so `batch` on the folder skips it), and unique per process and write. The name part is cut so
 * the whole stays well under the 255-byte limit of common file systems (a CJK character is 3 bytes in UTF-8).
 */
export function tempName(output: string, pid: number, n: number): string {
  const head = [...output].slice(0, 60).join('');
  return `.${head}.${TEMP_TAG}-${pid}-${n}.tmp`;
}

/**
 * Exactly the names tempName makes, case and all. Names like `<output>.xlsx.tmp-<pid>` (what versions before 0.2
 * left) are not taken: a person's `汇总.xlsx.tmp-20241201` looks the same, and a sweep must only remove what it can
 * prove is the tool's own.
 */
const TEMP_RE = new RegExp(`^\\.[^/\\\\]*\\.${TEMP_TAG}-([1-9]\\d{0,9})-[1-9]\\d{0,15}\\.tmp$`);

/** The pid of the run that wrote a temporary file of ours, or null when the name is not one of ours. */
export function tempOwner(name: string): number | null {
  const m = TEMP_RE.exec(name);
  if (!m) return null;
  const pid = Number(m[1]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

/** Swaps upper and lower case: the probe for a file system that ignores case (same file under both names). */
export function swapCase(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += up === ch ? ch.toLowerCase() : up;
  }
  return out;
}

/** How a name is compared in a folder: exactly, or folded where the file system ignores case. */
export function nameKey(name: string, caseInsensitive: boolean): string {
  return caseInsensitive ? name.normalize('NFC').toLowerCase() : name;
}

const REVIEWED_RE = /\.reviewed(-\d+)?$/i;

export interface OutputStem {
  /** The application's name: the input's file name without extension and without `.reviewed[-N]`. */
  stem: string;
  /** The input is itself a reviewed copy (a later round). */
  reviewed: boolean;
}

export function outputStem(inputName: string): OutputStem {
  const noExt = inputName.replace(/\.[^.]*$/, '');
  return { stem: noExt.replace(REVIEWED_RE, ''), reviewed: REVIEWED_RE.test(noExt) };
}

/** `<stem>.reviewed.xlsx`, then `<stem>.reviewed-2.xlsx`, `-3`, …: the default names in order of preference. */
export function reviewedName(stem: string, n: number): string {
  return n <= 1 ? `${stem}.reviewed.xlsx` : `${stem}.reviewed-${n}.xlsx`;
}

/**
 * Two inputs of one run whose default outputs would land on the same name in the same folder (a/x.xlsx and
 * b/x.xlsx with `-o dir`): the key they collide on. Reviewed copies and originals keep apart, so checking X.xlsx
 * and X.reviewed.xlsx together is not a collision (each gets its own name).
 */
export function collisionKey(dirKey: string, inputName: string, caseInsensitive: boolean): string {
  const { stem, reviewed } = outputStem(inputName);
  return `${dirKey}\u0000${nameKey(stem, caseInsensitive)}\u0000${reviewed ? 'r' : 'o'}`;
}

export type DefaultChoice = { kind: 'name' | 'planned'; name: string };

/**
 * The default output name for an input, given what is taken in the target folder: the first `.reviewed[-N]` name
 * that neither exists nor is an input nor is planned for another input. A default never names a file that exists,
 * even with --force (an earlier reviewed copy may hold experts' scores; --force only lets an explicit -o replace a
 * file), so a re-run writes `X.reviewed-2.xlsx` beside the first round's copy. Two originals whose first choice
 * is the same name (a/x.xlsx and b/x.xlsx into one folder) collide: refused, so no copy is mistaken for another.
 */
export function chooseDefault(inputName: string, taken: { exists(name: string): boolean; isInput(name: string): boolean; planned(name: string): boolean }): DefaultChoice {
  const { stem, reviewed } = outputStem(inputName);
  if (!reviewed && taken.planned(reviewedName(stem, 1))) return { kind: 'planned', name: reviewedName(stem, 1) };
  for (let n = 1; ; n++) {
    const name = reviewedName(stem, n);
    if (!taken.exists(name) && !taken.isInput(name) && !taken.planned(name)) return { kind: 'name', name };
  }
}
