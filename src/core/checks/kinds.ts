/**
 * The rule-kind registry: each declarative rule kind of the rulebook maps to one pure implementation
 * (in the manner of HyperFormula's function plugins). Adding a kind means adding an entry here and to the schema.
 */
import type { Rule, RuleOf } from '../rulebook/schema.js';
import type { ParamValue } from '../types.js';
import { dedupFromLists, listDedupRule, listRule } from './lists.js';
import { evidenceRuleCheck, planTargetsRule } from './plan.js';
import { boundValue, compare, empty, missCode, type Blocker, type Ctx, type Outcome, type RuleResult, type Val } from './context.js';

type Impl<K extends Rule['kind']> = (rule: RuleOf<K>, ctx: Ctx) => RuleResult;

const num = (v: Val & { ok: true }): number => v.value as number;
const nearlyEqualCount = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function seriesYears(ctx: Ctx, code: string): number[] | Blocker {
  const years = ctx.dataYears();
  return years ?? { indicator: code, reason: 'no-years' };
}

const compareRule: Impl<'compare'> = (rule, ctx) => {
  const res = empty();
  const bound = boundValue(rule.bound, ctx.rb);
  const judge = (value: number, where: { indicator?: string; year?: number; cells: string[] }, unit: string | null, extra?: Record<string, ParamValue>) => {
    const ok = compare(value, rule.op, bound);
    const params: Record<string, ParamValue> = { value, op: rule.op, bound, unit };
    if (extra) Object.assign(params, extra);
    res.outcomes.push({
      status: ok ? 'pass' : rule.onFail,
      code: ok ? 'meets-bound' : missCode(rule.op),
      indicator: where.indicator,
      year: where.year,
      cells: where.cells,
      params,
    });
    return ok;
  };
  const q = rule.of;
  if ('indicator' in q) {
    const ind = ctx.rb.indicators.get(q.indicator)!;
    const unit = ctx.unit(q.indicator);
    if (ind.series) {
      const years = seriesYears(ctx, q.indicator);
      if (!Array.isArray(years)) return { outcomes: [], blocked: [years] };
      for (const y of rule.years === 'each' ? years : years.slice(-1)) {
        const v = ctx.get(q.indicator, y);
        if (!v.ok) res.blocked.push(v.blocker);
        else judge(num(v), { indicator: q.indicator, year: y, cells: [v.cell] }, unit);
      }
    } else {
      const v = ctx.get(q.indicator);
      if (!v.ok) res.blocked.push(v.blocker);
      else judge(num(v), { indicator: q.indicator, cells: [v.cell] }, unit);
    }
    return res;
  }
  const codes = 'sum' in q ? q.sum : q.elseSum;
  const parts = codes.map((c) => ctx.get(c));
  const unit = ctx.unit(codes[0]!);
  const partsOk = parts.every((p) => p.ok);
  const partValues = parts.map((p) => (p.ok ? num(p) : 0));
  const sum = partValues.reduce((a, b) => a + b, 0);
  const partCells = parts.flatMap((p) => (p.ok ? [p.cell] : []));
  if ('total' in q) {
    const t = ctx.get(q.total);
    // Where the lists are read, they say how many distinct enterprises there are: a stated total is used only when
    // it agrees with them (a disagreement is the list-dedup check's finding), else the lists' own count.
    const fromLists = dedupFromLists(ctx, q.total);
    if (fromLists) {
      if (t.ok && nearlyEqualCount(num(t), fromLists.computed)) judge(num(t), { indicator: q.total, cells: [t.cell] }, unit, { source: 'total', parts: codes });
      else judge(fromLists.computed, { indicator: q.total, cells: t.ok ? [t.cell] : partCells }, unit, { source: 'lists', parts: codes, ranges: fromLists.ranges });
      return res;
    }
    // A deduplicated total is trusted only when it is consistent with its parts (or they cannot be checked).
    const consistent = t.ok && (!partsOk || (num(t) >= Math.max(...partValues) && num(t) <= sum));
    if (t.ok && consistent) {
      judge(num(t), { indicator: q.total, cells: [t.cell] }, unit, { source: 'total', parts: codes });
      return res;
    }
  }
  if (!partsOk) return { outcomes: [], blocked: parts.flatMap((p) => (p.ok ? [] : [p.blocker])) };
  const passed = judge(sum, { cells: partCells }, unit, { source: 'sum', parts: codes });
  if (passed && 'total' in q)
    res.outcomes.push({
      status: 'warn',
      code: 'possible-double-count',
      indicator: q.total,
      cells: partCells,
      params: { value: sum, parts: codes, total: q.total, unit },
    });
  return res;
};

