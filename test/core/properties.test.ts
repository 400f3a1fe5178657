/**
 * Invariants, checked on generated sheets: row order and unknown rows do not change findings; random cell
 * contents never throw; a blank never passes; the report is deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewToReport, type RawCell, type RawValue, type Report } from '../../src/core/index.js';
import { rb } from '../support/review.js';
import { buildSnapshot, passingValues, type Values } from '../support/sheet.js';

const rawValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('  '),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 5000 }),
  fc.boolean(),
  fc.constantFrom('是', '否', '有', '无', 'Y', 'N', '√', '×', '45亿元', '4500万元', '75%', '1,234.5', '１２', '-3', '2.5'),
  fc.constantFrom('#DIV/0!', '#N/A', '#VALUE!'),
  fc.constantFrom('#DIV/0!', '#REF!').map((e) => ({ error: e })),
);
const rawCell: fc.Arbitrary<RawValue | RawCell> = fc.oneof(
  rawValue,
  fc.record({ value: rawValue, numberFormat: fc.constantFrom('0%', '0.0%', 'General', '0.00'), formula: fc.boolean() }),
);

/** Random values for a random subset of indicators, over the passing application. */
const application: fc.Arbitrary<Values> = fc
  .dictionary(fc.constantFrom(...rb.data.indicators.map((i) => i.code)), fc.oneof(rawCell, fc.array(rawCell, { minLength: 3, maxLength: 3 })), { maxKeys: 12 })
  .map((d) => ({ ...passingValues(), ...d }) as Values);

const essence = (r: Report) => r.findings.map((f) => [f.key, f.status]);
const isBlankCell = (c: RawCell | null | undefined) =>
  !c || c.value === null || (typeof c.value === 'string' && c.value.normalize('NFKC').trim() === '' && !c.formula);

describe('properties', () => {
  it('row order and unknown extra rows do not change findings', () => {
    fc.assert(
      fc.property(
        application,
        fc.array(fc.nat(), { minLength: 70, maxLength: 70 }),
        fc.array(fc.record({ after: fc.nat({ max: 62 }), label: fc.string({ maxLength: 6 }), v: rawValue }), { maxLength: 5 }),
        (values, keys, extras) => {
          const base = reviewToReport(buildSnapshot(rb, values), rb);
          const moved = reviewToReport(
            buildSnapshot(rb, values, {
              reorder: (rows) => rows.map((r, i) => ({ r, k: keys[i] ?? 0, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.r),
              extraRows: extras.map((e, i) => ({ after: e.after, cells: [`X${i}${e.label}`, e.label, '', e.v, e.v, e.v] })),
            }),
            rb,
          );
          expect(essence(moved)).toEqual(essence(base));
          expect(moved.verdict).toBe(base.verdict);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('random cell contents never throw, and a blank cell is never part of a pass', () => {
    fc.assert(
      fc.property(application, (values) => {
        const snap = buildSnapshot(rb, values);
        const report = reviewToReport(snap, rb);
        const blankCells = new Set<string>();
        snap.cells.forEach((row, r) =>
          row.forEach((c, col) => {
            if (r >= 2 && col >= 3 && col <= 5 && isBlankCell(c)) blankCells.add(`指标表!${'ABCDEF'[col]}${r + 1}`);
          }),
        );
        for (const f of report.findings)
          if (f.status === 'pass' || f.status === 'review' || f.status === 'veto')
            for (const cell of f.cells) expect(blankCells.has(cell), `${f.key} passes on blank ${cell}`).toBe(false);
        // Every blank input cell of a required indicator has its missing finding.
        const missing = new Set(report.findings.filter((f) => f.status === 'missing').flatMap((f) => f.cells));
        for (const f of report.findings) if (f.status === 'pass') expect(f.cells.some((c) => missing.has(c))).toBe(false);
        if (missing.size) expect(report.verdict).not.toBe('passed');
      }),
      { numRuns: 300 },
    );
  });

  it('the report is deterministic', () => {
    fc.assert(
      fc.property(application, (values) => {
        const a = reviewToReport(buildSnapshot(rb, values), rb);
        const b = reviewToReport(buildSnapshot(rb, values), rb);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 100 },
    );
  });

  it('random grids that are not indicator sheets never throw, never pass and say why', () => {
    fc.assert(
      fc.property(fc.array(fc.array(rawCell, { maxLength: 8 }), { maxLength: 20 }), (grid) => {
        const r = reviewToReport({ sheet: 'S', cells: grid.map((row) => row.map((c) => (c !== null && typeof c === 'object' && 'value' in c ? c : { value: c }))) }, rb);
        expect(r.verdict).not.toBe('passed');
        expect(r.counts.pass).toBe(0);
        // Nothing to check is itself a finding that blocks the verdict (no codes, or no data years, or blanks).
        expect(r.findings.some((f) => f.status === 'missing' || f.status === 'invalid')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
