import * as z from "zod";
import { SourceSpan } from "./diagnostic.js";
import { EntryId, OccurrenceId, RequirementId, TaskId, UnitId } from "./ids.js";
import { Role } from "./plan.js";
import { ScheduleRuleKindSchema } from "./schedule.js";
import { UnitKind } from "./unit.js";

/**
 * 分值（可带两位小数）。计算时换算为百分之一分的整数，结果精确。
 * Points, with up to two decimals; scoring works in integer hundredths, so results are exact.
 * @category Scoring
 * @example
 * Points.parse(2.5);
 */
export const Points = z.number().min(-100000).max(100000).meta({ id: "Points", title: "分值", description: "Points, at most two decimals." });
/** @category Scoring */
export type Points = z.infer<typeof Points>;

const Key = z.string().min(1).max(128);
const phrase = z.string().optional().meta({ description: "评分标准中这一条的原文 / this clause's wording in the published rules" });
const source = SourceSpan.optional().meta({ description: "读自考核细则表格或文字时的原文位置 / where it was read from, when drafted from a criteria table or text" });
const clauseCap = Points.optional().meta({ description: "本条累计扣分不超过 / the most this clause deducts in all" });

/**
 * 舍入方式：`half_up` 四舍五入（.5 进位，远离零）、`half_even` 银行家舍入（.5 取偶）、`half_down` 五舍六入（.5 舍去）、
 * `down` 截尾（向零）、`up` 进一（远离零）。Rounding modes, declared by the scheme: half away from zero,
 * half to even, half towards zero, truncate, and round away from zero.
 * @category Scoring
 * @example
 * Rounding.parse("half_even");
 */
export const Rounding = z.enum(["half_up", "half_even", "half_down", "down", "up"]).meta({ id: "Rounding", title: "舍入方式" });
/** @category Scoring */
export type Rounding = z.infer<typeof Rounding>;

/**
 * 指标适用的单位：点名的单位、某些类别的单位、在关联任务中有某些角色的单位（默认牵头和责任，确定的）。
 * 三者都未给出时适用于矩阵中的全部单位。责任单位可按 `responsibleShare`（百分比）承担扣分。
 * Who an indicator applies to: named units, units of some kinds, and units with a role in the
 * tied tasks (lead and responsible by default, definite cells only). With none of the three, all
 * units of the matrix. A responsible (not lead) unit bears `responsibleShare` percent of deductions.
 *
 * @category Scoring
 * @example
 * AppliesTo.parse({ taskIds: ["wuzhi-2024.t23"], roles: ["lead", "responsible"], responsibleShare: 50 });
 */
export const AppliesTo = z
  .strictObject({
    taskIds: z.array(TaskId).optional(),
    roles: z.array(Role).optional(),
    responsibleShare: z.int().min(0).max(100).optional(),
    includeCandidates: z.boolean().optional(),
    units: z.array(UnitId).optional(),
    kinds: z.array(UnitKind).optional(),
  })
  .meta({ id: "AppliesTo", title: "适用单位" });
/** @category Scoring */
export type AppliesTo = z.infer<typeof AppliesTo>;

/**
 * 评分方法：评分标准中的一条（按 `kind` 区分）。一个指标可以有多条，扣分相加后共用指标的下限；可以扣多次的条目
 * 可用 `cap` 限定本条累计扣分（“每少一次扣0.3分，累计扣分不超过1.2分”）。
 * One scoring clause of an indicator, by `kind`; an indicator's clauses add up against its one
 * floor. A clause that can deduct repeatedly may cap its own total (`cap`).
 *
 * | kind | 评分标准的写法 | 台账事实 |
 * |---|---|---|
 * | `occurrences` | 每季度一次，少1次扣2分；逾期完成扣1分，每逾期一周再扣1分；每少一次扣2分；否则不得分 | `done` / `held`（针对工作安排的时间节点） |
 * | `incidents` | 每发现一起扣1分；迟报一次扣0.5分 | `incident`（`tag`，`count` 起） |
 * | `condition` | 制度不健全的扣3分（有此情形即扣一次） | `incident`（`tag`） |
 * | `tier` | 按最重的一种情形扣分 | `incident`（`tag`） |
 * | `count` | 不少于3次，每少一次扣0.5分；少于2次的扣2分（与工作安排的日期无关） | `measure`（次数）或 `held`/`done`（计次） |
 * | `rate` | 不低于95%，每低一个百分点扣1分；不高于5%；每低10个百分点扣1分；低于全省平均的扣分 | `measure`（比率，或分子、分母两个数） |
 * | `trend` | 上升的扣5分；未下降的扣5分 | 本年和上年的 `measure` |
 * | `rectification` | 逾期未整改每个扣4分，逾期整改扣2分 | `problem`、`rectified` |
 *
 * @category Scoring
 * @example
 * ScoringMethod.parse({ kind: "condition", tag: "制度不健全", points: 3, phrase: "制度不健全的扣3分" });
 * ScoringMethod.parse({ kind: "rate", metric: "参与协商比率", bound: "at_least", target: 95, per: 1 });
 */