const yesRequired: Impl<'yes-required'> = (rule, ctx) => {
  const v = ctx.get(rule.indicator);
  if (!v.ok) return { outcomes: [], blocked: [v.blocker] };
  const res = empty();
  const yes = v.value === true;
  res.outcomes.push({
    status: yes ? 'pass' : rule.onFail,
    code: yes ? 'answered-yes' : 'answered-no',
    indicator: rule.indicator,
    cells: [v.cell],
    params: { answer: yes },
  });
  // What the answer brings with it (B9 是: its year B18 and document B19): the rows required when it is 是, as typed.
  if (yes) {
    const related = ctx.rb.data.indicators
      .filter((i) => i.requiredIf?.indicator === rule.indicator && i.requiredIf.equals === true)
      .flatMap((i) => {
        const x = ctx.get(i.code);
        return x.ok ? [{ indicator: i.code, value: x.value as string | number }] : [];
      });
    if (related.length) res.outcomes[0]!.params.related = related;
  }
  if (yes && rule.detail) {
    const d = ctx.get(rule.detail);
    if (!d.ok && (d.blocker.reason === 'blank' || d.blocker.reason === 'no-row'))
      res.outcomes.push({
        status: 'warn',
        code: 'yes-without-detail',
        indicator: rule.detail,
        cells: d.blocker.cell ? [d.blocker.cell] : [],
        params: { answered: rule.indicator, detail: rule.detail },
      });
  }
  return res;
};

const veto: Impl<'veto'> = (rule, ctx) => {
  const v = ctx.get(rule.indicator);
  if (!v.ok) return { outcomes: [], blocked: [v.blocker] };
  const yes = v.value === true;
  return {
    outcomes: [
      {
        status: yes ? 'veto' : 'pass',
        code: yes ? 'veto-answered-yes' : 'veto-answered-no',
        indicator: rule.indicator,
        cells: [v.cell],
        params: { answer: yes },
      },
    ],
    blocked: [],
  };
};

const review: Impl<'review'> = (rule, ctx) => {
  const v = ctx.get(rule.indicator);
  if (!v.ok) return { outcomes: [], blocked: [v.blocker] };
  const text = String(v.value);
  return {
    outcomes: [
      {
        status: 'review',
        code: 'needs-review',
        indicator: rule.indicator,
        cells: [v.cell],
        params: { text: text.length > 60 ? `${text.slice(0, 59)}…` : text },
      },
    ],
    blocked: [],
  };
};

/** The applicant's own figure for a derived indicator, compared with the recomputation. */
function derivedMismatch(ctx: Ctx, code: string | undefined, computed: number, tolerance: number, from: string[]): Outcome[] {
  if (!code) return [];
  const d = ctx.get(code);
  if (!d.ok || Math.abs(num(d) - computed) <= tolerance + 1e-12) return [];
  return [
    {
      status: 'warn',
      code: 'derived-mismatch',
      indicator: code,
      cells: [d.cell],
      params: { sheetValue: num(d), computed, unit: ctx.unit(code), from },
    },
  ];
}

