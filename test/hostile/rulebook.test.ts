/**
 * Hostile rulebooks through the library: problems are data with codes (`number-out-of-range`, `too-deep`), found
 * before zod runs, so Infinity is not "expected number, received number" and 100,000 levels do not overflow.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_RULEBOOK_DEPTH, validateRulebook } from '../../src/core/rulebook/load.js';

const national = () => JSON.parse(readFileSync('rulebooks/national-2022.json', 'utf8')) as any;

describe('hostile rulebooks are problems, not crashes', () => {
  it('Infinity and -Infinity (JSON 1e400, -1e400) are out of range, at their paths, in both languages', () => {
    const rb = national();
    rb.criteria[0].weight = JSON.parse('1e400');
    rb.scoring.spreadShare = JSON.parse('-1e400');
    const zh = validateRulebook(rb, 'zh-CN');
    expect(zh.ok).toBe(false);
    if (zh.ok) return;
    expect(zh.problems.map((p) => [p.code, p.path])).toEqual([
      ['number-out-of-range', '$.criteria[0].weight'],
      ['number-out-of-range', '$.scoring.spreadShare'],
    ]);
    expect(zh.problems[0]!.message).toContain('数值超出范围');
    const en = validateRulebook(rb, 'en-US');
    expect(!en.ok && en.problems[0]!.message).toContain('number out of range');
  });

  it.each([2_000, 100_000])('%i levels of nesting: one too-deep problem at the entry it starts in', (levels) => {
    const rb = national();
    let rule = rb.checks[2].rule;
    for (let i = 0; i < levels; i++) rule = { kind: 'either-of', anyOf: [rule] };
    rb.checks[2].rule = rule;
    const r = validateRulebook(rb, 'zh-CN');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'too-deep', path: '$.checks[2].rule.anyOf', check: rb.checks[2].id, params: { max: MAX_RULEBOOK_DEPTH } });
    expect(r.problems[0]!.message).toContain('嵌套过深');
  });

  it('the national edition is far from the depth limit', () => {
    expect(validateRulebook(national()).ok).toBe(true);
  });
});
