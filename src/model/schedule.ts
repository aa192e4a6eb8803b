import * as z from "zod";
import { IsoDate } from "./dates.js";
import { ClauseId, OccurrenceId, RequirementId, TaskId, UnitId } from "./ids.js";

/**
 * 周期：月、季度、半年、年。A period of a recurring rule or quota.
 *
 * @category Model
 * @example
 * Period.parse("quarter");
 */
export const Period = z.enum(["month", "quarter", "half_year", "year"]).meta({ id: "Period", title: "周期" });
/** @category Model */
export type Period = z.infer<typeof Period>;

/**
 * 截止型：某日前完成（“6月底前”“年底前”）。Done by a date.
 * @category Model
 * @example
 * DeadlineRule.parse({ kind: "deadline", due: "2024-06-30" });
 */
export const DeadlineRule = z
  .strictObject({ kind: z.literal("deadline"), due: IsoDate })
  .meta({ id: "DeadlineRule", title: "截止时间" });
/** @category Model */
export type DeadlineRule = z.infer<typeof DeadlineRule>;

/**
 * 时段型：在某段时间内完成（“9月份”“上半年”），两端均含。Done within a window (both ends inclusive).
 * @category Model
 * @example
 * WindowRule.parse({ kind: "window", from: "2024-09-01", to: "2024-09-30" });
 */
export const WindowRule = z
  .strictObject({ kind: z.literal("window"), from: IsoDate, to: IsoDate })
  .meta({ id: "WindowRule", title: "时间段" });
/** @category Model */
export type WindowRule = z.infer<typeof WindowRule>;

/**
 * 周期型：每个周期若干次（“每季度开展一次”）。`times` times in every period.
 * @category Model
 * @example
 * RecurringRule.parse({ kind: "recurring", period: "quarter", times: 1 });
 */
export const RecurringRule = z
  .strictObject({ kind: z.literal("recurring"), period: Period, times: z.int().min(1).max(366) })
  .meta({ id: "RecurringRule", title: "周期性要求" });
/** @category Model */
export type RecurringRule = z.infer<typeof RecurringRule>;

/**
 * 数量型：每个周期至少若干次（“每年两期以上”“不少于3次”），在周期末检查。
 * At least `atLeast` times per period, checked at the end of the period.
 * @category Model
 * @example
 * QuotaRule.parse({ kind: "quota", period: "year", atLeast: 2 });
 */
export const QuotaRule = z
  .strictObject({ kind: z.literal("quota"), period: Period, atLeast: z.int().min(1).max(100000) })
  .meta({ id: "QuotaRule", title: "数量要求" });
/** @category Model */
export type QuotaRule = z.infer<typeof QuotaRule>;

/**
 * 持续型：“持续”“常态化”“定期”“经常性”，年底检查。Ongoing work, checked at year end.
 * @category Model
 * @example
 * OngoingRule.parse({ kind: "ongoing" });
 */
export const OngoingRule = z.strictObject({ kind: z.literal("ongoing") }).meta({ id: "OngoingRule", title: "持续性要求" });
/** @category Model */
export type OngoingRule = z.infer<typeof OngoingRule>;

/**
 * 事件型：“及时”，随事件发生，没有固定日期。On event (及时), no fixed date.
 * @category Model
 * @example
 * OnEventRule.parse({ kind: "on_event" });
 */
export const OnEventRule = z.strictObject({ kind: z.literal("on_event") }).meta({ id: "OnEventRule", title: "随事件要求" });
/** @category Model */
export type OnEventRule = z.infer<typeof OnEventRule>;

/**
 * 时间规则（按 `kind` 区分）。A schedule rule, discriminated by `kind`.
 *
 * @category Model
 * @example
 * ScheduleRule.parse({ kind: "recurring", period: "half_year", times: 1 }).kind;
 * //=> "recurring"
 */
export const ScheduleRule = z
  .discriminatedUnion("kind", [DeadlineRule, WindowRule, RecurringRule, QuotaRule, OngoingRule, OnEventRule])
  .meta({ id: "ScheduleRule", title: "时间规则" });
/** @category Model */
export type ScheduleRule = z.infer<typeof ScheduleRule>;
/**
 * 时间规则的种类。The kinds of schedule rule.
 * @category Model
 * @example
 * const kind: ScheduleRuleKind = "quota";
 */
export type ScheduleRuleKind = ScheduleRule["kind"];

/**
 * 时间规则种类的模式（用于时间节点、评分方法等模型），由 {@link ScheduleRule} 推导，种类只写一次。
 * The rule kinds as a schema, for other models; derived from {@link ScheduleRule}, so the list is
 * written once.
 * @category Model
 * @example
 * ScheduleRuleKindSchema.parse("ongoing");
 */
export const ScheduleRuleKindSchema = z.enum(ScheduleRule.options.map((o) => o.shape.kind.value) as [ScheduleRuleKind, ...ScheduleRuleKind[]]);

/**
 * 时间节点：某项工作要求在某个周期的一次具体义务，带时间段和截止日期。`count` 为需要完成的次数
 * （每季度一次为 1，每年两期以上为 2）；“及时”类要求没有日期（`window` 和 `due` 均缺省）。
 * `unitIds` 为负有义务的单位（由责任矩阵得出：该段落确定的牵头和责任单位）。
 *
 * One dated obligation of a requirement in one period: its window, due date and how many
 * completions it needs. On-event (及时) obligations have no window and no due date. `unitIds` are
 * the bound units (the clause's definite lead and responsible units, from the matrix).
 *
 * @category Schedule
 * @example
 * Occurrence.parse({
 *   id: "wuzhi-2024.t23.r2.2024-Q1", requirementId: "wuzhi-2024.t23.r2", taskId: "wuzhi-2024.t23", taskNo: 23,
 *   kind: "recurring", label: "2024年第1季度", action: "开展一次执法监督，并将监督情况予以通报",
 *   window: { from: "2024-01-01", to: "2024-03-31" }, due: "2024-03-31", count: 1, unitIds: ["sfj"],
 * });
 */
export const Occurrence = z
  .strictObject({
    id: OccurrenceId,
    requirementId: RequirementId,
    taskId: TaskId,
    taskNo: z.int().min(1),
    clauseId: ClauseId.optional(),
    kind: ScheduleRuleKindSchema,
    label: z.string(),
    action: z.string(),
    window: z.strictObject({ from: IsoDate, to: IsoDate }).optional(),
    due: IsoDate.optional(),
    count: z.int().min(1),
    unitIds: z.array(UnitId),
  })
  .meta({ id: "Occurrence", title: "时间节点" });
/** @category Schedule */
export type Occurrence = z.infer<typeof Occurrence>;
