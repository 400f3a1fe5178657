/**
 * `evidence`: the evidence index — not empty, every document named and coded, every code it names known (an
 * indicator, a check or a criterion), and every criterion the rule lists backed by at least one document.
 */
import type { RuleOf } from '../../rulebook/schema.js';
import type { Ctx, Outcome, RuleResult } from '../context.js';
import { settled } from './shared.js';

export function evidenceRuleCheck(rule: RuleOf<'evidence'>, ctx: Ctx): RuleResult {
  const out: Outcome[] = [];
  const index = ctx.lists?.evidence ?? null;
  if (!index) return settled({ status: 'missing', code: 'evidence-sheet-missing', cells: [], params: { sheet: rule.sheet } });
  if (!index.headerFound) return settled({ status: 'invalid', code: 'evidence-header-not-found', cells: [index.firstCell], params: { sheet: index.sheet } });
  if (!index.entries.length) return settled({ status: 'missing', code: 'evidence-empty', cells: [index.firstCell], params: { sheet: index.sheet } });
  const rb = ctx.rb;
  // A code names an indicator, a check (in force or not) or a criterion/group; each resolves to the criterion it backs.
  const criterionOf = new Map<string, string>();
  for (const g of [...rb.data.criteria, ...rb.data.groups]) criterionOf.set(g.id.toUpperCase(), g.id);
  for (const c of rb.source.checks) criterionOf.set(c.id.toUpperCase(), c.criterion);
  for (const i of rb.data.indicators) criterionOf.set(i.code.toUpperCase(), i.group);
  const covered = new Set<string>();
  let problems = 0;
  for (const e of index.entries) {
    if (e.name === null) {
      out.push({ status: 'missing', code: 'evidence-name-missing', cells: [e.cells.name], params: { sheet: index.sheet } });
      problems++;
    }
    if (!e.codes.length) {
      out.push({ status: 'missing', code: 'evidence-code-missing', cells: [e.cells.code], params: { name: e.name ?? '' } });
      problems++;
    }
    for (const code of e.codes) {
      const crit = criterionOf.get(code);
      if (crit === undefined) {
        out.push({ status: 'invalid', code: 'evidence-code-unknown', cells: [e.cells.code], params: { name: e.name ?? '', found: code } });
        problems++;
      } else covered.add(crit);
    }
  }
  for (const c of rule.criteria)
    if (!covered.has(c)) {
      out.push({ status: 'missing', code: 'evidence-criterion-uncovered', cells: [], params: { criterion: c } });
      problems++;
    }
  if (!problems) out.push({ status: 'pass', code: 'evidence-complete', cells: [], params: { sheet: index.sheet, documents: index.entries.length } });
  return { outcomes: out, blocked: [] };
}