export const ScoringMethod = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("occurrences"),
      requirementIds: z.array(RequirementId).optional(),
      ruleKinds: z.array(ScheduleRuleKindSchema).optional(),
      perMissing: Points,
      perLate: Points.optional(),
      latePer: z.strictObject({ unit: z.enum(["day", "week", "month"]), points: Points }).optional(),
      perShort: Points.optional(),
      allOrNothing: z.boolean().optional(),
      phrase,
      source,
      cap: clauseCap,
    }),
    z.strictObject({ kind: z.literal("incidents"), tag: Key, per: Points, phrase, source, cap: clauseCap }),
    z.strictObject({ kind: z.literal("condition"), tag: Key, points: Points, phrase, source }),
    z.strictObject({ kind: z.literal("tier"), tiers: z.array(z.strictObject({ tag: Key, name: z.string(), deduct: Points })).min(1), phrase, source }),
    z.strictObject({
      kind: z.literal("count"),
      atLeast: z.int().min(1).max(1000000),
      metric: Key.optional().meta({ description: "次数由 measure 报送 / the count is reported as a measure" }),
      taskIds: z.array(TaskId).optional(),
      requirementIds: z.array(RequirementId).optional(),
      perShort: Points.optional().meta({ description: "每少一次扣 / per time short" }),
      below: Points.optional().meta({ description: "少于 atLeast 次的扣（一次）/ once, when short" }),
      phrase,
      source,
      cap: clauseCap,
    }),
    z.strictObject({
      kind: z.literal("rate"),
      metric: Key.optional(),
      ratio: z.strictObject({ numerator: Key, denominator: Key }).optional(),
      bound: z.enum(["at_least", "at_most"]),
      target: z.union([z.number(), z.strictObject({ benchmark: Key })]),
      percent: z.boolean().optional().meta({ description: "数值是百分数（默认是）/ values are percentages (default true)" }),
      per: Points,
      step: z.number().optional().meta({ description: "每低（高）多少个百分点扣一次，默认1 / percentage points per step, default 1" }),
      steps: z.enum(["exact", "whole", "started", "once"]).optional(),
      rounding: Rounding.optional(),
      phrase,
      source,
      cap: clauseCap,
    }),
    z.strictObject({ kind: z.literal("trend"), metrics: z.array(Key).min(1), when: z.enum(["rose", "not_fell", "fell", "not_rose"]), per: Points, phrase, source, cap: clauseCap }),
    z.strictObject({ kind: z.literal("rectification"), perOpen: Points, perLate: Points, phrase, source, cap: clauseCap }),
  ])
  .meta({ id: "ScoringMethod", title: "评分方法" });
/** @category Scoring */
export type ScoringMethod = z.infer<typeof ScoringMethod>;
/**
 * 评分方法的种类。The kinds of scoring clause.
 * @category Scoring
 * @example
 * const kind: ScoringMethodKind = "condition";
 */
export type ScoringMethodKind = ScoringMethod["kind"];

/**
 * 扣分下限：`zero` 扣完为止；`multiple` 扣完标准分的 N 倍为止（可为负分）；`deduction` 累计扣分不超过 N 分
 * （本项限扣N分）；`none` 本级不设下限（扣分计入上一级）。指标默认 `zero`，考核内容和总分默认 `none`。
 * How far deductions go at one level: to zero (扣完为止), to N times the level's points (扣完标准分的2倍为止),
 * at most N points in all (累计扣分不超过N分 / 限扣N分), or no floor here (the level above bounds it).
 * Indicators default to `zero`; areas and the whole to `none`.
 * @category Scoring
 * @example
 * Floor.parse({ kind: "multiple", multiple: 2 });
 * Floor.parse({ kind: "deduction", points: 1.2 });
 */
export const Floor = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("zero") }),
    z.strictObject({ kind: z.literal("multiple"), multiple: z.number().min(1).max(10) }),
    z.strictObject({ kind: z.literal("deduction"), points: Points }),
    z.strictObject({ kind: z.literal("none") }),
  ])
  .meta({ id: "Floor", title: "扣分下限" });
