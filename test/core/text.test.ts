import { describe, expect, it } from 'vitest';
import { fill, t, TEXT_TABLES } from '../../src/core/text/index.js';

describe('the one text system', () => {
  it('keys carry their part as prefix, so no two tables share a key', () => {
    const seen = new Map<string, string>();
    for (const [part, table] of Object.entries(TEXT_TABLES)) {
      for (const key of Object.keys(table)) {
        if (part !== 'ui') expect(key.startsWith(`${part}.`), `${key} in ${part}`).toBe(true);
        expect(seen.has(key), `${key} in ${part} and ${seen.get(key)}`).toBe(false);
        seen.set(key, part);
      }
    }
  });

  it('every entry has non-empty words in both languages, and the same placeholders in each', () => {
    const names = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
    for (const table of Object.values(TEXT_TABLES))
      for (const [key, e] of Object.entries(table)) {
        expect(e['zh-CN'].trim().length, key).toBeGreaterThan(0);
        expect(e['en-US'].trim().length, key).toBeGreaterThan(0);
        expect(names(e['en-US']), key).toEqual(names(e['zh-CN']));
      }
  });

  it('fills placeholders, joins lists in the language, and leaves unknown names visible', () => {
    expect(fill('共{n}项：{list}', 'zh-CN', { n: 2, list: ['甲', '乙'] })).toBe('共2项：甲、乙');
    expect(fill('{n} items: {list}', 'en-US', { n: 2, list: ['a', 'b'] })).toBe('2 items: a, b');
    // An empty list is said, never a blank after its label.
    expect(fill('缺少：{missing}；多出：{unknown}', 'zh-CN', { missing: ['a'], unknown: [] })).toBe('缺少：a；多出：（无）');
    expect(fill('sheets: {s}', 'en-US', { s: [] })).toBe('sheets: (none)');
    expect(fill('{missing} stays', 'en-US', { other: 1 })).toBe('{missing} stays');
    expect(fill('{__proto__}', 'en-US', {})).toBe('{__proto__}');
    expect(t('verdict.vetoed', 'zh-CN')).toBe('一票否决');
    expect(t('verdict.vetoed', 'en-US')).toBe('Vetoed');
  });
});
