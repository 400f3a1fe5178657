/** The committee round: records, the one reading of a score, the tally, score sheets and the committee's list. */
export * from '../sheet/score.js';
export * from './records.js';
export * from './tally.js';
export * from './record-sheet.js';
export * from './scoresheet.js';
export * from './rollup.js';
export * from './json.js';
export * from './summary.js';
export * from './papers.js';
export * from './record-check.js';
export * from './size.js';
export * from './tallied.js';