/** @category Scoring */
export type Floor = z.infer<typeof Floor>;

/**
 * 考核内容（一级、二级……指标）：`parent` 指向上一级，层级不限。`floor` 为本级的扣分下限，`cap` 为本级最多得分
 * （有计入本级的加分时才起作用）；`office` 为评分责任单位，下级未写时沿用。
 * An area (一级, 二级 … 指标): `parent` points at the level above, at any depth; `floor` and `cap`
 * bound what the area earns; `office` is the scoring office, inherited by what lies below.
 * @category Scoring
 * @example
 * Area.parse({ id: "decisions", name: "科学民主决策", points: 20, parent: "party", floor: { kind: "zero" } });
 */
export const Area = z
  .strictObject({
    id: Key,
    name: z.string().min(1),
    points: Points,
    parent: Key.optional(),
    floor: Floor.optional(),
    cap: Points.optional(),
    office: z.string().min(1).optional(),
    source,
  })
  .meta({ id: "Area", title: "考核内容" });
/** @category Scoring */
export type Area = z.infer<typeof Area>;

/**
 * 考核指标（最末一级）。`methods` 是评分标准的各条，扣分相加后共用 `floor`；`rule` 保存评分标准原文；
 * `office` 为评分责任单位（评分单位、责任处室），显示在评分卡上。分值为0的指标是负面清单式的只扣分项
 * （此时 `floor` 应为 `none` 或 `deduction`，如“本项限扣5分”）。从考核细则读出的方案，各部分带 `source`（原文位置）。
 * An indicator (the lowest level): its points, floor, who it applies to, its scoring clauses
 * (`methods`, added up against the one floor), the published wording (`rule`) and the scoring
 * office shown on score cards. An indicator of 0 points is a negative-list item that only
 * deducts (with a `none` or `deduction` floor). A scheme drafted from a criteria table
 * (`readSchemeTable`) keeps on each area, indicator, method, veto and category its `source`: the
 * cell (row, column) and offsets it was read from.
 * @category Scoring
 * @example
 * Indicator.parse({
 *   id: "rules", name: "建立健全议事规则及决策制度", area: "decisions", points: 5, office: "市委办",
 *   appliesTo: {},
 *   methods: [
 *     { kind: "condition", tag: "制度不健全", points: 3 },
 *     { kind: "condition", tag: "落实不到位", points: 2 },
 *   ],
 *   rule: "制度不健全的扣3分；落实不到位的扣2分",
 * });
 */
export const Indicator = z
  .strictObject({
    id: Key,
    name: z.string().min(1),
    area: Key,
    points: Points,
    floor: Floor.optional(),
    office: z.string().min(1).optional(),
    appliesTo: AppliesTo,
    methods: z.array(ScoringMethod).min(1),
    rule: z.string().optional(),
    source,
  })
  .meta({ id: "Indicator", title: "考核指标" });
/** @category Scoring */
export type Indicator = z.infer<typeof Indicator>;

/**
 * 加减分类别（附加项、负面清单、表彰加分）。`sign` 为 `bonus`（加分，依据 `award` 记录的 `category`）或 `penalty`
 * （减分，依据 `incident` 记录的 `tag`）；`stage` 为 `outside`（折算后加减，默认）或 `inside`（折算前计入 `area`
 * 指定的考核内容，未指定时计入总分）；`requiresEvidence` 要求表彰文件等佐证。
 * An adjustment category: a bonus (from `award` entries) or a penalty (from `incident` entries),
 * counted after normalisation (`outside`, the default) or before it, inside a named area or the
 * whole (`inside`); `requiresEvidence` counts only awards with evidence.
 * @category Scoring
 * @example
 * AdjustmentCategory.parse({ id: "prov", name: "省级表彰", per: 2, group: "honours", requiresEvidence: true });
 * AdjustmentCategory.parse({ id: "通报批评", name: "被通报批评", sign: "penalty", per: 1, stage: "inside", area: "work" });
 */
export const AdjustmentCategory = z
  .strictObject({
    id: Key,
    name: z.string().min(1),
    sign: z.enum(["bonus", "penalty"]).optional(),
    per: Points,
    cap: Points.optional(),
    group: Key.optional(),
    requiresEvidence: z.boolean().optional(),
    stage: z.enum(["outside", "inside"]).optional(),
    area: Key.optional(),
    source,
  })
  .meta({ id: "AdjustmentCategory", title: "加减分类别" });
