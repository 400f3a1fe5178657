/**
 * City names of the 市级推荐 stage as keys: "昆明市", " 昆明 市 " and "昆明" are one city (compared in NFKC, without
 * spaces and without a final 市), for the rulebook's own checks (a city listed twice in the workbook) and for the
 * counts by city (../report/cities.ts).
 */
export function cityKey(name: string): string {
  const s = name.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  return s.length > 2 && s.endsWith('市') ? s.slice(0, -1) : s;
}
