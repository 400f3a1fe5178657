/**
 * How a value goes into a spreadsheet cell so it stays what the model holds, and the record's row spans: the same
 * for Excel (src/office) and WPS 表格 (src/wps), so both adapters import it from here.
 */

/** Text that Excel would read as a formula or a number sign is written behind an apostrophe: it stays text. */
export function literal(v: string | number | boolean | null | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

/**
 * Text Excel would convert on entry — a number ("001"), a percent, a date ("2025-06", "2025/6/1"), TRUE/FALSE —
 * is written into a cell formatted as text ("@"), so it stays the text the model holds.
 */
export function convertible(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/.test(t) || /^(true|false)$/i.test(t) || /^\d{1,4}[-/年.]\d{1,2}([-/月.]\d{1,4})?日?$/.test(t) || /^\d{1,2}:\d{2}/.test(t);
}

/** Contiguous row spans of a list of rows (the WPS adapter's record clears them too). */
export function spans(rows: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...new Set(rows.map((r) => r[0]))].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}
