import * as z from "zod";
import { SourceSpan } from "./diagnostic.js";
import { ClauseId, GroupId, PlanId, RequirementId, TaskId, UnitId } from "./ids.js";
import { ScheduleRule } from "./schedule.js";

/**
 * 分工角色：`lead` 牵头单位，`responsible` 责任单位，`support` 配合/协办/参与单位。
 * A role in an assignment.
 *
 * @category Model
 * @example
 * Role.parse("lead");
 */
export const Role = z.enum(["lead", "responsible", "support"]).meta({ id: "Role", title: "分工角色" });
/** @category Model */
export type Role = z.infer<typeof Role>;

/**
 * 角色的中文名称。Chinese labels of the roles.
 *
 * @category Model
 * @example
 * ROLE_LABELS.lead;
 * //=> "牵头单位"
 */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.freeze({
  lead: "牵头单位",
  responsible: "责任单位",
  support: "配合单位",
});

/**
 * 公文中对单位的一次引用：`text` 为原文写法；解析到单位名录后填 `unitId` 或 `groupId`。
 * `qualifier` 记录“等部门”“按职责分工负责”之类的附加语。
 * A reference to a unit as written in the document (`text`), with the unit or group it
 * resolves to once matched against a roster. `qualifier` keeps trailing words such as 等部门.
 *
 * @category Model
 * @example
 * UnitRef.parse({ text: "县司法局", unitId: "sfj", source: { start: 120, end: 124, line: 59 } });
 */
export const UnitRef = z
  .strictObject({
    text: z.string().min(1),
    unitId: UnitId.optional(),
    groupId: GroupId.optional(),
    qualifier: z.string().min(1).optional(),
    source: SourceSpan.optional(),
  })
  .meta({ id: "UnitRef", title: "单位引用" });
/** @category Model */
export type UnitRef = z.infer<typeof UnitRef>;

/**
 * 分工：按角色列出的单位引用（保持原文、未展开）。Who does it, by role, unexpanded.
 *
 * @category Model
 * @example
 * Assignment.parse({ lead: [{ text: "县司法局" }], responsible: [{ text: "县直有关单位" }], support: [] });
 */
export const Assignment = z
  .strictObject({
    lead: z.array(UnitRef),
    responsible: z.array(UnitRef),
    support: z.array(UnitRef),
  })
  .meta({ id: "Assignment", title: "分工" });
/** @category Model */
export type Assignment = z.infer<typeof Assignment>;

/**
 * 工作要求：任务中一项可检查的义务，带时间规则和原文位置。`units` 仅在原文另行指定责任主体时出现。
 * A checkable obligation inside a task, with its schedule rule and provenance. `units` is set
 * only when the phrase names its own units (otherwise the clause's assignment applies).
 *
 * @category Model
 * @example
 * Requirement.parse({
 *   id: "wuzhi-2024.t13.r1",
 *   phrase: "6月底前完成全员轮训工作",
 *   action: "完成全员轮训工作",
 *   rule: { kind: "deadline", due: "2024-06-30" },
 * });
 */
export const Requirement = z
  .strictObject({
    id: RequirementId,
    clauseId: ClauseId.optional(),
    phrase: z.string().min(1),
    action: z.string().min(1),
    rule: ScheduleRule,
    units: z.array(UnitRef).optional(),
    source: SourceSpan.optional(),
  })
  .meta({ id: "Requirement", title: "工作要求" });
/** @category Model */
export type Requirement = z.infer<typeof Requirement>;

/**
 * 分工段落：任务中带有自己分工的一段文字（种子文件任务4有两段）。
 * A paragraph of a task with its own assignment (task 4 of the seed has two).
 *
 * @category Model
 * @example
 * Clause.parse({
 *   id: "wuzhi-2024.t04.c1",
 *   text: "深入推进政务服务领域改革。……",
 *   assignment: { lead: [{ text: "县行政审批和政务信息管理局" }], responsible: [], support: [] },
 * });
 */
export const Clause = z
  .strictObject({
    id: ClauseId,
    text: z.string(),
    assignment: Assignment,
    source: SourceSpan.optional(),
  })
  .meta({ id: "Clause", title: "分工段落" });
/** @category Model */
export type Clause = z.infer<typeof Clause>;

