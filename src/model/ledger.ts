import * as z from "zod";
import { IsoDate } from "./dates.js";
import { EntryId, OccurrenceId, PlanId, RequirementId, TaskId, UnitId } from "./ids.js";

/**
 * 台账记录类型：`done` 已完成，`progress` 进展（不计完成），`held` 开展一次（可带次数，用于数量型要求）。
 * `done`: completed; `progress`: a progress report (does not complete anything); `held`: an
 * event held, with a `count` for quotas.
 *
 * @category Ledger
 * @example
 * EntryKind.parse("held");
 */
export const EntryKind = z.enum(["done", "progress", "held"]).meta({ id: "EntryKind", title: "记录类型" });
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

/**
 * 台账记录：某单位就某任务（某项要求、某个时间节点）报送的进展。
 * A progress entry: what a unit reported on a task (and a requirement, and an occurrence).
 *
 * @category Ledger
 * @example
 * ProgressEntry.parse({
 *   id: "e1", unitId: "sfj", taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2",
 *   occurrenceId: "wuzhi-2024.t23.r2.2024-Q1", date: "2024-03-28", kind: "done",
 *   evidence: [{ title: "一季度执法监督通报" }],
 * });
 */
export const ProgressEntry = z
  .strictObject({
    id: EntryId,
    unitId: UnitId,
    taskId: TaskId,
    requirementId: RequirementId.optional(),
    occurrenceId: OccurrenceId.optional(),
    date: IsoDate,
    kind: EntryKind,
    count: z.int().min(1).max(100000).optional(),
    evidence: z.array(Evidence).optional(),
    note: z.string().optional(),
  })
  .meta({ id: "ProgressEntry", title: "台账记录" });
/** @category Ledger */
export type ProgressEntry = z.infer<typeof ProgressEntry>;

/**
 * 工作台账：一份工作安排的全部进展记录。The ledger of a plan: all progress entries.
 * @category Ledger
 * @example
 * Ledger.parse({ planId: "wuzhi-2024", entries: [] });
 */
export const Ledger = z.strictObject({ planId: PlanId, entries: z.array(ProgressEntry) }).meta({ id: "Ledger", title: "工作台账" });
/** @category Ledger */
export type Ledger = z.infer<typeof Ledger>;