const growth: Impl<'growth'> = (rule, ctx) => {
  const years = seriesYears(ctx, rule.indicator);
  if (!Array.isArray(years)) return { outcomes: [], blocked: [years] };
  const method = rule.method ?? ctx.rb.data.settings.growthMethod;
  const needed = method === 'compound' ? [years[0]!, years[years.length - 1]!] : years;
  const vals = needed.map((y) => ({ y, v: ctx.get(rule.indicator, y) }));
  const blocked = vals.flatMap(({ v }) => (v.ok ? [] : [v.blocker]));
  if (blocked.length) return { outcomes: [], blocked };
  const series = vals.map(({ y, v }) => ({ year: y, value: num(v as Val & { ok: true }), cell: (v as Val & { ok: true }).cell }));
  const cells = series.map((s) => s.cell);
  const indicator = rule.derived ?? rule.indicator;
  // Every base of a rate must be positive: (V[Y-1]/V[Y-3]) needs V[Y-3] > 0, each year-on-year rate its own base.
  const bases = method === 'compound' ? series.slice(0, 1) : series.slice(0, -1);
  const bad = bases.find((s) => s.value <= 0);
  if (bad)
    return {
      outcomes: [
        {
          status: 'invalid',
          code: 'growth-base-not-positive',
          indicator,
          year: bad.year,
          cells: [bad.cell],
          params: { value: bad.value, source: rule.indicator, method },
        },
      ],
      blocked: [],
    };
  const first = series[0]!;
  const last = series[series.length - 1]!;
  let g: number;
  if (method === 'compound') g = Math.pow(last.value / first.value, 1 / (years.length - 1)) - 1;
  else {
    const rates = series.slice(1).map((s, i) => s.value / series[i]!.value - 1);
    g = rates.reduce((a, b) => a + b, 0) / rates.length;
  }
  const ok = compare(g, rule.op, rule.bound);
  return {
    outcomes: [
      {
        status: ok ? 'pass' : 'fail',
        code: ok ? 'growth-meets-bound' : missCode(rule.op, 'growth-'),
        indicator,
        cells,
        params: {
          value: g,
          op: rule.op,
          bound: rule.bound,
          unit: '%',
          method,
          source: rule.indicator,
          sourceUnit: ctx.unit(rule.indicator),
          series: series.map((s) => ({ year: s.year, value: s.value })),
        },
      },
      ...derivedMismatch(ctx, rule.derived, g, rule.tolerance, [rule.indicator]),
    ],
    blocked: [],
  };
};

const share: Impl<'share'> = (rule, ctx) => {
  const years = seriesYears(ctx, rule.part);
  if (!Array.isArray(years)) return { outcomes: [], blocked: [years] };
  const res = empty();
  const latest = years[years.length - 1]!;
  for (const y of years) {
    const isLatest = y === latest;
    const p = ctx.get(rule.part, y);
    const w = ctx.get(rule.whole, y);
    if (!p.ok || !w.ok) {
      // Earlier years only add warnings; what blocks them is already reported by the reader.
      if (isLatest) res.blocked.push(...[p, w].flatMap((v) => (v.ok ? [] : [v.blocker])));
      continue;
    }
    const part = num(p);
    const whole = num(w);
    const cells = [p.cell, w.cell];
    const push = (status: Outcome['status'], code: string, params: Outcome['params']) =>
      res.outcomes.push({ status, code, indicator: rule.part, year: y, cells, params });
    if (part > whole && !compare(part, '<=', whole)) {
      push('invalid', 'part-exceeds-whole', { part, whole, partIndicator: rule.part, wholeIndicator: rule.whole, unit: ctx.unit(rule.part) });
      continue;
    }
    if (whole <= 0) {
      if (isLatest) res.blocked.push({ indicator: rule.whole, year: y, cell: w.cell, reason: 'not-positive' });
      continue;
    }
    const value = part / whole;
    const ok = compare(value, rule.op, rule.bound);
    const params = { value, part, whole, op: rule.op, bound: rule.bound, unit: '%', sourceUnit: ctx.unit(rule.part), partIndicator: rule.part, wholeIndicator: rule.whole, latest: isLatest };
    if (isLatest) push(ok ? 'pass' : 'fail', ok ? 'share-meets-bound' : missCode(rule.op, 'share-'), params);
    else if (!ok && rule.earlierYears === 'warn') push('warn', missCode(rule.op, 'share-'), params);
  }
  return res;
};

