/**
 * The rule-kind registry: each declarative rule kind of the rulebook maps to one pure implementation, each in its
 * own file under kinds/ named after the kind (in the manner of HyperFormula's function plugins). Adding a kind
 * means its file, an entry here and the schema; test/core/rule-kinds.test.ts holds the registry and the folder
 * to each other.
 */
import type { Rule } from '../rulebook/schema.js';
import type { Ctx, RuleResult } from './context.js';
import { compareRule } from './kinds/compare.js';
import { compareIndicators } from './kinds/compare-indicators.js';
import { conditional } from './kinds/conditional.js';
import { consistencyBounds } from './kinds/consistency-bounds.js';
import { eitherOf } from './kinds/either-of.js';
import { evidenceRuleCheck } from './kinds/evidence.js';
import { growth } from './kinds/growth.js';
import { listRule } from './kinds/list.js';
import { listDedupRule } from './kinds/list-dedup.js';
import { planTargetsRule } from './kinds/plan-targets.js';
import { ratio } from './kinds/ratio.js';
import { review } from './kinds/review.js';
import type { Impl } from './kinds/shared.js';
import { share } from './kinds/share.js';
import { trend } from './kinds/trend.js';
import { veto } from './kinds/veto.js';
import { yesRequired } from './kinds/yes-required.js';

export const REGISTRY: { readonly [K in Rule['kind']]: Impl<K> } = {
  compare: compareRule,
  'yes-required': yesRequired,
  veto,
  review,
  growth,
  share,
  ratio,
  trend,
  'compare-indicators': compareIndicators,
  'consistency-bounds': consistencyBounds,
  list: listRule,
  'list-dedup': listDedupRule,
  'plan-targets': planTargetsRule,
  evidence: evidenceRuleCheck,
  conditional,
  'either-of': eitherOf,
};

export function evaluateRule(rule: Rule, ctx: Ctx): RuleResult {
  return (REGISTRY[rule.kind] as Impl<typeof rule.kind>)(rule as never, ctx, evaluateRule);
}

export const RULE_KINDS = Object.keys(REGISTRY) as Array<Rule['kind']>;