/** @category Scoring */
export type AdjustmentCategory = z.infer<typeof AdjustmentCategory>;

/**
 * 加减分：总上限（`cap` 加分最多，`penaltyCap` 减分最多）、类别组（如 表彰类≤5、排名类≤15；同一表彰文件的多个层次
 * 只有最高的全额计分，其余按 `othersShare`% 计）和各类别。
 * Adjustments: overall caps, groups of categories with their own caps (and, within one award
 * document, only the highest tier in full, the others at `othersShare` percent), and categories.
 * @category Scoring
 * @example
 * Adjustments.parse({
 *   cap: 20,
 *   groups: [{ id: "honours", name: "表彰类", cap: 5, othersShare: 50 }, { id: "ranks", name: "排名类", cap: 15 }],
 *   categories: [{ id: "prov", name: "省级表彰", per: 2, group: "honours" }],
 * });
 */
export const Adjustments = z
  .strictObject({
    cap: Points.optional(),
    penaltyCap: Points.optional(),
    groups: z.array(z.strictObject({ id: Key, name: z.string().min(1), cap: Points.optional(), othersShare: z.int().min(0).max(100).optional() })).optional(),
    categories: z.array(AdjustmentCategory),
  })
  .meta({ id: "Adjustments", title: "加减分" });
/** @category Scoring */
export type Adjustments = z.infer<typeof Adjustments>;

/**
 * 一票否决事项：默认直接定为最低等次；给出 `below` 时只是不得评为该等次及以上（如“不得评为优秀”）。
 * A veto: the lowest grade, or, with `below`, any grade below the named one (不得评为优秀).
 * @category Scoring
 * @example
 * Veto.parse({ id: "major-case", name: "发生重大执法过错案件", below: "优秀" });
 */
export const Veto = z.strictObject({ id: Key, name: z.string().min(1), below: z.string().min(1).optional(), source }).meta({ id: "Veto", title: "一票否决" });
/** @category Scoring */
export type Veto = z.infer<typeof Veto>;

/**
 * 考核方案：总分、考核内容（可多级）、指标、加权组成（可选）、加减分、一票否决、等次及其比例。方案是数据，不是代码。
 * An assessment scheme — data, not code: total, areas (any depth), indicators, optional
 * weighted components, adjustments, vetoes, grade bands with quotas, and the scheme-wide rules
 * (rounding, missing data, joint leads, the same problem found twice).
 *
 * @category Scoring
 * @example
 * const scheme = ScoringScheme.parse(JSON.parse(readFileSync("seeds/wuzhi-2024.scheme.json", "utf8")));
 */
export const ScoringScheme = z
  .strictObject({
    id: Key,
    title: z.string().min(1),
    year: z.int().min(1949).max(2200).optional(),
    description: z.string().optional(),
    total: Points,
    rounding: Rounding.optional().meta({ description: "舍入方式（默认 half_up 四舍五入）/ rounding of every division (default half_up)" }),
    normalise: z.boolean().optional().meta({ description: "折算成百分制: units assessed on different indicator sets are compared on earned/available × total. Default true." }),
    onMissing: z.enum(["zero", "full", "exclude"]).optional().meta({ description: "An indicator whose data is missing: scored 0 (default), full, or left out of the available points." }),
    floor: Floor.optional().meta({ description: "总分（折算前）的下限 / floor of the whole, before normalisation" }),
    cap: Points.optional().meta({ description: "总分（折算前）的上限 / cap of the whole, before normalisation" }),
    areas: z.array(Area).min(1),
    indicators: z.array(Indicator).min(1),
    components: z.array(z.strictObject({ id: Key, name: z.string().min(1), weight: z.int().min(0).max(100), areas: z.array(Key).min(1) })).optional(),
    adjustments: Adjustments.optional(),
    vetoes: z.array(Veto).optional(),
    grades: z.array(z.strictObject({ name: z.string().min(1), min: z.number().min(0).max(100), maxShare: z.int().min(0).max(100).optional() })).min(1),
    lowestGrade: z.string().min(1),
    quotaTies: z.enum(["all_down", "all_in"]).optional().meta({ description: "比例线上并列的单位：全部降档（默认）或全部保留 / tied units at a quota line: all move down (default) or all stay" }),
    quotaRounding: Rounding.optional().meta({ description: "比例名额的取整（默认 down 向下取整）/ rounding of a quota (default down)" }),
    jointLeads: z.enum(["shared", "each"]).optional().meta({ description: "共同牵头：一家完成即都完成（shared，默认）或各自报送（each）/ joint leads: one completion counts for all (default) or each reports" }),
    sameProblem: z.enum(["each", "first", "larger"]).optional().meta({ description: "同一问题涉及多个指标：各自扣分（each，默认）、只在方案中第一个指标扣（first）或只扣较多的一处（larger）" }),
  })
  .meta({ id: "ScoringScheme", title: "考核方案" });
