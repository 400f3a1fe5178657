/**
 * Fill colours as the workflow records them: a plain "#RRGGBB", or null for no fill. One decoder reads every
 * record ever written, including those of earlier versions (an ExcelJS fill object from the command line, or
 * a colour string from Excel), so a copy flagged by any version gets its cells back.
 */

/**
 * The flag colours of versions before issue #18 (Paul Tol's "light" scheme: fail, veto, invalid, missing, warn), too
 * light against the input cells. A copy flagged by such a version, whose record does not say which colour it placed,
 * still has its flags recognised as the tool's and taken back.
 */
export const PREVIOUS_FLAG_FILLS: readonly string[] = ['#EE8866', '#FFAABB', '#BBCC33', '#EEDD88', '#99DDFF'];

const HEX6 = /^#?([0-9a-f]{6})$/i;
const ARGB = /^([0-9a-f]{2})([0-9a-f]{6})$/i;

/** A recorded fill → "#RRGGBB" or null (no fill, or a fill this version cannot express as one colour). */
export function recordedColor(fill: unknown): string | null {
  if (fill === null || fill === undefined) return null;
  if (typeof fill === 'string') {
    const m = HEX6.exec(fill);
    return m ? `#${m[1]!.toUpperCase()}` : null;
  }
  if (typeof fill !== 'object') return null;
  // Earlier versions of the command line stored ExcelJS's own fill object.
  const f = fill as { type?: unknown; pattern?: unknown; fgColor?: { argb?: unknown } };
  if (f.type !== 'pattern' || f.pattern === 'none') return null;
  const argb = f.fgColor?.argb;
  if (typeof argb !== 'string') return null;
  const m = ARGB.exec(argb);
  return m ? `#${m[2]!.toUpperCase()}` : null;
}

/**
 * The colour a cell shows now, as an adapter reported it → what to record. Excel reports "no fill" as white
 * (and null when a range's cells differ); restoring white as "no fill" looks the same and keeps the cell plain.
 */
export function coveredColor(reported: string | null | undefined): string | null {
  const c = recordedColor(reported ?? null);
  return c === '#FFFFFF' ? null : c;
}
