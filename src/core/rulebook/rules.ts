/**
 * The rule kinds of a rulebook's checks (compare, share, growth, list, plan-targets, …, and the two that nest:
 * conditional and either-of), written as declarative zod schemas, with the codes and bounds they are made of. The
 * rulebook as a whole (indicators, checks, criteria, settings, the provincial tier) is ./schema.ts.
 */
import { z } from 'zod';

/** Indicator codes: "B1", "1.6", "D9", or a province's own like "SH1" / "9.1". */
export const IndicatorCode = z
  .string()
  .regex(/^[A-Z0-9]+(\.[A-Z0-9]+)*$/, 'an indicator code is letters/digits with optional dots, e.g. "1.6" or "B1"');

export const Op = z.enum(['>=', '>', '<=', '<']);
export type Op = z.infer<typeof Op>;

/** A bound is a number, or a reference to a rulebook setting (so the first-batch year is written once). */
export const Bound = z.union([z.number(), z.object({ setting: z.enum(['firstBatchYear']) }).strict()]);
export type Bound = z.infer<typeof Bound>;

export const FailStatus = z.enum(['fail', 'warn', 'invalid']);
export type FailStatus = z.infer<typeof FailStatus>;

/** What a compare rule measures: one indicator, a sum, or a deduplicated total that falls back to a sum. */
const Quantity = z.union([
  z.object({ indicator: IndicatorCode }).strict(),
  z.object({ sum: z.array(IndicatorCode).min(2) }).strict(),
  z.object({ total: IndicatorCode, elseSum: z.array(IndicatorCode).min(2) }).strict(),
]);
export type Quantity = z.infer<typeof Quantity>;

const compare = z
  .object({
    kind: z.literal('compare'),
    of: Quantity,
    op: Op,
    bound: Bound,
    /** For series: "each" checks every data year, "latest" only Y-1. */
    years: z.enum(['each', 'latest']).default('latest'),
    onFail: FailStatus.default('fail'),
  })
  .strict();

const yesRequired = z
  .object({
    kind: z.literal('yes-required'),
    indicator: IndicatorCode,
    onFail: FailStatus.default('fail'),
    /** A text indicator that should be filled when the answer is 是 (8.1 → B7); blank gives a warning. */
    detail: IndicatorCode.optional(),
  })
  .strict();

const veto = z.object({ kind: z.literal('veto'), indicator: IndicatorCode }).strict();
const review = z.object({ kind: z.literal('review'), indicator: IndicatorCode }).strict();

const derivedCompare = {
  op: Op,
  bound: z.number(),
  /** Indicator row where the applicant may show the figure; a value off by more than `tolerance` gets a warning. */
  derived: IndicatorCode.optional(),
  tolerance: z.number().nonnegative().default(0),
};

const growth = z
  .object({
    kind: z.literal('growth'),
    indicator: IndicatorCode,
    /** Defaults to the rulebook's settings.growthMethod. */
    method: z.enum(['compound', 'arithmetic']).optional(),
    ...derivedCompare,
  })
  .strict();

const share = z
  .object({
    kind: z.literal('share'),
    part: IndicatorCode,
    whole: IndicatorCode,
    op: Op,
    /** A fraction: 0.7 means 70%. Range is checked with the other bounds, so all problems come back together. */
    bound: z.number(),
    /** What an earlier year that misses the bound gives. */
    earlierYears: z.enum(['warn', 'ignore']).default('warn'),
  })
  .strict();

const ratio = z
  .object({
    kind: z.literal('ratio'),
    numerator: IndicatorCode,
    denominator: IndicatorCode,
    scale: z.number().positive().default(1),
    ...derivedCompare,
  })
  .strict();

const trend = z
  .object({
    kind: z.literal('trend'),
    indicator: IndicatorCode,
    /**
     * strictly-decreasing: each year below the year before (持续下降);
     * non-decreasing-with-rise: no year below the year before, and the latest above the earliest (稳步提升);
     * rising: the latest above the earliest.
     */
    shape: z.enum(['strictly-decreasing', 'non-decreasing-with-rise', 'rising']),
    onFail: FailStatus.default('fail'),
  })
  .strict();

const compareIndicators = z
  .object({
    kind: z.literal('compare-indicators'),
    left: IndicatorCode,
    op: Op,
    right: IndicatorCode,
    onFail: FailStatus.default('fail'),
  })
  .strict();

