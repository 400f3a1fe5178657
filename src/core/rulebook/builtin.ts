/** The built-in rulebook: the national 2022 edition, validated through the same loader as any province's file. */
import national2022 from '../../../rulebooks/national-2022.json';
import { loadRulebook, type LoadedRulebook } from './load.js';

let cached: LoadedRulebook | undefined;

export function nationalRulebook(): LoadedRulebook {
  return (cached ??= loadRulebook(national2022, 'built-in national-2022'));
}

