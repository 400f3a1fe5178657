/** Colours between the core's "#RRGGBB" and WPS's BGR integers (Interior.Color = R + G·256 + B·65536). */

/** "#RRGGBB" → BGR integer. */
export function toBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return parseInt(m[1]!, 16) + parseInt(m[2]!, 16) * 256 + parseInt(m[3]!, 16) * 65536;
}

/** BGR integer → "#RRGGBB"; anything else (null for a mixed range) → null. */
export function fromBgr(bgr: unknown): string | null {
  if (typeof bgr !== 'number' || !Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) return null;
  const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
  return `#${hex(bgr & 0xff)}${hex((bgr >> 8) & 0xff)}${hex((bgr >> 16) & 0xff)}`;
}
