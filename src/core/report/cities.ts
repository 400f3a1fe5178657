/**
 * The provincial tier's count (市级推荐): the applications of a round by 所在地级市（州、盟）, each city against the
 * quota the rulebook gives it (`cityRecommendation`), for the batch roll-up and the committee list alike. Every
 * application of a round came through its city, so each one counts as that city's recommendation; one with no city
 * is counted under 未填写 (it has no quota, and is never dropped). A city over its quota is a finding
 * (`city-over-quota`, naming the city, the count and the quota); exactly at its quota is fine.
 */
import { cityKey } from '../rulebook/cities.js';
import type { CityRecommendation } from '../rulebook/schema.js';
import { normaliseText } from '../sheet/values.js';
import { t } from '../text/index.js';
import type { Lang } from '../types.js';

export interface CityCount {
  /** The city as the rulebook names it, else as the first application gives it; null: 未填写. */
  city: string | null;
  count: number;
  /** The quota in force for this city; null where the rulebook sets none, and for 未填写. */
  quota: number | null;
  over: boolean;
}

export interface CityFinding {
  code: 'city-over-quota';
  city: string;
  count: number;
  quota: number;
}

export { cityKey };

/**
 * Counts `cities` (one per application; null or blank: 未填写) in the order first met, 未填写 last. Without quotas
 * (`stage` absent) the counts are given and nothing is over.
 */
export function cityCounts(cities: ReadonlyArray<string | null | undefined>, stage: CityRecommendation | undefined): { counts: CityCount[]; findings: CityFinding[] } {
  // Names from rulebooks and workbooks are data: Maps, never object keys.
  const named = new Map<string, { name: string; quota: number }>();
  for (const [name, quota] of Object.entries(stage?.quotas.byCity ?? {})) named.set(cityKey(name), { name, quota });
  const byKey = new Map<string, CityCount>();
  let unfilled = 0;
  for (const raw of cities) {
    const name = raw === null || raw === undefined ? '' : normaliseText(raw).trim();
    if (!name) {
      unfilled++;
      continue;
    }
    const key = cityKey(name);
    const c = byKey.get(key);
    if (c) c.count++;
    else {
      const rule = named.get(key);
      byKey.set(key, { city: rule?.name ?? name, count: 1, quota: stage ? (rule?.quota ?? stage.quotas.default) : null, over: false });
    }
  }
  const counts = [...byKey.values()];
  for (const c of counts) c.over = c.quota !== null && c.count > c.quota;
  if (unfilled) counts.push({ city: null, count: unfilled, quota: null, over: false });
  const findings = counts.filter((c) => c.over).map((c): CityFinding => ({ code: 'city-over-quota', city: c.city!, count: c.count, quota: c.quota! }));
  return { counts, findings };
}

/** The city an application's row shows: its own, or 未填写. */
export const cityText = (city: string | null | undefined, lang: Lang): string => (city && normaliseText(city).trim() ? city : t('rollup.cityUnfilled', lang));

/** "昆明市推荐4个，超过限额3个". */
export const cityFindingText = (f: CityFinding, lang: Lang): string => t('rollup.cityOverQuota', lang, { city: f.city, count: f.count, quota: f.quota });

/** One line per city for the sheets: "昆明市 4个（限额3个，超出）", "曲靖市 2个（限额2个）", "未填写 1个". */
export function cityCountText(c: CityCount, lang: Lang): string {
  const city = c.city ?? t('rollup.cityUnfilled', lang);
  if (c.quota === null) return t('rollup.cityCount', lang, { city, count: c.count });
  return t(c.over ? 'rollup.cityCountOver' : 'rollup.cityCountQuota', lang, { city, count: c.count, quota: c.quota });
}
