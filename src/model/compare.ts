import * as z from "zod";
import { PlanId, RequirementId, TaskId, UnitId } from "./ids.js";
import { Role } from "./plan.js";
import { ScheduleRule } from "./schedule.js";

// The results of comparing two plans (src/compare): data users serialise, so each has a schema
// and a JSON Schema. Scores are shares between 0 and 1, rounded to three decimals.

const Share = z.number().min(0).max(1);

/**
 * 对比结果中引用的工作安排：编号、标题和年度。The plan a comparison result refers to.
 *
 * @category Compare
 * @example
 * PlanRef.parse({ id: "wuzhi-2024", title: "武陟县2024年度法治政府建设工作安排", year: 2024 });
 */
export const PlanRef = z
  .strictObject({ id: PlanId, title: z.string(), year: z.int().optional() })
  .meta({ id: "PlanRef", title: "对比的工作安排" });
/** @category Compare */
export type PlanRef = z.infer<typeof PlanRef>;

/**
 * 对比结果中的任务摘要：编号、序号、原文编号、标题和所在部分，不需要原计划也能显示。
 * A task as shown in a comparison result: enough to print it without the plan.
 *
 * @category Compare
 * @example
 * ComparedTask.parse({
 *   id: "wuzhi-2024.t03", no: 3, label: "（三）", title: "推进政府机构职能优化协同高效",
 *   section: { no: 2, title: "健全政府机构职能体系，推动更好发挥政府作用" },
 * });
 */
export const ComparedTask = z
  .strictObject({
    id: TaskId,
    no: z.int().min(1),
    label: z.string().optional(),
    title: z.string(),
    section: z.strictObject({ no: z.int().min(1), title: z.string() }),
  })
  .meta({ id: "ComparedTask", title: "对比中的任务" });
/** @category Compare */
export type ComparedTask = z.infer<typeof ComparedTask>;

/**
 * 配对的种类：`same` 一对一，`split` 一拆为多（1:n），`merge` 多合为一（n:1）。
 * How tasks pair: one to one, one split into several, several merged into one.
 *
 * @category Compare
 * @example
 * PairKind.parse("split");
 */
export const PairKind = z.enum(["same", "split", "merge"]).meta({ id: "PairKind", title: "配对种类" });
/** @category Compare */
export type PairKind = z.infer<typeof PairKind>;

/**
 * 两个任务之间的一条对应：相似度（加权字符二元组的 Dice 系数）、各自有多少文字在对方中出现，以及支持这条对应的
 * 共同词句（两段原文中都有的子串，最长的在前）。
 * One link between a task of each plan: the similarity of their texts (weighted Dice over
 * character bigrams), how much of each text is found in the other, and the shared phrases that
 * justify the link (substrings of both texts, longest first).
 *
 * @category Compare
 * @example
 * AlignmentLink.parse({
 *   a: "wuzhi-2024.t03", b: "wuzhi-2025.t04", score: 0.912, coverageA: 0.93, coverageB: 0.9,
 *   phrases: ["积极推进基层管理体制机制改革"],
 * });
 */
export const AlignmentLink = z
  .strictObject({
    a: TaskId,
    b: TaskId,
    score: Share.meta({ description: "Similarity of the two texts: weighted Dice over character bigrams." }),
    coverageA: Share.meta({ description: "Share of task a's text (by weight) that is also in task b." }),
    coverageB: Share.meta({ description: "Share of task b's text (by weight) that is also in task a." }),
    phrases: z.array(z.string().min(1)).meta({ description: "Shared phrases: substrings of both texts, longest first." }),
  })
  .meta({ id: "AlignmentLink", title: "任务对应" });
/** @category Compare */
export type AlignmentLink = z.infer<typeof AlignmentLink>;

/**
 * 一组对应的任务：一对一、一拆为多或多合为一，带整体相似度和每条对应。
 * A group of corresponding tasks (1:1, 1:n or n:1) with its overall similarity and its links.
 *
 * @category Compare
 * @example
 * AlignedPair.parse({
 *   kind: "same", a: ["wuzhi-2024.t03"], b: ["wuzhi-2025.t04"], score: 0.912,
 *   links: [{ a: "wuzhi-2024.t03", b: "wuzhi-2025.t04", score: 0.912, coverageA: 0.93, coverageB: 0.9, phrases: [] }],
 * });
 */
export const AlignedPair = z
  .strictObject({
    kind: PairKind,
    a: z.array(TaskId).min(1),
    b: z.array(TaskId).min(1),
    score: Share.meta({ description: "Similarity of the a side's text to the b side's text, taken together." }),
    links: z.array(AlignmentLink).min(1),
  })
  .meta({ id: "AlignedPair", title: "对应任务组" });
