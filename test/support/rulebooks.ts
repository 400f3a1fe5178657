import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRulebook, type RulebookInput } from '../../src/core/index.js';

export const NATIONAL_2022: RulebookInput & Record<string, unknown> = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../rulebooks/national-2022.json', import.meta.url)), 'utf8'),
);

/** A deep copy of the national rulebook to edit in a test. */
export function nationalCopy(): RulebookInput & Record<string, unknown> {
  return structuredClone(NATIONAL_2022);
}

export { loadRulebook };

/**
 * The committee rule many mechanics tests were written for, as a province may set it: the plain mean, two experts'
 * totals counted. The national rulebook takes the defaults panels practise (trimmed mean from five totals, three
 * experts counted: test/core/committee-defaults.test.ts); a test about the tally's mechanics, not its defaults, sets
 * this rule explicitly so that its boundaries stay where the test puts them.
 */
export const MEAN_OF_TWO = { combine: 'mean', trimmedMinimum: 5, minimumExperts: 2 } as const;

/** The national rulebook with the committee rule of MEAN_OF_TWO. */
export function meanOfTwo(): RulebookInput & Record<string, unknown> {
  const data = nationalCopy();
  data.scoring = { ...data.scoring, ...MEAN_OF_TWO };
  return data;
}
