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
 * 评分方法（按 `kind` 区分）。How an indicator is scored, by `kind`:
 *
 * - `occurrences`：时间节点完成情况（可用 `requirementIds`、`ruleKinds` 限定范围）。`perMissing` 每个逾期未完成节点扣分（少1项扣2分）；`perLate` 逾期完成扣分，
 *   `latePer` 按逾期天/周/月累加；`perShort` 数量型每少一次扣分（每少一次扣2分）；`allOrNothing` 否则得0分。
 * - `incidents`：每发现一宗（`tag` 类别）扣 `per` 分（发现1宗扣2分）。
 * - `rate`：指标 `metric` 低于 `target`（百分数）时每低一个百分点扣 `perPoint` 分。
 * - `tier`：按最严重的等级扣分（制度不健全扣3分；落实不到位扣2分），等级以 `incident` 记录的 `tag` 报送。
 * - `trend`：各指标本年比上年下降（“双下降”），每有一项未下降扣 `perMetric` 分；上年数据来自 `previous` 台账，
 *   未给出时取本台账中日期在上一年的 `measure` 记录。
 * - `rectification`：督察问题整改，期限已过仍未整改的每个扣 `perOpen`，逾期整改的每个扣 `perLate`。
 *
 * @category Scoring
 * @example
 * ScoringMethod.parse({ kind: "incidents", tag: "执法过错", per: 2 });
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
    }),
    z.strictObject({ kind: z.literal("incidents"), tag: Key, per: Points }),
    z.strictObject({ kind: z.literal("rate"), metric: Key, target: z.number().min(0).max(100), perPoint: Points }),
    z.strictObject({ kind: z.literal("tier"), tiers: z.array(z.strictObject({ tag: Key, name: z.string(), deduct: Points })).min(1) }),
    z.strictObject({ kind: z.literal("trend"), metrics: z.array(Key).min(1), perMetric: Points }),
    z.strictObject({ kind: z.literal("rectification"), perOpen: Points, perLate: Points }),
  ])
  .meta({ id: "ScoringMethod", title: "评分方法" });
/** @category Scoring */
export type ScoringMethod = z.infer<typeof ScoringMethod>;

/**
 * 扣分下限：`zero` 扣完为止（默认）；`multiple` 扣完标准分的 N 倍为止（可为负分）。
 * How far deductions go: to zero (扣完为止, the default), or to N times the item's points (扣完标准分的2倍为止).
 * @category Scoring
 * @example
 * Floor.parse({ kind: "multiple", multiple: 2 });
 */
export const Floor = z
  .discriminatedUnion("kind", [z.strictObject({ kind: z.literal("zero") }), z.strictObject({ kind: z.literal("multiple"), multiple: z.number().min(1).max(10) })])
  .meta({ id: "Floor", title: "扣分下限" });
/** @category Scoring */
export type Floor = z.infer<typeof Floor>;

/**
 * 考核指标。An indicator: its points, floor, who it applies to and how it is scored; `rule` keeps
 * the scheme's own wording (评分细则).
 * @category Scoring
 * @example
 * Indicator.parse({
 *   id: "supervision", name: "每季度开展执法监督并通报", area: "tasks", points: 8,
 *   appliesTo: { taskIds: ["wuzhi-2024.t23"], roles: ["lead"] },
 *   method: { kind: "occurrences", requirementIds: ["wuzhi-2024.t23.r2"], perMissing: 2 },
 *   rule: "每季度开展一次执法监督并通报，少1次扣2分，扣完为止",
 * });
 */
export const Indicator = z
  .strictObject({
    id: Key,
    name: z.string().min(1),
    area: Key,
    points: Points,
    floor: Floor.optional(),
    appliesTo: AppliesTo,
    method: ScoringMethod,
    rule: z.string().optional(),
  })
  .meta({ id: "Indicator", title: "考核指标" });
/** @category Scoring */
export type Indicator = z.infer<typeof Indicator>;

