/**
 * Runs every check of the rulebook over the read inputs. A check whose inputs are unusable is either already
 * represented (the reader's missing/invalid finding carries this check's id) or gets one `not-evaluated`
 * finding (status missing or invalid, like what blocked it) naming what blocked it; so every check yields at
 * least one finding and every blank cell exactly one `missing` input finding.
 */
import type { LoadedRulebook } from '../rulebook/load.js';
import { primaryIndicator } from '../rulebook/load.js';
import type { FormLists } from '../sheet/lists.js';
import type { SheetInputs } from '../sheet/reader.js';
import { finding, type Finding } from '../types.js';
import { makeCtx, type Blocker } from './context.js';
import { evaluateRule } from './registry.js';

const key = (indicator: string, year?: number) => `${indicator}|${year ?? ''}`;

/** Checks of the name lists (and the plan and evidence sheets read with them): run only when the caller read the workbook's list sheets (see FormLists). */
const isListRule = (kind: string) => kind === 'list' || kind === 'list-dedup' || kind === 'plan-targets' || kind === 'evidence';

export function runChecks(rb: LoadedRulebook, inputs: SheetInputs, lists: FormLists | null = null): Finding[] {
  if (!inputs.layout) return [];
  const ctx = makeCtx(rb, inputs, lists);
  // Which check already speaks for an unusable input cell.
  const reported = new Map<string, string | undefined>();
  for (const f of inputs.findings)
    if (f.source === 'input' && f.indicator && (f.status === 'missing' || f.status === 'invalid')) reported.set(key(f.indicator, f.year), f.check);

  const findings: Finding[] = [];
  for (const check of rb.checks) {
    if (!lists && isListRule(check.rule.kind)) continue;
    const result = evaluateRule(check.rule, ctx);
    for (const o of result.outcomes)
      findings.push(finding(o.code, o.status, 'check', { check: check.id, indicator: o.indicator, year: o.year }, o.cells, o.params));
    const unreported: Blocker[] = [];
    const seen = new Set<string>();
    for (const b of result.blocked) {
      const k = key(b.indicator, b.year);
      if (seen.has(k)) continue;
      seen.add(k);
      const owner = reported.get(k);
      const covered = reported.has(k) && owner === check.id && (b.reason === 'blank' || b.reason === 'invalid' || b.reason === 'no-row');
      if (!covered) unreported.push(b);
    }
    if (unreported.length) {
      // A check that could not judge is not 不适用 (na is for conditions that do not hold): it is missing when
      // only blanks stopped it, else invalid, exactly as the inputs that stopped it.
      const status = unreported.every((b) => b.reason === 'blank' || b.reason === 'no-row') ? 'missing' : 'invalid';
      findings.push(
        finding(
          'not-evaluated',
          status,
          'check',
          { check: check.id, indicator: primaryIndicator(check.rule) },
          unreported.flatMap((b) => (b.cell ? [b.cell] : [])),
          { blockedBy: unreported.map((b) => ({ indicator: b.indicator, year: b.year ?? null, cell: b.cell ?? null, reason: b.reason })) },
        ),
      );
    }
  }
  return findings;
}
