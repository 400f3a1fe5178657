/** An edited rulebook never wears the national name (issue 19 item 4). */
import { describe, expect, it } from 'vitest';
import { loadRulebook, nationalIdentityWorn, revisedIdentity, type Rulebook } from '../../src/core/index.js';
import { rb as national } from '../support/review.js';
import { nationalCopy } from '../support/rulebooks.js';

/** The national edition with 1.6 lowered from 40 to 30 亿元, as an official would in the exported workbook. */
function edited(): Rulebook {
  const data = loadRulebook(nationalCopy()).source;
  const copy = structuredClone(data);
  const c = copy.checks.find((x) => x.id === '1.6')!;
  if (c.rule.kind === 'compare') c.rule.bound = 30;
  return copy;
}

describe('the national identity', () => {
  it('an edited copy that keeps the national id, name and issuer is caught; the national edition itself is not', () => {
    expect(nationalIdentityWorn(edited(), national)).toEqual(['id', 'name', 'authority']);
    expect(nationalIdentityWorn(national.source, national)).toEqual([]);
  });
  it('a province’s revision takes its own id, “（XX省修订）” and its SME authority', () => {
    const r = revisedIdentity(edited(), national, '浙江省');
    expect(r.id).toMatch(/^cn-miit-2022-rev-[0-9a-f]{8}$/);
    expect(r.name.zh).toBe('中小企业特色产业集群认定标准（2022年版）（浙江省修订）');
    expect(r.authority.zh).toBe('浙江省中小企业主管部门');
    expect(nationalIdentityWorn(r, national)).toEqual([]);
    // It loads, with a fingerprint of its own.
    expect(loadRulebook(r).fingerprint).not.toBe(national.fingerprint);
  });
});