const consistencyBounds = z
  .object({
    kind: z.literal('consistency-bounds'),
    /** A deduplicated total: it must lie between the largest part and the sum of the parts. */
    total: IndicatorCode,
    parts: z.array(IndicatorCode).min(2),
  })
  .strict();

/**
 * A name list (名单) checked against the count the indicator sheet states: every entry's 统一社会信用代码 is
 * validated, a code listed twice is reported, and `indicator` (when given) must equal the number of entries.
 */
const listRule = z
  .object({
    kind: z.literal('list'),
    /** The list's id in the rulebook's `lists`. */
    list: z.string().min(1),
    /** The count the indicator sheet states for this list (2.1, 4.2, …); absent for a list no count states. */
    indicator: IndicatorCode.optional(),
  })
  .strict();

/** A deduplicated total (2.6) computed from name lists by 统一社会信用代码 and compared with the stated figure. */
const listDedup = z
  .object({
    kind: z.literal('list-dedup'),
    lists: z.array(z.string().min(1)).min(2),
    indicator: IndicatorCode,
  })
  .strict();

/** A sheet name as Excel allows it (31 characters, none of : \ / ? * [ ]). */
export const SheetName = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^:\\/?*[\]]+$/, 'a sheet name has none of : \\ / ? * [ ]');

/**
 * The three-year plan's quantified targets (三年发展规划量化目标) on their own sheet: one row per indicator, one
 * column per plan year. The indicators are the figures the annual monitoring form reports beside their targets
 * (`planIndicators`), so the application's targets are the ones monitoring (R6) and renewal review compare.
 */
const planTargets = z
  .object({
    kind: z.literal('plan-targets'),
    sheet: SheetName,
    /** Plan years from the application year on (the validity years the monitoring forms report). */
    years: z.number().int().min(1).max(10).default(3),
    /** The indicators with a target; absent: every figure of the monitoring form. */
    indicators: z.array(IndicatorCode).min(1).optional(),
  })
  .strict();

/**
 * The index of supporting documents (佐证材料目录): rows of 序号, 材料名称, 对应指标, 页码/文件名, 备注. Each
 * criterion in `criteria` needs at least one document; every code named must be an indicator, check or criterion.
 */
const evidence = z
  .object({
    kind: z.literal('evidence'),
    sheet: SheetName,
    criteria: z.array(z.string().min(1)).min(1),
    /** Input rows the template provides. */
    rows: z.number().int().min(1).max(2000).default(40),
  })
  .strict();

export type Rule =
  | z.infer<typeof planTargets>
  | z.infer<typeof evidence>
  | z.infer<typeof listRule>
  | z.infer<typeof listDedup>
  | z.infer<typeof compare>
  | z.infer<typeof yesRequired>
  | z.infer<typeof veto>
  | z.infer<typeof review>
  | z.infer<typeof growth>
  | z.infer<typeof share>
  | z.infer<typeof ratio>
  | z.infer<typeof trend>
  | z.infer<typeof compareIndicators>
  | z.infer<typeof consistencyBounds>
  | { kind: 'conditional'; when: { indicator: string; equals: boolean }; then: Rule }
  | { kind: 'either-of'; anyOf: Rule[] };

export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

const conditional: z.ZodType<RuleOf<'conditional'>> = z.lazy(() =>
  z
    .object({
      kind: z.literal('conditional'),
      /** The rule applies only when this yes/no indicator has this answer; otherwise the check is `na`. */
      when: z.object({ indicator: IndicatorCode, equals: z.boolean() }).strict(),
      then: RuleSchema,
    })
    .strict(),
) as z.ZodType<RuleOf<'conditional'>>;

const eitherOf: z.ZodType<RuleOf<'either-of'>> = z.lazy(() =>
  z.object({ kind: z.literal('either-of'), anyOf: z.array(RuleSchema).min(2) }).strict(),
) as z.ZodType<RuleOf<'either-of'>>;

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    compare,
    yesRequired,
    veto,
    review,
    growth,
    share,
    ratio,
    trend,
    compareIndicators,
    consistencyBounds,
    listRule,
    listDedup,
    planTargets,
    evidence,
    conditional,
    eitherOf,
  ]),
) as z.ZodType<Rule>;