/**
 * 考核方案：总分、考核内容（`areas`）、指标、加权组成（可选）、加分、一票否决、等次。方案是数据，不是代码。
 * An assessment scheme — data, not code: total, areas, indicators, optional weighted components,
 * bonuses, vetoes and grade bands.
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
    normalise: z.boolean().optional().meta({ description: "折算成百分制: units assessed on different indicator sets are compared on earned/available × total. Default true." }),
    onMissing: z.enum(["zero", "full", "exclude"]).optional().meta({ description: "An indicator whose data is missing: scored 0 (default), full, or left out of the available points." }),
    areas: z.array(z.strictObject({ id: Key, name: z.string().min(1), points: Points })).min(1),
    indicators: z.array(Indicator).min(1),
    components: z.array(z.strictObject({ id: Key, name: z.string().min(1), weight: z.int().min(0).max(100), areas: z.array(Key).min(1) })).optional(),
    bonus: z
      .strictObject({
        cap: Points,
        categories: z.array(z.strictObject({ id: Key, name: z.string().min(1), per: Points, cap: Points })),
      })
      .optional(),
    vetoes: z.array(z.strictObject({ id: Key, name: z.string().min(1) })).optional(),
    grades: z.array(z.strictObject({ name: z.string().min(1), min: z.number().min(0).max(100), maxShare: z.int().min(0).max(100).optional() })).min(1),
    lowestGrade: z.string().min(1),
  })
  .meta({ id: "ScoringScheme", title: "考核方案" });
/** @category Scoring */
export type ScoringScheme = z.infer<typeof ScoringScheme>;

/**
 * 评分行中的一项扣分、加分或调整，金额为百分之一分的整数（正数为扣分）。A deduction (or other
 * adjustment) in integer hundredths of a point (positive = deducted), with its reason and evidence.
 * @category Scoring
 * @example
 * const d: ScoreAdjustment = { reason: "逾期未完成：2024年第2季度", reasonEn: "Overdue: Q2 2024", hundredths: 200, entries: [] };
 */
export const ScoreAdjustment = z
  .strictObject({
    reason: z.string(),
    reasonEn: z.string(),
    hundredths: z.int(),
    entries: z.array(EntryId),
    occurrenceId: OccurrenceId.optional(),
    requirement: z.strictObject({ id: RequirementId, phrase: z.string(), source: SourceSpan.optional() }).optional(),
  })
  .meta({ id: "ScoreAdjustment", title: "扣分明细" });
/** @category Scoring */
export type ScoreAdjustment = z.infer<typeof ScoreAdjustment>;

/**
 * 评分卡中的一行：指标行（`indicator`）、折算行（`normalisation`）、加分行（`bonus`）或一票否决行（`veto`）。
 * 分值为百分之一分的整数；一张卡所有行的 `earned` 之和恰好等于总分。`state` 标明数据缺失等情况，不会悄悄记 0 分。
 * A line of a score card, in integer hundredths; the lines of a card add up to its total exactly.
 * `state` makes missing data explicit — never a silent 0.
 * @category Scoring
 * @example
 * const line: ScoreLine = card.lines[0]!;
 * line.earned;
 */
export const ScoreLine = z
  .strictObject({
    kind: z.enum(["indicator", "normalisation", "bonus", "veto"]),
    id: Key,
    name: z.string(),
    area: Key.optional(),
    available: z.int(),
    earned: z.int(),
    state: z.enum(["scored", "missing_data", "excluded"]),
    adjustments: z.array(ScoreAdjustment),
    note: z.string().optional(),
  })
  .meta({ id: "ScoreLine", title: "评分行" });
/** @category Scoring */
export type ScoreLine = z.infer<typeof ScoreLine>;

/**
 * 一个单位的考核结果：总分（百分之一分的整数）、百分制得分、等次、名次、是否被一票否决、每一行的来历。
 * A unit's result: total (integer hundredths), the score on a 100-point scale, grade, rank,
 * whether a veto applied, and every line that made it.
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
    rank: z.int().min(1),
    vetoed: z.boolean(),
    lines: z.array(ScoreLine),
  })
  .meta({ id: "ScoreCard", title: "考核结果" });
/** @category Scoring */
export type ScoreCard = z.infer<typeof ScoreCard>;