const ratio: Impl<'ratio'> = (rule, ctx) => {
  const n = ctx.get(rule.numerator);
  const d = ctx.get(rule.denominator);
  const blocked = [n, d].flatMap((v) => (v.ok ? [] : [v.blocker]));
  if (!n.ok || !d.ok) return { outcomes: [], blocked };
  if (num(d) <= 0) return { outcomes: [], blocked: [{ indicator: rule.denominator, cell: d.cell, reason: 'not-positive' }] };
  const value = (num(n) / num(d)) * rule.scale;
  const ok = compare(value, rule.op, rule.bound);
  const indicator = rule.derived ?? rule.numerator;
  const years = ctx.dataYears();
  return {
    outcomes: [
      {
        status: ok ? 'pass' : 'fail',
        code: ok ? 'ratio-meets-bound' : missCode(rule.op, 'ratio-'),
        indicator,
        cells: [n.cell, d.cell],
        params: {
          value,
          op: rule.op,
          bound: rule.bound,
          unit: ctx.unit(indicator),
          numerator: num(n),
          denominator: num(d),
          numeratorIndicator: rule.numerator,
          denominatorIndicator: rule.denominator,
          scale: rule.scale,
          year: years ? years[years.length - 1]! : null,
        },
      },
      ...derivedMismatch(ctx, rule.derived, value, rule.tolerance, [rule.numerator, rule.denominator]),
    ],
    blocked: [],
  };
};

const trend: Impl<'trend'> = (rule, ctx) => {
  const years = seriesYears(ctx, rule.indicator);
  if (!Array.isArray(years)) return { outcomes: [], blocked: [years] };
  const needed = rule.shape === 'rising' ? [years[0]!, years[years.length - 1]!] : years;
  const vals = needed.map((y) => ({ y, v: ctx.get(rule.indicator, y) }));
  const blocked = vals.flatMap(({ v }) => (v.ok ? [] : [v.blocker]));
  if (blocked.length) return { outcomes: [], blocked };
  const series = vals.map(({ y, v }) => ({ year: y, value: num(v as Val & { ok: true }), cell: (v as Val & { ok: true }).cell }));
  const first = series[0]!;
  const last = series[series.length - 1]!;
  let offending: number[] = [];
  let ok: boolean;
  let code: string;
  if (rule.shape === 'strictly-decreasing') {
    offending = series.slice(1).filter((s, i) => !compare(s.value, '<', series[i]!.value)).map((s) => s.year);
    ok = offending.length === 0;
    code = 'not-strictly-decreasing';
  } else if (rule.shape === 'non-decreasing-with-rise') {
    offending = series.slice(1).filter((s, i) => compare(s.value, '<', series[i]!.value)).map((s) => s.year);
    ok = offending.length === 0 && compare(last.value, '>', first.value);
    code = 'not-steadily-rising';
  } else {
    ok = compare(last.value, '>', first.value);
    code = 'not-rising';
  }
  return {
    outcomes: [
      {
        status: ok ? 'pass' : rule.onFail,
        code: ok ? 'trend-met' : code,
        indicator: rule.indicator,
        cells: series.map((s) => s.cell),
        params: { shape: rule.shape, unit: ctx.unit(rule.indicator), series: series.map((s) => ({ year: s.year, value: s.value })), offendingYears: offending },
      },
    ],
    blocked: [],
  };
};

const compareIndicators: Impl<'compare-indicators'> = (rule, ctx) => {
  const l = ctx.get(rule.left);
  const r = ctx.get(rule.right);
  if (!l.ok || !r.ok) return { outcomes: [], blocked: [l, r].flatMap((v) => (v.ok ? [] : [v.blocker])) };
  const ok = compare(num(l), rule.op, num(r));
  return {
    outcomes: [
      {
        status: ok ? 'pass' : rule.onFail,
        code: ok ? 'benchmark-met' : 'benchmark-not-met',
        indicator: rule.right,
        cells: [l.cell, r.cell],
        params: { left: num(l), right: num(r), op: rule.op, leftIndicator: rule.left, rightIndicator: rule.right },
      },
    ],
    blocked: [],
  };
};

