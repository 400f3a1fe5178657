/**
 * Comparing computed numbers, below every layer that compares them (the reader, the rule kinds, the value
 * formatter of messages and the rulebook diff, the committee's figures).
 */

/** Relative tolerance for comparing computed decimals: 2.1/3 must equal 0.7 when the law says 以上 or 高于. */
const EPS = 1e-9;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}
