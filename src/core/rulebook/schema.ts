/**
 * The rulebook format. A rulebook is data: indicator definitions, checks written as declarative entries of a
 * small set of rule kinds, criteria with weights, and scoring settings. The national 2022 edition is one such
 * file; provinces write their own. Nothing in code holds a threshold.
 */
import { z } from 'zod';

export const LocalText = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalText = z.infer<typeof LocalText>;

/** Indicator codes: "B1", "1.6", "D9", or a province's own like "SH1" / "9.1". */
const IndicatorCode = z
  .string()
  .regex(/^[A-Z0-9]+(\.[A-Z0-9]+)*$/, 'an indicator code is letters/digits with optional dots, e.g. "1.6" or "B1"');

export const Op = z.enum(['>=', '>', '<=', '<']);
export type Op = z.infer<typeof Op>;

/** A bound is a number, or a reference to a rulebook setting (so the first-batch year is written once). */
export const Bound = z.union([z.number(), z.object({ setting: z.enum(['firstBatchYear']) }).strict()]);
export type Bound = z.infer<typeof Bound>;

/**
 * The kind of round a rulebook is for: a national recommendation round (a province recommends clusters to MIIT)
 * or a provincial recognition round (a province recognises its own clusters). A rulebook without `round` is for
 * a national round; entries marked `onlyInRound` are left out of other rounds (E2 and B9, the provincial
 * recognition a national application needs, mean nothing in a provincial round).
 */
export const RoundType = z.enum(['national-recommendation', 'provincial-recognition']);
export type RoundType = z.infer<typeof RoundType>;

const FailStatus = z.enum(['fail', 'warn', 'invalid']);
export type FailStatus = z.infer<typeof FailStatus>;