const consistencyBounds: Impl<'consistency-bounds'> = (rule, ctx) => {
  const t = ctx.get(rule.total);
  if (!t.ok) {
    if (t.blocker.reason === 'blank' || t.blocker.reason === 'no-row')
      return {
        outcomes: [{ status: 'na', code: 'not-applicable', indicator: rule.total, cells: t.blocker.cell ? [t.blocker.cell] : [], params: { reason: 'blank-optional', indicator: rule.total } }],
        blocked: [],
      };
    return { outcomes: [], blocked: [t.blocker] };
  }
  const parts = rule.parts.map((c) => ctx.get(c));
  const blocked = parts.flatMap((p) => (p.ok ? [] : [p.blocker]));
  if (blocked.length) return { outcomes: [], blocked };
  const values = parts.map((p) => num(p as Val & { ok: true }));
  const min = Math.max(...values);
  const max = values.reduce((a, b) => a + b, 0);
  const value = num(t);
  const ok = compare(value, '>=', min) && compare(value, '<=', max);
  return {
    outcomes: [
      {
        status: ok ? 'pass' : 'invalid',
        code: ok ? 'consistent' : 'dedup-out-of-bounds',
        indicator: rule.total,
        cells: [t.cell, ...parts.map((p) => (p as Val & { ok: true }).cell)],
        params: { value, min, max, parts: rule.parts, unit: ctx.unit(rule.total) },
      },
    ],
    blocked: [],
  };
};

const conditional: Impl<'conditional'> = (rule, ctx) => {
  const w = ctx.get(rule.when.indicator);
  if (!w.ok) return { outcomes: [], blocked: [w.blocker] };
  if (w.value !== rule.when.equals)
    return {
      outcomes: [{ status: 'na', code: 'not-applicable', indicator: rule.when.indicator, cells: [w.cell], params: { reason: 'condition', indicator: rule.when.indicator, answer: w.value as boolean } }],
      blocked: [],
    };
  return evaluateRule(rule.then, ctx);
};

/** Passes when any branch passes; fails only when every branch has been judged and none passes. */
const eitherOf: Impl<'either-of'> = (rule, ctx) => {
  const branches = rule.anyOf.map((r) => evaluateRule(r, ctx));
  const main = (b: RuleResult) => b.outcomes.find((o) => o.code !== 'possible-double-count');
  const passed = branches.filter((b) => b.blocked.length === 0 && main(b)?.status === 'pass');
  const summary = branches.map((b) => {
    const m = main(b);
    // Each branch names its indicator (a sum has none: its parts are in params), so messages can name it too.
    return m
      ? { code: m.code, status: m.status, indicator: m.indicator ?? null, params: m.params }
      : { code: 'not-evaluated', status: 'missing', indicator: null, params: { blockedBy: b.blocked.map((x) => x.indicator) } };
  });
  if (passed.length) {
    const clean = passed.find((b) => b.outcomes.length === 1) ?? passed[0]!;
    const index = branches.indexOf(clean);
    return {
      outcomes: [
        { status: 'pass', code: 'either-met', cells: main(clean)!.cells, params: { branch: index, branches: summary } },
        ...clean.outcomes.filter((o) => o.code === 'possible-double-count'),
      ],
      blocked: [],
    };
  }
  const blocked = branches.flatMap((b) => b.blocked);
  if (blocked.length) return { outcomes: [], blocked };
  return {
    outcomes: [{ status: 'fail', code: 'neither-met', cells: branches.flatMap((b) => b.outcomes.flatMap((o) => o.cells)), params: { branches: summary } }],
    blocked: [],
  };
};

const REGISTRY: { [K in Rule['kind']]: Impl<K> } = {
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
  return (REGISTRY[rule.kind] as Impl<typeof rule.kind>)(rule as never, ctx);
}

export const RULE_KINDS = Object.keys(REGISTRY) as Array<Rule['kind']>;
