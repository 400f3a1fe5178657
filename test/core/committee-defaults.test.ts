/**
 * The committee defaults, said honestly (issue 19 item 3): the Measures set no scores; weights, cut line and the
 * combination rule are the province's. The defaults are what provincial panels practise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committeeSize, loadRulebook, RECOMMENDED_EXPERTS, rulebookWarnings, scoresheetModels, summaryModel, tally, tallyModels, type LoadedRulebook } from '../../src/core/index.js';
import { passingLists, reviewWithLists } from '../support/lists.js';
import { rb } from '../support/review.js';
import { testRound } from '../support/round.js';
import { nationalCopy } from '../support/rulebooks.js';

const SAID = '分值及推荐分数线由本省设定（本工具默认值），认定标准未规定分值';
const yunnan = loadRulebook(JSON.parse(readFileSync('rulebooks/yunnan-2023.json', 'utf8')));
const texts = (rulebook: LoadedRulebook) => {
  const report = reviewWithLists(passingLists(rulebook), undefined, rulebook).report;
  return summaryModel({ report, rb: rulebook, lang: 'zh-CN' }).model.cells.map((c) => String(c.value ?? ''));
};

describe('committee defaults', () => {
  it('at least 3 experts counted, the trimmed mean from 5 totals up, 5 experts recommended', () => {
    const data = nationalCopy();
    const scoring = data.scoring as Record<string, unknown>;
    delete scoring.combine;
    delete scoring.trimmedMinimum;
    delete scoring.minimumExperts;
    const s = loadRulebook(data).data.scoring;
    expect([s.combine, s.trimmedMinimum, s.minimumExperts, s.recommendedExperts ?? RECOMMENDED_EXPERTS]).toEqual(['trimmed-mean', 5, 3, 5]);
    // The Yunnan example no longer drops silently to one expert.
    expect(yunnan.data.scoring.minimumExperts).toBe(3);
  });
  it('every summary showing weights or the cut line says they are the province’s (the tool’s defaults), unless the rulebook sets its own', () => {
    expect(texts(rb).some((x) => x.includes(SAID))).toBe(true);
    expect(texts(yunnan).some((x) => x.includes(SAID))).toBe(true);
    const own = nationalCopy();
    (own.scoring as Record<string, unknown>).setByProvince = true;
    expect(texts(loadRulebook(own)).some((x) => x.includes(SAID))).toBe(false);
  });
  it('a minimum below 3 experts is warned about', () => {
    const low = nationalCopy();
    (low.scoring as Record<string, unknown>).minimumExperts = 1;
    expect(rulebookWarnings(loadRulebook(low).source, 'zh-CN')).toEqual(['最少计分专家数为1人，少于3人：评审结论仅凭一两位专家的评分，建议不少于3人']);
    const three = nationalCopy();
    (three.scoring as Record<string, unknown>).minimumExperts = 3;
    expect(rulebookWarnings(loadRulebook(three).source, 'zh-CN')).toEqual([]);
  });
});

describe('the committee size', () => {
  it('the national rulebook takes the defaults panels practise (trimmed mean from 5 totals, 3 experts counted)', () => {
    expect(rb.data.scoring).toMatchObject({ combine: 'trimmed-mean', trimmedMinimum: 5, minimumExperts: 3 });
    expect(rulebookWarnings(rb.source, 'zh-CN')).toEqual([]);
  });
  it('a round under the 5 experts panels practise is said, at 5 it is not; a rulebook may set its own size', () => {
    expect(committeeSize(4, rb)).toEqual({ code: 'small-committee', n: 4, recommended: 5 });
    expect(committeeSize(5, rb)).toBeNull();
    const three = nationalCopy();
    (three.scoring as Record<string, unknown>).recommendedExperts = 3;
    expect(committeeSize(3, loadRulebook(three))).toBeNull();
    expect(committeeSize(2, loadRulebook(three))).toMatchObject({ n: 2, recommended: 3 });
  });
});

describe('the score sheets and the list say it too', () => {
  const round = testRound([{ id: 'a' }], ['甲', '乙', '丙']);
  it('an expert’s score sheet and the tally’s list', () => {
    const sheets = scoresheetModels(round, '甲', rb, 'zh-CN').sheets;
    expect(sheets.some((s) => s.cells.some((c) => String(c.value ?? '').includes(SAID)))).toBe(true);
    const result = tally(round, [], [], rb, { time: 't1' });
    const list = tallyModels(result, rb, 'zh-CN')[0]!;
    expect(list.cells.some((c) => String(c.value ?? '').includes(SAID))).toBe(true);
  });
});