/** @category Compare */
export type AlignedPair = z.infer<typeof AlignedPair>;

/**
 * 两份工作安排的任务对照：对应的任务组（按 a 的顺序），以及各自没有对应的任务。
 * How the tasks of two plans correspond: the groups (in the order of plan a) and the tasks of
 * each plan with no counterpart.
 *
 * @category Compare
 * @example
 * const alignment: Alignment = alignPlans(plan2024, plan2025);
 * alignment.unpairedB; // tasks new in 2025
 */
export const Alignment = z
  .strictObject({
    a: PlanRef,
    b: PlanRef,
    pairs: z.array(AlignedPair),
    unpairedA: z.array(TaskId),
    unpairedB: z.array(TaskId),
  })
  .meta({ id: "Alignment", title: "任务对照" });
/** @category Compare */
export type Alignment = z.infer<typeof Alignment>;

/**
 * 字符级文字差异的一段：相同、删除或新增。One piece of a character-level text diff.
 *
 * @category Compare
 * @example
 * TextEdit.parse({ op: "insert", text: "不断" });
 */
export const TextEdit = z
  .strictObject({ op: z.enum(["equal", "delete", "insert"]), text: z.string().min(1) })
  .meta({ id: "TextEdit", title: "文字差异" });
/** @category Compare */
export type TextEdit = z.infer<typeof TextEdit>;

/**
 * 某一角色的单位变化：新增、删去，或同一单位换了名称（按单位名录的曾用名、别名判断）。
 * A change of units in one role: added, removed, or the same unit under another name (judged by
 * the roster's former names and aliases, or by resolved unit ids).
 *
 * @category Compare
 * @example
 * UnitChange.parse({ role: "lead", change: "renamed", from: "县工商局", to: "县市场监管局", unitId: "scjgj" });
 */
export const UnitChange = z
  .discriminatedUnion("change", [
    z.strictObject({ role: Role, change: z.literal("added"), unit: z.string().min(1), unitId: UnitId.optional() }),
    z.strictObject({ role: Role, change: z.literal("removed"), unit: z.string().min(1), unitId: UnitId.optional() }),
    z.strictObject({ role: Role, change: z.literal("renamed"), from: z.string().min(1), to: z.string().min(1), unitId: UnitId }),
  ])
  .meta({ id: "UnitChange", title: "单位变化" });
/** @category Compare */
export type UnitChange = z.infer<typeof UnitChange>;

/**
 * 时间变化中引用的工作要求：编号、原文和时间规则。A requirement as cited in a schedule change.
 *
 * @category Compare
 * @example
 * RequirementRef.parse({ id: "wuzhi-2024.t13.r2", phrase: "6月底前完成全员轮训工作", rule: { kind: "deadline", due: "2024-06-30" } });
 */
export const RequirementRef = z
  .strictObject({ id: RequirementId, phrase: z.string(), rule: ScheduleRule })
  .meta({ id: "RequirementRef", title: "工作要求引用" });
/** @category Compare */
export type RequirementRef = z.infer<typeof RequirementRef>;

/**
 * 时间变化：截止时间提前或推后（按年度差换算后比较）、时间段变化、规则变化（如每季度改为每半年），
 * 或新增、删去一项有日期或有频次的要求。
 * A schedule change: a deadline or window moved (compared after shifting by the difference of
 * the plan years), a rule changed (every quarter → every half year, a quota, another kind), or a
 * dated or counted requirement added or removed.
 *
 * @category Compare
 * @example
 * ScheduleChange.parse({
 *   change: "deadline_moved",
 *   previous: { id: "wuzhi-2024.t13.r2", phrase: "6月底前完成全员轮训工作", rule: { kind: "deadline", due: "2024-06-30" } },
 *   next: { id: "wuzhi-2025.t13.r2", phrase: "9月底前完成全员轮训工作", rule: { kind: "deadline", due: "2025-09-30" } },
 * });
 */
export const ScheduleChange = z
  .strictObject({
    change: z.enum(["deadline_moved", "window_moved", "rule_changed", "added", "removed"]),
    previous: RequirementRef.optional(),
    next: RequirementRef.optional(),
  })
  .meta({ id: "ScheduleChange", title: "时间变化" });
/** @category Compare */
export type ScheduleChange = z.infer<typeof ScheduleChange>;

/**
 * 任务位置的变化：`none` 未动（仅编号变化不算移动），`order` 相对顺序变了，`section` 移到另一部分。
 * Whether a task moved: not at all (renumbering alone is not a move), out of its relative order,
 * or into another section.
 *
 * @category Compare
 * @example
 * TaskMove.parse("section");
 */