const IndicatorKind = z.enum(['text', 'yesno', 'number', 'integer', 'percent']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

export const Indicator = z
  .object({
    code: IndicatorCode,
    label: LocalText,
    /** Criterion or group this row belongs to: "B" (basic information), "1".."8", "D" (veto), or a province's own. */
    group: z.string().min(1),
    kind: IndicatorKind,
    /** Unit id from the core's unit table ("亿元", "万元", "家", "%", …); omitted for text and yes/no. */
    unit: z.string().min(1).optional(),
    /** Series indicators hold one value per data year (Y-3, Y-2, Y-1). */
    series: z.boolean().default(false),
    required: z.boolean().default(true),
    /** Required only when another yes/no indicator has this answer (e.g. 6.3 when 6.2 = 是). */
    requiredIf: z.object({ indicator: IndicatorCode, equals: z.boolean() }).strict().optional(),
    /** Computed by a check from other inputs; the sheet may show a formula, the check recomputes it. */
    derived: z.boolean().default(false),
    /** Valid input range (not a check): a value outside is `invalid`. */
    min: z.number().optional(),
    max: z.number().optional(),
    guidance: LocalText.optional(),
    /**
     * How a plan target of this figure is read (the three-year plan, monitoring R6, renewal): `better` — which way
     * the figure should move (absent: from the checks, else higher; `none` for a figure with no better side, such as
     * 1.5 占地面积); `period` — `three-year` for a count over the plan's three years (7.1), never one year's target.
     */
    plan: z
      .object({ better: z.enum(['higher', 'lower', 'none']).optional(), period: z.enum(['year', 'three-year']).optional() })
      .strict()
      .optional(),
    /** Only asked for in this kind of round (not shown, not required, not read in the other). */
    onlyInRound: RoundType.optional(),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

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
const SheetName = z
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

const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
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

export const Check = z
  .object({
    /** Catalogue check id: "E1", "1.7", "2.A", "D3". */
    id: z.string().min(1),
    /** "E" (eligibility), "1".."8" (criteria), "D" (veto), or a province's own criterion id. */
    criterion: z.string().min(1),
    title: LocalText,
    /** The requirement in official words; "{bound}" is replaced by the rule's bound with its unit. */
    requirement: LocalText.optional(),
    /**
     * The check validates an entry (e.g. 4.5 persons employed > 0, the denominator of 4.6) rather than a
     * requirement of the criteria: its messages say what the value must be and quote no requirement.
     */
    inputCheck: z.boolean().optional(),
    /** false switches the check off (kept in the file so it can be switched on again); absent means on. */
    enabled: z.boolean().optional(),
    /** Only evaluated in this kind of round. */
    onlyInRound: RoundType.optional(),
    rule: RuleSchema,
  })
  .strict();
export type Check = z.infer<typeof Check>;

/** Names an object inherits: ids are data, and a criterion called `__proto__` is refused (it would be a prototype, not a key, in every JSON reader). */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

const Criterion = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .refine((id) => !RESERVED_IDS.has(id), 'a criterion id may not be __proto__, constructor or prototype'),
    title: LocalText,
    /**
     * Maximum points an expert may give (the national standard sets none; this is the default rubric). Bounded so
     * sums and the sheet's formulas stay within Excel's numbers.
     */
    weight: z.number().positive().max(1_000_000),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

/**
 * A name list of the application form, on its own sheet (龙头企业, 专精特新中小企业, 创新平台, …): one row per
 * enterprise or platform with its name, 统一社会信用代码, level and year. The template builds the sheet from this.
 */
export const NameList = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a list id is lower-case letters, digits and hyphens'),
    /** The sheet's name (Excel allows 31 characters and none of : \ / ? * [ ]). */
    sheet: z
      .string()
      .min(1)
      .max(31)
      .regex(/^[^:\\/?*[\]]+$/, 'a sheet name has none of : \\ / ? * [ ]'),
    title: LocalText,
    /** Enterprises, or platforms (whose credit code is that of the organisation running the platform). */
    entity: z.enum(['enterprise', 'platform']).default('enterprise'),
    /** The levels an entry may have (国家级, 省级, …): the template offers them, another level is a warning. */
    levels: z.array(z.string().min(1)).min(1),
    /** Input rows the template provides. */
    rows: z.number().int().min(1).max(2000).default(50),
    /**
     * Columns an entry may leave blank: a 龙头企业 is no recognised title, so its 级别 and 认定年份 are optional.
     * Absent: every column is required.
     */
    optional: z.array(z.enum(['level', 'year'])).optional(),
    /**
     * Levels the count of the list's indicator takes in (the national 2.1 counts 国家级 单项冠军 only): an entry of
     * another listed level is shown, said and not counted. Absent: every level counts.
     */
    countedLevels: z.array(z.string().min(1)).min(1).optional(),
    /**
     * Years a title stays valid from its 认定年份 (专精特新中小企业, 高新技术企业 …: 3): an entry whose year plus this is
     * before the application year is a warning naming it. Absent: titles are not dated.
     */
    validityYears: z.number().int().positive().max(100).optional(),
  })
  .strict();
export type NameList = z.infer<typeof NameList>;

/** What a document column can show besides an application's own text (see `papers`). */
export const PAPER_FIELDS = ['no', 'cluster', 'place', 'leadingIndustry', 'nicheSector', 'unit', 'score', 'rank'] as const;
export type PaperField = (typeof PAPER_FIELDS)[number];

export const RulebookSchema = z
  .object({
    format: z.literal('cluster-review/rulebook@1'),
    // The id names the kit's files (`rulebook/<id>.json`): bounded so every such name fits a file system (255 bytes).
    id: z.string().max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens'),
    name: LocalText,
    edition: z.string().min(1),
    authority: LocalText,
    basedOn: z.string().optional(),
    /** What the rulebook is and where its figures come from, for the people who choose it. */
    description: LocalText.optional(),
    /** Absent: a national recommendation round (kept optional so existing rulebooks keep their fingerprints). */
    round: RoundType.optional(),
    settings: z
      .object({
        /**
         * Applications up to this year are the first batch: no provincial recognition needed (E2). Required in a
         * national round (the loader says so); a provincial round has no first batch.
         */
        firstBatchYear: z.number().int().optional(),
        growthMethod: z.enum(['compound', 'arithmetic']).default('compound'),
        /** Annual monitoring deadline, "MM-DD" (04-30 under the 2022 Measures; 03-31 in later notices). */
        monitoringDeadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'write the deadline as MM-DD'),
        /**
         * The deadline by recognition batch (4月30日 for the 2022–2023 batches, 3月31日 from the 2024 batch): the
         * last row whose `fromBatch` is not after the cluster's recognition year applies; absent, or the batch
         * unknown, `monitoringDeadline`.
         */
        monitoringDeadlines: z
          .array(
            z
              .object({
                fromBatch: z.number().int().min(2000).max(2100),
                deadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'write the deadline as MM-DD'),
              })
              .strict(),
          )
          .optional(),
        validityYears: z.number().int().positive().default(3),
        /** Which indicators identify the cluster; applicationYear sets the data years. */
        identity: z
          .object({
            name: IndicatorCode,
            province: IndicatorCode,
            county: IndicatorCode,
            leadingIndustry: IndicatorCode,
            nicheSector: IndicatorCode,
            applicationYear: IndicatorCode,
          })
          .strict(),
      })
      .strict(),
    indicators: z.array(Indicator).min(1),
    /** Name lists of the application form (absent in rulebooks made before them: no list sheets, no list checks). */
    lists: z.array(NameList).optional(),
    checks: z.array(Check).min(1),
    criteria: z.array(Criterion).min(1),
    groups: z
      .array(z.object({ id: z.string().min(1), title: LocalText }).strict())
      .default([]),
    scoring: z
      .object({
        /** An item whose spread (max − min) exceeds this share of its weight is flagged 待讨论. */
        spreadShare: z.number().min(0).max(1),
        recommendation: z
          .object({ verdict: z.enum(['passed']), minMeanTotal: z.number().nonnegative() })
          .strict(),
        /**
         * How a committee's scores combine (each expert's total, and each criterion): the mean; the trimmed mean
         * (one highest and one lowest dropped, when at least `trimmedMinimum` scores); or the median.
         */
        // Defaults are what provincial panels practise (the Measures set no scores): 去掉一个最高分和一个最低分 from
        // five totals up (the plain mean below), at least three experts' totals counted, five experts recommended.
        combine: z.enum(['mean', 'trimmed-mean', 'median']).default('trimmed-mean'),
        trimmedMinimum: z.number().int().min(3).default(5),
        /** Fewer experts' complete totals than this: the application stays pending. */
        minimumExperts: z.number().int().min(1).default(3),
        /**
         * The committee size panels practise (absent: 5): a round with fewer experts is said, not refused. Optional
         * without a default, so rulebooks that leave it out keep their fingerprints.
         */
        recommendedExperts: z.number().int().min(1).optional(),
        /**
         * The province has set the weights and the cut line itself: absent (false), every sheet showing them says they
         * are the tool's defaults, the recognition criteria setting no scores.
         */
        setByProvince: z.boolean().optional(),
        /** 推荐名额: how many applications a round may recommend; `--quota` overrides it; absent = no cap. */
        recommendations: z.number().int().nonnegative().optional(),
      })
      .strict(),
    /**
     * The round's documents (docs/RULEBOOK.md "papers"): the columns of the 推荐汇总表 sent to the ministry; absent,
     * the national recommendation list's (序号, 集群名称, 所在地区, 主导产业, 细分领域, 集群运营管理机构, 推荐单位).
     * Absent keeps a rulebook's fingerprint as it was.
     */
    papers: z
      .object({
        recommendationColumns: z
          .array(
            z.union([
              z.object({ field: z.enum(PAPER_FIELDS) }).strict(),
              /** A text the application gives (its value in the indicator sheet), under this column title. */
              z.object({ indicator: IndicatorCode, title: LocalText }).strict(),
            ]),
          )
          .min(1)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();


export type RulebookInput = z.input<typeof RulebookSchema>;
export type Rulebook = z.infer<typeof RulebookSchema>;