/** @category Scoring */
export type ScoringScheme = z.infer<typeof ScoringScheme>;

/**
 * 评分行中的一项扣分、加分或调整，金额为百分之一分的整数（正数为扣分，负数为加分）。台账记录编号在
 * `entries` 中，作为依据引用，不写进 `reason`。
 * A deduction (or other adjustment) in integer hundredths of a point (positive = deducted,
 * negative = added), with its reason; the ledger entries behind it are references in `entries`.
 * @category Scoring
 * @example
 * const d: ScoreAdjustment = { reason: "2024年第2季度逾期未完成", reasonEn: "Q2 2024 overdue", hundredths: 200, entries: [] };
 */
export const ScoreAdjustment = z
  .strictObject({
    reason: z.string(),
    reasonEn: z.string(),
    hundredths: z.int(),
    entries: z.array(EntryId),
    clause: z.int().min(0).optional().meta({ description: "指标 methods 中的第几条 / index into the indicator's methods" }),
    occurrenceId: OccurrenceId.optional(),
    requirement: z.strictObject({ id: RequirementId, phrase: z.string(), source: SourceSpan.optional() }).optional(),
  })
  .meta({ id: "ScoreAdjustment", title: "扣分明细" });
/** @category Scoring */
export type ScoreAdjustment = z.infer<typeof ScoreAdjustment>;

/**
 * 评分行：指标行（`indicator`）、考核内容或总分的封顶保底（`limit`）、折算（`normalisation`）、加分（`bonus`）、
 * 减分（`penalty`）或一票否决（`veto`）。分值为百分之一分的整数；一张卡所有行的 `earned` 之和恰好等于总分。
 * `state` 标明数据缺失等情况，不会悄悄记 0 分。
 * A line of a score card, in integer hundredths; the lines of a card add up to its total exactly.
 * `state` makes missing data explicit — never a silent 0.
 * @category Scoring
 * @example
 * const line: ScoreLine = card.lines[0]!;
 * line.earned;
 */
export const ScoreLine = z
  .strictObject({
    kind: z.enum(["indicator", "limit", "normalisation", "bonus", "penalty", "veto"]),
    id: Key,
    name: z.string(),
    area: Key.optional(),
    office: z.string().optional(),
    available: z.int(),
    earned: z.int(),
    state: z.enum(["scored", "missing_data", "excluded"]),
    adjustments: z.array(ScoreAdjustment),
    note: z.string().optional(),
    noteEn: z.string().optional(),
  })
  .meta({ id: "ScoreLine", title: "评分行" });
/** @category Scoring */
export type ScoreLine = z.infer<typeof ScoreLine>;

/**
 * 一个单位的考核结果：总分（百分之一分的整数）、等次、名次、是否被一票否决、每一行的来历，以及各考核内容的小计。
 * 没有任何指标适用的单位为“未考核”（`assessed: false`），不排名次、不占等次比例。
 * A unit's result: total (integer hundredths), grade, rank, whether a veto applied, every line
 * that made it, and the subtotal of each area. A unit no indicator applies to is "not assessed"
 * (未考核): no rank, outside the quotas.
 * @category Scoring
 * @example
 * const card: ScoreCard = scoreUnits(input)[0]!;
 * `${card.name} ${formatPoints(card.total)} ${card.grade}`;
 */
export const ScoreCard = z
  .strictObject({
    unitId: UnitId,
    name: z.string(),
    total: z.int(),
    available: z.int(),
    grade: z.string(),
    rank: z.int().min(1).optional(),
    assessed: z.boolean(),
    vetoed: z.boolean(),
    lines: z.array(ScoreLine),
    areas: z.array(z.strictObject({ id: Key, name: z.string(), parent: Key.optional(), office: z.string().optional(), available: z.int(), earned: z.int() })).optional(),
  })
  .meta({ id: "ScoreCard", title: "考核结果" });
/** @category Scoring */
export type ScoreCard = z.infer<typeof ScoreCard>;

/**
 * 未考核单位的等次名称。The grade shown for a unit nobody assessed.
 * @category Scoring
 * @example
 * NOT_ASSESSED;
 * //=> "未考核"
 */
export const NOT_ASSESSED = "未考核";