export const TaskMove = z.enum(["none", "order", "section"]).meta({ id: "TaskMove", title: "位置变化" });
/** @category Compare */
export type TaskMove = z.infer<typeof TaskMove>;

/**
 * 一组对应任务的变化：移动、重新编号、改写（附字符级差异）、单位变化、时间变化。
 * What changed for one group of corresponding tasks.
 *
 * @category Compare
 * @example
 * const change: TaskChange = diffPlans(plan2024, plan2025).tasks[0]!;
 * change.reworded;
 */
export const TaskChange = z
  .strictObject({
    kind: PairKind,
    previous: z.array(ComparedTask).min(1),
    next: z.array(ComparedTask).min(1),
    score: Share,
    move: TaskMove,
    renumbered: z.boolean(),
    reworded: z.boolean(),
    text: z.array(TextEdit).optional().meta({ description: "Character-level diff of the previous text to the next, when reworded." }),
    units: z.array(UnitChange),
    schedule: z.array(ScheduleChange),
  })
  .meta({ id: "TaskChange", title: "任务变化" });
/** @category Compare */
export type TaskChange = z.infer<typeof TaskChange>;

/**
 * 两年工作安排的差异：新增、删去的任务，每组对应任务的变化，以及计数。
 * What changed from one plan to the next: tasks added and removed, the changes of every group of
 * corresponding tasks (in the next plan's order), and counts.
 *
 * @category Compare
 * @example
 * const diff: PlanDiff = diffPlans(plan2024, plan2025);
 * diff.counts.added;
 */
export const PlanDiff = z
  .strictObject({
    previous: PlanRef,
    next: PlanRef,
    counts: z.strictObject({
      previousTasks: z.int().min(0),
      nextTasks: z.int().min(0),
      added: z.int().min(0),
      removed: z.int().min(0),
      split: z.int().min(0),
      merged: z.int().min(0),
      moved: z.int().min(0),
      renumbered: z.int().min(0),
      reworded: z.int().min(0),
      unitChanges: z.int().min(0),
      scheduleChanges: z.int().min(0),
      unchanged: z.int().min(0),
    }),
    added: z.array(ComparedTask),
    removed: z.array(ComparedTask),
    tasks: z.array(TaskChange),
  })
  .meta({ id: "PlanDiff", title: "工作安排差异" });
/** @category Compare */
export type PlanDiff = z.infer<typeof PlanDiff>;

/**
 * 承接上级任务的一项本级任务：相似度、上级任务有多少文字在其中出现，以及共同词句。
 * A task of the plan that takes up a higher-level task: the similarity, how much of the
 * higher-level task's text it contains, and the shared phrases.
 *
 * @category Compare
 * @example
 * CoverageLink.parse({
 *   task: { id: "jianping-2022.t01", no: 1, title: "加强推进结构调整", section: { no: 1, title: "以政务公开助推经济平稳健康发展" } },
 *   score: 0.81, coverage: 0.84, phrases: ["做强做大产业集群"],
 * });
 */
export const CoverageLink = z
  .strictObject({
    task: ComparedTask,
    score: Share,
    coverage: Share.meta({ description: "Share of the higher-level task's text (by weight) found in this task." }),
    phrases: z.array(z.string().min(1)),
  })
  .meta({ id: "CoverageLink", title: "承接任务" });
/** @category Compare */
export type CoverageLink = z.infer<typeof CoverageLink>;

/**
 * 对照上级文件的落实情况：上级每项任务由哪些本级任务承接（按相似度），没有承接的上级任务，没有上级依据的本级任务。
 * How a plan covers a higher-level document: for each higher-level task, the tasks that take it
 * up (best first); the higher-level tasks nobody took up; the plan's tasks with no anchor above.
 *
 * @category Compare
 * @example
 * const coverage: Coverage = planCoverage(cityPlan, countyPlan);
 * coverage.untaken.map((t) => t.title);
 */
export const Coverage = z
  .strictObject({
    upper: PlanRef,
    plan: PlanRef,
    counts: z.strictObject({
      upperTasks: z.int().min(0),
      taken: z.int().min(0),
      untaken: z.int().min(0),
      planTasks: z.int().min(0),
      anchored: z.int().min(0),
      unanchored: z.int().min(0),
    }),
    items: z.array(z.strictObject({ task: ComparedTask, takenUpBy: z.array(CoverageLink) })),
    untaken: z.array(ComparedTask),
    unanchored: z.array(ComparedTask),
  })
  .meta({ id: "Coverage", title: "对照落实情况" });
/** @category Compare */
export type Coverage = z.infer<typeof Coverage>;
