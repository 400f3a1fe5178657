/**
 * City names of the 市级推荐 stage as keys: "昆明市", " 昆明 市 " and "昆明" are one city (compared in NFKC, without
 * spaces and without a final 市), for the rulebook's own checks (a city listed twice in the workbook) and for the
 * counts by city (../report/cities.ts). Invisible format characters (zero-width space and joiners, bidi marks, the
 * BOM) are dropped too: "昆\u200b明市" must not count as a city of its own, escaping its quota.
 */
export function cityKey(name: string): string {
  const s = name.normalize('NFKC').replace(/[\s\u3000\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/g, '');
  return s.length > 2 && s.endsWith('市') ? s.slice(0, -1) : s;
}
