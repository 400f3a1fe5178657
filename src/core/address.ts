/**
 * The one place where zero-based (row, col) positions become A1 text and back.
 * Internally everything is zero-based; users see Excel's row numbers and column letters.
 */

export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`column index ${col} is not a non-negative integer`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  if (!/^[A-Z]+$/.test(letters)) throw new RangeError(`"${letters}" is not a column name`);
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "E12" for row 11, col 4. */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function fromA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.trim().toUpperCase());
  if (!m || !m[1] || !m[2]) throw new RangeError(`"${a1}" is not an A1 address`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Sheet names with anything but letters, digits and underscore are quoted, as Excel writes them. */
const quoted = new Map<string, string>();

export function quoteSheet(sheet: string): string {
  let q = quoted.get(sheet);
  if (q === undefined) {
    q = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
    // Bounded: a batch names few sheets, but a long-running pane must not grow without limit.
    if (quoted.size > 1000) quoted.clear();
    quoted.set(sheet, q);
  }
  return q;
}

export function qualified(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${toA1(row, col)}`;
}

/** Splits "指标表!E12" or "'My sheet'!E12" into its sheet name and zero-based position. */
export function parseQualified(ref: string): { sheet: string; row: number; col: number } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) throw new RangeError(`"${ref}" has no sheet name`);
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ...fromA1(ref.slice(bang + 1)) };
}
