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
