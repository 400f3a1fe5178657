/**
 * The rulebook format. A rulebook is data: indicator definitions, checks written as declarative entries of a
 * small set of rule kinds (their schemas in ./rules.ts), criteria with weights, scoring settings and the
 * provincial tier (市级推荐: each city's quota). The national 2022 edition is one such file; provinces write their
 * own. Nothing in code holds a threshold.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { IndicatorCode, RuleSchema, SheetName } from './rules.js';

export { Bound, FailStatus, Op, type Quantity, type Rule, type RuleKind, type RuleOf } from './rules.js';

export const LocalText = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalText = z.infer<typeof LocalText>;

/**
 * The kind of round a rulebook is for: a national recommendation round (a province recommends clusters to MIIT)
 * or a provincial recognition round (a province recognises its own clusters). A rulebook without `round` is for
 * a national round; entries marked `onlyInRound` are left out of other rounds (E2 and B9, the provincial
 * recognition a national application needs, mean nothing in a provincial round).
 */
export const RoundType = z.enum(['national-recommendation', 'provincial-recognition']);
export type RoundType = z.infer<typeof RoundType>;

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
    /**
     * What a text must look like (a contact's 手机: 11 digits beginning with 1; 邮箱: one @ and a dot in the domain):
     * a text that does not is a warning naming the row, never an error. Absent: any text.
     */
    format: z.enum(['mobile', 'email']).optional(),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;


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
    sheet: SheetName,
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

/** A city's name as a key: data, never an inherited name (see RESERVED_IDS). */
const CityName = z
  .string()
  .min(1)
  .max(64)
  .refine((name) => !RESERVED_IDS.has(name), 'a city may not be called __proto__, constructor or prototype');
/** A quota: how many applications a city may recommend (a whole number, 0 or more). */
const Quota = z.number().int().nonnegative().max(100_000);

export const CityRecommendation = z
  .object({
    quotas: z
      .object({
        /** Every city not named in `byCity`. */
        default: Quota,
        /** Cities with a quota of their own, by name as the form's 所在地级市 gives it ("昆明市"). */
        // JSON's own "__proto__" key is dropped by the record, never refused: it is refused here, before.
        byCity: z
          .unknown()
          .refine((v) => typeof v !== 'object' || v === null || !Object.keys(v).some((k) => RESERVED_IDS.has(k)), 'a city may not be called __proto__, constructor or prototype')
          .pipe(z.record(CityName, Quota))
          .optional(),
      })
      .strict(),
  })
  .strict();
export type CityRecommendation = z.infer<typeof CityRecommendation>;

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
            /** 所在地级市（州、盟）: the city a county applies through (the provincial tier's quotas count by it). */
            city: IndicatorCode.optional(),
          })
          .strict(),
      })
      .strict(),
    indicators: z.array(Indicator).min(1).max(LIMITS.rulebookIndicators),
    /** Name lists of the application form (absent in rulebooks made before them: no list sheets, no list checks). */
    lists: z.array(NameList).optional(),
    checks: z.array(Check).min(1).max(LIMITS.rulebookChecks),
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
     * 市级推荐: the counties apply through their 地级市（州、盟）, which pre-review and recommend within a quota (云南:
     * 昆明市 ≤ 3, the other 州市 ≤ 2). The roll-up and the committee list count each city's applications and flag a
     * city over its quota. Absent (the national edition: the Measures set no city quota): no city stage.
     */
    cityRecommendation: CityRecommendation.optional(),
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