/**
 * 任务：全文连续编号（种子文件为 1–35），标题为第一句，`text` 为全文。
 * A task, numbered across the whole plan; `title` is its first sentence, `text` the full text.
 *
 * @category Model
 * @example
 * Task.parse({
 *   id: "wuzhi-2024.t01",
 *   no: 1,
 *   title: "坚持把习近平法治思想作为推进法治政府建设的根本遵循",
 *   text: "坚持把习近平法治思想作为推进法治政府建设的根本遵循。……",
 *   clauses: [],
 *   requirements: [],
 * });
 */
export const Task = z
  .strictObject({
    id: TaskId,
    no: z.int().min(1),
    label: z.string().optional().meta({ description: "The number as written in the document, e.g. （二十一） or 3." }),
    title: z.string(),
    text: z.string(),
    clauses: z.array(Clause),
    requirements: z.array(Requirement),
    source: SourceSpan.optional(),
  })
  .meta({ id: "Task", title: "任务" });
/** @category Model */
export type Task = z.infer<typeof Task>;

/**
 * 任务分组：只起分组作用、本身没有句子的中间层标题，如“（一）加强组织领导”下列“1.”“2.”项，项才是任务。
 * `level` 为在部分之下的层次（1 为部分的直接下级）；`tasks` 为其下（含更深分组）的全部任务；
 * `assignment` 为标题本身写明的分工（如“总牵头单位”），不下传给各项。
 * A heading that only groups tasks (a （一） line with no sentence above its 1. items). `level` is its
 * depth under the section (1 = directly under it); `tasks` lists every task under it, through deeper
 * groups too; `assignment` holds units printed on the heading itself (总牵头单位), not passed down.
 *
 * @category Model
 * @example
 * TaskGroup.parse({ label: "（一）", title: "加强组织领导", level: 1, tasks: ["plan-2024.t01", "plan-2024.t02"] });
 */
export const TaskGroup = z
  .strictObject({
    label: z.string().optional().meta({ description: "The number as written, e.g. （一）." }),
    title: z.string(),
    level: z.int().min(1),
    text: z.string().optional().meta({ description: "Text between the heading and its first item, if any." }),
    tasks: z.array(TaskId),
    assignment: Assignment.optional(),
    source: SourceSpan.optional(),
  })
  .meta({ id: "TaskGroup", title: "任务分组" });
/** @category Model */
export type TaskGroup = z.infer<typeof TaskGroup>;

/**
 * 部分：“一、”“二、”……及其下的任务；任务上面只起分组作用的标题记在 `groups`。
 * A section (一、二、…) and its tasks; headings that only group its tasks are in `groups`.
 *
 * @category Model
 * @example
 * Section.parse({ no: 1, title: "深入学习贯彻习近平法治思想", tasks: [] });
 */
export const Section = z
  .strictObject({
    no: z.int().min(1),
    title: z.string(),
    text: z.string().optional().meta({ description: "Text between the section heading and its first task, if any." }),
    tasks: z.array(Task),
    groups: z.array(TaskGroup).optional().meta({ description: "Headings that only group tasks, in document order." }),
    source: SourceSpan.optional(),
  })
  .meta({ id: "Section", title: "部分" });
/** @category Model */
export type Section = z.infer<typeof Section>;

/**
 * 工作安排：一份公文、一个年度。A plan: one document, one year.
 *
 * @category Model
 * @example
 * Plan.parse({
 *   id: "wuzhi-2024",
 *   title: "武陟县2024年度法治政府建设工作安排",
 *   year: 2024,
 *   issuer: "武陟县法治政府建设领导小组",
 *   docNumber: "武法政〔2024〕1号",
 *   sections: [],
 * });
 */
export const Plan = z
  .strictObject({
    id: PlanId,
    title: z.string(),
    year: z.int().min(1949).max(2200).optional().meta({ description: "The plan year; absent only when the text did not say and the caller did not give it. For a multi-year plan, its first year." }),
    endYear: z.int().min(1949).max(2200).optional().meta({ description: "The last year of a multi-year plan (规划（2016—2020年）), absent for a one-year plan." }),
    issuer: z.string().min(1).optional(),
    docNumber: z.string().min(1).optional(),
    noticeTitle: z.string().min(1).optional(),
    addressees: z.array(z.string().min(1)).optional(),
    preamble: z.string().optional().meta({ description: "Text between the title and the first section (导语)." }),
    sections: z.array(Section),
    closing: z.string().optional().meta({ description: "Text after the last task's units that applies to the whole plan (结语)." }),
  })
  .meta({ id: "Plan", title: "工作安排" });
/** @category Model */
export type Plan = z.infer<typeof Plan>;
