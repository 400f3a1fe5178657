/** Messages: one table per language, every code covered, official terms, no spam words, no template leaks. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TABLES, reviewToReport, UI_TEXT } from '../../src/core/index.js';
import { rb, review } from '../support/review.js';
import { pct } from '../support/sheet.js';

/** Reports that between them produce every finding code. */
function coverage() {
  return [
    review(),
    review({ B8: '否', '1.1': '否', '1.5': 120, '1.6': [38.2, 41, 45], '1.7': [30, 40, 50], '1.8': [20, 30, 46], '1.9': pct(0.5) }),
    review({ B9: '否', '2.1': 0, '2.2': 0, '2.3': 3, '2.4': 3, '2.5': 3, '2.6': 20, '4.1': [0, 1, 2], '4.5': 0, '5.2': [0.5, 0.4, 0.6].map(pct) }),
    review({ '2.1': 0, '2.2': 0, '2.3': 3, '2.4': 4, '2.5': 5, '2.6': undefined, '6.1': [1, 1, 0.5], '6.2': '是', '6.3': 2, '6.4': 1, '6.5': '是', '6.6': 1, '6.7': 2, '7.3': [3, 4, 2] }),
    review({ '4.4': [10, 11, 12], '4.6': 99, '5.2': [0.5, 0.5, 0.5].map(pct), B7: undefined, D3: '是', '1.3': undefined, '5.1': 0.3, '8.3': '150%', '1.1': '不确定', '3.2': '2.5', '4.2': -1, '4.3': 'abc', '7.1': '#REF!', '7.2': '3亿元', '1.4': { value: null, formula: true }, '1.5': '1500公顷' }),
    review({ '5.1': '4', B6: 2021 }),
    review({ B6: 2026 }),
    review({}, { omit: ['1.2'], extraRows: [{ after: 5, cells: ['D1', 'dup', '', null, null, '否'] }], headerYears: ['2022', '2023', '2024'] }),
    review({ B6: undefined }, { headerYears: ['', '', ''] }),
    review({ '6.1': [0.5, 0.6, 0.4], '1.6': [100, 120, 90], '1.7': [80, 90, 70], '1.8': [80, 90, 70], '4.4': [100, 110, 100] }),
    reviewToReport({ sheet: 'Sheet1', cells: [[{ value: 'x' }]] }, rb),
    review({ '2.1': 0, '2.2': 0, '2.3': 3, '2.4': 3, '2.5': 3, '2.6': undefined, '3.2': [2, null, null] }),
    // The contact's 手机 and 邮箱 (issue 19): not a mobile number, not an e-mail address.
    review({ B23: '0571-1234', B24: 'wangwu' }),
    // A hostile `<v>1e999</v>` reads as Infinity.
    review({ '1.5': Infinity }),
  ];
}

describe('message tables', () => {
  const reports = coverage();
  const findings = reports.flatMap((r) => r.findings);
  it('zh-CN and en-US have the same codes', () => {
    expect(Object.keys(MESSAGE_TABLES['en-US']).sort()).toEqual(Object.keys(MESSAGE_TABLES['zh-CN']).sort());
    for (const [k, v] of Object.entries(UI_TEXT)) expect(Object.keys(v).sort(), k).toEqual(['en-US', 'zh-CN']);
  });
  it('every code a review produced has a template, and templates leave no gaps', () => {
    const produced = new Set(findings.map((f) => f.code));
    for (const code of produced) expect(MESSAGE_TABLES['zh-CN'][code], code).toBeTypeOf('function');
    for (const f of findings)
      for (const m of Object.values(f.messages)) {
        expect(m, `${f.code}: ${m}`).not.toMatch(/undefined|NaN|\[object|\{bound|null/);
        expect(m.length).toBeGreaterThan(5);
      }
  });
  it('the coverage set exercises almost every code in the table', () => {
    const produced = new Set(findings.map((f) => f.code));
    // Monitoring codes (r1-…, r6-…, m1-…) come from monitoring forms: covered by test/core/monitoring.test.ts.
    // Name-list codes (list-…, credit-code-…) need list sheets: covered by test/core/lists.test.ts; plan-… and
    // evidence-… need the plan and evidence sheets: test/core/plan.test.ts.
    const unused = Object.keys(MESSAGE_TABLES['zh-CN']).filter((c) => !produced.has(c) && !/^[rm]\d-/.test(c) && !/^(list-|credit-code-|plan-|evidence-)/.test(c));
    // Codes only reachable with rulebooks whose ops the national edition does not use (≤/< on growth, shares, ratios).
    expect(unused.sort()).toEqual(['growth-above-maximum', 'ratio-above-maximum', 'share-above-maximum']);
  });
  it('says what was found and what was expected, in the official words', () => {
    const r = review({ '1.6': [38.2, 41, 45] });
    const f = r.findings.find((x) => x.check === '1.6' && x.status === 'fail')!;
    expect(f.messages['zh-CN']).toBe('2022年集群总产值为38.2亿元，未达到“近三年产值均在40亿元以上”的要求');
    expect(f.messages['en-US']).toBe(
      'Total cluster output (2022) is 3.82 billion yuan, which falls short of the requirement “output of at least 4 billion yuan in each of the last three years”',
    );
    const share = review({ '1.6': [77, 90, 100], '1.7': [60, 70, 69.996] }).findings.find((x) => x.check === '1.7' && x.status === 'fail')!;
    // 69.996% must not be shown as 70%.
    expect(share.messages['zh-CN']).toContain('69.996%');
  });
  it('no spam words from the corrupted source text anywhere in the product', () => {
    // Written as code points so that the words themselves appear nowhere in the tree, not even here.
    const brand = new RegExp(['\u5357\u5bab', '2' + '8NG', 'NG' + '28', '\u4fe1\u6258\u54c1\u724c'].join('|'));
    // Near-synonyms the spam put in place of official terms (发展, 标准, 负责, 规划, 核心, 撤销). 治理 stays: it is
    // official in criterion 8 (具有较强治理和服务能力).
    const swapped = new RegExp(['\u751f\u957f', '\u5c3a\u5ea6', '\u8ba4\u771f', '\u5984\u60f3', '\u7126\u70b9', '\u4f5c\u5e9f'].join('|'));
    for (const f of findings) expect(f.messages['zh-CN']).not.toMatch(swapped);
    const files: string[] = ['README.md', 'manifest.xml'];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx|mjs|js|json|md|html|xml)$/.test(n)) files.push(p);
      }
    };
    for (const d of ['src', 'rulebooks', 'docs', 'examples/data', 'scripts', 'bench', 'test']) walk(d);
    expect(files.length).toBeGreaterThan(50);
    for (const p of files) {
      const text = readFileSync(p, 'utf8');
      expect(text, p).not.toMatch(brand);
      // Product text (sources, rulebooks, docs, examples) uses the official terms only.
      if (!p.startsWith('test')) expect(text, p).not.toMatch(swapped);
    }
  });
});
