import * as z from "zod";
import { IsoDate } from "./dates.js";
import { EntryId, OccurrenceId, PlanId, RequirementId, TaskId, UnitId } from "./ids.js";

/**
 * 台账记录类型。The kinds of ledger entry:
 *
 * | kind | 中文 | 用途 |
 * |---|---|---|
 * | `done` | 完成 | 完成一个时间节点或任务 |
 * | `progress` | 进展 | 进展报告，不计完成 |
 * | `held` | 开展一次 | 开展一次活动（`count` 次），用于数量型要求 |
 * | `incident` | 问题/案件 | 发现的问题或案件（`tag` 标明类别，`count` 宗；`problemId` 标明是哪一个问题，同一问题不重复扣分），用于扣分 |
 * | `measure` | 指标数值 | 某项指标的数值（`metric`、`value`，如行政诉讼发案量、败诉率），用于比率和“双下降” |
 * | `problem` | 督察发现问题 | 督察、检查发现的问题（`problemId`，整改期限 `dueBy`） |
 * | `rectified` | 整改完成 | 问题整改完成（`problemId`） |
 * | `award` | 表彰 | 获得表彰、经验推广等加分事项（`category`，同一 `awardId` 只计一次） |
 * | `veto` | 一票否决 | 发生一票否决事项（`vetoId`） |
 *
 * @category Ledger
 * @example
 * EntryKind.parse("held");
 */
export const EntryKind = z
  .enum(["done", "progress", "held", "incident", "measure", "problem", "rectified", "award", "veto"])
  .meta({ id: "EntryKind", title: "记录类型" });
/** @category Ledger */
export type EntryKind = z.infer<typeof EntryKind>;

/**
 * 佐证材料。Evidence: a title and a reference (a document number, a link, a file name).
 * @category Ledger
 * @example
 * Evidence.parse({ title: "2024年第一季度行政执法监督情况通报", reference: "武司〔2024〕12号" });
 */
export const Evidence = z.strictObject({ title: z.string().min(1), reference: z.string().optional() }).meta({ id: "Evidence", title: "佐证材料" });
/** @category Ledger */
export type Evidence = z.infer<typeof Evidence>;

const base = {
  id: EntryId,
  unitId: UnitId,
  date: IsoDate,
  evidence: z.array(Evidence).optional(),
  note: z.string().optional(),
};
const work = {
  ...base,
  taskId: TaskId,
  requirementId: RequirementId.optional(),
  occurrenceId: OccurrenceId.optional(),
};
const fact = { ...base, taskId: TaskId.optional() };
const Key = z.string().min(1).max(128);

/**
 * 台账记录：某单位报送的一条事实——工作进展（`done`/`progress`/`held`，针对任务、要求、时间节点），
 * 或考核用的事实（问题、指标数值、督察问题与整改、表彰、一票否决）。按 `kind` 区分，各类只有自己的字段。
 * A ledger entry: one fact a unit reported, discriminated by `kind` — work on a task (done,
 * progress, held) or a fact the assessment uses (incidents, measured values, inspection problems
 * and their rectification, awards, vetoes).
 *
 * @category Ledger
 * @example
 * ProgressEntry.parse({
 *   id: "e1", unitId: "sfj", taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2",
 *   occurrenceId: "wuzhi-2024.t23.r2.2024-Q1", date: "2024-03-28", kind: "done",
 *   evidence: [{ title: "一季度执法监督通报" }],
 * });
 * ProgressEntry.parse({ id: "m1", unitId: "sfj", date: "2024-12-31", kind: "measure", metric: "行政诉讼发案量", value: 12 });
 */
export const ProgressEntry = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("done"), ...work, count: z.int().min(1).max(100000).optional() }),
    z.strictObject({ kind: z.literal("progress"), ...work }),
    z.strictObject({ kind: z.literal("held"), ...work, count: z.int().min(1).max(100000).optional() }),
    z.strictObject({ kind: z.literal("incident"), ...fact, tag: Key, count: z.int().min(1).max(100000).optional(), problemId: Key.optional() }),
    z.strictObject({ kind: z.literal("measure"), ...fact, metric: Key, value: z.number().min(-1e12).max(1e12) }),
    z.strictObject({ kind: z.literal("problem"), ...fact, problemId: Key, dueBy: IsoDate }),
    z.strictObject({ kind: z.literal("rectified"), ...fact, problemId: Key }),
    z.strictObject({ kind: z.literal("award"), ...fact, category: Key, awardId: Key.optional() }),
    z.strictObject({ kind: z.literal("veto"), ...fact, vetoId: Key }),
  ])
  .meta({ id: "ProgressEntry", title: "台账记录" });
/** @category Ledger */
export type ProgressEntry = z.infer<typeof ProgressEntry>;
/**
 * 工作进展类记录（针对任务）。The work entries (done, progress, held), which always name a task.
 * @category Ledger
 * @example
 * const isWork = (e: ProgressEntry): e is WorkEntry => e.kind === "done" || e.kind === "progress" || e.kind === "held";
 */
export type WorkEntry = Extract<ProgressEntry, { kind: "done" | "progress" | "held" }>;

/**
 * 工作台账：一份工作安排的全部进展记录。The ledger of a plan: all progress entries.
 * @category Ledger
 * @example
 * Ledger.parse({ planId: "wuzhi-2024", entries: [] });
 */
export const Ledger = z.strictObject({ planId: PlanId, description: z.string().optional(), entries: z.array(ProgressEntry) }).meta({ id: "Ledger", title: "工作台账" });
/** @category Ledger */
export type Ledger = z.infer<typeof Ledger>;
